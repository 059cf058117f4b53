#include "date/date.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

// The date of an event anchored at the first token of `anchor` in `sentence`.
ResolvedDate DateOf(const std::string& sentence, const std::string& anchor,
                    const CivilDate& report) {
  const Segmentation segmentation = Segment(sentence);
  std::vector<DateExpression> dates;
  FindDates(sentence, segmentation, segmentation.sentences.at(0), report, dates);
  uint32_t anchor_token = 0;
  const size_t at = sentence.find(anchor);
  for (uint32_t i = 0; i < segmentation.tokens.size(); ++i) {
    if (segmentation.tokens[i].begin == at) anchor_token = i;
  }
  return ResolveEventDate(dates, anchor_token, report);
}

constexpr CivilDate kThursday{2019, 1, 24};

TEST(Date, WeekdayIsTheLatestSuchDayUpToTheReport) {
  const ResolvedDate date = DateOf(
      "Venezuela broke off relations with the United States on Wednesday.", "broke", kThursday);
  EXPECT_EQ(date.date, (CivilDate{2019, 1, 23}));
  EXPECT_EQ(date.precision, DatePrecision::kDay);
  EXPECT_FALSE(date.from_report);
}

TEST(Date, WeekdayOfTheReportItselfIsThatDay) {
  EXPECT_EQ(DateOf("Peru recalled its envoy on Thursday.", "recalled", kThursday).date, kThursday);
  EXPECT_EQ(DateOf("Peru recalled its envoy last Thursday.", "recalled", kThursday).date,
            (CivilDate{2019, 1, 17}));
}

TEST(Date, YesterdayAndToday) {
  EXPECT_EQ(DateOf("Chile protested yesterday.", "protested", kThursday).date,
            (CivilDate{2019, 1, 23}));
  EXPECT_EQ(DateOf("Chile protested today.", "protested", kThursday).date, kThursday);
}

TEST(Date, MonthDayYearForms) {
  EXPECT_EQ(DateOf("Cuba signed it on January 10, 2018.", "signed", kThursday).date,
            (CivilDate{2018, 1, 10}));
  EXPECT_EQ(DateOf("Cuba signed it on 10 January 2018.", "signed", kThursday).date,
            (CivilDate{2018, 1, 10}));
  EXPECT_EQ(DateOf("Cuba signed it on 2018-01-10.", "signed", kThursday).date,
            (CivilDate{2018, 1, 10}));
}

TEST(Date, MonthAndDayWithoutYearIsTheNearestPast) {
  // Reported on 2019-01-24: "Dec. 30" is the previous December.
  EXPECT_EQ(DateOf("Cuba signed it on Dec. 30.", "signed", kThursday).date,
            (CivilDate{2018, 12, 30}));
  EXPECT_EQ(DateOf("Cuba signed it on Jan. 21.", "signed", kThursday).date,
            (CivilDate{2019, 1, 21}));
}

TEST(Date, MonthAndYearPrecision) {
  const ResolvedDate month = DateOf("Ecuador left the bloc in April 2017.", "left", kThursday);
  EXPECT_EQ(month.date, (CivilDate{2017, 4, 1}));
  EXPECT_EQ(month.precision, DatePrecision::kMonth);
  const ResolvedDate year = DateOf("Ecuador left the bloc in 2016.", "left", kThursday);
  EXPECT_EQ(year.date, (CivilDate{2016, 1, 1}));
  EXPECT_EQ(year.precision, DatePrecision::kYear);
}

TEST(Date, NoExpressionMeansTheReportDate) {
  const ResolvedDate date = DateOf("Bolivia praised Peru.", "praised", kThursday);
  EXPECT_EQ(date.date, kThursday);
  EXPECT_TRUE(date.from_report);
}

TEST(Date, TheModalMayIsNotAMonth) {
  EXPECT_TRUE(DateOf("Bolivia may visit Peru.", "visit", kThursday).from_report);
}

TEST(Date, TheNearestExpressionBindsToTheEvent) {
  // The verb sits next to "on Monday", far from "in 2013".
  const std::string sentence = "Elected in 2013 after a long campaign, Maduro spoke on Monday.";
  EXPECT_EQ(DateOf(sentence, "spoke", kThursday).date, (CivilDate{2019, 1, 21}));
}

TEST(Date, ImpossibleDatesAreNotDates) {
  EXPECT_TRUE(DateOf("Cuba signed it on February 30, 2019.", "signed", kThursday).from_report);
}

}  // namespace
}  // namespace dyad
