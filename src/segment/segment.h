// segment: splits a document's clean text into sentences and tokens.
//
// Input: valid UTF-8 (the clean stage guarantees it). Output: tokens and
// sentences as byte offsets into that text; nothing is copied, so the text
// must outlive the Segmentation. Segment() is a pure function, thread-safe,
// linear in the length of the text, and never fails: any valid UTF-8 yields
// some segmentation (empty text yields none).
//
// What it promises about real news text:
//  - Abbreviations (U.S., U.N., Jan., Gen., Dr., No., Mr., St., etc.),
//    initials ("J. R. Smith") and decimals ("3.5", "1,000") do not end a
//    sentence and stay inside one token, periods included ("U.S.", "Jan.").
//  - Sentences end at . ! ? (and …), with closing quotes and brackets kept
//    in the sentence they close; paragraph breaks (blank lines) and line
//    breaks after a title-like line without final punctuation also end one.
//  - Straight and curly quotes, em and en dashes, parentheses and hyphens are
//    tokens of their own (kPunct); "Venezuela's" is "Venezuela" + "'s".
//  - Letters of any script (accented Latin, Cyrillic, Greek, CJK, ...) form
//    words; nothing is dropped or altered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

enum class TokenKind : uint8_t {
  kWord,    // letters (any script), possibly with digits, inner periods or apostrophes
  kNumber,  // digits, possibly with , . / - : inside ("1,000", "3.5", "2019-01-10", "5/3/2022")
  kPunct,   // anything else, one token per mark (a run of the same mark, like "...", is one)
};

struct Token {
  uint32_t begin = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  uint32_t begin = 0;        // byte offset of the first byte (first token's begin)
  uint32_t end = 0;          // byte offset one past the last token's end
  uint32_t first_token = 0;  // index into Segmentation::tokens
  uint32_t end_token = 0;    // one past the last token of the sentence
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;  // cover every token, in order, without overlap
};

Segmentation Segment(std::string_view text);

// The form dictionaries match against: Unicode case-folded, diacritics
// removed (Nicolás -> nicolas), curly apostrophes and quotes made straight.
// Periods are kept ("U.S." -> "u.s."). Appends to `out` so a caller can reuse
// one buffer across tokens without allocating.
void AppendFolded(std::string_view token, std::string& out);
std::string Folded(std::string_view token);

}  // namespace dyad
