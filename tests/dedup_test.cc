#include "dedup/dedup.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace dyad {
namespace {

// "w<first> ... w<last - 1>": distinct content words, so the shingle sets of
// two such texts, and their Jaccard similarity, are known exactly.
std::string Words(int first, int last) {
  std::string text;
  for (int i = first; i < last; ++i) text += "w" + std::to_string(i) + " ";
  return text;
}

TEST(MinHash, IdenticalTextsHaveEqualSignatures) {
  const MinHashSignature a = ComputeSignature(Words(0, 100));
  EXPECT_EQ(a.shingles, 99u);  // two-word shingles
  EXPECT_EQ(a.values.size(), 128u);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, ComputeSignature(Words(0, 100))), 1.0);
}

TEST(MinHash, EstimateAgreesWithTheExactJaccardSimilarity) {
  // w0..w99 against w<k>..w<k+99>: 99 shingles each, 99 - k shared.
  for (int shift : {10, 30, 50, 70, 90}) {
    const double shared = 99 - shift;
    const double exact = shared / (99 + 99 - shared);
    const double estimate = EstimateJaccard(ComputeSignature(Words(0, 100)),
                                            ComputeSignature(Words(shift, shift + 100)));
    // Three standard errors of a 128-value estimate.
    EXPECT_NEAR(estimate, exact, 3 * std::sqrt(exact * (1 - exact) / 128) + 0.01) << shift;
  }
  EXPECT_LT(EstimateJaccard(ComputeSignature(Words(0, 100)), ComputeSignature(Words(200, 300))),
            0.03);
}

TEST(MinHash, FunctionWordsCaseAndInflectionDoNotMatter) {
  // Translations and rewrites differ in articles, capitals and endings.
  const MinHashSignature a =
      ComputeSignature("The Venezuelan government announced sanctions against the Colombian banks");
  const MinHashSignature b =
      ComputeSignature("venezuelan governments announce a sanction against Colombian banks");
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, b), 1.0);
}

TEST(MinHash, TextWithoutShinglesMatchesNothing) {
  const MinHashSignature empty = ComputeSignature("the of and");
  EXPECT_EQ(empty.shingles, 0u);
  EXPECT_EQ(EstimateJaccard(empty, empty), 0.0);
}

Event MakeEvent(const std::string& source, const std::string& target, const std::string& code,
                CivilDate date, DatePrecision precision = DatePrecision::kDay) {
  Event event;
  event.source.code = source;
  event.source.country = source.substr(0, 3);
  event.target.code = target;
  event.target.country = target.substr(0, 3);
  event.code = code;
  event.date = date;
  event.date_precision = precision;
  return event;
}

TEST(EventKeys, ActorsCompareByCountryAndDatesWithinTheWindow) {
  const EventKey washington = EventKeyOf(MakeEvent("USAGOV", "VEN", "042", CivilDate{2022, 3, 5}));
  const EventKey united_states = EventKeyOf(MakeEvent("USA", "VEN", "042", CivilDate{2022, 3, 7}));
  EXPECT_TRUE(SameEvent(washington, united_states, 2));
  EXPECT_FALSE(SameEvent(washington, united_states, 1));
  const EventKey other_code = EventKeyOf(MakeEvent("USA", "VEN", "043", CivilDate{2022, 3, 5}));
  EXPECT_FALSE(SameEvent(washington, other_code, 7));
  // "in 2019" agrees with any day of 2019, not of 2020.
  const EventKey year =
      EventKeyOf(MakeEvent("USA", "VEN", "042", CivilDate{2022, 1, 1}, DatePrecision::kYear));
  EXPECT_TRUE(SameEvent(year, washington, 0));
  const EventKey month =
      EventKeyOf(MakeEvent("USA", "VEN", "042", CivilDate{2022, 2, 1}, DatePrecision::kMonth));
  EXPECT_FALSE(SameEvent(month, washington, 0));
  EXPECT_TRUE(SameEvent(month, year, 0));
}

std::vector<std::string> StoryDocs(const std::vector<StoryAssignment>& stories) {
  std::vector<std::string> docs;
  for (const StoryAssignment& story : stories) docs.push_back(story.story_doc);
  return docs;
}

TEST(StoryClusterer, NearCopiesFormOneStoryTransitively) {
  StoryClusterer clusterer;
  clusterer.Add("a", ComputeSignature(Words(0, 100)), {});
  clusterer.Add("other", ComputeSignature(Words(500, 600)), {});
  clusterer.Add("b", ComputeSignature(Words(40, 140)), {});  // J(a, b) = 0.43
  clusterer.Add("c", ComputeSignature(Words(80, 180)), {});  // J(b, c) = 0.43, J(a, c) = 0.1
  EXPECT_EQ(StoryDocs(clusterer.Cluster()), (std::vector<std::string>{"a", "other", "a", "a"}));
  EXPECT_EQ(clusterer.text_links(), 2u);
  EXPECT_EQ(clusterer.event_links(), 0u);
}

TEST(StoryClusterer, JaccardThresholdIsConfigurable) {
  DedupOptions strict;
  strict.jaccard_threshold = 0.8;
  StoryClusterer clusterer(strict);
  clusterer.Add("a", ComputeSignature(Words(0, 100), strict), {});
  clusterer.Add("b", ComputeSignature(Words(40, 140), strict), {});
  EXPECT_EQ(StoryDocs(clusterer.Cluster()), (std::vector<std::string>{"a", "b"}));
}

TEST(StoryClusterer, RewritesWithTheSameLeadEventsFormOneStory) {
  const CivilDate day{2022, 3, 5};
  const std::vector<Event> first = {MakeEvent("USAGOV", "VEN", "042", day),
                                    MakeEvent("VEN", "RUS", "043", day)};
  const std::vector<Event> second = {MakeEvent("USA", "VEN", "042", CivilDate{2022, 3, 6}),
                                     MakeEvent("USA", "VEN", "163", day)};
  StoryClusterer clusterer;
  clusterer.Add("first", ComputeSignature(Words(0, 100)), first);
  clusterer.Add("second", ComputeSignature(Words(300, 400)), second);
  EXPECT_EQ(StoryDocs(clusterer.Cluster()), (std::vector<std::string>{"first", "first"}));
  EXPECT_EQ(clusterer.event_links(), 1u);
}

TEST(StoryClusterer, SharedBackgroundDoesNotLinkStories) {
  // "later" recalls the sanctions that are "earlier"'s lead, but its own lead
  // (a visit) is nowhere in "earlier": two stories.
  const CivilDate day{2022, 3, 5};
  const std::vector<Event> earlier = {MakeEvent("USA", "VEN", "163", day)};
  const std::vector<Event> later = {MakeEvent("CHN", "VEN", "042", day),
                                    MakeEvent("CHN", "VEN", "057", day),
                                    MakeEvent("USA", "VEN", "163", day)};
  StoryClusterer clusterer;
  clusterer.Add("earlier", ComputeSignature(Words(0, 100)), earlier);
  clusterer.Add("later", ComputeSignature(Words(300, 400)), later);
  EXPECT_EQ(StoryDocs(clusterer.Cluster()), (std::vector<std::string>{"earlier", "later"}));

  DedupOptions no_events;
  no_events.use_events = false;
  StoryClusterer text_only(no_events);
  const std::vector<Event> same = {MakeEvent("USA", "VEN", "163", day)};
  text_only.Add("x", ComputeSignature(Words(0, 100)), same);
  text_only.Add("y", ComputeSignature(Words(300, 400)), same);
  EXPECT_EQ(StoryDocs(text_only.Cluster()), (std::vector<std::string>{"x", "y"}));
}

// The seed pages (../shared/seeds, read at run time): two translations of one
// story (000, 001), two outlets' reports of one event (002, 003), and an
// unrelated story (004). Cleaned and coded by the real pipeline, with the
// report dates the pages give or imply.
TEST(StoryClusterer, SeedPagesFormThreeStories) {
  const std::string seeds = std::string(DYAD_SOURCE_DIR) + "/../shared/seeds/";
  struct Seed {
    const char* file;
    CivilDate report_date;
  };
  const std::vector<Seed> pages = {
      {"000_8a2b0857bd4246b4.txt", {2019, 1, 24}}, {"001_ccaed1d70b00b253.txt", {2019, 1, 24}},
      {"002_c4d90af70d619d42.txt", {2022, 3, 6}},  {"003_d463f305805cc310.txt", {2022, 3, 6}},
      {"004_28df0f60c14cb835.txt", {2023, 9, 14}},
  };
  auto loaded = Pipeline::Load(PipelineOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const Pipeline& pipeline = **loaded;
  StoryClusterer clusterer;
  for (const Seed& seed : pages) {
    std::ifstream in(seeds + seed.file, std::ios::binary);
    if (!in) GTEST_SKIP() << "seeds not found in " << seeds;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Document document;
    document.id = std::string(seed.file).substr(0, 3);
    document.report_date = seed.report_date;
    document.text = bytes.str();
    const DocumentResult result = pipeline.CodeDocument(document);
    clusterer.Add(document.id, ComputeSignature(document.text), result.events);
  }
  EXPECT_EQ(StoryDocs(clusterer.Cluster()),
            (std::vector<std::string>{"000", "000", "002", "002", "004"}));
  // 000 and 001 share their words; 002 and 003, rewritten, only their events.
  EXPECT_EQ(clusterer.text_links(), 1u);
  EXPECT_EQ(clusterer.event_links(), 1u);
}

}  // namespace
}  // namespace dyad
