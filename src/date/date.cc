#include "date/date.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <span>

#include "base/phrase_trie.h"

namespace dyad {

namespace {

// ---------------------------------------------------------------------------
// The words date expressions are made of. A token is classified on the fly
// into a Lexeme, folding its ASCII letters into a stack buffer: every date
// word is ASCII and short, so any longer or non-ASCII token is simply "other".

enum class Key : uint8_t {
  kNone,
  // prepositions that can open a date expression
  kIn,
  kOn,
  kAt,
  kDuring,
  kBy,
  kUntil,
  kFrom,
  kOf,
  kThrough,
  kThroughout,
  kAround,
  kOver,
  kFor,
  kBetween,
  kSince,
  kEver,
  // determiners before a year or an ordinal: "the 2013 election", "its 2018 vote"
  kThe,
  kPossessive,  // its, their, his, her, 's
  // relative words
  kThis,
  kLast,
  kNext,
  kPast,
  kPrevious,
  kPreviously,  // previously, formerly: an undated time before the report
  kComing,
  kAgo,
  kYesterday,
  kToday,
  kTonight,
  kTomorrow,
  kBefore,
  // units
  kDay,
  kWeek,
  kWeekend,
  kMonth,
  kYear,
  kDecade,
  kTimes,  // "in recent times"
  // parts of a period
  kEarly,
  kEarlier,
  kLate,
  kLater,
  kMid,
  kMiddle,
  kEnd,
  kBeginning,  // beginning, start
  kFirst,
  kSecond,
  kHalf,
  kMorning,  // morning, afternoon, evening
  kNight,
  // vague quantities and references
  kNumberWord,  // value = the number ("a", "two", ...)
  kFew,         // few, several, many, couple
  kRecent,
  kThen,
  kSame,
  kThat,
  kFollowing,    // following
  kAfterwards,   // subsequently, afterwards, thereafter
  kTenure,       // tenure, presidency, rule, administration, government, term
  kPeriodStart,  // words that make "since X" a past event: took, came, elected, ...
  kRelative,     // who, which, whose, whom, where, when
  kParticiple,   // sworn, born, chosen, ... (irregular past participles)
  // Month (value 1..12) and weekday (value 0 = Monday .. 6) names with the
  // usual news abbreviations; those that are also English words ("sat",
  // "sun", "wed") only with their period. Capitalised only: "may" and
  // "march" in lowercase are verbs.
  kMonthName,
  kWeekdayName,
};

struct KeyEntry {
  std::string_view word;
  Key key;
  int value;
  bool plural;
};

// Sorted by word (checked below), for the reader.
constexpr std::array kKeys = {
    KeyEntry{"'s", Key::kPossessive, 0, false},
    KeyEntry{"a", Key::kNumberWord, 1, false},
    KeyEntry{"administration", Key::kTenure, 0, false},
    KeyEntry{"afternoon", Key::kMorning, 0, false},
    KeyEntry{"afterwards", Key::kAfterwards, 0, false},
    KeyEntry{"ago", Key::kAgo, 0, false},
    KeyEntry{"an", Key::kNumberWord, 1, false},
    KeyEntry{"apr", Key::kMonthName, 4, false},
    KeyEntry{"apr.", Key::kMonthName, 4, false},
    KeyEntry{"april", Key::kMonthName, 4, false},
    KeyEntry{"around", Key::kAround, 0, false},
    KeyEntry{"assumed", Key::kPeriodStart, 0, false},
    KeyEntry{"at", Key::kAt, 0, false},
    KeyEntry{"aug", Key::kMonthName, 8, false},
    KeyEntry{"aug.", Key::kMonthName, 8, false},
    KeyEntry{"august", Key::kMonthName, 8, false},
    KeyEntry{"became", Key::kPeriodStart, 0, false},
    KeyEntry{"before", Key::kBefore, 0, false},
    KeyEntry{"began", Key::kPeriodStart, 0, false},
    KeyEntry{"beginning", Key::kBeginning, 0, false},
    KeyEntry{"between", Key::kBetween, 0, false},
    KeyEntry{"born", Key::kParticiple, 0, false},
    KeyEntry{"by", Key::kBy, 0, false},
    KeyEntry{"came", Key::kPeriodStart, 0, false},
    KeyEntry{"chosen", Key::kParticiple, 0, false},
    KeyEntry{"coming", Key::kComing, 0, false},
    KeyEntry{"couple", Key::kFew, 0, false},
    KeyEntry{"day", Key::kDay, 0, false},
    KeyEntry{"days", Key::kDay, 0, true},
    KeyEntry{"dec", Key::kMonthName, 12, false},
    KeyEntry{"dec.", Key::kMonthName, 12, false},
    KeyEntry{"decade", Key::kDecade, 0, false},
    KeyEntry{"decades", Key::kDecade, 0, true},
    KeyEntry{"december", Key::kMonthName, 12, false},
    KeyEntry{"during", Key::kDuring, 0, false},
    KeyEntry{"earlier", Key::kEarlier, 0, false},
    KeyEntry{"early", Key::kEarly, 0, false},
    KeyEntry{"eight", Key::kNumberWord, 8, false},
    KeyEntry{"elected", Key::kPeriodStart, 0, false},
    KeyEntry{"election", Key::kPeriodStart, 0, false},
    KeyEntry{"eleven", Key::kNumberWord, 11, false},
    KeyEntry{"end", Key::kEnd, 0, false},
    KeyEntry{"evening", Key::kMorning, 0, false},
    KeyEntry{"ever", Key::kEver, 0, false},
    KeyEntry{"feb", Key::kMonthName, 2, false},
    KeyEntry{"feb.", Key::kMonthName, 2, false},
    KeyEntry{"february", Key::kMonthName, 2, false},
    KeyEntry{"few", Key::kFew, 0, false},
    KeyEntry{"first", Key::kFirst, 0, false},
    KeyEntry{"five", Key::kNumberWord, 5, false},
    KeyEntry{"following", Key::kFollowing, 0, false},
    KeyEntry{"for", Key::kFor, 0, false},
    KeyEntry{"formerly", Key::kPreviously, 0, false},
    KeyEntry{"four", Key::kNumberWord, 4, false},
    KeyEntry{"fri.", Key::kWeekdayName, 4, false},
    KeyEntry{"friday", Key::kWeekdayName, 4, false},
    KeyEntry{"from", Key::kFrom, 0, false},
    KeyEntry{"government", Key::kTenure, 0, false},
    KeyEntry{"half", Key::kHalf, 0, false},
    KeyEntry{"her", Key::kPossessive, 0, false},
    KeyEntry{"his", Key::kPossessive, 0, false},
    KeyEntry{"in", Key::kIn, 0, false},
    KeyEntry{"inauguration", Key::kPeriodStart, 0, false},
    KeyEntry{"independence", Key::kPeriodStart, 0, false},
    KeyEntry{"its", Key::kPossessive, 0, false},
    KeyEntry{"jan", Key::kMonthName, 1, false},
    KeyEntry{"jan.", Key::kMonthName, 1, false},
    KeyEntry{"january", Key::kMonthName, 1, false},
    KeyEntry{"jul", Key::kMonthName, 7, false},
    KeyEntry{"jul.", Key::kMonthName, 7, false},
    KeyEntry{"july", Key::kMonthName, 7, false},
    KeyEntry{"jun", Key::kMonthName, 6, false},
    KeyEntry{"jun.", Key::kMonthName, 6, false},
    KeyEntry{"june", Key::kMonthName, 6, false},
    KeyEntry{"known", Key::kParticiple, 0, false},
    KeyEntry{"last", Key::kLast, 0, false},
    KeyEntry{"late", Key::kLate, 0, false},
    KeyEntry{"later", Key::kLater, 0, false},
    KeyEntry{"led", Key::kParticiple, 0, false},
    KeyEntry{"many", Key::kFew, 0, false},
    KeyEntry{"mar.", Key::kMonthName, 3, false},
    KeyEntry{"march", Key::kMonthName, 3, false},
    KeyEntry{"may", Key::kMonthName, 5, false},
    KeyEntry{"mid", Key::kMid, 0, false},
    KeyEntry{"middle", Key::kMiddle, 0, false},
    KeyEntry{"mon.", Key::kWeekdayName, 0, false},
    KeyEntry{"monday", Key::kWeekdayName, 0, false},
    KeyEntry{"month", Key::kMonth, 0, false},
    KeyEntry{"months", Key::kMonth, 0, true},
    KeyEntry{"morning", Key::kMorning, 0, false},
    KeyEntry{"next", Key::kNext, 0, false},
    KeyEntry{"night", Key::kNight, 0, false},
    KeyEntry{"nine", Key::kNumberWord, 9, false},
    KeyEntry{"nov", Key::kMonthName, 11, false},
    KeyEntry{"nov.", Key::kMonthName, 11, false},
    KeyEntry{"november", Key::kMonthName, 11, false},
    KeyEntry{"oct", Key::kMonthName, 10, false},
    KeyEntry{"oct.", Key::kMonthName, 10, false},
    KeyEntry{"october", Key::kMonthName, 10, false},
    KeyEntry{"of", Key::kOf, 0, false},
    KeyEntry{"on", Key::kOn, 0, false},
    KeyEntry{"one", Key::kNumberWord, 1, false},
    KeyEntry{"over", Key::kOver, 0, false},
    KeyEntry{"past", Key::kPast, 0, false},
    KeyEntry{"presidency", Key::kTenure, 0, false},
    KeyEntry{"previous", Key::kPrevious, 0, false},
    KeyEntry{"previously", Key::kPreviously, 0, false},
    KeyEntry{"recent", Key::kRecent, 0, false},
    KeyEntry{"rule", Key::kTenure, 0, false},
    KeyEntry{"same", Key::kSame, 0, false},
    KeyEntry{"sat.", Key::kWeekdayName, 5, false},
    KeyEntry{"saturday", Key::kWeekdayName, 5, false},
    KeyEntry{"second", Key::kSecond, 0, false},
    KeyEntry{"sep.", Key::kMonthName, 9, false},
    KeyEntry{"sept", Key::kMonthName, 9, false},
    KeyEntry{"sept.", Key::kMonthName, 9, false},
    KeyEntry{"september", Key::kMonthName, 9, false},
    KeyEntry{"seven", Key::kNumberWord, 7, false},
    KeyEntry{"several", Key::kFew, 0, false},
    KeyEntry{"since", Key::kSince, 0, false},
    KeyEntry{"six", Key::kNumberWord, 6, false},
    KeyEntry{"start", Key::kBeginning, 0, false},
    KeyEntry{"started", Key::kPeriodStart, 0, false},
    KeyEntry{"subsequently", Key::kAfterwards, 0, false},
    KeyEntry{"sun.", Key::kWeekdayName, 6, false},
    KeyEntry{"sunday", Key::kWeekdayName, 6, false},
    KeyEntry{"sworn", Key::kParticiple, 0, false},
    KeyEntry{"ten", Key::kNumberWord, 10, false},
    KeyEntry{"tenure", Key::kTenure, 0, false},
    KeyEntry{"term", Key::kTenure, 0, false},
    KeyEntry{"that", Key::kThat, 0, false},
    KeyEntry{"the", Key::kThe, 0, false},
    KeyEntry{"their", Key::kPossessive, 0, false},
    KeyEntry{"then", Key::kThen, 0, false},
    KeyEntry{"thereafter", Key::kAfterwards, 0, false},
    KeyEntry{"thirty", Key::kNumberWord, 30, false},
    KeyEntry{"this", Key::kThis, 0, false},
    KeyEntry{"three", Key::kNumberWord, 3, false},
    KeyEntry{"through", Key::kThrough, 0, false},
    KeyEntry{"throughout", Key::kThroughout, 0, false},
    KeyEntry{"thu.", Key::kWeekdayName, 3, false},
    KeyEntry{"thur.", Key::kWeekdayName, 3, false},
    KeyEntry{"thurs.", Key::kWeekdayName, 3, false},
    KeyEntry{"thursday", Key::kWeekdayName, 3, false},
    KeyEntry{"till", Key::kUntil, 0, false},
    KeyEntry{"times", Key::kTimes, 0, true},
    KeyEntry{"today", Key::kToday, 0, false},
    KeyEntry{"tomorrow", Key::kTomorrow, 0, false},
    KeyEntry{"tonight", Key::kTonight, 0, false},
    KeyEntry{"took", Key::kPeriodStart, 0, false},
    KeyEntry{"tue.", Key::kWeekdayName, 1, false},
    KeyEntry{"tues.", Key::kWeekdayName, 1, false},
    KeyEntry{"tuesday", Key::kWeekdayName, 1, false},
    KeyEntry{"twelve", Key::kNumberWord, 12, false},
    KeyEntry{"twenty", Key::kNumberWord, 20, false},
    KeyEntry{"two", Key::kNumberWord, 2, false},
    KeyEntry{"until", Key::kUntil, 0, false},
    KeyEntry{"wed.", Key::kWeekdayName, 2, false},
    KeyEntry{"wednesday", Key::kWeekdayName, 2, false},
    KeyEntry{"week", Key::kWeek, 0, false},
    KeyEntry{"weekend", Key::kWeekend, 0, false},
    KeyEntry{"weeks", Key::kWeek, 0, true},
    KeyEntry{"when", Key::kRelative, 0, false},
    KeyEntry{"where", Key::kRelative, 0, false},
    KeyEntry{"which", Key::kRelative, 0, false},
    KeyEntry{"who", Key::kRelative, 0, false},
    KeyEntry{"whom", Key::kRelative, 0, false},
    KeyEntry{"whose", Key::kRelative, 0, false},
    KeyEntry{"won", Key::kPeriodStart, 0, false},
    KeyEntry{"year", Key::kYear, 0, false},
    KeyEntry{"years", Key::kYear, 0, true},
    KeyEntry{"yesterday", Key::kYesterday, 0, false},
};
static_assert(std::is_sorted(kKeys.begin(), kKeys.end(),
                             [](const KeyEntry& a, const KeyEntry& b) { return a.word < b.word; }));
// No key twice, so that key k is word k + 1 of DateKeyWords().
static_assert(std::adjacent_find(kKeys.begin(), kKeys.end(),
                                 [](const KeyEntry& a, const KeyEntry& b) {
                                   return a.word == b.word;
                                 }) == kKeys.end());

// Keys that make no date expression without a word that can: a
// preposition, a determiner, a number word or a relative word needs a unit,
// a name, a number or a word such as "ago", "past" or "since" to make one
// ("in the past two years", "in the past", "the same month", "since Maduro
// took office"). Most sentences have none of the others, and the date stage
// skips them unread (MayHoldDate).
constexpr bool CanAnchorDate(Key key) {
  switch (key) {
    case Key::kIn:
    case Key::kOn:
    case Key::kAt:
    case Key::kBy:
    case Key::kUntil:
    case Key::kFrom:
    case Key::kOf:
    case Key::kThrough:
    case Key::kAround:
    case Key::kOver:
    case Key::kFor:
    case Key::kBetween:
    case Key::kThe:
    case Key::kPossessive:
    case Key::kThis:
    case Key::kLast:
    case Key::kNext:
    case Key::kPrevious:
    case Key::kComing:
    case Key::kBefore:
    case Key::kEarly:
    case Key::kLate:
    case Key::kMid:
    case Key::kMiddle:
    case Key::kEnd:
    case Key::kBeginning:
    case Key::kFirst:
    case Key::kSecond:
    case Key::kHalf:
    case Key::kNumberWord:
    case Key::kFew:
    case Key::kSame:
    case Key::kThat:
    case Key::kFollowing:
    case Key::kTenure:
    case Key::kPeriodStart:
    case Key::kRelative:
    case Key::kParticiple:
      return false;
    default:
      return true;
  }
}

// `Test` by id in DateKeyWords() (a key's index + 1; 0: no key).
template <bool (*Test)(Key)>
constexpr std::array<bool, kKeys.size() + 1> ByKeyId() {
  std::array<bool, kKeys.size() + 1> by_id{};
  for (size_t k = 0; k < kKeys.size(); ++k) by_id[k + 1] = Test(kKeys[k].key);
  return by_id;
}

constexpr auto kAnchorsByKeyId = ByKeyId<CanAnchorDate>();

// Keys that open an expression as prepositions: a point follows them.
constexpr bool IsPrepositionKey(Key key) {
  switch (key) {
    case Key::kIn:
    case Key::kOn:
    case Key::kAt:
    case Key::kDuring:
    case Key::kBy:
    case Key::kUntil:
    case Key::kFrom:
    case Key::kOf:
    case Key::kThrough:
    case Key::kThroughout:
    case Key::kAround:
    case Key::kOver:
    case Key::kBetween:
      return true;
    default:
      return false;
  }
}

// Keys whose every expression reads a key, a name or a number right after
// them, so that none starts at them before a plain word: ExpressionAt
// finds nothing there. Prepositions go to Point after them (nothing at a
// plain word) and Background's "in|over|for" forms all need a key next;
// "the", "its", "that" and number words ("a", "two") need a unit, a year,
// an ordinal or "same" next (Point, Anaphor, PartOf, Ago); "this",
// "last", "next", "coming" and "past" a unit or a weekday (Relative).
// Not "since" (its background search reads on), nor "during" and
// "throughout" ("throughout Maduro's tenure").
constexpr bool OpensOnlyBeforeDateWord(Key key) {
  if (key == Key::kDuring || key == Key::kThroughout) return false;
  if (IsPrepositionKey(key)) return true;
  switch (key) {
    case Key::kFor:
    case Key::kThe:
    case Key::kPossessive:
    case Key::kThat:
    case Key::kNumberWord:
    case Key::kThis:
    case Key::kLast:
    case Key::kNext:
    case Key::kComing:
    case Key::kPast:
      return true;
    default:
      return false;
  }
}

// Keys at which ExpressionAt finds nothing, whatever follows: units,
// parts and words that only follow the word an expression starts at ("ago",
// "same", "morning", "half") or only end a search that started before them
// ("tenure", "took", "who"). No branch of Since, Background, Point or a
// preposition's Point starts at one of them.
constexpr bool CanStartExpression(Key key) {
  switch (key) {
    case Key::kAgo:
    case Key::kBefore:
    case Key::kPrevious:
    case Key::kDay:
    case Key::kWeek:
    case Key::kWeekend:
    case Key::kTimes:
    case Key::kFirst:
    case Key::kSecond:
    case Key::kHalf:
    case Key::kMorning:
    case Key::kNight:
    case Key::kRecent:
    case Key::kThen:
    case Key::kSame:
    case Key::kFollowing:
    case Key::kTenure:
    case Key::kPeriodStart:
    case Key::kRelative:
    case Key::kParticiple:
      return false;
    default:
      return true;
  }
}

constexpr auto kStartsByKeyId = ByKeyId<CanStartExpression>();
constexpr auto kOpensOnlyBeforeDateWordByKeyId = ByKeyId<OpensOnlyBeforeDateWord>();

// Every token of every sentence is looked up in kKeys, and almost none is
// there: an open-addressing table of the keys' hashes turns most lookups away
// after one probe, without comparing strings. (A scan of the keys under the
// token's first letter was a tenth of the date stage.) The hash is the
// WordHash a FoldedTokens holds for each token already.
struct KeyTable {
  static constexpr size_t kSlots = 1024;  // a power of two, under a fifth full
  std::array<uint32_t, kSlots> hashes{};  // WordHash's low half
  std::array<int16_t, kSlots> keys{};     // index into kKeys; -1: empty
  static size_t Slot(uint64_t hash) { return (hash >> 32) & (kSlots - 1); }
};
static_assert(kKeys.size() * 5 < KeyTable::kSlots);
KeyTable MakeKeyTable() {
  KeyTable table;
  for (int16_t& key : table.keys) key = -1;
  for (size_t k = 0; k < kKeys.size(); ++k) {
    const uint64_t hash = WordHash(kKeys[k].word);
    size_t slot = KeyTable::Slot(hash);
    while (table.keys[slot] >= 0) slot = (slot + 1) & (KeyTable::kSlots - 1);
    table.hashes[slot] = static_cast<uint32_t>(hash);
    table.keys[slot] = static_cast<int16_t>(k);
  }
  return table;
}
const KeyTable kKeyTable = MakeKeyTable();

}  // namespace

const Vocabulary& DateKeyWords() {
  static const Vocabulary words = [] {
    Vocabulary keys;
    for (const KeyEntry& entry : kKeys) keys.Intern(entry.word);
    return keys;
  }();
  return words;
}

namespace {

// The entry of `word`, whose WordHash is `hash`, or nullptr.
const KeyEntry* FindKey(std::string_view word, uint64_t hash) {
  for (size_t slot = KeyTable::Slot(hash); kKeyTable.keys[slot] >= 0;
       slot = (slot + 1) & (KeyTable::kSlots - 1)) {
    if (kKeyTable.hashes[slot] != static_cast<uint32_t>(hash)) continue;
    const KeyEntry& entry = kKeys[static_cast<size_t>(kKeyTable.keys[slot])];
    if (entry.word.size() != word.size()) continue;
    // Keys are a few letters: a loop, not a memcmp call.
    size_t i = 0;
    while (i < word.size() && entry.word[i] == word[i]) ++i;
    if (i == word.size()) return &entry;
  }
  return nullptr;
}

enum class LexKind : uint8_t {
  kNone,     // outside the sentence
  kOther,    // any other word
  kKey,      // a word of kKeys
  kMonth,    // value 1..12
  kWeekday,  // value 0..6
  kNumber,   // all digits: value, digits
  kNumeric,  // digits with separators: "03.05.2022", "23-24" (raw)
  kOrdinal,  // "23rd": value
  kDecade,   // "1990s": value 1990
  kPunct,    // mark
};

struct Lexeme {
  LexKind kind = LexKind::kNone;
  Key key = Key::kNone;
  bool plural = false;
  bool capitalized = false;
  char mark = 0;  // kPunct: one of , ; : ( ) - (a hyphen) = (a dash: em, en, "--") or '?'
  uint8_t digits = 0;
  int value = 0;
  std::string_view raw;
  // The folded word (lowercase ASCII) for kOther, to test suffixes: a view of
  // the FoldedTokens or of the SentenceLexemes that made the lexeme.
  std::string_view folded;

  bool Is(Key k) const { return kind == LexKind::kKey && key == k; }
  bool IsMark(char m) const { return kind == LexKind::kPunct && mark == m; }
  bool IsClauseMark() const {
    return kind == LexKind::kPunct &&
           (mark == ',' || mark == ';' || mark == ':' || mark == '(' || mark == ')' || mark == '=');
  }
  std::string_view Folded() const { return folded; }
  // A day of the month written as a number: "23", "23rd", or the first day of "23-24".
  int Day() const {
    if (kind == LexKind::kOrdinal) return value;
    if (kind == LexKind::kNumber && digits <= 2 && value >= 1 && value <= 31) return value;
    return 0;
  }
  int Year(int low = 1000, int high = 2999) const {
    return kind == LexKind::kNumber && digits == 4 && value >= low && value <= high ? value : 0;
  }
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int DigitsValue(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

// A word token's matching form as the date stage reads it: ASCII letters
// lowercased (a FoldedTokens' Word() when the token is ASCII), and its WordHash.
struct AsciiForm {
  std::string_view folded;  // empty when the token is not ASCII or longer than kLongestFolded
  uint64_t hash = 0;
  // The word's index in kKeys, -1 if none, or kKeyUnread: Classify looks
  // it up.
  int key = kKeyUnread;
  static constexpr int kKeyUnread = -2;
};

// Longer words are read as no key and without a folded form: no key is that
// long.
constexpr size_t kLongestFolded = 16;

// The form of `raw`, a word token, made here for callers that folded nothing.
AsciiForm FoldAscii(std::string_view raw, std::array<char, kLongestFolded>& buffer) {
  if (raw.size() > buffer.size()) return {};
  size_t size = 0;
  for (char c : raw) {
    if (static_cast<unsigned char>(c) >= 0x80) return {};
    buffer[size++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view folded(buffer.data(), size);
  return {folded, WordHash(folded)};
}

// The Lexeme::mark of a punctuation token.
char MarkOf(std::string_view raw) {
  if (raw.size() == 1) {
    switch (raw[0]) {
      case ',':
      case ';':
      case ':':
      case '(':
      case ')':
      case '-':
        return raw[0];
      default:
        return '?';
    }
  }
  return raw == "\u2013" || raw == "\u2014" || raw == "--" ? '=' : '?';
}

// Reads a token into `lex`, in place: its table slot. `form` is the token's
// AsciiForm if it is a word (kWord), else unused.
void Classify(std::string_view raw, TokenKind kind, const AsciiForm& form, Lexeme& lex) {
  lex = Lexeme{};
  lex.kind = LexKind::kOther;
  lex.raw = raw;
  if (kind == TokenKind::kPunct) {
    lex.kind = LexKind::kPunct;
    lex.mark = MarkOf(raw);
    return;
  }
  if (kind == TokenKind::kNumber) {
    if (AllDigits(raw) && raw.size() <= 9) {
      lex.kind = LexKind::kNumber;
      lex.digits = static_cast<uint8_t>(raw.size());
      lex.value = DigitsValue(raw);
    } else {
      lex.kind = LexKind::kNumeric;
    }
    return;
  }
  if (form.folded.empty()) return;  // not ASCII, or too long to be a key
  lex.folded = form.folded;
  lex.capitalized = raw[0] >= 'A' && raw[0] <= 'Z';
  const uint64_t hash = form.hash;
  const std::string_view word = lex.Folded();
  // "23rd", "1st"; "1990s".
  if (word.size() >= 3 && word[0] >= '0' && word[0] <= '9') {
    const std::string_view number = word.substr(0, word.size() - 2);
    const std::string_view suffix = word.substr(word.size() - 2);
    if (AllDigits(number) && number.size() <= 2 &&
        (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
      const int value = DigitsValue(number);
      if (value >= 1 && value <= 31) {
        lex.kind = LexKind::kOrdinal;
        lex.value = value;
      }
      return;
    }
    if (word.size() == 5 && word[4] == 's' && AllDigits(word.substr(0, 4)) && word[3] == '0') {
      lex.kind = LexKind::kDecade;
      lex.value = DigitsValue(word.substr(0, 4));
    }
    return;
  }
  const KeyEntry* const it = form.key == AsciiForm::kKeyUnread ? FindKey(word, hash)
                             : form.key < 0                    ? nullptr
                                            : &kKeys[static_cast<size_t>(form.key)];
  if (it != nullptr) {
    if (it->key == Key::kMonthName || it->key == Key::kWeekdayName) {
      if (lex.capitalized) {
        lex.kind = it->key == Key::kMonthName ? LexKind::kMonth : LexKind::kWeekday;
        lex.value = it->value;
      }
      return;
    }
    lex.kind = LexKind::kKey;
    lex.key = it->key;
    lex.value = it->value;
    lex.plural = it->plural;
  }
}

// ---------------------------------------------------------------------------
// Calendar arithmetic relative to the report date.

int64_t Days(const CivilDate& date) { return DaysFromCivil(date); }

CivilDate AddMonths(const CivilDate& date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  return CivilDate{index / 12, index % 12 + 1, 1};
}

CivilDate Monday(const CivilDate& date) { return AddDays(date, -Weekday(date)); }

// The last day the period (date, precision) covers.
CivilDate LastDay(const CivilDate& date, DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return date;
    case DatePrecision::kMonth:
      return CivilDate{date.year, date.month, DaysInMonth(date.year, date.month)};
    case DatePrecision::kYear:
      return CivilDate{date.year, 12, 31};
  }
  return date;
}

// A month and day without a year: the latest such date not more than a week
// after the report date (news reports the past; a week ahead allows for
// announcements). Fails on February 29 of a year that has none.
std::optional<CivilDate> NearestPast(int month, int day, const CivilDate& report) {
  for (int year = report.year + 1; year >= report.year - 4; --year) {
    if (!IsValidDate(year, month, day)) continue;
    const CivilDate candidate{year, month, day};
    if (Days(candidate) <= Days(report) + 7) return candidate;
  }
  return std::nullopt;
}

// A month and day without a year, nearest to `report`: the dateline of an
// article is its own publication day or thereabouts, and never more than a
// couple of days (time zones, a late crawl date) after the report date, so
// "January 24" read in November is last January, not next.
std::optional<CivilDate> Nearest(int month, int day, const CivilDate& report) {
  std::optional<CivilDate> best;
  for (int year = report.year - 1; year <= report.year + 1; ++year) {
    if (!IsValidDate(year, month, day)) continue;
    const CivilDate candidate{year, month, day};
    if (Days(candidate) > Days(report) + 2) continue;
    if (!best || std::abs(Days(candidate) - Days(report)) < std::abs(Days(*best) - Days(report))) {
      best = candidate;
    }
  }
  return best;
}

// "in April": the latest April up to the report's month.
CivilDate LatestMonth(int month, const CivilDate& report, bool strictly_before) {
  int year = report.year;
  if (month > report.month || (strictly_before && month == report.month)) --year;
  return CivilDate{year, month, 1};
}

// A two-digit year: this century unless that is more than a year ahead.
int FullYear(int year, int digits, const CivilDate& report) {
  if (digits == 4) return year;
  if (digits != 2) return 0;
  return 2000 + year <= report.year + 1 ? 2000 + year : 1900 + year;
}

struct NumericParts {
  int first = 0, second = 0, third = 0;
  int first_digits = 0, third_digits = 0;
};

// "03.05.2022", "5/3/22", "2019/01/23": three runs of digits split by one
// repeated separator ('.', '/' or '-').
std::optional<NumericParts> SplitNumeric(std::string_view raw) {
  const size_t a = raw.find_first_of("./-");
  if (a == std::string_view::npos) return std::nullopt;
  const char separator = raw[a];
  const size_t b = raw.find(separator, a + 1);
  if (b == std::string_view::npos || raw.find(separator, b + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view p1 = raw.substr(0, a), p2 = raw.substr(a + 1, b - a - 1),
                         p3 = raw.substr(b + 1);
  if (!AllDigits(p1) || !AllDigits(p2) || !AllDigits(p3) || p1.size() > 4 || p2.size() > 2 ||
      p3.size() > 4) {
    return std::nullopt;
  }
  return NumericParts{DigitsValue(p1), DigitsValue(p2), DigitsValue(p3),
                      static_cast<int>(p1.size()), static_cast<int>(p3.size())};
}

// The order a numeric date's digits show on their own: a first number above
// 12 can only be a day, a second above 12 only a day.
NumericDateOrder EvidentOrder(const NumericParts& parts) {
  if (parts.first_digits > 2) return NumericDateOrder::kUnknown;
  if (parts.first > 12 && parts.first <= 31 && parts.second >= 1 && parts.second <= 12) {
    return NumericDateOrder::kDayFirst;
  }
  if (parts.second > 12 && parts.second <= 31 && parts.first >= 1 && parts.first <= 12) {
    return NumericDateOrder::kMonthFirst;
  }
  return NumericDateOrder::kUnknown;
}

// Reads a numeric date; `weekday` (0..6, or -1) is a weekday written beside it.
std::optional<CivilDate> ResolveNumeric(std::string_view raw, int weekday,
                                        const DocumentDates& document) {
  const auto parts = SplitNumeric(raw);
  if (!parts) return std::nullopt;
  if (parts->first_digits == 4) {  // year first: always year, month, day
    if (!IsValidDate(parts->first, parts->second, parts->third)) return std::nullopt;
    return CivilDate{parts->first, parts->second, parts->third};
  }
  if (parts->first_digits > 2) return std::nullopt;
  const CivilDate& report = document.report_date;
  const int year = FullYear(parts->third, parts->third_digits, report);
  if (year == 0) return std::nullopt;
  std::optional<CivilDate> day_first, month_first;
  if (IsValidDate(year, parts->second, parts->first)) {
    day_first = CivilDate{year, parts->second, parts->first};
  }
  if (IsValidDate(year, parts->first, parts->second)) {
    month_first = CivilDate{year, parts->first, parts->second};
  }
  if (!day_first) return month_first;
  if (!month_first || *day_first == *month_first) return day_first;
  // Both readings are dates. A weekday beside it is the surest guide.
  if (weekday >= 0 && (Weekday(*day_first) == weekday) != (Weekday(*month_first) == weekday)) {
    return Weekday(*day_first) == weekday ? day_first : month_first;
  }
  // Then the source's convention, unless it reads a date more than a week
  // after the report while the other reading is not: news reports the past.
  const int64_t today = Days(report);
  const bool day_first_ahead = Days(*day_first) > today + 7;
  const bool month_first_ahead = Days(*month_first) > today + 7;
  if (document.numeric_order == NumericDateOrder::kDayFirst &&
      (!day_first_ahead || month_first_ahead)) {
    return day_first;
  }
  if (document.numeric_order == NumericDateOrder::kMonthFirst &&
      (!month_first_ahead || day_first_ahead)) {
    return month_first;
  }
  // Nearness: a reading up to a week ahead of the report beats one further
  // ahead; among those, the closer to the report date.
  auto cost = [&](const CivilDate& date) {
    const int64_t delta = Days(date) - today;
    return delta > 7 ? delta + 100000 : (delta < 0 ? -delta : delta);
  };
  return cost(*day_first) <= cost(*month_first) ? day_first : month_first;
}

// ---------------------------------------------------------------------------
// Matching over one sentence.

struct Match {
  uint32_t end = 0;  // one past the last token
  CivilDate date;
  DatePrecision precision = DatePrecision::kDay;
  DateKind kind = DateKind::kPoint;
  bool has_year = true;  // for calendar forms: the text wrote the year
  int month = 0, day = 0;
  // The days the text allows when they are not the whole period of
  // (date, precision): "last week" is month precision but seven days.
  bool has_span = false;
  CivilDate earliest, latest;
};

// The lexemes of one sentence's tokens, each classified when a matcher first
// looks at it: they look a few tokens back and ahead of every position, and
// ResolveEventDate reads the sentence again for each of its events, so each
// token is classified once per sentence, not once per look. Tokens no
// matcher looks at are never classified: FindDates looks only around the
// few words that may start a date (DateCandidates), and classifying every
// token of a sentence was most of its cost. A slot is read when its stamp
// is the table's serial, so making the table hold another sentence resets
// nothing. Classifying is a function of the token alone, so the order of
// reading changes no lexeme. The table is sized once per sentence and never
// moves while it is read, so the references At() returns stay valid.
class SentenceLexemes {
 public:
  // Makes the table hold `sentence`, unread, unless it holds it already.
  void Use(std::string_view text, const Segmentation& segmentation, const Sentence& sentence) {
    if (text.data() == text_.data() && text.size() == text_.size() &&
        &segmentation == segmentation_ && sentence.first_token == first_ &&
        sentence.end_token == end_) {
      return;
    }
    Reset(text, segmentation, sentence);
  }
  // Makes the table hold `sentence`, unread. `folded`, if given, holds its
  // tokens folded and hashed already, and `key_ids` is its IdsIn(DateKeyWords()).
  void Reset(std::string_view text, const Segmentation& segmentation, const Sentence& sentence,
             const FoldedTokens* folded = nullptr, const uint32_t* key_ids = nullptr) {
    text_ = text;
    segmentation_ = &segmentation;
    folded_ = folded;
    key_ids_ = key_ids;
    first_ = sentence.first_token;
    end_ = sentence.end_token;
    ++serial_;
    const size_t size = end_ - first_;
    if (lexemes_.size() < size) {
      lexemes_.resize(size);
      own_folded_.resize(size);
      read_serials_.resize(size);
    }
  }
  // Token i of the sentence (first_token <= i < end_token).
  const Lexeme& At(uint32_t i) {
    const size_t slot = i - first_;
    if (read_serials_[slot] != serial_) Read(i, slot);
    return lexemes_[slot];
  }
  // Whether token i reads as a mark (LexKind::kPunct) or is a word of
  // `size` bytes, told without classifying it.
  // The segmentation's tokens, for a loop that tells marks by their kind
  // (a kPunct token reads as LexKind::kPunct) without classifying the rest.
  const Token* tokens() const { return segmentation_->tokens.data(); }
  // Changes whenever the table is made to hold a sentence afresh, so that
  // what a reader derives from a sentence can be kept until then.
  uint64_t serial() const { return serial_; }

 private:
  // Classifies token i into its slot. Kept apart from At(), which the
  // matchers call several times a token: inlined there, it made every call
  // pay for its registers.
  [[gnu::noinline]] void Read(uint32_t i, size_t slot) {
    read_serials_[slot] = serial_;
    const Token& token = segmentation_->tokens[i];
    const std::string_view raw = text_.substr(token.begin, token.end - token.begin);
    AsciiForm form;
    if (token.kind != TokenKind::kWord) {
      // Punctuation and numbers are read as written.
    } else if (folded_ != nullptr) {
      if (folded_->IsAscii(i) && raw.size() <= kLongestFolded) {
        form.folded = folded_->Word(i);
        form.hash = folded_->Hash(i);
        if (key_ids_ != nullptr) form.key = static_cast<int>(key_ids_[folded_->SharedId(i)]) - 1;
      }
    } else {
      form = FoldAscii(raw, own_folded_[slot]);
    }
    Classify(raw, token.kind, form, lexemes_[slot]);
  }

  std::string_view text_;
  const Segmentation* segmentation_ = nullptr;
  const FoldedTokens* folded_ = nullptr;
  // The folded tokens' shared ids -> ids in DateKeyWords(), if they have any.
  const uint32_t* key_ids_ = nullptr;
  uint32_t first_ = 0, end_ = 0;
  uint64_t serial_ = 0;  // from 1 once Reset
  std::vector<Lexeme> lexemes_;
  std::vector<uint64_t> read_serials_;  // a slot is classified if its serial is serial_
  // The lexemes' folded words when no FoldedTokens was given.
  std::vector<std::array<char, kLongestFolded>> own_folded_;
};

// What lies outside the scanned tokens.
constexpr Lexeme kOutside{};

class Scanner {
 public:
  // Scans tokens [first_token, end_token) of the sentence `lexemes` holds.
  Scanner(SentenceLexemes& lexemes, uint32_t first_token, uint32_t end_token,
          const DocumentDates& document)
      : lexemes_(lexemes),
        first_(first_token),
        end_(end_token),
        document_(document),
        report_(document.report_date) {}

  const Lexeme& At(uint32_t i) const {
    if (i < first_ || i >= end_) return kOutside;
    return lexemes_.At(i);
  }
  // The tokens At() reads (only [first, end) of them count).
  const Token* tokens() const { return lexemes_.tokens(); }

  // Whether an expression can start at token i: most words are no part of
  // one, and no expression starts with a mark. Nor does a word of
  // OpensOnlyBeforeDateWord before a plain word or a mark ("the
  // government", "of state", "a day"): "the", "of", "in" and "a" are a
  // tenth of news text, and each cost ExpressionAt's every matcher. Inlined
  // where the loops over a sentence call ExpressionAt, so that most tokens
  // cost no call.
  bool MayStartAt(uint32_t i) const {
    const Lexeme& lex = At(i);
    if (IsPlain(lex.kind)) return false;
    return lex.kind != LexKind::kKey || !OpensOnlyBeforeDateWord(lex.key) ||
           !IsPlain(At(i + 1).kind);
  }

  // The expression that starts at token i, if any.
  std::optional<Match> ExpressionAt(uint32_t i) const {
    if (!MayStartAt(i)) return std::nullopt;
    const Lexeme& lex = At(i);
    if (lex.Is(Key::kSince) || (lex.Is(Key::kEver) && At(i + 1).Is(Key::kSince))) {
      return Since(lex.Is(Key::kEver) ? i + 2 : i + 1);
    }
    if (auto background = Background(i)) return background;
    if (IsPreposition(lex)) {
      if (auto point = Point(i + 1, /*after_preposition=*/true)) return point;
      return std::nullopt;
    }
    return Point(i, /*after_preposition=*/false);
  }

  // A calendar date at i: "January 23(, 2019)", "23 January (2019)", "the
  // 23rd of January", "January 2019", "2019-01-23", "03.05.2022".
  // `weekday` is a weekday written just before it, or -1.
  std::optional<Match> Calendar(uint32_t i, int weekday) const {
    const Lexeme& lex = At(i);
    Match match;
    if (lex.kind == LexKind::kNumeric) {
      if (auto date = ResolveNumeric(lex.raw, weekday, document_)) {
        match.end = i + 1;
        match.date = *date;
        match.month = date->month;
        match.day = date->day;
        return match;
      }
    }
    int month = 0, day = 0;
    uint32_t next = i + 1;
    if (lex.kind == LexKind::kMonth) {
      month = lex.value;
      const Lexeme& after = At(next);
      if (int year = after.Year(); year > 0) {  // January 2019
        match.end = next + 1;
        match.date = CivilDate{year, month, 1};
        match.precision = DatePrecision::kMonth;
        return match;
      }
      if (after.Is(Key::kOf) && At(next + 1).Year() > 0) {  // May of 2018
        match.end = next + 2;
        match.date = CivilDate{At(next + 1).Year(), month, 1};
        match.precision = DatePrecision::kMonth;
        return match;
      }
      day = after.Day();
      if (day == 0 && after.kind == LexKind::kNumeric) day = RangeStart(after.raw);
      if (day == 0) return std::nullopt;
      ++next;
    } else {
      day = lex.kind == LexKind::kNumeric ? RangeStart(lex.raw) : lex.Day();  // "23-24 January"
      if (day == 0) return std::nullopt;
      if (At(next).Is(Key::kOf)) ++next;
      if (At(next).kind != LexKind::kMonth) return std::nullopt;
      month = At(next).value;
      ++next;
    }
    // The year: "January 23, 2019", "23 January 2019".
    int year = 0;
    if (At(next).IsMark(',') && At(next + 1).Year() > 0) {
      year = At(next + 1).Year();
      next += 2;
    } else if (At(next).Year() > 0) {
      year = At(next).Year();
      next += 1;
    }
    match.end = next;
    match.month = month;
    match.day = day;
    if (year > 0) {
      if (!IsValidDate(year, month, day)) return std::nullopt;
      match.date = CivilDate{year, month, day};
      return match;
    }
    const auto date = NearestPast(month, day, report_);
    if (!date) return std::nullopt;
    match.date = *date;
    match.has_year = false;
    return match;
  }

 private:
  // A word that is no key, a mark, or nothing (outside the range).
  static bool IsPlain(LexKind kind) {
    return kind == LexKind::kOther || kind == LexKind::kNone || kind == LexKind::kPunct;
  }

  static bool IsPreposition(const Lexeme& lex) {
    return lex.kind == LexKind::kKey && IsPrepositionKey(lex.key);
  }

  // "23-24" (as in "January 23-24"): 23.
  static int RangeStart(std::string_view raw) {
    const size_t dash = raw.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > 2) return 0;
    const std::string_view first = raw.substr(0, dash);
    if (!AllDigits(first) || !AllDigits(raw.substr(dash + 1))) return 0;
    const int day = DigitsValue(first);
    return day >= 1 && day <= 31 ? day : 0;
  }

  static Match Make(uint32_t end, const CivilDate& date, DatePrecision precision,
                    DateKind kind = DateKind::kPoint) {
    Match match;
    match.end = end;
    match.date = date;
    match.precision = precision;
    match.kind = kind;
    return match;
  }

  Match Year(uint32_t end, int year) const {
    return Make(end, CivilDate{year, 1, 1}, DatePrecision::kYear);
  }
  Match MonthOf(uint32_t end, const CivilDate& date) const {
    return Make(end, CivilDate{date.year, date.month, 1}, DatePrecision::kMonth);
  }
  Match Day(uint32_t end, const CivilDate& date) const {
    return Make(end, date, DatePrecision::kDay);
  }
  Match BackgroundUntil(uint32_t end) const {
    return Make(end, CivilDate{report_.year, 1, 1}, DatePrecision::kYear, DateKind::kBackground);
  }

  // A unit word after a number: days, weeks, months, years, decades.
  static bool IsUnit(const Lexeme& lex) {
    return lex.Is(Key::kDay) || lex.Is(Key::kWeek) || lex.Is(Key::kMonth) || lex.Is(Key::kYear) ||
           lex.Is(Key::kDecade);
  }
  // Units long enough that "the past N units" is background, not news.
  static bool IsLongUnit(const Lexeme& lex) {
    return lex.Is(Key::kMonth) || lex.Is(Key::kYear) || lex.Is(Key::kDecade);
  }
  static int Count(const Lexeme& lex) {
    if (lex.kind == LexKind::kNumber && lex.value >= 1 && lex.value <= 100) return lex.value;
    if (lex.Is(Key::kNumberWord)) return lex.value;
    return 0;
  }

  // "since ..." with "since" just before `i`.
  std::optional<Match> Since(uint32_t i) const {
    if (At(i).Is(Key::kThen)) return BackgroundUntil(i + 1);
    if (auto point = Point(i, /*after_preposition=*/true)) {
      if (point->kind == DateKind::kPoint) point->kind = DateKind::kSince;
      return point;
    }
    // "since Maduro took office", "since the election", "since the start of
    // the crisis": a past event the sentence does not date. Causal "since"
    // ("since the talks failed") lacks these words and is left alone.
    for (uint32_t j = i; j < end_ && j < i + 8; ++j) {
      const Lexeme& lex = At(j);
      if (lex.IsClauseMark()) break;
      if (lex.Is(Key::kPeriodStart) || lex.Is(Key::kTenure) || lex.Is(Key::kBeginning) ||
          lex.Is(Key::kParticiple)) {
        return BackgroundUntil(j + 1);
      }
    }
    return std::nullopt;
  }

  // Background starting at i: "in recent years", "in the past two years",
  // "over the years", "for decades", "years ago", "throughout Maduro's tenure".
  std::optional<Match> Background(uint32_t i) const {
    const Lexeme& lex = At(i);
    uint32_t j = i + 1;
    // "Cuba had previously opposed the sanctions", "formerly": some time
    // before the report, undated. Not inside a noun phrase ("the
    // previously announced sanctions" dates nothing).
    if (lex.Is(Key::kPreviously)) {
      const Lexeme& before = At(i - 1);
      if (before.Is(Key::kThe) || before.Is(Key::kPossessive) || before.Is(Key::kNumberWord) ||
          before.Is(Key::kThis) || before.Is(Key::kThat) || before.Folded() == "as") {
        return std::nullopt;
      }
      return BackgroundUntil(i + 1);
    }
    if (lex.Is(Key::kIn) || lex.Is(Key::kOver) || lex.Is(Key::kDuring) || lex.Is(Key::kFor) ||
        lex.Is(Key::kThroughout)) {
      // in recent years | in recent times
      if (At(j).Is(Key::kRecent) && (IsLongUnit(At(j + 1)) || At(j + 1).Is(Key::kTimes)) &&
          At(j + 1).plural) {
        return BackgroundUntil(j + 2);
      }
      // in past years
      if (At(j).Is(Key::kPast) && IsLongUnit(At(j + 1)) && At(j + 1).plural) {
        return BackgroundUntil(j + 2);
      }
      // over the years | for years | for many years | for two decades
      uint32_t k = j;
      if (At(k).Is(Key::kThe)) ++k;
      if (At(k).Is(Key::kFew) || Count(At(k)) > 1) ++k;
      if ((At(k).Is(Key::kYear) || At(k).Is(Key::kDecade)) && At(k).plural &&
          !At(k + 1).Is(Key::kAgo) && (lex.Is(Key::kFor) || lex.Is(Key::kOver))) {
        return BackgroundUntil(k + 1);
      }
      // in|over|for the past|last (two|few) years
      if (At(j).Is(Key::kThe) && (At(j + 1).Is(Key::kPast) || At(j + 1).Is(Key::kLast))) {
        k = j + 2;
        if (At(k).Is(Key::kFew) || At(k).Is(Key::kNumberWord) || Count(At(k)) > 0) ++k;
        if (IsLongUnit(At(k))) return BackgroundUntil(k + 1);
        // "in the past," with no unit: the past in general.
        if (IsUnit(At(k)) || At(k).Is(Key::kWeekend)) return std::nullopt;
        if (k == j + 2 && lex.Is(Key::kIn) && At(j + 1).Is(Key::kPast)) {
          return BackgroundUntil(j + 2);
        }
      }
      // throughout|during Maduro's tenure
      if (lex.Is(Key::kThroughout) || lex.Is(Key::kDuring)) {
        for (k = j; k < end_ && k < j + 6; ++k) {
          const Lexeme& word = At(k);
          if (word.IsClauseMark()) break;
          if (word.Is(Key::kTenure)) return BackgroundUntil(k + 1);
        }
      }
      return std::nullopt;
    }
    // years ago | a few years ago | several decades ago
    uint32_t k = i;
    if (lex.Is(Key::kNumberWord) && At(k + 1).Is(Key::kFew)) ++k;  // "a few"
    if (At(k).Is(Key::kFew)) ++k;
    if ((At(k).Is(Key::kYear) || At(k).Is(Key::kDecade) || At(k).Is(Key::kMonth)) && At(k).plural &&
        At(k + 1).Is(Key::kAgo)) {
      return BackgroundUntil(k + 2);
    }
    return std::nullopt;
  }

  // A period word after "last", "this", "next": "last month", "this year".
  std::optional<Match> Relative(uint32_t i, int direction) const {
    const Lexeme& unit = At(i);
    if (unit.kind == LexKind::kWeekday) return WeekdayAt(i, unit.value, direction);
    if (unit.kind == LexKind::kMonth) {
      // "last July": the latest July before the report's month; "this
      // July": the report's year; "next July": the first one after.
      if (direction < 0) return MonthOf(i + 1, LatestMonth(unit.value, report_, true));
      if (direction == 0) return MonthOf(i + 1, CivilDate{report_.year, unit.value, 1});
      const int year = unit.value > report_.month ? report_.year : report_.year + 1;
      return MonthOf(i + 1, CivilDate{year, unit.value, 1});
    }
    if (unit.plural) return std::nullopt;
    if (unit.Is(Key::kYear)) return Year(i + 1, report_.year + direction);
    if (unit.Is(Key::kMonth)) return MonthOf(i + 1, AddMonths(report_, direction));
    if (unit.Is(Key::kWeek)) {
      // dyad has no week precision: the month of that week's Thursday.
      if (direction == 0) return std::nullopt;
      const CivilDate monday = AddDays(Monday(report_), 7 * direction);
      Match week = MonthOf(i + 1, AddDays(monday, 3));
      week.has_span = true;
      week.earliest = monday;
      week.latest = AddDays(monday, 6);
      return week;
    }
    if (unit.Is(Key::kWeekend)) {
      const int weekday = Weekday(report_);
      int64_t offset = 5 - weekday;  // this week's Saturday
      if (direction == 0) {
        // On a Monday "this weekend" is the one just past.
        if (weekday == 0) offset = -2;
      } else if (direction < 0) {
        offset = weekday >= 5 ? offset - 7 : -(weekday + 2);
      } else {
        offset += 7;
      }
      // Dated to its Saturday; the weekend spans the Sunday too.
      Match weekend = Day(i + 1, AddDays(report_, offset));
      weekend.has_span = true;
      weekend.earliest = weekend.date;
      weekend.latest = AddDays(weekend.date, 1);
      return weekend;
    }
    if (unit.Is(Key::kNight) && direction < 0) return Day(i + 1, AddDays(report_, -1));
    if (unit.Is(Key::kMorning) && direction == 0) return Day(i + 1, report_);
    return std::nullopt;
  }

  // "(on) Wednesday", "last Wednesday", "Wednesday last week", "Wednesday morning".
  std::optional<Match> WeekdayAt(uint32_t i, int weekday, int direction) const {
    const int today = Weekday(report_);
    uint32_t end = i + 1;
    if (At(end).Is(Key::kMorning) || At(end).Is(Key::kNight)) ++end;
    int64_t offset;
    // "Wednesday last week", "Monday of next week"
    const uint32_t of = At(end).Is(Key::kOf) ? end + 1 : end;
    const Lexeme& after = At(of);
    if ((after.Is(Key::kLast) || after.Is(Key::kNext) || after.Is(Key::kThis)) &&
        At(of + 1).Is(Key::kWeek) && !At(of + 1).plural) {
      const int week = after.Is(Key::kLast) ? -1 : after.Is(Key::kNext) ? 1 : 0;
      offset = 7 * week + weekday - today;
      end = of + 2;
    } else if (direction < 0) {
      offset = -((today - weekday + 7) % 7);
      if (offset == 0) offset = -7;
    } else if (direction > 0) {
      offset = (weekday - today + 7) % 7;
      if (offset == 0) offset = 7;
    } else if (direction == 0 && At(i - 1).Is(Key::kThis)) {
      offset = weekday - today;
    } else {
      offset = -((today - weekday + 7) % 7);
    }
    return Day(end, AddDays(report_, offset));
  }

  // X in "the end of X", "early X", "mid-X": a year, a month, "last year".
  std::optional<Match> PeriodPart(uint32_t i) const {
    const Lexeme& lex = At(i);
    if (int year = lex.Year(1800, 2100); year > 0) return Year(i + 1, year);
    if (lex.kind == LexKind::kMonth) {
      if (auto calendar = Calendar(i, -1);
          calendar && calendar->precision == DatePrecision::kMonth) {
        return calendar;
      }
      return MonthOf(i + 1, LatestMonth(lex.value, report_, false));
    }
    if (lex.Is(Key::kLast) || lex.Is(Key::kThis) || lex.Is(Key::kNext)) {
      const int direction = lex.Is(Key::kLast) ? -1 : lex.Is(Key::kNext) ? 1 : 0;
      const Lexeme& unit = At(i + 1);
      if ((unit.Is(Key::kYear) || unit.Is(Key::kMonth)) && !unit.plural) {
        return Relative(i + 1, direction);
      }
      return std::nullopt;
    }
    if (auto anaphor = Anaphor(i)) return anaphor;
    // "the end of the year": the report's year or month.
    if (lex.Is(Key::kThe) && !At(i + 1).plural) {
      if (At(i + 1).Is(Key::kYear)) return Year(i + 2, report_.year);
      if (At(i + 1).Is(Key::kMonth)) return MonthOf(i + 2, report_);
    }
    if (lex.kind == LexKind::kDecade) return Year(i + 1, lex.value);
    return std::nullopt;
  }

  // "end of X", "the first half of X" with i at "end" / "first".
  std::optional<Match> PartOf(uint32_t i) const {
    uint32_t j = i;
    if (At(j).Is(Key::kFirst) || At(j).Is(Key::kSecond)) {
      if (!At(j + 1).Is(Key::kHalf)) return std::nullopt;
      ++j;
    } else if (!(At(j).Is(Key::kEnd) || At(j).Is(Key::kBeginning) || At(j).Is(Key::kMiddle))) {
      return std::nullopt;
    }
    if (!At(j + 1).Is(Key::kOf)) return std::nullopt;
    return PeriodPart(j + 2);
  }

  // A point in time at i; `after_preposition` admits bare years ("in
  // 2013"), bare months ("in April") and ordinals ("on the 23rd").
  std::optional<Match> Point(uint32_t i, bool after_preposition) const {
    const Lexeme& lex = At(i);
    switch (lex.kind) {
      case LexKind::kNone:
      case LexKind::kOther:
      case LexKind::kPunct:
        return std::nullopt;
      case LexKind::kNumeric:
      case LexKind::kOrdinal:
      case LexKind::kNumber:
      case LexKind::kMonth: {
        if (auto calendar = Calendar(i, -1)) return calendar;
        // "in April", but not the remains of an impossible "February 30, 2019".
        if (lex.kind == LexKind::kMonth && after_preposition && At(i + 1).Day() == 0 &&
            At(i + 1).Year() == 0) {
          return MonthOf(i + 1, LatestMonth(lex.value, report_, false));
        }
        if (lex.kind == LexKind::kOrdinal && after_preposition) return DayOfMonth(i + 1, lex.value);
        if (int year = lex.Year(1800, 2100); year > 0 && after_preposition)
          return Year(i + 1, year);
        if (Count(lex) > 0) return Ago(i);
        return std::nullopt;
      }
      case LexKind::kDecade:
        if (after_preposition) return Year(i + 1, lex.value);
        return std::nullopt;
      case LexKind::kWeekday: {
        // "Wednesday, January 23", "Saturday (03.05.2022)": the calendar date,
        // the weekday settling a numeric date's order.
        uint32_t j = i + 1;
        const bool bracket = At(j).IsMark('(');
        if (At(j).IsMark(',') || bracket) ++j;
        if (auto calendar = Calendar(j, lex.value);
            calendar && calendar->precision == DatePrecision::kDay) {
          if (bracket && At(calendar->end).IsMark(')')) ++calendar->end;
          return calendar;
        }
        return WeekdayAt(i, lex.value, 0);
      }
      case LexKind::kKey:
        break;
    }
    switch (lex.key) {
      case Key::kThe:
      case Key::kPossessive: {
        const Lexeme& next = At(i + 1);
        // the 2013 election, Venezuela's 2018 vote
        if (int year = next.Year(1800, 2100);
            year > 0 && (At(i + 2).kind == LexKind::kOther || At(i + 2).kind == LexKind::kKey)) {
          Match attribute = Year(i + 2, year);
          attribute.kind = DateKind::kAttribute;
          return attribute;
        }
        if (lex.Is(Key::kPossessive)) return std::nullopt;
        if (auto anaphor = Anaphor(i)) return anaphor;
        if (next.kind == LexKind::kDecade) return Year(i + 2, next.value);
        // the 23rd (of January)
        if (next.kind == LexKind::kOrdinal) {
          if (auto calendar = Calendar(i + 1, -1)) return calendar;
          if (after_preposition) return DayOfMonth(i + 2, next.value);
          return std::nullopt;
        }
        // the day before yesterday
        if (next.Is(Key::kDay) && At(i + 2).Is(Key::kBefore) && At(i + 3).Is(Key::kYesterday)) {
          return Day(i + 4, AddDays(report_, -2));
        }
        if (next.Is(Key::kPrevious)) return Relative(i + 2, -1);
        return PartOf(i + 1);
      }
      case Key::kEnd:
      case Key::kBeginning:
      case Key::kMiddle:
        return PartOf(i);
      case Key::kEarly:
      case Key::kLate:
      case Key::kMid: {
        uint32_t j = i + 1;
        if (lex.Is(Key::kMid) && At(j).IsMark('-')) ++j;
        return PeriodPart(j);
      }
      case Key::kEarlier:
      case Key::kLater:
        // "earlier this month", "later this year"
        if (At(i + 1).Is(Key::kThis) && (At(i + 2).Is(Key::kMonth) || At(i + 2).Is(Key::kYear))) {
          return Relative(i + 2, 0);
        }
        return std::nullopt;
      case Key::kLast:
      case Key::kPast:
        if (lex.Is(Key::kPast) && !At(i + 1).Is(Key::kWeekend)) return std::nullopt;
        return Relative(i + 1, -1);
      case Key::kNext:
      case Key::kComing:
        return Relative(i + 1, 1);
      case Key::kThis:
        return Relative(i + 1, 0);
      case Key::kYesterday:
      case Key::kToday:
      case Key::kTonight:
      case Key::kTomorrow: {
        const int offset = lex.Is(Key::kYesterday) ? -1 : lex.Is(Key::kTomorrow) ? 1 : 0;
        uint32_t end = i + 1;
        if (At(end).Is(Key::kMorning) || At(end).Is(Key::kNight)) ++end;
        return Day(end, AddDays(report_, offset));
      }
      case Key::kNumberWord:
        return Ago(i);
      case Key::kThat:
        return Anaphor(i);
      case Key::kAfterwards: {
        // "The United States subsequently announced sanctions": after the
        // antecedent, so within its next coarser period.
        const DateAntecedent& antecedent = document_.antecedent;
        if (!antecedent.present) return std::nullopt;
        return FromAntecedent(i + 1, antecedent.precision == DatePrecision::kDay
                                         ? DatePrecision::kMonth
                                         : DatePrecision::kYear);
      }
      default:
        return std::nullopt;
    }
  }

  // The antecedent (the last date of the sentences before) at no finer
  // precision than `precision`.
  std::optional<Match> FromAntecedent(uint32_t end, DatePrecision precision) const {
    const DateAntecedent& antecedent = document_.antecedent;
    if (!antecedent.present) return std::nullopt;
    const DatePrecision coarser = std::max(precision, antecedent.precision);
    if (coarser == antecedent.precision) {
      Match match = Make(end, antecedent.date, antecedent.precision);
      match.has_span = true;
      match.earliest = antecedent.earliest;
      match.latest = antecedent.latest;
      return match;
    }
    if (coarser == DatePrecision::kMonth) return MonthOf(end, antecedent.date);
    return Year(end, antecedent.date.year);
  }

  // The antecedent moved by `count` units: "two years later", "the next day".
  std::optional<Match> Shifted(uint32_t end, const Lexeme& unit, int count) const {
    const DateAntecedent& antecedent = document_.antecedent;
    if (!antecedent.present) return std::nullopt;
    const CivilDate& date = antecedent.date;
    if (unit.Is(Key::kYear)) return Year(end, date.year + count);
    if (unit.Is(Key::kDecade)) return Year(end, date.year + 10 * count);
    if (antecedent.precision == DatePrecision::kYear) return std::nullopt;
    if (unit.Is(Key::kMonth)) return MonthOf(end, AddMonths(date, count));
    if (antecedent.precision == DatePrecision::kMonth) return std::nullopt;
    if (unit.Is(Key::kDay)) return Day(end, AddDays(date, count));
    if (unit.Is(Key::kWeek)) return Day(end, AddDays(date, 7 * count));
    return std::nullopt;
  }

  // "the same month", "that year", "the following day", "the next year" at
  // i (on "the" or "that"): dates of the sentences before.
  std::optional<Match> Anaphor(uint32_t i) const {
    const Lexeme& lex = At(i);
    uint32_t j = i + 1;
    const bool following = lex.Is(Key::kThe) && (At(j).Is(Key::kFollowing) || At(j).Is(Key::kNext));
    if (following || (lex.Is(Key::kThe) && At(j).Is(Key::kSame))) {
      ++j;
    } else if (!lex.Is(Key::kThat)) {
      return std::nullopt;
    } else if (At(j).Is(Key::kSame)) {
      ++j;  // "that same year"
    }
    const Lexeme& unit = At(j);
    if (unit.plural) return std::nullopt;
    if (following) return Shifted(j + 1, unit, 1);
    if (unit.Is(Key::kYear)) return FromAntecedent(j + 1, DatePrecision::kYear);
    if (unit.Is(Key::kMonth)) return FromAntecedent(j + 1, DatePrecision::kMonth);
    if (unit.Is(Key::kDay)) return FromAntecedent(j + 1, DatePrecision::kDay);
    return std::nullopt;
  }

  // "on the 23rd": that day of the report's month, or of the month before
  // when the 23rd is still ahead.
  std::optional<Match> DayOfMonth(uint32_t end, int day) const {
    CivilDate month_start{report_.year, report_.month, 1};
    if (day > report_.day) month_start = AddMonths(report_, -1);
    if (!IsValidDate(month_start.year, month_start.month, day)) return std::nullopt;
    return Day(end, CivilDate{month_start.year, month_start.month, day});
  }

  // "two days ago", "a week ago", "three years ago".
  std::optional<Match> Ago(uint32_t i) const {
    const int count = Count(At(i));
    const Lexeme& unit = At(i + 1);
    if (count == 0 || !IsUnit(unit) || unit.plural != (count > 1)) return std::nullopt;
    // "two years later", "a month earlier": counted from the antecedent.
    if (At(i + 2).Is(Key::kLater) || At(i + 2).Is(Key::kEarlier)) {
      return Shifted(i + 3, unit, At(i + 2).Is(Key::kLater) ? count : -count);
    }
    if (!At(i + 2).Is(Key::kAgo)) return std::nullopt;
    const uint32_t end = i + 3;
    if (unit.Is(Key::kDay)) return Day(end, AddDays(report_, -count));
    if (unit.Is(Key::kWeek)) return Day(end, AddDays(report_, -7 * count));
    if (unit.Is(Key::kMonth)) return MonthOf(end, AddMonths(report_, -count));
    if (unit.Is(Key::kYear)) return Year(end, report_.year - count);
    return Year(end, report_.year - 10 * count);
  }

  SentenceLexemes& lexemes_;
  uint32_t first_;
  uint32_t end_;
  const DocumentDates& document_;
  CivilDate report_;
};

// "BEIJING, January 24 (Reuters) -", "CARACAS, Venezuela, Jan. 23 (AP) --",
// "Caracas, 23 January 2019 (EFE):" at the start of a sentence near the top
// of the document. Returns the token after it and its date.
struct Dateline {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  CivilDate date;
};

std::optional<Dateline> FindDateline(std::string_view text, const Segmentation& segmentation,
                                     const CivilDate& given) {
  constexpr size_t kSentencesToLook = 40;
  constexpr uint32_t kBytesToLook = 6000;
  DocumentDates context;
  context.report_date = given;
  // One table per thread, grown once, rather than one per document.
  thread_local SentenceLexemes lexemes;
  for (size_t s = 0; s < segmentation.sentences.size() && s < kSentencesToLook; ++s) {
    const Sentence& sentence = segmentation.sentences[s];
    if (sentence.begin > kBytesToLook) break;
    lexemes.Reset(text, segmentation, sentence);
    const Scanner scanner(lexemes, sentence.first_token, sentence.end_token, context);
    // The place: capitalised words and commas, ending in a comma. Read from
    // the tokens themselves: only the date after a comma needs lexemes, and
    // classifying the first words of forty sentences was most of this search.
    uint32_t words = 0;
    for (uint32_t i = sentence.first_token; i < sentence.end_token && words <= 5; ++i) {
      const Token& token = segmentation.tokens[i];
      if (token.kind == TokenKind::kPunct && token.end - token.begin == 1 &&
          text[token.begin] == ',') {
        if (words == 0) break;
        const auto date = scanner.Calendar(i + 1, -1);
        if (!date || date->precision != DatePrecision::kDay) continue;
        uint32_t end = date->end;
        bool agency = false;
        if (scanner.At(end).IsMark('(')) {
          for (uint32_t j = end + 1; j < sentence.end_token && j < end + 6; ++j) {
            if (scanner.At(j).IsMark(')')) {
              agency = true;
              end = j + 1;
              break;
            }
          }
        }
        const Lexeme& after = scanner.At(end);
        const bool dash = after.IsMark('-') || after.IsMark('=') || after.IsMark(':');
        if (dash) ++end;
        if (!dash && !agency) break;
        Dateline dateline;
        dateline.first_token = sentence.first_token;
        dateline.end_token = end;
        dateline.date = date->has_year ? date->date : *Nearest(date->month, date->day, given);
        return dateline;
      }
      // Marks and numbers; a word token is never read as either.
      if (token.kind != TokenKind::kWord) break;
      const char first = text[token.begin];
      if (!(first >= 'A' && first <= 'Z') && static_cast<unsigned char>(first) < 0x80) break;
      ++words;
    }
  }
  return std::nullopt;
}

// The numeric order the document's own dates show ("25/12/2021" is day
// first), or kUnknown when they show none or disagree.
NumericDateOrder DocumentNumericOrder(std::string_view text, const Segmentation& segmentation) {
  NumericDateOrder found = NumericDateOrder::kUnknown;
  for (const Token& token : segmentation.tokens) {
    if (token.kind != TokenKind::kNumber || token.end - token.begin < 6) continue;
    const auto parts = SplitNumeric(text.substr(token.begin, token.end - token.begin));
    if (!parts) continue;
    const NumericDateOrder order = EvidentOrder(*parts);
    if (order == NumericDateOrder::kUnknown) continue;
    if (found != NumericDateOrder::kUnknown && found != order) return NumericDateOrder::kUnknown;
    found = order;
  }
  return found;
}

}  // namespace

DocumentDates ReadDocumentDates(std::string_view text, const Segmentation& segmentation,
                                const CivilDate& given_report_date, const DateOptions& options) {
  DocumentDates document;
  document.report_date = given_report_date;
  document.historical_after_days = options.historical_after_days;
  const NumericDateOrder evident = DocumentNumericOrder(text, segmentation);
  document.numeric_order = evident != NumericDateOrder::kUnknown ? evident : options.numeric_order;
  if (auto dateline = FindDateline(text, segmentation, given_report_date)) {
    document.report_date = dateline->date;
    document.from_dateline = true;
    document.dateline_first_token = dateline->first_token;
    document.dateline_end_token = dateline->end_token;
  }
  return document;
}

namespace {

// A photo caption ("The picture shows Maduro at a rally in Caracas on January
// 23.", "Photo: ...", "Pictured: ..."): pages put it wherever the picture
// stands, often between two paragraphs of history. Its dates date its own
// events but are not the narrative's: "subsequently" in the next paragraph
// refers to the story's last date, not the picture's.
bool IsCaption(const Scanner& scanner, uint32_t first, uint32_t end) {
  // Lexemes are values: their folded words live as long as they do. Asked
  // of every sentence's first words, and the words are a few letters: a
  // loop, not a memcmp call per word of the same size.
  auto is = [&](uint32_t k, std::initializer_list<std::string_view> words) {
    const std::string_view folded = scanner.At(k).Folded();
    for (const std::string_view word : words) {
      if (word.size() != folded.size()) continue;
      size_t i = 0;
      while (i < word.size() && word[i] == folded[i]) ++i;
      if (i == word.size()) return true;
    }
    return false;
  };
  uint32_t i = first;
  if (i < end && (scanner.At(i).IsMark('(') || scanner.At(i).raw == "[")) ++i;
  if (is(i, {"pictured", "caption", "credit"})) return true;
  // "Above: ...", "The picture shows", "This photo taken on", "File photo:".
  if (is(i, {"above", "below", "top"}) && scanner.At(i + 1).IsMark(':')) return true;
  const Lexeme& opener = scanner.At(i);
  if (opener.Is(Key::kThe) || opener.Is(Key::kThis) || opener.Is(Key::kNumberWord) ||
      is(i, {"file", "above", "below", "in"})) {
    ++i;
    if (scanner.At(i).Is(Key::kThe) || is(i, {"file"})) ++i;  // "In the photo", "A file photo"
  }
  if (!is(i, {"picture", "pictures", "photo", "photos", "photograph", "photographs", "image",
              "images", "screenshot", "video"})) {
    return false;
  }
  const Lexeme& next = scanner.At(i + 1);
  if (next.IsMark(':') || next.IsMark('-') || next.IsMark('=')) return true;
  return is(i + 1, {"shows", "show", "showing", "taken", "shot", "above", "below"});
}

}  // namespace

namespace {

// A stretch of the sentence that tells of another event: a relative clause
// (", who was elected in 2013,"), a reduced one (", elected in 2013,") or a
// bracket. [begin, end) in tokens.
struct Insertion {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool Contains(uint32_t first, uint32_t last_end) const {
    return first >= begin && last_end <= end;
  }
};

bool IsParticiple(const Lexeme& lex) {
  if (lex.Is(Key::kParticiple) || lex.Is(Key::kPeriodStart)) return true;
  if (lex.kind != LexKind::kOther || lex.capitalized) return false;
  const std::string_view word = lex.Folded();
  return word.size() >= 5 && word.ends_with("ed");
}

// The insertions of a sentence, at most a handful: a fixed array, no
// allocation.
struct Insertions {
  std::array<Insertion, 16> list;
  size_t count = 0;
};

// The insertions of the sentence the scanner reads.
Insertions FindInsertions(const Scanner& scanner, const Sentence& sentence) {
  Insertions insertions;
  // Only marks open or close one: the words between are passed over unread.
  const Token* const tokens = scanner.tokens();
  for (uint32_t i = sentence.first_token; i < sentence.end_token && insertions.count < 16; ++i) {
    if (tokens[i].kind != TokenKind::kPunct) continue;
    const Lexeme& lex = scanner.At(i);
    bool opens = false;
    char closer = ',';
    if (lex.mark == '(') {
      opens = true;
      closer = ')';
    } else if (lex.mark == ',' || lex.mark == '=') {
      const Lexeme& next = scanner.At(i + 1);
      const Lexeme& after = scanner.At(i + 2);
      opens = next.Is(Key::kRelative) || IsParticiple(next) ||
              (next.kind == LexKind::kOther && next.Folded() == "re" && after.IsMark('-'));
    }
    if (!opens) continue;
    uint32_t end = i + 1;
    while (end < sentence.end_token) {
      if (tokens[end].kind != TokenKind::kPunct) {
        ++end;
        continue;
      }
      const Lexeme& inner = scanner.At(end);
      if (closer == ')' ? inner.IsMark(')')
                        : (inner.IsMark(',') || inner.IsMark(';') || inner.IsMark(':') ||
                           inner.IsMark('=') || inner.IsMark(')'))) {
        break;
      }
      ++end;
    }
    // The closing mark belongs to the insertion; a sentence end closes it too.
    if (end < sentence.end_token) ++end;
    insertions.list[insertions.count++] = Insertion{i, end};
    if (closer == ')') i = end - 1;
  }
  return insertions;
}

// The table, and the insertions of its sentence: ResolveEventDate is asked
// once per event, and finding them again for each was a fifth of its work.
struct LexemesAndInsertions : SentenceLexemes {
  Insertions insertions;
  uint64_t insertions_serial = 0;  // serial() when found; 0: never
};

}  // namespace

struct DateScratch::Lexemes : LexemesAndInsertions {
  std::vector<uint32_t> candidates;  // FindCandidates' for the sentence FindDates reads
};

// DateScratch's table, for the functions below.
class DateScratchAccess {
 public:
  static LexemesAndInsertions& Of(DateScratch& scratch) { return *scratch.lexemes_; }
  static std::vector<uint32_t>& CandidatesOf(DateScratch& scratch) {
    return scratch.lexemes_->candidates;
  }
};

DateScratch::DateScratch() : lexemes_(std::make_unique<Lexemes>()) {}
DateScratch::~DateScratch() = default;

void FindDates(std::string_view text, const Segmentation& segmentation, const Sentence& sentence,
               DocumentDates& document, std::vector<DateExpression>& out) {
  // One table per thread: callers without a scratch allocate nothing either.
  thread_local DateScratch scratch;
  FindDates(text, segmentation, sentence, document, out, scratch);
}

namespace {

// Whether a number token may take part in a date expression in a sentence
// with no word that CanAnchorDate. Such a sentence has no month, weekday or
// unit, so a number there dates nothing unless it is a year after a
// preposition, a determiner or a period part (Year(1800, 2100): "in 2013",
// "the 2018 election", "mid-2015") or a numeric date (SplitNumeric:
// "03.05.2022", "2019-01-10"). Counts, amounts and times ("5", "1,000",
// "96%", "11:41") are most numbers of news, and most sentences holding one
// name no date.
bool NumberMayDate(std::string_view raw) {
  if (raw.size() == 4 && AllDigits(raw)) {
    const int value = DigitsValue(raw);
    return value >= 1800 && value <= 2100;
  }
  return raw.find_first_of("./-") != std::string_view::npos;
}

// Of `openers` tokens that OpensOnlyBeforeDateWord just before token
// `plain`, which is plain (or the end of the range), writes all but the last
// two to `out` after its first `count`; returns the new count.
size_t KeepOpenersBeforePlain(uint32_t plain, uint32_t openers, uint32_t* out, size_t count) {
  for (uint32_t j = plain - openers; j + 2 < plain; ++j) out[count++] = j;
  return count;
}

// The tokens of [first, end) that an expression may start at, in order,
// told from the folded tokens without classifying them: numbers, words
// starting with a digit ("23rd", "1990s") and words of kKeys that
// CanStartExpression, but not one that OpensOnlyBeforeDateWord before a
// token that is none of these nor another key ("in Caracas"), nor before
// another such word and then such a token ("of the country"): any other
// token reads as plain, and MayStartAt would turn it away or ExpressionAt
// find nothing. Most tokens of a sentence are plain, and classifying them all was
// most of the date stage. Written to `candidates` (grown to the sentence's
// size, never shrunk); returns how many. None when no word CanAnchorDate,
// no word starts with a digit and no number NumberMayDate: then the
// sentence holds no date (most sentences of news name none). Without key
// ids (`folded`'s IdsIn(DateKeyWords())) to tell the words apart, every
// token is a candidate.
size_t FindCandidates(std::string_view text, const Segmentation& segmentation,
                      const FoldedTokens* folded, const uint32_t* key_ids, uint32_t first,
                      uint32_t end, std::vector<uint32_t>& candidates) {
  if (candidates.size() < end - first) candidates.resize(end - first);
  uint32_t* const out = candidates.data();
  size_t count = 0;
  if (key_ids == nullptr) {
    for (uint32_t i = first; i < end; ++i) out[count++] = i;
    return count;
  }
  const Token* const tokens = segmentation.tokens.data();
  bool anchored = false;
  // Tokens [i - openers, i) OpensOnlyBeforeDateWord: candidates if token i is
  // not plain. Before a plain token, neither the last of them starts an
  // expression nor the one before it ("of the country", "in a"): each reads
  // a unit, a year, a name or "same" at most two tokens on, and "the", "a"
  // or "last" is none. One further back may ("in the past, ...").
  uint32_t openers = 0;
  for (uint32_t i = first; i < end; ++i) {
    const Token token = tokens[i];
    bool opens_only = false;
    bool starts = true;
    if (token.kind == TokenKind::kWord) {
      // As written: folding changes no digit of an ASCII word, and only
      // those are read for digits (Classify).
      const char initial = text[token.begin];
      const bool digit = initial >= '0' && initial <= '9';
      const uint32_t id = key_ids[folded->SharedId(i)];
      if (id == 0 && !digit) {
        count = KeepOpenersBeforePlain(i, openers, out, count);
        openers = 0;
        continue;
      }
      anchored = anchored || digit || kAnchorsByKeyId[id];
      opens_only = !digit && kOpensOnlyBeforeDateWordByKeyId[id];
      starts = digit || kStartsByKeyId[id];
    } else if (token.kind == TokenKind::kNumber) {
      anchored = anchored || NumberMayDate(text.substr(token.begin, token.end - token.begin));
    } else {
      count = KeepOpenersBeforePlain(i, openers, out, count);
      openers = 0;
      continue;
    }
    if (opens_only) {
      ++openers;
      continue;
    }
    for (uint32_t j = i - openers; j < i; ++j) out[count++] = j;
    openers = 0;
    if (starts) out[count++] = i;
  }
  count = KeepOpenersBeforePlain(end, openers, out, count);
  return anchored ? count : 0;
}

// FindDates, with the sentence's tokens folded already if `folded` is given.
void FindDatesIn(std::string_view text, const Segmentation& segmentation,
                 const FoldedTokens* folded, const Sentence& sentence, DocumentDates& document,
                 std::vector<DateExpression>& out, DateScratch& scratch) {
  // The dateline dates the report, not an event of its sentence.
  uint32_t first = sentence.first_token;
  if (document.dateline_end_token > document.dateline_first_token &&
      document.dateline_first_token >= sentence.first_token &&
      document.dateline_first_token < sentence.end_token) {
    first = document.dateline_end_token;
  }
  // The folded tokens' shared ids -> ids in DateKeyWords(), if they have any.
  const uint32_t* const key_ids = folded != nullptr ? folded->IdsIn(DateKeyWords()) : nullptr;
  std::vector<uint32_t>& candidates = DateScratchAccess::CandidatesOf(scratch);
  const size_t candidate_count =
      FindCandidates(text, segmentation, folded, key_ids, first, sentence.end_token, candidates);
  if (candidate_count == 0) return;
  SentenceLexemes& lexemes = DateScratchAccess::Of(scratch);
  lexemes.Reset(text, segmentation, sentence, folded, key_ids);
  const Scanner scanner(lexemes, first, sentence.end_token, document);
  // Asked once the sentence has a date to remember: most have none.
  std::optional<bool> caption;
  uint32_t next = first;  // expressions do not overlap: none starts before the last one's end
  for (const uint32_t i : std::span(candidates.data(), candidate_count)) {
    if (i < next || !scanner.MayStartAt(i)) continue;
    if (auto match = scanner.ExpressionAt(i)) {
      DateExpression expression;
      expression.first_token = i;
      expression.end_token = match->end;
      expression.date = match->date;
      expression.precision = match->precision;
      expression.kind = match->kind;
      expression.earliest = match->has_span ? match->earliest : match->date;
      expression.latest = match->has_span ? match->latest : LastDay(match->date, match->precision);
      out.push_back(expression);
      next = match->end;
      // The last date read is what "the same month", "that year" or
      // "subsequently" after it refer to.
      if (!caption) caption = IsCaption(scanner, first, sentence.end_token);
      if (expression.kind != DateKind::kBackground && !*caption) {
        document.antecedent = DateAntecedent{true, expression.date, expression.precision,
                                             expression.earliest, expression.latest};
      }
    }
  }
}

}  // namespace

void FindDates(std::string_view text, const Segmentation& segmentation, const Sentence& sentence,
               DocumentDates& document, std::vector<DateExpression>& out, DateScratch& scratch) {
  FindDatesIn(text, segmentation, nullptr, sentence, document, out, scratch);
}

void FindDates(std::string_view text, const Segmentation& segmentation, const FoldedTokens& folded,
               const Sentence& sentence, DocumentDates& document, std::vector<DateExpression>& out,
               DateScratch& scratch) {
  FindDatesIn(text, segmentation, &folded, sentence, document, out, scratch);
}

bool HasDateExpression(std::string_view text, const Segmentation& segmentation,
                       const Sentence& sentence) {
  // Any report date will do: only whether an expression is there matters.
  DocumentDates document;
  document.report_date = CivilDate{2000, 1, 1};
  thread_local DateScratch scratch;
  SentenceLexemes& lexemes = DateScratchAccess::Of(scratch);
  lexemes.Reset(text, segmentation, sentence);
  const Scanner scanner(lexemes, sentence.first_token, sentence.end_token, document);
  for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    if (scanner.MayStartAt(i) && scanner.ExpressionAt(i)) return true;
  }
  return false;
}

namespace {

// IsHistorical with the report date as its day number (`report`), for a
// caller that counted it already.
bool IsHistoricalBefore(int64_t report, const CivilDate& earliest, const CivilDate& latest,
                        int after_days) {
  const int64_t first = Days(earliest);
  const int64_t last = std::min(Days(latest), report);
  if (last < first) return false;  // all of it after the report
  const int64_t middle = first + (last - first) / 2;
  return report - middle > after_days;
}

}  // namespace

bool IsHistorical(const CivilDate& earliest, const CivilDate& latest, const CivilDate& report_date,
                  int after_days) {
  return IsHistoricalBefore(Days(report_date), earliest, latest, after_days);
}

namespace {

// ResolveEventDate with `lexemes` holding the sentence.
ResolvedDate ResolveWith(LexemesAndInsertions& lexemes, const Sentence& sentence,
                         const std::vector<DateExpression>& expressions, uint32_t anchor_token,
                         const DocumentDates& document) {
  const CivilDate& report = document.report_date;
  const int64_t report_days = DaysFromCivil(report);
  ResolvedDate result{report, DatePrecision::kDay, true, false, false};
  const Scanner scanner(lexemes, sentence.first_token, sentence.end_token, document);

  if (lexemes.insertions_serial != lexemes.serial()) {
    lexemes.insertions = FindInsertions(scanner, sentence);
    lexemes.insertions_serial = lexemes.serial();
  }
  const auto& insertions = lexemes.insertions.list;
  const size_t insertion_count = lexemes.insertions.count;

  const Token* const tokens = scanner.tokens();
  const DateExpression* best = nullptr;
  int64_t best_marks = 0, best_distance = 0;
  for (const DateExpression& expression : expressions) {
    // A date in the future dates something planned, not a coded event.
    if (DaysFromCivil(expression.earliest) > report_days) continue;
    // "the 2018 election" dates the election, not a verb near it.
    if (expression.kind == DateKind::kAttribute && expression.end_token != anchor_token) continue;
    bool elsewhere = false;
    for (size_t r = 0; r < insertion_count; ++r) {
      const Insertion& insertion = insertions[r];
      if (!insertion.Contains(expression.first_token, expression.end_token)) continue;
      if (insertion.Contains(anchor_token, anchor_token + 1)) continue;
      // "(in 2019)" alone in brackets annotates the event beside it.
      const bool only_the_date = scanner.At(insertion.begin).IsMark('(') &&
                                 insertion.begin + 1 == expression.first_token &&
                                 expression.end_token + 1 == insertion.end;
      if (!only_the_date) elsewhere = true;
    }
    if (elsewhere) continue;
    // Clause marks between the expression and the verb, not counting those
    // of insertions that hold neither, nor the comma closing a date that opens
    // the sentence ("On Monday, Peru said"): that date frames the main clause.
    // A clause mark weighs 2; "and" or "but" joining verbs weighs 1.
    uint32_t from = expression.first_token < anchor_token ? expression.end_token : anchor_token + 1;
    const uint32_t to =
        expression.first_token < anchor_token ? anchor_token : expression.first_token;
    if (expression.first_token == sentence.first_token && scanner.At(from).IsMark(',')) ++from;
    int64_t marks = 0;
    for (uint32_t i = from; i < to; ++i) {
      bool skipped = false;
      for (size_t r = 0; r < insertion_count; ++r) {
        const Insertion& insertion = insertions[r];
        if (i >= insertion.begin && i < insertion.end &&
            !insertion.Contains(anchor_token, anchor_token + 1)) {
          skipped = true;
          i = insertion.end - 1;
          break;
        }
      }
      if (skipped) continue;
      // Only a mark or a three-letter word ("and", "but") counts: the other
      // words are passed over unread.
      const Token& token = tokens[i];
      if (token.kind != TokenKind::kPunct &&
          !(token.kind == TokenKind::kWord && token.end - token.begin == 3)) {
        continue;
      }
      const Lexeme& lex = scanner.At(i);
      if (lex.IsClauseMark()) {
        marks += 2;
      } else if (lex.kind == LexKind::kOther && (lex.Folded() == "and" || lex.Folded() == "but")) {
        marks += 1;
      }
    }
    // Token distance; one after the verb wins a tie.
    const int64_t distance =
        expression.first_token >= anchor_token
            ? 2 * (static_cast<int64_t>(expression.first_token) - anchor_token)
            : 2 * (static_cast<int64_t>(anchor_token) - expression.end_token + 1) + 1;
    if (best == nullptr || marks < best_marks ||
        (marks == best_marks && distance < best_distance)) {
      best = &expression;
      best_marks = marks;
      best_distance = distance;
    }
  }
  if (best == nullptr) return result;
  if (best->kind == DateKind::kBackground) {
    // Recollection of an undated span: the report's year, not news.
    return ResolvedDate{CivilDate{report.year, 1, 1}, DatePrecision::kYear, true, true, true};
  }
  result.date = best->date;
  result.precision = best->precision;
  result.from_report = false;
  result.historical =
      IsHistoricalBefore(report_days, best->earliest, best->latest, document.historical_after_days);
  return result;
}

}  // namespace

ResolvedDate ResolveEventDate(std::string_view text, const Segmentation& segmentation,
                              const Sentence& sentence,
                              const std::vector<DateExpression>& expressions, uint32_t anchor_token,
                              const DocumentDates& document) {
  if (expressions.empty()) return ResolvedDate{document.report_date};
  thread_local DateScratch scratch;
  LexemesAndInsertions& lexemes = DateScratchAccess::Of(scratch);
  lexemes.Reset(text, segmentation, sentence);
  return ResolveWith(lexemes, sentence, expressions, anchor_token, document);
}

ResolvedDate ResolveEventDate(std::string_view text, const Segmentation& segmentation,
                              const Sentence& sentence,
                              const std::vector<DateExpression>& expressions, uint32_t anchor_token,
                              const DocumentDates& document, DateScratch& scratch) {
  if (expressions.empty()) return ResolvedDate{document.report_date};
  LexemesAndInsertions& lexemes = DateScratchAccess::Of(scratch);
  lexemes.Use(text, segmentation, sentence);
  return ResolveWith(lexemes, sentence, expressions, anchor_token, document);
}

}  // namespace dyad
