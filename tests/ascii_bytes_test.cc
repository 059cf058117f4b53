#include "base/ascii_bytes.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace dyad {
namespace {

// The eight-byte tests against the byte-by-byte predicates they stand for:
// every byte value, in every lane, between neighbours that pass and that fail.
TEST(AsciiBytes, AgreesWithByteTestsInEveryLane) {
  if (!kEightByteTests) GTEST_SKIP() << "the tests are for little-endian machines";
  struct Case {
    const char* name;
    uint64_t (*bits)(uint64_t);
    bool (*byte_test)(unsigned char);
  };
  const Case cases[] = {
      {"capital", AsciiCapitalBits, [](unsigned char c) { return c >= 'A' && c <= 'Z'; }},
      {"letter", AsciiLetterBits,
       [](unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }},
      {"digit", AsciiDigitBits, [](unsigned char c) { return c >= '0' && c <= '9'; }},
      {"printable", AsciiPrintableBits, [](unsigned char c) { return c >= 0x20 && c <= 0x7E; }},
  };
  for (const Case& test : cases) {
    for (unsigned char fill : {'a', 'Z', '5', ' ', '\x7f', '\x80', '\xff', '\0'}) {
      for (int value = 0; value < 256; ++value) {
        for (size_t lane = 0; lane < 8; ++lane) {
          std::string bytes(8, static_cast<char>(fill));
          bytes[lane] = static_cast<char>(value);
          const uint64_t bits = test.bits(LoadEightBytes(bytes, 0));
          for (size_t k = 0; k < 8; ++k) {
            const bool set = (bits >> (8 * k + 7)) & 1;
            EXPECT_EQ(set, test.byte_test(static_cast<unsigned char>(bytes[k])))
                << test.name << " byte " << value << " in lane " << lane << " at " << k;
          }
          EXPECT_EQ(bits & ~kByteHighBits, 0u) << test.name;
        }
      }
    }
  }
}

TEST(AsciiBytes, LowercasesCapitalsOnly) {
  if (!kEightByteTests) GTEST_SKIP() << "the tests are for little-endian machines";
  const std::string mixed = "AZaz@[`{";
  const uint64_t lowered = AsciiLowercased(LoadEightBytes(mixed, 0));
  std::string out(8, '\0');
  for (size_t k = 0; k < 8; ++k) out[k] = static_cast<char>(lowered >> (8 * k));
  EXPECT_EQ(out, "azaz@[`{");
}

TEST(AsciiBytes, FirstBytesAndFirstByteOf) {
  EXPECT_EQ(FirstBytes(0x1122334455667788ULL, 0), 0u);
  EXPECT_EQ(FirstBytes(0x1122334455667788ULL, 3), 0x667788u);
  EXPECT_EQ(FirstBytes(0x1122334455667788ULL, 8), 0x1122334455667788ULL);
  EXPECT_EQ(FirstByteOf(0), 8u);
  EXPECT_EQ(FirstByteOf(0x80), 0u);
  EXPECT_EQ(FirstByteOf(0x8000800000000000ULL), 5u);
}

}  // namespace
}  // namespace dyad
