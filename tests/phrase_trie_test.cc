// Vocabulary (the flat word table every stage looks tokens up in) and
// PhraseTrie.
#include "base/phrase_trie.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace dyad {
namespace {

TEST(Vocabulary, InternsOnceAndFindsEveryWordAfterGrowing) {
  Vocabulary vocabulary;
  EXPECT_EQ(vocabulary.Find("anything"), Vocabulary::kUnknown);
  std::vector<std::string> words;
  // Lengths around the hash's 8-byte steps, and enough words to grow the
  // table many times.
  for (int i = 0; i < 20000; ++i) {
    words.push_back(std::string(static_cast<size_t>(i % 19), 'x') + std::to_string(i));
  }
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(vocabulary.Intern(words[i]), i + 1) << words[i];
  }
  EXPECT_EQ(vocabulary.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    ASSERT_EQ(vocabulary.Find(words[i]), i + 1) << words[i];
    ASSERT_EQ(vocabulary.Intern(words[i]), i + 1) << words[i];  // no second id
  }
  EXPECT_EQ(vocabulary.Find("xxxxxxxxxxxxxxxxxx20000"), Vocabulary::kUnknown);
  EXPECT_EQ(vocabulary.Find("x"), Vocabulary::kUnknown);  // a prefix of stored words
  const uint32_t empty = vocabulary.Intern("");
  EXPECT_EQ(vocabulary.Find(""), empty);
  // Bytes beyond ASCII and embedded NULs are part of the word.
  const uint32_t accented = vocabulary.Intern("bogot\xc3\xa1");
  EXPECT_NE(vocabulary.Find("bogota"), accented);
  EXPECT_EQ(vocabulary.Find(std::string_view("a\0b", 3)), Vocabulary::kUnknown);
}

// Words of every length up to 20 (Find compares a word whose hash matches in
// overlapping chunks, differently by length), and each with one byte changed
// at each position. WordHashOfEightBytes must give WordHash's value.
TEST(Vocabulary, TellsApartWordsThatDifferInAnyOneByte) {
  Vocabulary vocabulary;
  std::vector<std::string> words;
  for (size_t size = 1; size <= 20; ++size) {
    std::string word;
    for (size_t k = 0; k < size; ++k) word += static_cast<char>('a' + k);
    words.push_back(word);
  }
  for (const std::string& word : words) vocabulary.Intern(word);
  for (const std::string& word : words) {
    const uint32_t id = vocabulary.Find(word);
    ASSERT_NE(id, Vocabulary::kUnknown) << word;
    EXPECT_EQ(vocabulary.Find(word, WordHash(word)), id);
    for (size_t k = 0; k < word.size(); ++k) {
      std::string other = word;
      other[k] = 'Z';
      EXPECT_EQ(vocabulary.Find(other), Vocabulary::kUnknown) << other;
    }
    if (word.size() <= 8 && std::endian::native == std::endian::little) {
      uint64_t bytes = 0;
      for (size_t k = 0; k < word.size(); ++k) {
        bytes |= uint64_t{static_cast<unsigned char>(word[k])} << (8 * k);
      }
      EXPECT_EQ(WordHashOfEightBytes(bytes, word.size()), WordHash(word)) << word;
    }
  }
}

// Each member reads its own ids back from the shared ones, for its words and
// for words of the others (kUnknown), whichever member added a word first.
TEST(SharedVocabulary, TurnsSharedIdsIntoEachMembersIds) {
  Vocabulary names, verbs, absent;
  for (const char* word : {"venezuela", "the", "united", "states"}) names.Intern(word);
  for (const char* word : {"expelled", "the", "ambassador"}) verbs.Intern(word);
  absent.Intern("the");
  SharedVocabulary shared;
  shared.Add(names);
  shared.Add(verbs);
  EXPECT_EQ(shared.IdsIn(absent), nullptr);
  const uint32_t* name_ids = shared.IdsIn(names);
  const uint32_t* verb_ids = shared.IdsIn(verbs);
  ASSERT_NE(name_ids, nullptr);
  ASSERT_NE(verb_ids, nullptr);
  for (const char* word :
       {"venezuela", "the", "united", "states", "expelled", "ambassador", "unknown"}) {
    const uint32_t id = shared.Find(word, WordHash(word));
    EXPECT_EQ(id == Vocabulary::kUnknown, std::string_view(word) == "unknown") << word;
    EXPECT_EQ(name_ids[id], names.Find(word)) << word;
    EXPECT_EQ(verb_ids[id], verbs.Find(word)) << word;
  }
}

TEST(PhraseTrie, LongestMatchWithWildcards) {
  Vocabulary vocabulary;
  auto ids = [&](std::vector<std::string> words) {
    std::vector<uint32_t> out;
    for (const std::string& word : words) {
      out.push_back(word == "*" ? PhraseTrie::kAnyWord : vocabulary.Intern(word));
    }
    return out;
  };
  PhraseTrie trie;
  trie.Add(ids({"cut", "off"}), 1);
  trie.Add(ids({"cut", "off", "relations"}), 2);
  trie.Add(ids({"cut", "*", "ties"}), 3);
  const auto sentence = ids({"they", "cut", "diplomatic", "ties"});
  const PhraseTrie::Match wild = trie.LongestAt(sentence, 1);
  EXPECT_EQ(wild.length, 3u);
  ASSERT_EQ(wild.payloads.size(), 1u);
  EXPECT_EQ(wild.payloads[0], 3u);
  const auto longer = ids({"cut", "off", "relations", "today"});
  EXPECT_EQ(trie.LongestAt(longer, 0).length, 3u);
  EXPECT_EQ(trie.LongestAt(longer, 0).payloads[0], 2u);
  EXPECT_EQ(trie.LongestAt(sentence, 0).length, 0u);
}

}  // namespace
}  // namespace dyad
