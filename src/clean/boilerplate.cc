// Boilerplate removal: which lines of a page are the article.
//
// The approach follows the block classifiers of the main-text extraction
// literature (jusText, boilerpipe): no list of bad strings, only features of
// each line and of its neighbourhood.
//  1. Body lines are prose: enough words, a share of function words typical of
//     running text (lower for a line that ends like a sentence: news ledes
//     are dense with names), no truncation mark. They anchor the article. A
//     page without any body line is left alone: too little evidence to tell
//     the article from its frame.
//  2. Every other non-blank line is kept only if it belongs to the article:
//     it shares its vocabulary with the body (a heading or a title does, an
//     injected "supplier china" or a "Latest News" label does not), or it is
//     itself a short prose sentence. After the last body line only an unbroken
//     run of sentences stays: what follows an article is comment forms,
//     related-article lists and share buttons.
//  3. Teasers (text cut off with "..."), breadcrumbs ("Home > News > ...")
//     are never kept, and neither is the second copy of a line that the page
//     repeats, nor, given a SiteTemplate, a line that recurs on many pages
//     of the same site.
#include "clean/boilerplate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/ascii_bytes.h"
#include "clean/clean.h"

namespace dyad {

namespace {

// English function words: a closed class, the signal that a line is running
// prose rather than a label, a menu or a keyword list. "us" is left out
// because in news it is mostly "US".
constexpr std::string_view kStopWords[] = {
    "a",       "about",  "across",  "after",   "again",   "against", "all",     "also",  "although",
    "among",   "an",     "and",     "any",     "are",     "as",      "at",      "be",    "because",
    "been",    "before", "being",   "between", "both",    "but",     "by",      "can",   "could",
    "did",     "do",     "does",    "down",    "during",  "each",    "either",  "for",   "from",
    "further", "had",    "has",     "have",    "having",  "he",      "her",     "here",  "him",
    "his",     "how",    "however", "i",       "if",      "in",      "into",    "is",    "it",
    "its",     "just",   "may",     "me",      "might",   "more",    "most",    "must",  "my",
    "neither", "no",     "nor",     "not",     "of",      "off",     "on",      "once",  "one",
    "only",    "onto",   "or",      "other",   "our",     "ours",    "out",     "over",  "own",
    "per",     "said",   "same",    "says",    "shall",   "she",     "should",  "since", "so",
    "some",    "such",   "than",    "that",    "the",     "their",   "them",    "then",  "there",
    "these",   "they",   "this",    "those",   "though",  "three",   "through", "to",    "too",
    "two",     "under",  "until",   "up",      "upon",    "very",    "via",     "was",   "we",
    "were",    "what",   "when",    "where",   "whether", "which",   "while",   "who",   "whom",
    "whose",   "why",    "will",    "with",    "within",  "without", "would",   "you",   "your",
    "yours",   "yet",    "s",       "t",       "am",      "new",     "now",     "many",  "much",
    "several", "every",  "another", "toward",  "towards", "amid",    "ago",     "it's",  "let",
    "like",    "near",   "next",    "past",    "still",
};

}  // namespace

namespace {

// FirstBytes() as a look-up: the mask of the first 0 to 8 bytes, for the
// loops that pack every word of a page.
constexpr auto kFirstBytesMasks = [] {
  std::array<uint64_t, 9> masks{};
  for (size_t size = 0; size < 8; ++size) masks[size] = (uint64_t{1} << (8 * size)) - 1;
  masks[8] = ~uint64_t{0};
  return masks;
}();

// Function words are at most eight bytes: packed into a uint64_t they are
// found in a small open-addressing table with one multiply, no string hash.
// Called for every word of every page, by clean and by dedup.
class FunctionWordTable {
 public:
  FunctionWordTable() {
    for (std::string_view word : kStopWords) {
      assert(!word.empty() && word.size() <= 8);
      size_t slot = Slot(Pack(word));
      while (slots_[slot] != 0) slot = (slot + 1) % kSlots;
      slots_[slot] = Pack(word);
    }
  }
  bool Contains(std::string_view word) const {
    if (word.empty() || word.size() > 8) return false;
    return ContainsKey(Pack(word));
  }
  // Contains() of `word`, a word of Describe(), with its ASCII letters
  // lowercased. Setting bit 5 of every byte lowercases letters and leaves
  // digits and apostrophes alone; a byte of a multi-byte character stays
  // above 0x7F, where no function word has one.
  bool ContainsFolding(std::string_view word) const {
    if (word.empty() || word.size() > 8) return false;
    return ContainsKey(Pack(word) | FirstBytes(0x2020202020202020ULL, word.size()));
  }
  // The same for a word of `size` bytes whose first eight bytes (some past
  // its end) are `bytes`, loaded by LoadEightBytes.
  bool ContainsFolding(uint64_t bytes, size_t size) const {
    if (size - 1 >= 8) return false;  // 0 or more than 8
    return ContainsKey((bytes | 0x2020202020202020ULL) & kFirstBytesMasks[size]);
  }

 private:
  static constexpr size_t kSlots = 512;  // a third full: short probes
  // The word's bytes, the first lowest, as LoadEightBytes reads them.
  static uint64_t Pack(std::string_view word) {
    uint64_t key = 0;
    for (size_t i = 0; i < word.size(); ++i) {
      key |= uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
    }
    return key;
  }
  bool ContainsKey(uint64_t key) const {
    for (size_t slot = Slot(key);; slot = (slot + 1) % kSlots) {
      if (slots_[slot] == key) return true;
      if (slots_[slot] == 0) return false;
    }
  }
  static size_t Slot(uint64_t key) { return (key * 0x9e3779b97f4a7c15ull) >> 55; }
  uint64_t slots_[kSlots] = {};
};

const FunctionWordTable& FunctionWords() {
  static const FunctionWordTable kTable;
  return kTable;
}

}  // namespace

bool IsFunctionWord(std::string_view lowercase_word) {
  return FunctionWords().Contains(lowercase_word);
}

namespace {

// ASCII letters and digits; every byte of a multi-byte UTF-8 sequence counts
// as a letter.
constexpr auto kWordBytes = [] {
  std::array<bool, 256> word{};
  for (int c = 0; c < 256; ++c) {
    word[c] =
        c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return word;
}();

// kWordBytes without the bytes from 0x80 up.
constexpr auto kAsciiWordBytes = [] {
  std::array<bool, 256> word = kWordBytes;
  for (int c = 0x80; c < 256; ++c) word[c] = false;
  return word;
}();

bool IsWordByte(unsigned char c) { return kWordBytes[c]; }
bool IsAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
unsigned char AsciiLower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

// The end of the run of ASCII letters and digits from `pos` on. One table
// look-up a byte: words are short, and testing eight bytes at once (two range
// tests, their union and a bit scan) cost more per word than this loop.
// Four bytes a round while four remain, so that the bounds test and the step
// are paid once for most words.
size_t AsciiWordRunEnd(std::string_view line, size_t pos) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  for (; pos + 4 <= line.size(); pos += 4) {
    if (!kAsciiWordBytes[bytes[pos]]) return pos;
    if (!kAsciiWordBytes[bytes[pos + 1]]) return pos + 1;
    if (!kAsciiWordBytes[bytes[pos + 2]]) return pos + 2;
    if (!kAsciiWordBytes[bytes[pos + 3]]) return pos + 3;
  }
  while (pos < line.size() && kAsciiWordBytes[bytes[pos]]) ++pos;
  return pos;
}

// U+2000..U+206F (general punctuation: dashes, curly quotes, ellipsis) and
// U+00A0..U+00BF (no-break space, guillemets, ...) separate words.
size_t PunctuationLength(std::string_view line, size_t i) {
  const auto c0 = static_cast<unsigned char>(line[i]);
  if (c0 == 0xE2 && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) >= 0x80 &&
      static_cast<unsigned char>(line[i + 1]) <= 0x81) {
    return 3;
  }
  if (c0 == 0xC2 && i + 1 < line.size()) return 2;
  return 0;
}

struct LineFeatures {
  uint32_t words = 0;
  uint32_t stop_words = 0;
  bool teaser = false;      // cut off with "..." or "…"
  bool breadcrumb = false;  // two or more stand-alone ">", "»" or "|"
  bool sentence = false;    // ends like a sentence: . ! ? or … inside closing quotes
  // Content words, folded to their StemKey, for topicality: [stems_begin,
  // stems_end) of the page's stems, so that describing a line allocates
  // nothing.
  uint32_t stems_begin = 0;
  uint32_t stems_end = 0;

  double stop_ratio() const { return words == 0 ? 0.0 : double(stop_words) / words; }
};

// Words fold to a five-byte prefix: "relations" and "relationship",
// "announced" and "announces" meet, which is all topicality needs.
constexpr size_t kStemBytes = 5;

// A word's stem: its first kStemBytes bytes, ASCII letters lowercased,
// packed into an integer, the first byte lowest (no byte of a word is zero,
// so the packing is exact).
uint64_t StemKey(std::string_view word) {
  uint64_t key = 0;
  for (size_t i = 0; i < std::min(word.size(), kStemBytes); ++i) {
    key |= uint64_t{AsciiLower(static_cast<unsigned char>(word[i]))} << (8 * i);
  }
  return key;
}
// The same for a word of Describe() of `size` bytes whose first eight bytes
// (some past its end) are `bytes`, loaded by LoadEightBytes. A word's bytes
// are ASCII letters, digits and apostrophes, or from 0x80 up: setting bit 5
// of the ASCII ones lowercases the letters and leaves the others as they
// are, as AsciiLowercased does, with half its operations.
uint64_t StemKey(uint64_t bytes, size_t size) {
  const uint64_t lowercased = bytes | ((~bytes & kByteHighBits) >> 2);
  return lowercased & kFirstBytesMasks[std::min(size, kStemBytes)];
}

// `line`'s features; its stems go to `stems` from index `first_stem` on.
// `stems` only grows: its elements past the page's last stem are room, so
// that a word's stem is stored without a test for capacity.
LineFeatures Describe(std::string_view line, std::vector<uint64_t>& stems, uint32_t first_stem) {
  LineFeatures features;
  features.stems_begin = first_stem;
  // A word and the byte that ends it take two bytes of the line.
  if (stems.size() < first_stem + line.size() / 2 + 1)
    stems.resize(first_stem + line.size() / 2 + 1);
  uint64_t* const stem_out = stems.data();
  uint32_t stem_count = first_stem;
  // A word is a stretch of the line, [word_begin, end), compared and packed
  // in lowercase where it is, never copied.
  constexpr size_t kNoWord = std::string_view::npos;
  size_t word_begin = kNoWord;
  const FunctionWordTable& function_words = FunctionWords();
  // Inlined at its four calls: a call per word was a tenth of boilerplate removal.
  auto finish_word = [&](size_t end) __attribute__((always_inline)) {
    if (word_begin == kNoWord) return;
    const size_t at = word_begin;
    const char* const word = line.data() + at;
    size_t size = end - at;
    word_begin = kNoWord;
    ++features.words;
    // "Venezuela's", "Maduro’s" (either apostrophe, an "S" too) lose the clitic.
    if (size > 2 && (static_cast<unsigned char>(word[size - 1]) | 0x20) == 's') {
      if (word[size - 2] == '\'') {
        size -= 2;
      } else if (size >= 4 && std::memcmp(word + size - 4, "\xE2\x80\x99", 3) == 0) {
        size -= 4;
      }
    }
    // A number is no content word. Most words do not begin with a digit.
    auto all_digits = [&] {
      return std::all_of(word, word + size, [](unsigned char c) { return c >= '0' && c <= '9'; });
    };
    // Most words have eight bytes of the line from their start: read at once.
    if (kEightByteTests && at + 8 <= line.size()) {
      const uint64_t bytes = LoadEightBytes(line, at);
      if (function_words.ContainsFolding(bytes, size)) {
        ++features.stop_words;
      } else if (size != 0 && (static_cast<unsigned char>(word[0]) > '9' || !all_digits())) {
        stem_out[stem_count++] = StemKey(bytes, size);
      }
    } else if (function_words.ContainsFolding(std::string_view(word, size))) {
      ++features.stop_words;
    } else if (!all_digits()) {
      stem_out[stem_count++] = StemKey(std::string_view(word, size));
    }
  };
  size_t stand_alone_separators = 0;
  // Whether the line has a byte from 0x80 up (it may hold a "»"; a "." may
  // have been skipped as part of a multi-byte character) or two periods in a
  // row: the searches below run only where they can find something.
  bool any_high = false;
  bool any_two_periods = false;
  for (size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (kAsciiWordBytes[c]) {  // the common case: a run of ASCII letters and digits
      if (word_begin == kNoWord) word_begin = i;
      i = AsciiWordRunEnd(line, i + 1);
      // Most runs end at a space, which ends the word and nothing else.
      if (i < line.size() && line[i] == ' ') {
        finish_word(i);
        ++i;
      }
      continue;
    }
    if (c == ' ') {  // after most words: ends the word, and separates nothing else
      finish_word(i);
      ++i;
      continue;
    }
    if (c >= 0x80) {
      any_high = true;
      if (const size_t punct = PunctuationLength(line, i); punct > 0) {
        // A curly apostrophe inside a word ("Maduro’s") keeps the word going.
        const bool apostrophe = word_begin != kNoWord && line.substr(i, punct) == "\xE2\x80\x99" &&
                                i + punct < line.size() &&
                                IsWordByte(static_cast<unsigned char>(line[i + punct])) &&
                                PunctuationLength(line, i + punct) == 0;
        if (!apostrophe) finish_word(i);
        i += punct;
        continue;
      }
    }
    if (IsWordByte(c)) {
      if (word_begin == kNoWord) word_begin = i;
    } else if (c == '\'' && word_begin != kNoWord && i + 1 < line.size() &&
               IsAsciiAlpha(static_cast<unsigned char>(line[i + 1]))) {
      // "don't", "O'Brien": the apostrophe stays in the word
    } else {
      finish_word(i);
      if (c == '.') {
        any_two_periods = any_two_periods || (i + 1 < line.size() && line[i + 1] == '.');
      } else if ((c == '>' || c == '|') && (i == 0 || line[i - 1] == ' ') &&
                 (i + 1 == line.size() || line[i + 1] == ' ')) {
        ++stand_alone_separators;
      }
    }
    ++i;
  }
  finish_word(line.size());
  features.stems_end = stem_count;
  // "»" is C2 BB; counted apart because PunctuationLength skips it above.
  for (size_t at = any_high ? line.find("\xC2\xBB") : std::string_view::npos;
       at != std::string_view::npos; at = line.find("\xC2\xBB", at + 2)) {
    ++stand_alone_separators;
  }
  features.breadcrumb = stand_alone_separators >= 2;

  // Trailing closing quotes and brackets do not hide how the line ends.
  std::string_view end = line;
  while (!end.empty() && (end.back() == ' ' || end.back() == '\t')) end.remove_suffix(1);
  auto strip_closers = [&] {
    for (;;) {
      if (!end.empty() && (end.back() == '"' || end.back() == '\'' || end.back() == ')')) {
        end.remove_suffix(1);
      } else if (end.ends_with("\xE2\x80\x9D") || end.ends_with("\xE2\x80\x99") ||
                 end.ends_with("\xC2\xBB")) {
        end.remove_suffix(end.ends_with("\xC2\xBB") ? 2 : 3);
      } else {
        return;
      }
    }
  };
  strip_closers();
  // A teaser is cut off inside a word: "a discharge of a...", "Te...Contact".
  auto cut_before = [&](size_t at) {
    return at > 0 && IsWordByte(static_cast<unsigned char>(line[at - 1]));
  };
  for (size_t at = any_high || any_two_periods ? line.find("...") : std::string_view::npos;
       at != std::string_view::npos; at = line.find("...", at + 3)) {
    if (cut_before(at)) {
      size_t after = at;
      while (after < line.size() && line[after] == '.') ++after;
      if (after == end.size() ||
          (after < line.size() && IsWordByte(static_cast<unsigned char>(line[after])))) {
        features.teaser = true;
      }
    }
  }
  if (end.ends_with("\xE2\x80\xA6") && cut_before(end.size() - 3)) features.teaser = true;
  features.sentence = !features.teaser && !end.empty() &&
                      (end.back() == '.' || end.back() == '!' || end.back() == '?' ||
                       end.ends_with("\xE2\x80\xA6"));
  return features;
}

// Body lines: prose long enough to judge. Twelve-word headlines and labels
// fall below; real paragraphs, even one-sentence ones, rarely do. A line that
// ends like a sentence needs fewer function words ("GENEVA — A United Nations
// mission accused Venezuela's government ...").
constexpr uint32_t kBodyMinWords = 15;
constexpr double kBodyMinStopRatio = 0.28;
constexpr uint32_t kBodySentenceMinWords = 12;
constexpr double kBodySentenceMinStopRatio = 0.12;
// A non-body line is topical when at least this share of its content words,
// and at least two of them, occur in the body.
constexpr double kTopicalShare = 0.4;
constexpr size_t kTopicalMinWords = 2;
// A short sentence is kept when it reads like prose.
constexpr uint32_t kShortSentenceMinWords = 5;
constexpr double kShortSentenceMinStopRatio = 0.15;

}  // namespace

namespace {

uint64_t HashText(uint64_t hash, std::string_view text) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

constexpr uint64_t kFnvBasis = 1469598103934665603ull;

// A line's identity within a site, trailing blanks aside.
uint64_t SiteLineHash(std::string_view site, std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return HashText(HashText(kFnvBasis, site) ^ 0xff, line);
}

}  // namespace

void SiteTemplate::AddPage(std::string_view site, std::string_view text) {
  ++pages_[HashText(kFnvBasis, site)];
  std::unordered_set<uint64_t> seen;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      const uint64_t hash = SiteLineHash(site, line);
      if (seen.insert(hash).second) ++lines_[hash];
    }
    begin = end + 1;
  }
}

bool SiteTemplate::IsTemplate(std::string_view site, std::string_view line) const {
  const auto pages = pages_.find(HashText(kFnvBasis, site));
  if (pages == pages_.end()) return false;
  const auto count = lines_.find(SiteLineHash(site, line));
  if (count == lines_.end()) return false;
  return count->second >= min_pages_ &&
         static_cast<double>(count->second) >= min_share_ * static_cast<double>(pages->second);
}

namespace {

// The set of distinct lines seen so far, as indices into the page's lines in
// an open-addressing table: no node per line, no copy of its text.
class LineSet {
 public:
  // `slots` is storage to reuse.
  LineSet(const std::vector<std::string_view>& lines, std::vector<uint32_t>& slots)
      : lines_(lines), slots_(slots) {
    slots_.assign(std::bit_ceil(2 * lines.size() + 2), kEmpty);
  }

  // Adds line i; false if an equal line is in the set already.
  bool Insert(uint32_t i) {
    const std::string_view line = lines_[i];
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Hash(line) & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] == kEmpty) {
        slots_[slot] = i;
        return true;
      }
      if (lines_[slots_[slot]] == line) return false;
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  // A line's size and its first and last eight bytes, mixed: lines are
  // paragraphs, and hashing every byte of every one (std::hash) cost more
  // than all the rest of this set. Lines that agree there and differ
  // elsewhere merely share a probe sequence; Insert compares whole lines.
  static size_t Hash(std::string_view line) {
    uint64_t first = 0, last = 0;
    if (kEightByteTests && line.size() >= 8) {
      first = LoadEightBytes(line, 0);
      last = LoadEightBytes(line, line.size() - 8);
    } else {
      for (const char c : line) first = first << 8 | static_cast<unsigned char>(c);
    }
    uint64_t hash = (first ^ line.size()) * 0x9e3779b97f4a7c15ull;
    hash = (hash ^ (hash >> 29) ^ last) * 0xbf58476d1ce4e5b9ull;
    return static_cast<size_t>(hash ^ (hash >> 32));
  }
  const std::vector<std::string_view>& lines_;
  std::vector<uint32_t>& slots_;
};

// A stem asked about, and whether the body uses it.
struct QueriedStem {
  uint64_t stem = 0;
  bool used = false;
};

// The content stems (StemKey, never zero) of the lines whose topicality may
// be judged, each marked once the body is found to use it. Those lines are
// few (titles, headings, a page's frame) and the body is most of the page:
// looking every body stem up in this small table, behind a 64-bit filter that
// most of them fail, costs less than building the body's whole vocabulary.
class QueriedStems {
 public:
  // Holds up to `capacity` distinct stems; `slots` is storage to reuse.
  QueriedStems(size_t capacity, std::vector<QueriedStem>& slots) : slots_(slots) {
    slots_.assign(std::bit_ceil(2 * capacity + 2), QueriedStem{});
  }

  void Add(uint64_t stem) {
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Index(stem, mask); slots_[slot].stem != stem; slot = (slot + 1) & mask) {
      if (slots_[slot].stem == 0) {
        slots_[slot].stem = stem;
        filter_ |= FilterBit(stem);
        ++unused_;
        return;
      }
    }
  }
  // Notes that the body uses `stem`.
  void MarkUsed(uint64_t stem) {
    if ((filter_ & FilterBit(stem)) == 0) return;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Index(stem, mask); slots_[slot].stem != 0; slot = (slot + 1) & mask) {
      if (slots_[slot].stem == stem) {
        unused_ -= !slots_[slot].used;
        slots_[slot].used = true;
        return;
      }
    }
  }
  // Whether every stem added is marked: the rest of the body cannot change
  // any answer.
  bool all_used() const { return unused_ == 0; }
  // Whether the body uses `stem`, one of the stems added.
  bool Used(uint64_t stem) const {
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Index(stem, mask);; slot = (slot + 1) & mask) {
      if (slots_[slot].stem == stem) return slots_[slot].used;
      if (slots_[slot].stem == 0) return false;
    }
  }

 private:
  static uint64_t Mixed(uint64_t stem) { return stem * 0x9e3779b97f4a7c15ull; }
  static size_t Index(uint64_t stem, size_t mask) {
    return static_cast<size_t>(Mixed(stem) >> 32) & mask;
  }
  static uint64_t FilterBit(uint64_t stem) { return uint64_t{1} << (Mixed(stem) >> 58); }

  std::vector<QueriedStem>& slots_;
  uint64_t filter_ = 0;  // bit Mixed(stem) >> 58 of every stem added
  size_t unused_ = 0;    // stems added and not yet marked
};

// What classifying a page needs, kept by each thread from page to page so
// that, once its buffers have grown, a page allocates nothing.
struct ClassifyScratch {
  std::vector<std::string_view> lines;
  std::vector<LineVerdict> verdicts;  // of `lines`
  std::vector<LineFeatures> features;
  std::vector<uint64_t> stems;  // of every described line, in order; then room
  std::vector<QueriedStem> stem_slots;
  std::vector<uint32_t> line_slots;
};

// A page's stems take up to four times its size: after a page that made
// room for more than this many, the next page starts afresh, so that one
// huge page does not hold its memory for the thread's life.
constexpr size_t kMaxStemsKept = size_t{1} << 20;

ClassifyScratch& ThreadScratch() {
  thread_local ClassifyScratch scratch;
  if (scratch.stems.size() > kMaxStemsKept) scratch = ClassifyScratch{};
  return scratch;
}

// ClassifyLines() into scratch.verdicts, leaving the lines themselves in
// scratch.lines.
void ClassifyLinesInto(std::string_view text, const SiteTemplate* site_template,
                       std::string_view site, ClassifyScratch& scratch) {
  std::vector<std::string_view>& lines = scratch.lines;
  std::vector<LineVerdict>& verdicts = scratch.verdicts;
  lines.clear();
  for (size_t begin = 0;;) {
    const size_t end = text.find('\n', begin);
    lines.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  verdicts.assign(lines.size(), LineVerdict::kBlank);
  std::vector<LineFeatures>& features = scratch.features;
  features.assign(lines.size(), LineFeatures{});
  std::vector<uint64_t>& stems = scratch.stems;
  uint32_t stem_count = 0;
  size_t first_body = lines.size(), last_body = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find_first_not_of(" \t") == std::string_view::npos) continue;
    if (site_template != nullptr && site_template->IsTemplate(site, lines[i])) {
      verdicts[i] = LineVerdict::kDropped;
      continue;
    }
    features[i] = Describe(lines[i], stems, stem_count);
    stem_count = features[i].stems_end;
    const LineFeatures& f = features[i];
    const bool prose = (f.words >= kBodyMinWords && f.stop_ratio() >= kBodyMinStopRatio) ||
                       (f.sentence && f.words >= kBodySentenceMinWords &&
                        f.stop_ratio() >= kBodySentenceMinStopRatio);
    if (prose && !f.teaser && !f.breadcrumb) {
      verdicts[i] = LineVerdict::kBody;
      first_body = std::min(first_body, i);
      last_body = i;
    } else {
      verdicts[i] = LineVerdict::kKept;
    }
  }
  if (first_body == lines.size()) return;  // template lines aside, kept whole

  // The body's vocabulary, as far as the other lines ask about it.
  size_t queried = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (verdicts[i] == LineVerdict::kKept) {
      queried += features[i].stems_end - features[i].stems_begin;
    }
  }
  QueriedStems body_vocabulary(queried, scratch.stem_slots);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (verdicts[i] != LineVerdict::kKept) continue;
    for (uint32_t s = features[i].stems_begin; s < features[i].stems_end; ++s) {
      body_vocabulary.Add(stems[s]);
    }
  }
  for (size_t i = first_body; i <= last_body && !body_vocabulary.all_used(); ++i) {
    if (verdicts[i] != LineVerdict::kBody) continue;
    for (uint32_t s = features[i].stems_begin; s < features[i].stems_end; ++s) {
      body_vocabulary.MarkUsed(stems[s]);
    }
  }
  LineSet seen(lines, scratch.line_slots);
  bool frame_begun = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (verdicts[i] == LineVerdict::kBlank) continue;
    if (verdicts[i] == LineVerdict::kDropped) {  // the site's template
      frame_begun = frame_begun || i > last_body;
      continue;
    }
    const bool repeated = !seen.Insert(static_cast<uint32_t>(i));
    if (verdicts[i] == LineVerdict::kBody) {
      if (repeated) verdicts[i] = LineVerdict::kDropped;
      continue;
    }
    const LineFeatures& f = features[i];
    size_t shared = 0;
    for (uint32_t s = f.stems_begin; s < f.stems_end; ++s) {
      shared += body_vocabulary.Used(stems[s]);
    }
    const bool topical = shared >= kTopicalMinWords &&
                         double(shared) >= kTopicalShare * double(f.stems_end - f.stems_begin);
    const bool short_sentence = f.sentence && f.words >= kShortSentenceMinWords &&
                                f.stop_ratio() >= kShortSentenceMinStopRatio;
    bool keep;
    if (repeated || f.teaser || f.breadcrumb) {
      keep = false;
    } else if (i > last_body) {
      // The article's closing lines run on from its last body line; after the
      // first line that is not one, the page's frame has begun.
      keep = !frame_begun && (short_sentence || (topical && f.sentence));
      frame_begun = !keep;
    } else {
      keep = topical || short_sentence;  // a title, a heading, a one-line paragraph
    }
    verdicts[i] = keep ? LineVerdict::kKept : LineVerdict::kDropped;
  }
}

}  // namespace

std::vector<LineVerdict> ClassifyLines(std::string_view text, const SiteTemplate* site_template,
                                       std::string_view site) {
  ClassifyScratch& scratch = ThreadScratch();
  ClassifyLinesInto(text, site_template, site, scratch);
  return scratch.verdicts;
}

void RemoveBoilerplateInPlace(std::string& text, size_t* removed_lines,
                              const SiteTemplate* site_template, std::string_view site) {
  ClassifyScratch& scratch = ThreadScratch();
  ClassifyLinesInto(text, site_template, site, scratch);
  const std::vector<std::string_view>& lines = scratch.lines;
  const std::vector<LineVerdict>& verdicts = scratch.verdicts;
  const size_t dropped =
      static_cast<size_t>(std::count(verdicts.begin(), verdicts.end(), LineVerdict::kDropped));
  if (removed_lines != nullptr) *removed_lines = dropped;
  if (dropped == 0) return;

  // Kept lines keep their order; a gap (blank or dropped lines) between two of
  // them becomes one paragraph break, so a removed line never glues two
  // paragraphs into one sentence. The write position never passes the start
  // of the line being read: a gap of one line break is written as one, and a
  // longer gap spans at least two.
  const bool ends_with_break = text.ends_with('\n');
  char* const data = text.data();
  size_t out = 0;
  bool gap = false;
  bool any = false;
  for (size_t i = 0; i < verdicts.size(); ++i) {
    const bool kept = verdicts[i] == LineVerdict::kBody || verdicts[i] == LineVerdict::kKept;
    if (kept) {
      if (any) {
        data[out++] = '\n';
        if (gap) data[out++] = '\n';
      }
      const size_t begin = static_cast<size_t>(lines[i].data() - data);
      assert(out <= begin);
      std::memmove(data + out, data + begin, lines[i].size());
      out += lines[i].size();
      any = true;
      gap = false;
    } else if (any) {
      gap = true;
    }
  }
  if (any && ends_with_break) data[out++] = '\n';
  text.resize(out);
}

std::string RemoveBoilerplate(std::string_view text, size_t* removed_lines,
                              const SiteTemplate* site_template, std::string_view site) {
  std::string out(text);
  RemoveBoilerplateInPlace(out, removed_lines, site_template, site);
  return out;
}

}  // namespace dyad
