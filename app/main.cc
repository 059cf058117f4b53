// The dyad command line: parses flags into options and calls the stages.
// Nothing here that a test would want to check; that lives in src/.

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analyse/analyse.h"
#include "export/export.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"

namespace {

// Exit codes: 0 = something was coded (problems, if any, were reported),
// 1 = nothing could be processed, 2 = bad usage or unreadable dictionaries.
constexpr int kExitNothingProcessed = 1;
constexpr int kExitUsage = 2;

struct CommonOptions {
  std::string data_dir;
  std::string iso_codes_dir;
  std::vector<std::string> actor_files;
};

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string report_date;
  std::string input_format = "auto";
  std::string output_format = "jsonl";
  bool summary = false;
  bool quiet = false;
  size_t max_record_bytes = 16u << 20;
};

std::string DefaultDir(const char* env, const char* compiled) {
  const char* value = std::getenv(env);
  return value != nullptr && *value != '\0' ? value : compiled;
}

dyad::CivilDate Today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return dyad::CivilFromDays(days);
}

int RunCode(const CommonOptions& common, const CodeOptions& options) {
  dyad::ReaderOptions reader;
  reader.max_record_bytes = options.max_record_bytes;
  reader.default_report_date = Today();
  if (!options.report_date.empty()) {
    auto date = dyad::ParseIsoDate(options.report_date);
    if (!date) {
      fmt::print(stderr, "dyad: --date '{}' is not a date in the form YYYY-MM-DD\n",
                 options.report_date);
      return kExitUsage;
    }
    reader.default_report_date = *date;
  }
  if (options.input_format == "text") reader.format = dyad::InputFormat::kText;
  if (options.input_format == "jsonl") reader.format = dyad::InputFormat::kJsonl;
  const auto format = dyad::ParseOutputFormat(options.output_format);

  auto pipeline = dyad::Pipeline::Load(
      dyad::PipelineOptions{common.data_dir, common.iso_codes_dir, common.actor_files});
  if (!pipeline.ok()) {
    fmt::print(stderr, "dyad: cannot load the dictionaries: {}\n", pipeline.status().message());
    return kExitUsage;
  }
  auto writer = dyad::MakeEventWriter(*format, stdout, (*pipeline)->ontology());

  size_t documents = 0, skipped = 0, warnings = 0, sentences = 0;
  std::vector<dyad::Event> all_events;
  auto report = [&](const std::string& message) {
    if (!options.quiet) fmt::print(stderr, "dyad: {}\n", message);
  };
  dyad::ReadCallbacks callbacks;
  callbacks.on_document = [&](dyad::Document&& document) {
    dyad::DocumentResult result = (*pipeline)->CodeDocument(document);
    ++documents;
    sentences += result.sentences;
    for (const std::string& warning : result.warnings) {
      ++warnings;
      report("warning: " + warning);
    }
    for (const dyad::Event& event : result.events) writer->Write(event);
    if (options.summary) {
      all_events.insert(all_events.end(), std::make_move_iterator(result.events.begin()),
                        std::make_move_iterator(result.events.end()));
    }
  };
  callbacks.on_issue = [&](const dyad::ReadIssue& issue) {
    if (issue.record_skipped) {
      ++skipped;
      report("error: " + issue.status.message());
    } else {
      ++warnings;
      report("warning: " + issue.status.message());
    }
  };
  for (const std::string& input : options.inputs) {
    dyad::Status status = dyad::ReadDocuments(input, reader, callbacks);
    if (!status.ok()) {
      ++skipped;
      report("error: " + status.message());
    }
  }
  writer->Finish();
  if (options.summary) {
    std::fflush(stdout);
    fmt::print("\n");
    dyad::PrintDyadSummaries(dyad::SummariseDyads(all_events), (*pipeline)->ontology(), stdout);
  }
  std::fflush(stdout);
  if (!options.quiet) {
    fmt::print(stderr, "dyad: {} document(s), {} sentence(s) coded; {} skipped, {} warning(s)\n",
               documents, sentences, skipped, warnings);
  }
  return documents > 0 ? 0 : kExitNothingProcessed;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "dyad: political event data from news text — who did what to whom, when.\n"
      "Run 'dyad SUBCOMMAND --help' for the options of each subcommand."};
  app.set_version_flag("--version", "dyad 0.1.0");
  app.require_subcommand(1);

  CommonOptions common;
  common.data_dir = DefaultDir("DYAD_DATA_DIR", DYAD_DEFAULT_DATA_DIR);
  common.iso_codes_dir = DefaultDir("DYAD_ISO_CODES_DIR", DYAD_DEFAULT_ISO_CODES_DIR);

  CodeOptions code;
  CLI::App* code_command = app.add_subcommand(
      "code", "Code news articles into events, one event per line on standard output");
  code_command
      ->add_option("inputs", code.inputs,
                   "Files to code: plain text (one article each) or JSON Lines (.jsonl; "
                   "keys id, date, source, url, title, text); '-' reads standard input")
      ->required();
  code_command->add_option("--date", code.report_date,
                           "Report date YYYY-MM-DD for plain text and records without a date "
                           "(default: today)");
  code_command->add_option("--input", code.input_format, "Input format (default: by extension)")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  code_command->add_option("--format", code.output_format, "Output format (default: jsonl)")
      ->check(CLI::IsMember({"jsonl", "tsv", "csv", "table"}));
  code_command->add_flag("--summary", code.summary,
                         "After the events, print a summary per pair of actors");
  code_command->add_flag("-q,--quiet", code.quiet, "Print no messages on standard error");
  code_command->add_option("--max-record-bytes", code.max_record_bytes,
                           "Skip documents and JSON lines larger than this (default: 16 MiB)");
  for (CLI::App* command : {code_command}) {
    command->add_option("--data-dir", common.data_dir,
                        "Directory of dyad's dictionaries (default: $DYAD_DATA_DIR or the "
                        "build's data/)");
    command->add_option("--iso-codes-dir", common.iso_codes_dir,
                        "Directory of Debian's iso-codes JSON files");
    command
        ->add_option("--actors", common.actor_files,
                     "Extra actor dictionary (format of data/actors/countries.tsv); repeatable")
        ->check(CLI::ExistingFile);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? 0 : kExitUsage;
  }
  if (code_command->parsed()) return RunCode(common, code);
  return kExitUsage;
}
