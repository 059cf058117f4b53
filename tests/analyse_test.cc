#include "analyse/analyse.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

Event MakeEvent(const std::string& source_country, const std::string& sector,
                const std::string& target_code, const std::string& code, int quad, double goldstein,
                CivilDate date) {
  Event event;
  event.source = {source_country + sector, source_country, "", sector, source_country};
  event.target = {target_code, target_code.size() == 3 ? target_code : "",
                  target_code.size() == 3 ? "" : target_code, "", target_code};
  event.code = code;
  event.quad_class = quad;
  event.goldstein = goldstein;
  event.date = date;
  return event;
}

TEST(Analyse, DyadsAreUnorderedAndFoldSectors) {
  const std::vector<Event> events = {
      MakeEvent("VEN", "GOV", "USA", "161", 4, -4.0, {2019, 1, 23}),
      MakeEvent("USA", "", "VEN", "163", 4, -8.0, {2019, 1, 28}),
      MakeEvent("USA", "GOV", "VEN", "163", 4, -8.0, {2018, 5, 21}),
      MakeEvent("VEN", "", "NATO", "112", 3, -2.0, {2022, 2, 1}),
  };
  const std::vector<DyadSummary> summaries = SummariseDyads(events);
  ASSERT_EQ(summaries.size(), 2u);
  const DyadSummary& usa_ven = summaries[0];
  EXPECT_EQ(usa_ven.first, "USA");
  EXPECT_EQ(usa_ven.second, "VEN");
  EXPECT_EQ(usa_ven.events, 3u);
  EXPECT_EQ(usa_ven.by_quad_class[3], 3u);
  EXPECT_NEAR(usa_ven.goldstein_mean, -20.0 / 3.0, 1e-9);
  EXPECT_EQ(usa_ven.first_date, (CivilDate{2018, 5, 21}));
  EXPECT_EQ(usa_ven.last_date, (CivilDate{2019, 1, 28}));
  EXPECT_EQ(usa_ven.top_code, "163");
  EXPECT_EQ(summaries[1].first, "NATO");
  EXPECT_EQ(summaries[1].second, "VEN");
  EXPECT_EQ(summaries[1].by_quad_class[2], 1u);
}

TEST(Analyse, NoEventsNoDyads) { EXPECT_TRUE(SummariseDyads({}).empty()); }

TEST(Series, PeriodsAndLabels) {
  const CivilDate date{2019, 1, 23};  // a Wednesday
  EXPECT_EQ(PeriodStart(date, Granularity::kDay), date);
  EXPECT_EQ(PeriodStart(date, Granularity::kWeek), (CivilDate{2019, 1, 21}));
  EXPECT_EQ(PeriodStart(date, Granularity::kMonth), (CivilDate{2019, 1, 1}));
  EXPECT_EQ(PeriodStart(date, Granularity::kYear), (CivilDate{2019, 1, 1}));
  EXPECT_EQ(NextPeriod({2019, 12, 1}, Granularity::kMonth), (CivilDate{2020, 1, 1}));
  EXPECT_EQ(PeriodLabel({2019, 1, 21}, Granularity::kWeek), "2019-W04");
  // ISO weeks: 2018-12-31 is a Monday in week 1 of 2019; 2021-01-01 in week 53 of 2020.
  EXPECT_EQ(PeriodLabel({2018, 12, 31}, Granularity::kWeek), "2019-W01");
  EXPECT_EQ(PeriodLabel(PeriodStart({2021, 1, 1}, Granularity::kWeek), Granularity::kWeek),
            "2020-W53");
  EXPECT_EQ(PeriodLabel({2019, 1, 1}, Granularity::kMonth), "2019-01");
  EXPECT_EQ(PeriodLabel({2019, 1, 1}, Granularity::kYear), "2019");
  EXPECT_EQ(ParseGranularity("week"), Granularity::kWeek);
  EXPECT_EQ(ParseGranularity("fortnight"), std::nullopt);
}

TEST(Series, AccumulatorFillsGapsInAnyOrder) {
  SeriesAccumulator accumulator(Granularity::kMonth);
  accumulator.Add({2019, 3, 5}, 4, -4.0, 2);
  accumulator.Add({2019, 1, 9}, 1, 3.0, 1);
  accumulator.Add({2019, 3, 30}, 2, 7.0, 1);
  const std::vector<SeriesPoint> points = accumulator.Finish();
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].period, "2019-01");
  EXPECT_EQ(points[0].events, 1u);
  EXPECT_EQ(points[1].period, "2019-02");
  EXPECT_EQ(points[1].events, 0u);
  EXPECT_EQ(points[2].period, "2019-03");
  EXPECT_EQ(points[2].events, 2u);
  EXPECT_EQ(points[2].mentions, 3u);
  EXPECT_DOUBLE_EQ(points[2].goldstein_sum, 3.0);
  EXPECT_DOUBLE_EQ(points[2].goldstein_mean, 1.5);
  EXPECT_EQ(points[2].by_quad_class, (std::array<size_t, 4>{0, 1, 0, 1}));
  EXPECT_TRUE(SeriesAccumulator(Granularity::kDay).Finish().empty());
}

Event Said(const std::string& source, const std::string& target, const std::string& code, int quad,
           const std::string& text, CivilDate date = {2019, 1, 23},
           DatePrecision precision = DatePrecision::kDay) {
  Event event = MakeEvent(source.substr(0, 3), source.size() > 3 ? source.substr(3) : "", target,
                          code, quad, 0.0, date);
  if (target.size() > 3) event.target = {target, target.substr(0, 3), "", target.substr(3), target};
  event.text = text;
  event.date_precision = precision;
  event.id = EventId(event);
  return event;
}

TEST(RelationStatus, CodesAndWordsDecideTheChange) {
  auto kind = [](const Event& event) { return ClassifyRelationChange(event); };
  EXPECT_EQ(kind(Said("VEN", "USA", "161", 4, "Venezuela broke off relations with the US.")),
            RelationChangeKind::kSevered);
  EXPECT_EQ(
      kind(Said("VEN", "USA", "161", 4, "Venezuela recalled its ambassador from Washington.")),
      RelationChangeKind::kAmbassadorRecalled);
  EXPECT_EQ(kind(Said("VEN", "USA", "174", 4, "Venezuela expelled the top U.S. diplomat.")),
            RelationChangeKind::kAmbassadorExpelled);
  EXPECT_EQ(kind(Said("VEN", "USA", "174", 4,
                      "The envoy asked Venezuela to take back deported migrants.")),
            std::nullopt);
  EXPECT_EQ(kind(Said("VEN", "USA", "160", 4, "Venezuela reduced its relations.")),
            RelationChangeKind::kDowngraded);
  EXPECT_EQ(
      kind(Said("COL", "VEN", "042", 1, "Colombia and Venezuela restored diplomatic relations.")),
      RelationChangeKind::kRestored);
  EXPECT_EQ(kind(Said("CHN", "VEN", "050", 1, "China upgraded its ties with Venezuela.")),
            RelationChangeKind::kUpgraded);
  EXPECT_EQ(kind(Said("CHN", "VEN", "054", 2, "China recognised Venezuela.")),
            RelationChangeKind::kEstablished);
  // Recognising an opposition leader is not a relation between states.
  EXPECT_EQ(kind(Said("USAGOV", "VENOPP", "054", 2, "Washington recognised Guaido.")),
            std::nullopt);
  EXPECT_EQ(kind(Said("CHN", "VEN", "057", 2, "China signed an agreement with Venezuela.")),
            std::nullopt);
}

TEST(RelationStatus, TimelineMergesReportsAndPrefersThePreciseDate) {
  const std::vector<Event> events = {
      Said("COL", "VEN", "042", 1, "Colombia and Venezuela restored relations.", {2022, 8, 28}),
      Said("VEN", "COL", "161", 4, "Venezuela broke off relations with Colombia in 2019.",
           {2019, 1, 1}, DatePrecision::kYear),
      Said("VEN", "COL", "161", 4, "Venezuela broke off relations with Colombia.", {2019, 2, 23}),
      Said("VEN", "COL", "112", 3, "Venezuela accused Colombia.", {2020, 5, 1}),
  };
  const RelationTimeline timeline = DeriveRelationTimeline("COL", "VEN", events);
  ASSERT_EQ(timeline.changes.size(), 2u);
  EXPECT_EQ(timeline.changes[0].kind, RelationChangeKind::kSevered);
  EXPECT_EQ(timeline.changes[0].date, (CivilDate{2019, 2, 23}));
  EXPECT_EQ(timeline.changes[0].precision, DatePrecision::kDay);
  EXPECT_EQ(timeline.changes[0].evidence.size(), 2u);
  EXPECT_EQ(timeline.changes[0].evidence[0].text, "Venezuela broke off relations with Colombia.");
  EXPECT_EQ(timeline.changes[1].kind, RelationChangeKind::kRestored);
  EXPECT_EQ(timeline.changes[1].date, (CivilDate{2022, 8, 28}));
  EXPECT_STREQ(RelationChangeName(timeline.changes[1].kind), "restored");
}

}  // namespace
}  // namespace dyad
