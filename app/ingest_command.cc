// `dyad ingest`: articles in, coded into the event store.
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "extract/extract.h"
#include "store/store.h"
#include "store_flags.h"

namespace dyad::app {

namespace {

struct IngestOptions {
  std::string db;
  std::vector<std::string> inputs;
  std::string report_date;
  std::string input_format = "auto";
  bool quiet = false;
  size_t max_record_bytes = 16u << 20;
};

int RunIngest(const DictionaryFlags& common, const IngestOptions& options) {
  auto reader_flags =
      ReaderOptionsFromFlags(options.report_date, options.input_format, options.max_record_bytes);
  if (!reader_flags) return kExitUsage;
  ReaderOptions reader = *reader_flags;

  // The dictionaries first: a usage error must not create a store.
  const std::unique_ptr<Pipeline> pipeline = LoadPipelineOrReport(common);
  if (pipeline == nullptr) return kExitUsage;
  const std::unique_ptr<EventStore> store = OpenStoreOrReport(options.db, StoreMode::kReadWrite);
  if (store == nullptr) return kExitStore;

  size_t stored = 0, duplicates = 0, skipped = 0, warnings = 0, mentions = 0, new_events = 0,
         updated_events = 0;
  Status store_failure;
  ProgressLine progress(options.quiet);
  auto on_document = [&](Document&& document) -> size_t {
    if (!store_failure.ok()) return 0;  // the store refused a write: nothing more goes in
    StoredDocument record;
    record.content_hash = ContentHash(document.text);
    auto known = store->HasDocument(record.content_hash);
    if (known.ok() && *known) {
      ++duplicates;
      return 0;  // already stored: not even coded again
    }
    DocumentResult result = pipeline->CodeDocument(document);
    for (const std::string& warning : result.warnings) {
      ++warnings;
      progress.Message("warning: " + warning);
    }
    record.document = &document;
    record.sentences = result.sentences;
    const MinHashSignature signature = ComputeSignature(document.text);
    record.signature = &signature;
    auto outcome = store->IngestDocument(record, result.events);
    if (!outcome.ok()) {
      store_failure = outcome.status();
      return 0;
    }
    if (outcome->duplicate) {
      ++duplicates;
      return 0;
    }
    ++stored;
    mentions += outcome->mentions;
    new_events += outcome->new_events;
    updated_events += outcome->updated_events;
    return outcome->mentions;
  };
  ReadInputs(options.inputs, reader, on_document, progress, skipped, warnings,
             [&] { return !store_failure.ok(); });
  if (!store_failure.ok()) {
    fmt::print(stderr,
               "dyad: {}\ndyad: stopped; the {} document(s) stored before are intact, the "
               "failed one was not stored\n",
               store_failure.message(), stored);
    return kExitStore;
  }
  if (!options.quiet) {
    fmt::print(stderr,
               "dyad: {} document(s) stored, {} already stored; {} event mention(s): {} new "
               "event(s), {} known event(s) updated; {} skipped, {} warning(s)\n",
               stored, duplicates, mentions, new_events, updated_events, skipped, warnings);
  }
  return stored + duplicates > 0 ? kExitOk : kExitNothingProcessed;
}

}  // namespace

CommandRunner RegisterIngestCommand(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  auto dictionaries = std::make_shared<DictionaryFlags>();
  CLI::App* command = app.add_subcommand(
      "ingest", "Code news articles into an event store (SQLite, created on first use)");
  command->add_option("--db", options->db, "The store: an SQLite file")->required();
  command
      ->add_option("inputs", options->inputs,
                   "Files to ingest: plain text (one article each) or JSON Lines (.jsonl); '-' "
                   "reads standard input")
      ->required();
  AddReaderFlags(command, options->report_date, options->input_format, options->max_record_bytes);
  command->add_flag("-q,--quiet", options->quiet, "Print no messages on standard error");
  AddDictionaryFlags(command, *dictionaries);
  return [command, options, dictionaries]() -> int {
    return command->parsed() ? RunIngest(*dictionaries, *options) : -1;
  };
}

}  // namespace dyad::app
