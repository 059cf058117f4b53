#include "base/event.h"

#include <array>
#include <cstring>
#include <string_view>

namespace dyad {

const char* DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

namespace {

// Two digits per table entry: "00".."99" and "00".."ff". Every event is
// hashed and named, and a digit at a time was a division or a shift and a
// store per character.
constexpr std::array<char, 200> kDecimalPairs = [] {
  std::array<char, 200> pairs{};
  for (size_t i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();
constexpr std::array<char, 512> kHexPairs = [] {
  constexpr char kHex[] = "0123456789abcdef";
  std::array<char, 512> pairs{};
  for (size_t i = 0; i < 256; ++i) {
    pairs[2 * i] = kHex[i >> 4];
    pairs[2 * i + 1] = kHex[i & 0xF];
  }
  return pairs;
}();

// FNV-1a, 64 bit: tiny, fast enough, and identical on every platform, which a
// std::hash is not.
uint64_t Fnv1a(uint64_t hash, std::string_view text) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  // A separator byte so that ("ab","c") and ("a","bc") differ.
  hash ^= 0x1f;
  hash *= 0x100000001b3ULL;
  return hash;
}

// The date as FormatIsoDate writes it, into `buffer` without allocating
// (every event is hashed). Dates outside years 0..9999 or with
// out-of-range fields take FormatIsoDate's own path, so the hash is the
// same for every date.
std::string_view IsoDateInto(const CivilDate& date, std::array<char, 10>& buffer,
                             std::string& fallback) {
  if (date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 || date.day < 0 ||
      date.day > 99) {
    fallback = FormatIsoDate(date);
    return fallback;
  }
  // Every value below is 0..99 (checked above), an index into the table.
  auto two_digits = [&](size_t at, int value) {
    std::memcpy(buffer.data() + at, &kDecimalPairs[2 * static_cast<size_t>(value)], 2);
  };
  two_digits(0, date.year / 100);
  two_digits(2, date.year % 100);
  buffer[4] = '-';
  two_digits(5, date.month);
  buffer[7] = '-';
  two_digits(8, date.day);
  return std::string_view(buffer.data(), buffer.size());
}

}  // namespace

std::string EventId(const Event& event) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  hash = Fnv1a(hash, event.source.code);
  hash = Fnv1a(hash, event.target.code);
  hash = Fnv1a(hash, event.code);
  std::array<char, 10> date_buffer;
  std::string fallback;
  hash = Fnv1a(hash, IsoDateInto(event.date, date_buffer, fallback));
  hash = Fnv1a(hash, DatePrecisionName(event.date_precision));
  // 16 lowercase hex digits, as "%016llx" would write them: a byte of the
  // hash at a time, from the last, into a buffer the string is made from
  // once (no fill to overwrite).
  std::array<char, 16> digits;
  for (size_t i = 8; i-- > 0; hash >>= 8) {
    std::memcpy(digits.data() + 2 * i, &kHexPairs[2 * (hash & 0xFF)], 2);
  }
  return std::string(digits.data(), digits.size());
}

}  // namespace dyad
