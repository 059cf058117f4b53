#include "base/event.h"

#include <cstdio>

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
uint64_t Fnv1a(uint64_t hash, const std::string& text) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  // A separator byte so that ("ab","c") and ("a","bc") differ.
  hash ^= 0x1f;
  hash *= 0x100000001b3ULL;
  return hash;
}

}  // namespace

std::string EventId(const Event& event) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  hash = Fnv1a(hash, event.source.code);
  hash = Fnv1a(hash, event.target.code);
  hash = Fnv1a(hash, event.code);
  hash = Fnv1a(hash, FormatIsoDate(event.date));
  hash = Fnv1a(hash, DatePrecisionName(event.date_precision));
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace dyad
