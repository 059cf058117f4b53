// `dyad export`: every event of the store (or those matching filters) in a
// format other tools load: GDELT 2.0-like TSV, CSV, JSON Lines.
#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "commands.h"
#include "export/export.h"
#include "store_flags.h"

namespace dyad::app {

namespace {

struct ExportOptions {
  std::string db;
  std::string format;
  std::string output;  // empty: standard output
  EventFilterParams filters;
};

int RunExport(const ExportOptions& options) {
  if (options.format == "parquet") {
    fmt::print(stderr,
               "dyad: Parquet export is not available: Debian 12 packages no C++ Parquet writer "
               "(no libparquet-dev or libarrow-dev); export --format csv or jsonl and convert, "
               "e.g. pandas.read_csv(...).to_parquet(...)\n");
    return kExitUsage;
  }
  auto query = BuildEventQuery("--", options.filters);
  if (!query.ok()) return ReportQueryError(query.status());
  const std::unique_ptr<EventStore> store = OpenStoreOrReport(options.db, StoreMode::kReadOnly);
  if (store == nullptr) return kExitStore;

  // A file is written beside its final name and renamed at the end, so a
  // failed export leaves nothing behind, not half a file.
  const std::string partial = options.output + ".partial";
  std::FILE* out = stdout;
  if (!options.output.empty()) {
    out = std::fopen(partial.c_str(), "wb");
    if (out == nullptr) {
      fmt::print(stderr, "dyad: cannot write {}: {}\n", partial, std::strerror(errno));
      return kExitStore;
    }
  }
  Status status;
  if (options.format == "gdelt") {
    status = store->ForEachEvent(*query, [&](const StoredEvent& stored) {
      const std::vector<std::string> values = GdeltValues(stored);
      std::string line;
      for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0) line += '\t';
        line += values[i];
      }
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), out);
      return Status::Ok();
    });
  } else {
    // CSV and JSON Lines are the event record exactly as dyad code writes it.
    Ontology no_names;  // the table format is not offered here
    auto writer = MakeEventWriter(
        options.format == "csv" ? OutputFormat::kCsv : OutputFormat::kJsonl, out, no_names);
    status = store->ForEachEvent(*query, [&](const StoredEvent& stored) {
      writer->Write(stored.event);
      return Status::Ok();
    });
    writer->Finish();
  }
  const bool write_failed = std::fflush(out) != 0 || std::ferror(out) != 0;
  if (out != stdout) std::fclose(out);
  if (status.ok() && write_failed) {
    status = Status::IoError(fmt::format("cannot write {}: {}",
                                         options.output.empty() ? "standard output" : partial,
                                         std::strerror(errno)));
  }
  if (!status.ok()) {
    if (!options.output.empty()) std::remove(partial.c_str());
    return ReportQueryError(status);
  }
  if (!options.output.empty() && std::rename(partial.c_str(), options.output.c_str()) != 0) {
    fmt::print(stderr, "dyad: cannot write {}: {}\n", options.output, std::strerror(errno));
    std::remove(partial.c_str());
    return kExitStore;
  }
  return kExitOk;
}

}  // namespace

CommandRunner RegisterExportCommand(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command =
      app.add_subcommand("export", "Write the store's events as GDELT-like TSV, CSV or JSON Lines");
  command->add_option("--db", options->db, "The store: an SQLite file made by dyad ingest")
      ->required();
  command
      ->add_option("--format", options->format,
                   "gdelt (GDELT 2.0 event table columns, no header), csv, jsonl or parquet "
                   "(not available on Debian 12)")
      ->required()
      ->check(CLI::IsMember({"gdelt", "csv", "jsonl", "parquet"}));
  command->add_option("-o,--output", options->output,
                      "Write to this file (default: standard output)");
  AddEventFilterFlags(command, options->filters);
  return [command, options]() -> int { return command->parsed() ? RunExport(*options) : -1; };
}

}  // namespace dyad::app
