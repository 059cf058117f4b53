#include "base/event.h"

#include <array>
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
  auto digits = [&](size_t at, int value, int count) {
    for (int i = count - 1; i >= 0; --i, value /= 10) {
      buffer[at + static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
    }
  };
  digits(0, date.year, 4);
  buffer[4] = '-';
  digits(5, date.month, 2);
  buffer[7] = '-';
  digits(8, date.day, 2);
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
  // 16 lowercase hex digits, as "%016llx" would write them.
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4)
    id[static_cast<size_t>(i)] = "0123456789abcdef"[hash & 0xF];
  return id;
}

}  // namespace dyad
