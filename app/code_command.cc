// `dyad code`: articles in, events out on standard output.
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyse/analyse.h"
#include "commands.h"
#include "export/export.h"
#include "extract/extract.h"

namespace dyad::app {

namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string report_date;
  std::string input_format = "auto";
  std::string output_format = "jsonl";
  bool summary = false;
  bool quiet = false;
  size_t max_record_bytes = 16u << 20;
};

int RunCode(const DictionaryFlags& common, const CodeOptions& options) {
  ReaderOptions reader;
  reader.max_record_bytes = options.max_record_bytes;
  reader.default_report_date = Today();
  if (!options.report_date.empty()) {
    auto date = ParseIsoDate(options.report_date);
    if (!date) {
      fmt::print(stderr, "dyad: --date '{}' is not a date in the form YYYY-MM-DD\n",
                 options.report_date);
      return kExitUsage;
    }
    reader.default_report_date = *date;
  }
  if (options.input_format == "text") reader.format = InputFormat::kText;
  if (options.input_format == "jsonl") reader.format = InputFormat::kJsonl;
  const auto format = ParseOutputFormat(options.output_format);

  const std::unique_ptr<Pipeline> pipeline = LoadPipelineOrReport(common);
  if (pipeline == nullptr) return kExitUsage;
  auto writer = MakeEventWriter(*format, stdout, pipeline->ontology());

  size_t documents = 0, skipped = 0, warnings = 0, sentences = 0;
  std::vector<Event> all_events;
  auto report = [&](const std::string& message) {
    if (!options.quiet) fmt::print(stderr, "dyad: {}\n", message);
  };
  ReadCallbacks callbacks;
  callbacks.on_document = [&](Document&& document) {
    DocumentResult result = pipeline->CodeDocument(document);
    ++documents;
    sentences += result.sentences;
    for (const std::string& warning : result.warnings) {
      ++warnings;
      report("warning: " + warning);
    }
    for (const Event& event : result.events) writer->Write(event);
    if (options.summary) {
      all_events.insert(all_events.end(), std::make_move_iterator(result.events.begin()),
                        std::make_move_iterator(result.events.end()));
    }
  };
  callbacks.on_issue = [&](const ReadIssue& issue) {
    if (issue.record_skipped) {
      ++skipped;
      report("error: " + issue.status.message());
    } else {
      ++warnings;
      report("warning: " + issue.status.message());
    }
  };
  for (const std::string& input : options.inputs) {
    Status status = ReadDocuments(input, reader, callbacks);
    if (!status.ok()) {
      ++skipped;
      report("error: " + status.message());
    }
  }
  writer->Finish();
  if (options.summary) {
    std::fflush(stdout);
    fmt::print("\n");
    PrintDyadSummaries(SummariseDyads(all_events), pipeline->ontology(), stdout);
  }
  std::fflush(stdout);
  if (!options.quiet) {
    fmt::print(stderr, "dyad: {} document(s), {} sentence(s) coded; {} skipped, {} warning(s)\n",
               documents, sentences, skipped, warnings);
  }
  return documents > 0 ? 0 : kExitNothingProcessed;
}

}  // namespace

CommandRunner RegisterCodeCommand(CLI::App& app) {
  auto options = std::make_shared<CodeOptions>();
  auto dictionaries = std::make_shared<DictionaryFlags>();
  CLI::App* command = app.add_subcommand(
      "code", "Code news articles into events, one event per line on standard output");
  command
      ->add_option("inputs", options->inputs,
                   "Files to code: plain text (one article each) or JSON Lines (.jsonl; keys id, "
                   "date, source, url, title, text); '-' reads standard input")
      ->required();
  command->add_option("--date", options->report_date,
                      "Report date YYYY-MM-DD for plain text and records without a date "
                      "(default: today)");
  command->add_option("--input", options->input_format, "Input format (default: by extension)")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  command->add_option("--format", options->output_format, "Output format (default: jsonl)")
      ->check(CLI::IsMember({"jsonl", "tsv", "csv", "table"}));
  command->add_flag("--summary", options->summary,
                    "After the events, print a summary per pair of actors");
  command->add_flag("-q,--quiet", options->quiet, "Print no messages on standard error");
  command->add_option("--max-record-bytes", options->max_record_bytes,
                      "Skip documents and JSON lines larger than this (default: 16 MiB)");
  AddDictionaryFlags(command, *dictionaries);
  return [command, options, dictionaries]() -> int {
    return command->parsed() ? RunCode(*dictionaries, *options) : -1;
  };
}

}  // namespace dyad::app
