// extract: reads input files into Documents.
//
// Formats in this slice:
//   - plain text: one document per file; its id is the file name, its report
//     date the one given in ReaderOptions;
//   - JSON Lines: one article per line, an object with the keys
//     id, date (YYYY-MM-DD, or an ISO 8601 date-time whose date part is used),
//     source, url, title, text (only text is required).
// HTML and WARC are the real-documents issue's work; they plug in here.
//
// Bad input never stops a batch. Each problem is reported through the
// callback as a ReadIssue whose message names the file and line ("news.jsonl:
// 12: ..."): a record that cannot be read is skipped (record_skipped), a
// record that can be repaired (invalid UTF-8 replaced, a bad date replaced by
// the default) is kept with a warning. ReadDocuments itself fails only when
// the file cannot be opened at all.
//
// Memory: a JSON Lines file is streamed line by line; a line longer than
// max_record_bytes is skipped without being held in memory.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "base/civil_date.h"
#include "base/document.h"
#include "base/status.h"

namespace dyad {

enum class InputFormat { kAuto, kText, kJsonl };

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension (.jsonl, .ndjson), else text
  CivilDate default_report_date;            // for text input and JSON records without a date
  size_t max_record_bytes = 16u << 20;      // larger documents or lines are skipped, with a message
};

struct ReadIssue {
  Status status;        // the message names file and line
  bool record_skipped;  // false: a warning, the record was kept
};

struct ReadCallbacks {
  std::function<void(Document&&)> on_document;
  std::function<void(const ReadIssue&)> on_issue;
};

// `path` "-" reads standard input.
Status ReadDocuments(const std::string& path, const ReaderOptions& options,
                     const ReadCallbacks& callbacks);

// Parses one JSON Lines record. `origin` ("news.jsonl:12") names it in
// messages and becomes the id when the record has none. Exposed for tests
// and fuzzing.
StatusOr<Document> ParseJsonRecord(std::string_view line, std::string_view origin,
                                   const CivilDate& default_report_date, std::string* warning);

}  // namespace dyad
