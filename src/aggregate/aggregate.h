// aggregate: the mentions of one event collapse into one event with counts.
//
// Input: event mentions as the coder yields them (one Event per sentence that
// reports it), from any number of documents. Output: one Event per distinct
// event, where mentions are the same event when they have the same source
// and target actor codes, event code and date precision, and
//  - for day precision, dates no more than AggregateOptions::window_days
//    apart from the group's earliest mention (report dates and time zones make
//    one event a day early or late);
//  - for month and year precision, the same month or year.
// Each aggregated event carries mentions (distinct sentences), articles
// (distinct documents) and sources (distinct outlets, see OutletOf) and, in
// `evidence`, every mention's document, story, sentence and span in input
// order (one per sentence: a sentence that yields the event twice is one
// mention). The
// first mention in input order gives the event its fields (actors' names,
// report date; confidence aside: the highest of all mentions) and its
// top-level evidence (doc, sentence, span, text). The date (with its
// precision, `historical` flag and the id) is the first mention's too unless
// that mention took the report date for want of a date of its own and
// another mention dates the event in its text: a text's date beats a report
// date.
//
// Output order: by each event's first mention, so a single document's events
// stay in text order. Pure and deterministic; O(n log n) in the mentions.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/document.h"
#include "base/event.h"

namespace dyad {

struct AggregateOptions {
  // Day-precision mentions up to this many days after the earliest mention of
  // their group are one event. Zero means the same day only.
  int32_t window_days = 1;
};

// What aggregation needs to know of a document besides its events.
struct DocumentInfo {
  std::string outlet;  // counted for `sources`
  std::string story;   // the story id from dedup, copied into the evidence; may be empty
};

// By document id. A document missing from the index counts as its own outlet.
using DocumentIndex = std::unordered_map<std::string, DocumentInfo>;

// The outlet a document stands for: its source ("Reuters") when known, else
// the host of its URL ("www.example.com" -> "example.com"), else its id, so
// that documents of unknown origin are never merged into one outlet.
std::string OutletOf(const Document& document);

std::vector<Event> AggregateEvents(std::vector<Event> mentions, const DocumentIndex& documents,
                                   const AggregateOptions& options = {});

}  // namespace dyad
