#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

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
                const std::function<size_t(Document&&)>& on_document, ProgressLine& progress,
                size_t& skipped, size_t& warnings, const std::function<bool()>& stop) {
  std::vector<uint64_t> sizes;
  uint64_t total = 0;
  for (const std::string& input : inputs) {
    std::error_code error;
    const uint64_t size = input == "-" ? 0 : std::filesystem::file_size(input, error);
    sizes.push_back(error ? 0 : size);
    total += sizes.back();
  }
  progress.SetTotalBytes(total);
  ReadCallbacks callbacks;
  callbacks.on_document = [&](Document&& document) {
    const size_t bytes = document.text.size();
    const size_t events = on_document(std::move(document));
    progress.AddDocument(bytes, events);
  };
  callbacks.on_issue = [&](const ReadIssue& issue) {
    if (issue.record_skipped) {
      ++skipped;
      progress.AddError();
      progress.Message("error: " + issue.status.message());
    } else {
      ++warnings;
      progress.Message("warning: " + issue.status.message());
    }
  };
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (stop && stop()) break;
    const Status status = ReadDocuments(inputs[i], reader, callbacks);
    if (!status.ok()) {
      ++skipped;
      progress.AddError();
      progress.Message("error: " + status.message());
    }
    progress.FinishInput(sizes[i]);
  }
  progress.Finish();
}

CivilDate Today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return CivilFromDays(days);
}

}  // namespace dyad::app
