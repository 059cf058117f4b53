// PhraseTrie: matches dictionary phrases against a sentence's tokens in one
// pass, longest match first.
//
// Dictionaries (actors, verb patterns) are lists of phrases made of words.
// Words are interned into small integer ids once, when a dictionary is
// compiled; a document's tokens are mapped to the same ids once, so matching
// compares integers and allocates nothing. Built once, then immutable and
// safe to share across threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

// The hash Vocabulary files words under. Exposed so that a document's words
// can be hashed once and looked up in several vocabularies (FoldedTokens).
uint64_t WordHash(std::string_view word);

// WordHash's mixing constants, shared with WordHashOfEightBytes.
inline constexpr uint64_t kWordHashSeed = 0x9E3779B97F4A7C15ULL;
inline constexpr uint64_t kWordHashChunk = 0xBF58476D1CE4E5B9ULL;
inline constexpr uint64_t kWordHashTail = 0x94D049BB133111EBULL;

// WordHash of a word of `size` bytes, 1 to 8, given as those bytes loaded
// first byte lowest (ascii_bytes.h's LoadEightBytes) with the bytes past the
// word cleared: for a caller that holds them so already, without a call or
// reading the word again. Little-endian machines only (kEightByteTests).
inline uint64_t WordHashOfEightBytes(uint64_t bytes, size_t size) {
  uint64_t hash = kWordHashSeed ^ size;
  uint64_t tail = 0;  // as WordHash reads the last 0 to 7 bytes
  if (size == 8) {
    hash = (hash ^ bytes) * kWordHashChunk;
    hash ^= hash >> 31;
  } else if (size >= 4) {
    tail = (bytes & 0xFFFFFFFFULL) | (((bytes >> (8 * (size - 4))) & 0xFFFFFFFFULL) << 32);
  } else {
    auto byte = [&](size_t k) { return (bytes >> (8 * k)) & 0xFF; };
    tail = byte(0) | (byte(size / 2) << 8) | (byte(size - 1) << 16);
  }
  hash = (hash ^ tail) * kWordHashTail;
  return hash ^ (hash >> 29);
}

// Folded word <-> id. Id 0 is reserved for "not in the vocabulary".
//
// Every token of every document is looked up here (once per stage), so the
// table is flat: open addressing over (hash, id) pairs, the words in one
// arena. A lookup touches one slot line and, on a hash match, the word's
// bytes; no node pointers to chase.
class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = 0;

  uint32_t Intern(std::string_view word);
  uint32_t Find(std::string_view word) const;  // kUnknown if absent
  // The same for a word whose WordHash is known already. Inline, with the
  // probe: the actor and coder stages ask it for every token.
  uint32_t Find(std::string_view word, uint64_t hash) const {
    if (slots_.empty()) return kUnknown;
    return slots_[SlotOf(word, hash)].id;
  }
  size_t size() const { return words_.size(); }
  // The word of id 1 to size().
  std::string_view WordOf(uint32_t id) const { return Word(id); }

 private:
  struct Slot {
    uint32_t hash = 0;  // the word hash's low bits: most mismatches stop here
    uint32_t id = 0;    // 0 = empty
  };
  std::string_view Word(uint32_t id) const {
    return std::string_view(arena_).substr(words_[id - 1].offset, words_[id - 1].length);
  }
  // The slot holding `word`, or the empty slot where it would go.
  size_t SlotOf(std::string_view word, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    const auto short_hash = static_cast<uint32_t>(hash);
    for (size_t i = (hash >> 32) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == kUnknown) return i;
      if (slot.hash != short_hash) continue;
      const WordSpan& span = words_[slot.id - 1];
      if (span.length == word.size() &&
          SameBytes(arena_.data() + span.offset, word.data(), word.size())) {
        return i;
      }
    }
  }
  template <typename Word>
  static bool SameWordAt(const char* a, const char* b, size_t at) {
    Word x, y;
    std::memcpy(&x, a + at, sizeof x);
    std::memcpy(&y, b + at, sizeof y);
    return x == y;
  }
  // a == b for words of equal size, eight bytes at a time: words are short,
  // and a memcmp call cost more than the comparison. The last bytes are
  // compared as one word that overlaps the ones before (never reading past
  // either word), not byte by byte.
  static bool SameBytes(const char* a, const char* b, size_t size) {
    if (size >= 8) {
      size_t i = 0;
      for (; i + 8 <= size; i += 8) {
        if (!SameWordAt<uint64_t>(a, b, i)) return false;
      }
      return i == size || SameWordAt<uint64_t>(a, b, size - 8);
    }
    if (size >= 4) return SameWordAt<uint32_t>(a, b, 0) && SameWordAt<uint32_t>(a, b, size - 4);
    // One to three bytes: the first, the middle and the last are all of them.
    return size == 0 || (a[0] == b[0] && a[size / 2] == b[size / 2] && a[size - 1] == b[size - 1]);
  }
  void Grow();

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::string arena_;        // every word, back to back
  // Where each word lies in the arena, by id - 1; offset and length side by
  // side, as a lookup that finds its slot reads both.
  struct WordSpan {
    uint32_t offset = 0;
    uint32_t length = 0;
  };
  std::vector<WordSpan> words_;
};

// The vocabularies of several dictionaries as one, so that a document's
// tokens are looked up once for all of them (FoldedTokens::Fold): each
// dictionary turns a shared id into its own by indexing a table. Built once,
// then immutable and safe to share across threads.
class SharedVocabulary {
 public:
  // Adds the words of `member`, which must outlive this object. The first
  // member's words keep their ids (its vocabulary is copied, not re-interned:
  // the actors' is large, and start-up matters).
  void Add(const Vocabulary& member);

  uint32_t Find(std::string_view word, uint64_t hash) const { return words_.Find(word, hash); }
  // Changes with every Add, and differs between any two objects that were
  // added to: a caller that keeps the results of Find (FoldedTokens' cache
  // of frequent words) knows when they may no longer hold.
  uint64_t generation() const { return generation_; }
  // Shared id -> the id in `member` (Vocabulary::kUnknown where `member`
  // lacks the word), indexable by any id Find returns; nullptr if `member`
  // was not added.
  const uint32_t* IdsIn(const Vocabulary& member) const {
    for (const Member& m : members_) {
      if (m.vocabulary == &member) return m.ids.data();
    }
    return nullptr;
  }

 private:
  struct Member {
    const Vocabulary* vocabulary = nullptr;
    std::vector<uint32_t> ids;  // by shared id
  };
  Vocabulary words_;
  std::vector<Member> members_;
  uint64_t generation_ = 0;  // 0 until the first Add
};

class PhraseTrie {
 public:
  // Wildcard word id: matches any single token (including unknown ones).
  static constexpr uint32_t kAnyWord = 0xFFFFFFFFu;

  PhraseTrie();

  // Adds a phrase (a sequence of word ids, kAnyWord allowed except first) with
  // a payload. A phrase added twice keeps every payload.
  void Add(std::span<const uint32_t> words, uint32_t payload);

  struct Match {
    uint32_t length = 0;                 // tokens matched; 0 = no match
    std::span<const uint32_t> payloads;  // every payload of that phrase
  };

  // The longest phrase starting at words[start]. Exact words are preferred to
  // the wildcard at each step, with backtracking so that a wildcard path is
  // still found when the exact one dies out.
  Match LongestAt(std::span<const uint32_t> words, size_t start) const;

  size_t node_count() const { return nodes_.size(); }

 private:
  struct Node {
    std::vector<uint32_t> payloads;
    uint32_t wildcard_child = 0;  // 0 = none (the root is never a child)
  };
  uint32_t Child(uint32_t node, uint32_t word) const;
  void Walk(std::span<const uint32_t> words, size_t position, uint32_t node, uint32_t depth,
            Match& best) const;

  std::vector<Node> nodes_;
  // (node << 32 | word) -> child node.
  std::unordered_map<uint64_t, uint32_t> edges_;
};

}  // namespace dyad
