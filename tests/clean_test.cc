#include "clean/clean.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Clean, ValidTextIsKept) {
  const CleanResult result = CleanText("Venezuela and Colombia restored ties.");
  EXPECT_EQ(result.text, "Venezuela and Colombia restored ties.");
  EXPECT_EQ(result.invalid_sequences, 0u);
}

TEST(Clean, InvalidBytesBecomeReplacementCharactersAndAreCounted) {
  // \xC3 starts a two-byte sequence that "(" does not continue; \xFF never occurs in UTF-8.
  const CleanResult result = CleanText("Bogot\xC3(a said \xFF no.");
  EXPECT_EQ(result.text, "Bogot\xEF\xBF\xBD(a said \xEF\xBF\xBD no.");
  EXPECT_EQ(result.invalid_sequences, 2u);
  EXPECT_EQ(result.first_invalid_offset, 5u);
}

TEST(Clean, TruncatedSequenceAtTheEnd) {
  const CleanResult result = CleanText("Kyiv \xD0");
  EXPECT_EQ(result.text, "Kyiv \xEF\xBF\xBD");
  EXPECT_EQ(result.invalid_sequences, 1u);
}

TEST(Clean, NormalisesToNfc) {
  // "Nicolás" written with a combining acute accent becomes the precomposed á.
  EXPECT_EQ(CleanText("Nicola\xCC\x81s").text, "Nicol\xC3\xA1s");
}

TEST(Clean, LineBreaksAndControlCharacters) {
  EXPECT_EQ(CleanText("one\r\ntwo\rthree\x01\x7F\tfour").text, "one\ntwo\nthree\tfour");
  EXPECT_EQ(CleanText("\xEF\xBB\xBFTitle").text, "Title");
}

TEST(Clean, CyrillicPassesThrough) {
  EXPECT_EQ(CleanText("Москва и Каракас").text, "Москва и Каракас");
}

}  // namespace
}  // namespace dyad
