#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "base/text_file.h"
#include "support/blocks.h"

namespace dyad {
namespace {

const Pipeline& TestPipeline() {
  static const Pipeline* pipeline = [] {
    auto loaded = Pipeline::Load(PipelineOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return std::move(loaded).value().release();
  }();
  return *pipeline;
}

std::string Describe(const Event& event) {
  return event.source.code + " " + event.target.code + " " + event.code + " " +
         FormatIsoDate(event.date) + " " + DatePrecisionName(event.date_precision);
}

std::vector<std::string> Code(const std::string& text, const CivilDate& report) {
  Document document;
  document.id = "test";
  document.report_date = report;
  document.text = text;
  std::vector<std::string> events;
  for (const Event& event : TestPipeline().CodeDocument(document).events) {
    events.push_back(Describe(event));
  }
  std::sort(events.begin(), events.end());
  return events;
}

struct GoldenCase {
  int line = 0;
  std::string text;
  CivilDate report;
  std::vector<std::string> events;
};

std::vector<GoldenCase> ReadGolden(const std::string& path) {
  std::vector<GoldenCase> cases;
  for (const testing::Block& block : testing::ReadBlocks(path)) {
    GoldenCase current;
    for (const testing::BlockLine& line : block) {
      if (line.key == "text") {
        current.line = line.number;
        current.text = line.value;
      } else if (line.key == "report") {
        auto date = ParseIsoDate(line.value);
        EXPECT_TRUE(date) << path << ":" << line.number;
        if (date) current.report = *date;
      } else if (line.key == "event") {
        current.events.push_back(line.value);
      } else if (line.key != "none" || line.has_value) {
        ADD_FAILURE() << path << ":" << line.number << ": cannot read '" << line.key << "'";
      }
    }
    if (current.text.empty()) continue;
    std::sort(current.events.begin(), current.events.end());
    cases.push_back(std::move(current));
  }
  return cases;
}

TEST(Pipeline, GoldenSentences) {
  const std::string path = std::string(DYAD_TEST_DIR) + "/golden/coder.txt";
  const std::vector<GoldenCase> cases = ReadGolden(path);
  ASSERT_GE(cases.size(), 16u);
  for (const GoldenCase& golden : cases) {
    EXPECT_EQ(Code(golden.text, golden.report), golden.events)
        << path << ":" << golden.line << ": " << golden.text;
  }
}

TEST(Pipeline, RecordCarriesEvidenceAndOntology) {
  Document document;
  document.id = "ex-1";
  document.report_date = {2019, 1, 24};
  document.text = "Héroes. Venezuela broke off diplomatic relations with the United States.";
  const DocumentResult result = TestPipeline().CodeDocument(document);
  ASSERT_EQ(result.events.size(), 1u);
  const Event& event = result.events[0];
  EXPECT_EQ(event.doc, "ex-1");
  EXPECT_EQ(event.sentence, 1u);
  EXPECT_EQ(event.text, "Venezuela broke off diplomatic relations with the United States.");
  // "Héroes. " is 8 code points (9 bytes): spans count code points.
  EXPECT_EQ(event.span_begin, 8u);
  EXPECT_EQ(event.span_end, 8u + 63u);
  EXPECT_EQ(event.source.name, "Venezuela");
  EXPECT_EQ(event.target.name, "United States");
  EXPECT_EQ(event.target.country, "USA");
  EXPECT_EQ(event.quad_class, 4);
  EXPECT_DOUBLE_EQ(event.goldstein, -4.0);
  EXPECT_GT(event.confidence, 0.5);
  EXPECT_LE(event.confidence, 1.0);
  EXPECT_EQ(event.id, EventId(event));
  EXPECT_EQ(event.id.size(), 16u);
}

Document MakeDocument(const std::string& id, const CivilDate& report, const std::string& text,
                      const std::string& origin = "") {
  Document document;
  document.id = id;
  document.report_date = report;
  document.text = text;
  document.origin = origin;
  return document;
}

TEST(Pipeline, SameEventInTwoDocumentsHasOneId) {
  Document first =
      MakeDocument("a", {2019, 1, 24}, "Venezuela broke ties with the US on Wednesday.");
  Document second =
      MakeDocument("b", {2019, 1, 25}, "On Wednesday, Venezuela cut ties with the US.");
  const auto one = TestPipeline().CodeDocument(first).events;
  const auto two = TestPipeline().CodeDocument(second).events;
  ASSERT_EQ(one.size(), 1u);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(one[0].id, two[0].id);
}

TEST(Pipeline, InvalidUtf8IsRepairedWithAWarning) {
  Document document =
      MakeDocument("bad", {2019, 1, 24}, "Peru condemned Chile \xFF today.", "x.txt");
  const DocumentResult result = TestPipeline().CodeDocument(document);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0],
            "x.txt: invalid UTF-8 at byte 21 (1 sequence(s) replaced with U+FFFD)");
  ASSERT_EQ(result.events.size(), 1u);
  EXPECT_EQ(Describe(result.events[0]), "PER CHL 111 2019-01-24 day");
}

// The five seed pages (../shared/seeds, read at run time; skipped without
// them): the events a careful analyst codes, with history dated to its own
// years and no denial or warning coded as force.
std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/../shared/seeds/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<Event> CodeSeed(const std::string& name, const CivilDate& report) {
  Document document = MakeDocument(name.substr(0, 3), report, ReadSeed(name));
  return TestPipeline().CodeDocument(document).events;
}

// "SOURCE TARGET CODE DATE PRECISION", with " historical" when so.
std::set<std::string> Described(const std::vector<Event>& events) {
  std::set<std::string> out;
  for (const Event& event : events) {
    out.insert(Describe(event) + (event.historical ? " historical" : ""));
  }
  return out;
}

TEST(Seeds, HistoryKeepsItsOwnDates) {
  if (ReadSeed("000_8a2b0857bd4246b4.txt").empty()) GTEST_SKIP() << "no seeds";
  const CivilDate report{2019, 1, 24};
  const auto first = Described(CodeSeed("000_8a2b0857bd4246b4.txt", report));
  const auto second = Described(CodeSeed("001_ccaed1d70b00b253.txt", report));
  // The news: Venezuela broke relations "on the 23rd".
  EXPECT_TRUE(first.count("VEN USA 161 2019-01-23 day"));
  // The end-of-2016 suspension by MERCOSUR's four founders.
  // 001 writes it "suspended Venezuelas membership", without apostrophe.
  for (const char* founder : {"ARG", "BRA", "PRY", "URY"}) {
    EXPECT_TRUE(first.count(std::string(founder) + " VEN 160 2016-01-01 year historical"))
        << founder;
    EXPECT_TRUE(second.count(std::string(founder) + " VEN 160 2016-01-01 year historical"))
        << founder;
  }
  // "The United States subsequently announced economic sanctions", after the
  // July 2017 election; in 001 a photo caption dated January 23 stands
  // between the two paragraphs.
  EXPECT_TRUE(first.count("USA VENGOV 163 2017-01-01 year historical"));
  EXPECT_TRUE(second.count("USA VENGOV 163 2017-01-01 year historical"));
  // "After ... Maduro was elected in 2013, the United States supported the
  // Venezuelan opposition".
  EXPECT_TRUE(second.count("USA VENOPP 051 2013-01-01 year historical"));
  // "Venezuela and the United States ..., and in 2018 they had expelled
  // diplomats from each other".
  EXPECT_TRUE(second.count("VEN USA 161 2018-01-01 year historical"));
  EXPECT_TRUE(second.count("USA VEN 161 2018-01-01 year historical"));
  // No sanctions on the report's day: they are history or background.
  for (const auto* events : {&first, &second}) {
    for (const std::string& event : *events) {
      EXPECT_FALSE(event.starts_with("USA VEN") &&
                   event.find(" 163 2019-01-2") != std::string::npos)
          << event;
    }
  }
}

TEST(Seeds, TheEventsAnAnalystCodes) {
  if (ReadSeed("002_c4d90af70d619d42.txt").empty()) GTEST_SKIP() << "no seeds";
  const auto visit = Described(CodeSeed("002_c4d90af70d619d42.txt", {2022, 3, 6}));
  const auto report = Described(CodeSeed("003_d463f305805cc310.txt", {2022, 3, 6}));
  const auto china = Described(CodeSeed("004_28df0f60c14cb835.txt", {2023, 9, 14}));
  // US officials travel to Caracas; on Saturday (03.05.2022) in 003.
  EXPECT_TRUE(visit.count("USAGOV VENGOV 042 2022-03-06 day"));
  EXPECT_TRUE(report.count("USAGOV VEN 042 2022-03-05 day"));
  // The Colombian foreign minister summoned the Russian ambassador. The
  // summons answers Colombia's "deep discomfort" at Russia's military aid to
  // Venezuela: an official complaint (114), as every corpus author codes a
  // summons, not a consultation.
  EXPECT_TRUE(visit.count("COLGOV RUSGOV 114 2022-03-06 day"));
  // "in February 2022, at the meeting of the North Atlantic Treaty
  // Organization (NATO) with President Iván Duque".
  EXPECT_TRUE(visit.count("NATO COLGOV 040 2022-02-01 month"));
  // The two broke relations in 2019.
  EXPECT_TRUE(report.count("USA VEN 161 2019-01-01 year historical"));
  EXPECT_TRUE(report.count("VEN USA 161 2019-01-01 year historical"));
  // China upgrades its ties with Venezuela; both sign agreements; Maduro is
  // willing to cooperate with China.
  EXPECT_TRUE(china.count("CHN VEN 050 2023-09-14 day"));
  EXPECT_TRUE(china.count("CHN VEN 057 2023-09-14 day"));
  EXPECT_TRUE(china.count("VEN CHN 057 2023-09-14 day"));
  EXPECT_TRUE(china.count("CHNGOV VENGOV 040 2023-09-14 day"));
  EXPECT_TRUE(china.count("VENGOV CHN 032 2023-09-14 day"));
  // "would not be used to attack the country", "the risk of a Russian
  // invasion", "The Russian invasion of Ukraine has prompted ...": a
  // denial, a warning and background, never force.
  for (const auto* events : {&visit, &report, &china}) {
    for (const std::string& event : *events) {
      const std::string code = event.substr(event.find(' ', event.find(' ') + 1) + 1, 2);
      EXPECT_TRUE(code < "18") << event;
    }
  }
}

TEST(Pipeline, CodePointOffsets) {
  EXPECT_EQ(CodePointOffset("abc", 2), 2u);
  EXPECT_EQ(CodePointOffset("Bogotá y", 8), 7u);
  EXPECT_EQ(CodePointOffset("Москва", 12), 6u);
  // The cursor agrees with CodePointOffset at every offset, in any order.
  const std::string text = "Bogotá — Москва, 2019: año nuevo.";
  CodePointCursor cursor(text);
  for (size_t offset :
       {size_t{0}, size_t{8}, size_t{30}, size_t{3}, text.size(), size_t{9}, size_t{1000}}) {
    EXPECT_EQ(cursor.At(offset), CodePointOffset(text, offset)) << offset;
  }
}

TEST(Pipeline, CodePointOffsetsOfLongTextsMatchAByteCount) {
  // Long enough for the word-at-a-time count's blocks and its byte tail.
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Москва y Bogotá — 北京 ";
  auto byte_count = [&](size_t offset) {
    uint32_t count = 0;
    for (size_t i = 0; i < offset; ++i) {
      count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
  };
  CodePointCursor cursor(text);
  for (size_t offset : {size_t{0}, size_t{1}, size_t{247}, size_t{248}, size_t{249}, text.size(),
                        size_t{500}, size_t{7}, size_t{1021}, text.size() - 3}) {
    EXPECT_EQ(CodePointOffset(text, offset), byte_count(offset)) << offset;
    EXPECT_EQ(cursor.At(offset), byte_count(offset)) << offset;
  }
}

}  // namespace
}  // namespace dyad
