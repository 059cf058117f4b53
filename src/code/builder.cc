// code/builder.cc: the dictionary files compiled into the coder's patterns,
// their expansions and the trie the matcher walks (code.h says what each file
// holds).
#include <algorithm>
#include <cassert>
#include <span>
#include <unordered_map>

#include "base/text_file.h"
#include "code/code.h"
#include "code/inflection.h"
#include "code/word_flags.h"

namespace dyad {

using namespace code_internal;

class EventCoder::Builder {
 public:
  explicit Builder(EventCoder& coder) : coder_(coder) {
    // The shipped dictionaries make some 520k nodes and edges and 250k
    // entries: room reserved once spares the copies of growing by doubling
    // (pages not written to take no memory).
    trie_.reserve(1u << 20);
    built_edges_.reserve(1u << 20);
    coder_.entries_.reserve(1u << 18);
    trie_.emplace_back();
  }

  // Calls `read(line, fields)` for each line of the dictionary at `path`,
  // its fields split at tabs. The first error stops the reading.
  template <typename Read>
  static Status ForEachLine(const std::string& path, Read&& read) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      Status status = read(line, SplitAndTrim(line.text, '\t'));
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  Status LoadIrregular(const std::string& path) {
    return ForEachLine(path, [&](const DictionaryLine& line, const auto& fields) -> Status {
      if (fields.size() != 3) {
        return Status::InvalidInput(path + ":" + std::to_string(line.number) +
                                    ": expected lemma<TAB>past<TAB>participle");
      }
      irregular_[std::string(fields[0])] = {std::string(fields[1]), std::string(fields[2])};
      return Status::Ok();
    });
  }

  // nominals.tsv: noun<TAB>lemma ("expulsion<TAB>expel"): the noun of an
  // act, whose verb patterns it takes as noun patterns (AddNominals).
  Status LoadNominals(const std::string& path) {
    return ForEachLine(path, [&](const DictionaryLine& line, const auto& fields) -> Status {
      if (fields.size() != 2 || fields[0].empty() || fields[1].empty() ||
          fields[0].find(' ') != std::string_view::npos ||
          fields[1].find(' ') != std::string_view::npos) {
        return Status::InvalidInput(path + ":" + std::to_string(line.number) +
                                    ": expected noun<TAB>lemma, one word each");
      }
      nominals_[std::string(fields[1])].emplace_back(fields[0]);
      return Status::Ok();
    });
  }

  // word_classes.tsv: CLASS<TAB>word word ...; a class may take several lines.
  Status LoadWordClasses(const std::string& path) {
    return ForEachLine(path, [&](const DictionaryLine& line, const auto& fields) -> Status {
      const std::string where = path + ":" + std::to_string(line.number);
      if (fields.size() != 2 || fields[0].empty() || fields[1].empty()) {
        return Status::InvalidInput(where + ": expected CLASS<TAB>word word ...");
      }
      auto [found, added] = classes_.emplace(std::string(fields[0]), classes_.size());
      if (added && classes_.size() > kMaxWordClasses) {
        return Status::InvalidInput(where + ": more than " + std::to_string(kMaxWordClasses) +
                                    " word classes");
      }
      const uint32_t bit = 1u << found->second;
      for (std::string_view rest = fields[1]; !rest.empty();) {
        const size_t space = rest.find(' ');
        const std::string_view word = rest.substr(0, space);
        if (!word.empty()) word_classes_[coder_.vocabulary_.Intern(Folded(word))] |= bit;
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
      return Status::Ok();
    });
  }

  // verbs.tsv (verb = true) and nouns.tsv:
  // CODE<TAB>pattern[<TAB>mutual|reversed|crowd|together]
  Status LoadPatterns(const std::string& path, bool verb) {
    return ForEachLine(path, [&](const DictionaryLine& line, const auto& fields) -> Status {
      // Spelled out only for a message: built for each of thousands of lines,
      // it was an allocation per line at start-up.
      auto where = [&] { return path + ":" + std::to_string(line.number); };
      if (fields.size() < 2 || fields.size() > 3 ||
          (fields.size() == 3 && fields[2] != "mutual" && fields[2] != "reversed" &&
           fields[2] != "crowd" && fields[2] != "together")) {
        return Status::InvalidInput(
            where() + ": expected CODE<TAB>pattern[<TAB>mutual|reversed|crowd|together]");
      }
      const std::string_view code = fields[0];
      if (!IsCode(code)) {
        return Status::InvalidInput(where() + ": '" + std::string(code) +
                                    "' is not a CAMEO code (2 to 4 digits)");
      }
      const std::string_view flag = fields.size() == 3 ? fields[2] : std::string_view();
      Status status = AddPattern(code, fields[1], line.number, verb, flag);
      if (status.ok() && verb && flag.empty()) {
        status = AddNominals(code, fields[1], line.number);
      }
      return status.ok() ? status : status.WithContext(where());
    });
  }

  // The noun patterns of a verb pattern whose verb has a noun in
  // nominals.tsv: "expel TARGET's diplomats" (161) gives "SOURCE's expulsion
  // of TARGET's diplomats", "expulsion of TARGET's diplomats by SOURCE",
  // "expulsion by SOURCE of TARGET's diplomats" and "SOURCE expulsion of
  // ..." ("the Russian expulsion of"). What follows the verb must name the
  // target: a TARGET slot, nothing (then "of [*] [*] TARGET") or a final
  // preposition ("suspend aid to" gives "suspension of aid to TARGET").
  Status AddNominals(std::string_view code, std::string_view text, int line) {
    const size_t space = text.find(' ');
    const std::string_view head = text.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    static constexpr std::string_view kPrepositions[] = {
        "to", "with", "on", "against", "from", "for", "into", "at", "of", "in", "over", "between"};
    auto is_preposition = [](std::string_view word) {
      return std::find(std::begin(kPrepositions), std::end(kPrepositions), word) !=
             std::end(kPrepositions);
    };
    // "mediate between" gives "mediation between", not "mediation of between".
    const std::string_view first_word = rest.substr(0, rest.find(' '));
    const std::string link = is_preposition(first_word) && first_word != "of" ? " " : " of ";
    std::string object, object_before_by;
    if (rest.empty()) {
      object = "[*] [*] TARGET";
      // "the arrest of two Chinese nationals by": a noun may follow.
      object_before_by = object + " [*]";
    } else if (rest.find("TARGET") != std::string_view::npos) {
      object = std::string(rest);
    } else {
      const size_t last = rest.rfind(' ');
      const std::string_view final_word =
          last == std::string_view::npos ? rest : rest.substr(last + 1);
      if (!is_preposition(final_word)) return Status::Ok();
      object = std::string(rest) + " TARGET";
    }
    if (object.find("SOURCE") != std::string::npos) return Status::Ok();
    if (object_before_by.empty()) object_before_by = object;
    for (size_t begin = 0; begin <= head.size();) {
      const size_t bar = std::min(head.find('|', begin), head.size());
      const auto found = nominals_.find(std::string(head.substr(begin, bar - begin)));
      begin = bar + 1;
      if (found == nominals_.end()) continue;
      for (const std::string& noun : found->second) {
        for (const std::string& pattern :
             {"SOURCE's " + noun + link + object, noun + link + object_before_by + " by SOURCE",
              noun + " by SOURCE" + link + object, "SOURCE " + noun + link + object}) {
          Status status = AddPattern(code, pattern, line, false, {});
          if (!status.ok()) return status.WithContext("'" + pattern + "', the noun of the verb");
        }
      }
    }
    return Status::Ok();
  }

  // moods.tsv: ACT<TAB>intent<TAB>appeal<TAB>demand<TAB>refuse<TAB>threaten,
  // "-" where the act has no code in that mood.
  Status LoadMoods(const std::string& path) {
    return ForEachLine(path, [&](const DictionaryLine& line, const auto& fields) -> Status {
      const std::string where = path + ":" + std::to_string(line.number);
      if (fields.size() != kMoodCount || !IsCode(fields[0])) {
        return Status::InvalidInput(
            where + ": expected ACT<TAB>intent<TAB>appeal<TAB>demand<TAB>refuse<TAB>threaten");
      }
      MoodRow row;
      row.line = line.number;
      for (int mood = 1; mood < kMoodCount; ++mood) {
        if (fields[mood] == "-") continue;
        if (!IsCode(fields[mood])) {
          return Status::InvalidInput(where + ": '" + std::string(fields[mood]) +
                                      "' is not a CAMEO code or '-'");
        }
        row.codes[mood] = std::string(fields[mood]);
      }
      moods_[std::string(fields[0])] = row;
      return Status::Ok();
    });
  }

  // Words the grammar looks at, with what it knows of them.
  void AddGrammarWords() {
    auto mark = [&](std::initializer_list<std::string_view> words, uint64_t flags) {
      for (std::string_view word : words) Flag(word, flags);
    };
    auto mark_verbs = [&](std::initializer_list<std::string_view> lemmas, uint64_t flags) {
      for (std::string_view lemma : lemmas) {
        for (const std::string& form : Inflect(std::string(lemma))) Flag(form, flags);
      }
    };
    mark({"not", "n't", "never", "no", "neither", "nor"}, kNegator);
    mark({"could", "would", "may", "might", "should", "can", "must", "ought", "'d"}, kModal);
    mark({"will", "shall", "'ll"}, kFuture);
    mark({"is", "was", "were", "been", "being", "are", "be", "'s", "'re", "am"}, kBe);
    mark({"has", "had", "have", "having", "'ve"}, kHave);
    mark({"did", "does", "do"}, kDo);
    mark({"to"}, kTo);
    mark({"by"}, kBy);
    mark({"and", "or", "&"}, kAnd);
    mark({","}, kComma | kPunct);
    mark({"the",     "a",     "an",     "its",   "their", "his",     "her",        "our",  "your",
          "my",      "this",  "these",  "those", "new",   "further", "fresh",      "any",  "some",
          "several", "'s",    "'",      "such",  "of",    "for",     "additional", "more", "recent",
          "latest",  "first", "second", "every", "each",  "no"},
         kDeterminer);
    mark({"of",    "from",    "in",    "at",     "on",      "with",   "to",    "for",    "against",
          "by",    "near",    "into",  "inside", "outside", "across", "over",  "toward", "towards",
          "about", "between", "among", "during", "within",  "upon",   "under", "without"},
         kPreposition);
    mark({"in", "at", "near", "inside", "outside", "across", "within", "during", "throughout"},
         kLocative);
    mark({"sidelines", "sideline", "margins", "margin", "fringes"}, kVenue);
    mark({"that",    "which",     "who",     "whom",    "whose",    "where",  "when",  "while",
          "whereas", "after",     "before",  "because", "although", "though", "since", "as",
          "if",      "unless",    "whether", "but",     "until",    "once",   "so",    "amid",
          "despite", "following", ";",       ":",       "\"",       "“",      "”",     "(",
          ")",       "—",         "–",       "--",      "?",        "!",      "[",     "]"},
         kBoundary);
    mark({";", ":", "\"", "“", "”", "(", ")", "—", "–", "--", "?", "!", ".", "[", "]", "'"},
         kPunct);
    mark({"which", "who", "whom", "whose", "that"}, kRelative);
    mark({"if", "unless", "whether", "lest"}, kConditional);
    mark({"after", "as", "amid", "amidst", "following", "aimed", "warning", "signal", "message",
          "fearing", "against", "citing", "response", "retaliation", "reply"},
         kProvocation);
    mark({"it", "they", "he", "she"}, kPronoun);
    mark_verbs({"warn"}, kWarn);
    mark_verbs({"begin", "start", "continue", "resume", "keep"}, kAspect);
    // "responded by expelling two diplomats": "by" gives the means, an act
    // of the clause's subject, as "after" gives a prior one.
    mark({"after", "following", "before", "while", "upon", "during", "by"}, kTemporal);
    for (const auto& [lemma, forms] : irregular_) Flag(forms.first, kIrregularPast);
    mark({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
          "today", "tonight"},
         kDayWord);
    mark({"week", "month", "year", "weekend"}, kPeriodWord);
    mark({"last", "this", "next"}, kDeictic);
    mark({"cancelled", "canceled", "postponed", "scrapped", "shelved", "delayed"}, kCalledOff);
    mark({"current", "ongoing", "latest", "new", "fresh", "recent", "upcoming", "today's"}, kNews);
    mark({"after", "following", "before", "since", "amid", "amidst", "despite"}, kPresupposing);
    mark_verbs({"say",    "tell",    "state",   "announce", "add",       "declare",   "claim",
                "note",   "report",  "explain", "stress",   "emphasize", "emphasise", "argue",
                "assert", "confirm", "reveal",  "write",    "tweet",     "insist",    "believe",
                "think",  "hope",    "know",    "suggest",  "indicate"},
               kSpeech);
    mark({"yet"}, kAdverb);
    mark({"resume", "resumed", "resumes", "began", "begin", "begins", "started", "opened",
          "continued", "concluded", "ended", "held", "convened", "reconvened"},
         kOccurrence);
    mark({"also",        "again",      "already",     "still",      "just",       "now",
          "then",        "reportedly", "formally",    "officially", "previously", "subsequently",
          "later",       "recently",   "once",        "jointly",    "firmly",     "repeatedly",
          "even",        "yesterday",  "today",       "publicly",   "strongly",   "openly",
          "immediately", "finally",    "effectively", "allegedly",  "apparently", "twice",
          "swiftly",     "quickly",    "sharply",     "harshly",    "last",       "week",
          "month",       "year",       "on",          "monday",     "tuesday",    "wednesday",
          "thursday",    "friday",     "saturday",    "sunday",     "ever",       "long"},
         kAdverb);
    mark({"risk",        "risks",     "threat",       "threats",  "fear",      "fears",   "feared",
          "possibility", "possible",  "potential",    "prospect", "prospects", "danger",  "dangers",
          "warned",      "warn",      "warns",        "warning",  "warnings",  "could",   "would",
          "may",         "might",     "if",           "any",      "no",        "not",     "avoid",
          "prevent",     "prevented", "averted",      "avert",    "fake",      "false",   "alleged",
          "rumoured",    "rumored",   "hypothetical", "planned",  "proposed",  "possible"},
         kRisk);
    mark_verbs({"plan",  "intend",  "aim",     "promise",   "pledge", "vow",      "agree",
                "offer", "propose", "prepare", "want",      "seek",   "decide",   "expect",
                "hope",  "wish",    "resolve", "undertake", "commit", "volunteer"},
               kIntentGovernor);
    // A hostile act vowed is a threat, where one planned is no event.
    mark_verbs({"vow", "pledge", "promise", "swear"}, kCommissive);
    mark_verbs({"swear"}, kIntentGovernor);
    mark_verbs({"hesitate"}, kHesitate);
    mark_verbs({"prompt", "force", "spur", "push"}, kPrompt);
    mark({"ready", "willing", "prepared", "eager", "going", "poised", "set", "scheduled", "due",
          "keen", "determined"},
         kIntentGovernor);
    // "expressed his willingness to cooperate with China": the noun of an
    // intention governs the act as its adjective does.
    mark(
        {"willingness", "readiness", "intention", "intent", "determination", "eagerness", "desire"},
        kIntentGovernor);
    mark_verbs({"refuse", "decline"}, kRefuseGovernor);
    mark({"unwilling", "reluctant"}, kRefuseGovernor);
    mark_verbs({"threaten"}, kThreatGovernor);
    mark_verbs({"urge", "ask", "press", "encourage", "invite", "appeal", "request", "implore",
                "exhort", "beg", "pressure", "pressed"},
               kAppealGovernor);
    mark_verbs({"demand", "insist", "order", "require"}, kDemandGovernor);
    // "hoped that Brussels would release the funds": a wish, not an intent.
    mark_verbs({"deny", "dismiss", "refute", "warn", "fear", "doubt", "question", "wonder",
                "speculate", "rumor", "rumour", "allege", "hope"},
               kSuppress);
    mark({"claims", "allegations", "rumors",  "rumours",  "speculation", "reports",     "false",
          "untrue", "hope",        "hopes",   "baseless", "unfounded",   "denial",      "denials",
          "fears",  "risk",        "concern", "concerns", "worried",     "possibility", "whether"},
         kSuppress);
    mark_verbs({"call"}, 0);
    mark({"on", "upon", "both", "the", "that", "to", "each", "other", "one", "another", "of",
          "from", "re", "principle", "as", "well"},
         0);
    EventCoder& c = coder_;
    c.word_the_ = c.vocabulary_.Find("the");
    c.word_both_ = c.vocabulary_.Find("both");
    c.word_that_ = c.vocabulary_.Find("that");
    c.word_on_ = c.vocabulary_.Find("on");
    c.word_upon_ = c.vocabulary_.Find("upon");
    c.word_to_ = c.vocabulary_.Find("to");
    c.word_possessive_ = c.vocabulary_.Find("'s");
    c.word_apostrophe_ = c.vocabulary_.Find("'");
    c.word_they_ = c.vocabulary_.Find("they");
    c.word_each_ = c.vocabulary_.Find("each");
    c.word_other_ = c.vocabulary_.Find("other");
    c.word_one_ = c.vocabulary_.Find("one");
    c.word_another_ = c.vocabulary_.Find("another");
    c.word_would_ = c.vocabulary_.Find("would");
    c.word_but_ = c.vocabulary_.Find("but");
    c.word_of_ = c.vocabulary_.Find("of");
    c.word_from_ = c.vocabulary_.Find("from");
    c.word_between_ = c.vocabulary_.Find("between");
    c.word_re_ = c.vocabulary_.Find("re");
    c.word_for_ = c.vocabulary_.Find("for");
    c.word_a_ = c.vocabulary_.Find("a");
    c.word_an_ = c.vocabulary_.Find("an");
    c.word_it_ = c.vocabulary_.Intern("it");
    c.word_short_ = c.vocabulary_.Intern("short");
    c.word_any_ = c.vocabulary_.Intern("any");
    c.word_including_ = c.vocabulary_.Intern("including");
    c.word_having_ = c.vocabulary_.Intern("having");
    c.word_off_ = c.vocabulary_.Intern("off");
    c.word_in_ = c.vocabulary_.Intern("in");
    const char* quotes[] = {"\"", "“", "”"};
    for (int i = 0; i < 3; ++i) c.quote_words_[i] = c.vocabulary_.Find(quotes[i]);
    const char* call_forms[] = {"call", "calls", "called", "calling"};
    for (int i = 0; i < 4; ++i) c.call_forms_[i] = c.vocabulary_.Find(call_forms[i]);
    c.word_principle_ = c.vocabulary_.Find("principle");
    auto intern = [&](std::initializer_list<std::string_view> words, std::span<uint32_t> ids) {
      assert(words.size() == ids.size());
      std::transform(words.begin(), words.end(), ids.begin(),
                     [&](std::string_view word) { return c.vocabulary_.Intern(word); });
    };
    intern({"join", "joins", "joined", "joining"}, c.join_forms_);
    intern({"him", "her"}, c.person_pronouns_);
    intern({"he", "she"}, c.person_subjects_);
    intern({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
            "several"},
           c.count_words_);
    intern({"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "ago", "earlier", "recently", "previously", "since",
            "during"},
           c.time_words_);
    intern({"offer", "proposal", "request", "invitation", "overture", "plan", "demand", "demands",
            "call", "appeal", "ultimatum", "proposals"},
           c.proposal_words_);
    intern({"express", "expressed", "expresses", "voiced", "voices", "signalled", "signaled",
            "signals", "reaffirmed", "reaffirms", "reiterated", "reiterates", "confirmed",
            "confirms", "stressed", "stresses", "underlined", "underlines"},
           c.voicing_verbs_);
    intern({"president", "minister",    "premier",     "leader",    "king",       "queen",
            "emir",      "sultan",      "prince",      "envoy",     "ambassador", "chancellor",
            "spokesman", "spokeswoman", "counterpart", "secretary", "general",    "commander",
            "chief",     "mayor",       "governor",    "pope",      "monarch",    "diplomat"},
           c.person_nouns_);
    c.word_as_ = c.vocabulary_.Find("as");
    c.word_well_ = c.vocabulary_.Find("well");
    intern({"voted", "votes", "chose", "chosen", "chooses", "opted", "opts", "moved"},
           c.enacting_words_);
    intern({"brokered", "hosted", "mediated", "sponsored", "facilitated", "auspices"},
           c.mediation_words_);
    intern({"about", "regarding", "concerning", "citing"}, c.topic_words_);
    intern({"killing", "wounding", "injuring", "maiming"}, c.toll_words_);
    intern({"dealt", "crushed", "punished", "repelled", "confronted", "smashed"}, c.answer_words_);
    intern({"met", "answered"}, c.met_words_);
    intern({"force", "response", "retaliation", "reprisals", "resistance", "firmness"},
           c.force_answers_);
    intern({"troops", "soldiers", "forces", "peacekeepers", "contingent"}, c.troop_words_);
    intern({"ministry", "government", "authorities", "officials", "office", "presidency",
            "prosecutors", "judges", "investigators"},
           c.office_words_);
    intern({"massacre", "massacres"}, c.massacre_words_);
    intern({"sanctions", "tariffs", "duties", "embargo", "embargoes", "levies", "talks",
            "negotiations"},
           c.measure_words_);
    c.word_jointly_ = c.vocabulary_.Intern("jointly");
    c.word_together_ = c.vocabulary_.Intern("together");
    c.word_with_ = c.vocabulary_.Intern("with");
    c.word_at_ = c.vocabulary_.Intern("at");
    intern({"that", "which", "who"}, c.subject_relatives_);
    intern({"its", "his", "her", "their"}, c.possessive_words_);
    intern({"reached", "reaches", "arrived", "arrives", "landed", "lands", "docked", "docks"},
           c.arrival_words_);
    intern({"eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
            "southeastern", "southwestern"},
           c.region_words_);
    mark({"through", "across"}, kPassage);
    mark({"with", "between"}, kCompanion);
    mark({"-"}, kHyphen);
    mark({"all", "remaining"}, kQuantifier);
    mark({"since"}, kSince);
    mark({"demand", "demanding", "against", "protest", "protesting", "denounce", "denouncing",
          "oppose", "opposing", "press", "pressure", "pressing", "urging"},
         kProtestAim);
    mark({"him", "her", "them"}, kObjectPronoun);
    mark({"his", "her", "its", "their"}, kOwner);
    mark({"hundred", "hundreds", "thousand", "thousands", "million", "millions"}, kLargeCount);
    mark({"civilians", "people", "residents", "villagers", "citizens", "refugees", "inhabitants",
          "protesters", "demonstrators"},
         kCivilians);
    mark({"protect", "help", "lead", "support", "secure", "guard", "restore", "reinforce",
          "bolster", "assist", "train", "defend"},
         kProtective);
    mark({"protesters", "protestors",  "demonstrators", "students", "workers",  "activists",
          "supporters", "crowds",      "crowd",         "marchers", "farmers",  "teachers",
          "unions",     "strikers",    "opposition",    "people",   "citizens", "civilians",
          "residents",  "villagers",   "youths",        "truckers", "miners",   "doctors",
          "nurses",     "employees",   "pensioners",    "women",    "drivers",  "fishermen",
          "traders",    "shopkeepers", "merchants",     "peasants", "lawyers",  "unionists",
          "medics"},
         kCrowd);
    mark({"protesters", "protestors", "demonstrators", "marchers", "strikers", "rioters",
          "supporters", "crowds", "crowd"},
         kProtesters);
    // The first verb pattern of a code, which the grammar recodes events to.
    auto first_verb_pattern = [&](std::string_view code) {
      for (size_t i = 0; i < c.patterns_.size(); ++i) {
        if (c.patterns_[i].kind == PatternKind::kVerb && c.patterns_[i].code == code) {
          return static_cast<int32_t>(i);
        }
      }
      return int32_t{-1};
    };
    c.mass_killing_pattern_ = first_verb_pattern("202");
    c.mass_expulsion_pattern_ = first_verb_pattern("201");
    c.peacekeeping_pattern_ = first_verb_pattern("074");
    c.troops_received_pattern_ = first_verb_pattern("0861");
    c.endorsement_pattern_ = first_verb_pattern("051");
    c.repression_pattern_ = first_verb_pattern("175");
    c.intent_pattern_ = first_verb_pattern("030");
    c.threat_pattern_ = first_verb_pattern("130");
    c.mediation_pattern_ = first_verb_pattern("045");
    c.cooperation_pattern_ = first_verb_pattern("060");
  }

  Status Compile() {
    // Derived patterns: each verb pattern read in each mood.
    const size_t verb_patterns = coder_.patterns_.size();
    coder_.derived_.assign(verb_patterns * kMoodCount, -1);
    for (size_t p = 0; p < verb_patterns; ++p) {
      const VerbPattern pattern = coder_.patterns_[p];
      if (pattern.kind != PatternKind::kVerb) continue;
      const MoodRow* row = nullptr;
      for (size_t length = pattern.code.size(); length >= 2 && row == nullptr; --length) {
        auto found = moods_.find(pattern.code.substr(0, length));
        if (found != moods_.end()) row = &found->second;
      }
      if (row == nullptr) continue;
      for (int mood = 1; mood < kMoodCount; ++mood) {
        if (row->codes[mood].empty()) continue;
        coder_.derived_[p * kMoodCount + mood] = static_cast<int32_t>(coder_.patterns_.size());
        coder_.patterns_.push_back({row->codes[mood], pattern.text, row->line,
                                    PatternKind::kDerived, false, pattern.reversed, pattern.crowd});
      }
    }
    coder_.derived_.resize(coder_.patterns_.size() * kMoodCount, -1);

    // The trie, flattened: each node's edges together (a counting sort by
    // node), sorted by word for binary search.
    const uint32_t root_list = coder_.nodes_[0].first_edge;  // the root's class edges
    // Each node's edge_count is its list's length already; the root's edges
    // by word id, in no list, are added to its count.
    for (const uint32_t edge : root_edges_) coder_.nodes_[0].edge_count += edge != 0 ? 1 : 0;
    uint32_t first_edge = 0;
    for (Node& node : coder_.nodes_) {
      node.first_edge = first_edge;
      first_edge += node.edge_count;
      node.edge_count = 0;  // counts again as the edges are placed
    }
    assert(first_edge == built_edges_.size());  // every edge counted once
    coder_.edges_.resize(first_edge);
    for (const BuiltEdge& edge : built_edges_) {
      Node& node = coder_.nodes_[edge.node];
      coder_.edges_[node.first_edge + node.edge_count++] = {edge.word, edge.child};
      node.word_bits |= WordBit(edge.word);
    }
    // The root's thousands of edges by word id come sorted from root_edges_,
    // before its word classes' (whose ids are the largest).
    {
      const Node& root = coder_.nodes_[0];
      Edge* const edges = coder_.edges_.data() + root.first_edge;
      uint32_t placed = 0;
      for (uint32_t word = 0; word < root_edges_.size(); ++word) {
        if (root_edges_[word] != 0)
          edges[placed++] = {word, built_edges_[root_edges_[word] - 1].child};
      }
      const uint32_t by_id = placed;
      for (uint32_t e = root_list; e != 0; e = built_edges_[e - 1].previous) {
        edges[placed++] = {built_edges_[e - 1].word, built_edges_[e - 1].child};
      }
      std::sort(edges + by_id, edges + placed,
                [](const Edge& a, const Edge& b) { return a.word < b.word; });
    }
    // The nodes of more than kWideNodeEdges edges are noted on the way, for
    // BuildWideEdges, which spares it two passes over half a million nodes.
    std::vector<uint32_t> wide_nodes;
    for (uint32_t id = 1; id < coder_.nodes_.size(); ++id) {
      const Node& node = coder_.nodes_[id];
      if (node.edge_count < 2) continue;
      if (node.edge_count > kWideNodeEdges) wide_nodes.push_back(id);
      Edge* const edges = coder_.edges_.data() + node.first_edge;
      if (node.edge_count > 16) {
        std::sort(edges, edges + node.edge_count,
                  [](const Edge& a, const Edge& b) { return a.word < b.word; });
        continue;
      }
      // Most nodes have two or three edges, for which std::sort's set-up
      // cost more than the sorting.
      for (uint32_t i = 1; i < node.edge_count; ++i) {
        const Edge edge = edges[i];
        uint32_t j = i;
        for (; j > 0 && edges[j - 1].word > edge.word; --j) edges[j] = edges[j - 1];
        edges[j] = edge;
      }
    }
    BuildWideEdges(wide_nodes);
    coder_.root_children_.assign(coder_.vocabulary_.size() + 1, 0);
    const Node& root = coder_.nodes_[0];
    for (uint32_t e = root.first_edge; e < root.first_edge + root.edge_count; ++e) {
      const auto [word, child] = coder_.edges_[e];
      if (word < coder_.root_children_.size()) coder_.root_children_[word] = child;
      if (word >= kFirstClassSymbol) coder_.root_classes_ |= 1u << (word - kFirstClassSymbol);
    }
    coder_.word_flags_.resize(coder_.vocabulary_.size() + 1, 0);
    for (const auto& [id, flags] : flags_) coder_.word_flags_[id] |= flags;
    coder_.word_classes_.resize(coder_.vocabulary_.size() + 1, 0);
    for (const auto& [id, classes] : word_classes_) coder_.word_classes_[id] |= classes;
    coder_.word_table_size_ = static_cast<uint32_t>(coder_.root_children_.size());
    assert(coder_.word_flags_.size() == coder_.word_table_size_ &&
           coder_.word_classes_.size() == coder_.word_table_size_);
    coder_.may_start_.assign(coder_.word_table_size_, 0);
    for (uint32_t word = 0; word < coder_.word_table_size_; ++word) {
      coder_.may_start_[word] = coder_.nodes_[0].payload >= 0 || coder_.root_children_[word] != 0 ||
                                (coder_.word_classes_[word] & coder_.root_classes_) != 0;
    }
    return Status::Ok();
  }

 private:
  // EventCoder::wide_edges_ from the flattened trie: the edges of
  // `wide_nodes`, the nodes below the root with more than kWideNodeEdges, in
  // increasing order.
  void BuildWideEdges(const std::vector<uint32_t>& wide_nodes) {
    size_t count = 0;
    for (const uint32_t id : wide_nodes) count += coder_.nodes_[id].edge_count;
    size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    coder_.wide_edges_.assign(capacity, WideEdge{});
    for (const uint32_t id : wide_nodes) {
      const Node& node = coder_.nodes_[id];
      for (uint32_t e = node.first_edge; e < node.first_edge + node.edge_count; ++e) {
        const auto [word, child] = coder_.edges_[e];
        const uint64_t key = (static_cast<uint64_t>(id) << 32) | word;
        size_t i = SpreadWideKey(key) & (capacity - 1);
        while (coder_.wide_edges_[i].key != WideEdge{}.key) i = (i + 1) & (capacity - 1);
        coder_.wide_edges_[i] = {key, child};
      }
    }
  }

  struct MoodRow {
    int line = 0;
    std::string codes[kMoodCount];
  };
  // A pattern's elements, each offering alternatives, each a (possibly
  // empty) word sequence; flat, in three vectors reused from pattern to
  // pattern, where nested vectors cost allocations for every word.
  struct Elements {
    std::vector<uint32_t> words;
    std::vector<uint32_t> alternative_ends;  // alternative a: words up to its end
    std::vector<uint32_t> element_ends;      // element e: alternatives up to its end

    size_t size() const { return element_ends.size(); }
    // Element e's alternatives are [FirstAlternative(e), element_ends[e]).
    uint32_t FirstAlternative(size_t e) const { return e == 0 ? 0 : element_ends[e - 1]; }
    std::span<const uint32_t> Alternative(uint32_t a) const {
      const uint32_t first = a == 0 ? 0 : alternative_ends[a - 1];
      return {words.data() + first, alternative_ends[a] - first};
    }
    void Clear() {
      words.clear();
      alternative_ends.clear();
      element_ends.clear();
    }
    // An element with no alternatives yet, an empty alternative of the last
    // element, a word at the end of the last alternative.
    void AddElement() { element_ends.push_back(static_cast<uint32_t>(alternative_ends.size())); }
    void AddAlternative() {
      alternative_ends.push_back(static_cast<uint32_t>(words.size()));
      ++element_ends.back();
    }
    void AddWord(uint32_t word) {
      words.push_back(word);
      ++alternative_ends.back();
    }
    // Appends element e of `from`.
    void AddCopy(const Elements& from, size_t e) {
      AddElement();
      for (uint32_t a = from.FirstAlternative(e); a < from.element_ends[e]; ++a) {
        AddAlternative();
        for (uint32_t word : from.Alternative(a)) AddWord(word);
      }
    }
  };

  static bool IsCode(std::string_view code) {
    return code.size() >= 2 && code.size() <= 4 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  void Flag(std::string_view word, uint64_t flags) {
    flags_[coder_.vocabulary_.Intern(Folded(word))] |= flags;
  }

  std::vector<std::string> Inflect(const std::string& lemma) const {
    const auto irregular = irregular_.find(lemma);
    return irregular == irregular_.end()
               ? VerbForms(lemma)
               : VerbForms(lemma, irregular->second.first, irregular->second.second);
  }

  // Marks each form of `lemma` with what it can be: "cut" is base, past and
  // participle at once; "visited" past and participle. Once per lemma: the
  // patterns of verbs.tsv share a few hundred heads.
  const std::vector<uint32_t>& InflectAndFlag(const std::string& lemma) {
    const auto [cached, added] = forms_.try_emplace(lemma);
    std::vector<uint32_t>& ids = cached->second;
    if (!added) return ids;
    const auto irregular = irregular_.find(lemma);
    const std::string past =
        irregular == irregular_.end() ? RegularPast(lemma) : irregular->second.first;
    const std::string participle = irregular == irregular_.end() ? past : irregular->second.second;
    auto add = [&](const std::string& form, uint64_t flags) {
      const uint32_t id = coder_.vocabulary_.Intern(form);
      flags_[id] |= flags | kPatternHead;
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    };
    if (lemma == "be") {
      // "be optimistic about": the one verb with more forms than the rules
      // and irregular_verbs.tsv's three columns give.
      add("be", kBase);
      add("am", kBase);
      add("are", kBase);
      add("is", kThird);
      add("was", kPast);
      add("were", kPast);
      add("been", kParticiple);
      add("being", kGerund);
      return ids;
    }
    add(lemma, kBase);
    add(ThirdPerson(lemma), kThird);
    add(past, kPast);
    add(participle, kParticiple);
    add(PresentParticiple(lemma, past), kGerund);
    if (irregular == irregular_.end() && DoublesLInBritish(lemma)) {
      add(lemma + "led", kPast | kParticiple);
      add(lemma + "ling", kGerund);
    }
    return ids;
  }

  // `flag`: "mutual", "reversed", "crowd", "together" or empty (VerbPattern).
  Status AddPattern(std::string_view code, std::string_view text, int line, bool verb,
                    std::string_view flag) {
    const Segmentation segmentation = Segment(text);
    Elements& elements = elements_;
    elements.Clear();
    bool in_optional = false, alternative_next = false;
    // "sit-in|vigil": the segmenter splits "sit-in" into three tokens, as it
    // does in the text; glued together they are one alternative.
    bool continues_word = false;
    for (size_t i = 0; i < segmentation.tokens.size(); ++i) {
      const Token& token = segmentation.tokens[i];
      std::string_view word = text.substr(token.begin, token.end - token.begin);
      // (Not in a verb's head, whose forms are generated from one word.)
      const bool glued_hyphen = word == "-" && i > 0 && i + 1 < segmentation.tokens.size() &&
                                segmentation.tokens[i - 1].end == token.begin &&
                                segmentation.tokens[i + 1].begin == token.end &&
                                elements.size() > (verb ? 1u : 0u) && !alternative_next;
      if (glued_hyphen || continues_word) {
        elements.AddWord(coder_.vocabulary_.Intern(Folded(word)));
        continues_word = glued_hyphen;
        continue;
      }
      bool word_class = false;
      if (word == "@" && i + 1 < segmentation.tokens.size()) {
        const Token& name = segmentation.tokens[++i];
        word = text.substr(name.begin, name.end - name.begin);
        word_class = true;
      } else if (word.size() > 1 && word[0] == '@') {
        word.remove_prefix(1);
        word_class = true;
      }
      if (word == "[") {
        if (in_optional) return Status::InvalidInput("nested '['");
        in_optional = true;
        elements.AddElement();  // alternatives; the empty one is added at ']'
        elements.AddAlternative();
        continue;
      }
      if (word == "]") {
        if (!in_optional) return Status::InvalidInput("']' without '['");
        in_optional = false;
        elements.AddAlternative();
        continue;
      }
      if (word == "|") {
        if (elements.size() == 0) return Status::InvalidInput("misplaced '|'");
        if (in_optional) {
          elements.AddAlternative();
        } else {
          alternative_next = true;
        }
        continue;
      }
      uint32_t id = 0;
      if (word_class) {
        const auto found = classes_.find(std::string(word));
        if (found == classes_.end()) {
          return Status::InvalidInput("'@" + std::string(word) +
                                      "' is not a class of word_classes.tsv");
        }
        id = kFirstClassSymbol + found->second;
      } else if (word == "*") {
        id = kAnyWord;
      } else if (word == "TARGET" || word == "SOURCE") {
        id = kActorSymbol;
      } else {
        id = coder_.vocabulary_.Intern(Folded(word));
      }
      if (in_optional) {
        elements.AddWord(id);
      } else if (alternative_next) {
        elements.AddAlternative();
        elements.AddWord(id);
        alternative_next = false;
      } else {
        if (RepeatsAnAlternative(elements, id)) {
          return Status::InvalidInput(
              "'" + std::string(word) +
              "' follows alternatives that include it: alternatives are single words, so "
              "'visit|state visit' reads 'visit visit' or 'state visit'; a multi-word "
              "alternative takes a line of its own");
        }
        elements.AddElement();
        elements.AddAlternative();
        elements.AddWord(id);
      }
    }
    if (in_optional || alternative_next) return Status::InvalidInput("unfinished '[' or '|'");
    if (elements.size() == 0) return Status::InvalidInput("empty pattern");

    // Slots, in order: a verb pattern has at most TARGET; a noun pattern
    // SOURCE and TARGET in the order written.
    std::vector<bool>& slot_is_source = slot_is_source_;
    slot_is_source.clear();
    {
      size_t position = 0;
      for (size_t i = 0; i < segmentation.tokens.size(); ++i) {
        const Token& token = segmentation.tokens[i];
        const std::string_view word = text.substr(token.begin, token.end - token.begin);
        if (word == "TARGET") slot_is_source.push_back(false);
        if (word == "SOURCE") slot_is_source.push_back(true);
        ++position;
      }
    }
    const auto sources = std::count(slot_is_source.begin(), slot_is_source.end(), true);
    const auto targets = std::count(slot_is_source.begin(), slot_is_source.end(), false);
    if (verb && sources > 0) return Status::InvalidInput("SOURCE in a verb pattern");
    if (targets > 1 || sources > 1) return Status::InvalidInput("more than one TARGET or SOURCE");
    // A mutual noun without one is the clause's subjects' ("in a joint
    // operation").
    if (!verb && targets != 1 && !(flag == "mutual" && targets == 0 && sources == 0)) {
      return Status::InvalidInput("a noun pattern needs a TARGET (or none, and mutual)");
    }

    if (verb) {
      // The head: a lemma, or alternatives ("hold|conduct exercises").
      std::vector<std::string>& lemmas = lemmas_;
      lemmas.clear();
      for (size_t i = 0; i < segmentation.tokens.size(); i += 2) {
        const Token& token = segmentation.tokens[i];
        lemmas.push_back(Folded(text.substr(token.begin, token.end - token.begin)));
        if (i + 1 >= segmentation.tokens.size()) break;
        const Token& next = segmentation.tokens[i + 1];
        const std::string_view separator = text.substr(next.begin, next.end - next.begin);
        // "air-drop" is three tokens, "air", "-" and "drop": read so, the
        // head would be "air" and the line match nothing.
        if (separator == "-" && next.begin == token.end && i + 2 < segmentation.tokens.size() &&
            segmentation.tokens[i + 2].begin == next.end) {
          return Status::InvalidInput(
              "'" +
              std::string(text.substr(token.begin, segmentation.tokens[i + 2].end - token.begin)) +
              "': a verb's head is one word, without a hyphen, as its forms are generated from it");
        }
        if (separator != "|") break;
      }
      for (uint32_t a = 0; a < elements.element_ends[0]; ++a) {
        const std::span<const uint32_t> alternative = elements.Alternative(a);
        if (alternative.size() != 1 || alternative[0] == kActorSymbol ||
            alternative[0] == kAnyWord || lemmas.size() != elements.element_ends[0]) {
          return Status::InvalidInput("a verb pattern must start with a verb lemma or lemma|lemma");
        }
      }
      Status status = CheckAfterHead(lemmas);
      if (!status.ok()) return status;
      // The head's alternatives become its forms.
      Elements& headed = merged_elements_;
      headed.Clear();
      headed.AddElement();
      for (const std::string& lemma : lemmas) {
        for (uint32_t id : InflectAndFlag(lemma)) {
          headed.AddAlternative();
          headed.AddWord(id);
        }
      }
      for (size_t e = 1; e < elements.size(); ++e) headed.AddCopy(elements, e);
      std::swap(elements, headed);
    } else if (elements.element_ends[0] == 1 && elements.Alternative(0).size() == 1 &&
               elements.Alternative(0)[0] == kAnyWord) {
      return Status::InvalidInput("a pattern cannot start with '*'");
    }

    MergeOptionalWildcards();
    const uint32_t index = static_cast<uint32_t>(coder_.patterns_.size());
    coder_.patterns_.push_back({std::string(code), std::string(text), line,
                                verb ? PatternKind::kVerb : PatternKind::kNoun,
                                flag == "mutual" || flag == "together", flag == "reversed",
                                flag == "crowd", flag == "together"});
    Expansion start;
    start.pattern = index;
    if (elements_.element_ends[0] > 1) {
      ExpandFirst(start, slot_is_source);
    } else {
      Expand(0, start, slot_is_source);  // nothing to share
    }
    return Status::Ok();
  }

  // Alternatives are single words, so a multi-word one written in a list is
  // read as a sequence: "cancel|call off" as "cancel off" or "call off",
  // "carry out|conduct" as "carry out" or "carry conduct". A particle right
  // after a head of several verbs, or beside other words there, is that
  // mistake. (A head of one verb followed by particles, "call off" or
  // "scale back|down", reads as written.)
  Status CheckAfterHead(const std::vector<std::string>& lemmas) {
    const Elements& elements = elements_;
    if (elements.size() < 2) return Status::Ok();
    std::string_view particle;
    bool other = false;
    for (uint32_t a = elements.FirstAlternative(1); a < elements.element_ends[1]; ++a) {
      const std::span<const uint32_t> alternative = elements.Alternative(a);
      if (alternative.empty()) return Status::Ok();  // optional: "set [off]"
      const std::string_view found = alternative.size() == 1 ? ParticleOf(alternative[0]) : "";
      if (found.empty()) {
        other = true;
      } else {
        particle = found;
      }
    }
    if (particle.empty() || (!other && lemmas.size() < 2)) return Status::Ok();
    std::string head;
    for (const std::string& lemma : lemmas) head += (head.empty() ? "" : "|") + lemma;
    const std::string with_particle = lemmas.back() + " " + std::string(particle);
    if (other) {
      return Status::InvalidInput("'" + head + " " + std::string(particle) + "|...' reads '" +
                                  with_particle + "' or '" + lemmas.back() +
                                  "' then another word: alternatives are single words, so '" +
                                  with_particle + "' takes a line of its own");
    }
    return Status::InvalidInput("'" + head + " " + std::string(particle) + "' reads '" +
                                lemmas.front() + " " + std::string(particle) + "' as well as '" +
                                with_particle +
                                "': alternatives are single words, so a verb and its particle "
                                "take a line of their own (one line for each verb that takes it)");
  }

  // Does the last element offer alternatives, `word` among them, and no empty
  // one? Then `word` after it ("execute|summarily execute") was meant to
  // end a multi-word alternative.
  static bool RepeatsAnAlternative(const Elements& elements, uint32_t word) {
    if (elements.size() == 0) return false;
    const size_t last = elements.size() - 1;
    const uint32_t first = elements.FirstAlternative(last);
    if (elements.element_ends[last] - first < 2) return false;
    bool repeated = false;
    for (uint32_t a = first; a < elements.element_ends[last]; ++a) {
      const std::span<const uint32_t> alternative = elements.Alternative(a);
      if (alternative.empty()) return false;
      if (alternative.size() == 1 && alternative[0] == word) repeated = true;
    }
    return repeated;
  }

  // "up" in "step up", "off" in "call off": the particle a word id is, or "".
  // (A particle's id is looked up until it has one: any in the pattern has.)
  std::string_view ParticleOf(uint32_t word) {
    static constexpr std::string_view kParticles[] = {"up",   "off",  "out",   "down",
                                                      "away", "back", "apart", "aside"};
    for (size_t i = 0; i < std::size(kParticles); ++i) {
      if (particle_ids_[i] == 0) particle_ids_[i] = coder_.vocabulary_.Find(kParticles[i]);
      if (word == particle_ids_[i]) return kParticles[i];
    }
    return "";
  }
  uint32_t particle_ids_[8] = {};  // ParticleOf's, 0 = not yet in the vocabulary

  // "[*] [*] [*]" spelled out one by one is 2^3 paths for 4 distinct word
  // sequences; as one element of 0 to 3 wildcards it is 4, which keeps the
  // long gaps of verbs.tsv cheap to compile. Most wildcards first, as the
  // separate elements would give them.
  void MergeOptionalWildcards() {
    const Elements& elements = elements_;
    auto optional_wildcard = [&](size_t e) {
      const uint32_t a = elements.FirstAlternative(e);
      return elements.element_ends[e] - a == 2 && elements.Alternative(a).size() == 1 &&
             elements.Alternative(a)[0] == kAnyWord && elements.Alternative(a + 1).empty();
    };
    Elements& merged = merged_elements_;
    merged.Clear();
    for (size_t i = 0; i < elements.size();) {
      size_t run = 0;
      while (i + run < elements.size() && optional_wildcard(i + run)) ++run;
      if (run < 2) {
        merged.AddCopy(elements, i);
        ++i;
        continue;
      }
      merged.AddElement();
      for (size_t count = run + 1; count-- > 0;) {
        merged.AddAlternative();
        for (size_t k = 0; k < count; ++k) merged.AddWord(kAnyWord);
      }
      i += run;
    }
    std::swap(elements_, merged);
  }

  // Where one expansion of a pattern has got to: its trie node, the number
  // of symbols spelled out and where its slots stand among them.
  struct Expansion {
    uint32_t pattern = 0;
    uint32_t node = 0;
    uint8_t length = 0;
    int8_t source_slot = -1, target_slot = -1;
    size_t slots_seen = 0;
  };

  // The expansion of `pattern` ending at `node` after `length` symbols.
  void AddEntry(uint32_t node, uint32_t pattern, uint8_t length, int8_t source_slot,
                int8_t target_slot) {
    // The first pattern written wins a tie: dictionaries list the
    // specific reading first. A crowd's reading of the same words is kept
    // beside the other one, which stays the node's.
    int32_t& payload = trie_[node].payload;
    if (payload >= 0) {
      const uint32_t held = coder_.entries_[payload].pattern;
      VerbPattern& kept = coder_.patterns_[held];
      const VerbPattern& added = coder_.patterns_[pattern];
      // (Each inflected form ends at a node of its own, so a pair meets
      // again at every form.)
      const int32_t held_index = static_cast<int32_t>(held);
      const int32_t added_index = static_cast<int32_t>(pattern);
      if (kept.crowd && !added.crowd &&
          (added.crowd_alternative < 0 || added.crowd_alternative == held_index)) {
        coder_.entries_[payload].pattern = pattern;
        coder_.patterns_[pattern].crowd_alternative = held_index;
      } else if (!kept.crowd && added.crowd &&
                 (kept.crowd_alternative < 0 || kept.crowd_alternative == added_index)) {
        kept.crowd_alternative = added_index;
      }
      return;
    }
    payload = static_cast<int32_t>(coder_.entries_.size());
    coder_.entries_.push_back({pattern, source_slot, target_slot, length});
  }

  // Expand from the first element, whose alternatives (a verb's forms, most
  // often) are followed by the same elements: their walk is spelled out
  // once, as steps, and replayed from each alternative's node, in the order
  // Expand would take, so the trie and its entries come out the same.
  void ExpandFirst(const Expansion& start, const std::vector<bool>& slot_is_source) {
    bool recorded = false;
    Expansion recorded_at;
    for (uint32_t a = 0; a < elements_.element_ends[0]; ++a) {
      const std::span<const uint32_t> alternative = elements_.Alternative(a);
      if (!alternative.empty() && alternative[0] == kAnyWord) continue;
      const Expansion next = Advance(start, alternative, slot_is_source);
      if (next.length != 0 && !recorded) {
        steps_.clear();
        Record(1, next, 0, slot_is_source);
        recorded = true;
        recorded_at = next;
      }
      if (next.length == 0 || next.length != recorded_at.length ||
          next.slots_seen != recorded_at.slots_seen ||
          next.source_slot != recorded_at.source_slot ||
          next.target_slot != recorded_at.target_slot) {
        Expand(1, next, slot_is_source);
        continue;
      }
      step_nodes_.resize(steps_.size() + 1);
      step_nodes_[0] = next.node;
      for (size_t i = 0; i < steps_.size(); ++i) {
        const Step& step = steps_[i];
        const uint32_t node = step_nodes_[step.from];
        if (step.leaf) {
          AddEntry(node, next.pattern, step.length, step.source_slot, step.target_slot);
        } else {
          step_nodes_[i + 1] = ChildFor(node, step.word);
        }
      }
    }
  }

  // One step of a recorded walk: a word from the node step `from` reached
  // (0 = the walk's start, i + 1 = step i's), or an entry ending there.
  struct Step {
    uint32_t from = 0;
    uint32_t word = 0;
    bool leaf = false;
    uint8_t length = 0;
    int8_t source_slot = -1, target_slot = -1;
  };

  // Expand's walk from `element` on, written to steps_ instead of the trie.
  void Record(size_t element, const Expansion& at, uint32_t from,
              const std::vector<bool>& slot_is_source) {
    if (element == elements_.size()) {
      steps_.push_back({from, 0, true, at.length, at.source_slot, at.target_slot});
      return;
    }
    for (uint32_t a = elements_.FirstAlternative(element); a < elements_.element_ends[element];
         ++a) {
      Expansion next = at;
      uint32_t reached = from;
      for (uint32_t word : elements_.Alternative(a)) {
        if (word == kActorSymbol) {
          (slot_is_source[next.slots_seen++] ? next.source_slot : next.target_slot) =
              static_cast<int8_t>(next.length);
        }
        steps_.push_back({reached, word});
        reached = static_cast<uint32_t>(steps_.size());
        ++next.length;
      }
      Record(element + 1, next, reached, slot_is_source);
    }
  }

  // Spells out every combination of alternatives, walking the trie as it
  // goes, so the words a thousand expansions share are inserted once.
  void Expand(size_t element, const Expansion& at, const std::vector<bool>& slot_is_source) {
    if (element == elements_.size()) {
      if (at.length != 0) AddEntry(at.node, at.pattern, at.length, at.source_slot, at.target_slot);
      return;
    }
    for (uint32_t a = elements_.FirstAlternative(element); a < elements_.element_ends[element];
         ++a) {
      const std::span<const uint32_t> alternative = elements_.Alternative(a);
      // A match cannot start on a wildcard.
      if (at.length == 0 && !alternative.empty() && alternative[0] == kAnyWord) continue;
      const Expansion next = Advance(at, alternative, slot_is_source);
      Expand(element + 1, next, slot_is_source);
    }
  }

  // `at` after the words of one alternative, each slot among them noted.
  Expansion Advance(Expansion at, std::span<const uint32_t> alternative,
                    const std::vector<bool>& slot_is_source) {
    for (uint32_t word : alternative) {
      if (word == kActorSymbol) {
        (slot_is_source[at.slots_seen++] ? at.source_slot : at.target_slot) =
            static_cast<int8_t>(at.length);
      }
      at.node = ChildFor(at.node, word);
      ++at.length;
    }
    return at;
  }

  // The child of `node` through `word`, created when missing.
  uint32_t ChildFor(uint32_t node, uint32_t word) {
    if (word == kAnyWord || word == kActorSymbol) {
      const uint32_t existing = word == kAnyWord ? trie_[node].wildcard : trie_[node].slot;
      if (existing != 0) return existing;
      const uint32_t child = static_cast<uint32_t>(trie_.size());
      trie_.emplace_back();  // invalidates references into trie_: assign after
      (word == kAnyWord ? trie_[node].wildcard : trie_[node].slot) = child;
      return child;
    }
    // The root has an edge for each of thousands of verb forms and nouns,
    // found by word id; below it a node has two edges on average, and its
    // list is scanned.
    const bool by_id = node == 0 && word < kFirstClassSymbol;
    if (by_id) {
      if (word >= root_edges_.size()) root_edges_.resize(word + 1, 0);
      if (root_edges_[word] != 0) return built_edges_[root_edges_[word] - 1].child;
    } else if (trie_[node].edge_count > kScannedEdges) {
      if (const uint32_t found = edge_index_.Find(EdgeKey(node, word))) return found;
    } else {
      for (uint32_t e = trie_[node].first_edge; e != 0; e = built_edges_[e - 1].previous) {
        if (built_edges_[e - 1].word == word) return built_edges_[e - 1].child;
      }
    }
    const uint32_t child = static_cast<uint32_t>(trie_.size());
    built_edges_.push_back({node, word, child, trie_[node].first_edge});
    const auto edge = static_cast<uint32_t>(built_edges_.size());
    if (by_id) {
      root_edges_[word] = edge;
    } else {
      Node& parent = trie_[node];
      parent.first_edge = edge;
      if (++parent.edge_count > kScannedEdges) IndexEdge(node, edge);
    }
    trie_.emplace_back();
    return child;
  }

  // Puts the new edge `edge` of `node`, which has outgrown a scan, in
  // edge_index_; the first time, all the node's edges. Out of line: few nodes
  // get here, and inlined it made every ChildFor save and restore more.
  [[gnu::noinline]] void IndexEdge(uint32_t node, uint32_t edge) {
    if (trie_[node].edge_count == kScannedEdges + 1) {
      for (uint32_t e = edge; e != 0; e = built_edges_[e - 1].previous) {
        edge_index_.Insert(EdgeKey(node, built_edges_[e - 1].word), built_edges_[e - 1].child);
      }
    } else {
      edge_index_.Insert(EdgeKey(node, built_edges_[edge - 1].word), built_edges_[edge - 1].child);
    }
  }
  // Most nodes have a few edges, scanned; the few with more (a wildcard's,
  // with thousands) are looked up in edge_index_: scanning them made the
  // build quadratic in their edges.
  static constexpr uint32_t kScannedEdges = 16;

  static uint64_t EdgeKey(uint32_t node, uint32_t word) {
    return static_cast<uint64_t>(node) << 32 | word;
  }

  // (node, word) -> child for the nodes with more than kScannedEdges edges
  // (the root's by word id aside). Open addressing, at most half full;
  // child 0 (the root) marks an empty slot.
  class EdgeIndex {
   public:
    uint32_t Find(uint64_t key) const {
      if (children_.empty()) return 0;
      for (size_t i = Slot(key);; i = (i + 1) & (keys_.size() - 1)) {
        if (children_[i] == 0 || keys_[i] == key) return children_[i];
      }
    }
    void Insert(uint64_t key, uint32_t child) {
      if ((used_ + 1) * 2 > keys_.size()) Grow();
      size_t i = Slot(key);
      while (children_[i] != 0) i = (i + 1) & (keys_.size() - 1);
      keys_[i] = key;
      children_[i] = child;
      ++used_;
    }

   private:
    size_t Slot(uint64_t key) const {
      return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & (keys_.size() - 1);
    }
    void Grow() {
      std::vector<uint64_t> keys = std::move(keys_);
      std::vector<uint32_t> children = std::move(children_);
      keys_.assign(std::max<size_t>(keys.size() * 2, 1u << 12), 0);
      children_.assign(keys_.size(), 0);
      used_ = 0;
      for (size_t i = 0; i < keys.size(); ++i) {
        if (children[i] != 0) Insert(keys[i], children[i]);
      }
    }
    std::vector<uint64_t> keys_;
    std::vector<uint32_t> children_;
    size_t used_ = 0;
  };

  EventCoder& coder_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> irregular_;
  std::unordered_map<std::string, std::vector<std::string>> nominals_;  // lemma -> its nouns
  std::unordered_map<std::string, MoodRow> moods_;
  std::unordered_map<std::string, std::vector<uint32_t>> forms_;  // lemma -> InflectAndFlag's ids
  std::unordered_map<uint32_t, uint64_t> flags_;
  std::unordered_map<std::string, uint32_t> classes_;    // class name -> index
  std::unordered_map<uint32_t, uint32_t> word_classes_;  // word id -> class bits
  // The coder's nodes, built in place: while building, a node's
  // first_edge is the head of its list in built_edges_ (index + 1, 0 =
  // none; not the root's edges by id) and edge_count that list's length.
  // Compile() lays the edges out. (A builder's array of its own, copied
  // at the end, was tens of milliseconds of page faults at start-up.)
  std::vector<Node>& trie_ = coder_.nodes_;
  Elements elements_;  // the pattern being added
  // AddPattern's, kept from one pattern to the next: made afresh, they were
  // allocations for every pattern at start-up.
  std::vector<bool> slot_is_source_;  // its slots in order: SOURCE or TARGET
  std::vector<std::string> lemmas_;   // a verb pattern's head
  Elements merged_elements_;          // scratch for rewriting elements_
  std::vector<Step> steps_;           // ExpandFirst's walk after the first element
  std::vector<uint32_t> step_nodes_;  // the trie node each step reached
  // The trie's edges while building, in the order made: each node's in a
  // list from its last edge back, the root's by word id. A std::map per node
  // cost an allocation per edge, and its lookups and frees were a third of
  // the start-up. Compile sorts the edges into edges_.
  struct BuiltEdge {
    uint32_t node = 0;
    uint32_t word = 0;
    uint32_t child = 0;
    uint32_t previous = 0;  // the node's edge before this one (index + 1), 0 = none
  };
  std::vector<BuiltEdge> built_edges_;
  EdgeIndex edge_index_;
  std::vector<uint32_t> root_edges_;  // by word id: the root's edge (index + 1), 0 = none
};

StatusOr<std::shared_ptr<const EventCoder>> EventCoder::Load(const CoderOptions& options) {
  auto coder = std::shared_ptr<EventCoder>(new EventCoder());
  coder->options_ = options;
  Builder builder(*coder);
  Status status = builder.LoadIrregular(options.data_dir + "/irregular_verbs.tsv");
  if (status.ok()) status = builder.LoadWordClasses(options.data_dir + "/word_classes.tsv");
  if (status.ok()) status = builder.LoadNominals(options.data_dir + "/nominals.tsv");
  if (status.ok()) status = builder.LoadPatterns(options.data_dir + "/verbs.tsv", true);
  if (status.ok()) status = builder.LoadPatterns(options.data_dir + "/nouns.tsv", false);
  if (status.ok()) status = builder.LoadMoods(options.data_dir + "/moods.tsv");
  if (!status.ok()) return status;
  builder.AddGrammarWords();
  status = builder.Compile();
  if (!status.ok()) return status;
  return std::shared_ptr<const EventCoder>(std::move(coder));
}

}  // namespace dyad
