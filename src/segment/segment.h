// segment: splits a document's clean text into sentences and tokens.
//
// Input: valid UTF-8 (the clean stage guarantees it) shorter than 4 GiB, as
// offsets are 32-bit. Output: tokens and sentences as byte offsets into that
// text; nothing is copied, so the text must outlive the Segmentation.
// Segment() is a pure function, thread-safe, linear in the length of the text,
// and never fails: any valid UTF-8 yields some segmentation (empty or
// whitespace-only text yields none). Invalid bytes do not crash it; each
// becomes a kPunct token.
//
// What it promises about real news text:
//  - Abbreviations (U.S., U.N., Jan., Gen., Dr., No., Mr., St., etc.),
//    initials ("J. R. Smith") and decimals ("3.5", "1,000") do not end a
//    sentence and stay inside one token, periods included ("U.S.", "Jan.").
//    After "U.S.", "etc.", "Inc." and the like a capitalised word starts a
//    new sentence, unless it is one that often follows them inside a
//    sentence ("U.S. Secretary", "U.N. Security Council", "U.S. Sen.");
//    after initials, months and "e.g." only a typical opener ("The", "He")
//    does; titles ("Gen.", "Dr.") never end one.
//  - Sentences end at . ! ? … 。 (and runs such as "?!"), with closing quotes
//    and brackets kept in the sentence they close, unless the next word
//    starts in lowercase ('"Why?" he asked'). Paragraph breaks (blank lines)
//    always end one; a single line break ends one after a title-like line,
//    unless the next line starts in lowercase or this one ends in a comma,
//    a dash, an opening bracket or a title.
//  - Straight and curly quotes, em and en dashes, parentheses and hyphens are
//    tokens of their own (kPunct); "Venezuela's" is "Venezuela" + "'s", and
//    the clitics 're 've 'll 'd 'm and "n't" ("did" + "n't") split off too.
//  - Letters of any script (accented Latin, Cyrillic, Greek, CJK, ...) form
//    words; a run of CJK characters is one word (no dictionary word breaking).
//  - Whitespace, including Unicode spaces and invisible format characters
//    (zero-width space, bidi marks), separates tokens and is in none;
//    otherwise nothing is dropped or altered.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

class SharedVocabulary;
class Vocabulary;

enum class TokenKind : uint8_t {
  kWord,    // letters (any script), possibly with digits, inner periods or apostrophes
  kNumber,  // digits, possibly with , . / - : inside and % after ("1,000", "2019-01-10", "96%")
  kPunct,   // anything else, one token per mark (a run of the same mark, like "..." or "--",
            // is one, except for brackets and quotes); emoji and symbols too
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
// The same into `segmentation`, whose tokens and sentences are replaced: a
// caller that segments many documents keeps one and reuses its buffers.
void Segment(std::string_view text, Segmentation& segmentation);

// The form dictionaries match against: Unicode case-folded, diacritics
// removed (Nicolás -> nicolas, Ёлкин -> елкин, Arabic harakat dropped),
// curly apostrophes and quotes made straight. Periods are kept ("U.S." ->
// "u.s."). Marks that spell other letters (Indic vowel signs, the kana
// voicing marks) are kept. Bytes that are not UTF-8 are copied through.
// Appends to `out` so a caller can reuse one buffer across tokens without
// allocating.
void AppendFolded(std::string_view token, std::string& out);
std::string Folded(std::string_view token);
// The same form without a copy when folding would change nothing: `token`
// itself when it is ASCII without capitals (most words of English news),
// else its folded form written over `buffer`. For per-token lookups; the
// view lives as long as `token` and `buffer` do.
std::string_view FoldedView(std::string_view token, std::string& buffer);

// The FoldedView of each token of a segmentation, its WordHash and, given a
// SharedVocabulary, its id there, made once per document: the actor, coder
// and date stages all look every token up in their dictionaries, and each
// folding, hashing and looking it up again was a tenth of the pipeline.
// Reuse one object to keep its buffers. The views live as long as the text
// and this object (until the next Fold).
class FoldedTokens {
 public:
  // Folds tokens [first_token, end_token) of `segmentation`, made from `text`,
  // and looks each up in `shared` if given (which must then outlive this
  // object until the next Fold): once for the dictionaries that share it.
  void Fold(std::string_view text, const Segmentation& segmentation, uint32_t first_token,
            uint32_t end_token, const SharedVocabulary* shared = nullptr);
  // Folds every token.
  void Fold(std::string_view text, const Segmentation& segmentation,
            const SharedVocabulary* shared = nullptr) {
    Fold(text, segmentation, 0, static_cast<uint32_t>(segmentation.tokens.size()), shared);
  }

  // Whether token `token` (an index into the segmentation's tokens) was folded.
  bool Covers(uint32_t token) const { return token >= first_ && token - first_ < forms_.size(); }
  // FoldedView(the token's text): a view of the text itself when folding
  // changes nothing.
  std::string_view Word(uint32_t token) const { return View(At(token)); }
  uint64_t Hash(uint32_t token) const { return At(token).hash; }  // WordHash(Word(token))
  // Whether the token as written is all ASCII.
  bool IsAscii(uint32_t token) const { return At(token).ascii; }

  // Shared id -> the id in `vocabulary`, for the tokens' SharedId(), if the
  // tokens were folded with a SharedVocabulary that `vocabulary` is part
  // of; else nullptr, and the caller looks the words up itself.
  const uint32_t* IdsIn(const Vocabulary& vocabulary) const;
  // The token's id in the SharedVocabulary given to Fold.
  uint32_t SharedId(uint32_t token) const { return At(token).shared_id; }

 private:
  struct Form {
    uint64_t hash = 0;
    uint32_t begin = 0;  // in the text, or in arena_ if copied
    uint32_t size = 0;
    uint32_t shared_id = 0;  // in shared_, if Fold was given one
    bool copied = false;     // folding changed the token: the form is in arena_
    bool ascii = false;
    bool looked_up = false;  // shared_id is set already (from cache_)
  };
  // A short word's hash and shared id, as the last Fold found them.
  struct CachedWord {
    uint64_t bytes = 0;  // the folded word, first byte lowest, the bytes past it zero
    uint64_t hash = 0;
    uint32_t size = 0;  // 0: an empty entry (no token is empty)
    uint32_t shared_id = 0;
  };
  static constexpr int kCacheBits = 12;
  // Makes cache_ hold results of `shared` only.
  void UseCacheFor(const SharedVocabulary& shared);
  static size_t CacheSlot(uint64_t bytes) {
    return static_cast<size_t>((bytes * 0x9E3779B97F4A7C15ULL) >> (64 - kCacheBits));
  }
  std::string_view View(const Form& form) const {
    return {(form.copied ? arena_.data() : text_.data()) + form.begin, form.size};
  }
  const Form& At(uint32_t token) const {
    assert(Covers(token));
    return forms_[token - first_];
  }

  std::string_view text_;
  const SharedVocabulary* shared_ = nullptr;  // the last Fold's
  uint32_t first_ = 0;
  std::vector<Form> forms_;
  std::string arena_;  // the forms that folding changed, back to back
  // Words of up to eight bytes by their folded bytes, direct-mapped: news
  // repeats a few thousand words, and one compare here spares hashing the
  // word and probing the shared vocabulary (a third of the folding). Kept
  // from one Fold to the next while the SharedVocabulary is the same.
  std::vector<CachedWord> cache_;
  uint64_t cache_generation_ = 0;  // the SharedVocabulary::generation() cache_ holds
};

}  // namespace dyad
