// pipeline: one document in, its events out — clean, segment, actors, code,
// date — with every dictionary loaded once.
//
// A Pipeline is built once (Load checks every dictionary and fails with a
// message naming the file and line of the first problem) and is then
// immutable: CodeDocument may be called from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "base/document.h"
#include "base/event.h"
#include "base/status.h"
#include "code/code.h"
#include "ontology/ontology.h"

namespace dyad {

struct PipelineOptions {
  std::string data_dir;                  // dyad's data/ directory
  std::string iso_codes_dir;             // Debian iso-codes JSON directory
  std::vector<std::string> actor_files;  // user actor dictionaries, read last
  // An event whose date lies more than this many days before the report date
  // (the middle of its period; see date/date.h) is marked historical.
  int historical_after_days = 30;
};

struct DocumentResult {
  std::vector<Event> events;          // in text order
  std::vector<std::string> warnings;  // repaired problems, each naming the document
  size_t sentences = 0;
};

class Pipeline {
 public:
  static StatusOr<std::unique_ptr<Pipeline>> Load(const PipelineOptions& options);

  // Replaces document.text with its clean text (the text spans refer to),
  // and document.report_date with the date of the text's dateline if it has
  // one, and codes it.
  DocumentResult CodeDocument(Document& document) const;

  const Ontology& ontology() const { return ontology_; }
  const ActorDictionary& actors() const { return *actors_; }
  const EventCoder& coder() const { return *coder_; }

 private:
  Pipeline() = default;

  Ontology ontology_;
  std::shared_ptr<const ActorDictionary> actors_;
  std::shared_ptr<const EventCoder> coder_;
  // By pattern index: the pattern's type in ontology_ (never null once loaded).
  std::vector<const EventType*> pattern_types_;
  // The words the actor, coder and date stages look up, as one: each token
  // is looked up once for all three (a lookup per token per stage was a
  // twentieth of the coding).
  SharedVocabulary words_;
  int historical_after_days_ = 30;
};

// Code points before byte `offset` of valid UTF-8 `text`: the unit of the
// record's spans, so a Python or R user can slice the text with them.
uint32_t CodePointOffset(std::string_view text, size_t offset);

// The same, for many offsets into one text: each answer is counted from the
// previous one (forwards or backwards), so a document's spans, asked in
// roughly increasing order, cost one pass over the text instead of one
// each.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  uint32_t At(size_t offset);

 private:
  std::string_view text_;
  size_t offset_ = 0;
  uint32_t count_ = 0;
};

}  // namespace dyad
