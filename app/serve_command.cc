// `dyad serve`: the HTTP API and the dashboard.
#include <fmt/core.h>

#include <cstdlib>
#include <memory>

#include "commands.h"
#include "serve/serve.h"

namespace dyad::app {

namespace {

struct ServeFlags {
  std::string host = "127.0.0.1";
  int port = 8427;
  std::string token;
  std::string web_root = DYAD_DEFAULT_WEB_DIR;
  size_t max_body_bytes = 1u << 20;
  std::string db;
  int threads = 128;
};

int RunServe(const DictionaryFlags& dictionaries, const ServeFlags& flags) {
  const std::unique_ptr<Pipeline> pipeline = LoadPipelineOrReport(dictionaries);
  if (pipeline == nullptr) return kExitUsage;
  ServeOptions options;
  options.host = flags.host;
  options.port = flags.port;
  options.web_root = flags.web_root;
  options.max_body_bytes = flags.max_body_bytes;
  options.today = Today();
  options.token = flags.token;
  options.db_path = flags.db;
  options.threads = flags.threads;
  if (options.token.empty()) {
    if (const char* token = std::getenv("DYAD_TOKEN")) options.token = token;
  }
  auto server = Server::Create(options, *pipeline);
  if (!server.ok()) {
    fmt::print(stderr, "dyad: {}\n", server.status().message());
    return kExitUsage;
  }
  auto port = (*server)->Bind();
  if (!port.ok()) {
    fmt::print(stderr, "dyad: {}\n", port.status().message());
    return kExitUsage;
  }
  fmt::print(stderr, "dyad: serving http://{}:{}/ {}{}(Ctrl-C stops)\n", flags.host, *port,
             flags.db.empty() ? "without a store " : "on " + flags.db + " (read-only) ",
             options.token.empty() ? "" : "with a token required on /api/ ");
  (*server)->Run();
  return kExitOk;
}

}  // namespace

CommandRunner RegisterServeCommand(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  auto dictionaries = std::make_shared<DictionaryFlags>();
  CLI::App* command = app.add_subcommand("serve", "Serve the JSON API and the dashboard over HTTP");
  command->add_option("--host", flags->host, "Address to bind (default 127.0.0.1)");
  command->add_option("--port", flags->port, "Port (default 8427)")->check(CLI::Range(0, 65535));
  command->add_option("--token", flags->token,
                      "Token required on /api/ requests (default: $DYAD_TOKEN); mandatory when "
                      "--host is not a loopback address");
  command->add_option("--web-root", flags->web_root, "Directory of the dashboard's files");
  command->add_option("--max-body-bytes", flags->max_body_bytes,
                      "Largest request body accepted (default 1 MiB)");
  command->add_option("--db", flags->db,
                      "The event store to serve (made by dyad ingest), opened read-only: ingest "
                      "may keep writing to it");
  command
      ->add_option("--threads", flags->threads,
                   "Worker threads, each serving one connection at a time (default 128)")
      ->check(CLI::Range(1, 1024));
  AddDictionaryFlags(command, *dictionaries);
  return [command, flags, dictionaries]() -> int {
    return command->parsed() ? RunServe(*dictionaries, *flags) : -1;
  };
}

}  // namespace dyad::app
