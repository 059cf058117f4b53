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

}  // namespace
}  // namespace dyad
