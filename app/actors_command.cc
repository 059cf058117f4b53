// `dyad actors`: what the actor dictionaries know about a name at a date,
// the actors they find in a text, and how much they cover.
#include <fmt/core.h>

#include <cstdio>
#include <string>

#include "actors/actors.h"
#include "commands.h"

namespace dyad::app {

namespace {

struct ActorsOptions {
  std::string name;
  std::string date;
  bool text = false;
  bool stats = false;
};

int RunActors(const DictionaryFlags& flags, const ActorsOptions& options) {
  CivilDate date = Today();
  if (!options.date.empty()) {
    auto parsed = ParseIsoDate(options.date);
    if (!parsed) {
      fmt::print(stderr, "dyad: --date '{}' is not a date in the form YYYY-MM-DD\n", options.date);
      return kExitUsage;
    }
    date = *parsed;
  }
  if (options.name.empty() && !options.stats) {
    fmt::print(stderr, "dyad actors: give a NAME (or --text TEXT) or --stats\n");
    return kExitUsage;
  }
  auto dictionary =
      ActorDictionary::Load(ActorOptions{flags.data_dir, flags.iso_codes_dir, flags.actor_files});
  if (!dictionary.ok()) {
    fmt::print(stderr, "dyad: cannot load the dictionaries: {}\n", dictionary.status().message());
    return kExitUsage;
  }
  if (options.stats) fmt::print("{}", DescribeStats(**dictionary));
  if (!options.name.empty()) {
    fmt::print("{}", options.text ? DescribeText(**dictionary, options.name, date)
                                  : DescribeName(**dictionary, options.name, date));
  }
  return kExitOk;
}

}  // namespace

CommandRunner RegisterActorsCommand(CLI::App& app) {
  auto flags = std::make_shared<DictionaryFlags>();
  auto options = std::make_shared<ActorsOptions>();
  CLI::App* command = app.add_subcommand(
      "actors",
      "Look up a name in the actor dictionaries at a date (people's codes depend on it), show "
      "the actors found in a text, or summarise coverage");
  command->add_option("NAME", options->name, "A name as written in the news ('Duque', 'Caracas')");
  command->add_option("--date", options->date,
                      "Date to resolve people's roles at (default: today)");
  command->add_flag("--text", options->text,
                    "Read NAME as a text: list every actor found in it, with its code at --date");
  command->add_flag("--stats", options->stats, "Counts of states, organisations, people and roles");
  AddDictionaryFlags(command, *flags);
  return [command, flags, options]() -> int {
    if (!command->parsed()) return -1;
    return RunActors(*flags, *options);
  };
}

}  // namespace dyad::app
