// Segment(): one pass over the bytes to cut tokens, one pass over the tokens
// to place sentence boundaries. Both passes look at most a few code points (or
// the whitespace between two tokens) ahead, so the whole is linear.

#include "segment/segment.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <limits>
#include <optional>
#include <string_view>

#include "base/ascii_bytes.h"
#include "base/utf8.h"

namespace dyad {
namespace {

// ---------------------------------------------------------------------------
// Linguistic knowledge: abbreviations and the words around them.

// How a word followed by a period ("Gen.", "U.S.", "J.") behaves.
enum class PeriodWord : uint8_t {
  kNone,          // not an abbreviation: the period is a token of its own
  kTitle,         // "Gen.", "Dr.": precedes a name, never ends a sentence
  kBeforeNumber,  // "No.", "Art.": an abbreviation only before a number ("No. 10")
  kCommonEnd,     // "U.S.", "Inc.", "etc.": ends a sentence before a capitalised word
  kRarelyEnds,    // "Jan.", "e.g.": ends a sentence only before a typical sentence opener
  kInitial,       // "J.", "W.": a single capital letter, like kRarelyEnds
};

struct Abbreviation {
  std::string_view form;  // lowercase ASCII, without the final period
  PeriodWord kind;
};

// Matched ASCII case-insensitively, so headlines in capitals ("GEN.") work.
constexpr std::array kAbbreviations = {
    // Titles and ranks.
    Abbreviation{"mr", PeriodWord::kTitle},
    Abbreviation{"mrs", PeriodWord::kTitle},
    Abbreviation{"ms", PeriodWord::kTitle},
    Abbreviation{"messrs", PeriodWord::kTitle},
    Abbreviation{"dr", PeriodWord::kTitle},
    Abbreviation{"prof", PeriodWord::kTitle},
    Abbreviation{"gen", PeriodWord::kTitle},
    Abbreviation{"gens", PeriodWord::kTitle},
    Abbreviation{"col", PeriodWord::kTitle},
    Abbreviation{"lt", PeriodWord::kTitle},
    Abbreviation{"maj", PeriodWord::kTitle},
    Abbreviation{"capt", PeriodWord::kTitle},
    Abbreviation{"cmdr", PeriodWord::kTitle},
    Abbreviation{"adm", PeriodWord::kTitle},
    Abbreviation{"brig", PeriodWord::kTitle},
    Abbreviation{"sgt", PeriodWord::kTitle},
    Abbreviation{"cpl", PeriodWord::kTitle},
    Abbreviation{"pvt", PeriodWord::kTitle},
    Abbreviation{"sen", PeriodWord::kTitle},
    Abbreviation{"sens", PeriodWord::kTitle},
    Abbreviation{"rep", PeriodWord::kTitle},
    Abbreviation{"reps", PeriodWord::kTitle},
    Abbreviation{"gov", PeriodWord::kTitle},
    Abbreviation{"pres", PeriodWord::kTitle},
    Abbreviation{"amb", PeriodWord::kTitle},
    Abbreviation{"rev", PeriodWord::kTitle},
    Abbreviation{"hon", PeriodWord::kTitle},
    Abbreviation{"supt", PeriodWord::kTitle},
    Abbreviation{"st", PeriodWord::kTitle},
    Abbreviation{"mt", PeriodWord::kTitle},
    Abbreviation{"ft", PeriodWord::kTitle},
    // Before numbers only: "No" alone is also the word "no".
    Abbreviation{"no", PeriodWord::kBeforeNumber},
    Abbreviation{"nos", PeriodWord::kBeforeNumber},
    Abbreviation{"nr", PeriodWord::kBeforeNumber},
    Abbreviation{"art", PeriodWord::kBeforeNumber},
    Abbreviation{"fig", PeriodWord::kBeforeNumber},
    Abbreviation{"vol", PeriodWord::kBeforeNumber},
    Abbreviation{"pp", PeriodWord::kBeforeNumber},
    // Often the last word of a sentence.
    Abbreviation{"u.s", PeriodWord::kCommonEnd},
    Abbreviation{"u.k", PeriodWord::kCommonEnd},
    Abbreviation{"u.n", PeriodWord::kCommonEnd},
    Abbreviation{"e.u", PeriodWord::kCommonEnd},
    Abbreviation{"etc", PeriodWord::kCommonEnd},
    Abbreviation{"inc", PeriodWord::kCommonEnd},
    Abbreviation{"ltd", PeriodWord::kCommonEnd},
    Abbreviation{"co", PeriodWord::kCommonEnd},
    Abbreviation{"corp", PeriodWord::kCommonEnd},
    Abbreviation{"bros", PeriodWord::kCommonEnd},
    Abbreviation{"jr", PeriodWord::kCommonEnd},
    Abbreviation{"sr", PeriodWord::kCommonEnd},
    Abbreviation{"ave", PeriodWord::kCommonEnd},
    Abbreviation{"a.m", PeriodWord::kCommonEnd},
    Abbreviation{"p.m", PeriodWord::kCommonEnd},
    // Mid-sentence words: months, Latin, "vs.".
    Abbreviation{"jan", PeriodWord::kRarelyEnds},
    Abbreviation{"feb", PeriodWord::kRarelyEnds},
    Abbreviation{"mar", PeriodWord::kRarelyEnds},
    Abbreviation{"apr", PeriodWord::kRarelyEnds},
    Abbreviation{"jun", PeriodWord::kRarelyEnds},
    Abbreviation{"jul", PeriodWord::kRarelyEnds},
    Abbreviation{"aug", PeriodWord::kRarelyEnds},
    Abbreviation{"sep", PeriodWord::kRarelyEnds},
    Abbreviation{"sept", PeriodWord::kRarelyEnds},
    Abbreviation{"oct", PeriodWord::kRarelyEnds},
    Abbreviation{"nov", PeriodWord::kRarelyEnds},
    Abbreviation{"dec", PeriodWord::kRarelyEnds},
    Abbreviation{"e.g", PeriodWord::kRarelyEnds},
    Abbreviation{"i.e", PeriodWord::kRarelyEnds},
    Abbreviation{"cf", PeriodWord::kRarelyEnds},
    Abbreviation{"al", PeriodWord::kRarelyEnds},  // "et al."
    Abbreviation{"vs", PeriodWord::kRarelyEnds},
    Abbreviation{"v", PeriodWord::kRarelyEnds},  // "Roe v. Wade"
    Abbreviation{"approx", PeriodWord::kRarelyEnds},
    Abbreviation{"est", PeriodWord::kRarelyEnds},
    Abbreviation{"dept", PeriodWord::kRarelyEnds},
};

// Capitalised words that usually open a sentence and hardly ever follow an
// initial, a month or "e.g." inside one: after those, they mark a new sentence.
constexpr auto kSentenceOpeners = std::to_array<std::string_view>({
    "The",       "A",        "An",    "It",    "Its",       "He",      "She",      "They",
    "We",        "I",        "You",   "In",    "On",        "At",      "By",       "To",
    "From",      "For",      "With",  "Under", "After",     "Before",  "During",   "Since",
    "But",       "And",      "Or",    "So",    "Yet",       "Also",    "This",     "That",
    "These",     "Those",    "There", "Their", "His",       "Her",     "Our",      "However",
    "Meanwhile", "Moreover", "When",  "While", "As",        "If",      "Although", "Though",
    "Some",      "Many",     "Most",  "Both",  "According", "Earlier", "Later",    "Last",
    "Still",     "What",
});

// Capitalised words that commonly follow "U.S.", "U.N." or "Inc." inside a
// sentence ("U.S. Secretary of State", "U.N. Security Council"), so they do
// not mark a new sentence there.
constexpr auto kAttributiveHeads = std::to_array<std::string_view>({
    "President",  "Vice",         "Secretary",      "Senator",      "Senate",
    "Congress",   "Congressman",  "Congresswoman",  "House",        "Representative",
    "Ambassador", "Embassy",      "Consulate",      "Envoy",        "Special",
    "Treasury",   "State",        "Department",     "Defense",      "Defence",
    "Justice",    "Attorney",     "Commerce",       "Trade",        "Energy",
    "Homeland",   "Army",         "Navy",           "Air",          "Marine",
    "Marines",    "Coast",        "Military",       "Forces",       "Force",
    "Command",    "Central",      "Southern",       "Northern",     "Federal",
    "National",   "Government",   "Administration", "Supreme",      "District",
    "Court",      "Security",     "General",        "Assembly",     "Human",
    "High",       "Commissioner", "Mission",        "Peacekeeping", "Agency",
    "Office",     "Border",       "Customs",        "Intelligence", "Chief",
    "CEO",        "Chairman",     "Foreign",
});

// ---------------------------------------------------------------------------
// Code points and their classes.

using CodePoint = Utf8CodePoint;

// Most news text is ASCII: its code points are decoded and classified inline.
inline CodePoint DecodeAt(std::string_view text, size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1};
  return DecodeUtf8At(text, pos);
}

enum class CharClass : uint8_t {
  kSpace,   // separates tokens: Unicode spaces, line breaks, controls, zero-width spaces
  kLetter,  // letters of any script, and letter-like numbers (Roman numerals, "²")
  kDigit,   // decimal digits of any script
  kMark,    // combining marks: they extend the character before them
  kFormat,  // invisible format characters (soft hyphen, ZWJ, bidi marks): kept
            // inside a word, skipped like spaces between tokens
  kOther,   // punctuation, symbols, emoji, and bytes that are not valid UTF-8
};

constexpr auto kAsciiClasses = [] {
  std::array<CharClass, 0x80> classes{};
  for (int c = 0; c < 0x80; ++c) {
    if (c <= 0x20 || c == 0x7F) {
      classes[c] = CharClass::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      classes[c] = CharClass::kLetter;
    } else if (c >= '0' && c <= '9') {
      classes[c] = CharClass::kDigit;
    } else {
      classes[c] = CharClass::kOther;
    }
  }
  return classes;
}();

// ASCII bytes that end a run of ASCII letters as a word of its own: all but
// digits, the period and the apostrophe, which may continue the word ("G7",
// "U.S.", "O'Brien") or end it in a clitic ("n't"). A letter never follows
// the run. Bytes from 0x80 up are not in it: a letter, a mark or a curly
// apostrophe may start there.
constexpr auto kEndsAsciiWord = [] {
  std::array<bool, 256> ends{};
  for (int c = 0; c < 0x80; ++c) {
    ends[c] = kAsciiClasses[c] != CharClass::kDigit && c != '.' && c != '\'';
  }
  return ends;
}();

inline bool IsAsciiLetter(char c) {
  return static_cast<unsigned>((static_cast<unsigned char>(c) | 0x20) - 'a') < 26;
}

// The end of the run of ASCII letters that starts at `pos` (a letter).
// Eight bytes at a time while eight remain: a byte loop over the letters of
// every word was a fifth of Segment. Always inlined: it runs once a word,
// and the call itself cost nearly as much as the test.
[[gnu::always_inline]] inline size_t AsciiLetterRunEnd(std::string_view text, size_t pos) {
  if constexpr (kEightByteTests) {
    for (; pos + 8 <= text.size(); pos += 8) {
      const uint64_t others = ~AsciiLetterBits(LoadEightBytes(text, pos)) & kByteHighBits;
      if (others != 0) return pos + FirstByteOf(others);
    }
  }
  while (pos < text.size() && IsAsciiLetter(text[pos])) ++pos;
  return pos;
}

CharClass ClassifyNonAscii(int32_t cp) {
  if (cp < 0) return CharClass::kOther;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_CF:
      // Zero-width space, word joiner, byte order mark, Mongolian vowel separator.
      if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E) return CharClass::kSpace;
      return CharClass::kFormat;
    default:
      return CharClass::kOther;
  }
}

inline CharClass Classify(int32_t cp) {
  if (cp >= 0 && cp < 0x80) return kAsciiClasses[cp];
  return ClassifyNonAscii(cp);
}

bool IsWordChar(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark;
}

bool IsLowercaseLetter(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool IsUppercaseLetter(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const utf8proc_category_t category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool IsSymbol(int32_t cp) { return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_SO; }

bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

// Sentence-final marks: . ! ? … ‼ ⁇ ⁈ ⁉, the CJK and fullwidth stops, the
// Arabic question mark and the Devanagari dandas.
bool IsTerminatorMark(int32_t cp) {
  switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x3002:
    case 0xFF01:
    case 0xFF0E:
    case 0xFF1F:
    case 0xFF61:
    case 0x061F:
    case 0x06D4:
    case 0x0964:
    case 0x0965:
      return true;
    default:
      return false;
  }
}

// Marks that close what a sentence opened, kept with the sentence they close.
bool IsCloserMark(int32_t cp) {
  if (cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}') return true;
  if (cp < 0x80) return false;
  const utf8proc_category_t category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_PE || category == UTF8PROC_CATEGORY_PF;  // ” ’ » ›
}

// Brackets and quotes are one token per mark even when repeated ("))").
bool RepeatsIntoOneToken(int32_t cp) {
  if (cp == '"' || cp == '\'' || cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == '{' ||
      cp == '}') {
    return false;
  }
  if (cp < 0x80) return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
      return false;
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------
// Abbreviation lookups.

// An abbreviation of up to 7 ASCII bytes packed into one integer, lowercased,
// so that a lookup compares integers rather than strings.
constexpr size_t kLongestAbbreviation = 7;

constexpr uint64_t PackLowercase(std::string_view word) {
  uint64_t key = word.size();
  for (const char c : word)
    key = key << 8 | static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  return key;
}

constexpr auto kAbbreviationKeys = [] {
  std::array<uint64_t, kAbbreviations.size()> keys{};
  for (size_t i = 0; i < keys.size(); ++i) {
    assert(kAbbreviations[i].form.size() <= kLongestAbbreviation);
    keys[i] = PackLowercase(kAbbreviations[i].form);
  }
  return keys;
}();

// The keys in an open-addressing table, so that a lookup (every word before
// a period) probes a slot or two instead of scanning them all.
struct AbbreviationTable {
  static constexpr size_t kSlots = 256;  // a power of two, under a third full
  static constexpr size_t Slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> 56; }
  std::array<uint64_t, kSlots> keys{};  // 0: empty (a packed key holds its size)
  std::array<uint8_t, kSlots> index{};  // into kAbbreviations
};
static_assert(kAbbreviations.size() * 3 < AbbreviationTable::kSlots);

constexpr AbbreviationTable kAbbreviationTable = [] {
  AbbreviationTable table;
  for (size_t i = 0; i < kAbbreviationKeys.size(); ++i) {
    size_t slot = AbbreviationTable::Slot(kAbbreviationKeys[i]);
    while (table.keys[slot] != 0) slot = (slot + 1) % AbbreviationTable::kSlots;
    table.keys[slot] = kAbbreviationKeys[i];
    table.index[slot] = static_cast<uint8_t>(i);
  }
  return table;
}();

std::optional<PeriodWord> LookupAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > kLongestAbbreviation) return std::nullopt;
  const uint64_t key = PackLowercase(word);
  for (size_t slot = AbbreviationTable::Slot(key); kAbbreviationTable.keys[slot] != 0;
       slot = (slot + 1) % AbbreviationTable::kSlots) {
    if (kAbbreviationTable.keys[slot] == key) {
      return kAbbreviations[kAbbreviationTable.index[slot]].kind;
    }
  }
  return std::nullopt;
}

// True if `word` is exactly one letter (with any combining marks), and a
// capital if `require_uppercase`.
bool IsSingleLetter(std::string_view word, bool require_uppercase) {
  if (word.empty()) return false;
  const CodePoint first = DecodeAt(word, 0);
  if (Classify(first.value) != CharClass::kLetter) return false;
  if (require_uppercase && !IsUppercaseLetter(first.value)) return false;
  for (size_t pos = first.size; pos < word.size();) {
    const CodePoint c = DecodeAt(word, pos);
    if (Classify(c.value) != CharClass::kMark) return false;
    pos += c.size;
  }
  return true;
}

// "U.S", "D.C", "a.m": single letters joined by periods.
bool IsDottedInitials(std::string_view word) {
  if (word.find('.') == std::string_view::npos) return false;
  size_t begin = 0;
  while (true) {
    const size_t dot = word.find('.', begin);
    const std::string_view segment =
        word.substr(begin, dot == std::string_view::npos ? std::string_view::npos : dot - begin);
    if (!IsSingleLetter(segment, /*require_uppercase=*/false)) return false;
    if (dot == std::string_view::npos) return true;
    begin = dot + 1;
  }
}

// How `word`, which must end in a period, behaves as a whole ("Gen." -> kTitle).
PeriodWord ClassifyPeriodWord(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return PeriodWord::kNone;
  word.remove_suffix(1);
  if (const std::optional<PeriodWord> kind = LookupAbbreviation(word)) return *kind;
  // Initials ("J.", "D.C.") have a period or a mark after their first
  // letter, never a second letter: that settles most words here, which end a
  // sentence ("said.").
  if (word.size() > 1 && IsAsciiLetter(word[1])) return PeriodWord::kNone;
  if (IsDottedInitials(word)) return PeriodWord::kCommonEnd;  // "D.C.", "U.A.E."
  if (IsSingleLetter(word, /*require_uppercase=*/true)) return PeriodWord::kInitial;
  return PeriodWord::kNone;
}

template <size_t N>
bool Contains(const std::array<std::string_view, N>& table, std::string_view word) {
  return std::find(table.begin(), table.end(), word) != table.end();
}

// ---------------------------------------------------------------------------
// Where sentences may end.

// The last bytes of the tokens that may end a sentence, told without their
// kind: . ! ? and the bytes of characters beyond ASCII (terminators such as
// "…" and closing quotes among them). A word ends in a letter, a digit, an
// apostrophe or an abbreviation's period; a number in a digit or "%"; a
// mark that is ASCII in itself, repeated ("...") or followed by what extends
// it (all beyond ASCII). So a token ending in any other byte is no
// terminator, no abbreviation and no closer. A word ending in "é" is let
// through for nothing.
constexpr auto kMayEndSentence = [] {
  std::array<bool, 256> may_end{};
  may_end['.'] = may_end['!'] = may_end['?'] = true;
  for (int c = 0x80; c < 0x100; ++c) may_end[c] = true;
  return may_end;
}();

// Characters of a line break, which LineBreaksAfter counts: only a line
// break in the space between two tokens can end a sentence there.
inline bool IsLineBreak(int32_t cp) {
  return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x0085 || cp == 0x2028 ||
         cp == 0x2029;
}

// ---------------------------------------------------------------------------
// Pass 1: tokens.

class Tokenizer {
 public:
  // Appends the tokens of `text` to `tokens`, and to `possible_ends` (in
  // order, once each) the tokens after which a sentence may end: those whose
  // last byte kMayEndSentence, and those a line break follows. Most tokens
  // are neither, and the sentence splitter then passes over them without a
  // look (a loop over every token there was a sixth of Segment).
  Tokenizer(std::string_view text, std::vector<Token>& tokens, std::vector<uint32_t>& possible_ends)
      : text_(text), tokens_(tokens), possible_ends_(possible_ends) {}

  void Run() {
    size_t pos = 0;
    while (pos < text_.size()) {
      // Nearly every byte of news text is ASCII: its class is one load.
      const auto byte = static_cast<unsigned char>(text_[pos]);
      if (byte < 0x80) {
        switch (kAsciiClasses[byte]) {
          case CharClass::kSpace:
            if (IsLineBreak(byte)) BreakAfterLastToken();
            ++pos;
            break;
          case CharClass::kLetter:
            // Most words follow a word and a space: straight to the next.
            do {
              pos = ScanAsciiWord(pos);
            } while (pos < text_.size() && IsAsciiLetter(text_[pos]));
            break;
          case CharClass::kDigit:
            pos = ScanWord(pos);
            break;
          default:  // kOther: ASCII has no marks or format characters
            // Most marks are ASCII, no apostrophe, and followed by ASCII
            // other than themselves (", "): a token of one byte, as
            // ScanOther would make it, without the call.
            if (byte != '\'' &&
                (pos + 1 == text_.size() || (static_cast<unsigned char>(text_[pos + 1]) < 0x80 &&
                                             text_[pos + 1] != text_[pos]))) {
              Emit(pos, pos + 1, TokenKind::kPunct);
              ++pos;
            } else {
              pos = ScanOther(pos, CodePoint{byte, 1});
            }
            break;
        }
        continue;
      }
      const CodePoint c = DecodeUtf8At(text_, pos);
      switch (Classify(c.value)) {
        case CharClass::kSpace:
        case CharClass::kFormat:
          if (IsLineBreak(c.value)) BreakAfterLastToken();
          pos += c.size;
          break;
        case CharClass::kLetter:
        case CharClass::kDigit:
        case CharClass::kMark:
          pos = ScanWord(pos);
          break;
        case CharClass::kOther:
          pos = ScanOther(pos, c);
          break;
      }
    }
  }

 private:
  CharClass ClassAt(size_t pos) const {
    return pos < text_.size() ? Classify(DecodeAt(text_, pos).value) : CharClass::kSpace;
  }

  // Always inlined: it runs once a token, and a call cost as much as the rest.
  [[gnu::always_inline]] void Emit(size_t begin, size_t end, TokenKind kind) {
    if (kMayEndSentence[static_cast<unsigned char>(text_[end - 1])]) {
      possible_ends_.push_back(static_cast<uint32_t>(tokens_.size()));
    }
    tokens_.push_back(Token{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), kind});
  }
  // Emit for a word whose last byte is an ASCII letter: no possible end.
  void EmitEndingInLetter(size_t begin, size_t end) {
    tokens_.push_back(
        Token{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), TokenKind::kWord});
  }
  // A line break follows the last token.
  void BreakAfterLastToken() {
    if (tokens_.empty()) return;
    const auto last = static_cast<uint32_t>(tokens_.size() - 1);
    if (possible_ends_.empty() || possible_ends_.back() != last) possible_ends_.push_back(last);
  }

  // If an English clitic ('s 're 've 'll 'd 'm) starts right after the
  // apostrophe that ends at `pos` and ends the word, returns its end; else 0.
  size_t CliticEnd(size_t pos) const {
    std::array<char, 2> lower{};
    size_t size = 0;
    while (size < lower.size() && pos + size < text_.size()) {
      const char c = static_cast<char>(text_[pos + size] | 0x20);
      if (c < 'a' || c > 'z') break;
      lower[size++] = c;
    }
    for (; size > 0; --size) {
      const std::string_view clitic(lower.data(), size);
      if ((clitic == "s" || clitic == "d" || clitic == "m" || clitic == "re" || clitic == "ve" ||
           clitic == "ll") &&
          !IsWordChar(ClassAt(pos + size))) {
        return pos + size;
      }
    }
    return 0;
  }

  // True if "n't" (straight or curly apostrophe) starts at `pos` and ends the word.
  bool StartsNegation(size_t pos) const {
    if ((text_[pos] | 0x20) != 'n' || pos + 1 >= text_.size()) return false;
    const CodePoint apostrophe = DecodeAt(text_, pos + 1);
    if (!IsApostrophe(apostrophe.value)) return false;
    const size_t t = pos + 1 + apostrophe.size;
    return t < text_.size() && (text_[t] | 0x20) == 't' && !IsWordChar(ClassAt(t + 1));
  }

  bool NextVisibleIsDigit(size_t pos) const {
    while (pos < text_.size()) {
      const CodePoint c = DecodeAt(text_, pos);
      const CharClass cls = Classify(c.value);
      if (cls != CharClass::kSpace && cls != CharClass::kFormat) return cls == CharClass::kDigit;
      pos += c.size;
    }
    return false;
  }

  // A word starting with an ASCII letter at `begin`. Most are ASCII letters
  // up to a space or a comma: those are emitted here, without ScanWord's
  // checks for digits, inner periods, clitics and abbreviations. Returns
  // where Run goes on, past the space that follows most words.
  size_t ScanAsciiWord(size_t begin) {
    const size_t end = AsciiLetterRunEnd(text_, begin);
    if (end == text_.size()) {
      EmitEndingInLetter(begin, end);
      return end;
    }
    const auto next = static_cast<unsigned char>(text_[end]);
    if (kEndsAsciiWord[next]) {
      EmitEndingInLetter(begin, end);
      return next == ' ' ? end + 1 : end;
    }
    // "said." or "Gen. ": a period that no letter follows ends the word, and
    // may belong to it; the other periods ("U.S", "reuters.com") to ScanWord.
    if (next == '.' &&
        (end + 1 == text_.size() ||
         (static_cast<unsigned char>(text_[end + 1]) < 0x80 && !IsAsciiLetter(text_[end + 1])))) {
      const size_t word_end = WithFinalPeriod(begin, end);
      Emit(begin, word_end, TokenKind::kWord);
      return word_end;
    }
    return ScanWord(begin);
  }

  // `end`, the end of a word that starts at `begin`, or one past it if the
  // period there ends an abbreviation or an initial ("Gen.", "J."), but not
  // if the period starts an ellipsis.
  size_t WithFinalPeriod(size_t begin, size_t end) const {
    const size_t size = text_.size();
    if (end < size && text_[end] == '.' && (end + 1 == size || text_[end + 1] != '.')) {
      const PeriodWord kind = ClassifyPeriodWord(text_.substr(begin, end + 1 - begin));
      if (kind != PeriodWord::kNone &&
          (kind != PeriodWord::kBeforeNumber || NextVisibleIsDigit(end + 1))) {
        return end + 1;
      }
    }
    return end;
  }

  // A word or a number starting at `begin`; may also emit nothing but one
  // token and stop before a clitic ("Venezuela|'s", "did|n't").
  size_t ScanWord(size_t begin) {
    const size_t size = text_.size();
    const bool starts_with_digit =
        !IsAsciiLetter(text_[begin]) && ClassAt(begin) == CharClass::kDigit;
    bool has_letter = false;
    CharClass previous = CharClass::kSpace;  // the last letter, digit or joined mark
    uint32_t segment_letters = 0;            // letters since the start or the last inner period
    size_t pos = begin;
    while (pos < size) {
      // A run of ASCII letters, the bulk of English text, without decoding.
      if (IsAsciiLetter(text_[pos])) {
        const size_t run_begin = pos;
        const size_t run_end = AsciiLetterRunEnd(text_, pos);
        // "n't" starts at most at the run's last letter: an apostrophe follows it.
        const size_t last = run_end - 1;
        const bool negation = (text_[last] | 0x20) == 'n' &&
                              (last > run_begin || previous == CharClass::kLetter) &&
                              StartsNegation(last);
        pos = negation ? last : run_end;
        if (pos > run_begin) {
          has_letter = true;
          segment_letters += static_cast<uint32_t>(pos - run_begin);
          previous = CharClass::kLetter;
        }
        if (negation) break;
        continue;
      }
      if (text_[pos] == ' ') break;  // how most words end: no decoding
      // An ASCII digit: no decoding either.
      if (static_cast<unsigned char>(text_[pos] - '0') < 10) {
        previous = CharClass::kDigit;
        ++pos;
        continue;
      }
      const CodePoint c = DecodeAt(text_, pos);
      const CharClass cls = Classify(c.value);
      if (cls == CharClass::kLetter) {
        if (previous == CharClass::kLetter && StartsNegation(pos)) break;
        has_letter = true;
        ++segment_letters;
        previous = cls;
        pos += c.size;
        continue;
      }
      if (cls == CharClass::kDigit) {
        previous = cls;
        pos += c.size;
        continue;
      }
      if (cls == CharClass::kMark || cls == CharClass::kFormat) {
        pos += c.size;
        continue;
      }
      if (cls != CharClass::kOther) break;
      // Punctuation stays inside the token only between the right neighbours.
      const size_t next = pos + c.size;
      const int32_t after = next < size ? DecodeAt(text_, next).value : -1;
      const CharClass after_class = next < size ? Classify(after) : CharClass::kSpace;
      bool joins = false;
      if (IsApostrophe(c.value)) {
        // "O'Brien", "d'Ivoire"; but "Venezuela's" stops here for the clitic.
        joins = previous == CharClass::kLetter && after_class == CharClass::kLetter &&
                CliticEnd(next) == 0;
      } else if (c.value == '.') {
        if (after_class == CharClass::kLetter) {
          // "U.S", "e.g" (one letter before the period), "Ph.D" (one letter
          // and a period after it), or "reuters.com" (lowercase after it,
          // which a new sentence would not have).
          const size_t after_end = next + DecodeAt(text_, next).size;
          joins = (segment_letters == 1 && previous == CharClass::kLetter) ||
                  (segment_letters > 0 && IsLowercaseLetter(after)) ||
                  (segment_letters > 0 && after_end < size && text_[after_end] == '.');
        } else if (after_class == CharClass::kDigit) {
          joins = previous == CharClass::kDigit;  // "3.5", "03.05.2022"
        }
        if (joins) segment_letters = 0;
      } else if (c.value == ',' || c.value == '/' || c.value == '-' || c.value == ':') {
        // "1,000", "5/3/2022", "2019-01-10", "11:41"; never in words ("COVID-19").
        joins = !has_letter && previous == CharClass::kDigit && after_class == CharClass::kDigit;
      } else if (c.value == '%' && !has_letter && previous == CharClass::kDigit) {
        pos = next;  // "96%" ends here
        break;
      }
      if (!joins) break;
      previous = CharClass::kOther;
      pos = next;
    }

    // A final period belongs to an abbreviation or an initial.
    const size_t end = has_letter ? WithFinalPeriod(begin, pos) : pos;
    Emit(begin, end, starts_with_digit && !has_letter ? TokenKind::kNumber : TokenKind::kWord);
    return end;
  }

  // Skips what extends the symbol before it: combining marks and variation
  // selectors, skin tones, emoji tags, and a zero-width joiner with the
  // character it joins.
  size_t SkipExtenders(size_t pos) const {
    while (pos < text_.size()) {
      const CodePoint c = DecodeAt(text_, pos);
      if (Classify(c.value) == CharClass::kMark || (c.value >= 0x1F3FB && c.value <= 0x1F3FF) ||
          (c.value >= 0xE0020 && c.value <= 0xE007F)) {
        pos += c.size;
      } else if (c.value == 0x200D && pos + c.size < text_.size() &&
                 IsSymbol(DecodeAt(text_, pos + c.size).value)) {
        pos += c.size + DecodeAt(text_, pos + c.size).size;
      } else {
        break;
      }
    }
    return pos;
  }

  size_t ScanOther(size_t begin, CodePoint first) {
    // A clitic right after a word: "U.S.'s", and "'s" after "Venezuela".
    if (IsApostrophe(first.value) && !tokens_.empty() && tokens_.back().end == begin &&
        tokens_.back().kind != TokenKind::kPunct) {
      if (const size_t end = CliticEnd(begin + first.size)) {
        Emit(begin, end, TokenKind::kWord);
        return end;
      }
    }
    size_t pos = begin + first.size;
    // Most marks are ASCII, followed by ASCII other than themselves (", "):
    // nothing extends them or repeats into them.
    if (first.value >= 0 && first.value < 0x80 &&
        (pos == text_.size() ||
         (static_cast<unsigned char>(text_[pos]) < 0x80 && text_[pos] != first.value))) {
      Emit(begin, pos, TokenKind::kPunct);
      return pos;
    }
    if (first.value >= 0) {
      pos = SkipExtenders(pos);
      const bool regional_indicator = first.value >= 0x1F1E6 && first.value <= 0x1F1FF;
      if (regional_indicator && pos < text_.size()) {
        const CodePoint second = DecodeAt(text_, pos);  // a flag is a pair of them
        if (second.value >= 0x1F1E6 && second.value <= 0x1F1FF) {
          pos = SkipExtenders(pos + second.size);
        }
      } else if (RepeatsIntoOneToken(first.value)) {
        while (pos < text_.size()) {
          const CodePoint c = DecodeAt(text_, pos);
          if (c.value != first.value) break;
          pos = SkipExtenders(pos + c.size);
        }
      }
    }
    Emit(begin, pos, TokenKind::kPunct);
    return pos;
  }

  std::string_view text_;
  std::vector<Token>& tokens_;
  std::vector<uint32_t>& possible_ends_;
};

// ---------------------------------------------------------------------------
// Pass 2: sentences.

class SentenceSplitter {
 public:
  // `possible_ends` as the Tokenizer made them.
  SentenceSplitter(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<uint32_t>& possible_ends, std::vector<Sentence>& sentences)
      : text_(text), tokens_(tokens), possible_ends_(possible_ends), sentences_(sentences) {}

  void Run() {
    const size_t count = tokens_.size();
    size_t start = 0;
    for (size_t i = 0; i < count;) {
      i = NextPossibleEnd(i);
      size_t last = i;
      bool ends = false;
      if (IsTerminator(i)) {
        // "?!", ". . ." and the closing quotes and brackets after them.
        while (last + 1 < count && IsTerminator(last + 1) && LineBreaksAfter(last) == 0) ++last;
        last = ExtendOverClosers(last);
        ends = TerminatorEnds(start, i, last);
      } else if (const PeriodWord kind = PeriodWordKind(i); kind != PeriodWord::kNone) {
        last = ExtendOverClosers(i);
        ends = AbbreviationEnds(kind, last);
      }
      if (!ends && last + 1 < count) ends = LineBreakEnds(last);
      if (ends || last + 1 == count) {
        sentences_.push_back(Sentence{tokens_[start].begin, tokens_[last].end,
                                      static_cast<uint32_t>(start),
                                      static_cast<uint32_t>(last + 1)});
        start = last + 1;
      }
      i = last + 1;
    }
  }

 private:
  std::string_view TextOf(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }

  // The first token from `i` (< the count) on that the sentence might end
  // after: the next of the possible ends, or the last token. Most tokens go
  // on the sentence without a question: passed over without decoding them
  // or classifying their final period. A possible end that is none (a word
  // ending in "é") changes nothing: Run finds no end after it.
  size_t NextPossibleEnd(size_t i) {
    while (next_end_ < possible_ends_.size() && possible_ends_[next_end_] < i) ++next_end_;
    return next_end_ < possible_ends_.size() ? possible_ends_[next_end_] : tokens_.size() - 1;
  }

  // Whether `next` follows `token` directly or after one space (so no line
  // break between them).
  bool NothingOrSpaceBetween(const Token& token, const Token& next) const {
    return next.begin == token.end || (next.begin == token.end + 1 && text_[token.end] == ' ');
  }

  int32_t FirstCodePoint(size_t i) const { return DecodeAt(text_, tokens_[i].begin).value; }

  bool IsTerminator(size_t i) const {
    return tokens_[i].kind == TokenKind::kPunct && IsTerminatorMark(FirstCodePoint(i));
  }

  PeriodWord PeriodWordKind(size_t i) const {
    // Most words do not end in a period: no need to look further.
    if (tokens_[i].kind != TokenKind::kWord || text_[tokens_[i].end - 1] != '.') {
      return PeriodWord::kNone;
    }
    return ClassifyPeriodWord(TextOf(i));
  }

  bool StartsLowercase(size_t i) const { return IsLowercaseLetter(FirstCodePoint(i)); }

  // Closing quotes and brackets written right after `last` (no space between).
  size_t ExtendOverClosers(size_t last) const {
    while (last + 1 < tokens_.size() && tokens_[last + 1].begin == tokens_[last].end &&
           tokens_[last + 1].kind == TokenKind::kPunct && IsCloserMark(FirstCodePoint(last + 1))) {
      ++last;
    }
    return last;
  }

  // Line breaks in the whitespace after token i: 0, 1, or 2 for a paragraph
  // break (a blank line, a paragraph separator or a form feed).
  int LineBreaksAfter(size_t i) const {
    if (NothingOrSpaceBetween(tokens_[i], tokens_[i + 1])) return 0;  // needs no decoding
    const size_t begin = tokens_[i].end;
    const size_t end = tokens_[i + 1].begin;
    int breaks = 0;
    for (size_t pos = begin; pos < end && breaks < 2;) {
      const CodePoint c = DecodeAt(text_, pos);
      pos += c.size;
      if (!IsLineBreak(c.value)) continue;
      if (c.value == '\f' || c.value == 0x2029) {  // a paragraph's
        breaks = 2;
        continue;
      }
      if (c.value == '\r' && pos < end && text_[pos] == '\n') ++pos;  // one break
      ++breaks;
    }
    return breaks;
  }

  bool TerminatorEnds(size_t start, size_t first, size_t last) const {
    // A list number ("1. Venezuela ...") is not a sentence of its own.
    if (first == start + 1 && tokens_[start].kind == TokenKind::kNumber &&
        TextOf(start).size() <= 2 && TextOf(first) == ".") {
      return false;
    }
    const size_t next = last + 1;
    if (next == tokens_.size()) return true;
    if (StartsLowercase(next)) return false;  // '"Why?" he asked', "talks ... were"
    const int32_t cp = FirstCodePoint(next);
    return !(tokens_[next].kind == TokenKind::kPunct && (cp == ',' || cp == ';' || cp == ':'));
  }

  bool AbbreviationEnds(PeriodWord kind, size_t last) const {
    const size_t next = last + 1;
    if (next == tokens_.size()) return true;
    if (tokens_[next].kind != TokenKind::kWord) return false;
    const std::string_view word = TextOf(next);
    switch (kind) {
      case PeriodWord::kCommonEnd:
        return IsUppercaseLetter(FirstCodePoint(next)) && !Contains(kAttributiveHeads, word) &&
               PeriodWordKind(next) == PeriodWord::kNone;  // "Co. Ltd.", "U.S. Gen."
      case PeriodWord::kRarelyEnds:
      case PeriodWord::kInitial:
        return Contains(kSentenceOpeners, word);
      case PeriodWord::kNone:
      case PeriodWord::kTitle:
      case PeriodWord::kBeforeNumber:
        return false;
    }
    return false;
  }

  // A line break ends a sentence after a title-like line (no final
  // punctuation), unless the text clearly runs on: the next line starts in
  // lowercase, or this one ends in a comma, a dash, an opening bracket or a
  // title such as "Gen.".
  bool LineBreakEnds(size_t last) const {
    const int breaks = LineBreaksAfter(last);
    if (breaks != 1) return breaks > 1;
    if (StartsLowercase(last + 1)) return false;
    if (tokens_[last].kind == TokenKind::kPunct) {
      switch (FirstCodePoint(last)) {
        case ',':
        case ';':
        case '-':
        case 0x2013:  // –
        case 0x2014:  // —
        case '(':
        case '[':
        case '{':
        case 0x201C:  // “
        case 0x00AB:  // «
          return false;
        default:
          return true;
      }
    }
    const PeriodWord kind = PeriodWordKind(last);
    return kind != PeriodWord::kTitle && kind != PeriodWord::kBeforeNumber &&
           kind != PeriodWord::kInitial;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<uint32_t>& possible_ends_;
  size_t next_end_ = 0;  // possible_ends_ before it are behind the splitter
  std::vector<Sentence>& sentences_;
};

}  // namespace

void Segment(std::string_view text, Segmentation& segmentation) {
  assert(text.size() <= std::numeric_limits<uint32_t>::max());
  segmentation.tokens.clear();
  segmentation.sentences.clear();
  // English news runs about six bytes a token and twenty tokens a sentence:
  // reserving for that spares most regrowth.
  segmentation.tokens.reserve(text.size() / 5 + 16);
  // The thread's, kept from one text to the next: nothing is allocated once it has grown.
  thread_local std::vector<uint32_t> possible_ends;
  possible_ends.clear();
  Tokenizer(text, segmentation.tokens, possible_ends).Run();
  segmentation.sentences.reserve(segmentation.tokens.size() / 16 + 4);
  SentenceSplitter(text, segmentation.tokens, possible_ends, segmentation.sentences).Run();
}

Segmentation Segment(std::string_view text) {
  Segmentation segmentation;
  Segment(text, segmentation);
  return segmentation;
}

}  // namespace dyad
