// code/word_flags.h: the vocabulary of symbols and word flags that the
// coder's builder (builder.cc) and its matcher (matcher.cc) share. Private to
// src/code/.
#pragma once

#include <cstdint>

namespace dyad::code_internal {

// Symbol standing for an actor group in the stream and for SOURCE/TARGET
// slots in patterns.
constexpr uint32_t kActorSymbol = 0xFFFFFFFEu;
constexpr uint32_t kAnyWord = 0xFFFFFFFFu;
// "@relief" in a pattern: any word of word_classes.tsv's class "relief". The
// class ids sort after every word, so a node's class edges end its edge list.
constexpr uint32_t kFirstClassSymbol = 0xFFFFFF00u;
constexpr uint32_t kMaxWordClasses = 32;

// What the grammar knows about a word (by id) or a symbol.
enum WordFlag : uint64_t {
  kNegator = 1ull << 0,      // not, n't, never, no
  kModal = 1ull << 1,        // could, would, may, might, should, can, must
  kFuture = 1ull << 2,       // will, shall
  kBe = 1ull << 3,           // is, was, been, ...
  kHave = 1ull << 4,         // has, had, have, having
  kDo = 1ull << 5,           // did, does, do
  kTo = 1ull << 6,           // to
  kBy = 1ull << 7,           // by
  kAnd = 1ull << 8,          // and, or
  kComma = 1ull << 9,        // ,
  kDeterminer = 1ull << 10,  // the, a, its, new, 's, ...: a following verb form is a noun
  kPreposition = 1ull << 11,
  kLocative = 1ull << 12,        // in, at, near: a following actor is a place, not a target
  kBoundary = 1ull << 13,        // ends a clause: that, which, ;, quotes, ...
  kSpeech = 1ull << 14,          // said, announced: a verb of another clause
  kAdverb = 1ull << 15,          // also, officially, ...ly
  kRisk = 1ull << 16,            // risk, threat, possible: a following event noun is hypothetical
  kIntentGovernor = 1ull << 17,  // plans to, agreed to
  kRefuseGovernor = 1ull << 18,  // refused to
  kThreatGovernor = 1ull << 19,  // threatened to
  kAppealGovernor = 1ull << 20,  // urged X to
  kDemandGovernor = 1ull << 21,  // demanded that X
  kSuppress = 1ull << 22,        // denied that, warned that, claims that: not a fact
  kConditional = 1ull << 23,     // if, unless, whether
  kBase = 1ull << 24,            // verb forms
  kPast = 1ull << 25,
  kParticiple = 1ull << 26,
  kGerund = 1ull << 27,
  kThird = 1ull << 28,
  kPatternHead = 1ull << 29,  // first word of a verb pattern
  kRelative = 1ull << 30,     // which, who, whom
  kPunct = 1ull << 31,        // a punctuation token
  kPronoun = 1ull << 32,      // it, they, he, she
  kTemporal = 1ull << 33,     // after, following, before: "after meeting X"
  kWarn = 1ull << 34,         // warn: "warned X that it would bomb" is a threat
  kAspect = 1ull << 35,       // began, started, continued: "began exporting"
  // An actor group whose last word ends in "s" ("Venezuelas", "United
  // States"): before a noun a pattern expects after "'s", it is that noun's
  // possessor written without the apostrophe ("suspended Venezuelas
  // membership") or a noun adjunct ("the United States embassy").
  kBareS = 1ull << 36,
  kNews = 1ull << 37,           // current, ongoing, latest: "the latest sanctions" are news
  kPresupposing = 1ull << 38,   // after, following, since, amid, despite: "after the invasion"
  kIrregularPast = 1ull << 39,  // drew, took, led: the pasts of irregular_verbs.tsv
  kDayWord = 1ull << 40,        // monday ... sunday, yesterday, today: "on Monday"
  kPeriodWord = 1ull << 41,     // week, month, year: "last week"
  kDeictic = 1ull << 42,        // last, this, next
  kCalledOff = 1ull << 43,      // cancelled, postponed: "the visit was cancelled"
  kObjectPronoun = 1ull << 44,  // him, her, them: "accused him of spying"
  kOwner = 1ull << 45,          // his, her, its, their: "his government" (actors/actors.h)
  kPassage = 1ull << 46,        // through, across: "marched through Nairobi ... against"
  kLargeCount = 1ull << 47,     // hundreds, thousands: "killed hundreds of civilians"
  kCivilians = 1ull << 48,      // civilians, residents: the victims of a mass killing
  kProtective = 1ull << 49,     // protect, help, lead: "sent troops to X to protect"
  kProvocation = 1ull << 50,    // after, as, amid: "went on alert as X massed troops"
  kCompanion = 1ull << 51,      // with, between: "held talks in Beijing with"
  kHyphen = 1ull << 52,         // "-": "a seven-day truce" is one word to a wildcard
  kLyAdverb = 1ull << 53,       // a word in -ly that no pattern starts with: "formally"
  kQuantifier = 1ull << 54,     // all, both, remaining: "that all Russian troops leave"
  kProtestAim = 1ull << 55,     // demand, against: "blocked roads to demand that X"
  kSince = 1ull << 56,          // since: "since the two countries restored ties"
  kCrowd = 1ull << 57,          // protesters, students, workers: who a `crowd` pattern needs
  kProtesters = 1ull << 58,     // protesters, demonstrators: force against them is repression
  kOccurrence = 1ull << 59,     // resumed, began, were held: "talks between X and Y resumed"
  kVenue = 1ull << 60,          // sidelines, margins: "met on the sidelines of the SCO summit"
  kCommissive = 1ull << 61,     // vow, pledge, promise, swear: "vowed to attack" is a threat
  kHesitate = 1ull << 62,       // hesitate: "would not hesitate to use force" is a threat
  kPrompt = 1ull << 63,         // prompt, force: "..., prompting Seoul to scramble jets"
};

constexpr uint64_t kFiniteForms = kPast | kThird;
constexpr uint64_t kGovernors =
    kIntentGovernor | kRefuseGovernor | kThreatGovernor | kAppealGovernor | kDemandGovernor;

}  // namespace dyad::code_internal
