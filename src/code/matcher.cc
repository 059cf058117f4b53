// code/matcher.cc: one sentence's symbols matched against the trie, and the
// grammar that finds each match's source and target and its mood (code.h
// says what it handles).
#include <algorithm>
#include <array>
#include <limits>
#include <span>
#include <type_traits>

#include "code/code.h"
#include "code/word_flags.h"
#include "date/date.h"

namespace dyad {

using namespace code_internal;

int32_t EventCoder::Derived(uint32_t pattern, Mood mood) const {
  if (mood == kAct) return static_cast<int32_t>(pattern);
  const size_t index = static_cast<size_t>(pattern) * kMoodCount + mood;
  const int32_t derived = index < derived_.size() ? derived_[index] : -1;
  if (derived >= 0) return derived;
  // An act that is already of the mood's kind ("agreed to accept
  // mediation", 038) keeps its own code.
  static constexpr std::string_view kMoodRoots[kMoodCount] = {"", "03", "02", "10", "12", "13"};
  return patterns_[pattern].code.starts_with(kMoodRoots[mood]) ? static_cast<int32_t>(pattern) : -1;
}

uint32_t EventCoder::EdgeChild(uint32_t node, uint32_t word) const {
  const Node& n = nodes_[node];
  // Below the root, a node of many edges is looked up in wide_edges_.
  if (n.edge_count > kWideNodeEdges && node != 0) {
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | word;
    const size_t mask = wide_edges_.size() - 1;
    for (size_t i = SpreadWideKey(key) & mask;; i = (i + 1) & mask) {
      if (wide_edges_[i].key == key) return wide_edges_[i].child;
      if (wide_edges_[i].key == WideEdge{}.key) return 0;
    }
  }
  const Edge* edge = edges_.data() + n.first_edge;
  const Edge* end = edge + n.edge_count;
  // Most nodes have a handful of edges, which a forward scan reads faster
  // than a binary search can halve them; the root's class edges are many.
  if (n.edge_count > kWideNodeEdges) {
    edge = std::lower_bound(edge, end, word, [](const Edge& e, uint32_t w) { return e.word < w; });
  } else {
    while (edge != end && edge->word < word) ++edge;
  }
  return edge != end && edge->word == word ? edge->child : 0;
}

// Inlining is forced: asked at every symbol of every sentence, it was left a
// call that cost more than its test.
[[gnu::always_inline]] inline bool EventCoder::MayStartMatch(uint32_t word) const {
  // Actor groups and ids past the table are left to the walk (as is every
  // word, in the table, when the root matches on its own).
  return word >= word_table_size_ || may_start_[word] != 0;
}

// ---------------------------------------------------------------------------
// Matching and grammar over one sentence's symbols.

bool EventCoder::OpensWithMembersOf(const std::vector<uint32_t>& word_ids, uint32_t group) const {
  constexpr uint32_t kLongestNoun = 3;  // "the top diplomats", "senior trade officials"
  if (group < 2 || group > word_ids.size()) return false;
  const uint32_t link = word_ids[group - 1];
  if (link != word_of_ && link != word_from_ && link != word_for_) return false;
  uint32_t begin = group - 1;
  while (begin > 0 && !(WordFlags(word_ids[begin - 1]) & kComma)) {
    if (group - 1 - begin == kLongestNoun) return false;
    if (WordFlags(word_ids[begin - 1]) & (kPatternHead | kPreposition | kPunct | kBoundary)) {
      return false;
    }
    --begin;
  }
  return begin < group - 1;
}

// Which of the rare words that Matcher::Run's last passes look for the
// sentence's word symbols hold, noted as the symbols are built: a pass whose
// word is absent is skipped rather than scanning every symbol for it.
struct RareWordsSeen {
  bool jointly = false;   // CodeJointActs
  bool together = false;  // CodeCompanions
  bool as = false;        // CodeEllipsis
  // DropCalledOff: "called" (off), or a kCalledOff word among the union of
  // the words' flags (an OR per word, cheaper than a test).
  bool called = false;
  uint64_t flags = 0;
};

class EventCoder::Matcher {
 public:
  using Symbol = CoderScratch::Symbol;

  Matcher(const EventCoder& coder, std::string_view text, const Segmentation& segmentation,
          const Sentence& sentence, const std::vector<ActorMention>& actors, CoderScratch& scratch,
          size_t symbol_count, uint32_t base, RareWordsSeen rare_words,
          std::vector<CodedEvent>& out)
      : coder_(coder),
        text_(text),
        segmentation_(segmentation),
        sentence_(sentence),
        actors_(actors),
        s_(scratch.symbols.data(), symbol_count),
        subjects_(scratch.subjects),
        word_ids_(scratch.word_ids),
        base_(base),
        rare_words_(rare_words),
        out_(out),
        first_event_(out.size()) {}

  void Run() {
    const int n = static_cast<int>(s_.size());
    subjects_.assign(s_.size(), -1);
    for (int position = 0; position < n;) {
      Match match = Longest(position, false);
      // "Medical supplies were delivered to Libya by Italy": a present form
      // right before an auxiliary is a plural noun, the subject of the verb
      // after it.
      if (match.entry >= 0 && Has(position, kThird) && !Has(position, kPast) && position + 1 < n &&
          Has(position + 1, kBe | kHave) && !IsActor(position)) {
        match = Match();
      }
      if (match.entry < 0 && Has(position, kIntentGovernor)) CodeBareIntent(position);
      if (match.entry < 0 && !IsActor(position) &&
          (s_[position].word == coder_.word_would_ || Has(position, kFuture))) {
        CodeWarnedAct(position);
        CodeWarnedAnswer(position);
      }
      if (match.entry < 0) {
        if (Has(position, kPatternHead) && Has(position, kParticiple)) {
          const LeftContext context = ContextBefore(position);
          int intro = -1;
          const int subject = context.be && !context.negated && !context.modal && context.to < 0
                                  ? FindSubject(context.left, position, &intro)
                                  : -2;
          // "Tanks sent by Poland to Ukraine were destroyed": a participle
          // with its agent, qualifying the noun before it.
          const bool reduced_relative = !context.be && !context.have && !context.negated &&
                                        !context.modal && context.to < 0 &&
                                        position + 1 < static_cast<int>(s_.size()) &&
                                        AgentAfterBy(position + 1) >= 0;
          int governor = -1;
          if (reduced_relative ||
              (subject == -1 && !(ClauseGovernor(intro, &governor) & (kSuppress | kConditional)))) {
            // "New sanctions were imposed on Iran by the EU": no active
            // reading at the participle, whose object stands before it.
            ObjectFirstPassive(position, context.left);
          } else if (subject >= 0) {
            // "Ukraine was supplied with tanks by Poland": a pattern whose
            // slot comes before its end ("supply TARGET with") has only
            // a passive reading here, the subject filling the slot.
            const Match passive = Longest(position, true, subject);
            if (passive.entry >= 0) {
              CodeVerb(position, passive);
              position = passive.end;
              continue;
            }
          }
        }
        ++position;
        continue;
      }
      const Entry& entry = coder_.entries_[match.entry];
      const VerbPattern& pattern = coder_.patterns_[entry.pattern];
      if (pattern.kind == PatternKind::kNoun) {
        CodeNoun(position, match);
      } else {
        CodeVerb(position, match, /*may_shorten=*/true);
      }
      position = match.end;
    }
    DropGenericThreatsAndDemands();
    MarkMassActs();
    CodeMediators();
    if (rare_words_.jointly) CodeJointActs();
    if (rare_words_.together) CodeCompanions();
    if (rare_words_.as) CodeEllipsis();
    if (rare_words_.called || (rare_words_.flags & kCalledOff)) DropCalledOff();
  }

 private:
  // "cancelled", "postponed", "called off": what it says of its subject did
  // not happen.
  bool CalledOffAt(int i) const {
    if (Has(i, kCalledOff)) return true;
    return i + 1 < static_cast<int>(s_.size()) && s_[i].word == coder_.call_forms_[2] &&
           s_[i + 1].word == coder_.word_off_;
  }

  // "Talks between Sudan's army and the RSF, scheduled to resume on
  // Saturday, were called off": the acts named in the subject of a
  // cancelled clause, a participle's included, are not events. Not when a
  // finite verb of their own stands in that subject ("X and Y met on Monday
  // and talks planned for Tuesday were cancelled" keeps the meeting).
  void DropCalledOff() {
    const int n = static_cast<int>(s_.size());
    int called_off = -1;
    for (int i = 1; i < n && called_off < 0; ++i) {
      if (Has(i - 1, kBe) && CalledOffAt(i)) called_off = i;
    }
    if (called_off < 0) return;
    int start = called_off - 1;
    while (start > 0 && !Has(start - 1, kBoundary | kSpeech)) --start;
    for (int j = start; j < called_off - 1; ++j) {
      const bool reduced_relative = j > 0 && Has(j - 1, kComma) && Has(j, kPast | kParticiple);
      // "Talks between ...": a present form in a subject is a plural noun.
      const bool plural_noun = Has(j, kThird) && !Has(j, kPast | kIrregularPast);
      if (LooksFinite(j) && !reduced_relative && !plural_noun) return;
    }
    const uint32_t first = s_[start].first_token, last = s_[called_off].first_token;
    const auto kept =
        std::remove_if(out_.begin() + static_cast<std::ptrdiff_t>(first_event_), out_.end(),
                       [&](const CodedEvent& e) {
                         return e.verb_first_token >= first && e.verb_first_token < last;
                       });
    out_.erase(kept, out_.end());
  }

  // "Thailand condemned the launches, as did Malaysia and Vietnam": what was
  // coded before the ellipsis the actors after it did as well, to the same
  // targets.
  void CodeEllipsis() {
    const int n = static_cast<int>(s_.size());
    for (int as = 1; as + 2 < n; ++as) {
      if (s_[as].word != coder_.word_as_ || !Has(as - 1, kComma) ||
          !Has(as + 1, kDo | kHave | kBe) || !IsActor(as + 2)) {
        continue;
      }
      const Symbol& doers = s_[as + 2];
      const size_t events = out_.size();
      for (size_t e = first_event_; e < events; ++e) {
        const CodedEvent event = out_[e];
        if (event.verb_end_token > s_[as].first_token || event.source == event.target) continue;
        for (uint32_t a = doers.first_actor; a < doers.end_actor; ++a) {
          if (actors_[a].actor == actors_[event.target].actor ||
              AlreadyCoded(a, event.target, event.pattern)) {
            continue;
          }
          out_.push_back({a, event.target, event.pattern, event.verb_first_token,
                          event.verb_end_token, event.confidence});
        }
      }
    }
  }

  // "Interpol and Brazilian police jointly dismantled a network": what a
  // list does jointly, when nothing else is coded of the act, is its
  // members' cooperation with each other (060). "jointly condemned Russia"
  // is coded as the condemnation it is.
  void CodeJointActs() {
    const int n = static_cast<int>(s_.size());
    if (coder_.cooperation_pattern_ < 0) return;
    for (int i = 1; i + 1 < n; ++i) {
      // "jointly" first, the one test most symbols fail (an actor group's
      // symbol is no word id, so it fails it too).
      if (s_[i].word != coder_.word_jointly_ || !IsActor(i - 1) || !IsPlural(i - 1) ||
          IsActor(i + 1) || !Has(i + 1, kFiniteForms)) {
        continue;
      }
      const uint32_t verb_token = s_[i + 1].first_token;
      const bool coded =
          std::any_of(out_.begin() + static_cast<std::ptrdiff_t>(first_event_), out_.end(),
                      [&](const CodedEvent& e) { return e.verb_first_token >= verb_token; });
      if (!coded) {
        EmitMutual(i - 1, static_cast<uint32_t>(coder_.cooperation_pattern_), i, i + 2, 0.5);
      }
    }
  }

  // "Burkina Faso quit ECOWAS on Wednesday together with Mali and Niger":
  // the companions after "together with" do what the clause's subject
  // does, each of its acts in the sentence, on the same targets. ("Along
  // with" adds to the object as often as to the subject.)
  void CodeCompanions() {
    const int n = static_cast<int>(s_.size());
    const size_t coded = out_.size();
    for (int i = 1; i + 2 < n && coded > first_event_; ++i) {
      if (s_[i].word != coder_.word_together_) continue;
      if (IsActor(i + 1) || s_[i + 1].word != coder_.word_with_ || !IsActor(i + 2)) continue;
      // "sanctioned Russia, together with Belarus": right after an actor,
      // the phrase may add to the object as well.
      if (IsActor(i - 1) || (Has(i - 1, kComma) && i > 1 && IsActor(i - 2))) continue;
      // The subject of the last act coded before the phrase.
      const uint32_t phrase_token = s_[i].first_token;
      int subject = -1;
      for (size_t e = first_event_; e < coded; ++e) {
        if (out_[e].verb_first_token < phrase_token) subject = GroupOf(out_[e].source);
      }
      if (subject < 0) continue;
      const Symbol& companions = s_[i + 2];
      for (size_t e = first_event_; e < coded; ++e) {
        const CodedEvent event = out_[e];
        if (GroupOf(event.source) != subject) continue;
        for (uint32_t a = companions.first_actor; a < companions.end_actor; ++a) {
          if (actors_[a].actor == actors_[event.target].actor ||
              AlreadyCoded(a, event.target, event.pattern)) {
            continue;
          }
          out_.push_back({a, event.target, event.pattern, event.verb_first_token,
                          event.verb_end_token, event.confidence - 0.1});
        }
      }
    }
  }

  // "Thailand and Cambodia agreed to a ceasefire in talks hosted by
  // Malaysia", "a prisoner swap brokered by the UAE", "met under the
  // auspices of the AU": whoever brokers or hosts what the sentence's actors
  // agree, meet on or exchange mediates between them (045), one event
  // toward each of them.
  void CodeMediators() {
    const size_t coded = out_.size();
    if (coder_.mediation_pattern_ < 0 || coded == first_event_) return;
    const int n = static_cast<int>(s_.size());
    for (int i = 0; i + 2 < n; ++i) {
      // The actor and "by" or "of" first: asked of every word of every
      // sentence with an event, they turn nearly all away.
      if (!IsActor(i + 2) || (!Has(i + 1, kBy) && s_[i + 1].word != coder_.word_of_)) continue;
      if (IsActor(i) || !IsOneOf(i, coder_.mediation_words_)) continue;
      const Symbol& mediator = s_[i + 2];
      // The parties: the actors of the sentence's cooperative events (intent,
      // meetings, agreements, cooperation, concessions) between others than
      // the mediator, each once ("welcomed the truce brokered by Qatar" is
      // no truce between Qatar and the one who welcomed it).
      std::array<uint32_t, 8> parties;
      size_t count = 0;
      auto add = [&](uint32_t mention) {
        if (count == parties.size()) return;
        for (size_t k = 0; k < count; ++k) {
          if (actors_[parties[k]].actor == actors_[mention].actor) return;
        }
        parties[count++] = mention;
      };
      // "brokered", "hosted": a deal or talks that took place; "under the
      // auspices of" may look ahead ("ready to meet under the auspices of").
      const bool done = s_[i + 1].word != coder_.word_of_;
      for (size_t e = first_event_; e < coded; ++e) {
        const std::string& code = coder_.patterns_[out_[e].pattern].code;
        if (!UnderRoot(code, {"03", "04", "05", "06", "08"})) continue;
        if (!done && code.starts_with("03")) continue;
        if (GroupNames(mediator, out_[e].source) || GroupNames(mediator, out_[e].target)) continue;
        add(out_[e].source);
        add(out_[e].target);
      }
      const auto pattern = static_cast<uint32_t>(coder_.mediation_pattern_);
      for (uint32_t m = mediator.first_actor; m < mediator.end_actor; ++m) {
        for (size_t k = 0; k < count; ++k) {
          out_.push_back({m, parties[k], pattern, s_[i].first_token, s_[i + 1].end_token, 0.5});
        }
      }
      return;
    }
  }

  // Whether pattern `pattern`'s text has the word `word` among its words or
  // alternatives.
  bool PatternWrites(uint32_t pattern, uint32_t word) const {
    if (word == Vocabulary::kUnknown) return false;
    const std::string_view wanted = coder_.vocabulary_.WordOf(word);
    const std::string& text = coder_.patterns_[pattern].text;
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find_first_of(" |[]", begin);
      if (end == std::string::npos) end = text.size();
      if (text.compare(begin, end - begin, wanted) == 0) return true;
      begin = end + 1;
    }
    return false;
  }

  // Whether `code` lies under one of the roots.
  static bool UnderRoot(std::string_view code, std::initializer_list<std::string_view> roots) {
    return std::any_of(roots.begin(), roots.end(),
                       [&](std::string_view root) { return code.starts_with(root); });
  }

  // "killed more than four hundred civilians": killing civilians by the
  // hundred is mass killing (202), not one more killing (1823).
  void MarkMassActs() {
    int named_massacre = -1;  // unknown until a killing asks
    for (size_t i = first_event_; i < out_.size(); ++i) {
      CodedEvent& event = out_[i];
      const std::string& code = coder_.patterns_[event.pattern].code;
      // "expelled more than 300,000 Afghan refugees": deportations by the
      // thousand are a mass expulsion.
      if (code == "174" && coder_.mass_expulsion_pattern_ >= 0 &&
          CountsThousands(event.verb_first_token, actors_[event.target].first_token)) {
        event.pattern = static_cast<uint32_t>(coder_.mass_expulsion_pattern_);
        continue;
      }
      if (code != "1823" || coder_.mass_killing_pattern_ < 0) continue;
      // "killed at least 90 civilians in a night of massacres": the
      // sentence calls the killing of civilians what it is.
      if (named_massacre < 0) {
        named_massacre =
            std::find_first_of(word_ids_.begin(), word_ids_.end(), coder_.massacre_words_.begin(),
                               coder_.massacre_words_.end()) != word_ids_.end();
      }
      if (KillsMany(event.verb_end_token, actors_[event.target], named_massacre == 1)) {
        event.pattern = static_cast<uint32_t>(coder_.mass_killing_pattern_);
      }
    }
  }

  // Are the killed, counted between `from_token` and the target, civilians
  // by the hundred ("killed more than 400 Rwandan civilians")?
  // `massacre`: the sentence names a massacre, and any count will do.
  bool KillsMany(uint32_t from_token, const ActorMention& target, bool massacre = false) const {
    // "civilians", "Guatemalan villagers", "Cambodians": the victims are
    // the people, named as such or by a demonym before a word for them.
    const uint32_t after = target.end_token - base_;
    const bool people =
        target.people || (coder_.WordFlags(word_ids_[after - 1]) & kCivilians) ||
        (after < word_ids_.size() && (coder_.WordFlags(word_ids_[after]) & kCivilians));
    if (!people) return false;
    if (massacre) return true;
    for (uint32_t t = from_token; t < target.first_token; ++t) {
      if (IsLargeNumber(t)) return true;
    }
    return false;
  }

  // "hundreds", "2,000", "800,000": a count of a hundred or more.
  // Whether a year ("in 2021") stands in the clause from symbol `from`.
  bool YearIn(int from) const {
    const int n = static_cast<int>(s_.size());
    for (int i = from; i < n && i - from <= 8; ++i) {
      if (IsActor(i)) continue;
      if (Has(i, kBoundary | kPunct)) return false;
      const Token& t = segmentation_.tokens[s_[i].first_token];
      if (t.kind != TokenKind::kNumber || t.end - t.begin != 4) continue;
      const std::string_view digits = text_.substr(t.begin, 4);
      if (digits.starts_with("19") || digits.starts_with("20")) return true;
    }
    return false;
  }

  // "China offered to mediate, but Bangkok rejected the offer": the one
  // whose offer, call or proposal "the offer" at `i` names is the source of
  // the last event coded before it, when that is another state's. -1 if
  // none.
  int ProposerBefore(int i, int source) const {
    const int n = static_cast<int>(s_.size());
    if (i + 1 >= n || IsActor(i) || IsActor(i + 1) || s_[i].word != coder_.word_the_ ||
        !IsOneOf(i + 1, coder_.proposal_words_) || out_.size() == first_event_) {
      return -1;
    }
    const int proposer = GroupOf(out_.back().source);
    return proposer != source && !SameState(proposer, source) ? proposer : -1;
  }

  // Does a count of a thousand or more ("11,000", "1.2 million",
  // "thousands of") stand between tokens `from` and `to`?
  bool CountsThousands(uint32_t from, uint32_t to) const {
    for (uint32_t t = from; t < to; ++t) {
      const Token& token = segmentation_.tokens[t];
      const std::string_view word = text_.substr(token.begin, token.end - token.begin);
      if (token.kind == TokenKind::kNumber) {
        const auto digits =
            std::count_if(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits >= 4) return true;
      } else if ((coder_.WordFlags(word_ids_[t - base_]) & kLargeCount) &&
                 !word.starts_with("hundred")) {
        return true;
      }
    }
    return false;
  }

  bool IsLargeNumber(uint32_t token) const {
    if (coder_.WordFlags(word_ids_[token - base_]) & kLargeCount) return true;
    const Token& t = segmentation_.tokens[token];
    if (t.kind != TokenKind::kNumber) return false;
    int digits = 0;
    for (const char c : text_.substr(t.begin, t.end - t.begin)) {
      if (c >= '0' && c <= '9') {
        ++digits;
      } else if (c != ',') {
        break;
      }
    }
    return digits >= 3;
  }

  // "warned Lebanon that it would bomb its airports" matches both the bare
  // warning ("warn TARGET that it would", 130) and the act in the threat
  // mood (1384); the act says more, so the bare threat goes.
  void DropGenericThreatsAndDemands() {
    // "demanded that Venezuela withdraw its troops" likewise matches the bare
    // demand ("demand that TARGET", 100) and the act as demanded (1056);
    // "agreed to continue funding the agency" the bare intention (030) and
    // the act intended (0331); "refused to extradite them to China" the
    // bare refusal (120) and the act refused (121).
    auto generic = [&](const CodedEvent& e) {
      const std::string& code = coder_.patterns_[e.pattern].code;
      return code == "130" || code == "100" || code == "030" || code == "120";
    };
    auto same_root = [&](const CodedEvent& a, const CodedEvent& b) {
      return coder_.patterns_[a.pattern].code.compare(0, 2, coder_.patterns_[b.pattern].code, 0,
                                                      2) == 0;
    };
    auto same_pair = [&](const CodedEvent& a, const CodedEvent& b) {
      return actors_[a.source].actor == actors_[b.source].actor &&
             actors_[a.target].actor == actors_[b.target].actor;
    };
    // Mark first, erase after: the test reads only events that are never
    // marked, so marking cannot change another event's verdict.
    constexpr uint32_t kDropped = ~uint32_t{0};
    // A bare act goes only for another event: most sentences have fewer.
    if (out_.size() < first_event_ + 2) return;
    const auto first = out_.begin() + static_cast<std::ptrdiff_t>(first_event_);
    for (auto it = first; it != out_.end(); ++it) {
      if (!generic(*it)) continue;
      if (std::any_of(first, out_.end(), [&](const CodedEvent& other) {
            return other.pattern != kDropped && !generic(other) && same_root(*it, other) &&
                   same_pair(*it, other);
          })) {
        it->pattern = kDropped;
      }
    }
    const auto end = std::remove_if(first, out_.end(),
                                    [&](const CodedEvent& e) { return e.pattern == kDropped; });
    out_.erase(end, out_.end());
  }

  // Where a match's slots stood, in pattern order: a slot's symbol offset in
  // the pattern is not its offset in the sentence once "Venezuelas" stands
  // for "Venezuela 's" or "Venezuela's diplomats" for three pattern words.
  // Slot positions that are no actor group: in passive mode, the subject
  // before the verb; an object pronoun ("accused it of"), whose antecedent
  // the clause's subject decides (PronounAntecedent).
  static constexpr int kPassiveSubject = -2;
  static constexpr int kPronounSlot = -3;
  struct Trail {
    int count = 0;
    int at[2] = {-1, -1};    // symbol positions; kPassiveSubject, kObjectPronoun
    int passed = -1;         // a qualifying actor a wildcard passed (Qualifies)
    int pronoun = -1;        // where the kPronounSlot pronoun stands
    int wild_at = -1;        // the last symbol a wildcard took
    int agent = -1;          // passive: the "by" actor group passed over
    bool slot_used = false;  // passive: the subject has filled a TARGET slot
    Trail With(int position) const {
      Trail trail = *this;
      if (trail.count < 2) trail.at[trail.count++] = position;
      return trail;
    }
  };
  struct Match {
    int32_t entry = -1;
    int end = 0;     // one past the last symbol
    int agent = -1;  // passive: the "by" actor group
    Trail slots;
  };
  // One walk of the trie: what stays the same at every step, and the best
  // match so far. Walk takes it by reference rather than each part as an
  // argument of its own, as it calls itself at every step.
  struct Walking {
    bool passive = false;
    int subject = -1;  // passive: the subject that fills a TARGET slot
    Match& best;
    bool agentless = false;  // passive: complete without "by ACTOR" (an object relative)
    int below = std::numeric_limits<int>::max();  // matches end before this symbol
  };

  // The target slot's actor group for a clause whose subject is `source`,
  // with a pronoun there resolved; -1 if none.
  int SlotTarget(const Match& match, int source) const {
    const int target = SlotPosition(match, false);
    return target == kPronounSlot ? PronounAntecedent(source, match.slots.pronoun) : target;
  }

  // The actor an object pronoun after a verb of `source` stands for: the
  // other party of the sentence's last event ("Russia attacked Ukraine, and
  // Ukraine retaliated against it": Russia; "China criticised Japan and
  // accused it of": Japan), else the nearest actor named before `source`
  // that is not a place ("Israeli troops raided a camp in Jenin, and
  // militants fired at them"). -1 if there is none.
  int PronounAntecedent(int source, int pronoun) const {
    if (source < 0) return -1;
    // "calling it a provocation": a call with a pronoun after it names, it
    // does not phone.
    if (pronoun > 0 && IsCallForm(pronoun - 1)) return -1;
    const Symbol& subject = s_[source];
    auto in_subject = [&](uint32_t mention) { return GroupNames(subject, mention); };
    // "him" and "her" stand for people: the one last acted on ("released
    // the journalist, months after soldiers arrested him").
    const bool person = pronoun >= 0 && IsOneOf(pronoun, coder_.person_pronouns_);
    if (out_.size() > first_event_) {
      const CodedEvent& last = out_.back();
      if (!person) return GroupOf(!in_subject(last.source) ? last.source : last.target);
      // "When Brunei's sultan arrived in Manila, the Philippine president
      // greeted him": not the subject's own side, but the one who came.
      const int acted_on = GroupOf(last.target);
      return acted_on == source || SameState(acted_on, source) ? GroupOf(last.source) : acted_on;
    }
    if (person) return -1;
    for (int j = source - 1; j >= 0; --j) {
      if (!IsActor(j) || in_subject(s_[j].first_actor)) continue;
      if (j > 0 && Has(j - 1, kLocative)) continue;
      return j;
    }
    return -1;
  }

  // Whether actor group `group` names the actor of mention `mention`.
  bool GroupNames(const Symbol& group, uint32_t mention) const {
    for (uint32_t m = group.first_actor; m < group.end_actor; ++m) {
      if (actors_[m].actor == actors_[mention].actor) return true;
    }
    return false;
  }

  // The actor group that holds mention `mention`.
  int GroupOf(uint32_t mention) const {
    for (int i = 0; i < static_cast<int>(s_.size()); ++i) {
      if (IsActor(i) && s_[i].first_actor <= mention && mention < s_[i].end_actor) return i;
    }
    return -1;
  }

  // The symbol the entry's source (or target) slot matched, or -1.
  int SlotPosition(const Match& match, bool source) const {
    const Entry& entry = coder_.entries_[match.entry];
    const int8_t mine = source ? entry.source_slot : entry.target_slot;
    const int8_t other = source ? entry.target_slot : entry.source_slot;
    if (mine < 0) return -1;
    return match.slots.at[other >= 0 && other < mine ? 1 : 0];
  }

  uint64_t Flags(int i) const { return s_[i].flags; }
  bool IsActor(int i) const { return s_[i].word == kActorSymbol; }
  bool Has(int i, uint64_t flag) const { return (s_[i].flags & flag) != 0; }

  // Longest match of the trie at `start`. In passive mode one TARGET slot
  // may be satisfied by the subject (it stands before the verb) and one
  // "by ACTOR" phrase is skipped and taken as the agent.
  // `subject`: in passive mode, the subject that fills a TARGET slot, whose
  // own sector word may continue the pattern ("Russian diplomats were
  // expelled" reads "expel TARGET diplomats").
  // Inlining is forced: Run asks it at every symbol, and most symbols start
  // nothing; out of line, the call and its Match cost more than the test.
  // `agentless`: in passive mode, a match needs no agent but must have
  // used the subject ("the diplomats whom Pakistan expelled").
  // `below`: only matches ending before it (a shorter reading at `start`).
  [[gnu::always_inline]] Match Longest(int start, bool passive, int subject = -1,
                                       bool agentless = false,
                                       int below = std::numeric_limits<int>::max()) const {
    Match best;
    const Symbol& first = s_[start];
    if (first.word == Vocabulary::kUnknown || !coder_.MayStartMatch(first.word)) return best;
    Walking walk{passive, subject, best, agentless, below};
    // What Walk would do at the root, without the call: Walk was called at
    // every symbol that may start a match, a third of its calls, and at the
    // root (unless it matches on its own) only these steps apply.
    if (coder_.nodes_[0].payload >= 0) {
      Walk(start, 0, Trail(), walk);
    } else if (first.word == kActorSymbol) {
      // "SOURCE's sanctions on TARGET".
      if (coder_.nodes_[0].slot != 0) SlotSteps(start, coder_.nodes_[0].slot, Trail(), walk);
    } else {
      ForEachWordEdge(0, first.word, [&](uint32_t next) { Walk(start + 1, next, Trail(), walk); });
    }
    return best;
  }

  // `trail`: the path from the walk's start to `node`, reached at `position`.
  // Never inlined, not even into Longest: a copy of this long function in
  // each caller made them slower to call and no walk faster.
  [[gnu::noinline]] void Walk(int position, uint32_t node, const Trail& trail,
                              Walking& walk) const {
    const Node& n = coder_.nodes_[node];
    const bool passive = walk.passive;
    Match& best = walk.best;
    if (n.payload >= 0 && position > best.end && position < walk.below) {
      if (!passive || trail.agent >= 0 || (walk.agentless && trail.slot_used)) {
        best = {n.payload, position, trail.agent, trail};
      } else if (const int late = AgentPastPhrase(position); late >= 0) {
        best = {n.payload, position, late, trail};
      }
    }
    // Passive walks are few: their steps, out of line, leave this function
    // fewer values to keep at every step.
    if (passive && node != 0) PassiveSteps(position, node, trail, walk);
    if (position >= static_cast<int>(s_.size())) return;
    const Symbol& symbol = s_[position];
    if (symbol.word == kActorSymbol) {
      // "marched through Nairobi on Tuesday against": a place passed
      // through inside a wildcard gap is not the act's argument.
      if (n.wildcard != 0 && node != 0 && position > 0 && !IsActor(position - 1) &&
          (Has(position - 1, kPassage) || Qualifies(position) ||
           NamesTheKind(position, n.wildcard) ||
           (trail.wild_at == position - 1 && OwnsTheNounBefore(position)))) {
        Trail passing = trail;
        if (!Has(position - 1, kPassage | kPreposition)) passing.passed = position;
        Walk(position + 1, n.wildcard, passing, walk);
      }
      // "walked out of EU-brokered negotiations with": an actor joined by a
      // hyphen to a participle qualifies the noun after it.
      if (n.wildcard != 0 && node != 0 && position + 2 < static_cast<int>(s_.size()) &&
          Has(position + 1, kHyphen) && !IsActor(position + 2) && EndsIn(position + 2, "ed")) {
        Walk(position + 3, n.wildcard, trail, walk);
      }
      if (n.slot != 0) SlotSteps(position, n.slot, trail, walk);
      return;
    }
    // "and accused it of provocation", "fired back at them": a pronoun
    // stands for an actor named before (PronounAntecedent).
    if (n.slot != 0 && node != 0 && IsObjectPronoun(position) && !IsCallForm(position - 1)) {
      Trail here = trail.With(kPronounSlot);
      here.pronoun = position;
      Walk(position + 1, n.slot, here, walk);
    }
    // "staged a general strike on Wednesday against": a date adverbial or an
    // -ly adverb inside a pattern is skipped.
    if (node != 0) {
      const int skip = AdverbialAt(position);
      if (skip > 0) Walk(position + skip, node, trail, walk);
    }
    if (symbol.word != Vocabulary::kUnknown) {
      ForEachWordEdge(node, symbol.word,
                      [&](uint32_t next) { Walk(position + 1, next, trail, walk); });
    }
    // "airlifted tents, generators and water purification units to": a
    // comma between two nouns of a list inside a gap is passed over.
    if (n.wildcard != 0 && node != 0 && (symbol.flags & kComma) && ListCommaAt(position)) {
      Walk(position + 1, node, trail, walk);
    }
    // "agreed to an immediate and unconditional ceasefire": so is "and"
    // between two plain words, the first a wildcard's.
    if ((symbol.flags & kAnd) && node != 0 && trail.wild_at == position - 1 &&
        AndJoinsPlainWords(position)) {
      Walk(position + 1, node, trail, walk);
    }
    // "used chloropicrin, a choking agent banned in warfare, against": an
    // apposition set off by commas inside a pattern is passed over.
    if (node != 0 && (symbol.flags & kComma)) {
      if (const int closing = AppositionClosingAt(position); closing > 0) {
        Walk(closing + 1, node, trail, walk);
      }
    }
    if (n.wildcard != 0 && node != 0 && !(symbol.flags & (kComma | kBoundary))) {
      Trail wild = trail;
      wild.wild_at = position;
      Walk(position + 1, n.wildcard, wild, walk);
      // The segmenter splits "seven-day" in three; a wildcard takes it whole.
      if (position + 2 < static_cast<int>(s_.size()) && Has(position + 1, kHyphen) &&
          !IsActor(position) && !IsActor(position + 2)) {
        Walk(position + 3, n.wildcard, trail, walk);
      }
    }
    // "held talks in Beijing on Monday with": the place of a meeting named
    // before its partner is passed over when the pattern goes on with the
    // partner. Elsewhere a place after the act may be its target ("rallied
    // in Tbilisi against"), so it stays.
    if (node != 0 && (symbol.flags & kLocative) && position + 2 < static_cast<int>(s_.size()) &&
        IsActor(position + 1)) {
      int after = position + 2;
      after += AdverbialAt(after);
      if (after < static_cast<int>(s_.size()) && Has(after, kCompanion) &&
          coder_.Child(node, s_[after].word) != 0) {
        Walk(position + 2, node, trail, walk);
      }
    }
  }

  // Walk's steps in passive mode: the subject in a TARGET slot, and the
  // "by ACTOR" phrase skipped as the agent.
  [[gnu::noinline]] void PassiveSteps(int position, uint32_t node, const Trail& trail,
                                      Walking& walk) const {
    const Node& n = coder_.nodes_[node];
    const int subject = walk.subject;
    if (n.slot != 0 && !trail.slot_used) {
      Trail filled = trail.With(kPassiveSubject);
      filled.slot_used = true;
      if (subject >= 0 && s_[subject].possessive != 0) {
        uint32_t inner = n.slot;
        for (uint32_t t = s_[subject].possessive; t < s_[subject].end_token && inner != 0; ++t) {
          inner = coder_.Child(inner, word_ids_[t - base_]);
        }
        if (inner != 0) Walk(position, inner, filled, walk);
      }
      Walk(position, n.slot, filled, walk);
    }
    if (const int agent = trail.agent < 0 ? AgentAfterBy(position) : -1; agent >= 0) {
      Trail by = trail;
      by.agent = agent;
      Walk(agent + 1, node, by, walk);
    }
  }

  // The comma that closes an apposition opened by "a|an|the" after the
  // comma at `comma` ("chloropicrin, a choking agent banned in warfare,"),
  // or 0. It holds no actor, clause word or finite verb.
  int AppositionClosingAt(int comma) const {
    constexpr int kLongestApposition = 12;
    const int n = static_cast<int>(s_.size());
    // Or "including": "sent relief supplies, including tents and
    // generators, to Tonga".
    if (comma + 2 >= n ||
        (!IsIndefiniteArticle(comma + 1) &&
         (IsActor(comma + 1) || (s_[comma + 1].word != coder_.word_the_ &&
                                 s_[comma + 1].word != coder_.word_including_)))) {
      return 0;
    }
    // A list after "including" may hold "and".
    const bool including = s_[comma + 1].word == coder_.word_including_;
    for (int k = comma + 2; k < n && k - comma <= kLongestApposition; ++k) {
      if (IsActor(k) || Has(k, kBoundary | kSpeech | kThird) || (!including && Has(k, kAnd))) {
        return 0;
      }
      if (Has(k, kComma)) return k - comma >= 3 ? k : 0;
    }
    return 0;
  }

  static constexpr uint64_t kNotNoun = kFiniteForms | kBoundary | kPunct | kPreposition |
                                       kDeterminer | kAnd | kSpeech | kPronoun | kRelative | kTo |
                                       kGerund;

  // Does "and" at `i` join two plain words ("immediate and unconditional",
  // "tents and generators"), neither an actor, a verb or a function word?
  bool AndJoinsPlainWords(int i) const {
    return i > 0 && i + 1 < static_cast<int>(s_.size()) && !IsActor(i) && !IsActor(i - 1) &&
           !IsActor(i + 1) && !Has(i - 1, kNotNoun) && !Has(i + 1, kNotNoun);
  }

  // Does the comma at `comma` separate two plain nouns of a list that "and"
  // closes within a few words ("tents, generators and water purification
  // units")?
  bool ListCommaAt(int comma) const {
    constexpr int kLongestItem = 4;
    const int n = static_cast<int>(s_.size());
    if (comma < 1 || comma + 2 >= n || IsActor(comma - 1) || IsActor(comma + 1) ||
        Has(comma - 1, kNotNoun) || Has(comma + 1, kNotNoun)) {
      return false;
    }
    for (int k = comma + 1; k < n && k - comma <= kLongestItem + 1; ++k) {
      if (IsActor(k)) return false;
      if (Has(k, kAnd)) return true;
      if (Has(k, kComma)) continue;
      if (Has(k, kNotNoun)) return false;
    }
    return false;
  }

  // The steps from the actor group at `position` into `slot`, a node's
  // child through a group, after `trail`.
  [[gnu::always_inline]] void SlotSteps(int position, uint32_t slot, const Trail& trail,
                                        Walking& walk) const {
    const Symbol& symbol = s_[position];
    const Trail here = trail.With(position);
    // The readings that continue the pattern with the name's own words go
    // first: at equal length the first path found wins, and "expel TARGET
    // diplomats" is more specific than "expel".
    if (symbol.possessive != 0) {
      // The words after "'s" inside the name continue the pattern.
      WalkInsideName(symbol.possessive, slot, position, here, walk);
    }
    if ((symbol.flags & kBareS) && position + 1 < static_cast<int>(s_.size()) &&
        s_[position + 1].word != coder_.word_possessive_ && !IsActor(position + 1)) {
      // "suspend TARGET's membership" read in "suspended Honduras'
      // membership" and in "suspended Venezuelas membership" (no
      // apostrophe at all): the pattern's next word must still follow, so
      // a plural ("the two Koreas met") never takes this path alone.
      if (const uint32_t owned = coder_.Child(slot, coder_.word_possessive_)) {
        const bool apostrophe = s_[position + 1].word == coder_.word_apostrophe_;
        Walk(position + (apostrophe ? 2 : 1), owned, here, walk);
      }
    }
    Walk(position + 1, slot, here, walk);
  }

  // Walks on from `node` through the name's tokens from `token` to the end
  // of the actor group at `position`, each read as itself or as a word of a
  // class ("expel TARGET @envoys" in "expelled Russia's diplomats").
  void WalkInsideName(uint32_t token, uint32_t node, int position, const Trail& trail,
                      Walking& walk) const {
    if (token == s_[position].end_token) {
      Walk(position + 1, node, trail, walk);
      return;
    }
    ForEachWordEdge(node, word_ids_[token - base_],
                    [&](uint32_t next) { WalkInsideName(token + 1, next, position, trail, walk); });
  }

  // Calls `visit` with the child of `node` through `word` itself, then with
  // the child through each word class of `word` the node continues with.
  // Inlining is forced: Longest calls it for every symbol that may start a
  // match, and left out of line the call cost more than its usual one lookup.
  template <typename Visit>
  [[gnu::always_inline]] void ForEachWordEdge(uint32_t node, uint32_t word, Visit&& visit) const {
    if (const uint32_t next = coder_.Child(node, word)) visit(next);
    const uint32_t classes = coder_.WordClasses(word);
    if (classes == 0) return;
    const Node& n = coder_.nodes_[node];
    const Edge* first = coder_.edges_.data() + n.first_edge;
    for (const Edge* edge = first + n.edge_count;
         edge != first && (--edge)->word >= kFirstClassSymbol;) {
      if (classes & (1u << (edge->word - kFirstClassSymbol))) visit(edge->child);
    }
  }

  // Symbols of a time adverbial, an -ly adverb or a quotation mark at i
  // ("on Monday", "yesterday", "last week", "officially"), or 0. Walk asks it at every
  // step inside a pattern: inlining is forced, as the call cost more than
  // the tests.
  [[gnu::always_inline]] int AdverbialAt(int i) const {
    const int n = static_cast<int>(s_.size());
    if (i >= n || IsActor(i)) return 0;
    // Most words are none of these and only a quotation mark is left to
    // test: one test of the flags instead of four.
    if (!Has(i, kDayWord | kDeictic | kLyAdverb) && s_[i].word != coder_.word_on_) {
      return IsQuote(i) ? 1 : 0;
    }
    if (Has(i, kDayWord)) return 1;
    if (i + 1 < n && !IsActor(i + 1)) {
      if (s_[i].word == coder_.word_on_ && Has(i + 1, kDayWord)) return 2;
      if (Has(i, kDeictic) && Has(i + 1, kPeriodWord)) return 2;
    }
    if (Has(i, kLyAdverb)) return 1;  // "complained formally to"
    // "would take \"strong countermeasures\" against": quotation marks.
    return IsQuote(i) ? 1 : 0;
  }

  // Is the word at `i` one of `words`, ids the builder looked up (0 for a
  // word the dictionaries lack, which no symbol matches)? Actor groups are
  // none of them. The lists hold two to eight words: a plain loop, inlined,
  // cost less than std::find's unrolled search behind a call, and Walk asks
  // it (IsQuote) at every step inside a pattern.
  [[gnu::always_inline]] bool IsOneOf(int i, std::span<const uint32_t> words) const {
    const uint32_t word = s_[i].word;
    if (word == 0) return false;
    for (const uint32_t listed : words) {
      if (listed == word) return true;
    }
    return false;
  }

  // IsOneOf the three quotation marks, compared outright: AdverbialAt asks
  // it at most steps of a walk, where the loop cost more than the compares.
  bool IsQuote(int i) const {
    const uint32_t word = s_[i].word;
    const uint32_t* const quotes = coder_.quote_words_;
    static_assert(std::extent_v<decltype(EventCoder::quote_words_)> == 3);
    return word != 0 && (word == quotes[0] || word == quotes[1] || word == quotes[2]);
  }

  // The auxiliaries, adverbs, negators and "to" before a verb.
  struct LeftContext {
    int left = -1;  // the symbol before them (-1 = sentence start)
    bool negated = false, modal = false, future = false, be = false, have = false, do_ = false;
    bool would = false;  // "said it would meet": reported future
    int to = -1;         // position of "to"
  };

  // "had rammed and sunk": the perfect's auxiliary before the first verb
  // governs the participle after `and`.
  bool CoordinatedPerfect(int and_at) const {
    if (and_at < 1 || IsActor(and_at) || !Has(and_at, kAnd)) return false;
    const int first = and_at - 1;
    return !IsActor(first) && Has(first, kParticiple) && ContextBefore(first).have;
  }

  LeftContext ContextBefore(int verb) const {
    LeftContext context;
    int i = verb - 1;
    for (; i >= 0; --i) {
      const uint64_t flags = Flags(i);
      if (IsActor(i)) break;
      // "Canada and India each expelled": "each" distributes the subject.
      if (s_[i].word == coder_.word_each_ && i > 0 && IsActor(i - 1)) continue;
      if (flags & kNegator) {
        context.negated = true;
      } else if (flags & kModal) {
        if (s_[i].word == coder_.word_would_) {
          context.would = true;
        } else {
          context.modal = true;
        }
      } else if (flags & kFuture) {
        context.future = true;
      } else if (flags & kBe) {
        context.be = true;
      } else if (flags & kHave) {
        context.have = true;
      } else if (flags & kDo) {
        context.do_ = true;
      } else if (flags & kTo) {
        context.to = i;
        --i;
        break;
      } else if (flags & kAnd) {
        // "to communicate and cooperate with": the "to" of the first verb.
        // Not "restored access to the internet and met": a "to" before a
        // noun is a preposition. A lone word before "and" is a verb.
        int k = i - 1;
        while (k >= 0 && i - k <= 3 && !IsActor(k) && !Has(k, kPunct | kTo)) --k;
        int word = k + 1;  // "to closely communicate and"
        while (word + 1 < i && !IsActor(word) && Has(word, kAdverb)) ++word;
        if (k >= 0 && i - k >= 2 && Has(k, kTo) && !IsActor(word) &&
            !Has(word, kDeterminer | kOwner | kPronoun) && (Has(word, kBase) || word + 1 == i)) {
          context.to = k;
          i = k - 1;
        }
        break;
      } else if (!(flags & kAdverb)) {
        break;
      }
    }
    context.left = i;
    return context;
  }

  // Is the actor group at `i` the object of a preposition?
  // "in Caracas", "to eastern Congo".
  bool AfterPreposition(int i) const {
    const int before = BeforeRegion(i);
    return before >= 0 && Has(before, kPreposition);
  }

  // The symbol before the actor group at `i`, past a region word ("to
  // eastern Congo": "to"); -1 at the sentence's start.
  int BeforeRegion(int i) const {
    if (i > 1 && !IsActor(i - 1) && IsOneOf(i - 1, coder_.region_words_)) return i - 2;
    // "of a Russian researcher": "a" and "an" stand outside the name.
    if (i > 1 && IsIndefiniteArticle(i - 1)) return i - 2;
    return i - 1;
  }

  // "a" or "an", which stand outside an actor's name ("the" is inside).
  bool IsIndefiniteArticle(int i) const {
    return !IsActor(i) && (s_[i].word == coder_.word_a_ || s_[i].word == coder_.word_an_);
  }

  // Is `verb` a past form in a relative clause opened by ", which" (who,
  // whose, whom) whose words, up to the comma or the end that closes it,
  // name no time ("in 2014", "in March", "last week", "on Monday",
  // "years ago")?
  bool UndatedRelativeClause(int verb) const {
    constexpr int kLongestLead = 6, kLongestClause = 30;
    if (!Has(verb, kPast | kParticiple)) return false;
    int open = -1;
    for (int k = verb - 1; k > 0 && verb - k <= kLongestLead; --k) {
      if (Has(k, kComma | kBoundary | kPunct) && !Has(k, kRelative)) break;
      if (Has(k, kRelative) && !IsActor(k) && s_[k].word != coder_.word_that_) {
        if (Has(k - 1, kComma)) open = k;
        break;
      }
    }
    if (open < 0) return false;
    const int n = static_cast<int>(s_.size());
    int k = open + 1;
    for (; k < n && k - open <= kLongestClause; ++k) {
      if (IsActor(k)) continue;
      if (Has(k, kComma) || (Has(k, kPunct) && Has(k, kBoundary))) return true;
      if (Has(k, kDayWord | kDeictic) || IsOneOf(k, coder_.time_words_)) return false;
      const Token& t = segmentation_.tokens[s_[k].first_token];
      if (t.kind == TokenKind::kNumber && t.end - t.begin == 4) return false;
    }
    return k == n;
  }

  // Is the verb at `verb` in a clause opened by "which|who|whose" (", a
  // former general who commanded troops")?
  bool InsideRelativeClause(int verb) const {
    for (int k = verb - 1; k > 0 && verb - k <= 8; --k) {
      if (Has(k, kComma)) return false;
      if (Has(k, kRelative) && s_[k].word != coder_.word_that_ && !IsActor(k)) return true;
    }
    return false;
  }

  // The subject of a verb whose left context ends at `left`: the actor group
  // heading its clause. -1 if none. `clause_intro` receives the symbol
  // before the subject (or the boundary) for the caller to inspect.
  int FindSubject(int left, int verb, int* clause_intro) const {
    *clause_intro = -1;
    // Coordinated verbs: "met X and signed": the previous verb's subject.
    if (left >= 0 && (Has(left, kAnd | kComma) || s_[left].word == coder_.word_but_) &&
        !IsActor(left)) {
      // Clause words that only introduce a phrase ("denounced the pressure
      // as coercion and called on ...") do not hide the previous verb.
      const bool after_comma = Has(left, kComma) || (left > 0 && Has(left - 1, kComma));
      // "said that Chinese ships had rammed and sunk a boat": with no comma,
      // a reported clause's own subject is the coordinate's.
      int clause_subject = -1;
      for (int j = left - 1; j >= 0 && left - j <= 30; --j) {
        if (IsActor(j) && !after_comma && !AfterPreposition(j)) clause_subject = j;
        // "Spain, whose prime minister visited Beijing, signed": a verb
        // inside a relative clause the comma closes is no coordinate.
        if (subjects_[j] >= 0 && InsideRelativeClause(j)) break;
        if (subjects_[j] >= 0) {
          // "Chile said that Bolivia had broken its word, and accused Peru":
          // after a comma, the verb reported is not the coordinate; the
          // reporting one is.
          const int speaker = after_comma ? ReportingSubject(subjects_[j]) : -1;
          return speaker >= 0 ? speaker : subjects_[j];
        }
        // "Chile said the talks had failed and accused Peru": the reporting
        // verb is the coordinate.
        if (Has(j, kSpeech | kWarn) && !IsActor(j) && !AfterDeterminer(j)) {
          if (clause_subject >= 0) return clause_subject;
          int intro = -1;
          const LeftContext context = ContextBefore(j);
          const int speaker = context.negated ? -1 : FindSubject(context.left, j, &intro);
          if (speaker >= 0) return speaker;
          break;
        }
        if (!IsActor(j) && s_[j].word == coder_.word_that_) {
          if (clause_subject >= 0 && ReportingSubject(j + 1) >= 0) return clause_subject;
          const int speaker = ReportingSubject(j + 1);
          if (speaker >= 0) return speaker;
        }
        if (Has(j, kBoundary) && Has(j, kPunct | kRelative | kConditional | kSpeech)) break;
        if (Has(j, kBoundary) && j + 1 < left && IsActor(j + 1)) break;  // "after Peru met"
      }
    }
    int fallback = -1;
    const int limit = static_cast<int>(coder_.options_.max_argument_distance) + 4;
    for (int j = left; j >= 0 && verb - j <= limit; --j) {
      const Symbol& symbol = s_[j];
      if (symbol.word == kActorSymbol) {
        if (AfterPreposition(j)) {
          // "Representatives of Armenia and Azerbaijan met" has its subject
          // after "of"; "an attack in Kabul killed" has none ("in Kabul" is a
          // place).
          // Nor "A pledge by Brazil to send doctors to Haiti was
          // welcomed": what is sent to, or done with or against, is not.
          const uint32_t link = s_[j - 1].word;
          const bool of_the_subject = link == coder_.word_of_ || link == coder_.word_from_ ||
                                      link == coder_.word_for_ || link == coder_.word_between_ ||
                                      Has(j - 1, kBy);
          // "The foreign ministry in Beijing slammed", "Prosecutors at the
          // International Criminal Court opened": an office named by its
          // seat or its institution.
          const bool office_in = (link == coder_.word_in_ || link == coder_.word_at_) && j > 1 &&
                                 !IsActor(j - 2) && IsOneOf(j - 2, coder_.office_words_);
          if (fallback < 0 && ((!Has(j - 1, kLocative) && of_the_subject) || office_in)) {
            fallback = j;
          }
          continue;
        }
        // "The IMF mission that visited Cairo praised": the object of a
        // relative clause is not the subject after it; its host is.
        const int host = HostOfRelativeObject(j);
        if (host >= 0) {
          *clause_intro = host - 1;
          return host;
        }
        // "Maduro, the Venezuelan president, said": an apposition is
        // preceded by a comma after its host.
        *clause_intro = j - 1;
        return j;
      }
      if (symbol.flags & kComma) {
        // ", which ...," or ", the ... ," after an actor: skip to the host.
        // So for ", acting as the AU's mediator,": a participle's phrase
        // may hold words that open clauses elsewhere.
        // A relative clause may be longer than an apposition and hold
        // clause words of its own ("Mozambique, which has fought rebels
        // since 2017, welcomed").
        // An apposition that ends in a relative clause of its own ("a
        // former general who commanded troops in Somalia") may be as long
        // as a relative clause.
        constexpr int kLongestApposition = 12, kLongestRelative = 20;
        bool clause_word = false, holds_relative = false;
        for (int k = j - 1; k >= 0 && j - k <= kLongestRelative; --k) {
          if (Has(k, kComma)) {
            const bool relative = k + 1 < j && Has(k + 1, kRelative) &&
                                  s_[k + 1].word != coder_.word_that_ && !IsActor(k + 1);
            const bool participle =
                k + 1 < j && (Has(k + 1, kParticiple | kGerund) || EndsIn(k + 1, "ing"));
            const bool apposition =
                (j - k <= kLongestApposition || (holds_relative && Has(k + 1, kDeterminer))) &&
                (participle ||
                 (!clause_word && (Has(k + 1, kRelative | kDeterminer) || IsActor(k + 1))));
            const int host = k + 1 < j && (relative || apposition) ? InsertHost(k) : -1;
            if (host >= 0) {
              *clause_intro = host - 1;
              return host;
            }
            break;
          }
          if (Has(k, kRelative) && !IsActor(k)) {
            holds_relative = true;
            clause_word = false;  // the relative clause's own ("who once worked")
          }
          if (Has(k, kBoundary) && !Has(k, kRelative)) {
            if (Has(k, kPunct)) break;
            clause_word = true;
          }
        }
        continue;
      }
      if (symbol.flags & kRelative) {
        // "Cuba, which supports Venezuela": the relative's subject is its host.
        // So for "the IMF mission that visited Cairo", where "that" before a
        // verb relates ("told Peru that it" does not).
        if (j > 0 && IsActor(j - 1) && (Flags(j) & kRelative) && s_[j].word != coder_.word_that_) {
          *clause_intro = j - 2;
          return j - 1;
        }
        if (const int host = IsOneOf(j, coder_.subject_relatives_) ? SubjectRelativeHost(j) : -1;
            host >= 0) {
          *clause_intro = host - 1;
          return host;
        }
        if (j > 1 && Has(j - 1, kComma) && IsActor(j - 2)) {
          *clause_intro = j - 3;
          return j - 2;
        }
        *clause_intro = j;
        if (fallback < 0) {
          if (const int reporter = ReporterOwningSubject(j, left); reporter >= 0) return reporter;
        }
        break;
      }
      // "detained since March": a date, not a clause.
      if ((symbol.flags & kSince) && j + 1 < verb && !IsActor(j + 1) &&
          (IsOneOf(j + 1, coder_.time_words_) || Has(j + 1, kDayWord))) {
        continue;
      }
      // "Kazakhstan's state railway": a verb of speech after an owner and
      // before another noun is a noun.
      if ((symbol.flags & kSpeech) && !(symbol.flags & kBoundary) && j > 0 && j + 1 <= left &&
          !IsActor(j + 1) && !Has(j + 1, kNotNoun) &&
          (AfterDeterminer(j) || (IsActor(j - 1) && EndsInPossessive(j - 1)))) {
        continue;
      }
      if (symbol.flags & (kBoundary | kSpeech)) {
        *clause_intro = j;
        if (fallback < 0) {
          if (const int reporter = ReporterOwningSubject(j, left); reporter >= 0) return reporter;
        }
        break;
      }
      if ((symbol.flags & kPronoun) && fallback < 0) {
        // "China announced that it is upgrading ties": "it" is the
        // subject of the clause that reports it, or the last actor named.
        *clause_intro = j - 1;
        int g = j - 1;
        if (g >= 0 && s_[g].word == coder_.word_that_) --g;
        // "warned Lebanon (on Monday) that it"
        while (g >= 0 && !IsActor(g) && Has(g, kAdverb)) --g;
        if (g >= 0 && IsActor(g)) --g;
        while (g >= 0 && Has(g, kAdverb)) --g;
        if (g >= 0 && g < j - 1 + 1 && !IsActor(g) &&
            Has(g, kSpeech | kSuppress | kWarn | kPatternHead | kGovernors)) {
          int outer = -1;
          const int subject = FindSubject(ContextBefore(g).left, g, &outer);
          if (subject >= 0) return subject;
        }
        // "released a French teacher, and she landed in Paris": "she"
        // stands for a person, never a state.
        const int antecedent = Antecedent(j);
        if (antecedent >= 0 && IsOneOf(j, coder_.person_subjects_) && !NamesAPerson(antecedent)) {
          return -1;
        }
        return antecedent;
      }
      if (subjects_[j] >= 0 && j != left) {
        // "The Ugandan troops deployed by the AU in Somalia recaptured": a
        // participle with its agent qualifies the subject, which is its
        // patient, if an actor ("Tanks sent by Poland" are none).
        if (j + 1 < left && Has(j + 1, kBy)) {
          // "Yemeni fishermen detained by Eritrea's navy since March were
          // released": the patient named right before the participle.
          if (subjects_[j] >= j) {
            const int patient = NounBefore(j - 1);
            return patient >= 0 && !AfterPreposition(patient) ? patient : -1;
          }
          *clause_intro = subjects_[j] - 1;
          return subjects_[j];
        }
        break;  // another verb's clause
      }
    }
    return fallback;
  }

  // The actor group a phrase set off after the comma at `comma` describes:
  // the actor right before the comma, or the one before a name that commas
  // set off in turn ("Kenya's defence minister, Joseph Wambua, a former
  // general who ..."). -1 if neither.
  int InsertHost(int comma) const {
    if (comma > 0 && IsActor(comma - 1)) return comma - 1;
    // "A Red Cross team, which ...": a noun or two the actor heads.
    constexpr int kLongestHead = 2;
    for (int k = comma - 1; k > 0 && comma - k <= kLongestHead; --k) {
      if (IsActor(k) || CapitalisedInside(k) ||
          Has(k, kPreposition | kFiniteForms | kBoundary | kPunct | kComma | kAnd | kDeterminer)) {
        break;
      }
      if (IsActor(k - 1) && !AfterPreposition(k - 1)) return k - 1;
    }
    constexpr int kLongestName = 5;
    int k = comma - 1;
    while (k > 0 && comma - k <= kLongestName && !IsActor(k) &&
           !Has(k, kComma | kBoundary | kFiniteForms) && (Has(k, kHyphen) || !Has(k, kPunct))) {
      --k;
    }
    const bool named = k + 1 < comma && CapitalisedInside(k + 1);
    return named && k > 0 && Has(k, kComma) && IsActor(k - 1) ? k - 1 : -1;
  }

  // The host of an object relative whose subject is the actor group
  // `subject` ("Lithuania, which China ...", "the Afghan diplomats whom
  // Pakistan ..."), or -1.
  int ObjectRelativeHost(int subject) const {
    if (subject < 2 || IsActor(subject - 1) || !Has(subject - 1, kRelative)) return -1;
    if (s_[subject - 1].word == coder_.word_that_) {
      // "the Greek tanker that the Iranian navy had seized": "that" after a
      // noun an actor qualifies, and a clause in the past ("warned the
      // Greek side that Iran would" is no relative).
      const int noun = subject - 2;
      if (noun < 1 || IsActor(noun) || Has(noun, kNotNoun) || !IsActor(noun - 1) ||
          AfterPreposition(noun - 1) || subject + 1 >= static_cast<int>(s_.size()) ||
          IsActor(subject + 1) || !Has(subject + 1, kPast | kHave) ||
          (noun > 1 && !IsActor(noun - 2) && Has(noun - 2, kSpeech | kWarn | kGovernors))) {
        return -1;
      }
      // The verb lacks its object ("had seized in the Gulf"), which "that"
      // stands for; "that Iran had attacked ships" has its own.
      const int n = static_cast<int>(s_.size());
      int verb = subject + 1;
      while (verb + 1 < n && !IsActor(verb) && Has(verb, kHave | kBe | kAdverb)) ++verb;
      return LacksObject(verb + 1) ? noun - 1 : -1;
    }
    const int before = subject - 2;
    if (Has(before, kComma)) return InsertHost(before);
    return IsActor(before) ? before : -1;
  }

  // Is an actor named from `from` on before the next finite verb ("which
  // officials blamed on Pakistan", not "whom Belarus freed on Thursday
  // crossed into Lithuania")?
  bool ActorBeforeNextVerb(int from) const {
    constexpr int kLongestPhrase = 8;
    const int n = static_cast<int>(s_.size());
    for (int k = from; k < n && k - from <= kLongestPhrase; ++k) {
      if (IsActor(k)) return true;
      if (Has(k, kFiniteForms | kBoundary)) return false;
    }
    return false;
  }

  // Does the verb ending before `after` stand without an object: a
  // preposition, a date, a comma or the main clause's verb follows ("whom
  // Belarus freed on Thursday crossed")?
  bool LacksObject(int after) const {
    return after >= static_cast<int>(s_.size()) ||
           (!IsActor(after) && (Has(after, kPreposition | kComma | kPunct | kAnd | kBe | kHave |
                                               kModal | kFuture | kFiniteForms) ||
                                AdverbialAt(after) > 0));
  }

  // The subject of the verb that reports the clause `subject` (or any word)
  // opens ("Chile said (that) Bolivia ..."), or -1 when no verb of speech
  // stands right before it.
  int ReportingSubject(int subject) const {
    int j = subject - 1;
    if (j >= 0 && !IsActor(j) && s_[j].word == coder_.word_that_) --j;
    while (j >= 0 && !IsActor(j) && Has(j, kAdverb)) --j;
    if (j < 0 || IsActor(j) || !Has(j, kSpeech | kWarn)) return -1;
    int intro = -1;
    return FindSubject(ContextBefore(j).left, j, &intro);
  }

  // The actor group a relative "that", "which" or "who" at `that` stands
  // for, with no comma before it ("the IMF mission that visited Cairo": the
  // IMF), or -1. It relates when a finite verb follows it and an actor, with
  // a noun or two of its own, precedes it; "told Peru that Chile would"
  // opens a clause.
  int SubjectRelativeHost(int that) const {
    const int n = static_cast<int>(s_.size());
    int k = that + 1;
    while (k < n && !IsActor(k) && Has(k, kAdverb) && !Has(k, kFiniteForms)) ++k;
    if (k >= n || IsActor(k) || !Has(k, kFiniteForms) || Has(k, kDeterminer | kPronoun)) return -1;
    for (int h = that - 1; h >= 0 && that - h <= 3; --h) {
      if (IsActor(h)) return AfterPreposition(h) ? -1 : h;
      if (Has(h, kPunct | kBoundary | kPreposition | kSpeech | kPatternHead | kFiniteForms)) {
        return -1;
      }
    }
    return -1;
  }

  // The host of a restrictive relative clause ("ACTOR that VERB ...") in
  // which the actor group `object` stands, or -1.
  int HostOfRelativeObject(int object) const {
    for (int k = object - 1; k > 0 && object - k <= 8; --k) {
      if (IsActor(k) || Has(k, kComma | kPunct)) return -1;
      if (IsOneOf(k, coder_.subject_relatives_)) return SubjectRelativeHost(k);
      if (Has(k, kBoundary | kSpeech)) return -1;
    }
    return -1;
  }

  // "Chile said its troops had attacked Peru", "said on Monday that its
  // mediators had shuttled between": a clause opened at `intro` whose
  // subject (ending at `left`) the reporter owns is the reporter's. Returns
  // the reporter's group, or -1.
  int ReporterOwningSubject(int intro, int left) const {
    int owner = intro + 1;
    while (owner < left && !IsActor(owner) && AdverbialAt(owner) > 0) owner += AdverbialAt(owner);
    if (owner > left || left - owner > 3 || IsActor(owner) ||
        !IsOneOf(owner, coder_.possessive_words_)) {
      return -1;
    }
    return ReportingSubject(intro + 1);
  }

  // Is the actor group a person: one the dictionary names, or a state's
  // office holder ("Peru's president")?
  bool NamesAPerson(int group) const {
    return actors_[s_[group].first_actor].person != kNoPerson ||
           NameEndsInOneOf(group, coder_.person_nouns_);
  }

  // Is the last word of the actor group's name one of `words`?
  bool NameEndsInOneOf(int group, std::span<const uint32_t> words) const {
    const uint32_t last = word_ids_[actors_[s_[group].first_actor].end_token - 1 - base_];
    return std::find(words.begin(), words.end(), last) != words.end();
  }

  // The actor group a pronoun at `pronoun` stands for: the nearest subject
  // already found to its left, else the nearest actor group not after a
  // preposition. -1 if none.
  int Antecedent(int pronoun) const {
    for (int j = pronoun - 1; j >= 0 && pronoun - j <= 25; --j) {
      if (subjects_[j] >= 0) return subjects_[j];
    }
    // "it" stands for one actor, "they" for a list as well ("Venezuela and
    // the United States ..., and in 2018 they expelled diplomats").
    const bool plural = s_[pronoun].word == coder_.word_they_;
    for (int j = pronoun - 1; j >= 0 && pronoun - j <= 25; --j) {
      if (IsActor(j) && !AfterPreposition(j) &&
          (plural || s_[j].end_actor - s_[j].first_actor == 1)) {
        return j;
      }
    }
    return -1;
  }

  // "each other", "one another" at i or after one preposition at i: the
  // subject's members act on one another.
  bool ReciprocalAt(int i) const {
    const int n = static_cast<int>(s_.size());
    for (int k = i; k < n && k <= i + 1; ++k) {
      if (k + 1 < n && s_[k].word != kActorSymbol &&
          ((s_[k].word == coder_.word_each_ && s_[k + 1].word == coder_.word_other_) ||
           (s_[k].word == coder_.word_one_ && s_[k + 1].word == coder_.word_another_))) {
        return true;
      }
      if (!Has(k, kPreposition)) break;
    }
    return false;
  }

  // What introduces the clause whose subject was found: skips adverbs and
  // reports the governing word's flags ("denied that", "demanded that",
  // "if"). `governor` receives the governing verb position.
  uint64_t ClauseGovernor(int intro, int* governor, int* addressee = nullptr) const {
    *governor = -1;
    if (addressee != nullptr) *addressee = -1;
    int i = intro;
    while (i >= 0 && Has(i, kAdverb)) --i;
    if (i < 0) return 0;
    if (Has(i, kConditional)) return kConditional;
    if (s_[i].word == coder_.word_that_ || Has(i, kSpeech) || Has(i, kSuppress)) {
      int g = s_[i].word == coder_.word_that_ ? i - 1 : i;
      // "warned Greece on Saturday that": the adverbial, then the addressee.
      if (g < i) {
        while (g >= 0 && !IsActor(g) && Has(g, kAdverb)) --g;
      }
      // "told Colombia that": skip the addressee.
      if (g >= 0 && IsActor(g)) {
        if (addressee != nullptr) *addressee = g;
        --g;
      }
      while (g >= 0 && Has(g, kAdverb)) --g;
      if (g < 0) return 0;
      // "told parliament that", "denied in a statement that": the governing
      // verb before a short phrase.
      constexpr int kLongestPhrase = 4;
      constexpr uint64_t kGoverning =
          kSpeech | kSuppress | kWarn | kDemandGovernor | kAppealGovernor | kIntentGovernor;
      if (s_[i].word == coder_.word_that_ && !IsActor(g) && !Has(g, kGoverning)) {
        for (int k = g - 1; k >= 0 && g - k <= kLongestPhrase; --k) {
          if (IsActor(k) || Has(k, kPunct | kBoundary)) break;
          if (Has(k, kGoverning)) {
            g = k;
            break;
          }
        }
      }
      *governor = g;
      return Flags(g) & (kSuppress | kDemandGovernor | kAppealGovernor | kConditional | kWarn |
                         kSpeech | kIntentGovernor);
    }
    return 0;
  }

  // "Rwanda deployed troops to the Central African Republic to protect the
  // capital": troops or police sent to a state to protect, help or lead a
  // mission there are peacekeeping (074), not a show of force (15). Returns
  // the 074 pattern, or -1.
  int32_t ProtectiveDeployment(int32_t pattern, int target) const {
    const std::string& code = coder_.patterns_[pattern].code;
    if (coder_.peacekeeping_pattern_ < 0 || !(code.starts_with("153") || code.starts_with("154"))) {
      return -1;
    }
    const int n = static_cast<int>(s_.size());
    // "to Mozambique's Cabo Delgado province on Monday to protect": a date
    // on the way does not count.
    int skipped = 0;
    for (int i = target + 1; i + 1 < n && i <= target + 5 + skipped; ++i) {
      if (const int date = AdverbialAt(i); date > 0) {
        skipped += date;
        i += date - 1;
        continue;
      }
      if (IsActor(i) || Has(i, kBoundary)) return -1;
      // "to guard against provocations by Minsk" is a show of force.
      if (Has(i, kTo) && !IsActor(i + 1) && Has(i + 1, kProtective) &&
          !(i + 2 < n && !IsActor(i + 2) && Has(i + 2, kProtestAim))) {
        return coder_.peacekeeping_pattern_;
      }
    }
    return -1;
  }

  // Roots 10 to 20 but protest (14): acts done against the target.
  bool IsHostile(uint32_t pattern) const {
    const std::string_view root = std::string_view(coder_.patterns_[pattern].code).substr(0, 2);
    return (root.size() == 2 && root[0] == '1' && root != "14") || root == "20";
  }

  // "If Iran enriched uranium, Israel would strike its nuclear sites,
  // Israel's defence minister said": force promised (would, will) on a
  // condition by the side that would use it is the speaker's threat; said
  // by others ("analysts said"), a hypothetical. Returns the speaker's
  // group, or -1.
  int ConditionalForceSpeaker(const Match& match, const LeftContext& context, uint64_t governed,
                              int source) const {
    if (!(context.would || context.future) || (governed & kSuppress) ||
        !ThreatensOnCondition(coder_.entries_[match.entry].pattern)) {
      return -1;
    }
    const bool conditional =
        (governed & kConditional) || ConditionFollows(match.end) || OpensWithCondition();
    return conditional ? SpeakerOnSideOf(source) : -1;
  }

  // Acts that, promised on a condition, threaten: roots 15 to 20, a
  // posture, reduced relations ("Estonia would close its border if Russia
  // kept sending migrants"), coercion and force.
  bool ThreatensOnCondition(uint32_t pattern) const {
    const std::string& code = coder_.patterns_[pattern].code;
    return (code[0] == '1' && code[1] >= '5') || code[0] == '2';
  }

  // The speaker of a verb of speech the sentence ends or opens with, when
  // on the side of `group` (", Israel's defence minister said", "said
  // Israel's defence minister", "Israel's defence minister said (that)");
  // else -1.
  int SpeakerOnSideOf(int group) const {
    const int n = static_cast<int>(s_.size());
    for (int j = n - 1; j > group; --j) {
      if (IsActor(j) || !Has(j, kSpeech) || AfterDeterminer(j)) continue;
      int speaker = j - 1;
      while (speaker > group && !IsActor(speaker) && Has(speaker, kAdverb)) --speaker;
      if (speaker <= group || !IsActor(speaker)) speaker = j + 1 < n && IsActor(j + 1) ? j + 1 : -1;
      return speaker >= 0 && SideOf(group, speaker) ? speaker : -1;
    }
    for (int j = group - 1; j > 0; --j) {
      if (IsActor(j) || !Has(j, kSpeech)) continue;
      return IsActor(j - 1) && SideOf(group, j - 1) ? j - 1 : -1;
    }
    return -1;
  }

  // Whether "if" or "unless" opens a clause after `end` in this sentence
  // before a ";" or a new sentence-level clause.
  bool ConditionFollows(int end) const {
    const int n = static_cast<int>(s_.size());
    for (int i = end; i < n && i < end + 25; ++i) {
      if (Has(i, kConditional)) return true;
      if (s_[i].word != kActorSymbol && Has(i, kPunct) && !Has(i, kComma)) return false;
    }
    return false;
  }

  bool IsBlockedGovernor(int governor) const {
    const LeftContext context = ContextBefore(governor);
    return context.negated || context.modal;
  }

  // "reimposed UN sanctions on Iran", "slapped EU tariffs on", "walk away
  // from the Doha talks with": an actor qualifying the measure or the talks
  // the pattern goes on with names whose they are or where, not the act's
  // target, so a wildcard passes it. Only measures and talks: "allowed UN
  // aid convoys" are the UN's convoys.
  bool NamesTheKind(int group, uint32_t wildcard) const {
    const Symbol& symbol = s_[group];
    if (symbol.end_actor - symbol.first_actor != 1 || symbol.possessive != 0 ||
        group + 1 >= static_cast<int>(s_.size()) || IsActor(group + 1) ||
        !IsOneOf(group + 1, coder_.measure_words_)) {
      return false;
    }
    bool continues = false;
    ForEachWordEdge(wildcard, s_[group + 1].word, [&](uint32_t) { continues = true; });
    return continues;
  }

  // "a Russian businessman", "an Iranian tanker": a demonym after an
  // indefinite article, qualifying the noun after it, which a wildcard may
  // pass ("extradited a Russian businessman to the United States").
  bool Qualifies(int group) const {
    const Symbol& symbol = s_[group];
    if (symbol.end_actor - symbol.first_actor != 1 || group + 1 >= static_cast<int>(s_.size()) ||
        IsActor(group + 1)) {
      return false;
    }
    // "extradited a former Venezuelan intelligence chief to the United
    // States": one handed over is not the one handed to.
    const bool handed_to = s_[group + 1].word == coder_.word_to_;
    if (!handed_to && Has(group + 1, kPunct | kPreposition | kAnd | kBoundary)) return false;
    // "promised him Chilean help": after the one given to, the demonym
    // qualifies what is given.
    if (group > 0 && IsObjectPronoun(group - 1) && !handed_to) return true;
    // The name takes "the" into itself, never "a" or "an", which may stand
    // a word or two before it ("a fugitive Haitian gang leader").
    // So may a count: "two ethnic Kazakh activists".
    for (int j = group - 1; j >= 0 && group - j <= 3; --j) {
      if (IsActor(j) || Has(j, kPunct | kPreposition | kBoundary | kComma | kAnd)) return false;
      if (s_[j].word == coder_.word_a_ || s_[j].word == coder_.word_an_) return true;
      // ("found three Americans guilty": a count of a people is no
      // qualifier.)
      if (IsOneOf(j, coder_.count_words_) || Has(j, kLargeCount) ||
          segmentation_.tokens[s_[j].first_token].kind == TokenKind::kNumber) {
        return !actors_[symbol.first_actor].people;
      }
    }
    return false;
  }

  // "discussed the future of Greenland with NATO": an actor after "of" and
  // a noun only says whose the noun is (when a gap takes "of", so not the
  // pattern's own noun: "expulsion of Russian diplomats").
  bool OwnsTheNounBefore(int group) const {
    return group > 1 && s_[group - 1].word == coder_.word_of_ && !IsActor(group - 2) &&
           AfterDeterminer(group - 2);
  }

  // "several states", "the reports": a word right after a determiner
  // (not "of" or "for") is a noun, whatever verb shares its form.
  bool AfterDeterminer(int i) const {
    return i > 0 && !IsActor(i - 1) && Has(i - 1, kDeterminer) && !Has(i - 1, kPreposition);
  }

  // "in Caracas", "at a US military base": the actor names where.
  bool IsPlace(int i) const {
    // "in Caracas", "in eastern Ukraine".
    if (const int before = BeforeRegion(i); before >= 0 && Has(before, kLocative)) return true;
    // "at a US military base".
    return i > 1 && AfterDeterminer(i) && Has(i - 2, kLocative);
  }

  // "on the sidelines of the SCO summit": the actor names the occasion.
  bool AtVenueOf(int i) const {
    return i > 1 && s_[i - 1].word == coder_.word_of_ && Has(i - 2, kVenue);
  }

  // The first actor group after a pattern ending at `end`, in its clause.
  // `place_is_target`: for acts done at a place (strikes, protests,
  // investigations), an actor after "in" is the target when no other is.
  int FindTarget(int end, bool pattern_ends_in_preposition, bool place_is_target = false) const {
    const int target = FindTargetOrPlace(end, pattern_ends_in_preposition, place_is_target);
    // "detonated a car bomb at a checkpoint in Mogadishu, killing a dozen
    // Somali soldiers": the dead, not the city, are the target, which the
    // participle codes with this act's code.
    if (place_is_target && target >= 0 && target >= end && IsPlace(target) &&
        VictimsNamedAfter(target)) {
      return -1;
    }
    return target;
  }

  // ", killing|wounding ... ACTOR" right after the place `place`, the actor
  // of the place's state.
  bool VictimsNamedAfter(int place) const {
    const int n = static_cast<int>(s_.size());
    for (int k = place + 1; k + 1 < n && k - place <= 6; ++k) {
      if (!Has(k, kComma)) continue;
      if (!IsOneOf(k + 1, coder_.toll_words_)) return false;
      for (int v = k + 2; v < n && v - k <= 6; ++v) {
        if (IsActor(v)) return SideOf(place, v);
        if (Has(v, kBoundary | kComma | kPunct)) return false;
      }
      return false;
    }
    return false;
  }

  // FindTarget's search, which may end on a place the act happened in.
  int FindTargetOrPlace(int end, bool pattern_ends_in_preposition, bool place_is_target) const {
    const int n = static_cast<int>(s_.size());
    const int limit = static_cast<int>(coder_.options_.max_argument_distance);
    int place = -1;
    // "poisoning him at a restaurant in Sofia": the object is someone the
    // pronoun names, not the place after it.
    if (!pattern_ends_in_preposition && end < n && !IsActor(end) && Has(end, kObjectPronoun) &&
        !Has(end, kOwner)) {
      return -1;
    }
    for (int j = end; j < n && j - end <= limit; ++j) {
      if (IsActor(j)) {
        // "a US-drafted Security Council resolution": the first actor
        // qualifies what the second owns.
        if (j + 3 < n && Has(j + 1, kHyphen) && !IsActor(j + 2) && IsActor(j + 3)) continue;
        if (j > end || !pattern_ends_in_preposition) {
          if (IsPlace(j) || AtVenueOf(j)) {
            if (place < 0 && place_is_target) place = j;
            continue;
          }
        }
        return j;
      }
      if (Has(j, kComma) && j > end && j + 1 < n && IsActor(j + 1) &&
          (j + 2 == n || Has(j + 2, kComma | kPreposition | kPunct))) {
        return j + 1;  // "summoned the ambassador of that country, Nikolay Tavdumadze,"
      }
      // "of that country": a determiner, not a clause.
      if (s_[j].word == coder_.word_that_ && j > 0 && Has(j - 1, kPreposition)) continue;
      // "freed hundreds of captives in a deal brokered by the UAE": the
      // broker of what a phrase after the act names is no target of it
      // ("praised the truce brokered by Brazil" is Brazil's).
      if (j > end && IsOneOf(j, coder_.mediation_words_)) {
        for (int k = end + 1; k < j; ++k) {
          if (!IsActor(k) && Has(k, kPreposition)) return place;
        }
      }
      // "arrested a suspect in a joint operation with the Belgian police":
      // a phrase that is an event of its own holds its own actors.
      if (j > end && Has(j, kPreposition) && !IsActor(j)) {
        const Match phrase = Longest(j, false);
        if (phrase.entry >= 0 &&
            coder_.patterns_[coder_.entries_[phrase.entry].pattern].kind == PatternKind::kNoun) {
          return place;
        }
      }
      if (Has(j, kBoundary | kComma)) return place;
      // "investigated reports of mass graves in Ethiopia": a speech verb's
      // form as the object, or after a determiner, is a noun.
      if (Has(j, kSpeech) && j > end && !AfterDeterminer(j)) return place;
      if (j > end && subjects_[j] >= 0) return place;
      // "condemned the coup in Gabon and urged Gabon's army": the next verb
      // has its own object.
      if (j > end && Has(j, kAnd) && j + 1 < n && Has(j + 1, kPatternHead) &&
          Has(j + 1, kFiniteForms) && !Has(j + 1, kDeterminer)) {
        return place;
      }
    }
    return place;
  }

  // "North Korea fired two missiles, and South Korea's army raised its
  // alert level in response": a show of force "in response" with nothing
  // after it answers the subject of the clause before.
  int ProvokerBefore(int verb, int end, int source) const {
    const int n = static_cast<int>(s_.size());
    int response = -1;
    for (int j = end; j < n && j - end <= 6 && response < 0; ++j) {
      if (IsActor(j) || Has(j, kBoundary | kComma | kPunct)) break;
      if (Has(j, kProvocation) && Has(j - 1, kPreposition)) response = j;
    }
    if (response < 0 || (response + 1 < n && !Has(response + 1, kPunct | kComma))) return -1;
    for (int j = verb - 1; j >= 0; --j) {
      const int subject = subjects_[j];
      if (subject >= 0 && subject != source && s_[subject].first_actor != s_[source].first_actor) {
        return subject;
      }
    }
    return -1;
  }

  // "raised its alert level after North Korea fired missiles", "sent a
  // carrier group as a warning to Iran": a show of force with no object is
  // aimed at the actor of the "after / as / amid" clause that follows it.
  // Likewise a protest with no object is aimed at whom it demands something
  // of: "blocked highways to demand that the Brazilian government cut ...".
  int AimTarget(int end, int source, uint64_t aim) const {
    const int n = static_cast<int>(s_.size());
    for (int j = end; j < n && j - end <= 12; ++j) {
      if (!Has(j, aim)) {
        // "in several states": a speech verb's form after a determiner is
        // a noun.
        if (Has(j, kBoundary) || (Has(j, kSpeech) && !AfterDeterminer(j))) return -1;
        continue;
      }
      for (int k = j + 1; k < n && k - j <= 8; ++k) {
        if (IsActor(k)) return k != source ? k : -1;
        if (s_[k].word == coder_.word_that_ && k == j + 1) continue;  // "demand that X"
        if (Has(k, kComma | kBoundary | kSpeech)) break;
      }
    }
    return -1;
  }

  // "began a probe into whether Syria's army used chlorine", "investigate
  // reports that Russian mercenaries laid mines": an inquiry is into the
  // one its question or the reports name. Returns that actor or -1.
  // "declined to comment on reports that U.S. forces had crossed into
  // Syria": a comment withheld is on the other side the report names, so
  // actors of the source's own side are passed too (`other_side`).
  int InquiryTarget(int end, int source, bool other_side = false) const {
    const int n = static_cast<int>(s_.size());
    const int reach = other_side ? 16 : 10;
    // "declined to confirm a report that its drones struck a depot in
    // Russia": where the reported act happened is the other side, failing
    // a named one.
    int place = -1;
    for (int j = end; j < n && j - end <= reach; ++j) {
      if (IsActor(j)) {
        if (j == source || (other_side && SideOf(source, j))) continue;
        if (IsPlace(j)) {
          if (other_side && place < 0) place = j;
          continue;
        }
        return j;
      }
      // "investigating reports that": the object, a noun.
      const bool noun = j == end || AfterDeterminer(j);
      if (Has(j, kComma) || (Has(j, kSpeech) && !noun) || (Has(j, kPunct) && !Has(j, kBoundary))) {
        return place;
      }
    }
    return place;
  }

  // Where a time adverbial or an -ly adverb that ends right before `i`
  // starts ("agreed on Saturday to"), or `i` if none does.
  int StartOfAdverbialBefore(int i) const {
    constexpr int kLongestAdverbial = 3;
    for (int length = 1; length <= kLongestAdverbial && i - length >= 0; ++length) {
      if (AdverbialAt(i - length) == length) return i - length;
    }
    return i;
  }

  // "pledged to buy American farm goods", "is willing to play a role in
  // easing tensions between Thailand and Cambodia": an intention whose act
  // no pattern names is still an intention (030) toward the first actor the
  // act names; a list that agrees with nobody named agrees with itself.
  void CodeBareIntent(int governor) {
    const int n = static_cast<int>(s_.size());
    // "agreed on Saturday to set up patrols": a date before "to".
    const int to = governor + 1 + AdverbialAt(governor + 1);
    // "agreed to jointly develop a fighter jet": adverbs before the act.
    int verb = to + 1;
    while (verb < n && !IsActor(verb) && Has(verb, kAdverb) && !Has(verb, kBase | kGerund)) ++verb;
    if (coder_.intent_pattern_ < 0 || verb >= n || to >= n || !Has(to, kTo) || IsActor(verb) ||
        !Has(verb, kBase | kGerund) || Has(verb, kBe | kHave)) {
      return;
    }
    const Match act = Longest(verb, false);
    if (act.entry >= 0) return;  // the act codes itself, in the intent mood
    const LeftContext context = ContextBefore(governor);
    if (context.negated || context.modal || context.to >= 0) return;
    if (context.would && (ConditionFollows(governor) || (governor > 0 && Has(governor - 1, kBe)))) {
      return;  // "would be willing to consider mediating"
    }
    // "vowed to turn Beirut into Gaza if Hezbollah escalated": a vow on a
    // condition threatens, and no pattern says what.
    if (Has(governor, kCommissive) && ConditionFollows(governor)) return;
    // "the government's plan to curb the courts": a noun, the plan known.
    if (governor > 0 && !IsActor(governor - 1) && Has(governor - 1, kDeterminer)) return;
    int intro = -1;
    const int source = FindSubject(context.left, governor, &intro);
    if (source < 0 || (source > 0 && Has(source - 1, kNegator))) return;  // "Neither A nor B"
    int outer = -1;
    if (ClauseGovernor(intro, &outer) & (kSuppress | kConditional)) return;
    subjects_[governor] = source;
    const auto pattern = static_cast<uint32_t>(coder_.intent_pattern_);
    for (int j = verb + 1; j < n && j - governor <= 14; ++j) {
      if (Has(j, kBoundary | kSpeech | kConditional) || (Has(j, kComma) && !IsActor(j - 1))) break;
      if (Has(j, kNegator)) return;
      // "vowed to send Turkish troops into Syria", "plans to send its
      // foreign minister to Beijing": not the source's own troops or
      // envoys, sent, not aimed at.
      if (IsActor(j) && j != source && !Has(j - 1, kLocative) &&
          !(SameState(source, j) && (NameEndsInOneOf(j, coder_.troop_words_) || NamesAPerson(j)))) {
        Emit(source, j, pattern, governor, verb + 1, 0.5);
        return;
      }
    }
    if (IsPlural(source)) EmitMutual(source, pattern, governor, verb + 1, 0.5);
  }

  // "warned Finland that Moscow would take retaliatory steps": the warner
  // (named again, by its capital or by another of its state's actors: "the
  // army chief warned China that Indian troops would respond") says it will
  // act against the one warned. When no pattern codes the act, that is a
  // threat all the same (130). A warning that a third party would act is no
  // threat.
  void CodeWarnedAct(int modal) {
    const int n = static_cast<int>(s_.size());
    const int speaker = modal - 1;
    // "would firmly respond", "would \"respond decisively\"".
    int verb = modal + 1;
    while (verb < n && !IsActor(verb) &&
           (IsQuote(verb) || (Has(verb, kAdverb) && !Has(verb, kBase)))) {
      ++verb;
    }
    if (coder_.threat_pattern_ < 0 || speaker < 1 || !IsActor(speaker) || verb >= n ||
        IsActor(verb) || !Has(verb, kBase) || Has(verb, kNegator)) {
      return;
    }
    if (Longest(verb, false).entry >= 0) return;  // the act codes itself, as a threat
    int warned = -1;
    const int warner = WarnerOf(speaker - 1, &warned);
    if (warner < 0 || s_[warner].end_actor - s_[warner].first_actor != 1 ||
        s_[speaker].end_actor - s_[speaker].first_actor != 1 ||
        !SameSide(actors_[s_[warner].first_actor], actors_[s_[speaker].first_actor])) {
      return;
    }
    Emit(warner, warned, static_cast<uint32_t>(coder_.threat_pattern_), modal, verb + 1, 0.5);
  }

  // "warned India that any misadventure would be met with a befitting
  // response", "warned opposition supporters that anyone marching would be
  // dealt with ruthlessly": how the warned would be answered, told in the
  // passive, is the warner's threat (130) to the warned. Not when the
  // clause names who would answer (CodeWarnedAct's case).
  void CodeWarnedAnswer(int modal) {
    const int n = static_cast<int>(s_.size());
    const bool met = modal + 2 < n && IsOneOf(modal + 2, coder_.met_words_);
    if (coder_.threat_pattern_ < 0 || modal + 2 >= n || !Has(modal + 1, kBe) ||
        IsActor(modal + 2) || !(met || IsOneOf(modal + 2, coder_.answer_words_))) {
      return;
    }
    int that = modal - 1;
    while (that > 0 && modal - that <= 14 && !IsActor(that) && s_[that].word != coder_.word_that_ &&
           (IsQuote(that) || !Has(that, kBoundary | kPunct | kComma))) {
      --that;
    }
    if (that <= 0 || IsActor(that) || s_[that].word != coder_.word_that_) return;
    // "met with scepticism" answers with words; "met with force" does not.
    if (met) {
      bool by_force = false;
      for (int k = modal + 3; k < n && k - modal <= 7 && !by_force; ++k) {
        by_force = IsOneOf(k, coder_.force_answers_);
      }
      if (!by_force) return;
    }
    int warned = -1;
    const int warner = WarnerOf(that, &warned);
    if (warner < 0) return;
    Emit(warner, warned, static_cast<uint32_t>(coder_.threat_pattern_), modal, modal + 3, 0.5);
  }

  // Who warned, when the clause `intro` opens is reported by an unblocked
  // warning with its addressee ("warned India that ..."), which goes to
  // `warned`; else -1.
  int WarnerOf(int intro, int* warned) const {
    int governor = -1;
    if (!(ClauseGovernor(intro, &governor, warned) & kWarn) || *warned < 0 ||
        IsBlockedGovernor(governor)) {
      return -1;
    }
    if (subjects_[governor] >= 0) return subjects_[governor];
    int unused = -1;
    return FindSubject(ContextBefore(governor).left, governor, &unused);
  }

  // One actor, or two of one state ("Minsk" and "Belarus's defence minister").
  static bool SameSide(const ActorMention& a, const ActorMention& b) {
    return a.actor == b.actor || (a.state != kNoActor && a.state == b.state);
  }

  // Does every actor of group `other` stand on the side of group `group`?
  bool SideOf(int group, int other) const {
    for (uint32_t b = s_[other].first_actor; b < s_[other].end_actor; ++b) {
      bool shared = false;
      for (uint32_t a = s_[group].first_actor; a < s_[group].end_actor && !shared; ++a) {
        shared = SameSide(actors_[a], actors_[b]);
      }
      if (!shared) return false;
    }
    return true;
  }

  // Do the actor groups belong to one state ("Turkey's president",
  // "Turkish troops")?
  bool SameState(int a, int b) const {
    const uint32_t state = actors_[s_[a].first_actor].state;
    return state != kNoActor && state == actors_[s_[b].first_actor].state;
  }

  // "threatened to pull the United States out of the WHO": the state the
  // source acts for, named whole, is the threat's means, not its target.
  bool OwnStateOf(int source, int group) const {
    if (source < 0) return false;
    const ActorMention& named = actors_[s_[group].first_actor];
    const ActorMention& speaker = actors_[s_[source].first_actor];
    return s_[group].end_actor - s_[group].first_actor == 1 && named.actor == named.state &&
           named.state == speaker.state;
  }

  // "threatened to deploy missiles in the Baltic if Sweden joined NATO": a
  // threat whose act no pattern codes is aimed at whom its condition names,
  // else at the act's object ("threatened to ban the opposition party").
  int ThreatTarget(int end, int source) const {
    const int n = static_cast<int>(s_.size());
    int object = -1;
    for (int j = end; j < n && j - end <= 20; ++j) {
      if (Has(j, kConditional)) {
        const int asked = ConditionSubject(j, source);
        return asked >= 0 ? asked : object;
      }
      // "threatened to take \"decisive action\" against": quotation marks
      // inside the act end no clause.
      if (Has(j, kBoundary | kSpeech) && !IsQuote(j)) break;
      if (object < 0 && IsActor(j) && j != source && !Has(j - 1, kLocative) &&
          s_[end].word == coder_.word_to_ && !OwnStateOf(source, j)) {
        object = j;
      }
    }
    // "If Iran enriched uranium, Israel would strike its nuclear sites": a
    // condition that opens the sentence.
    if (object < 0 && OpensWithCondition()) return ConditionSubject(0, source);
    return object;
  }

  // "If Iran enriched uranium, ...".
  bool OpensWithCondition() const { return !s_.empty() && !IsActor(0) && Has(0, kConditional); }

  // The actor the "if" or "unless" at `conditional` makes the subject of
  // its clause, when not `source`; else -1.
  int ConditionSubject(int conditional, int source) const {
    const int n = static_cast<int>(s_.size());
    for (int k = conditional + 1; k < n && k - conditional <= 6; ++k) {
      if (IsActor(k)) return k != source && !AfterPreposition(k) ? k : -1;
      if (Has(k, kBoundary | kSpeech)) break;
    }
    return -1;
  }

  // "Algeria cut ties with Morocco, accusing its neighbour of hostile acts":
  // an -ing clause after a comma has the main clause's subject, and an
  // object the dictionary cannot name ("its neighbour", "him") is the main
  // clause's target.
  void CodeParticipleClause(int verb, const Match& match) {
    // The subject of the clause before; not of one it embeds ("demanded
    // that France pull out its troops, accusing Paris of ...": Mali accuses).
    int source = -1;
    for (int j = verb - 2; j >= 0; --j) {
      if (subjects_[j] < 0) continue;
      const int subject = subjects_[j];
      const bool embedded =
          subject > 0 && !IsActor(subject - 1) && s_[subject - 1].word == coder_.word_that_;
      if (source < 0) source = subject;
      if (!embedded) {
        source = subject;
        break;
      }
    }
    // "Nicaragua took Germany to the world court, accusing Berlin of ...":
    // the main verb knows no pattern, and the sentence's opening actor is
    // its subject.
    if (source < 0) source = OpeningSubject(verb);
    if (source < 0) return;
    const Entry& entry = coder_.entries_[match.entry];
    int target =
        entry.target_slot >= 0 ? SlotTarget(match, source) : ObjectPronounTarget(match.end, source);
    // "expelled OSCE observers, accusing the mission of passing information
    // to Ukraine": the noun accused is the main clause's target.
    if (target < 0 && entry.target_slot < 0 && AccusesNounBeforeOf(entry.pattern, match.end)) {
      target = last_target_group_;
    }
    if (target < 0 && entry.target_slot < 0) {
      target = FindTarget(match.end, Has(match.end - 1, kPreposition));
    }
    // Not one brought in by "a" or "an": "blaming a bird strike".
    if (target < 0 && match.end < static_cast<int>(s_.size()) &&
        Has(match.end, kDeterminer | kPronoun) && !IsIndefiniteArticle(match.end)) {
      target = last_target_group_;
    }
    if (target < 0) return;
    subjects_[verb] = source;
    // "marched through Belgrade, demanding that the government resign": the
    // demand is what the protest is for, one event, not two.
    if (coder_.patterns_[entry.pattern].code.starts_with("10") && ProtestedBefore(source)) return;
    // "summoned the ambassador, protesting against ...": the summons is the
    // protest.
    if (coder_.patterns_[entry.pattern].code.starts_with("14") && ProtestedBefore(source, "114")) {
      return;
    }
    if (coder_.patterns_[entry.pattern].reversed) std::swap(source, target);
    uint32_t pattern = entry.pattern;
    const std::string& code = coder_.patterns_[pattern].code;
    if ((code.starts_with("18") || code.starts_with("17")) &&
        !KillsMany(s_[match.end - 1].end_token, actors_[s_[target].first_actor])) {
      // "shelled the border posts, killing three soldiers (damaging a power
      // line)": the deaths and the damage are the shelling's toll, one act
      // of force. Coded already, it is not
      // coded again; else ("bombed a village gathering, killing dozens of
      // civilians") it is coded on those it killed. A mass killing is an
      // event of its own (202).
      const int32_t force = ForceOfClause(verb, source);
      if (force == kCoded) return;
      if (force >= 0) pattern = static_cast<uint32_t>(force);
    }
    Emit(source, target, pattern, verb, match.end, 0.6);
  }

  // The military act (19x, 20x) of the clause whose subject is `source`,
  // before the participle at `participle`: kCoded when it has produced an
  // event of this sentence, its pattern when it has not, -1 when the clause
  // has no such act.
  static constexpr int32_t kCoded = -2;
  int32_t ForceOfClause(int participle, int source) const {
    for (int j = participle - 1; j >= 0; --j) {
      if (subjects_[j] != source || j == source) continue;
      const Match act = Longest(j, false);
      if (act.entry < 0) return -1;
      const uint32_t pattern = coder_.entries_[act.entry].pattern;
      const std::string& code = coder_.patterns_[pattern].code;
      if (!code.starts_with("19") && !code.starts_with("20")) return -1;
      for (size_t e = first_event_; e < out_.size(); ++e) {
        if (out_[e].pattern == pattern) return kCoded;
      }
      return static_cast<int32_t>(pattern);
    }
    return -1;
  }

  // The actor a sentence opens with ("The Nicaraguan government ..."), when
  // a verb follows it before `before`: its subject. -1 if none.
  int OpeningSubject(int before) const {
    int j = 0;
    while (j < before && !IsActor(j) && Has(j, kDeterminer) && !Has(j, kPreposition)) ++j;
    if (j + 1 >= before || !IsActor(j)) return -1;
    // "Spanish police, working with the Colombian police, dismantled ...":
    // the participle right after the opening actor and its comma.
    if (j + 2 == before && Has(j + 1, kComma)) return j;
    return LooksFinite(j + 1) || Has(j + 1, kPatternHead) ? j : -1;
  }

  // Do only prepositional phrases and commas stand before `i`: no actor
  // outside a phrase, no verb?
  bool OnlyPhrasesBefore(int i) const {
    if (i == 0 || !Has(0, kPreposition)) return false;
    for (int j = 0; j < i; ++j) {
      if (IsActor(j)) {
        if (!AfterPreposition(j)) return false;
      } else if (!Has(j, kComma | kTemporal) && Has(j, kFiniteForms | kBoundary | kPunct)) {
        return false;
      }
    }
    return true;
  }

  // "Working with Thai police, Malaysia's police arrested ...": a sentence
  // that opens with a participle clause names its subject after the clause's
  // comma, at the head of the main clause. -1 if no actor stands there.
  int SubjectAfterOpeningClause(int clause_end) const {
    const int n = static_cast<int>(s_.size());
    for (int k = clause_end; k < n && k - clause_end <= 16; ++k) {
      if (IsActor(k) || !Has(k, kComma | kBoundary)) continue;
      if (!Has(k, kComma)) return -1;
      int j = k + 1;
      while (j < n && !IsActor(j) && Has(j, kDeterminer) && !Has(j, kPreposition)) ++j;
      if (j + 1 >= n || !IsActor(j)) return -1;
      return LooksFinite(j + 1) || Has(j + 1, kPatternHead) ? j : -1;
    }
    return -1;
  }

  // Whether `pattern` accuses (112x) and a noun phrase that is no actor
  // opens at `i`, its object, and ends before "of" and an act: "the
  // mission of passing", "the two men of spying".
  bool AccusesNounBeforeOf(uint32_t pattern, int i) const {
    constexpr int kLongestNoun = 3;
    if (!coder_.patterns_[pattern].code.starts_with("112")) return false;
    const int n = static_cast<int>(s_.size());
    if (i >= n || s_[i].word != coder_.word_the_) return false;
    for (int j = i + 1; j + 1 < n && j - i <= kLongestNoun; ++j) {
      if (s_[j].word == coder_.word_of_) return !IsActor(j + 1);
      if (IsActor(j) || Has(j, kPreposition | kComma | kBoundary | kPunct)) return false;
    }
    return false;
  }

  // "accused him of spying", "retaliated against it": the actor an object
  // pronoun right at `position` stands for, for a clause whose subject is
  // `source` (PronounAntecedent); -1 if no pronoun stands there.
  int ObjectPronounTarget(int position, int source) const {
    if (position >= static_cast<int>(s_.size()) || !IsObjectPronoun(position)) return -1;
    return source >= 0 ? PronounAntecedent(source, position) : last_target_group_;
  }
  bool IsObjectPronoun(int i) const {
    return !IsActor(i) && (Has(i, kObjectPronoun) || s_[i].word == coder_.word_it_);
  }

  // Emit for the subject `source` and object `target` of a pattern that
  // may read them the other way round ("received support from").
  void EmitReading(int source, int target, uint32_t pattern, int verb_first, int verb_end,
                   double confidence) {
    if (coder_.patterns_[pattern].reversed) std::swap(source, target);
    Emit(source, target, pattern, verb_first, verb_end, confidence);
  }

  void Emit(int source_group, int target_group, uint32_t pattern, int verb_first, int verb_end,
            double confidence) {
    if (source_group < 0 || target_group < 0 || source_group == target_group) return;
    pattern = CrowdReading(pattern, source_group);
    if (coder_.patterns_[pattern].crowd && !IsCrowd(source_group)) return;
    // "police opened fire on protesters", "beat opposition supporters":
    // force turned on a protesting crowd is repression (175), whatever the
    // verb says; torture, killing or abduction keep their own codes.
    if (coder_.repression_pattern_ >= 0 && !IsCrowd(source_group) &&
        NamedBy(target_group, kProtesters) &&
        (coder_.patterns_[pattern].code == "182" ||
         coder_.patterns_[pattern].code.starts_with("19"))) {
      pattern = static_cast<uint32_t>(coder_.repression_pattern_);
    }
    const uint32_t first_token = s_[verb_first].first_token;
    if (OfferRejected(pattern, verb_first)) return;
    // "Mozambique welcomed the first troops from Rwanda": troops received
    // are a force let in (0861), not guests (043).
    if (coder_.troops_received_pattern_ >= 0 && coder_.patterns_[pattern].code == "043" &&
        NamesTroops(target_group)) {
      pattern = static_cast<uint32_t>(coder_.troops_received_pattern_);
    }
    last_target_group_ = target_group;
    const Symbol& source = s_[source_group];
    const Symbol& target = s_[target_group];
    const uint32_t end_token = s_[verb_end - 1].end_token;
    for (uint32_t a = source.first_actor; a < source.end_actor; ++a) {
      for (uint32_t b = target.first_actor; b < target.end_actor; ++b) {
        if (actors_[a].actor == actors_[b].actor || AlreadyCoded(a, b, pattern)) continue;
        out_.push_back({a, b, pattern, first_token, end_token, confidence});
      }
    }
  }

  // Does the group's name open or end with a word for a contingent
  // ("troops from Rwanda", "Rwandan forces"; not "its armed forces chief")?
  bool NamesTroops(int group) const {
    const auto troops = [&](uint32_t token) {
      const uint32_t word = word_ids_[token - base_];
      return word != 0 && std::find(coder_.troop_words_.begin(), coder_.troop_words_.end(), word) !=
                              coder_.troop_words_.end();
    };
    return troops(s_[group].first_token) || troops(s_[group].end_token - 1);
  }

  // "spurned a French offer to mediate", "rebuffed a Turkish offer to host
  // talks": an intention a rejection (12x) just coded takes as its object
  // is what was rejected, not news of its own.
  // ("refused to talk to Chile but offered to mediate" offers anew: a
  // finite verb or a clause word stands between.)
  bool OfferRejected(uint32_t pattern, int verb_first) const {
    constexpr uint32_t kNearestObject = 6;
    if (!coder_.patterns_[pattern].code.starts_with("03")) return false;
    return RejectionEndsBefore(verb_first, kNearestObject, [&](const CodedEvent& rejection) {
      for (int k = verb_first - 1; k >= 0 && s_[k].first_token >= rejection.verb_end_token; --k) {
        if (!IsActor(k) && Has(k, kFiniteForms | kAnd | kComma | kBoundary)) return false;
      }
      return true;
    });
  }

  // Whether an act of this sentence coded as a rejection (12x) ends at most
  // `reach` tokens before the symbol `at` starts, its object reaching there,
  // and `accepts` it.
  template <typename Accepts>
  bool RejectionEndsBefore(int at, uint32_t reach, Accepts&& accepts) const {
    const uint32_t first_token = s_[at].first_token;
    for (size_t i = first_event_; i < out_.size(); ++i) {
      const CodedEvent& rejection = out_[i];
      if (coder_.patterns_[rejection.pattern].code.starts_with("12") &&
          rejection.verb_end_token <= first_token &&
          first_token - rejection.verb_end_token <= reach && accepts(rejection)) {
        return true;
      }
    }
    return false;
  }

  // Two readings of one act ("expelled the ambassador, giving him 48 hours
  // to leave") make one event.
  bool AlreadyCoded(uint32_t source, uint32_t target, uint32_t pattern) const {
    const std::string& code = coder_.patterns_[pattern].code;
    return std::any_of(out_.begin() + static_cast<std::ptrdiff_t>(first_event_), out_.end(),
                       [&](const CodedEvent& e) {
                         return actors_[e.source].actor == actors_[source].actor &&
                                actors_[e.target].actor == actors_[target].actor &&
                                coder_.patterns_[e.pattern].code == code;
                       });
  }

  // Acts whose place may stand for their target when no other actor does:
  // "condemned the coup in Gabon" (what is condemned happened there), "denied
  // any role in the shelling of a camp inside Sudan" (so did what is claimed
  // or denied), "delivered food to survivors in Indonesia" (aid and supplies
  // go to the place's people), troops pulled back from a place, protests,
  // postures, violence.
  // Codes 06, 07, 087, 09, 015, 016, 110, 111..., 14, 15, 18, 19 and 20. Read
  // character by character: asked for every verb that has no target slot, a
  // dozen starts_with calls were a percent of the pipeline.
  static bool PlaceIsTarget(std::string_view code) {
    if (code.size() < 2) return false;
    const char first = code[0], second = code[1];
    const char third = code.size() > 2 ? code[2] : '\0';
    if (first == '0') {
      return second == '6' || second == '7' || second == '9' ||
             (second == '1' && (third == '5' || third == '6')) || (second == '8' && third == '7');
    }
    if (first == '1') {
      return second == '4' || second == '5' || second == '8' || second == '9' ||
             (second == '1' && (code == "110" || third == '1'));
    }
    return first == '2' && second == '0';
  }

  // The pattern as `source_group` reads its words: a crowd's own reading
  // when the dictionary has one ("occupied the airport": 144, not 192).
  uint32_t CrowdReading(uint32_t pattern, int source_group) const {
    const int32_t crowds = coder_.patterns_[pattern].crowd_alternative;
    return crowds >= 0 && source_group >= 0 && IsCrowd(source_group) ? static_cast<uint32_t>(crowds)
                                                                     : pattern;
  }

  // Has the group protested (14) earlier in this sentence?
  bool ProtestedBefore(int group, std::string_view code = "14") const {
    for (size_t i = first_event_; i < out_.size(); ++i) {
      if (out_[i].source >= s_[group].first_actor && out_[i].source < s_[group].end_actor &&
          coder_.patterns_[out_[i].pattern].code.starts_with(code)) {
        return true;
      }
    }
    return false;
  }

  // "Thousands of Serbian students", "opposition supporters": a group named
  // by a crowd word, who march, strike and occupy.
  // ("Greek farmers", "Brazilian truck drivers": the name is the adjective,
  // the crowd word follows it.)
  bool IsCrowd(int group) const {
    if (NamedBy(group, kCrowd)) return true;
    const uint32_t after = s_[group].end_token - base_;
    for (uint32_t t = after; t < word_ids_.size() && t < after + 2; ++t) {
      const uint64_t flags = coder_.WordFlags(word_ids_[t]);
      if (flags & kCrowd) return true;
      if (flags & (kFiniteForms | kBe | kHave | kModal | kFuture | kPunct | kPreposition)) break;
    }
    return false;
  }

  // Does a word of the group's name have `flag`?
  bool NamedBy(int group, uint64_t flag) const {
    for (uint32_t t = s_[group].first_token; t < s_[group].end_token; ++t) {
      if (coder_.WordFlags(word_ids_[t - base_]) & flag) return true;
    }
    return false;
  }

  // A list ("Peru and Chile") or a pair named at once ("the two countries").
  bool IsPlural(int group) const {
    const Symbol& symbol = s_[group];
    return symbol.end_actor - symbol.first_actor >= 2 ||
           actors_[symbol.first_actor].partner != kNoActor;
  }

  void EmitMutual(int group, uint32_t pattern, int verb_first, int verb_end, double confidence) {
    const Symbol& symbol = s_[group];
    const uint32_t first_token = s_[verb_first].first_token;
    const uint32_t end_token = s_[verb_end - 1].end_token;
    // "The two countries signed an agreement": one mention standing for a
    // pair acts on itself, which the pipeline reads as each on the other.
    if (symbol.end_actor - symbol.first_actor == 1 &&
        actors_[symbol.first_actor].partner != kNoActor) {
      out_.push_back(
          {symbol.first_actor, symbol.first_actor, pattern, first_token, end_token, confidence});
      return;
    }
    for (uint32_t a = symbol.first_actor; a < symbol.end_actor; ++a) {
      for (uint32_t b = symbol.first_actor; b < symbol.end_actor; ++b) {
        if (a == b || actors_[a].actor == actors_[b].actor) continue;
        out_.push_back({a, b, pattern, first_token, end_token, confidence});
      }
    }
  }

  // "the visit of X to Y", "X's sanctions on Y": both slots in the pattern.
  void CodeNoun(int start, const Match& match) {
    const Entry& entry = coder_.entries_[match.entry];
    // "the risk of a Russian invasion", "no sanctions": not events.
    for (int i = start - 1; i >= 0 && start - i <= 4; --i) {
      if (Has(i, kRisk)) return;
      if (Has(i, kBoundary)) break;
    }
    // "The Russian invasion of Ukraine has prompted ...", "Cuba opposed the
    // US sanctions against Venezuela": a noun the sentence takes as known,
    // the subject or object of another verb, is background, not news of the
    // report's day; it is an event of its own only when the sentence dates
    // it ("Russia's invasion of Ukraine in February 2022 shocked Europe").
    if (Hypothetical(start) || UnrealPredicate(match.end)) return;
    // "consultations with Cuba about the peace talks between Colombia and
    // the ELN", "citing Rwanda's support for the rebels": a topic or a
    // reason, whatever the sentence dates.
    for (int i = start - 1; i >= 0 && start - i <= 4; --i) {
      if ((IsActor(i) && i != start - 1) || Has(i, kBoundary | kComma | kPunct)) break;
      if (IsOneOf(i, coder_.topic_words_)) return;
    }
    // "Hungary blocked a new package of EU sanctions against Russia": what
    // was just rejected or vetoed did not happen.
    constexpr uint32_t kObjectWords = 5;  // "a new package of"
    if (RejectionEndsBefore(start, kObjectWords, [](const CodedEvent&) { return true; })) return;
    // "The visit of the prime minister to Canada, planned for June, was
    // cancelled": the sentence says it did not happen.
    for (int i = match.end; i < static_cast<int>(s_.size()) && i - match.end <= 15; ++i) {
      if (CalledOffAt(i)) return;
    }
    if (Presupposed(start, match.end)) {
      if (dated_ < 0) dated_ = HasDateExpression(text_, segmentation_, sentence_) ? 1 : 0;
      if (dated_ == 0) return;
    }
    const bool mutual = coder_.patterns_[entry.pattern].mutual;
    if (entry.source_slot < 0 && entry.target_slot >= 0 && mutual) {
      // "the talks between India and China": each of the group on each.
      const int group = SlotPosition(match, false);
      if (group >= 0) EmitMutual(group, entry.pattern, start, match.end, 0.6);
      return;
    }
    int source = SlotPosition(match, true);
    if (entry.source_slot < 0) {
      // "signed ten agreements during a meeting with Y": the clause's subject.
      int intro = -1;
      source = FindSubject(start - 1, start, &intro);
      int governor = -1;
      if (ClauseGovernor(intro, &governor) & (kSuppress | kConditional)) return;
      // "arrested him in a joint operation with Chile": the subject of the
      // clause's verb, which FindSubject stops at.
      for (int j = start - 1; source < 0 && j >= 0; --j) {
        if (IsActor(j)) {
          // "arrested them in Madrid in a joint operation with": a place
          // passed on the way.
          if (j == 0 || !Has(j - 1, kLocative)) break;
          --j;
          continue;
        }
        if (subjects_[j] >= 0) source = subjects_[j];
        if (Has(j, kBoundary | kSpeech | kComma)) break;
      }
      // "After talks with Britain's prime minister in London, Poland's
      // president praised ...": a clause opening the sentence has the main
      // clause's subject.
      // So does one opened by a place or a time: "In Hanoi on Saturday,
      // after a meeting with ...".
      if (source < 0 && !IsActor(0) &&
          (Has(0, kTemporal) || Has(0, kGerund) || EndsIn(0, "ing") || OnlyPhrasesBefore(start))) {
        source = SubjectAfterOpeningClause(match.end);
      }
    }
    // "Swedish and Danish police arrested seven suspects in a joint
    // operation": the clause's subjects, each with the other.
    if (entry.target_slot < 0 && mutual) {
      if (source >= 0 && IsPlural(source)) EmitMutual(source, entry.pattern, start, match.end, 0.6);
      return;
    }
    const int target = SlotPosition(match, false);
    Emit(source, target, entry.pattern, start, match.end, 0.6);
  }

  // One actor written "the|a|an NAME" whose name is no plural ("the
  // Israeli", "a US"): before a verb's base form, an adjective.
  bool IsQualifyingActor(int group) const {
    const Symbol& symbol = s_[group];
    if (symbol.end_actor - symbol.first_actor != 1) return false;
    const Token& first = segmentation_.tokens[symbol.first_token];
    const Token& last = segmentation_.tokens[symbol.end_token - 1];
    const std::string_view article = text_.substr(first.begin, first.end - first.begin);
    const std::string_view name = text_.substr(last.begin, last.end - last.begin);
    const bool has_article = article == "the" || article == "The" || article == "a" ||
                             article == "A" || article == "an" || article == "An";
    // "An Israeli strike": "a" and "an" stand outside the name.
    const bool after_article = group > 0 && IsIndefiniteArticle(group - 1);
    return ((has_article && symbol.end_token - symbol.first_token >= 2) || after_article) &&
           !name.empty() && name.back() != 's';
  }

  // "willing to host new talks between A and B", "could impose sanctions
  // on": the object of a verb in the infinitive or under a modal names an
  // event that has not happened.
  bool Hypothetical(int start) const {
    if (!IsActor(start) && Has(start, kPreposition)) return false;
    // The verb whose object the noun is, past the noun's own modifiers ("to
    // host a fresh round of direct talks between"): in the infinitive or
    // under a modal, the noun's event has not happened.
    constexpr int kLongestModifiers = 6;
    for (int before = start - 1; before >= 0 && start - before <= kLongestModifiers; --before) {
      if (IsActor(before) || Has(before, kBoundary | kComma | kPunct)) return false;
      if (Has(before, kPreposition) && s_[before].word != coder_.word_of_) return false;
      if (Has(before, kDeterminer | kAdverb | kDeictic)) continue;
      // "a fresh round of", "the next round of", "peace", "direct": the
      // noun's own modifiers ("round" after one is no verb).
      if (before > 0 && Has(before - 1, kDeictic) && !IsActor(before - 1)) continue;
      const bool verb = (Has(before, kPatternHead) || EndsInEd(before) ||
                         s_[before].word == Vocabulary::kUnknown) &&
                        !AfterDeterminer(before);
      if (!verb) continue;
      const LeftContext context = ContextBefore(before);
      return (context.left >= 0 && context.left == before - 1 && Has(context.left, kTo)) ||
             context.to >= 0 || context.modal || context.future || context.would;
    }
    return false;
  }

  // A finite verb, or what looks like one to a grammar without a full
  // lexicon: an auxiliary, a known past or third-person form, or an unknown
  // lowercase word in -ed ("prompted", "shocked").
  bool LooksFinite(int i) const {
    if (IsActor(i)) return false;
    if (Has(i, kHave | kBe | kModal | kFuture | kDo)) return true;
    if (Has(i, kPast | kThird | kIrregularPast) && !Has(i, kDeterminer | kPreposition)) return true;
    return s_[i].word == Vocabulary::kUnknown && EndsInEd(i);
  }
  bool EndsInEd(int i) const { return EndsIn(i, "ed"); }
  // A lowercase word of five letters or more ending in `suffix`: "acting"
  // is a participle whatever the dictionary knows of "act". The sentence's
  // first word may be capitalised ("Speaking in Hanoi, ...").
  bool EndsIn(int i, std::string_view suffix) const {
    if (IsActor(i)) return false;
    const Token& token = segmentation_.tokens[s_[i].first_token];
    const std::string_view word = text_.substr(token.begin, token.end - token.begin);
    const char first = i == 0 && word[0] >= 'A' && word[0] <= 'Z' ? word[0] + ('a' - 'A') : word[0];
    return word.size() > 4 && word.ends_with(suffix) && first >= 'a' && first <= 'z';
  }

  // Is the noun event matched at [start, end) an argument the sentence takes
  // as known: the subject of a verb after it, the object of a verb before
  // it, or the object of "after", "following", "since", "amid", "despite"?
  // Patterns opening with a preposition ("during a meeting with") describe
  // the circumstances of the clause's own event, and "current", "latest",
  // "new" mark the noun as news: neither is presupposed.
  bool Presupposed(int start, int end) const {
    if (!IsActor(start) && Has(start, kPreposition)) return false;
    for (int i = start; i < end; ++i) {
      if (Has(i, kNews)) return false;
    }
    int before = start - 1;
    while (before >= 0 && !IsActor(before) &&
           ((Has(before, kDeterminer) && !Has(before, kPreposition)) || Has(before, kAdverb))) {
      if (Has(before, kNews)) return false;
      --before;
    }
    if (before >= 0 && !IsActor(before)) {
      if (Has(before, kPresupposing)) return true;
      // "opposed the US sanctions": a verb form not itself used as a noun.
      if (Has(before, kPatternHead | kSpeech) || EndsInEd(before)) {
        const LeftContext context = ContextBefore(before);
        const bool noun = context.left == before - 1 && context.left >= 0 &&
                          !IsActor(context.left) && Has(context.left, kDeterminer | kPreposition);
        if (!noun && (Has(before, kPast | kParticiple | kBase | kThird) || EndsInEd(before))) {
          return true;
        }
      }
    }
    // Subject: the noun opens its clause and a finite verb follows in it.
    if (before >= 0 && !Has(before, kBoundary | kComma) && !IsActor(before)) return false;
    if (before >= 0 && IsActor(before)) return false;
    const int n = static_cast<int>(s_.size());
    for (int j = end; j < n && j - end <= 12; ++j) {
      if (Has(j, kBoundary | kComma)) return false;
      // "Talks between Sudan and Chad resumed on Sunday": the verb tells
      // that the event happens, which makes it news.
      if (Has(j, kOccurrence)) return false;
      if (LooksFinite(j)) return !(j + 1 < n && Has(j, kBe) && Has(j + 1, kOccurrence));
    }
    return false;
  }

  // The place named in a subject that is no actor ("Cities in Ukraine",
  // "Towns across the north of Syria"), or -1.
  int PlaceInSubject(int left) const {
    for (int j = left; j > 0; --j) {
      if (IsActor(j)) return Has(j - 1, kLocative | kPassage) ? j : -1;
      if (Has(j, kBoundary | kComma | kPunct) || subjects_[j] >= 0) return -1;
    }
    return -1;
  }

  // A capitalised word that does not open the sentence: "in May" is the
  // month, not the modal.
  bool CapitalisedInside(int i) const {
    const Token& token = segmentation_.tokens[s_[i].first_token];
    return i > 0 && text_[token.begin] >= 'A' && text_[token.begin] <= 'Z';
  }

  // "The talks between Serbia and Kosovo could resume next month": a noun
  // whose clause goes on with a modal, "will" or a negator before its
  // verb names what may or may not happen.
  bool UnrealPredicate(int end) const {
    const int n = static_cast<int>(s_.size());
    for (int j = end; j < n && j - end <= 8; ++j) {
      if (IsActor(j) || Has(j, kBoundary | kComma | kPunct)) return false;
      if (IsPossessiveMark(s_[j].word)) continue;  // "Chile's ports would"
      if (Has(j, kModal | kFuture | kNegator) && !CapitalisedInside(j)) return true;
      // "Iran's nuclear sites would": no finite verb stands right before a
      // modal; that word is a noun.
      const bool plural_noun = j + 1 < n && !IsActor(j + 1) && Has(j + 1, kModal | kFuture);
      if (Has(j, kOccurrence) || (LooksFinite(j) && !plural_noun)) return false;
    }
    return false;
  }

  // `may_shorten`: the match is the longest at `verb` in the active voice,
  // which yields to a shorter one when it finds no target.
  void CodeVerb(int verb, Match match, bool may_shorten = false) {
    const uint64_t form = Flags(verb);
    // "stopped short of pledging aid": what one stops short of is not done,
    // and the stopping is no act on anyone.
    if (verb + 2 < static_cast<int>(s_.size()) && s_[verb + 1].word == coder_.word_short_ &&
        s_[verb + 2].word == coder_.word_of_) {
      return;
    }
    // "received no request from Turkey": the object is denied. Not by a
    // negator the pattern writes itself ("had no comment on").
    // Nor does "before signing any further agreements with China" (vowed,
    // refused or threatened, an act on any object keeps its mood).
    const bool adverbial_gerund =
        verb > 0 && EndsIn(verb, "ing") && Has(verb - 1, kPreposition | kBoundary);
    for (int i = verb + 1; i < match.end; ++i) {
      if (!IsActor(i) &&
          (Has(i, kNegator) || (adverbial_gerund && s_[i].word == coder_.word_any_)) &&
          !PatternWrites(coder_.entries_[match.entry].pattern, s_[i].word)) {
        return;
      }
    }
    // "warned Russia that it would be a mistake": a pattern ending in
    // "would" or "will" needs an act after it.
    if (Has(match.end - 1, kModal | kFuture) && match.end < static_cast<int>(s_.size()) &&
        Has(match.end, kBe)) {
      return;
    }
    // "three companies accused of shipping crude": "accused" right before
    // "of" lacks its object, so it is a passive without its accuser.
    if (match.end == verb + 1 && match.end < static_cast<int>(s_.size()) &&
        s_[match.end].word == coder_.word_of_ &&
        coder_.patterns_[coder_.entries_[match.entry].pattern].code.starts_with("112")) {
      return;
    }
    LeftContext context = ContextBefore(verb);
    if (context.negated || context.modal) {
      // No event, but still a clause with a subject: "Egypt did not condemn
      // Israel, but it called on ...": "it" is Egypt, not Israel.
      if (context.to < 0) {
        int intro = -1;
        subjects_[verb] = FindSubject(context.left, verb, &intro);
      }
      return;
    }

    // "Japan joined South Korea in imposing sanctions on Russia": Japan
    // acts as well.
    if ((form & kGerund) && context.left == verb - 1 && context.left >= 2 &&
        Has(context.left, kLocative) && IsActor(context.left - 1) && IsJoinForm(context.left - 2)) {
      const int joined = context.left - 2;
      int intro = -1;
      const LeftContext joining = ContextBefore(joined);
      if (joining.negated || joining.modal || joining.to >= 0) return;
      const int source = FindSubject(joining.left, joined, &intro);
      int governor = -1;
      if (source < 0 || (ClauseGovernor(intro, &governor) & (kSuppress | kConditional))) return;
      subjects_[joined] = source;
      const Entry& entry = coder_.entries_[match.entry];
      const int target = entry.target_slot >= 0
                             ? SlotPosition(match, false)
                             : FindTarget(match.end, Has(match.end - 1, kPreposition));
      if (target >= 0) Emit(source, target, entry.pattern, verb, match.end, 0.7);
      return;
    }
    // A verb form after a determiner or preposition is a noun: "the
    // sanctions", "its visit", "of attacks".
    if (context.left == verb - 1 && context.left >= 0 && !IsActor(context.left) &&
        Has(context.left, kDeterminer | kPreposition) && context.to < 0 &&
        !((form & kGerund) && Has(context.left, kTemporal))) {  // "by expelling"
      return;
    }
    // "urged it to release jailed opposition leaders": a participle right
    // after another verb of the dictionary qualifies that verb's object.
    if ((form & (kPast | kParticiple)) && verb > 0 && context.left == verb - 1 &&
        !IsActor(verb - 1) && Has(verb - 1, kPatternHead) &&
        !Has(verb - 1, kBe | kHave | kDo | kModal | kFuture | kThird)) {  // "ships seized"
      return;
    }
    const bool gerund_only = (form & kGerund) && !(form & (kBase | kPast | kParticiple | kThird));
    if (gerund_only && !context.be && context.left == verb - 1 && context.left >= 0 &&
        Has(context.left, kComma)) {
      CodeParticipleClause(verb, match);
      return;
    }
    // "committed to sending frigates": a gerund after an intention's "to"
    // is the intended act, read as "committed to send".
    const bool intended_gerund = gerund_only && context.to == verb - 1 && context.to > 0 &&
                                 Has(context.to - 1, kIntentGovernor);
    if (gerund_only && context.left < 0) {
      // "Accusing Lithuania of espionage, Belarus expelled ...".
      const int source = SubjectAfterOpeningClause(match.end);
      const Entry& entry = coder_.entries_[match.entry];
      const int target = entry.target_slot >= 0
                             ? SlotPosition(match, false)
                             : FindTarget(match.end, Has(match.end - 1, kPreposition));
      EmitReading(source, target, entry.pattern, verb, match.end, 0.6);
      return;
    }
    if (gerund_only && !context.be && !intended_gerund) {
      // "accused X of attacking Y" codes the accusation only, but "Maduro
      // spoke after receiving Borisov" reports Maduro receiving him.
      if (context.left != verb - 1 || context.left < 0 || !Has(context.left, kTemporal | kAspect)) {
        return;
      }
      // "after shelling struck a village": a gerund that a finite verb
      // follows is that verb's subject, a noun.
      // ("began investigating attacks": an aspect's gerund takes a plural
      // object that only looks like a verb.)
      if (Has(context.left, kTemporal) && match.end == verb + 1 &&
          match.end < static_cast<int>(s_.size()) && !IsActor(match.end) && Has(match.end, kPast)) {
        return;
      }
      int source = -1;
      if (Has(context.left, kAspect)) {
        // "Argentina began exporting gas to Chile".
        const LeftContext aspect = ContextBefore(context.left);
        if (aspect.negated || aspect.modal) return;
        // "vowed to keep attacking ships", "said it would continue
        // shelling": the act is read in the mood of the verb before "to"
        // or of "would", as if written "vowed to attack" (the aspect verb's
        // base form stands where the act's would).
        if (aspect.to >= 0 || aspect.would || aspect.future) {
          CodeVerb(context.left, match);
          return;
        }
        int intro = -1;
        source = FindSubject(aspect.left, context.left, &intro);
        int governor = -1;
        if (ClauseGovernor(intro, &governor) & (kSuppress | kConditional)) return;
      } else {
        // The subject of the verb before ("met his Hungarian counterpart
        // and signed an agreement, before flying on to Vienna": not the
        // counterpart), else the nearest actor, whose clause ends at "and"
        // or a comma (", and Paris responded by expelling").
        for (int j = context.left - 1; j >= 0 && verb - j <= 16; --j) {
          if (subjects_[j] >= 0 && !IsActor(j)) {
            source = subjects_[j];
            break;
          }
          if (IsActor(j) && !AfterPreposition(j) && source < 0) source = j;
          if (source >= 0 && Has(j, kAnd | kComma)) break;
          if (Has(j, kBoundary) && !Has(j, kPunct)) {
            if (source < 0) return;
            break;
          }
        }
      }
      const Entry& entry = coder_.entries_[match.entry];
      int target = entry.target_slot >= 0
                       ? SlotPosition(match, false)
                       : FindTarget(match.end, Has(match.end - 1, kPreposition),
                                    PlaceIsTarget(coder_.patterns_[entry.pattern].code));
      // "South Africa and Namibia began pooling their power": a list's
      // reciprocal act, each toward the other, also when an actor follows
      // without the pattern's preposition ("before agreeing to a ceasefire
      // brokered by Qatar").
      if (source >= 0 && coder_.patterns_[entry.pattern].mutual && IsPlural(source) &&
          (target < 0 || (entry.target_slot < 0 &&
                          (!Has(match.end - 1, kPreposition) || Has(match.end - 1, kLocative))))) {
        EmitMutual(source, entry.pattern, verb, match.end, 0.45);
        return;
      }
      EmitReading(source, target, entry.pattern, verb, match.end, 0.6);
      return;
    }
    const bool base_only = (form & kBase) && !(form & (kPast | kParticiple | kThird | kGerund));
    // "the Israeli strike on", "a US attack": a base form after one actor
    // named with an article and no plural is a noun the actor qualifies.
    if (base_only && context.left == verb - 1 && context.left >= 0 && IsActor(context.left) &&
        IsQualifyingActor(context.left)) {
      return;
    }
    // "has faced sanctions from": a present form right after an unknown word
    // is a plural noun, not a verb ("Russia sanctions" has its subject next
    // to it).
    // Likewise after any word that cannot end a subject: "border peace
    // talks", "artillery shells" (a subject is an actor or a pronoun, and
    // "which", "and" or a comma may stand between).
    if ((form & (kThird | kBase)) && !(form & kPast) && context.left == verb - 1 &&
        context.left >= 0 && !IsActor(context.left) && !Has(context.left, kPunct) &&
        (s_[context.left].word == Vocabulary::kUnknown ||
         Has(context.left, kPatternHead | kSpeech) ||
         !Has(context.left, kRelative | kAnd | kPronoun | kBoundary | kConditional | kGovernors |
                                kTo | kNegator | kModal | kFuture | kBe | kHave | kDo))) {
      return;
    }
    // "struck Hezbollah targets in southern Lebanon": a present form right
    // after the actor another verb has just acted on is a noun it names.
    if ((form & (kThird | kBase)) && !(form & kPast) && context.left == verb - 1 &&
        context.left >= 0 && IsActor(context.left) && last_target_group_ == context.left) {
      return;
    }
    const bool participle_only = (form & kParticiple) && !(form & (kPast | kBase));

    // Passive voice: "was accused by Egypt of", "has been suspended by".
    // So is a past form with its agent next: "diplomats expelled by Moscow".
    const bool agent_next = verb + 1 < static_cast<int>(s_.size()) && AgentAfterBy(verb + 1) >= 0;
    const bool can_be_passive =
        (form & kParticiple) && (context.be || participle_only || agent_next);
    if (can_be_passive) {
      int intro = -1;
      // "in exchange for a Venezuelan businessman freed by the United
      // States": a reduced relative qualifies the noun right before it,
      // inside a phrase or not.
      int patient = !context.be && !context.have && agent_next ? NounBefore(context.left) : -1;
      if (patient < 0) patient = FindSubject(context.left, verb, &intro);
      if (patient < 0 && context.be && ObjectFirstPassive(verb, context.left)) return;
      const Match passive = Longest(verb, true, patient);
      // "Cities across Ukraine were hit by Russian missiles": force or aid
      // that strikes a place strikes its state.
      if (passive.entry >= 0 && patient < 0 && context.be &&
          PlaceIsTarget(coder_.patterns_[coder_.entries_[passive.entry].pattern].code)) {
        patient = PlaceInSubject(context.left);
      }
      if (passive.entry >= 0) {
        int governor = -1;
        const uint64_t governed = ClauseGovernor(intro, &governor);
        if (patient >= 0 && !(governed & (kSuppress | kConditional))) {
          subjects_[verb] = patient;
          uint32_t pattern = coder_.entries_[passive.entry].pattern;
          // "Japan's donation was welcomed by Nepal", "A pledge by Canada
          // ... was welcomed by Latvia": what was welcomed is an act of the
          // owner's, endorsed, not a guest received.
          if (coder_.patterns_[pattern].code == "043" && coder_.endorsement_pattern_ >= 0 &&
              ((patient > 0 && Has(patient - 1, kBy)) ||
               (patient + 1 < static_cast<int>(s_.size()) &&
                IsPossessiveMark(s_[patient + 1].word) && !IsActor(patient + 2)))) {
            pattern = static_cast<uint32_t>(coder_.endorsement_pattern_);
          }
          Emit(passive.agent, patient, pattern, verb, passive.end, 0.8);
        }
        return;
      }
      // "were killed by artillery fire from Cambodia's army": the agent
      // behind the weapon.
      if (const int agent = AgentBehindInstrument(verb + 1); agent >= 0 && patient >= 0) {
        const Match bare = Longest(verb, false);
        if (bare.entry >= 0 && bare.end == verb + 1 &&
            coder_.entries_[bare.entry].target_slot < 0) {
          subjects_[verb] = patient;
          Emit(agent, patient, coder_.entries_[bare.entry].pattern, verb, verb + 1, 0.7);
          return;
        }
      }
      if (context.be) return;  // passive without an agent: the source is unknown
    }

    Mood mood = kAct;
    bool commissive = false;  // the act is vowed: "vowed to", "pledged to"
    int provoker = -1;        // "X did Y, prompting Z to act": X, Z's target if none other
    bool prompted = false;    // "X prompted Z to act": Z is the source
    int source = -1, addressee = -1;
    double confidence = 0.9;
    int intro = -1;
    if (context.to >= 0) {
      // "plans to visit", "urged Russia to withdraw", "refused to meet".
      // "agreed on Saturday to set up patrols": a date between them.
      int g = StartOfAdverbialBefore(context.to) - 1;
      while (g >= 0 && Has(g, kAdverb)) --g;
      // "agreed in principle to resume talks"
      if (g > 1 && s_[g].word == coder_.word_principle_ && Has(g - 1, kLocative)) g -= 2;
      if (g >= 0 && IsActor(g)) {
        addressee = g;
        --g;
        if (g >= 0 && (s_[g].word == coder_.word_on_ || s_[g].word == coder_.word_upon_)) {
          --g;  // "called on X to"
        } else if (g > 0 && s_[g].word == coder_.word_to_) {
          --g;  // "appealed to X to"
        }
        while (g >= 0 && Has(g, kAdverb)) --g;
      }
      if (g < 0) return;
      const uint64_t governor = Flags(g);
      // "blocked the EU's plan to give Ukraine aid": a plan named by its
      // owner is a known noun, the object or subject of another verb.
      // But "expressed his government's readiness to settle": the owner's
      // intention, voiced by the subject of the verb before.
      if ((governor & kIntentGovernor) && g > 0 && addressee < 0 &&
          ((IsActor(g - 1) && EndsInPossessive(g - 1)) ||
           (g > 1 && IsActor(g - 2) && IsPossessiveMark(s_[g - 1].word)))) {
        const int owner = IsActor(g - 1) ? g - 1 : g - 2;
        if (owner == 0 || IsActor(owner - 1) || !IsOneOf(owner - 1, coder_.voicing_verbs_)) return;
        g = owner - 1;
      }
      if (addressee >= 0 && (governor & kPrompt) && EndsIn(g, "ing") && g > 0 &&
          Has(g - 1, kComma)) {
        // "flew aircraft near the border, prompting South Korea to scramble
        // jets": the one prompted acts, in answer to the clause's subject.
        for (int j = g - 1; j >= 0 && provoker < 0; --j) provoker = subjects_[j];
        if (provoker < 0) provoker = OpeningSubject(g);
        if (provoker < 0) return;
        source = addressee;
        addressee = -1;
        subjects_[g] = provoker;
        confidence = 0.6;
      } else if (addressee >= 0 && (governor & kPrompt) && EndsIn(g, "ed")) {
        // "Russia's detention of an Estonian guard prompted Estonia to
        // summon the Russian envoy": the one prompted acts.
        source = addressee;
        addressee = -1;
        prompted = true;
      } else if (const int sent = governor & kGovernors || IsCallForm(g)
                                      ? -1
                                      : DispatchedTo(context.to, match.entry);
                 sent >= 0) {
        // "sent monitors to the town of Avdiivka to investigate the
        // shelling": an inquiry or help sent to a place is done there, by
        // the one who sent it.
        provoker = DispatchSubject(sent);
        if (provoker < 0) return;
        source = provoker;
        // "to Libya to investigate reports that Russian mercenaries laid
        // mines": the inquiry is into the one the reports name.
        const int inquired = InquiryTarget(match.end, source);
        addressee = inquired >= 0                           ? inquired
                    : s_[sent + 1].word == coder_.word_the_ ? sent + 2
                                                            : sent + 1;
        confidence = 0.6;
      } else if (addressee >= 0) {
        if (!(governor & (kAppealGovernor | kDemandGovernor)) && !IsCallForm(g)) return;
        mood = (governor & kDemandGovernor) ? kDemand : kAppeal;
      } else if (governor & (kThreatGovernor | kHesitate)) {
        mood = kThreaten;
      } else if (governor & kRefuseGovernor) {
        mood = kRefuse;
      } else if ((governor & kIntentGovernor) || (g == context.to - 1 && (governor & kBe))) {
        mood = kIntent;  // "plans to visit", "is to visit"
      } else if (!IsEnacting(g)) {
        return;  // "used to attack", "failed to sign": not the act
      }
      LeftContext governing = ContextBefore(g);
      // "announced plans (on Monday) to send aid": the intention is the
      // object of a verb, whose subject intends.
      if ((governor & kIntentGovernor) && governing.left >= 0 && !IsActor(governing.left) &&
          !governing.negated && !governing.modal) {
        int v = governing.left;
        if (v > 0 && Has(v, kDeterminer | kOwner) && !IsActor(v - 1)) --v;
        if (!IsActor(v) && !Has(v, kBe | kHave | kPreposition) &&
            (Has(v, kFiniteForms) || EndsIn(v, "ed"))) {
          g = v;
          governing = ContextBefore(g);
        }
      }
      if (provoker >= 0) {
        // the source is the one prompted
      } else if (governor & kHesitate) {
        // "would not hesitate to use force", and only so: "did not
        // hesitate to strike" tells a strike done.
        if (!governing.negated || !(governing.would || governing.future)) return;
      } else if (governing.negated || governing.modal ||
                 (governing.would && (ConditionFollows(verb) || (g > 0 && Has(g - 1, kBe))))) {
        // "would be willing to meet Colombia if ...", "would be ready to
        // consider mediating": hypothetical.
        return;
      }
      commissive = (governor & kCommissive) != 0;
      if (provoker < 0 && !prompted) {
        // "is ready to", "are set to": the adjective's own left context.
        source = FindSubject(governing.left, g, &intro);
        subjects_[g] = source;
        confidence = 0.75;
      }
    } else {
      if (base_only && !context.do_ && !context.future && !context.would &&
          !(context.left >= 0 && IsActor(context.left))) {
        return;  // "a visit", imperative or noun
      }
      if (context.future) mood = kIntent;
      source = FindSubject(context.left, verb, &intro);
      // "Having met Kenya's president on Monday, Ethiopia's prime minister
      // flew on": the main clause's subject.
      if (source < 0 && context.have && context.left < 0 && s_[0].word == coder_.word_having_) {
        source = SubjectAfterOpeningClause(match.end);
      }
      if (participle_only && !context.have && !context.be && !CoordinatedPerfect(context.left)) {
        return;
      }
    }
    if (source < 0) return;
    subjects_[verb] = source;
    // "Chile's ambassador, whom Peru expelled in 2023": the pattern read
    // with its object, the relative's host, before the verb.
    if (const int host = mood == kAct && context.to < 0 ? ObjectRelativeHost(source) : -1;
        host >= 0) {
      const Match object_first = Longest(verb, true, host, true);
      if (object_first.entry >= 0 && object_first.end >= match.end &&
          coder_.entries_[object_first.entry].target_slot >= 0) {
        Emit(source, host, coder_.entries_[object_first.entry].pattern, verb, object_first.end,
             0.7);
        return;
      }
      // "the citizens whom Belarus freed on Thursday crossed into
      // Lithuania": a verb alone that lacks its object acts on the host,
      // not on an actor further on.
      const bool verb_alone =
          match.end == verb + 1 || match.end == verb + 1 + AdverbialAt(verb + 1);
      if (verb_alone && coder_.entries_[match.entry].target_slot < 0 && LacksObject(verb + 1) &&
          !ActorBeforeNextVerb(match.end)) {
        Emit(source, host, coder_.entries_[match.entry].pattern, verb, match.end, 0.7);
        return;
      }
    }

    // "Neither Argentina nor Chile condemned": nobody did.
    if (source > 0 && Has(source - 1, kNegator)) return;
    // "Would NATO defend Estonia ..., a newspaper asked", "Is Brazil ready
    // to ...": a question, with or without its question mark.
    if (source > 0 && !IsActor(source - 1) &&
        Has(source - 1, kModal | kFuture | kDo | kBe | kHave) &&
        (source == 1 || Has(source - 2, kPunct | kBoundary))) {
      return;
    }
    // "the first visit since the two countries restored ties": the clause
    // dates a past event the report takes as known, not news. Unless it
    // gives the year ("since it recalled its envoy in 2021"), as history.
    if (intro >= 0 && Has(intro, kSince) && !YearIn(match.end)) return;
    // "Azerbaijan and Armenia, which fought two wars over Karabakh, signed":
    // a past act in a relative clause set off by a comma, giving no time of
    // its own, is background the report takes as known.
    if (mood == kAct && UndatedRelativeClause(verb)) return;
    int governor = -1, warned = -1;
    const uint64_t governed = ClauseGovernor(intro, &governor, &warned);
    if ((context.would || context.future) && (governed & kWarn) && mood == kAct) {
      mood = kThreaten;  // "warned Lebanon that it would bomb its airports"
    } else if (const int speaker =
                   mood != kAppeal ? ConditionalForceSpeaker(match, context, governed, source) : -1;
               speaker >= 0) {
      mood = kThreaten;
      source = speaker;
    } else if (governed & (kSuppress | kConditional)) {
      return;
    } else if (context.would) {
      // "said it would meet": a reported intention; otherwise hypothetical.
      if (mood != kAct || !(governed & (kSpeech | kIntentGovernor))) return;
      mood = kIntent;
    }
    // "said Washington would impose sanctions on Turkey if it bought the
    // system": a hostile act promised on a condition is a threat.
    if (mood == kIntent && (context.would || context.future) &&
        IsHostile(coder_.entries_[match.entry].pattern) && ConditionFollows(match.end)) {
      mood = kThreaten;
    }
    if (governor >= 0 && IsBlockedGovernor(governor) && (governed & kDemandGovernor) == 0) return;
    if (mood == kAct && (governed & (kDemandGovernor | kAppealGovernor))) {
      // "demanded that Russia withdraw": a demand on Russia by the demander.
      int outer_intro = -1;
      const LeftContext governing = ContextBefore(governor);
      if (governing.negated || governing.modal) return;
      const int demander = FindSubject(governing.left, governor, &outer_intro);
      if (demander < 0) return;
      mood = (governed & kDemandGovernor) ? kDemand : kAppeal;
      addressee = source;
      source = demander;
      confidence = 0.75;
    }

    const Entry& entry = coder_.entries_[match.entry];
    // "Greek farmers blocked highways": the crowd's reading of the words
    // decides the code and where the target is sought (a protest's aim).
    const uint32_t reading = CrowdReading(entry.pattern, source);
    int32_t pattern = coder_.Derived(reading, mood);
    // "vowed to attack Israel": CAMEO has no intent to attack, and a
    // hostile act vowed is a threat of it. Not a force posture: "promised
    // to send frigates to the NATO mission" threatens nobody.
    if (pattern < 0 && mood == kIntent && commissive &&
        !coder_.patterns_[reading].code.starts_with("15")) {
      pattern = coder_.Derived(reading, kThreaten);
    }
    if (pattern < 0) return;
    int target = addressee;
    bool target_by_distance = false;
    const int n = static_cast<int>(s_.size());
    int that = match.end;
    while (that < n && s_[that].word != coder_.word_that_ &&
           (Has(that, kAdverb) || AdverbialAt(that) > 0)) {
      that += std::max(1, AdverbialAt(that));
    }
    // "that all Russian troops": a quantifier before the one demanded of.
    int demanded = that + 1;
    if (demanded + 1 < n && !IsActor(demanded) && Has(demanded, kQuantifier)) ++demanded;
    if (target < 0 && mood == kAct && (form & (kDemandGovernor | kAppealGovernor)) &&
        demanded < n && s_[that].word == coder_.word_that_ && IsActor(demanded) &&
        Subjunctive(demanded + 1)) {
      // "demanded (on Friday) that Japan stop the patrols": the act carries
      // the event when the dictionary knows it, else a bare demand on Japan.
      for (int j = demanded + 1; j < n && j <= demanded + 5; ++j) {
        if (HasMoodMatch(j, GovernedMood(verb))) return;
      }
      target = demanded;
    }
    if (target < 0) {
      if (entry.target_slot >= 0) {
        target = SlotTarget(match, source);
      } else {
        const bool ends_in_preposition = Has(match.end - 1, kPreposition);
        const std::string& code = coder_.patterns_[pattern].code;
        const bool place_is_target = PlaceIsTarget(code);
        target = ObjectPronounTarget(match.end, source);
        // "accusing the mission of passing information to Ukraine": the
        // accused is the noun before "of", no actor after it; after an act
        // it is that act's object, else nobody dyad knows.
        if (target < 0 && AccusesNounBeforeOf(pattern, match.end)) {
          if (out_.size() == first_event_) return;
          target = GroupOf(out_.back().target);
        }
        if (target < 0) {
          target = FindTarget(match.end, ends_in_preposition, place_is_target);
          target_by_distance = true;
          // "claimed responsibility for an attack that hit the compound in
          // Mogadishu": what was claimed is told in the relative clause.
          if (target < 0 && (code.starts_with("015") || code.starts_with("016"))) {
            for (int j = match.end; j < static_cast<int>(s_.size()) && j - match.end <= 6; ++j) {
              if (IsActor(j) || Has(j, kComma | kSpeech)) break;
              if (Has(j, kRelative)) {
                target = FindTarget(j + 1, false, true);
                break;
              }
            }
          }
          // A protest's aim outranks a partner or a way named after "with"
          // or "to" ("blocked border crossings with Ukraine to press
          // Poland's government", "the highway to Uganda, demanding ...").
          if ((code.starts_with("15") || code.starts_with("14")) &&
              (target < 0 || Has(target - 1, kLocative | kPassage) ||
               (code.starts_with("14") && Has(target - 1, kCompanion | kTo)))) {
            const int aimed =
                AimTarget(match.end, source, code.starts_with("15") ? kProvocation : kProtestAim);
            if (aimed >= 0) target = aimed;
          }
          if (target < 0 && code.starts_with("15"))
            target = ProvokerBefore(verb, match.end, source);
          const bool threat = code == "130" || mood == kThreaten;
          if (threat && target >= 0 && OwnStateOf(source, target)) target = -1;
          if (target < 0 && threat) target = ThreatTarget(match.end, source);
          if (target < 0 && code.starts_with("09")) target = InquiryTarget(match.end, source);
          if (target < 0 && code == "011") target = InquiryTarget(match.end, source, true);
          if (target < 0 && code.starts_with("12")) target = ProposerBefore(match.end, source);
          // "received no request from Turkey": the object is denied.
          for (int i = match.end; target >= 0 && i < target; ++i) {
            if (Has(i, kNegator)) return;
          }
        }
        if (target >= 0) confidence -= 0.05 * std::min(4, target - match.end);
      }
    }
    // "insisted that the technicians were there to service equipment": a
    // demand's "that" clause in the indicative asserts, it demands nothing.
    if (target > 0 && coder_.patterns_[pattern].code.starts_with("10") &&
        (s_[target - 1].word == coder_.word_that_ || (target > 1 && Has(target - 1, kQuantifier) &&
                                                      s_[target - 2].word == coder_.word_that_)) &&
        !Subjunctive(target + 1)) {
      return;
    }
    if (target < 0 && provoker >= 0 && provoker != source) target = provoker;
    // "Lithuania, which China punished with an embargo": the relative
    // clause's object is its host.
    if (target < 0 && mood == kAct) target = ObjectRelativeHost(source);
    // "blocked a Philippine supply mission to the shoal": the qualifying
    // actor the pattern passed is the target when nothing else is.
    if (target < 0 && match.slots.passed >= 0 && match.slots.passed != source) {
      target = match.slots.passed;
    }
    // "warned Lebanon that it would bomb its airports": a threat to the one
    // warned when the act names no other target.
    // So also when it does: "warned Berlin that Warsaw would close its
    // crossings to German lorries" threatens Berlin.
    if ((target < 0 || target_by_distance) && mood == kThreaten && (governed & kWarn) &&
        warned >= 0 && warned != source) {
      target = warned;
    }
    // "urged Russia to withdraw", "threatened to impose": the act after
    // "to" carries the event in its mood; the governing verb adds none.
    // Not when the pattern named its own object first: "declined an
    // invitation from the EU to hold talks" declines the invitation.
    const bool own_object =
        match.end > verb + 1 && !IsActor(verb + 1) && (form & kRefuseGovernor) != 0;
    if (mood == kAct && !own_object && ((form & kGovernors) || IsCallForm(verb))) {
      // "urged Russia to withdraw" (the "to" after the addressee) or
      // "refused to recognize Maduro" (right after the verb: the target
      // found beyond it is the act's, not the refusal's).
      for (const int to :
           {target >= 0 && entry.target_slot < 0 ? target + 1 : match.end, match.end}) {
        if (to < static_cast<int>(s_.size()) && Has(to, kTo) &&
            to + 1 < static_cast<int>(s_.size()) && Has(to + 1, kPatternHead) &&
            HasMoodMatch(to + 1, GovernedMood(verb))) {
          // "called Xi to discuss trade", "called him to offer condolences":
          // what one calls to say or discuss is done on the call, which is
          // the event; "called Russia to withdraw" appeals.
          const bool called_on = !IsActor(verb + 1) && (s_[verb + 1].word == coder_.word_on_ ||
                                                        s_[verb + 1].word == coder_.word_upon_);
          if (IsCallForm(verb) && !called_on && target >= 0 && SaidOnACall(to + 1)) break;
          return;
        }
      }
    }
    const int source_gap = std::max(0, verb - source - 1);
    confidence -= 0.02 * std::min(10, source_gap);
    // "called the government illegitimate": a call followed by a complement
    // names the one called, it is no phone call.
    const bool phone_call = IsCallForm(verb) && coder_.patterns_[reading].code.starts_with("04");
    if (phone_call && mood == kAct && target >= 0 && target + 1 < n && !IsActor(target + 1) &&
        AdverbialAt(target + 1) == 0 &&
        !Has(target + 1, kPreposition | kPunct | kBoundary | kComma | kAnd | kTo | kAdverb)) {
      return;
    }
    // "called it a clear signal": the same with a pronoun for the one called.
    if (phone_call && mood == kAct && match.end + 1 < n &&
        Has(match.end, kPronoun | kObjectPronoun) && Has(match.end + 1, kDeterminer)) {
      return;
    }
    // "Russia, China and Iran held joint naval drills in the Gulf of Oman":
    // a reciprocal act of a list ending without a preposition ("with") takes
    // each member as the other's target, not an actor found further on.
    // So does one ending in a place's preposition: "Cuba and the United
    // States held talks in Havana" is no event aimed at Havana, nor is
    // "vowed to hold talks in Havana".
    if (target >= 0 && target_by_distance && coder_.patterns_[entry.pattern].mutual &&
        (mood == kAct || mood == kIntent) &&
        (!Has(match.end - 1, kPreposition) || Has(match.end - 1, kLocative)) && IsPlural(source)) {
      target = -1;
    }
    // "urged Ethiopia and Eritrea to resolve their dispute": asked or told
    // to, the ones addressed act together.
    const int acting = (mood == kAppeal || mood == kDemand) && addressee >= 0 ? addressee : source;
    if (coder_.patterns_[reading].together && !IsPlural(acting)) return;
    if (target < 0 && (mood == kAct || mood == kIntent) && !IsPlural(source)) {
      target = PartnerOfCoordinate(context.left, source, static_cast<uint32_t>(pattern));
    }
    if (target >= 0) {
      if (coder_.patterns_[entry.pattern].reversed) std::swap(source, target);
      const int32_t protective = mood == kAct ? ProtectiveDeployment(pattern, target) : -1;
      Emit(source, target, static_cast<uint32_t>(protective >= 0 ? protective : pattern), verb,
           match.end, confidence);
      return;
    }
    // "Uruguay and Chile agreed to open negotiations": each intends it.
    // "Canada and India each expelled a diplomat": a cut in relations each
    // made is the other's ("each condemned the attack" is no dyad).
    const bool each = source + 2 < n && s_[source + 1].word == coder_.word_each_ &&
                      s_[source + 2].word != coder_.word_other_ &&
                      coder_.patterns_[pattern].code.starts_with("16");
    if ((coder_.patterns_[entry.pattern].mutual || ReciprocalAt(match.end) || each) &&
        (mood == kAct || mood == kIntent)) {
      EmitMutual(source, static_cast<uint32_t>(pattern), verb, match.end, confidence - 0.15);
    } else if (may_shorten) {
      // "launched a joint operation against rebels": a longer reading that
      // finds nobody to aim at yields to a shorter one of the same verb.
      // Not to the verb alone, which the longer reading's words qualify
      // ("stormed out of the talks" is no storming).
      const Match shorter = Longest(verb, false, -1, false, match.end);
      if (shorter.entry >= 0 && shorter.end > verb + 1) CodeVerb(verb, shorter);
    }
  }

  // "visited New Delhi, held talks with India's prime minister and signed
  // an agreement": a cooperative act (roots 03 to 08) coordinated after
  // another of the same subject, with no object of its own, is done with
  // that act's partner. -1 if there is none.
  int PartnerOfCoordinate(int left, int source, uint32_t pattern) const {
    if (left < 0 || IsActor(left) || !Has(left, kAnd | kComma) || out_.size() == first_event_) {
      return -1;
    }
    const std::string_view code = coder_.patterns_[pattern].code;
    if (code < "03" || code >= "09") return -1;
    const CodedEvent& before = out_.back();
    const std::string_view before_code = coder_.patterns_[before.pattern].code;
    if (before_code < "03" || before_code >= "09" || GroupOf(before.source) != source ||
        before.verb_first_token >= s_[left].first_token) {
      return -1;
    }
    return GroupOf(before.target);
  }

  // "insisted that Japan stop the patrols" demands; "insisted that the
  // technicians were there only to service equipment" asserts. Is the verb
  // first verb from `i` on, past the subject's modifiers ("in the
  // country"), a subjunctive or a modal? True when no verb is known.
  bool Subjunctive(int i) const {
    constexpr uint64_t kVerbForms = kModal | kBase | kPast | kThird | kBe;
    const int n = static_cast<int>(s_.size());
    for (int end = std::min(n, i + 6); i < end; ++i) {
      // "NATO-led peacekeepers": a participle inside a compound word.
      if (IsActor(i) || !Has(i, kVerbForms) || AfterDeterminer(i) || Has(i - 1, kHyphen)) {
        continue;
      }
      return Has(i, kModal | kBase);
    }
    return true;
  }

  // "by artillery fire from Cambodia's army", "by rockets fired from
  // Lebanon": the actor a passive's instrument came from, or -1. So is the
  // place of an office: "by the foreign ministry in Nairobi".
  int AgentBehindInstrument(int by) const {
    constexpr int kLongestInstrument = 3;
    const int n = static_cast<int>(s_.size());
    if (by >= n || !Has(by, kBy)) return -1;
    for (int j = by + 1; j + 1 < n && j - by <= kLongestInstrument + 1; ++j) {
      if (s_[j].word == coder_.word_from_) return IsActor(j + 1) && j > by + 1 ? j + 1 : -1;
      if (s_[j].word == coder_.word_in_ && IsOneOf(j - 1, coder_.office_words_)) {
        return IsActor(j + 1) ? j + 1 : -1;
      }
      if (IsActor(j) || Has(j, kBoundary | kComma | kPunct | kAnd | kPreposition)) return -1;
    }
    return -1;
  }

  // The actor group that ends at `left` or heads the plain noun there ("a
  // Venezuelan businessman"), or -1.
  int NounBefore(int left) const {
    if (left < 0) return -1;
    if (IsActor(left)) return left;
    const bool plain = !Has(left, kPreposition | kFiniteForms | kBoundary | kPunct | kComma | kAnd |
                                      kDeterminer | kPronoun);
    return plain && left > 0 && IsActor(left - 1) ? left - 1 : -1;
  }

  // The actor group after "by" at `by`, past "a" or "an" ("by a Swiss
  // court"), or -1.
  int AgentAfterBy(int by) const {
    const int n = static_cast<int>(s_.size());
    if (by >= n || IsActor(by) || !Has(by, kBy)) return -1;
    int k = by + 1;
    if (k < n && IsIndefiniteArticle(k)) ++k;
    return k < n && IsActor(k) ? k : -1;
  }

  // The agent of a passive whose pattern is complete at `end` but whose "by"
  // comes after a short phrase: "was received in Riyadh by the crown
  // prince", "has been supplied with dozens of tanks by Poland". The phrase
  // may name a place after its preposition; another act, clause or list
  // ends the search ("was sanctioned over an attack by militants" is not the
  // militants' sanction). Returns the agent's position or -1.
  int AgentPastPhrase(int end) const {
    constexpr int kLongestPhrase = 5;
    const int n = static_cast<int>(s_.size());
    for (int j = end; j + 1 < n && j - end <= kLongestPhrase; ++j) {
      if (Has(j, kBy)) return j > end ? AgentAfterBy(j) : -1;
      if (IsActor(j)) {
        if (j == end || !Has(j - 1, kPreposition)) return -1;
        continue;
      }
      // "was welcomed to the White House by", "was sentenced to 20 years
      // in prison by": "to" before a name or a number is no infinitive's.
      if (Has(j, kTo) && (IsActor(j + 1) ||
                          segmentation_.tokens[s_[j + 1].first_token].kind == TokenKind::kNumber)) {
        continue;
      }
      if (Has(j, kBoundary | kComma | kPunct | kSpeech | kAnd | kRelative | kPatternHead | kTo)) {
        return -1;
      }
    }
    return -1;
  }

  // "New sanctions were imposed on Iran by the European Union", "The trade
  // agreement was signed by Brazil and Argentina": the pattern's object
  // stands before the verb as its subject, the agent after "by". Reads the
  // verb, then the subject's words, then what follows the verb. True when an
  // event was coded.
  bool ObjectFirstPassive(int verb, int left) {
    if (left < 0) return false;
    // "Diplomatic relations with Ecuador were broken off by Mexico": the
    // subject may end with the actor the pattern's TARGET takes.
    int slot_target = -1;
    if (IsActor(left)) {
      if (left == 0 || IsActor(left - 1) || !Has(left - 1, kPreposition)) return false;
      slot_target = left--;
    }
    // Up to six words; "a ten-year agreement" counts "ten-year" as one.
    int begin = left, hyphens = 0;
    while (begin > 0 && left - begin - 2 * hyphens < 5 && !IsActor(begin - 1) &&
           (Has(begin - 1, kHyphen) || !Has(begin - 1, kBoundary | kComma | kPunct | kSpeech))) {
      --begin;
      if (Has(begin, kHyphen)) ++hyphens;
    }
    if (begin > 0 && !Has(begin - 1, kBoundary | kComma | kPunct)) return false;
    for (int i = begin; i <= left; ++i) {
      if (Has(i, kNegator | kRisk)) return false;  // "No sanctions were imposed"
    }
    uint32_t head = coder_.Child(0, s_[verb].word);
    if (head == 0) return false;
    const int n = static_cast<int>(s_.size());
    // "were broken off by": the particle after the participle comes first
    // in the pattern.
    int after = verb + 1;
    if (after + 1 < n && !IsActor(after) && Has(after + 1, kBy)) {
      if (const uint32_t particle = coder_.Child(head, s_[after].word); particle != 0) {
        head = particle;
        ++after;
      }
    }
    for (int first = begin; first <= begin + 1 && first <= left; ++first) {
      // With and without a leading article: "the agreement" / "new sanctions".
      if (first > begin && !Has(begin, kDeterminer)) break;
      // Each subject word as written, as a word class or as a pattern's
      // "*": every reading, in a fixed array (readings past its size are
      // dropped; six words rarely have more than a few).
      std::array<uint32_t, 64> nodes{head}, next_nodes{};
      size_t count = 1;
      int32_t complete = -1;  // the entry the subject completes before a modifier
      for (int i = first; i <= left && count > 0; ++i) {
        // The segmenter splits "ten-year" in three; only a wildcard takes it.
        const bool compound = i + 2 <= left && Has(i + 1, kHyphen);
        size_t next_count = 0;
        for (size_t k = 0; k < count && next_count + 2 <= next_nodes.size(); ++k) {
          const uint32_t node = nodes[k];
          if (!compound && !IsActor(i) && s_[i].word != Vocabulary::kUnknown) {
            ForEachWordEdge(node, s_[i].word, [&](uint32_t next) {
              if (next_count + 1 < next_nodes.size()) next_nodes[next_count++] = next;
            });
          }
          if (coder_.nodes_[node].wildcard != 0) {
            next_nodes[next_count++] = coder_.nodes_[node].wildcard;
          }
        }
        // "An agreement on fishing was signed by": a complete object may
        // end the pattern's part of the subject, its modifier after it.
        if (i > first && Has(i, kPreposition) && !Has(i, kCompanion) && complete < 0) {
          for (size_t k = 0; k < count && complete < 0; ++k)
            complete = coder_.nodes_[nodes[k]].payload;
        }
        nodes = next_nodes;
        count = next_count;
        if (compound) i += 2;
      }
      // The agent may come first: "sent by Poland to Ukraine".
      const int first_agent = after < n ? AgentAfterBy(after) : -1;
      const bool agent_first = first_agent >= 0;
      const int rest = agent_first ? first_agent + 1 : after;  // where the pattern's words go on
      Match best;
      if (slot_target >= 0) {
        // The subject's actor is the pattern's TARGET, or the first actor
        // after a pattern that ends there ("break off relations with").
        size_t slots = 0;
        for (size_t k = 0; k < count; ++k) {
          const Node& node = coder_.nodes_[nodes[k]];
          if (node.slot != 0) nodes[slots++] = node.slot;
          if (node.payload >= 0 && best.entry < 0 &&
              coder_.entries_[node.payload].target_slot < 0) {
            best.entry = node.payload;
            best.end = rest;
          }
        }
        count = slots;
      }
      Walking walk{false, -1, best};
      for (size_t k = 0; k < count; ++k) {
        Walk(rest, nodes[k], Trail(), walk);
      }
      if (best.entry < 0 && slot_target < 0 && complete >= 0 &&
          coder_.entries_[complete].target_slot < 0) {
        best.entry = complete;
        best.end = rest;
      }
      if (best.entry < 0) {
        // "Aid sent by Turkey reached Somalia": as "Turkey sent aid to
        // Somalia", when the act reads so with "to".
        if (agent_first && after == verb + 1 && slot_target < 0 &&
            CodeArrival(verb, nodes.data(), count)) {
          return true;
        }
        continue;
      }
      // Else the agent is "by" and an actor group after the pattern, past
      // the target's phrase ("imposed on Iran by the EU").
      int agent = first_agent;
      for (int j = best.end; agent < 0 && j + 1 < n && j <= best.end + 4; ++j) {
        if (const int by = AgentAfterBy(j); by >= 0) {
          agent = by;
          break;
        }
        if (Has(j, kBoundary | kComma)) break;
      }
      if (agent < 0) continue;
      const Entry& entry = coder_.entries_[best.entry];
      int target = slot_target >= 0         ? slot_target
                   : entry.target_slot >= 0 ? SlotPosition(best, false)
                                            : FindTarget(best.end, Has(best.end - 1, kPreposition));
      if (target == agent) target = -1;
      if (target >= 0) {
        Emit(agent, target, entry.pattern, verb, best.end, 0.75);
      } else if (coder_.patterns_[entry.pattern].mutual) {
        EmitMutual(agent, entry.pattern, verb, best.end, 0.7);
      } else {
        continue;
      }
      subjects_[verb] = agent;
      return true;
    }
    return false;
  }

  // "Aid sent by Turkey reached Somalia": a participle at `verb` with its
  // agent after "by", then a verb of arrival and where. `nodes` are the
  // trie nodes the participle and the noun before it reach; an act that
  // continues there with "to" is the agent's toward where it arrived.
  bool CodeArrival(int verb, const uint32_t* nodes, size_t count) {
    const int n = static_cast<int>(s_.size());
    const int agent = verb + 2;
    int arrival = agent + 1;
    while (const int skip = arrival < n ? AdverbialAt(arrival) : 0) arrival += skip;
    if (arrival + 1 >= n || IsActor(arrival) || !IsOneOf(arrival, coder_.arrival_words_)) {
      return false;
    }
    // Where: the first actor of the phrase after the verb ("reached the
    // northern Syrian city of Aleppo", "reached flood victims in Pakistan").
    constexpr int kLongestPlacePhrase = 6;
    int where = arrival + 1;
    while (where < n && where - arrival <= kLongestPlacePhrase && !IsActor(where) &&
           !Has(where, kComma | kBoundary | kPunct | kAnd) && !LooksFinite(where)) {
      ++where;
    }
    if (where >= n || !IsActor(where) || where == agent) return false;
    for (size_t k = 0; k < count; ++k) {
      const uint32_t to = coder_.Child(nodes[k], coder_.word_to_);
      if (to == 0) continue;
      // "send aid to" ends there; "send aid to TARGET" goes on through a slot.
      int32_t entry = coder_.nodes_[to].payload;
      if (entry < 0 && coder_.nodes_[to].slot != 0) {
        entry = coder_.nodes_[coder_.nodes_[to].slot].payload;
      }
      if (entry < 0) continue;
      Emit(agent, where, coder_.entries_[entry].pattern, verb, verb + 1, 0.6);
      subjects_[verb] = agent;
      return true;
    }
    return false;
  }

  // Whether the act at `position` is one done by talking (a statement or a
  // consultation: "discuss", "express condolences"), which "called X to"
  // does on the call.
  bool SaidOnACall(int position) const {
    const Match match = Longest(position, false);
    if (match.entry < 0) return false;
    const std::string& code = coder_.patterns_[coder_.entries_[match.entry].pattern].code;
    return code.starts_with("01") || code.starts_with("04");
  }

  // The mood a governing verb gives the act after its "to".
  Mood GovernedMood(int governor) const {
    const uint64_t flags = Flags(governor);
    if (flags & kThreatGovernor) return kThreaten;
    if (flags & kRefuseGovernor) return kRefuse;
    if (flags & kDemandGovernor) return kDemand;
    if (flags & (kAppealGovernor)) return kAppeal;
    if (IsCallForm(governor)) return kAppeal;
    return kIntent;
  }

  bool HasMoodMatch(int position, Mood mood) const {
    const Match match = Longest(position, false);
    if (match.entry < 0) return false;
    return coder_.Derived(coder_.entries_[match.entry].pattern, mood) >= 0;
  }

  // "to the Ukrainian town of Avdiivka to investigate", "to Mozambique's
  // Cabo Delgado province to help": an inquiry (09) or help (07), matched
  // by `entry` after `purpose` (its "to"), sent to a place an actor names.
  // Returns the position of the "to" before the place, or -1.
  int DispatchedTo(int purpose, int32_t entry) const {
    const std::string_view root =
        std::string_view(coder_.patterns_[coder_.entries_[entry].pattern].code).substr(0, 2);
    if (root != "09" && root != "07") return -1;
    constexpr int kLongestPlace = 6;  // "the Chinese city of Wuhan on Thursday"
    for (int k = purpose - 1; k > 0 && purpose - k <= kLongestPlace; --k) {
      if (Has(k, kBoundary | kPunct | kComma) && !IsActor(k)) return -1;
      if (!IsActor(k)) continue;
      const int before = s_[k - 1].word == coder_.word_the_ && k > 1 ? k - 2 : k - 1;
      return !IsActor(before) && s_[before].word == coder_.word_to_ ? before : -1;
    }
    return -1;
  }

  // The subject of the verb that sends someone "to" at `to`: the first
  // finite verb before it, within its clause. -1 if none.
  int DispatchSubject(int to) const {
    for (int v = to - 1; v >= 0 && to - v <= 8; --v) {
      if (IsActor(v)) continue;
      if (Has(v, kBoundary | kPunct)) return -1;
      if (Has(v, kPatternHead) && Has(v, kPast | kThird)) {
        if (subjects_[v] >= 0) return subjects_[v];
        int intro = -1;
        return FindSubject(ContextBefore(v).left, v, &intro);
      }
    }
    return -1;
  }

  // "'s" or a lone apostrophe ("Honduras'").
  bool IsPossessiveMark(uint32_t word) const {
    return word != 0 && (word == coder_.word_possessive_ || word == coder_.word_apostrophe_);
  }

  // "the European Union's": an actor group ending in its owner's mark.
  bool EndsInPossessive(int group) const {
    return IsPossessiveMark(word_ids_[s_[group].end_token - 1 - base_]);
  }

  bool IsJoinForm(int i) const { return IsOneOf(i, coder_.join_forms_); }
  bool IsEnacting(int i) const { return IsOneOf(i, coder_.enacting_words_); }
  bool IsCallForm(int i) const { return IsOneOf(i, coder_.call_forms_); }

  const EventCoder& coder_;
  std::string_view text_;
  const Segmentation& segmentation_;
  const Sentence& sentence_;
  const std::vector<ActorMention>& actors_;
  int dated_ = -1;  // HasDateExpression for the sentence, once asked: 0 or 1
  // Complete before matching begins and never changed by it. A span's size
  // is one load, where a vector's is a subtraction and a division by the
  // symbol's size, and Walk asks for it at every step.
  const std::span<const Symbol> s_;
  std::vector<int32_t>& subjects_;
  const std::vector<uint32_t>& word_ids_;  // by token - base_
  const uint32_t base_;
  const RareWordsSeen rare_words_;  // which of the last passes can find their word
  std::vector<CodedEvent>& out_;
  size_t first_event_;          // this sentence's events are out_[first_event_, ...)
  int last_target_group_ = -1;  // the target of the last event emitted
};

// An event needs two actors: two mentions, or one standing for a pair ("the
// two countries").
static bool TwoActorsOrMore(const std::vector<ActorMention>& actors) {
  return actors.size() >= 2 || (actors.size() == 1 && actors[0].partner != kNoActor);
}

void EventCoder::CodeSentence(std::string_view text, const Segmentation& segmentation,
                              const Sentence& sentence, const std::vector<ActorMention>& actors,
                              CoderScratch& scratch, std::vector<CodedEvent>& out) const {
  if (!TwoActorsOrMore(actors)) return;  // before folding
  scratch.folded.Fold(text, segmentation, sentence.first_token, sentence.end_token);
  CodeSentence(text, segmentation, scratch.folded, sentence, actors, scratch, out);
}

void EventCoder::CodeSentence(std::string_view text, const Segmentation& segmentation,
                              const FoldedTokens& folded, const Sentence& sentence,
                              const std::vector<ActorMention>& actors, CoderScratch& scratch,
                              std::vector<CodedEvent>& out) const {
  if (!TwoActorsOrMore(actors)) return;
  const uint32_t base = sentence.first_token;
  const uint32_t end = sentence.end_token;
  // A question reports no event.
  {
    const Token& last = segmentation.tokens[end - 1];
    if (text.substr(last.begin, last.end - last.begin) == "?") return;
  }
  // Sized once and written by index: a push_back per word tested the
  // capacity every time.
  scratch.word_ids.resize(end - base);
  uint32_t* const word_ids = scratch.word_ids.data();
  if (const uint32_t* shared_ids = folded.IdsIn(vocabulary_)) {
    for (uint32_t i = base; i < end; ++i) word_ids[i - base] = shared_ids[folded.SharedId(i)];
  } else {
    for (uint32_t i = base; i < end; ++i) {
      word_ids[i - base] = vocabulary_.Find(folded.Word(i), folded.Hash(i));
    }
  }
  auto flags_of = [&](uint32_t id) { return WordFlags(id); };

  // Symbols: words, and actor groups ("Argentina, Brazil and Uruguay").
  // A symbol covers one token or more: the table has room for one per token
  // and is written through `used`. push_back, which this long function
  // called rather than inlined, was a call per word. It is never trimmed
  // (the sentence's symbols are the first `used`): trimmed, it built its
  // elements again for the next, longer sentence.
  if (scratch.symbols.size() < end - base) scratch.symbols.resize(end - base);
  // Through a pointer, as word_ids: through the vector, its data was loaded
  // again after each store to a symbol.
  CoderScratch::Symbol* const symbols = scratch.symbols.data();
  size_t used = 0;
  RareWordsSeen rare_words;
  auto back = [&]() -> CoderScratch::Symbol& { return symbols[used - 1]; };
  size_t next_actor = 0;
  // Asked at every token: the vector's size is a subtraction and a division.
  const size_t actor_count = actors.size();
  while (next_actor < actor_count && actors[next_actor].first_token < base) ++next_actor;
  auto is_actor = [&](size_t i) { return symbols[i].word == kActorSymbol; };
  // Joins the actor symbol at the back into the group `into` (an earlier symbol),
  // dropping the connectors between them.
  // "Russian diplomats and Iranian diplomats", "Russian, Iranian and
  // Chinese diplomats": a list whose last member's noun ends the others or
  // is theirs too keeps it, so "expel TARGET diplomats" matches the group.
  auto owned_noun = [&](const CoderScratch::Symbol& first, const CoderScratch::Symbol& last) {
    if (last.possessive == 0) return 0u;
    if (first.possessive == 0) return last.possessive;
    return word_ids[first.end_token - 1 - base] == word_ids[last.end_token - 1 - base]
               ? last.possessive
               : 0u;
  };
  auto join_back = [&](size_t into) {
    const CoderScratch::Symbol last = back();
    used = into + 1;
    symbols[into].end_actor = last.end_actor;
    symbols[into].end_token = last.end_token;
    symbols[into].possessive = owned_noun(symbols[into], last);
    symbols[into].flags = last.flags;  // the last member stands before what follows
  };
  for (uint32_t i = base; i < end;) {
    // "the North Atlantic Treaty Organization (NATO)": the bracketed acronym
    // of the actor just named is part of its name.
    if (used > 0 && is_actor(used - 1) && next_actor < actor_count &&
        actors[next_actor].first_token == i + 1 && actors[next_actor].end_token + 1 <= end &&
        segmentation.tokens[i].kind == TokenKind::kPunct &&
        text.substr(segmentation.tokens[i].begin, 1) == "(" &&
        text.substr(segmentation.tokens[actors[next_actor].end_token].begin, 1) == ")" &&
        actors[next_actor].actor == actors[back().end_actor - 1].actor &&
        back().end_actor == back().first_actor + 1) {
      back().end_token = actors[next_actor].end_token + 1;
      i = actors[next_actor].end_token + 1;
      ++next_actor;
      continue;
    }
    if (next_actor < actor_count && actors[next_actor].first_token == i) {
      const ActorMention& mention = actors[next_actor];
      CoderScratch::Symbol symbol;
      symbol.word = kActorSymbol;
      symbol.first_token = i;
      symbol.end_token = std::max(mention.end_token, i + 1);
      symbol.first_actor = static_cast<uint32_t>(next_actor);
      symbol.end_actor = symbol.first_actor + 1;
      for (uint32_t t = i + 1; t + 1 < symbol.end_token; ++t) {
        if (word_ids[t - base] == word_possessive_ && word_possessive_ != 0) {
          symbol.possessive = t;
        }
      }
      // "Venezuelan diplomats": the sector noun may continue a pattern
      // ("expel TARGET diplomats").
      if (symbol.possessive == 0 && symbol.end_token - i >= 2) {
        symbol.possessive = symbol.end_token - 1;
      }
      {
        const Token& last = segmentation.tokens[symbol.end_token - 1];
        const std::string_view word = text.substr(last.begin, last.end - last.begin);
        if (last.kind != TokenKind::kPunct && word.size() >= 3 && word.back() == 's' &&
            word[word.size() - 2] != '\'') {
          symbol.flags |= kBareS;
        }
      }
      // "used captured Yemeni civilians", "to free jailed opposition
      // leaders": a participle between a verb and an actor is the actor's
      // adjective, unless a pattern of that verb has it as its own next
      // word ("flew wounded Palestinians to Doha", "pardoned jailed
      // activists").
      // (The trie is asked last: the flags turn almost every pair away.)
      if (used >= 2 && !is_actor(used - 1) && !is_actor(used - 2) && (back().flags & kParticiple) &&
          (symbols[used - 2].flags & (kFiniteForms | kBase | kGerund)) &&
          !(symbols[used - 2].flags & (kBe | kHave | kDo | kModal | kFuture | kPunct | kComma |
                                       kAnd | kRelative | kPronoun)) &&
          Child(Child(0, symbols[used - 2].word), back().word) == 0) {
        symbol.first_token = back().first_token;
        --used;
      }
      // "the United States": the article belongs to the name, as does the
      // owner of "his government" (actors/actors.h).
      if (used > 0 && back().word != Vocabulary::kUnknown &&
          (back().word == word_the_ || back().word == word_both_ ||
           (!is_actor(used - 1) && (back().flags & kOwner)))) {
        symbol.first_token = back().first_token;
        --used;
      }
      ++next_actor;
      i = symbol.end_token;
      symbols[used++] = symbol;

      // Coordination: "A and B", "A, B and C", "A, B, and C".
      const size_t count = used;
      size_t first = count;  // the earlier member joined with "and"
      if (count >= 3 && (symbols[count - 2].flags & kAnd) && is_actor(count - 3)) {
        first = count - 3;
      } else if (count >= 4 && (symbols[count - 2].flags & kAnd) &&
                 (symbols[count - 3].flags & kComma) && is_actor(count - 4)) {
        first = count - 4;
      } else if (count >= 5 && symbols[count - 4].word == word_as_ &&
                 symbols[count - 3].word == word_well_ && symbols[count - 2].word == word_as_ &&
                 word_as_ != 0 && is_actor(count - 5)) {
        first = count - 5;  // "Japan as well as South Korea"
      }
      if (first == count) continue;
      // Earlier members joined by commas, unless a place ("in Caracas, ...")
      // or a source ("According to the Kremlin, A and B signed"): a list
      // after any other preposition is its object ("recalled its
      // ambassadors to Ireland, Norway and Spain").
      const bool verb_follows = i < end && (flags_of(word_ids[i - base]) & kFiniteForms) != 0;
      const uint64_t opens_phrase = verb_follows ? kPreposition : kLocative;
      size_t head = first;
      while (head >= 2 && (symbols[head - 1].flags & kComma) && is_actor(head - 2)) head -= 2;
      while (head < first && head > 0 && (symbols[head - 1].flags & opens_phrase)) head += 2;
      // "X condemned A and B signed ...": B is the next clause's subject
      // when a finite verb follows it and A is an object. Not so after
      // "between" (a pair), nor when the sentence opens "(The)
      // representatives of|from A and B met": one subject.
      if (i < end) {
        const uint64_t next_flags = flags_of(word_ids[i - base]);
        const uint32_t before_group = symbols[head].first_token;
        // "condemned Russian and Belarusian exercises near the border": a
        // present form before a preposition or the end is a plural noun.
        const bool plural_noun =
            (next_flags & kThird) && !(next_flags & kPast) &&
            (i + 1 >= end ||
             (flags_of(word_ids[i + 1 - base]) & (kPreposition | kComma | kBoundary)) ||
             segmentation.tokens[i + 1].kind == TokenKind::kPunct);
        if ((next_flags & kFiniteForms) && (next_flags & (kPatternHead | kSpeech)) &&
            !plural_noun && before_group > base &&
            (flags_of(scratch.word_ids[before_group - 1 - base]) & (kPatternHead | kPreposition)) &&
            !(first == count - 3 && symbols[first].end_actor - symbols[first].first_actor == 1 &&
              word_ids[before_group - 1 - base] == word_between_) &&
            !OpensWithMembersOf(scratch.word_ids, before_group - base)) {
          continue;
        }
      }
      join_back(first);
      if (head < first) {
        // symbols[head], ",", symbols[head + 2], ..., symbols[first]: one group.
        const CoderScratch::Symbol last = symbols[first];
        used = head + 1;
        symbols[head].end_actor = last.end_actor;
        symbols[head].end_token = last.end_token;
        symbols[head].possessive = owned_noun(symbols[head], last);
        symbols[head].flags = last.flags;
      }
      continue;
    }
    const uint32_t id = word_ids[i - base];
    // "re-established ties": the prefix repeats the act, whose patterns
    // are written once, for the verb itself.
    if (id == word_re_ && id != 0 && i + 2 < end && (flags_of(word_ids[i + 1 - base]) & kHyphen) &&
        (flags_of(word_ids[i + 2 - base]) & kPatternHead) &&
        !(next_actor < actor_count && actors[next_actor].first_token <= i + 2)) {
      i += 2;
      continue;
    }
    uint64_t flags = flags_of(id);
    const Token& token = segmentation.tokens[i];
    if (token.kind == TokenKind::kPunct) flags |= kPunct;
    // Words ending in -ly are adverbs ("officially", "strongly"), unless
    // a pattern starts with them ("supply", "rally").
    if (token.end - token.begin > 4 && text[token.end - 2] == 'l' && text[token.end - 1] == 'y' &&
        !(flags & kPatternHead)) {
      flags |= kAdverb | kLyAdverb;
    }
    // Written in place: a symbol built aside was copied in, at every word.
    symbols[used++] = {.word = id, .flags = flags, .first_token = i, .end_token = i + 1};
    // Only word symbols hold these words and flags (an actor group's word
    // is kActorSymbol, its flags kBareS at most), and no symbol changes
    // after this loop, so what is not seen here is in no symbol.
    rare_words.jointly |= id == word_jointly_;
    rare_words.together |= id == word_together_;
    rare_words.as |= id == word_as_;
    rare_words.called |= id == call_forms_[2];
    rare_words.flags |= flags;
    ++i;
  }

  Matcher matcher(*this, text, segmentation, sentence, actors, scratch, used, base, rare_words,
                  out);
  matcher.Run();
}

}  // namespace dyad
