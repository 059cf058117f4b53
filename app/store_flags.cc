#include "store_flags.h"

#include <fmt/core.h>

#include "commands.h"

namespace dyad::app {

void AddEventFilterFlags(CLI::App* command, EventFilterParams& flags) {
  command->add_option("--actor", flags.actor,
                      "Either side is this actor: a code (VENGOV), country (VEN) or "
                      "organisation (NATO)");
  command->add_option("--source", flags.source, "The source (acting) actor");
  command->add_option("--target", flags.target, "The target actor");
  command->add_option("--dyad", flags.dyad,
                      "A pair A,B in either direction (with --directed: A acts on B)");
  command->add_flag("--directed", flags.directed, "--dyad A,B means A acts on B only");
  command->add_option("--name", flags.name, "A part of either actor's name as written");
  command->add_option("--code", flags.code, "CAMEO event code or prefix: 16 (a root), 161, 1661");
  command->add_option("--quad-class", flags.quad_class,
                      "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 "
                      "material conflict");
  command->add_option("--from", flags.from, "First event date, YYYY-MM-DD (inclusive)");
  command->add_option("--to", flags.to, "Last event date, YYYY-MM-DD (inclusive)");
  command
      ->add_option("--historical", flags.historical,
                   "Historical events (recollections): yes, no or any (default any)")
      ->check(CLI::IsMember({"yes", "no", "any"}));
  command->add_option("--text", flags.text, "A part of an evidence sentence");
}

std::unique_ptr<EventStore> OpenStoreOrReport(const std::string& path, StoreMode mode) {
  auto store = EventStore::Open(path, mode);
  if (!store.ok()) {
    fmt::print(stderr, "dyad: {}\n", store.status().message());
    return nullptr;
  }
  return std::move(store).value();
}

int ReportQueryError(const Status& status) {
  fmt::print(stderr, "dyad: {}\n", status.message());
  switch (status.code()) {
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return kExitStore;
    default:
      return kExitUsage;
  }
}

}  // namespace dyad::app
