#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(CivilDate, DayNumbersRoundTripAcrossFourCenturies) {
  for (int64_t days = -150000; days <= 150000; days += 17) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(days)), days);
  }
}

TEST(CivilDate, KnownDayNumbers) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(CivilFromDays(17919), (CivilDate{2019, 1, 23}));
}

TEST(CivilDate, WeekdayIsMondayBased) {
  EXPECT_EQ(Weekday({2019, 1, 23}), 2);  // a Wednesday
  EXPECT_EQ(Weekday({2022, 3, 5}), 5);   // a Saturday
  EXPECT_EQ(Weekday({2000, 1, 1}), 5);   // a Saturday
}

TEST(CivilDate, LeapYears) {
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
}

TEST(CivilDate, ParseIsoDateAcceptsOnlyRealDates) {
  EXPECT_EQ(ParseIsoDate("2019-01-24"), (CivilDate{2019, 1, 24}));
  EXPECT_FALSE(ParseIsoDate("2019-02-30"));
  EXPECT_FALSE(ParseIsoDate("2019-1-24"));
  EXPECT_FALSE(ParseIsoDate("24/01/2019"));
  EXPECT_FALSE(ParseIsoDate(""));
}

TEST(CivilDate, FormatAndAddDays) {
  EXPECT_EQ(FormatIsoDate({2019, 1, 3}), "2019-01-03");
  EXPECT_EQ(AddDays({2019, 3, 1}, -1), (CivilDate{2019, 2, 28}));
  EXPECT_EQ(AddDays({2020, 12, 31}, 1), (CivilDate{2021, 1, 1}));
}

}  // namespace
}  // namespace dyad
