// code: from a sentence and the actors found in it, the events it reports.
//
// The EventCoder is compiled once from data/verbs.tsv (verb patterns, each
// with a CAMEO code) and data/irregular_verbs.tsv (inflections the regular
// English rules get wrong). A pattern's first word is a verb lemma; every
// inflection of it is generated ("break" -> breaks, broke, broken,
// breaking), the other words must appear as written, and "*" stands for any
// one word. The formats are documented in docs/dictionaries.md.
//
// Grammar in this slice: SOURCE <pattern> TARGET, the source being the
// nearest actor before the verb and the target the first actor after it;
// "A and B <symmetric pattern>" with no target gives A->B and B->A.
// Passive voice ("was accused by B") swaps the roles. Negated verbs ("did
// not sign", "never met"), modal ones ("could impose") and verb forms used as
// nouns ("the sanctions") yield no event. The coder issue extends the grammar behind this
// same interface.
//
// Immutable once loaded and safe to share across threads; CodeSentence
// allocates nothing beyond growing the caller's vectors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "base/phrase_trie.h"
#include "base/status.h"
#include "segment/segment.h"

namespace dyad {

struct CoderOptions {
  std::string data_dir;  // holds verbs.tsv and irregular_verbs.tsv
  // Actors further than this many tokens from the verb are not its arguments.
  uint32_t max_argument_distance = 12;
};

// One event found in a sentence, before dating and before the record is built.
struct CodedEvent {
  uint32_t source = 0;  // index into the sentence's ActorMention vector
  uint32_t target = 0;
  uint32_t pattern = 0;           // index for EventCoder::pattern()
  uint32_t verb_first_token = 0;  // tokens [verb_first_token, verb_end_token) matched the pattern
  uint32_t verb_end_token = 0;
  double confidence = 0.0;
};

struct VerbPattern {
  std::string code;  // CAMEO code
  std::string text;  // as written in the dictionary, for messages
  int line = 0;      // line in verbs.tsv
};

struct CoderScratch {
  std::vector<uint32_t> word_ids;
  std::string folded;
};

class EventCoder {
 public:
  static StatusOr<std::shared_ptr<const EventCoder>> Load(const CoderOptions& options);

  // Appends the events of `sentence`; `actors` are its mentions, left to right.
  void CodeSentence(std::string_view text, const Segmentation& segmentation,
                    const Sentence& sentence, const std::vector<ActorMention>& actors,
                    CoderScratch& scratch, std::vector<CodedEvent>& out) const;

  const VerbPattern& pattern(uint32_t index) const { return patterns_[index]; }
  size_t pattern_count() const { return patterns_.size(); }

 private:
  class Builder;

  CoderOptions options_;
  std::vector<VerbPattern> patterns_;
  Vocabulary vocabulary_;
  PhraseTrie trie_;
  uint32_t word_and_ = 0;  // ids of words the grammar looks at
  std::vector<uint32_t> negators_;
  std::vector<uint32_t> modals_;
  std::vector<uint32_t> locatives_;
  std::vector<uint32_t> passive_auxiliaries_;
  std::vector<uint32_t> determiners_;
  uint32_t word_by_ = 0;
};

// Every inflected form of a verb lemma: lemma, third person singular, past,
// past participle, present participle. `irregular_past` and
// `irregular_participle` replace the regular forms when not empty.
std::vector<std::string> VerbForms(std::string_view lemma, std::string_view irregular_past = {},
                                   std::string_view irregular_participle = {});

}  // namespace dyad
