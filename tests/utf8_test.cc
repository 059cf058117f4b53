// UTF-8 decoding: every length, and every kind of invalid sequence.
#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

TEST(Utf8, DecodesEveryLength) {
  const std::string text = "a\xc3\xa1\xe2\x80\x94\xf0\x9f\x98\x80";  // a á — 😀
  size_t pos = 0;
  std::vector<int32_t> values;
  while (pos < text.size()) {
    const Utf8CodePoint c = DecodeUtf8At(text, pos);
    values.push_back(c.value);
    pos += c.size;
  }
  EXPECT_EQ(values, (std::vector<int32_t>{0x61, 0xE1, 0x2014, 0x1F600}));
  EXPECT_TRUE(IsValidUtf8(text));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8, InvalidSequencesAreOneBadByte) {
  for (const std::string& bad : {
           std::string("\xff"),              // never a lead byte
           std::string("\x80"),              // a continuation alone
           std::string("\xc3"),              // truncated
           std::string("\xe2\x80"),          // truncated
           std::string("\xc0\xaf"),          // overlong '/'
           std::string("\xe0\x80\xaf"),      // overlong '/'
           std::string("\xed\xa0\x80"),      // a surrogate
           std::string("\xf4\x90\x80\x80"),  // above U+10FFFF
           std::string("\xc3\x41"),          // lead byte, then ASCII
       }) {
    const Utf8CodePoint c = DecodeUtf8At(bad, 0);
    EXPECT_EQ(c.value, -1) << bad.size();
    EXPECT_EQ(c.size, 1u);
    EXPECT_FALSE(IsValidUtf8("ok " + bad + " ok"));
  }
}

}  // namespace
}  // namespace dyad
