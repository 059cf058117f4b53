// AppendFolded(): the matching form of a token, one code point at a time so
// that folding allocates nothing beyond the caller's buffer.

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "base/ascii_bytes.h"
#include "base/phrase_trie.h"
#include "segment/segment.h"

namespace dyad {
namespace {

// Diacritics: the combining-diacritic blocks, Arabic harakat and Hebrew
// points. Other combining marks (Indic vowel signs, the kana voicing marks)
// spell different letters, so they stay.
bool IsDiacritic(utf8proc_int32_t cp) {
  if (cp >= 0x0591 && cp <= 0x05C7) return utf8proc_category(cp) == UTF8PROC_CATEGORY_MN;
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}

constexpr auto kFoldAndDecompose =
    static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE);

void AppendCodePoint(utf8proc_int32_t cp, std::string& out) {
  std::array<utf8proc_uint8_t, 4> bytes{};
  const utf8proc_ssize_t size = utf8proc_encode_char(cp, bytes.data());
  out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(size));
}

}  // namespace

namespace {

// The leading ASCII bytes of `token`, lowercased, appended to `out` in one
// append rather than a push_back per byte: most tokens of English news are
// ASCII words, and the coder folds every token. Returns how many bytes it
// took.
size_t AppendAsciiPrefixFolded(std::string_view token, std::string& out) {
  size_t ascii = 0;
  while (ascii < token.size() && static_cast<unsigned char>(token[ascii]) < 0x80) ++ascii;
  const size_t start = out.size();
  out.append(token.data(), ascii);
  char* folded = out.data();
  for (size_t i = start; i < start + ascii; ++i) {
    if (folded[i] >= 'A' && folded[i] <= 'Z') {
      folded[i] = static_cast<char>(folded[i] + ('a' - 'A'));
    }
  }
  return ascii;
}

// Whether a token is all ASCII, and whether it has capitals.
struct AsciiCase {
  bool ascii = true;
  bool capitals = false;
};

// AsciiCase of `token`, eight bytes at a time where it has eight: the tokens
// that reach it (longer words, and words at the end of the text) were read
// byte by byte twice, a tenth of the folding.
AsciiCase AsciiCaseOf(std::string_view token) {
  uint64_t high = 0, capitals = 0;
  if (kEightByteTests && token.size() >= 8) {
    // The last block overlaps the one before it when the size is no multiple of eight.
    for (size_t pos = 0;; pos += 8) {
      const uint64_t bytes = LoadEightBytes(token, std::min(pos, token.size() - 8));
      high |= bytes & kByteHighBits;
      capitals |= AsciiCapitalBits(bytes);
      if (pos + 8 >= token.size()) break;
    }
  } else {
    for (const char c : token) {
      high |= static_cast<unsigned char>(c) & 0x80;
      capitals |= c >= 'A' && c <= 'Z';
    }
  }
  return {high == 0, capitals != 0};
}

// AppendFolded for an ASCII token: its capitals lowercased, eight bytes at a
// time where it has eight (lowercasing a byte twice, where the last block
// overlaps, changes nothing).
void AppendAsciiLowercased(std::string_view token, std::string& out) {
  const size_t start = out.size();
  out.append(token);
  if (kEightByteTests && token.size() >= 8) {
    char* const folded = out.data() + start;
    for (size_t pos = 0;; pos += 8) {
      const size_t at = std::min(pos, token.size() - 8);
      const uint64_t bytes = AsciiLowercased(LoadEightBytes(token, at));
      std::memcpy(folded + at, &bytes, 8);
      if (pos + 8 >= token.size()) break;
    }
    return;
  }
  for (size_t i = start; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] + ('a' - 'A'));
  }
}

}  // namespace

void AppendFolded(std::string_view token, std::string& out) {
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(token.data());
  size_t pos = AppendAsciiPrefixFolded(token, out);
  while (pos < token.size()) {
    const auto byte = static_cast<unsigned char>(token[pos]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte));
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t size =
        utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(token.size() - pos), &cp);
    if (size <= 0) {  // not UTF-8: copied through
      out.push_back(static_cast<char>(byte));
      ++pos;
      continue;
    }
    const std::string_view original = token.substr(pos, static_cast<size_t>(size));
    pos += static_cast<size_t>(size);
    switch (cp) {
      case 0x2018:  // ‘
      case 0x2019:  // ’
      case 0x201B:  // ‛
      case 0x02BC:  // ʼ
        out.push_back('\'');
        continue;
      case 0x201C:  // “
      case 0x201D:  // ”
      case 0x201E:  // „
      case 0x201F:  // ‟
        out.push_back('"');
        continue;
      default:
        break;
    }
    // Case-fold and decompose; if the decomposition holds a diacritic, keep
    // the rest ("á" -> "a"). Otherwise case-fold only, so that text with no
    // diacritics keeps its composed form (Hangul syllables, "ガ").
    std::array<utf8proc_int32_t, 16> buffer{};
    const auto capacity = static_cast<utf8proc_ssize_t>(buffer.size());
    utf8proc_ssize_t count =
        utf8proc_decompose_char(cp, buffer.data(), capacity, kFoldAndDecompose, nullptr);
    bool has_diacritic = false;
    for (utf8proc_ssize_t i = 0; i < count && i < capacity; ++i) {
      has_diacritic = has_diacritic || IsDiacritic(buffer[i]);
    }
    if (!has_diacritic) {
      count = utf8proc_decompose_char(cp, buffer.data(), capacity, UTF8PROC_CASEFOLD, nullptr);
    }
    if (count < 0 || count > capacity) {  // cannot happen for assigned code points
      out.append(original);
      continue;
    }
    for (utf8proc_ssize_t i = 0; i < count; ++i) {
      if (!IsDiacritic(buffer[i])) AppendCodePoint(buffer[i], out);
    }
  }
}

std::string_view FoldedView(std::string_view token, std::string& buffer) {
  size_t i = 0;
  while (i < token.size() && static_cast<unsigned char>(token[i]) < 0x80 &&
         !(token[i] >= 'A' && token[i] <= 'Z')) {
    ++i;
  }
  if (i == token.size()) return token;
  buffer.clear();
  AppendFolded(token, buffer);
  return buffer;
}

inline FoldedTokens::WordBytes FoldedTokens::LoadWordBytes(std::string_view text, uint32_t begin,
                                                           uint32_t size) {
  const uint64_t low = LoadEightBytes(text, begin);
  if (size <= 8) return {FirstBytes(low, size), 0};
  return {low, FirstBytes(LoadEightBytes(text, begin + 8), size - 8)};
}

inline FoldedTokens::WordBytes FoldedTokens::AsciiLowercased(const WordBytes& bytes) {
  return {dyad::AsciiLowercased(bytes.low),
          bytes.high == 0 ? 0 : dyad::AsciiLowercased(bytes.high)};
}

void FoldedTokens::Fold(std::string_view text, const Segmentation& segmentation,
                        uint32_t first_token, uint32_t end_token, const SharedVocabulary* shared) {
  assert(first_token <= end_token && end_token <= segmentation.tokens.size());
  text_ = text;
  shared_ = shared;
  first_ = first_token;
  count_ = end_token - first_token;
  if (forms_.size() < count_) {
    forms_.resize(count_);
    lookups_.resize(count_);
  }
  arena_size_ = 0;
  const bool cached = kEightByteTests && shared != nullptr;
  if (cached) UseCacheFor(*shared);
  // Held here, not read through `this` each token: the arena's writes may
  // alias any member, and reloading them was a tenth of the loop.
  Form* const forms = forms_.data();
  const Token* const tokens = segmentation.tokens.data() + first_token;
  const CachedWord* const cache = cache_.data();
  const CachedFolding* const foldings = foldings_.data();
  Lookup* const lookups = lookups_.data();
  uint32_t lookup_count = 0;
  for (uint32_t index = 0; index < count_; ++index) {
    const Token& token = tokens[index];
    Form& form = forms[index];
    form.begin = token.begin;
    form.size = token.end - token.begin;
    form.shared_id = 0;
    form.copied = false;
    form.ascii = true;
    // Most tokens are short: their bytes are read as two words, eight at a
    // time where the text goes on that far (little-endian, so the token's
    // bytes are the low ones), and told plain, ASCII with capitals, or other
    // without a loop. A byte loop here was a third of the folding.
    if (kEightByteTests && form.size <= kCachedBytes && token.begin + kCachedBytes <= text.size()) {
      const WordBytes bytes = LoadWordBytes(text, token.begin, form.size);
      if (((bytes.low | bytes.high) & kByteHighBits) == 0) {
        const WordBytes folded = AsciiLowercased(bytes);
        if (!(folded == bytes)) {
          // Both words, past the form's end: one store each, no call.
          char* const room = ArenaRoom(kCachedBytes);
          std::memcpy(room, &folded.low, 8);
          std::memcpy(room + 8, &folded.high, 8);
          form.copied = true;
          form.begin = static_cast<uint32_t>(arena_size_);
          arena_size_ += form.size;
        }
        const CachedWord* const known = cached ? &cache[CacheSlot<kCacheBits>(folded)] : nullptr;
        if (known != nullptr && known->bytes == folded && known->size == form.size) {
          form.hash = known->hash;
          form.shared_id = known->shared_id;
        } else {
          form.hash =
              form.size <= 8 ? WordHashOfEightBytes(folded.low, form.size) : WordHash(View(form));
          if (shared != nullptr) {
            lookups[lookup_count++] =
                Lookup{index, cached ? Lookup::Cache::kWord : Lookup::Cache::kNone, folded};
          }
        }
        continue;
      }
      if (cached) {
        const CachedFolding& known = foldings[CacheSlot<kFoldingCacheBits>(bytes)];
        if (known.written == bytes && known.written_size == form.size) {
          char* const room = ArenaRoom(kCachedBytes);
          std::memcpy(room, &known.folded.low, 8);
          std::memcpy(room + 8, &known.folded.high, 8);
          form.copied = true;
          form.ascii = false;
          form.begin = static_cast<uint32_t>(arena_size_);
          form.size = known.size;
          arena_size_ += known.size;
          form.hash = known.hash;
          form.shared_id = known.shared_id;
          continue;
        }
        FoldLong(std::string_view(text.data() + token.begin, form.size), form);
        // A form longer than kCachedBytes is not kept.
        const bool keep = form.size <= kCachedBytes;
        lookups[lookup_count++] =
            Lookup{index, keep ? Lookup::Cache::kFolding : Lookup::Cache::kNone, bytes};
        continue;
      }
    }
    FoldLong(std::string_view(text.data() + token.begin, form.size), form);
    if (shared != nullptr) lookups[lookup_count++] = Lookup{index, Lookup::Cache::kNone, {}};
  }
  // A loop of its own: looked up inside the one above, the words cost more
  // (that loop's registers were spilled around the probe).
  for (const Lookup& lookup : std::span(lookups, lookup_count)) {
    Form& form = forms_[lookup.form];
    const std::string_view word = View(form);
    form.shared_id = shared->Find(word, form.hash);
    if (lookup.cache == Lookup::Cache::kWord) {
      cache_[CacheSlot<kCacheBits>(lookup.bytes)] =
          CachedWord{lookup.bytes, form.hash, form.size, form.shared_id};
    } else if (lookup.cache == Lookup::Cache::kFolding) {
      CachedFolding& kept = foldings_[CacheSlot<kFoldingCacheBits>(lookup.bytes)];
      const Token& token = tokens[lookup.form];
      kept = CachedFolding{lookup.bytes,  {}, form.hash, token.end - token.begin, form.size,
                           form.shared_id};
      std::memcpy(&kept.folded, word.data(), word.size());
    }
  }
}

void FoldedTokens::FoldLong(std::string_view raw, Form& form) {
  // As FoldedView: a token that is ASCII without capitals stays as written.
  const AsciiCase written = AsciiCaseOf(raw);
  form.ascii = written.ascii;
  if (!written.ascii || written.capitals) {
    folding_.clear();
    if (written.ascii) {
      AppendAsciiLowercased(raw, folding_);
    } else {
      AppendFolded(raw, folding_);
    }
    std::memcpy(ArenaRoom(folding_.size()), folding_.data(), folding_.size());
    form.copied = true;
    form.begin = static_cast<uint32_t>(arena_size_);
    form.size = static_cast<uint32_t>(folding_.size());
    arena_size_ += folding_.size();
  }
  form.hash = WordHash(View(form));
}

// Doubles the arena: after the first documents it is never full.
void FoldedTokens::GrowArena(size_t size) {
  arena_.resize(std::max(2 * arena_.size(), arena_size_ + size));
}

void FoldedTokens::UseCacheFor(const SharedVocabulary& shared) {
  if (cache_.empty()) {
    cache_.resize(size_t{1} << kCacheBits);
    foldings_.resize(size_t{1} << kFoldingCacheBits);
  }
  if (cache_generation_ == shared.generation()) return;
  std::fill(cache_.begin(), cache_.end(), CachedWord{});
  std::fill(foldings_.begin(), foldings_.end(), CachedFolding{});
  cache_generation_ = shared.generation();
}

const uint32_t* FoldedTokens::IdsIn(const Vocabulary& vocabulary) const {
  return shared_ == nullptr ? nullptr : shared_->IdsIn(vocabulary);
}

std::string Folded(std::string_view token) {
  std::string folded;
  folded.reserve(token.size());
  AppendFolded(token, folded);
  return folded;
}

}  // namespace dyad
