// The event store on a small corpus built from events constructed here (not
// from the coder, which changes): ingest, aggregation, every query, errors.
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "support/temp_path.h"

namespace dyad {
namespace {

ActorRef Actor(const std::string& code, const std::string& name) {
  ActorRef actor;
  actor.code = code;
  actor.name = name;
  if (code.size() >= 3 && code != "NATO") actor.country = code.substr(0, 3);
  if (code == "NATO") actor.org = "NATO";
  if (code.size() > 3 && code != "NATO") actor.sector = code.substr(3);
  return actor;
}

Event MakeEvent(const std::string& source, const std::string& target, const std::string& code,
                int quad, double goldstein, CivilDate date, uint32_t sentence,
                const std::string& text, DatePrecision precision = DatePrecision::kDay,
                bool historical = false) {
  Event event;
  event.source = Actor(source, source + " name");
  event.target = Actor(target, target + " name");
  event.code = code;
  event.quad_class = quad;
  event.goldstein = goldstein;
  event.date = date;
  event.date_precision = precision;
  event.date_is_report_date = false;
  event.historical = historical;
  event.confidence = 0.9;
  event.sentence = sentence;
  event.sentence_begin = sentence * 100;
  event.span_begin = sentence * 100;
  event.span_end = sentence * 100 + static_cast<uint32_t>(text.size()) - 1;
  event.text = text;
  event.id = EventId(event);
  return event;
}

struct Article {
  Document document;
  std::vector<Event> events;
};

Article MakeArticle(const std::string& id, const std::string& outlet, CivilDate report_date,
                    std::vector<Event> events) {
  Article article;
  article.document.id = id;
  article.document.source = outlet;
  article.document.report_date = report_date;
  article.document.url = "https://example.com/" + id;
  article.document.origin = "test:" + id;
  for (Event& event : events) {
    event.doc = id;
    event.report_date = report_date;
    article.document.text += event.text + " ";
  }
  article.events = std::move(events);
  return article;
}

const std::string kBreak = "Venezuela broke off diplomatic relations with the United States.";
const std::string kSanctions = "The United States imposed sanctions on Venezuela.";
const std::string kSevered2019 =
    "The United States severed diplomatic relations with Maduro in 2019.";
const std::string kUpgrade =
    "China upgraded its diplomatic ties with Venezuela to an all-weather strategic partnership.";

// Five articles: one event (VENGOV->USA 161) reported by three of them, one
// of which reports it twice, from two outlets.
std::vector<Article> Corpus() {
  const Event severed = MakeEvent("VENGOV", "USA", "161", 4, -4.0, {2019, 1, 23}, 0, kBreak);
  Event severed_again = severed;
  severed_again.sentence = 2;
  std::vector<Article> corpus;
  corpus.push_back(MakeArticle(
      "a", "Reuters", {2019, 1, 24},
      {severed, MakeEvent("USA", "VEN", "163", 4, -8.0, {2019, 1, 28}, 1, kSanctions)}));
  corpus.push_back(
      MakeArticle("b", "AP", {2019, 1, 25},
                  {severed_again, MakeEvent("CHN", "VEN", "057", 2, 8.0, {2019, 1, 25}, 3,
                                            "China signed an agreement with Venezuela.")}));
  Event twice = severed;
  twice.sentence = 5;
  corpus.push_back(MakeArticle("c", "Reuters", {2019, 1, 26}, {severed, twice}));
  corpus.push_back(MakeArticle(
      "d", "", {2023, 9, 14},
      {MakeEvent("VENGOV", "CHN", "042", 1, 1.9, {2023, 9, 8}, 0, "Maduro travelled to China."),
       MakeEvent("CHN", "VEN", "050", 1, 3.5, {2023, 9, 13}, 1, kUpgrade),
       MakeEvent("CHN", "VEN", "057", 2, 8.0, {2023, 9, 13}, 2,
                 "China and Venezuela signed cooperation documents."),
       MakeEvent("NATO", "RUS", "112", 3, -2.0, {2023, 9, 10}, 3, "NATO accused Russia.")}));
  corpus.push_back(MakeArticle("e", "Efecto", {2022, 3, 7},
                               {MakeEvent("USA", "VEN", "161", 4, -4.0, {2019, 1, 1}, 4,
                                          kSevered2019, DatePrecision::kYear, true)}));
  return corpus;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempPath("store.db");
    auto store = EventStore::Open(path_, StoreMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    for (const Article& article : Corpus()) Ingest(article);
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }

  IngestOutcome Ingest(const Article& article) {
    StoredDocument stored;
    stored.document = &article.document;
    stored.content_hash = ContentHash(article.document.text);
    stored.sentences = 6;
    auto outcome = store_->IngestDocument(stored, article.events);
    EXPECT_TRUE(outcome.ok()) << outcome.status().message();
    return outcome.ok() ? *outcome : IngestOutcome{};
  }

  std::vector<std::string> Ids(const EventQuery& query) {
    auto page = store_->QueryEvents(query);
    EXPECT_TRUE(page.ok()) << page.status().message();
    std::vector<std::string> out;
    if (!page.ok()) return out;
    for (const StoredEvent& stored : page->events) {
      const Event& e = stored.event;
      out.push_back(FormatIsoDate(e.date) + " " + e.source.code + ">" + e.target.code + " " +
                    e.code);
    }
    return out;
  }

  std::string path_;
  std::unique_ptr<EventStore> store_;
};

using Rows = std::vector<std::string>;

TEST_F(StoreTest, CountsAfterIngest) {
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 5);
  EXPECT_EQ(counts->stories, 5);  // until dedup clusters them, each document is its own story
  EXPECT_EQ(counts->events, 8);
  EXPECT_EQ(counts->mentions, 11);
  auto integrity = store_->IntegrityCheck();
  ASSERT_TRUE(integrity.ok());
  EXPECT_EQ(*integrity, "ok");
}

TEST_F(StoreTest, ReingestingADocumentIsANoOp) {
  const Article again = Corpus()[0];
  const IngestOutcome outcome = Ingest(again);
  EXPECT_TRUE(outcome.duplicate);
  EXPECT_EQ(outcome.mentions, 0u);
  EXPECT_EQ(store_->Counts()->mentions, 11);
  EXPECT_EQ(*store_->HasDocument(ContentHash(again.document.text)), true);
  EXPECT_EQ(*store_->HasDocument(ContentHash("never seen")), false);
}

TEST_F(StoreTest, ANewReportOfAKnownEventUpdatesItsCounts) {
  EventQuery query;
  query.code = "161";
  query.source = "VENGOV";
  auto page = store_->QueryEvents(query);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->events.size(), 1u);
  const Event& event = page->events[0].event;
  EXPECT_EQ(event.mentions, 4u);  // a, b, and twice in c
  EXPECT_EQ(event.articles, 3u);
  EXPECT_EQ(event.sources, 2u);  // Reuters twice, AP once
  // The evidence is the first report's.
  EXPECT_EQ(event.doc, "a");
  EXPECT_EQ(event.text, kBreak);
  EXPECT_EQ(event.report_date, (CivilDate{2019, 1, 24}));
  EXPECT_EQ(page->events[0].outlet, "Reuters");
  // Every report's evidence, in the order stored.
  ASSERT_EQ(event.evidence.size(), 4u);
  EXPECT_EQ(event.evidence[0].doc, "a");
  EXPECT_EQ(event.evidence[1].doc, "b");
  EXPECT_EQ(event.evidence[1].sentence, 2u);
  EXPECT_EQ(event.evidence[3].doc, "c");
  EXPECT_EQ(event.evidence[3].sentence, 5u);
  EXPECT_EQ(event.evidence[3].story, "c");
  EXPECT_EQ(page->events[0].url, "https://example.com/a");

  // A sixth article, from a new outlet, adds a mention, an article and a source.
  const IngestOutcome outcome =
      Ingest(MakeArticle("f", "BBC", {2019, 1, 30},
                         {MakeEvent("VENGOV", "USA", "161", 4, -4.0, {2019, 1, 23}, 0, kBreak)}));
  EXPECT_EQ(outcome.new_events, 0u);
  EXPECT_EQ(outcome.updated_events, 1u);
  const Event after = store_->QueryEvents(query)->events[0].event;
  EXPECT_EQ(after.mentions, 5u);
  EXPECT_EQ(after.articles, 4u);
  EXPECT_EQ(after.sources, 3u);
  EXPECT_EQ(store_->Counts()->events, 8);
}

TEST_F(StoreTest, EventsByDyad) {
  EventQuery undirected;
  undirected.source = "VEN";
  undirected.target = "USA";
  undirected.either_direction = true;
  EXPECT_EQ(Ids(undirected), (Rows{"2019-01-01 USA>VEN 161", "2019-01-23 VENGOV>USA 161",
                                   "2019-01-28 USA>VEN 163"}));
  EventQuery directed = undirected;
  directed.either_direction = false;
  EXPECT_EQ(Ids(directed), (Rows{"2019-01-23 VENGOV>USA 161"}));
  EventQuery by_code;
  by_code.actor = "VENGOV";  // a full code matches the code, not the country
  EXPECT_EQ(Ids(by_code), (Rows{"2019-01-23 VENGOV>USA 161", "2023-09-08 VENGOV>CHN 042"}));
  EventQuery org;
  org.actor = "NATO";
  EXPECT_EQ(Ids(org), (Rows{"2023-09-10 NATO>RUS 112"}));
  EventQuery name;
  name.actor_name = "rus name";
  EXPECT_EQ(Ids(name), (Rows{"2023-09-10 NATO>RUS 112"}));
}

TEST_F(StoreTest, EventsByCodeQuadClassDateAndText) {
  EventQuery root;
  root.code = "16";
  EXPECT_EQ(Ids(root), (Rows{"2019-01-01 USA>VEN 161", "2019-01-23 VENGOV>USA 161",
                             "2019-01-28 USA>VEN 163"}));
  EventQuery cooperation;
  cooperation.quad_class = 2;
  EXPECT_EQ(Ids(cooperation), (Rows{"2019-01-25 CHN>VEN 057", "2023-09-13 CHN>VEN 057"}));
  EventQuery dates;
  dates.dates = {CivilDate{2023, 9, 9}, CivilDate{2023, 9, 13}};
  EXPECT_EQ(Ids(dates),
            (Rows{"2023-09-10 NATO>RUS 112", "2023-09-13 CHN>VEN 050", "2023-09-13 CHN>VEN 057"}));
  EventQuery historical;
  historical.historical = true;
  EXPECT_EQ(Ids(historical), (Rows{"2019-01-01 USA>VEN 161"}));
  EventQuery text;
  text.text = "ALL-WEATHER";
  EXPECT_EQ(Ids(text), (Rows{"2023-09-13 CHN>VEN 050"}));
}

TEST_F(StoreTest, EventsSortedAndPaginated) {
  EventQuery query;
  query.order = EventOrder::kMentions;
  query.descending = true;
  query.limit = 2;
  auto page = store_->QueryEvents(query);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 8u);
  ASSERT_EQ(page->events.size(), 2u);
  EXPECT_EQ(page->events[0].event.mentions, 4u);
  query.order = EventOrder::kDate;
  query.descending = false;
  query.offset = 6;
  EXPECT_EQ(Ids(query), (Rows{"2023-09-13 CHN>VEN 050", "2023-09-13 CHN>VEN 057"}));
}

TEST_F(StoreTest, BadQueriesAreRefused) {
  EventQuery unknown;
  unknown.actor = "XYZ";
  auto page = store_->QueryEvents(unknown);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kNotFound);
  EXPECT_NE(page.status().message().find("unknown actor 'XYZ'"), std::string::npos);
  EventQuery backwards;
  backwards.dates = {CivilDate{2020, 1, 1}, CivilDate{2019, 1, 1}};
  page = store_->QueryEvents(backwards);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().message(),
            "impossible date range: from 2020-01-01 is after to 2019-01-01");
  SeriesQuery series;
  series.actor = "VEN";
  series.opponent = "ZZZ";
  EXPECT_EQ(store_->QuerySeries(series).status().code(), StatusCode::kNotFound);
  EventQuery code;
  code.code = "1x";
  EXPECT_EQ(store_->QueryEvents(code).status().code(), StatusCode::kInvalidInput);
}

TEST_F(StoreTest, SeriesOfADyadByYear) {
  SeriesQuery query;
  query.actor = "CHN";
  query.opponent = "VEN";
  query.granularity = Granularity::kYear;
  auto series = store_->QuerySeries(query);
  ASSERT_TRUE(series.ok()) << series.status().message();
  const std::string csv = RenderTable(SeriesTable(*series), TableFormat::kCsv);
  EXPECT_EQ(csv,
            "period,start,events,mentions,goldstein_sum,goldstein_mean,verbal_cooperation,"
            "material_cooperation,verbal_conflict,material_conflict\n"
            "2019,2019-01-01,1,1,8.0,8.00,0,1,0,0\n"
            "2020,2020-01-01,0,0,0.0,0.00,0,0,0,0\n"
            "2021,2021-01-01,0,0,0.0,0.00,0,0,0,0\n"
            "2022,2022-01-01,0,0,0.0,0.00,0,0,0,0\n"
            "2023,2023-01-01,3,3,13.4,4.47,2,1,0,0\n");
  query.directed = true;  // only CHN acting
  series = store_->QuerySeries(query);
  ASSERT_TRUE(series.ok());
  EXPECT_EQ(series->points.back().events, 2u);
}

TEST_F(StoreTest, SeriesOfAnActorAgainstAllByWeek) {
  SeriesQuery query;
  query.actor = "USA";
  query.granularity = Granularity::kWeek;
  query.dates = {CivilDate{2019, 1, 2}, std::nullopt};
  auto series = store_->QuerySeries(query);
  ASSERT_TRUE(series.ok());
  const std::string json = RenderTable(SeriesTable(*series), TableFormat::kJson);
  EXPECT_EQ(json,
            "[\n"
            "{\"period\":\"2019-W04\",\"start\":\"2019-01-21\",\"events\":1,\"mentions\":4,"
            "\"goldstein_sum\":-4.0,\"goldstein_mean\":-4.00,\"verbal_cooperation\":0,"
            "\"material_cooperation\":0,\"verbal_conflict\":0,\"material_conflict\":1},\n"
            "{\"period\":\"2019-W05\",\"start\":\"2019-01-28\",\"events\":1,\"mentions\":1,"
            "\"goldstein_sum\":-8.0,\"goldstein_mean\":-8.00,\"verbal_cooperation\":0,"
            "\"material_cooperation\":0,\"verbal_conflict\":0,\"material_conflict\":1}\n"
            "]\n");
}

TEST_F(StoreTest, StatusTimelineOfADyad) {
  auto timeline = store_->QueryStatus({"VEN", "USA", {}});
  ASSERT_TRUE(timeline.ok()) << timeline.status().message();
  ASSERT_EQ(timeline->changes.size(), 1u);
  const RelationChange& change = timeline->changes[0];
  EXPECT_EQ(change.kind, RelationChangeKind::kSevered);
  // "in 2019" yields to the precise report of 2019-01-23.
  EXPECT_EQ(change.date, (CivilDate{2019, 1, 23}));
  EXPECT_EQ(change.evidence.size(), 2u);
  EXPECT_EQ(
      StatusSentence(*timeline),
      "VEN–USA: severed since 2019-01-23 (evidence: a, sentence 0: \"" + kBreak + "\"; 2 reports)");
  EXPECT_EQ(RenderTable(StatusTable(*timeline), TableFormat::kCsv),
            "date,date_precision,status,event_id,source,target,code,reports,doc,sentence,text\n"
            "2019-01-23,day,severed," +
                change.evidence[0].id + ",VENGOV,USA,161,2,a,0," + kBreak + "\n");

  auto china = store_->QueryStatus({"CHN", "VEN", {}});
  ASSERT_TRUE(china.ok());
  ASSERT_EQ(china->changes.size(), 1u);
  EXPECT_EQ(china->changes[0].kind, RelationChangeKind::kUpgraded);
  EXPECT_EQ(china->changes[0].date, (CivilDate{2023, 9, 13}));
}

TEST_F(StoreTest, NetworkOfAPeriod) {
  NetworkQuery query;
  query.dates = {CivilDate{2023, 1, 1}, CivilDate{2023, 12, 31}};
  auto network = store_->QueryNetwork(query);
  ASSERT_TRUE(network.ok());
  EXPECT_EQ(NetworkJson(*network),
            "{\"nodes\":[{\"id\":\"CHN\",\"events\":3},{\"id\":\"NATO\",\"events\":1},"
            "{\"id\":\"RUS\",\"events\":1},{\"id\":\"VEN\",\"events\":3}],"
            "\"edges\":[{\"source\":\"CHN\",\"target\":\"VEN\",\"events\":2,\"cooperation\":2,"
            "\"conflict\":0,\"goldstein_sum\":11.5,\"mentions\":2},"
            "{\"source\":\"NATO\",\"target\":\"RUS\",\"events\":1,\"cooperation\":0,"
            "\"conflict\":1,\"goldstein_sum\":-2.0,\"mentions\":1},"
            "{\"source\":\"VEN\",\"target\":\"CHN\",\"events\":1,\"cooperation\":1,"
            "\"conflict\":0,\"goldstein_sum\":1.9,\"mentions\":1}]}\n");
  const std::string graphml = NetworkGraphMl(*network);
  EXPECT_NE(graphml.find("<node id=\"NATO\"><data key=\"events\">1</data></node>"),
            std::string::npos);
  EXPECT_NE(graphml.find("<edge source=\"CHN\" target=\"VEN\"><data key=\"events\">2</data>"),
            std::string::npos);
  query.min_events = 2;
  EXPECT_EQ(store_->QueryNetwork(query)->edges.size(), 1u);
}

TEST_F(StoreTest, GdeltRowHasGdeltsColumns) {
  EventQuery query;
  query.source = "VENGOV";
  auto page = store_->QueryEvents(query);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->events.size(), 2u);
  const std::vector<std::string> row = GdeltValues(page->events[0]);
  ASSERT_EQ(GdeltColumns().size(), 61u);
  ASSERT_EQ(row.size(), 61u);
  auto field = [&](const std::string& column) {
    const auto& columns = GdeltColumns();
    return row[static_cast<size_t>(std::find(columns.begin(), columns.end(), column) -
                                   columns.begin())];
  };
  EXPECT_EQ(field("GLOBALEVENTID"), page->events[0].event.id);
  EXPECT_EQ(field("SQLDATE"), "20190123");
  EXPECT_EQ(field("MonthYear"), "201901");
  EXPECT_EQ(field("Year"), "2019");
  EXPECT_EQ(field("FractionDate"), "2019.1452");
  EXPECT_EQ(field("Actor1Code"), "VENGOV");
  EXPECT_EQ(field("Actor1CountryCode"), "VEN");
  EXPECT_EQ(field("Actor1Type1Code"), "GOV");
  EXPECT_EQ(field("Actor2Code"), "USA");
  EXPECT_EQ(field("EventCode"), "161");
  EXPECT_EQ(field("EventBaseCode"), "161");
  EXPECT_EQ(field("EventRootCode"), "16");
  EXPECT_EQ(field("QuadClass"), "4");
  EXPECT_EQ(field("GoldsteinScale"), "-4.0");
  EXPECT_EQ(field("NumMentions"), "4");
  EXPECT_EQ(field("NumSources"), "2");
  EXPECT_EQ(field("NumArticles"), "3");
  EXPECT_EQ(field("DATEADDED"), "20190124000000");
  EXPECT_EQ(field("SOURCEURL"), "https://example.com/a");
  EXPECT_EQ(GdeltColumns().back(), "SOURCEURL");
  EXPECT_EQ(GdeltColumns()[26], "EventCode");
}

TEST_F(StoreTest, ReadersSeeCommittedDocumentsWhileAWriterIsOpen) {
  auto reader = EventStore::Open(path_, StoreMode::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->Counts()->documents, 5);
  Ingest(MakeArticle("g", "BBC", {2024, 1, 1},
                     {MakeEvent("USA", "CHN", "040", 1, 1.0, {2024, 1, 1}, 0, "They met.")}));
  EXPECT_EQ((*reader)->Counts()->documents, 6);
  EXPECT_EQ((*reader)->Counts()->events, 9);
  // The reader cannot write.
  Article article = MakeArticle("h", "", {2024, 1, 2}, {});
  StoredDocument stored{&article.document, ContentHash("h"), "", 0};
  EXPECT_FALSE((*reader)->IngestDocument(stored, {}).ok());
}

TEST_F(StoreTest, StoryIdDefaultsToTheDocumentAndTakesDedupsCluster) {
  Article article = MakeArticle("copy", "", {2024, 1, 2}, {});
  StoredDocument stored{&article.document, ContentHash("copy text"), "a", 0};
  ASSERT_TRUE(store_->IngestDocument(stored, {}).ok());
  EXPECT_EQ(store_->Counts()->documents, 6);
  EXPECT_EQ(store_->Counts()->stories, 5);  // "copy" joined story "a"
}

// ---- Opening --------------------------------------------------------------------

std::string WriteFile(const std::string& name, const std::string& content) {
  return testing::WriteTempFile(name, content);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(StoreTest, AnEventWithEveryReport) {
  const std::string id =
      EventId(MakeEvent("VENGOV", "USA", "161", 4, -4.0, {2019, 1, 23}, 0, kBreak));
  auto detail = store_->GetEvent(id);
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  EXPECT_EQ(detail->stored.event.code, "161");
  EXPECT_EQ(detail->stored.event.mentions, 4u);
  ASSERT_EQ(detail->reports.size(), 4u);
  // In ingest order: a (sentence 0), b (sentence 2), c (sentences 0 and 5).
  std::vector<std::string> reports;
  for (const EventReport& report : detail->reports) {
    reports.push_back(report.doc_id + ":" + std::to_string(report.sentence) + " " + report.outlet +
                      " " + FormatIsoDate(report.report_date));
  }
  EXPECT_EQ(reports, (Rows{"a:0 Reuters 2019-01-24", "b:2 AP 2019-01-25", "c:0 Reuters 2019-01-26",
                           "c:5 Reuters 2019-01-26"}));
  EXPECT_EQ(detail->reports[0].text, kBreak);
  EXPECT_EQ(detail->reports[0].url, "https://example.com/a");
  EXPECT_EQ(detail->stored.doc_key, detail->reports[0].doc_key);

  EXPECT_EQ(store_->GetEvent("00000000000000ff").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetEvent("'; DROP TABLE events; --").status().code(),
            StatusCode::kInvalidInput);
}

TEST_F(StoreTest, ADocumentWithItsTextAndSpans) {
  auto detail = store_->GetDocument(4);  // "d", the fourth ingested
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  EXPECT_EQ(detail->id, "d");
  EXPECT_EQ(detail->story, "d");
  EXPECT_EQ(FormatIsoDate(detail->report_date), "2023-09-14");
  ASSERT_TRUE(detail->text.has_value());
  EXPECT_EQ(detail->text->rfind("Maduro travelled to China.", 0), 0u);
  std::vector<std::string> spans;
  for (const DocumentSpan& span : detail->spans) {
    spans.push_back(span.source + ">" + span.target + " " + span.code + " @" +
                    std::to_string(span.span_begin));
  }
  EXPECT_EQ(spans, (Rows{"VENGOV>CHN 042 @0", "CHN>VEN 050 @100", "CHN>VEN 057 @200",
                         "NATO>RUS 112 @300"}));
  EXPECT_EQ(store_->GetDocument(99).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, AStoryListsItsDocuments) {
  auto story = store_->GetStory("b");
  ASSERT_TRUE(story.ok()) << story.status().message();
  ASSERT_EQ(story->size(), 1u);
  EXPECT_EQ((*story)[0].id, "b");
  EXPECT_EQ((*story)[0].mentions, 2);
  EXPECT_EQ(store_->GetStory("nope").status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, StatsAndDataVersion) {
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->counts.documents, 5);
  EXPECT_EQ(FormatIsoDate(*stats->first_date), "2019-01-01");
  EXPECT_EQ(FormatIsoDate(*stats->last_date), "2023-09-13");
  EXPECT_GT(stats->last_ingest, 1'700'000'000);  // a real clock time
  auto before = store_->DataVersion();
  ASSERT_TRUE(before.ok());
  Ingest(MakeArticle("f", "AP", {2024, 1, 2},
                     {MakeEvent("USA", "VEN", "036", 1, 4.0, {2024, 1, 2}, 0, "More talks.")}));
  auto after = store_->DataVersion();
  ASSERT_TRUE(after.ok());
  EXPECT_GT(*after, *before);
}

TEST_F(StoreTest, EventsPerMember) {
  auto counts = store_->MemberEventCounts();
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  // VEN: 161 (x2 ids: 2019-01-23 and the 2019 recollection), 163, 057 (x2), 042, 050.
  EXPECT_EQ(counts->at("VEN"), 7);
  EXPECT_EQ(counts->at("NATO"), 1);
  EXPECT_EQ(counts->at("RUS"), 1);
}

TEST_F(StoreTest, AReportDatedADayApartIsTheSameEvent) {
  // Corpus(): VENGOV->USA 161 on 2019-01-23, four mentions.
  Ingest(MakeArticle("late", "Late Wire", {2019, 1, 25},
                     {MakeEvent("VENGOV", "USA", "161", 4, -4.0, {2019, 1, 24}, 0, kBreak)}));
  Ingest(MakeArticle(
      "later", "Later Wire", {2019, 1, 27},
      {MakeEvent("VENGOV", "USA", "161", 4, -4.0, {2019, 1, 25}, 0, kBreak + " Again.")}));
  EventQuery query;
  query.source = "VENGOV";
  query.code = "161";
  auto page = store_->QueryEvents(query);
  ASSERT_TRUE(page.ok());
  std::vector<std::string> events;
  for (const StoredEvent& stored : page->events) {
    events.push_back(FormatIsoDate(stored.event.date) + " " +
                     std::to_string(stored.event.mentions) + " mentions");
  }
  // The 24th joins the 23rd; the 25th is two days from it: another event.
  EXPECT_EQ(events, (Rows{"2019-01-23 5 mentions", "2019-01-25 1 mentions"}));
}

TEST_F(StoreTest, OneSentenceReportsAnEventOnce) {
  Event twice =
      MakeEvent("CHN", "VEN", "051", 1, 3.4, {2023, 9, 13}, 0, "China praised Venezuela.");
  Event nested = twice;
  nested.span_begin += 6;  // a second, overlapping pattern in the same sentence
  Ingest(MakeArticle("praise", "Wire", {2023, 9, 14}, {twice, nested}));
  auto detail = store_->GetEvent(EventId(twice));
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  EXPECT_EQ(detail->reports.size(), 1u);
  EXPECT_EQ(detail->stored.event.mentions, 1u);
}

TEST_F(StoreTest, ANearDuplicateJoinsTheStoryOfAnEarlierIngest) {
  const std::string lead =
      "Venezuela broke off diplomatic relations with the United States on Wednesday after "
      "Washington recognised the head of the National Assembly as interim president, and "
      "ordered American diplomats to leave Caracas within seventy-two hours. ";
  auto ingest = [&](const std::string& id, const std::string& text) {
    Article article = MakeArticle(id, "Wire " + id, {2019, 1, 24}, {});
    article.document.text = text;
    const MinHashSignature signature = ComputeSignature(text);
    StoredDocument stored;
    stored.document = &article.document;
    stored.content_hash = ContentHash(text);
    stored.signature = &signature;
    auto outcome = store_->IngestDocument(stored, {});
    EXPECT_TRUE(outcome.ok()) << outcome.status().message();
  };
  ingest("wire-1", lead + "The foreign ministry gave no further details.");
  // A rewrite of it in a later batch, and an unrelated story.
  ingest("wire-2", lead + "Officials in the capital declined to comment on Thursday.");
  ingest("other",
         "Greece and Turkey agreed to resume exploratory talks on maritime borders in "
         "Istanbul next month, the two foreign ministries said in a joint statement.");
  std::map<std::string, std::string> story;
  for (int64_t key = 6; key <= 8; ++key) {
    auto document = store_->GetDocument(key);
    ASSERT_TRUE(document.ok()) << document.status().message();
    story[document->id] = document->story;
  }
  EXPECT_EQ(story["wire-1"], "wire-1");
  EXPECT_EQ(story["wire-2"], "wire-1");
  EXPECT_EQ(story["other"], "other");
  auto documents = store_->GetStory("wire-1");
  ASSERT_TRUE(documents.ok());
  EXPECT_EQ(documents->size(), 2u);
}

TEST(StoreOpen, AFileThatIsNotSqliteIsRefusedAndUntouched) {
  const std::string content = std::string(5000, 'x');
  const std::string path = WriteFile("junk.db", content);
  for (StoreMode mode : {StoreMode::kReadOnly, StoreMode::kReadWrite}) {
    auto store = EventStore::Open(path, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.status().message().find("not a dyad store"), std::string::npos)
        << store.status().message();
  }
  EXPECT_EQ(Slurp(path), content);
  std::remove(path.c_str());
}

void ExecuteSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(StoreOpen, ANewerSchemaIsRefused) {
  const std::string path = testing::TempPath("newer.db");
  ASSERT_TRUE(EventStore::Open(path, StoreMode::kReadWrite).ok());
  ExecuteSql(path, "PRAGMA user_version = 99");
  for (StoreMode mode : {StoreMode::kReadOnly, StoreMode::kReadWrite}) {
    auto store = EventStore::Open(path, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(store.status().message().find("schema version 99 is newer"), std::string::npos);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST(StoreOpen, AnotherApplicationsDatabaseIsRefused) {
  const std::string path = testing::TempPath("other.db");
  ExecuteSql(path, "CREATE TABLE t (x)");
  auto store = EventStore::Open(path, StoreMode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a dyad store"), std::string::npos);
  std::remove(path.c_str());
}

TEST(StoreOpen, ReadOnlyNeverCreatesAFile) {
  const std::string path = testing::TempPath("missing.db");
  auto store = EventStore::Open(path, StoreMode::kReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::ifstream(path).good());
}

TEST(StoreOpen, SchemaVersionAndWal) {
  const std::string path = testing::TempPath("fresh.db");
  ASSERT_TRUE(EventStore::Open(path, StoreMode::kReadWrite).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto pragma = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    sqlite3_step(stmt);
    std::string value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return value;
  };
  EXPECT_EQ(pragma("PRAGMA user_version"), std::to_string(kStoreSchemaVersion));
  EXPECT_EQ(pragma("PRAGMA journal_mode"), "wal");
  sqlite3_close(db);
  // Opening again is not a migration.
  ASSERT_TRUE(EventStore::Open(path, StoreMode::kReadWrite).ok());
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST(StoreOpen, ASchemaOneStoreIsMigratedAndKeepsItsEvents) {
  const std::string path = testing::TempPath("v1.db");
  // A store as dyad wrote it at schema 1 (no document texts, no ingest
  // time): today's schema with the second migration undone.
  {
    auto store = EventStore::Open(path, StoreMode::kReadWrite);
    ASSERT_TRUE(store.ok());
  }
  ExecuteSql(path,
             "DROP TABLE story_bands; DROP TABLE signatures; DROP TABLE document_texts; "
             "ALTER TABLE documents DROP COLUMN ingested_at; "
             "PRAGMA user_version = 1; INSERT INTO documents (doc_id, content_hash, story_id, "
             "report_date, outlet, url, title, origin, sentences, mentions) VALUES ('old', 'h', "
             "'old', 17920, 'X', '', '', 'old.jsonl:1', 3, 0)");
  auto read_only = EventStore::Open(path, StoreMode::kReadOnly);
  ASSERT_FALSE(read_only.ok());
  EXPECT_NE(read_only.status().message().find("run dyad ingest on it once to migrate"),
            std::string::npos);
  {
    auto store = EventStore::Open(path, StoreMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  auto store = EventStore::Open(path, StoreMode::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto document = (*store)->GetDocument(1);
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(document->id, "old");
  EXPECT_FALSE(document->text.has_value());  // stored before texts were kept
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->last_ingest, 0);
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace
}  // namespace dyad
