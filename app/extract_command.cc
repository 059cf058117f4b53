// `dyad extract`: shows what will be coded — each document's metadata and
// its clean text (after the clean stage's boilerplate removal) — or writes
// the documents as JSON Lines that `dyad code` reads back.
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "commands.h"
#include "export/export.h"
#include "extract/extract.h"

namespace dyad::app {

namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string report_date;
  std::string input_format = "auto";
  std::string output_format = "text";
  bool all_languages = false;
  bool quiet = false;
  size_t max_record_bytes = 16u << 20;
};

void PrintText(const Document& document, const std::string& text) {
  fmt::print("=== {}\n", document.id);
  fmt::print("origin:   {}\n", document.origin);
  fmt::print("title:    {}\n", document.title);
  fmt::print("date:     {}\n", FormatIsoDate(document.report_date));
  fmt::print("url:      {}\n", document.url);
  fmt::print("source:   {}\n", document.source);
  fmt::print("language: {}\n", document.language.empty() ? "(not declared)" : document.language);
  fmt::print("\n{}\n", text);
  if (!text.empty() && text.back() != '\n') fmt::print("\n");
}

void PrintJsonLine(const Document& document, const std::string& text) {
  fmt::print(
      "{{\"id\":{},\"date\":\"{}\",\"source\":{},\"url\":{},\"title\":{},\"language\":{},"
      "\"text\":{}}}\n",
      JsonQuote(document.id), FormatIsoDate(document.report_date), JsonQuote(document.source),
      JsonQuote(document.url), JsonQuote(document.title), JsonQuote(document.language),
      JsonQuote(text));
}

int RunExtract(const ExtractOptions& options) {
  auto reader_flags =
      ReaderOptionsFromFlags(options.report_date, options.input_format, options.max_record_bytes);
  if (!reader_flags) return kExitUsage;
  ReaderOptions reader = *reader_flags;
  reader.english_only = !options.all_languages;

  size_t documents = 0, skipped = 0, warnings = 0;
  ProgressLine progress(options.quiet);
  auto on_document = [&](Document&& document) -> size_t {
    ++documents;
    const CleanResult clean = CleanText(document.text);
    if (options.output_format == "jsonl") {
      PrintJsonLine(document, clean.text);
    } else {
      PrintText(document, clean.text);
    }
    return 0;
  };
  ReadInputs(options.inputs, reader, on_document, progress, skipped, warnings);
  std::fflush(stdout);
  if (!options.quiet) {
    fmt::print(stderr, "dyad: {} document(s) extracted; {} skipped, {} warning(s)\n", documents,
               skipped, warnings);
  }
  return documents > 0 ? kExitOk : kExitNothingProcessed;
}

}  // namespace

CommandRunner RegisterExtractCommand(CLI::App& app) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* command = app.add_subcommand(
      "extract", "Print each document's metadata and the clean text that would be coded");
  command
      ->add_option("inputs", options->inputs,
                   "Files: HTML, WARC or WARC.gz, JSON Lines, plain text; '-' reads standard "
                   "input")
      ->required();
  AddReaderFlags(command, options->report_date, options->input_format, options->max_record_bytes);
  command
      ->add_option("--format", options->output_format,
                   "text (metadata and text, for reading) or jsonl (documents `dyad code` reads)")
      ->check(CLI::IsMember({"text", "jsonl"}));
  command->add_flag("--all-languages", options->all_languages,
                    "Also show pages that declare a language other than English");
  command->add_flag("-q,--quiet", options->quiet, "Print no messages on standard error");
  return [command, options]() -> int { return command->parsed() ? RunExtract(*options) : -1; };
}

}  // namespace dyad::app
