#include "base/phrase_trie.h"

#include <cassert>

namespace dyad {

uint32_t Vocabulary::Intern(std::string_view word) {
  auto found = ids_.find(word);
  if (found != ids_.end()) return found->second;
  const uint32_t id = static_cast<uint32_t>(ids_.size() + 1);
  ids_.emplace(std::string(word), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  auto found = ids_.find(word);
  return found == ids_.end() ? kUnknown : found->second;
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
