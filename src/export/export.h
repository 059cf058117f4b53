// export: writes events as JSON Lines, TSV, CSV or a table for people.
//
// JSON Lines is the reference form of the event record (docs/event-record.md):
// one object per event, the key names fixed. TSV and CSV carry the same
// fields flattened (source.code -> source_code), with a header row; TSV
// replaces tabs and line breaks inside fields by spaces, CSV quotes as RFC
// 4180 says. The table is for reading in a terminal and is not a stable
// format. A writer is used from one thread.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/event.h"
#include "ontology/ontology.h"

namespace dyad {

enum class OutputFormat { kJsonl, kTsv, kCsv, kTable };

// "jsonl" | "tsv" | "csv" | "table"
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void Write(const Event& event) = 0;
  // Flushes what the format holds back (the table aligns its columns at the end).
  virtual void Finish() {}
};

// `ontology` names the event codes in the table; it must outlive the writer.
std::unique_ptr<EventWriter> MakeEventWriter(OutputFormat format, std::FILE* out,
                                             const Ontology& ontology);

// One event as a JSON object on one line (no trailing newline).
std::string EventToJson(const Event& event);

// The flattened columns, in order, and one event's values for them.
const std::vector<std::string>& FlatColumns();
std::vector<std::string> FlatValues(const Event& event);

// A string as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view text);

// A CSV field as RFC 4180 writes it: quoted (quotes doubled) when it holds
// a comma, a quote or a line break, else as it is.
std::string CsvField(const std::string& value);

}  // namespace dyad
