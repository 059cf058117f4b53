#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/text_file.h"

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
  auto content = ReadTextFile(path);
  EXPECT_TRUE(content.ok()) << content.status().message();
  std::vector<GoldenCase> cases;
  std::istringstream in(content.ok() ? *content : "");
  std::string line;
  int number = 0;
  GoldenCase current;
  auto flush = [&] {
    if (!current.text.empty()) {
      std::sort(current.events.begin(), current.events.end());
      cases.push_back(current);
    }
    current = GoldenCase();
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) {
      flush();
    } else if (line[0] == '#') {
      continue;
    } else if (line.rfind("text: ", 0) == 0) {
      current.line = number;
      current.text = line.substr(6);
    } else if (line.rfind("report: ", 0) == 0) {
      auto date = ParseIsoDate(line.substr(8));
      EXPECT_TRUE(date) << path << ":" << number;
      if (date) current.report = *date;
    } else if (line.rfind("event: ", 0) == 0) {
      current.events.push_back(line.substr(7));
    } else if (line != "none") {
      ADD_FAILURE() << path << ":" << number << ": cannot read '" << line << "'";
    }
  }
  flush();
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

TEST(Pipeline, CodePointOffsets) {
  EXPECT_EQ(CodePointOffset("abc", 2), 2u);
  EXPECT_EQ(CodePointOffset("Bogotá y", 8), 7u);
  EXPECT_EQ(CodePointOffset("Москва", 12), 6u);
}

}  // namespace
}  // namespace dyad
