// The subcommands of `dyad`. Each lives in its own file, adds itself to the
// CLI11 app with Register*Command, and returns a callback that runs it when
// it was the one parsed. Commands parse flags and call stages; logic that a
// test would want lives in src/.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "progress.h"

namespace dyad::app {

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitNothingProcessed = 1;  // no input could be processed at all
constexpr int kExitUsage = 2;             // bad flags or unreadable dictionaries

// Options every command that codes text takes.
struct DictionaryFlags {
  std::string data_dir;
  std::string iso_codes_dir;
  std::vector<std::string> actor_files;
};

// Adds --data-dir, --iso-codes-dir and --actors to `command`.
void AddDictionaryFlags(CLI::App* command, DictionaryFlags& flags);

// Loads the pipeline, printing the reason and returning null on failure.
// `historical_after_days`: see PipelineOptions.
std::unique_ptr<Pipeline> LoadPipelineOrReport(const DictionaryFlags& flags,
                                               int historical_after_days = 30);

// Adds the input flags every reading command shares: --date, --input,
// --max-record-bytes.
void AddReaderFlags(CLI::App* command, std::string& report_date, std::string& input_format,
                    size_t& max_record_bytes);

// ReaderOptions from the input flags every reading command shares (--date,
// --input, --max-record-bytes); prints the reason and returns nullopt when
// --date is not a date.
std::optional<ReaderOptions> ReaderOptionsFromFlags(const std::string& report_date,
                                                    const std::string& input_format,
                                                    size_t max_record_bytes);

// Reads every input in turn, handing each document to `on_document`, which
// returns the number of events it found. Problems are counted in `skipped`
// (a record or a file not read) and `warnings` (repaired and kept) and
// reported through `progress`, which also shows how far the run is. When
// `stop` is given and returns true, no further input is opened.
void ReadInputs(const std::vector<std::string>& inputs, const ReaderOptions& reader,
                const std::function<size_t(Document&&)>& on_document, ProgressLine& progress,
                size_t& skipped, size_t& warnings, const std::function<bool()>& stop = nullptr);

// Today's date from the system clock: the only place dyad reads it.
CivilDate Today();

using CommandRunner = std::function<int()>;

CommandRunner RegisterCodeCommand(CLI::App& app);
CommandRunner RegisterExtractCommand(CLI::App& app);
CommandRunner RegisterActorsCommand(CLI::App& app);
CommandRunner RegisterServeCommand(CLI::App& app);
CommandRunner RegisterIngestCommand(CLI::App& app);
CommandRunner RegisterQueryCommand(CLI::App& app);
CommandRunner RegisterExportCommand(CLI::App& app);

}  // namespace dyad::app
