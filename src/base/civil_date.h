// CivilDate: a proleptic Gregorian calendar date with no time zone.
//
// Event data is dated to the day at most, so dyad never needs clock time.
// Dates convert to and from a day number (days since 1970-01-01) so that
// arithmetic ("two days ago", "last Wednesday") is plain integer arithmetic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before it). Valid for any date in int range.
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);

// 0 = Monday ... 6 = Sunday (ISO 8601 order).
int Weekday(const CivilDate& date);

int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// Parses exactly "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatIsoDate(const CivilDate& date);

// Adds (or subtracts) whole days.
CivilDate AddDays(const CivilDate& date, int64_t days);

}  // namespace dyad
