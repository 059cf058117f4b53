#include <fmt/core.h>

#include <chrono>
#include <cstdlib>

#include "commands.h"

namespace dyad::app {

namespace {

std::string DefaultDir(const char* env, const char* compiled) {
  const char* value = std::getenv(env);
  return value != nullptr && *value != '\0' ? value : compiled;
}

}  // namespace

void AddDictionaryFlags(CLI::App* command, DictionaryFlags& flags) {
  flags.data_dir = DefaultDir("DYAD_DATA_DIR", DYAD_DEFAULT_DATA_DIR);
  flags.iso_codes_dir = DefaultDir("DYAD_ISO_CODES_DIR", DYAD_DEFAULT_ISO_CODES_DIR);
  command->add_option("--data-dir", flags.data_dir,
                      "Directory of dyad's dictionaries (default: $DYAD_DATA_DIR or the build's "
                      "data/)");
  command->add_option("--iso-codes-dir", flags.iso_codes_dir,
                      "Directory of Debian's iso-codes JSON files");
  command
      ->add_option("--actors", flags.actor_files,
                   "Extra actor dictionary (format of data/actors/countries.tsv or "
                   "data/actors/people.tsv); repeatable")
      ->check(CLI::ExistingFile);
}

std::unique_ptr<Pipeline> LoadPipelineOrReport(const DictionaryFlags& flags,
                                               int historical_after_days) {
  auto pipeline = Pipeline::Load(PipelineOptions{flags.data_dir, flags.iso_codes_dir,
                                                 flags.actor_files, historical_after_days});
  if (!pipeline.ok()) {
    fmt::print(stderr, "dyad: cannot load the dictionaries: {}\n", pipeline.status().message());
    return nullptr;
  }
  return std::move(pipeline).value();
}

void AddReaderFlags(CLI::App* command, std::string& report_date, std::string& input_format,
                    size_t& max_record_bytes) {
  command->add_option("--date", report_date,
                      "Report date YYYY-MM-DD for documents that state none (default: today)");
  command->add_option("--input", input_format, "Input format (default: by content and extension)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html", "warc"}));
  command->add_option("--max-record-bytes", max_record_bytes,
                      "Skip documents, JSON lines and WARC records larger than this (default: "
                      "16 MiB)");
}

std::optional<ReaderOptions> ReaderOptionsFromFlags(const std::string& report_date,
                                                    const std::string& input_format,
                                                    size_t max_record_bytes) {
  ReaderOptions reader;
  reader.max_record_bytes = max_record_bytes;
  reader.default_report_date = Today();
  if (!report_date.empty()) {
    auto date = ParseIsoDate(report_date);
    if (!date) {
      fmt::print(stderr, "dyad: --date '{}' is not a date in the form YYYY-MM-DD\n", report_date);
      return std::nullopt;
    }
    reader.default_report_date = *date;
  }
  if (input_format == "text") reader.format = InputFormat::kText;
  if (input_format == "jsonl") reader.format = InputFormat::kJsonl;
  if (input_format == "html") reader.format = InputFormat::kHtml;
  if (input_format == "warc") reader.format = InputFormat::kWarc;
  return reader;
}

void ReadInputs(const std::vector<std::string>& inputs, const ReaderOptions& reader,
                const std::function<void(Document&&)>& on_document, bool quiet, size_t& skipped,
                size_t& warnings, const std::function<bool()>& stop) {
  auto report = [quiet](const std::string& message) {
    if (!quiet) fmt::print(stderr, "dyad: {}\n", message);
  };
  ReadCallbacks callbacks;
  callbacks.on_document = on_document;
  callbacks.on_issue = [&](const ReadIssue& issue) {
    if (issue.record_skipped) {
      ++skipped;
      report("error: " + issue.status.message());
    } else {
      ++warnings;
      report("warning: " + issue.status.message());
    }
  };
  for (const std::string& input : inputs) {
    if (stop && stop()) break;
    const Status status = ReadDocuments(input, reader, callbacks);
    if (!status.ok()) {
      ++skipped;
      report("error: " + status.message());
    }
  }
}

CivilDate Today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return CivilFromDays(days);
}

}  // namespace dyad::app
