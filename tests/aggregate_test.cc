#include "aggregate/aggregate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dedup/dedup.h"
#include "pipeline/pipeline.h"

namespace dyad {
namespace {

Event Mention(const std::string& doc, uint32_t sentence, const std::string& source,
              const std::string& target, const std::string& code, CivilDate date,
              DatePrecision precision = DatePrecision::kDay) {
  Event event;
  event.source.code = source;
  event.target.code = target;
  event.code = code;
  event.date = date;
  event.date_precision = precision;
  event.doc = doc;
  event.sentence = sentence;
  event.span_begin = sentence * 100;
  event.span_end = sentence * 100 + 40;
  event.text = doc + " sentence " + std::to_string(sentence);
  event.confidence = 0.5 + 0.1 * sentence;
  event.id = EventId(event);
  return event;
}

const CivilDate kDay{2019, 1, 23};

TEST(Aggregate, MentionsOfOneEventAreCountedOnce) {
  const DocumentIndex documents = {
      {"a", {"Reuters", "s1"}}, {"b", {"AFP", "s1"}}, {"c", {"Reuters", "s2"}}};
  const std::vector<Event> events = AggregateEvents(
      {Mention("a", 0, "VEN", "USA", "161", kDay), Mention("a", 3, "VEN", "USA", "161", kDay),
       Mention("b", 1, "VEN", "USA", "161", kDay), Mention("c", 2, "VEN", "USA", "161", kDay)},
      documents);
  ASSERT_EQ(events.size(), 1u);
  const Event& event = events[0];
  EXPECT_EQ(event.mentions, 4u);
  EXPECT_EQ(event.articles, 3u);
  EXPECT_EQ(event.sources, 2u);  // Reuters and AFP
  // The first mention stays the record's evidence; every mention is listed.
  EXPECT_EQ(event.doc, "a");
  EXPECT_EQ(event.sentence, 0u);
  EXPECT_EQ(event.text, "a sentence 0");
  EXPECT_EQ(event.id, EventId(event));
  EXPECT_DOUBLE_EQ(event.confidence, 0.5 + 0.1 * 3);  // the strongest mention's
  ASSERT_EQ(event.evidence.size(), 4u);
  EXPECT_EQ(event.evidence[1].doc, "a");
  EXPECT_EQ(event.evidence[1].sentence, 3u);
  EXPECT_EQ(event.evidence[1].span_begin, 300u);
  EXPECT_EQ(event.evidence[1].span_end, 340u);
  EXPECT_EQ(event.evidence[2].doc, "b");
  EXPECT_EQ(event.evidence[3].doc, "c");
  EXPECT_EQ(event.evidence[3].story, "s2");
}

TEST(Aggregate, ASentenceThatYieldsTheEventTwiceIsOneMention) {
  Event twice = Mention("a", 4, "USA", "VENGOV", "163", kDay);
  twice.span_begin += 7;
  const std::vector<Event> events =
      AggregateEvents({Mention("a", 4, "USA", "VENGOV", "163", kDay), twice}, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].mentions, 1u);
  EXPECT_EQ(events[0].evidence.size(), 1u);
}

TEST(Aggregate, DifferentActorsCodesOrPrecisionsStayApart) {
  const std::vector<Event> events = AggregateEvents(
      {Mention("a", 0, "VEN", "USA", "161", kDay), Mention("a", 1, "USA", "VEN", "161", kDay),
       Mention("a", 2, "VEN", "USA", "160", kDay), Mention("a", 3, "VENGOV", "USA", "161", kDay),
       Mention("a", 4, "VEN", "USA", "161", CivilDate{2019, 1, 1}, DatePrecision::kMonth)},
      {});
  ASSERT_EQ(events.size(), 5u);
  for (const Event& event : events) EXPECT_EQ(event.mentions, 1u);
  // In order of their first mention.
  for (uint32_t i = 0; i < 5; ++i) EXPECT_EQ(events[i].sentence, i);
}

TEST(Aggregate, DayDatesCollapseWithinTheWindow) {
  const std::vector<Event> mentions = {
      Mention("a", 0, "VEN", "USA", "161", CivilDate{2019, 1, 23}),
      Mention("b", 0, "VEN", "USA", "161", CivilDate{2019, 1, 24}),
      Mention("c", 0, "VEN", "USA", "161", CivilDate{2019, 1, 25}),
      Mention("d", 0, "VEN", "USA", "161", CivilDate{2019, 1, 30}),
  };
  // Window 1: the 23rd and 24th; the 25th starts a new event (two days after
  // the earliest); the 30th is its own.
  std::vector<Event> events = AggregateEvents(mentions, {});
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].articles, 2u);
  EXPECT_EQ(events[1].doc, "c");
  EXPECT_EQ(events[2].doc, "d");
  // Window 0: same day only. Window 7: one event.
  EXPECT_EQ(AggregateEvents(mentions, {}, AggregateOptions{0}).size(), 4u);
  events = AggregateEvents(mentions, {}, AggregateOptions{7});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].mentions, 4u);
  EXPECT_EQ(events[0].sources, 4u);  // unknown outlets count one per document
}

// A headline with no date of its own takes the report date (the 24th); the
// body says "on Wednesday" (the 23rd). One event, dated as the text dates it,
// whichever mention comes first.
TEST(Aggregate, ATextDateBeatsAReportDate) {
  Event headline = Mention("a", 0, "VEN", "USA", "161", CivilDate{2019, 1, 24});
  headline.date_is_report_date = true;
  headline.report_date = CivilDate{2019, 1, 24};
  Event body = Mention("a", 1, "VEN", "USA", "161", CivilDate{2019, 1, 23});
  body.date_is_report_date = false;
  body.report_date = CivilDate{2019, 1, 24};
  Event copy = Mention("b", 0, "VEN", "USA", "161", CivilDate{2019, 1, 24});
  copy.date_is_report_date = true;
  for (const auto& order :
       {std::vector<Event>{headline, body, copy}, std::vector<Event>{body, headline, copy},
        std::vector<Event>{copy, headline, body}}) {
    const std::vector<Event> events = AggregateEvents(order, {});
    ASSERT_EQ(events.size(), 1u);
    const Event& event = events[0];
    EXPECT_EQ(event.date, (CivilDate{2019, 1, 23}));
    EXPECT_FALSE(event.date_is_report_date);
    EXPECT_EQ(event.id, EventId(event));
    EXPECT_EQ(event.id, body.id);
    EXPECT_EQ(event.mentions, 3u);
    // The evidence stays in input order, the first mention's first.
    EXPECT_EQ(event.doc, order[0].doc);
    EXPECT_EQ(event.sentence, order[0].sentence);
  }
  // With no text date, the first mention's report date stands.
  const std::vector<Event> undated = AggregateEvents({copy, headline}, {});
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].date, (CivilDate{2019, 1, 24}));
  EXPECT_TRUE(undated[0].date_is_report_date);
  // Of two text dates, the first mention's.
  Event later = body;
  later.date = CivilDate{2019, 1, 24};
  later.id = EventId(later);
  const std::vector<Event> dated = AggregateEvents({later, body}, {});
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0].date, (CivilDate{2019, 1, 24}));
}

TEST(Aggregate, MonthAndYearDatesCollapseOnlyWhenEqual) {
  const std::vector<Event> events = AggregateEvents(
      {Mention("a", 0, "ARG", "VEN", "160", CivilDate{2016, 12, 1}, DatePrecision::kMonth),
       Mention("b", 0, "ARG", "VEN", "160", CivilDate{2016, 12, 1}, DatePrecision::kMonth),
       Mention("c", 0, "ARG", "VEN", "160", CivilDate{2017, 1, 1}, DatePrecision::kMonth)},
      {}, AggregateOptions{60});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].articles, 2u);
  EXPECT_EQ(events[1].articles, 1u);
}

TEST(Aggregate, NoMentionsNoEvents) { EXPECT_TRUE(AggregateEvents({}, {}).empty()); }

TEST(Outlet, SourceThenUrlHostThenId) {
  Document document;
  document.id = "doc-7";
  EXPECT_EQ(OutletOf(document), "doc-7");
  document.url = "https://www.Example.com:8443/world/2019/01/23/story?x=1";
  EXPECT_EQ(OutletOf(document), "example.com");
  document.url = "http://user@news.example.org";
  EXPECT_EQ(OutletOf(document), "news.example.org");
  document.source = "Caribbean Ledger";
  EXPECT_EQ(OutletOf(document), "Caribbean Ledger");
}

// Seeds 000 and 001 (../shared/seeds, read at run time) are two translations
// of one story: every event both report is one record with articles = 2.
TEST(Aggregate, SeedTranslationsCountSharedEventsOnce) {
  const std::string seeds = std::string(DYAD_SOURCE_DIR) + "/../shared/seeds/";
  auto loaded = Pipeline::Load(PipelineOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  std::vector<Event> mentions;
  std::vector<std::set<std::string>> identities(2);  // (actors, code, date) per document
  DocumentIndex documents;
  StoryClusterer clusterer;
  const char* files[] = {"000_8a2b0857bd4246b4.txt", "001_ccaed1d70b00b253.txt"};
  for (int i = 0; i < 2; ++i) {
    std::ifstream in(seeds + files[i], std::ios::binary);
    if (!in) GTEST_SKIP() << "seeds not found in " << seeds;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Document document;
    document.id = std::string(files[i]).substr(0, 3);
    document.report_date = CivilDate{2019, 1, 24};
    document.text = bytes.str();
    DocumentResult result = (*loaded)->CodeDocument(document);
    clusterer.Add(document.id, ComputeSignature(document.text), result.events);
    documents[document.id] = DocumentInfo{OutletOf(document), ""};
    for (Event& event : result.events) {
      identities[i].insert(event.source.code + " " + event.target.code + " " + event.code + " " +
                           FormatIsoDate(event.date));
      mentions.push_back(std::move(event));
    }
  }
  const std::vector<StoryAssignment> stories = clusterer.Cluster();
  ASSERT_EQ(stories[0].story_doc, stories[1].story_doc);
  for (auto& [doc, info] : documents) info.story = stories[doc == "000" ? 0 : 1].story_doc;

  const std::vector<Event> events = AggregateEvents(mentions, documents);
  size_t shared = 0;
  std::set<std::string> ids;
  for (const Event& event : events) {
    EXPECT_TRUE(ids.insert(event.id).second) << "two records for one event " << event.id;
    const std::string identity = event.source.code + " " + event.target.code + " " + event.code +
                                 " " + FormatIsoDate(event.date);
    const bool in_both = identities[0].count(identity) > 0 && identities[1].count(identity) > 0;
    std::set<std::string> docs;
    for (const Evidence& evidence : event.evidence) {
      docs.insert(evidence.doc);
      EXPECT_EQ(evidence.story, "000");
    }
    EXPECT_EQ(event.articles, docs.size()) << identity;
    if (in_both) {
      ++shared;
      EXPECT_EQ(event.articles, 2u) << identity;
      EXPECT_EQ(event.sources, 2u) << identity;  // two documents of unknown outlet
    }
  }
  // Today's coder finds at least the break of relations (VEN USA 161) in both.
  EXPECT_GE(shared, 1u);
  bool break_of_relations = false;
  for (const Event& event : events) {
    if (event.source.country == "VEN" && event.target.country == "USA" && event.code == "161" &&
        event.date == CivilDate({2019, 1, 23})) {
      // Seed 000 dates it "on the 23rd"; its headline and seed 001 (no date
      // of their own) take the report date: the text's date wins.
      EXPECT_FALSE(event.date_is_report_date);
      break_of_relations = true;
      EXPECT_EQ(event.articles, 2u);
    }
  }
  EXPECT_TRUE(break_of_relations);
}

}  // namespace
}  // namespace dyad
