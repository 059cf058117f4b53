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
  bool Covers(uint32_t token) const { return token >= first_ && token - first_ < count_; }
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
  };
  // A word of up to kCachedBytes bytes, first byte lowest, the bytes past it zero.
  struct WordBytes {
    uint64_t low = 0;   // bytes 0 to 7
    uint64_t high = 0;  // bytes 8 to 15
    bool operator==(const WordBytes&) const = default;
  };
  static constexpr size_t kCachedBytes = 16;
  // A short word's hash and shared id, as the last Fold found them.
  struct CachedWord {
    WordBytes bytes;  // the folded word
    uint64_t hash = 0;
    uint32_t size = 0;  // 0: an empty entry (no token is empty)
    uint32_t shared_id = 0;
  };
  // A short token beyond ASCII by its bytes as written, with its form when
  // that is short too, as the last Fold made them.
  struct CachedFolding {
    WordBytes written;
    WordBytes folded;
    uint64_t hash = 0;
    uint32_t written_size = 0;  // 0: an empty entry
    uint32_t size = 0;
    uint32_t shared_id = 0;
  };
  // A form Fold looks up in the SharedVocabulary once it has folded every token.
  struct Lookup {
    enum class Cache : uint8_t {
      kNone,
      kWord,     // in cache_, `bytes` being the form
      kFolding,  // in foldings_, `bytes` being the token as written
    };
    uint32_t form = 0;  // index into forms_
    Cache cache = Cache::kNone;
    WordBytes bytes;
  };
  static constexpr int kCacheBits = 13;
  static constexpr int kFoldingCacheBits = 10;
  // Makes cache_ and foldings_ hold results of `shared` only.
  void UseCacheFor(const SharedVocabulary& shared);
  template <int kBits>
  static size_t CacheSlot(const WordBytes& bytes) {
    const uint64_t mixed = bytes.low ^ (bytes.high * 0xBF58476D1CE4E5B9ULL);
    return static_cast<size_t>((mixed * 0x9E3779B97F4A7C15ULL) >> (64 - kBits));
  }
  // Folds the token at `form` (of the text's bytes `raw`) that the eight-byte
  // tests could not: not ASCII, longer than kCachedBytes, or near the text's end.
  void FoldLong(std::string_view raw, Form& form);
  // Room in arena_ for `size` more bytes past arena_size_.
  char* ArenaRoom(size_t size) {
    if (arena_size_ + size > arena_.size()) GrowArena(size);
    return arena_.data() + arena_size_;
  }
  void GrowArena(size_t size);
  // The token text[begin, begin + size) (size 1 to kCachedBytes, with
  // kCachedBytes of text from `begin`) as WordBytes.
  static WordBytes LoadWordBytes(std::string_view text, uint32_t begin, uint32_t size);
  static WordBytes AsciiLowercased(const WordBytes& bytes);
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
  uint32_t count_ = 0;  // forms [0, count_) are the last Fold's
  // Grown, never shrunk: Fold sets every field of the forms it uses, and
  // resizing down and up again for each document cleared them all.
  std::vector<Form> forms_;
  // The forms that folding changed, back to back in [0, arena_size_). Its
  // size is its capacity: short words are written into it sixteen bytes at a
  // time, past their end, without a call.
  std::string arena_;
  size_t arena_size_ = 0;
  std::string folding_;          // one token's folded form, before it goes to arena_
  std::vector<Lookup> lookups_;  // room for one per form, grown with forms_
  // Words of up to kCachedBytes bytes by their folded bytes, direct-mapped:
  // news repeats a few thousand words, and one compare here spares hashing
  // the word and probing the shared vocabulary (a third of the folding).
  // Kept from one Fold to the next while the SharedVocabulary is the same.
  std::vector<CachedWord> cache_;
  // Tokens of up to kCachedBytes bytes beyond ASCII by their bytes as
  // written, likewise: folding one (a code point at a time, through
  // utf8proc) cost ten times an ASCII word, and news repeats a few ("’s",
  // "“", "—", names).
  std::vector<CachedFolding> foldings_;
  uint64_t cache_generation_ = 0;  // the SharedVocabulary::generation() the caches hold
};

}  // namespace dyad
