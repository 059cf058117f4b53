#include "store_flags.h"

#include <fmt/core.h>

#include "commands.h"

namespace dyad::app {

void AddEventFilterFlags(CLI::App* command, EventFilterFlags& flags) {
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

StatusOr<std::optional<CivilDate>> ParseDateFlag(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::optional<CivilDate>();
  const std::optional<CivilDate> date = ParseIsoDate(text);
  if (!date) {
    return Status::InvalidInput(
        fmt::format("{} '{}' is not a date in the form YYYY-MM-DD", flag, text));
  }
  return date;
}

StatusOr<DateRange> ParseDateRange(const std::string& from, const std::string& to) {
  auto first = ParseDateFlag("--from", from);
  if (!first.ok()) return first.status();
  auto last = ParseDateFlag("--to", to);
  if (!last.ok()) return last.status();
  return DateRange{*first, *last};
}

std::optional<bool> ParseHistorical(const std::string& value) {
  if (value == "yes") return true;
  if (value == "no") return false;
  return std::nullopt;
}

StatusOr<EventQuery> BuildEventQuery(const EventFilterFlags& flags) {
  EventQuery query;
  auto dates = ParseDateRange(flags.from, flags.to);
  if (!dates.ok()) return dates.status();
  query.dates = *dates;
  query.actor = flags.actor;
  query.source = flags.source;
  query.target = flags.target;
  if (!flags.dyad.empty()) {
    const size_t comma = flags.dyad.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == flags.dyad.size()) {
      return Status::InvalidInput(
          fmt::format("--dyad '{}' is not a pair of actors such as VEN,USA", flags.dyad));
    }
    if (!flags.source.empty() || !flags.target.empty()) {
      return Status::InvalidInput("--dyad cannot be combined with --source or --target");
    }
    query.source = flags.dyad.substr(0, comma);
    query.target = flags.dyad.substr(comma + 1);
    query.either_direction = !flags.directed;
  }
  query.actor_name = flags.name;
  query.code = flags.code;
  query.quad_class = flags.quad_class;
  query.historical = ParseHistorical(flags.historical);
  query.text = flags.text;
  return query;
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
