// code: from a sentence and the actors found in it, the events it reports.
//
// The EventCoder is compiled once from five plain-text files in data/
// (formats in docs/dictionaries.md):
//   - verbs.tsv: verb patterns, each with a CAMEO code. A pattern's first word
//     is a verb lemma whose inflections are generated ("break" -> breaks,
//     broke, broken, breaking); later words must appear as written, "*" is
//     any one word, "a|the" offers alternatives, "[new]" is optional, and
//     TARGET marks where the target actor stands ("expel TARGET's
//     diplomats"). Without TARGET the first actor after the pattern is the
//     target.
//   - nouns.tsv: nouns that carry events, with SOURCE and TARGET slots
//     ("visit of SOURCE to TARGET", "SOURCE's sanctions on TARGET").
//   - moods.tsv: what an act becomes when it is intended ("plans to visit"
//     -> 036), appealed for ("urged X to lift sanctions" -> 0254), demanded,
//     refused ("refused to meet" -> 125) or threatened ("threatened to
//     impose sanctions" -> 1312).
//   - irregular_verbs.tsv: inflections the regular English rules get wrong.
//   - word_classes.tsv: named sets of words a pattern can name at once
//     ("send [*] [*] @relief to"), so one line covers what is sent.
//
// Grammar, without a parser. A sentence becomes a stream of symbols: words
// and actor groups, a group being one actor or a coordination ("Argentina,
// Brazil, Paraguay and Uruguay"), each member of which takes part in the
// event. Patterns are matched in one left-to-right pass over that stream.
// For each verb match:
//   - source: the nearest actor group to the left inside the clause
//     (clauses end at "that", "which", "said", ";", quotes, ...), skipping
//     appositions and relative clauses ("Maduro, the president, said"),
//     actors inside prepositional phrases ("in Beijing") when there is a
//     better one, and taking the subject of the previous verb for a
//     coordinated verb ("met X and signed ...");
//   - target: the TARGET slot, or the first actor group after the pattern in
//     the clause that is not a place ("signed an agreement in Beijing");
//   - passive voice ("was accused by B of") swaps the roles; so does a
//     passive whose subject is the pattern's object ("new sanctions were
//     imposed on X by Y" is Y -> X), and a participle with its agent next,
//     reduced relatives included ("aid sent by Japan to Nepal", "diplomats
//     expelled by Moscow");
//   - "A and B signed an agreement" with no target gives A->B and B->A for
//     patterns marked mutual, as does "each other"/"one another", and so
//     does a pair named at once ("the two countries", "their presidents");
//   - a show of force with no object is aimed at the actor of the "after /
//     as / amid" clause after it ("went on alert as X massed troops"), a
//     strike or blockade at whom it demands something of ("to demand that
//     X"), a claim of responsibility at the place its relative clause names;
//   - a possessive "'s" in a pattern also reads "Honduras'" and, after a
//     name in -s, no apostrophe at all ("suspended Venezuelas membership");
//     time adverbials and -ly adverbs inside a pattern are skipped
//     ("summoned the ambassador on Sunday to protest"), as is a meeting's
//     place before its partner ("held talks in Beijing with"), and a
//     hyphenated word fills one "*" ("a seven-day truce");
//   - nouns (nouns.tsv) the sentence takes as known, the subject or object
//     of another verb or after "after"/"since"/"amid" ("the Russian
//     invasion of Ukraine has prompted ...", "opposed the US sanctions"), are
//     background: coded only when the sentence has a date of its own
//     (date/date.h's HasDateExpression); as the object of a verb in the
//     infinitive or under a modal they are not events at all;
//   - not events: clauses after "since" ("the first visit since the two
//     countries restored ties"; one that gives its year is history),
//     participles qualifying an object ("release
//     jailed leaders"), a base form after "the Israeli" ("the Israeli
//     strike on"), negated verbs ("did not sign", "never met"), modal ones
//     ("could impose"), conditionals ("if X attacks"), clauses under a
//     denial ("denied that X attacked"), questions, and verb forms used as
//     nouns ("the sanctions"), gerunds ("accused X of attacking Y" codes the
//     accusation only), a demand's "that" clause in the indicative
//     ("insisted that the technicians were there to repair");
//   - moods: "will"/"plans to"/"agreed to"/"expressed its willingness to"
//     give the intent code, "refused to" the reject code, "threatened to"
//     the threat code ("warned X that it would" a threat to X when the act
//     names no target; "warned X that Moscow would act" a threat to X when
//     the warner names itself), "urged X to" an appeal to X, "demanded that
//     X" a demand on X; "voted/chose/moved to" and "joined X in" do the act.
// Each event's confidence in (0, 1] says how it was matched: an explicit
// TARGET slot scores higher than a target found by distance, a mutual or
// passive reading and an apposition fallback lower.
//
// Immutable once loaded and safe to share across threads. CodeSentence
// allocates nothing once the caller's scratch and output vectors have grown
// to the size of the largest sentence.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actors.h"
#include "base/phrase_trie.h"
#include "base/status.h"
#include "segment/segment.h"

namespace dyad {

struct CoderOptions {
  std::string data_dir;  // holds the five files listed above
  // Symbols (words or actor groups) between an argument and its verb.
  uint32_t max_argument_distance = 12;
};

// One event found in a sentence, before dating and before the record is built.
struct CodedEvent {
  uint32_t source = 0;  // index into the sentence's ActorMention vector
  uint32_t target = 0;
  uint32_t pattern = 0;           // index for EventCoder::pattern(); its code is the event's
  uint32_t verb_first_token = 0;  // tokens [verb_first_token, verb_end_token) matched the pattern
  uint32_t verb_end_token = 0;
  double confidence = 0.0;
};

enum class PatternKind : uint8_t {
  kVerb,     // verbs.tsv
  kNoun,     // nouns.tsv
  kDerived,  // a verb pattern read in a mood (intent, appeal, ...): code from moods.tsv
};

struct VerbPattern {
  std::string code;  // CAMEO code
  std::string text;  // as written in the dictionary, for messages
  int line = 0;      // line in its file
  PatternKind kind = PatternKind::kVerb;
  bool mutual = false;    // "A and B <pattern>" with no target: A->B and B->A
  bool reversed = false;  // the subject is the target ("received support from")
  // Only a crowd acts so: "protesters marched", "workers downed tools", not
  // "leaders gathered" or "troops massed" (word_flags.h's kCrowd words).
  bool crowd = false;
  // Only a list acting together: "delegations of A and B gathered" (A<->B),
  // but "Egypt gathered evidence against Israel" is no event.
  bool together = false;
  // The crowd's reading of the same words, when another pattern has them:
  // "occupied the airport" is a protest (144) when students do it, an
  // occupation (192) when an army does.
  int32_t crowd_alternative = -1;
};

// Per-thread buffers, reused across sentences.
struct CoderScratch {
  struct Symbol {
    uint32_t word = 0;         // word id, or kActorSymbol
    uint64_t flags = 0;        // what the grammar knows of the word (word_flags.h's WordFlag)
    uint32_t first_token = 0;  // tokens the symbol covers
    uint32_t end_token = 0;
    uint32_t first_actor = 0;  // actor groups: mentions [first_actor, end_actor)
    uint32_t end_actor = 0;
    // "Venezuela's diplomats", "Venezuelan diplomats" named as one actor:
    // the first token after the owner ("'s", or the last word), so that
    // "expel TARGET's diplomats" still matches it. 0 = none.
    uint32_t possessive = 0;
  };
  std::vector<Symbol> symbols;  // the sentence's first; never shrunk
  std::vector<uint32_t> word_ids;
  std::vector<int32_t> subjects;  // per symbol: subject group of the verb starting there
  FoldedTokens folded;            // the sentence's, when the caller folded none
};

class EventCoder {
 public:
  static StatusOr<std::shared_ptr<const EventCoder>> Load(const CoderOptions& options);

  // Appends the events of `sentence`; `actors` are its mentions, left to right.
  void CodeSentence(std::string_view text, const Segmentation& segmentation,
                    const Sentence& sentence, const std::vector<ActorMention>& actors,
                    CoderScratch& scratch, std::vector<CodedEvent>& out) const;
  // The same with the sentence's tokens folded already (`folded` covers them).
  void CodeSentence(std::string_view text, const Segmentation& segmentation,
                    const FoldedTokens& folded, const Sentence& sentence,
                    const std::vector<ActorMention>& actors, CoderScratch& scratch,
                    std::vector<CodedEvent>& out) const;

  // The words patterns are made of, for a SharedVocabulary (as
  // ActorDictionary::vocabulary()).
  const Vocabulary& vocabulary() const { return vocabulary_; }

  const VerbPattern& pattern(uint32_t index) const { return patterns_[index]; }
  size_t pattern_count() const { return patterns_.size(); }

  // Moods in which an act can be reported, each with its own code.
  enum Mood : uint8_t { kAct, kIntent, kAppeal, kDemand, kRefuse, kThreaten, kMoodCount };

  // The pattern coding `pattern` read in `mood`, or -1 when moods.tsv gives
  // that act no code in that mood.
  int32_t Derived(uint32_t pattern, Mood mood) const;

 private:
  class Builder;
  class Matcher;
  struct Node {
    uint32_t first_edge = 0;  // edges [first_edge, first_edge + edge_count) in edges_
    uint32_t edge_count = 0;
    int32_t payload = -1;  // compiled entry ending here
    uint32_t wildcard = 0;
    uint32_t slot = 0;  // child through an actor group
    // WordBit of each edge's word: most lookups below the root find no
    // edge, and this turns them away before the edges are read.
    uint64_t word_bits = 0;
  };
  static uint64_t WordBit(uint32_t word) { return uint64_t{1} << (word & 63); }
  struct Edge {
    uint32_t word = 0;
    uint32_t child = 0;
  };
  // One expansion of a pattern (alternatives and optional words spelled out).
  struct Entry {
    uint32_t pattern = 0;
    int8_t source_slot = -1;  // symbol offset from the match start, -1 = none
    int8_t target_slot = -1;
    uint8_t length = 0;  // symbols
  };

  // The child of `node` through `word`, 0 = none. The root's lookup and a
  // miss, most of the walk's lookups, are inline; the rest reads the edges.
  uint32_t Child(uint32_t node, uint32_t word) const {
    if (node == 0 && word < word_table_size_) return root_children_[word];
    if (!(nodes_[node].word_bits & WordBit(word))) return 0;
    return EdgeChild(node, word);
  }
  uint32_t EdgeChild(uint32_t node, uint32_t word) const;
  // False when no match can start at a symbol `word`: the root takes it
  // neither as itself nor as one of its word classes. Most words of a
  // sentence start nothing, and this spares each a walk.
  bool MayStartMatch(uint32_t word) const;
  // Does the sentence, or a clause after a comma, open with a short noun
  // phrase and "of|from|for" just before `group`, the first token of an
  // actor list? Then the list is that clause's subject ("Representatives
  // of Armenia and Azerbaijan met", "..., the top diplomats of A and B met").
  bool OpensWithMembersOf(const std::vector<uint32_t>& word_ids, uint32_t group) const;
  // What the grammar knows of a word (word_flags.h's WordFlag), 0 for unknown ids.
  uint64_t WordFlags(uint32_t word) const {
    return word < word_table_size_ ? word_flags_[word] : 0;
  }

  // The word classes of word_classes.tsv a word belongs to, one bit each.
  uint32_t WordClasses(uint32_t word) const {
    return word < word_table_size_ ? word_classes_[word] : 0;
  }

  CoderOptions options_;
  std::vector<VerbPattern> patterns_;
  std::vector<int32_t> derived_;  // pattern * kMoodCount + mood -> pattern or -1
  Vocabulary vocabulary_;
  std::vector<uint64_t> word_flags_;    // by word id
  std::vector<uint32_t> word_classes_;  // by word id
  // The size of the tables by word id (word_flags_, word_classes_,
  // root_children_), the bound of every word id looked up in them: one load,
  // where a vector's size is two and a subtraction, at every step of a walk.
  uint32_t word_table_size_ = 0;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;  // sorted by word within each node
  // The root's child through each word id (0 = none), for ids below the
  // table's size: every match starts at the root, whose edges are the
  // thousands of verb and noun forms, so its lookup is one load rather than
  // a binary search. Larger ids (word classes) take the edge list.
  std::vector<uint32_t> root_children_;
  uint32_t root_classes_ = 0;  // word classes the root has edges for, one bit each
  // MayStartMatch by word id, worked out once: asked at every symbol, the
  // root's child and the word's classes were two lookups and a bound.
  std::vector<uint8_t> may_start_;
  // The edges of the nodes below the root that have more than
  // kWideNodeEdges, by (node, word) in an open-addressing table at most half
  // full: those nodes follow the common verbs, and a binary search of their
  // edges was half of Child's cost.
  static constexpr uint32_t kWideNodeEdges = 8;
  struct WideEdge {
    uint64_t key = ~uint64_t{0};  // node << 32 | word; all ones = empty
    uint32_t child = 0;
  };
  std::vector<WideEdge> wide_edges_;  // power-of-two size
  static size_t SpreadWideKey(uint64_t key) {
    key ^= key >> 33;
    key *= 0xFF51AFD7ED558CCDULL;
    return static_cast<size_t>(key ^ (key >> 33));
  }
  std::vector<Entry> entries_;
  // Ids of words the grammar compares against, looked up once.
  uint32_t word_the_ = 0, word_both_ = 0, word_that_ = 0, word_on_ = 0, word_upon_ = 0,
           word_to_ = 0, word_possessive_ = 0, word_would_ = 0, word_but_ = 0, word_apostrophe_ = 0,
           word_they_ = 0, word_each_ = 0, word_other_ = 0, word_one_ = 0, word_another_ = 0,
           word_of_ = 0, word_from_ = 0, word_between_ = 0, word_re_ = 0, word_for_ = 0,
           word_a_ = 0, word_an_ = 0, word_it_ = 0, word_short_ = 0, word_any_ = 0,
           word_including_ = 0, word_off_ = 0, word_in_ = 0, word_having_ = 0;
  std::array<uint32_t, 2> person_pronouns_ = {};  // him, her: they stand for people
  std::array<uint32_t, 2> person_subjects_ = {};  // he, she
  // "in March", "years ago": words that date a clause (with the day words,
  // "last" and "this", and four-digit years).
  std::array<uint32_t, 18> time_words_ = {};
  // "two ethnic Kazakh activists": words that count.
  std::array<uint32_t, 11> count_words_ = {};
  // "rejected the offer": nouns that name what another actor proposed.
  std::array<uint32_t, 12> proposal_words_ = {};
  // "expressed its readiness to": verbs that voice an intention.
  std::array<uint32_t, 18> voicing_verbs_ = {};
  // "Peru's president", "the Kenyan envoy": the last word of an actor's
  // name that makes it a person, whom "he" or "she" may stand for.
  std::array<uint32_t, 24> person_nouns_ = {};
  uint32_t call_forms_[4] = {};           // "called on X to": call, calls, called, calling
  uint32_t word_principle_ = 0;           // "agreed in principle to"
  uint32_t word_as_ = 0, word_well_ = 0;  // "A as well as B": a list
  // "voted to declare", "chose to forgive", "moved to expel": the act after
  // "to" is done, not intended.
  std::array<uint32_t, 8> enacting_words_ = {};
  std::array<uint32_t, 4> join_forms_ = {};  // "joined X in imposing": join, joins, ...
  uint32_t quote_words_[3] = {};             // quotation marks a pattern passes over
  // "a truce brokered by Qatar", "talks hosted by Malaysia", "under the
  // auspices of the AU": the one named next mediates.
  std::array<uint32_t, 6> mediation_words_ = {};
  // "consultations about the peace talks between A and B", "citing A's
  // support for B": what follows names a topic or a reason, not news.
  std::array<uint32_t, 4> topic_words_ = {};
  // "would be dealt with", "would be crushed": how a warner says the
  // warned would be answered; "met" and "answered" only with force after
  // them ("would be met with force|a firm response", not "with scepticism").
  std::array<uint32_t, 6> answer_words_ = {};
  std::array<uint32_t, 2> met_words_ = {};
  std::array<uint32_t, 6> force_answers_ = {};
  // ", killing five soldiers": the toll of the act before it.
  std::array<uint32_t, 4> toll_words_ = {};
  // "said its troops had": its, his, her, their.
  std::array<uint32_t, 4> possessive_words_ = {};
  // "Aid sent by Turkey reached Somalia": what was sent arrives.
  std::array<uint32_t, 8> arrival_words_ = {};
  // "to eastern Congo": a part of the place named after a preposition.
  std::array<uint32_t, 9> region_words_ = {};
  int32_t mass_killing_pattern_ = -1;     // a 202 pattern, for killings by the hundred
  int32_t mass_expulsion_pattern_ = -1;   // a 201 pattern, for deportations by the thousand
  int32_t peacekeeping_pattern_ = -1;     // a 074 pattern, for troops sent to protect
  int32_t troops_received_pattern_ = -1;  // a 0861 pattern, for troops welcomed
  int32_t endorsement_pattern_ = -1;      // a 051 pattern, for an act welcomed
  // "welcomed the first troops from Rwanda": words naming a contingent.
  std::array<uint32_t, 5> troop_words_ = {};
  // "by the foreign ministry in Nairobi": an office whose place names it.
  std::array<uint32_t, 9> office_words_ = {};
  std::array<uint32_t, 2> massacre_words_ = {};  // massacre, massacres
  // "UN sanctions", "EU tariffs", "the Doha talks": measures and talks an
  // actor's name may qualify.
  std::array<uint32_t, 8> measure_words_ = {};
  int32_t repression_pattern_ = -1;   // a 175 pattern, for force used on protesters
  int32_t intent_pattern_ = -1;       // a 030 pattern, for intentions no pattern names
  int32_t threat_pattern_ = -1;       // a 130 pattern, for warned acts no pattern names
  int32_t mediation_pattern_ = -1;    // a 045 pattern, for the broker of a deal or talks
  int32_t cooperation_pattern_ = -1;  // a 060 pattern, for what a list does jointly
  uint32_t word_jointly_ = 0, word_together_ = 0, word_with_ = 0, word_at_ = 0;
  // "the mission that|which|who visited Cairo": relative pronouns of a subject.
  std::array<uint32_t, 3> subject_relatives_ = {};
};

}  // namespace dyad
