#include "base/phrase_trie.h"

#include <atomic>
#include <cassert>
#include <cstring>
#include <utility>

namespace dyad {

uint64_t WordHash(std::string_view word) {
  // Eight bytes at a time, mixed as in splitmix64: words are short, and
  // std::hash's byte loop was a tenth of the coding time.
  uint64_t hash = kWordHashSeed ^ word.size();
  size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    hash = (hash ^ chunk) * kWordHashChunk;
    hash ^= hash >> 31;
  }
  // The last 0 to 7 bytes in at most two loads (a memcpy of a variable size
  // is a library call): 4 to 7 bytes as two overlapping 4-byte words, 1 to 3
  // as their first, middle and last byte. Together they cover every byte,
  // and the length is in the seed.
  const char* rest = word.data() + i;
  const size_t rest_size = word.size() - i;
  uint64_t tail = 0;
  if (rest_size >= 4) {
    uint32_t low, high;
    std::memcpy(&low, rest, 4);
    std::memcpy(&high, rest + rest_size - 4, 4);
    tail = low | (static_cast<uint64_t>(high) << 32);
  } else if (rest_size > 0) {
    auto byte = [&](size_t k) {
      return static_cast<uint64_t>(static_cast<unsigned char>(rest[k]));
    };
    tail = byte(0) | (byte(rest_size / 2) << 8) | (byte(rest_size - 1) << 16);
  }
  hash = (hash ^ tail) * kWordHashTail;
  return hash ^ (hash >> 29);
}

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  for (const Slot& slot : old) {
    if (slot.id == kUnknown) continue;
    slots_[SlotOf(Word(slot.id), WordHash(Word(slot.id)))] = slot;
  }
}

uint32_t Vocabulary::Intern(std::string_view word) {
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = WordHash(word);
  Slot& slot = slots_[SlotOf(word, hash)];
  if (slot.id != kUnknown) return slot.id;
  words_.push_back({static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size())});
  arena_.append(word);
  slot.hash = static_cast<uint32_t>(hash);
  slot.id = static_cast<uint32_t>(words_.size());
  return slot.id;
}

uint32_t Vocabulary::Find(std::string_view word) const { return Find(word, WordHash(word)); }

void SharedVocabulary::Add(const Vocabulary& member) {
  Member added{&member, {}};
  if (words_.size() == 0) {
    words_ = member;
    added.ids.resize(member.size() + 1);
    for (uint32_t id = 0; id <= member.size(); ++id) added.ids[id] = id;
  } else {
    // Room for every word being new: no growing by one word at a time.
    added.ids.resize(words_.size() + member.size() + 1, Vocabulary::kUnknown);
    for (uint32_t id = 1; id <= member.size(); ++id) {
      added.ids[words_.Intern(member.WordOf(id))] = id;
    }
  }
  members_.push_back(std::move(added));
  // Every table covers every shared id, the words added since included.
  for (Member& m : members_) m.ids.resize(words_.size() + 1, Vocabulary::kUnknown);
  // From one counter for all objects: a vocabulary made where another was
  // freed is not mistaken for it.
  static std::atomic<uint64_t> generations{0};
  generation_ = ++generations;
}

PhraseTrie::PhraseTrie() { nodes_.emplace_back(); }

uint32_t PhraseTrie::Child(uint32_t node, uint32_t word) const {
  auto found = edges_.find((static_cast<uint64_t>(node) << 32) | word);
  return found == edges_.end() ? 0 : found->second;
}

void PhraseTrie::Add(std::span<const uint32_t> words, uint32_t payload) {
  assert(!words.empty() && words[0] != kAnyWord);
  uint32_t node = 0;
  for (uint32_t word : words) {
    uint32_t next = 0;
    if (word == kAnyWord) {
      next = nodes_[node].wildcard_child;
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        nodes_.emplace_back();
        nodes_[node].wildcard_child = next;
      }
    } else {
      next = Child(node, word);
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        nodes_.emplace_back();
        edges_.emplace((static_cast<uint64_t>(node) << 32) | word, next);
      }
    }
    node = next;
  }
  nodes_[node].payloads.push_back(payload);
}

void PhraseTrie::Walk(std::span<const uint32_t> words, size_t position, uint32_t node,
                      uint32_t depth, Match& best) const {
  if (!nodes_[node].payloads.empty() && depth > best.length) {
    best.length = depth;
    best.payloads = nodes_[node].payloads;
  }
  if (position >= words.size()) return;
  const uint32_t word = words[position];
  if (word != Vocabulary::kUnknown) {
    if (uint32_t next = Child(node, word)) Walk(words, position + 1, next, depth + 1, best);
  }
  if (uint32_t next = nodes_[node].wildcard_child) {
    Walk(words, position + 1, next, depth + 1, best);
  }
}

PhraseTrie::Match PhraseTrie::LongestAt(std::span<const uint32_t> words, size_t start) const {
  Match best;
  if (start >= words.size() || words[start] == Vocabulary::kUnknown) return best;
  Walk(words, start, 0, 0, best);
  return best;
}

}  // namespace dyad
