#include "export/export.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <string>

namespace dyad {
namespace {

Event SampleEvent() {
  Event event;
  event.date = {2019, 1, 23};
  event.date_precision = DatePrecision::kDay;
  event.date_is_report_date = false;
  event.report_date = {2019, 1, 24};
  event.source = {"VEN", "VEN", "", "", "Venezuela"};
  event.target = {"USA", "USA", "", "", "the \"United\" States"};
  event.code = "161";
  event.quad_class = 4;
  event.goldstein = -4.0;
  event.confidence = 0.9;
  event.doc = "ex-1";
  event.sentence = 2;
  event.span_begin = 10;
  event.span_end = 73;
  event.text = "Venezuela broke, with\ttabs\nand lines.";
  event.id = EventId(event);
  return event;
}

Ontology TestOntology() {
  auto ontology = Ontology::LoadFile(std::string(DYAD_DATA_DIR) + "/cameo.tsv");
  EXPECT_TRUE(ontology.ok());
  return std::move(ontology).value();
}

std::string Written(OutputFormat format, const Event& event) {
  const Ontology ontology = TestOntology();
  char* buffer = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&buffer, &size);
  auto writer = MakeEventWriter(format, out, ontology);
  writer->Write(event);
  writer->Finish();
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

TEST(Export, JsonRecordHasTheDocumentedKeys) {
  const Event event = SampleEvent();
  EXPECT_EQ(
      EventToJson(event),
      "{\"id\":\"" + event.id +
          "\",\"date\":\"2019-01-23\",\"date_precision\":\"day\",\"date_from_report\":false,"
          "\"report_date\":\"2019-01-24\",\"historical\":false,"
          "\"source\":{\"code\":\"VEN\",\"country\":\"VEN\",\"org\":null,\"sector\":null,"
          "\"name\":\"Venezuela\"},"
          "\"target\":{\"code\":\"USA\",\"country\":\"USA\",\"org\":null,\"sector\":null,"
          "\"name\":\"the \\\"United\\\" States\"},"
          "\"code\":\"161\",\"root\":\"16\",\"quad_class\":4,\"goldstein\":-4.0,"
          "\"confidence\":0.90,\"mentions\":1,\"sources\":1,\"articles\":1,\"doc\":\"ex-1\","
          "\"sentence\":2,\"span\":[10,73],"
          "\"text\":\"Venezuela broke, with\\ttabs\\nand lines.\","
          "\"evidence\":[{\"doc\":\"ex-1\",\"story\":null,\"sentence\":2,\"span\":[10,73]}]}");
}

TEST(Export, JsonRoundTripsThroughAParser) {
  const Event event = SampleEvent();
  const std::string line = Written(OutputFormat::kJsonl, event);
  ASSERT_EQ(line.back(), '\n');
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(line);
  EXPECT_EQ(std::string_view(root["target"]["name"]), "the \"United\" States");
  EXPECT_EQ(std::string_view(root["text"]), event.text);
  EXPECT_TRUE(root["source"]["org"].is_null());
  EXPECT_EQ(int64_t(root["span"].at(1)), 73);
  EXPECT_EQ(double(root["goldstein"]), -4.0);
}

TEST(Export, AggregatedEventListsEveryMentionsEvidence) {
  Event event = SampleEvent();
  event.mentions = 2;
  event.evidence = {Evidence{"ex-1", "ex-1", 2, 10, 73}, Evidence{"ex-9", "ex-1", 0, 0, 41}};
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(EventToJson(event));
  simdjson::dom::array evidence = root["evidence"];
  ASSERT_EQ(evidence.size(), 2u);
  EXPECT_EQ(std::string_view(evidence.at(1)["doc"]), "ex-9");
  EXPECT_EQ(std::string_view(evidence.at(1)["story"]), "ex-1");
  EXPECT_EQ(int64_t(evidence.at(1)["span"].at(1)), 41);
  EXPECT_EQ(std::string_view(root["doc"]), "ex-1");  // the first mention stays on top
}

TEST(Export, TsvHasHeaderAndOneLinePerEvent) {
  const std::string tsv = Written(OutputFormat::kTsv, SampleEvent());
  const size_t header_end = tsv.find('\n');
  EXPECT_EQ(tsv.substr(0, 32), "id\tdate\tdate_precision\tdate_from");
  const std::string row = tsv.substr(header_end + 1);
  // One row: tabs and line breaks inside fields became spaces.
  EXPECT_EQ(std::count(row.begin(), row.end(), '\n'), 1);
  EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 28);
  EXPECT_NE(row.find("\tVenezuela broke, with tabs and lines.\n"), std::string::npos);
}

TEST(Export, CsvQuotesFieldsThatNeedIt) {
  const std::string csv = Written(OutputFormat::kCsv, SampleEvent());
  EXPECT_NE(csv.find(",\"the \"\"United\"\" States\","), std::string::npos);
  EXPECT_NE(csv.find(",\"Venezuela broke, with\ttabs\nand lines.\"\n"), std::string::npos);
}

TEST(Export, TableShowsTheEvidenceWords) {
  Event event = SampleEvent();
  event.text = "Yes. Venezuela broke off ties with Cuba.";
  event.sentence_begin = 100;
  event.span_begin = 105;
  event.span_end = 139;
  const std::string table = Written(OutputFormat::kTable, event);
  EXPECT_NE(table.find("161 Reduce or break diplomatic"), std::string::npos) << table;
  EXPECT_NE(table.find("Venezuela broke off ties with Cuba\n"), std::string::npos) << table;
  EXPECT_NE(table.find("1 event(s)."), std::string::npos);
}

TEST(Export, FlatColumnsMatchValues) {
  EXPECT_EQ(FlatColumns().size(), FlatValues(SampleEvent()).size());
}

TEST(Export, ParseOutputFormat) {
  EXPECT_EQ(ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_EQ(ParseOutputFormat("xml"), std::nullopt);
}

}  // namespace
}  // namespace dyad
