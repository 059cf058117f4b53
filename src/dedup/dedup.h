// dedup: near-duplicate documents clustered into stories.
//
// The same story reaches a crawl many times: syndicated copies, light
// rewrites, translations. Two signals link two documents into one story:
//  - text: MinHash signatures over shingles of content words (function words
//    dropped, words folded to a short prefix, so "announced" meets
//    "announces" and "the"/"a" choices of a translator do not matter),
//    candidates found by LSH banding, kept when the estimated Jaccard
//    similarity of their shingle sets reaches DedupOptions::jaccard_threshold;
//  - events: rewrites and translations that share few words still report the
//    same news. Each document's lead events (the first ones it yields, the
//    headline and lede of a news story) are compared with every event of the
//    other: when each document's lead is reported by the other, they are one
//    story. Background that many stories recall (sanctions, an old break of
//    relations) sits outside the lead and does not link them.
// Linked documents form stories by union-find (transitively). A story's id is
// the id of its first document in the order they were added.
//
// Pure and deterministic: the same documents in the same order give the same
// stories. ComputeSignature is thread-safe; a StoryClusterer is used from one
// thread. Cost: signatures linear in the text (num_hashes per shingle);
// clustering linear in the documents plus the LSH candidate pairs.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "base/event.h"

namespace dyad {

struct DedupOptions {
  // Content words per shingle. Two suits translations, which reorder words
  // within phrases but keep their content; five is the classic choice for
  // exact syndication.
  uint32_t shingle_words = 2;
  // MinHash values per signature; the estimate's standard error is about
  // sqrt(J(1-J)/num_hashes).
  uint32_t num_hashes = 128;
  // LSH: the signature is cut into num_hashes / band_rows bands; two documents
  // are compared when one band is equal. Two rows with 64 bands find pairs of
  // Jaccard 0.2 with probability 0.93 and of 0.3 with 0.998.
  uint32_t band_rows = 2;
  // Estimated Jaccard similarity from which two documents are one story. Two
  // translations of one article measure about 0.3; different stories on one
  // topic below 0.05.
  double jaccard_threshold = 0.2;
  // Link documents whose lead events each appear in the other.
  bool use_events = true;
  // How many distinct events, from the start of a document, make its lead.
  uint32_t lead_events = 2;
  // Two day-precision dates of one event may differ by this many days (time
  // zones, report dates, "yesterday" resolved against different days).
  int32_t event_window_days = 3;
};

// A document's text signature: the minimum of num_hashes hash functions over
// its shingles. `shingles` counts the shingles of the text (zero for a
// text too short to have one; such a text is never linked by text).
struct MinHashSignature {
  std::vector<uint32_t> values;
  uint32_t shingles = 0;
};

MinHashSignature ComputeSignature(std::string_view text, const DedupOptions& options = {});

// The share of equal values: an unbiased estimate of the Jaccard similarity
// of the two shingle sets. Zero when either has no shingle.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

// The identity of an event for linking stories: actors by country (or
// organisation, or code), so "Washington" (USAGOV) and "the United States"
// (USA) agree; the exact CAMEO code; the date and its precision.
struct EventKey {
  std::string source;
  std::string target;
  std::string code;
  CivilDate date;
  DatePrecision precision = DatePrecision::kDay;
};

EventKey EventKeyOf(const Event& event);

// Same actors and code, and dates that agree: within `window_days` when both
// are day-precision, equal at the coarser precision otherwise.
bool SameEvent(const EventKey& a, const EventKey& b, int32_t window_days);

using StoryId = uint32_t;  // index of the story's first document

// Why a document is in its story (for messages and tests).
struct StoryAssignment {
  StoryId story = 0;
  std::string story_doc;  // id of the story's first document: the exported story id
};

class StoryClusterer {
 public:
  explicit StoryClusterer(DedupOptions options = {});

  // Adds a document: its id, its text signature, and its events in text
  // order (the lead is taken from their start). Returns its index.
  uint32_t Add(std::string doc_id, MinHashSignature signature, std::span<const Event> events);

  // The story of every document added, in order of addition.
  std::vector<StoryAssignment> Cluster() const;

  // Pairs linked by each signal, for reporting (valid after Cluster()).
  size_t text_links() const { return text_links_; }
  size_t event_links() const { return event_links_; }

 private:
  struct Entry {
    std::string doc_id;
    MinHashSignature signature;
    std::vector<EventKey> events;
    size_t lead = 0;  // events[0, lead) are the lead
  };
  bool LeadReportedBy(const Entry& lead_of, const Entry& other) const;

  DedupOptions options_;
  std::vector<Entry> entries_;
  mutable size_t text_links_ = 0;
  mutable size_t event_links_ = 0;
};

}  // namespace dyad
