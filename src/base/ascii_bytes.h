// ascii_bytes: eight bytes of text tested at once, for the loops that run
// over every byte of a document (tokens, words, lines).
//
// Each test takes eight bytes as one uint64_t, loaded little-endian (the
// first byte lowest), and returns bit 7 of every byte that passes, the other
// bits clear. Adding a constant to a byte with bit 7 cleared carries into
// bit 7 exactly when the byte is at least 0x80 minus the constant, and never
// into the next byte: the tests are sums and masks, without a branch.
// Bytes from 0x80 up (UTF-8 beyond ASCII) pass none of them.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace dyad {

inline constexpr uint64_t kByteHighBits = 0x8080808080808080ULL;

// Whether LoadEightBytes can be used: the tests assume the first byte is the
// lowest; elsewhere callers keep their byte loops.
inline constexpr bool kEightByteTests = std::endian::native == std::endian::little;

// text[pos, pos + 8), which must lie inside `text`.
inline uint64_t LoadEightBytes(std::string_view text, size_t pos) {
  uint64_t bytes;
  std::memcpy(&bytes, text.data() + pos, 8);
  return bytes;
}

// The first `size` (0 to 8) bytes of `bytes`; the others zero.
inline uint64_t FirstBytes(uint64_t bytes, size_t size) {
  return size >= 8 ? bytes : bytes & ((uint64_t{1} << (8 * size)) - 1);
}

// 'A' to 'Z'.
inline uint64_t AsciiCapitalBits(uint64_t bytes) {
  const uint64_t low = bytes & ~kByteHighBits;
  return (low + 0x3F3F3F3F3F3F3F3FULL) & ~(low + 0x2525252525252525ULL) & ~bytes & kByteHighBits;
}

// 'A' to 'Z' and 'a' to 'z'.
inline uint64_t AsciiLetterBits(uint64_t bytes) {
  const uint64_t low = (bytes | 0x2020202020202020ULL) & ~kByteHighBits;  // lowercased
  return (low + 0x1F1F1F1F1F1F1F1FULL) & ~(low + 0x0505050505050505ULL) & ~bytes & kByteHighBits;
}

// '0' to '9'.
inline uint64_t AsciiDigitBits(uint64_t bytes) {
  const uint64_t low = bytes & ~kByteHighBits;
  return (low + 0x5050505050505050ULL) & ~(low + 0x4646464646464646ULL) & ~bytes & kByteHighBits;
}

// ' ' to '~': ASCII that is no control character.
inline uint64_t AsciiPrintableBits(uint64_t bytes) {
  const uint64_t low = bytes & ~kByteHighBits;
  return (low + 0x6060606060606060ULL) & ~(low + 0x0101010101010101ULL) & ~bytes & kByteHighBits;
}

// `bytes` with its ASCII capitals lowercased.
inline uint64_t AsciiLowercased(uint64_t bytes) { return bytes + (AsciiCapitalBits(bytes) >> 2); }

// The index (0 to 7) of the lowest byte whose bit is set in `bits`, a
// result of the tests above; 8 if none.
inline size_t FirstByteOf(uint64_t bits) { return static_cast<size_t>(std::countr_zero(bits)) / 8; }

}  // namespace dyad
