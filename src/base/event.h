// Event: the record dyad produces — who did what to whom, when, and the
// evidence for it.
//
// The field names mirror the exported record (docs/event-record.md); other
// tools depend on them, so they change only with a documented migration.
// Strings are owned: an Event outlives the Document it was coded from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/civil_date.h"

namespace dyad {

// An actor as it appears in an event. Empty strings export as null.
struct ActorRef {
  std::string code;     // CAMEO-style actor code: "VEN", "VENGOV", "NATO"
  std::string country;  // ISO 3166 alpha-3, or empty for organisations
  std::string org;      // organisation acronym ("NATO"), or empty
  std::string sector;   // "GOV", "MIL", "OPP", ... or empty
  std::string name;     // the words of the text that named it
};

enum class DatePrecision : uint8_t { kDay, kMonth, kYear };

// Where one mention of an event was found: the evidence of one report.
struct Evidence {
  std::string doc;          // document id
  std::string story;        // the document's story id (dedup), or empty
  uint32_t sentence = 0;    // index of the sentence in the document
  uint32_t span_begin = 0;  // code points into the document's clean text, half-open
  uint32_t span_end = 0;
};

const char* DatePrecisionName(DatePrecision precision);  // "day" | "month" | "year"

struct Event {
  std::string id;  // stable hash of (source code, target code, event code, date)
  CivilDate date;
  DatePrecision date_precision = DatePrecision::kDay;
  // True when the sentence gave no date and `date` is the report date.
  bool date_is_report_date = true;
  CivilDate report_date;
  // The event lies well before the report date (a recollection, not news).
  bool historical = false;

  ActorRef source;
  ActorRef target;

  std::string code;  // CAMEO event code, "161"
  int quad_class = 0;
  double goldstein = 0.0;
  double confidence = 0.0;  // in [0, 1]: how strongly the match supports the event

  // How often the event was reported: mentions (sentences), sources (distinct
  // outlets) and articles (distinct documents). One mention until events are
  // aggregated.
  uint32_t mentions = 1;
  uint32_t sources = 1;
  uint32_t articles = 1;

  std::string doc;        // document id
  uint32_t sentence = 0;  // index of the sentence in the document (0-based)
  // Evidence span in the document's clean text, in Unicode code points,
  // half-open: [span_begin, span_end).
  uint32_t span_begin = 0;
  uint32_t span_end = 0;
  std::string text;  // the sentence
  // Where the sentence starts in the document, in code points: span minus
  // this locates the evidence inside `text`. Not part of the exported record.
  uint32_t sentence_begin = 0;
  // Every mention's evidence once events are aggregated (the aggregate stage),
  // the first one repeating doc, sentence and span above. Empty for a single,
  // unaggregated mention.
  std::vector<Evidence> evidence;

  // The root: the first two digits of the code ("16" for "161").
  std::string root() const { return code.substr(0, 2); }
};

// A stable 64-bit FNV-1a hash of the event's identity, as 16 hex digits.
// Two mentions of the same event (same actors, code and date) share it, so
// shards merge by id.
std::string EventId(const Event& event);

}  // namespace dyad
