// The dyad command line: one subcommand per job, each in its own file
// (app/*_command.cc). Flags only; the work happens in src/.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "dyad: political event data from news text — who did what to whom, when.\n"
      "Run 'dyad SUBCOMMAND --help' for the options of each subcommand."};
  app.set_version_flag("--version", "dyad 0.1.0");
  app.require_subcommand(1);

  // A runner returns -1 when its subcommand was not the one given.
  const std::vector<dyad::app::CommandRunner> commands = {
      dyad::app::RegisterCodeCommand(app),   dyad::app::RegisterExtractCommand(app),
      dyad::app::RegisterActorsCommand(app), dyad::app::RegisterServeCommand(app),
      dyad::app::RegisterIngestCommand(app), dyad::app::RegisterQueryCommand(app),
      dyad::app::RegisterExportCommand(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? dyad::app::kExitOk : dyad::app::kExitUsage;
  }
  for (const auto& run : commands) {
    const int status = run();
    if (status >= 0) return status;
  }
  return dyad::app::kExitUsage;
}
