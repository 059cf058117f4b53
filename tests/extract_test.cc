#include "extract/extract.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "support/read_all.h"
#include "support/temp_path.h"

namespace dyad {
namespace {

using testing::Collected;
using testing::ReadAll;
using testing::WriteTempFile;

TEST(Extract, PlainTextIsOneDocumentNamedAfterTheFile) {
  const std::string path = WriteTempFile("story.txt", "Peru condemned Chile.\n");
  ReaderOptions options;
  options.default_report_date = {2020, 5, 1};
  const Collected got = ReadAll(path, options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, path.substr(path.rfind('/') + 1));
  EXPECT_TRUE(got.documents[0].id.ends_with("story.txt"));
  EXPECT_EQ(got.documents[0].report_date, (CivilDate{2020, 5, 1}));
  EXPECT_EQ(got.documents[0].text, "Peru condemned Chile.\n");
  EXPECT_TRUE(got.issues.empty());
}

TEST(Extract, JsonLinesWithAllFields) {
  const std::string path = WriteTempFile(
      "news.jsonl",
      R"({"id":"a1","date":"2019-01-24","source":"Wire","url":"https://x.org/1","title":"T","text":"Body one."})"
      "\n"
      R"({"id":7,"date":"2019-01-25T11:41:00Z","text":"Body two."})"
      "\n\n");
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].id, "a1");
  EXPECT_EQ(got.documents[0].source, "Wire");
  EXPECT_EQ(got.documents[0].url, "https://x.org/1");
  EXPECT_EQ(got.documents[0].title, "T");
  EXPECT_EQ(got.documents[0].report_date, (CivilDate{2019, 1, 24}));
  EXPECT_EQ(got.documents[1].id, "7");
  EXPECT_EQ(got.documents[1].report_date, (CivilDate{2019, 1, 25}));
  EXPECT_EQ(got.documents[1].origin, path + ":2");
  EXPECT_TRUE(got.issues.empty());
}

TEST(Extract, MalformedLineIsSkippedAndTheRestRead) {
  const std::string path = WriteTempFile("mixed.jsonl",
                                         "{\"text\":\"first\"}\n"
                                         "{\"text\": \"broken\n"
                                         "[1,2]\n"
                                         "{\"id\":\"x\"}\n"
                                         "{\"text\":\"last\"}\n");
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].text, "first");
  EXPECT_EQ(got.documents[0].id, path + ":1");
  EXPECT_EQ(got.documents[1].text, "last");
  ASSERT_EQ(got.issues.size(), 3u);
  EXPECT_TRUE(got.issues[0].record_skipped);
  EXPECT_EQ(got.issues[0].status.message().rfind(path + ":2: malformed JSON: ", 0), 0u)
      << got.issues[0].status.message();
  EXPECT_EQ(got.issues[1].status.message(), path + ":3: a record must be a JSON object");
  EXPECT_EQ(got.issues[2].status.message(), path + ":4: the record has no \"text\"");
}

TEST(Extract, InvalidUtf8InJsonIsRepairedWithAWarning) {
  const std::string path = WriteTempFile("utf8.jsonl", "{\"text\":\"Bogot\xE1 spoke\"}\n");
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "Bogot\xEF\xBF\xBD spoke");
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_FALSE(got.issues[0].record_skipped);
  EXPECT_EQ(got.issues[0].status.message(),
            path + ":1: invalid UTF-8 at byte 14 (1 sequence(s) replaced with U+FFFD)");
}

TEST(Extract, BadDateKeepsTheRecordWithTheDefaultDate) {
  const std::string path = WriteTempFile("date.jsonl", R"({"date":"24/01/2019","text":"x"})"
                                                       "\n");
  ReaderOptions options;
  options.default_report_date = {2020, 1, 1};
  const Collected got = ReadAll(path, options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].report_date, (CivilDate{2020, 1, 1}));
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(),
            path +
                ":1: \"date\" is \"24/01/2019\", not YYYY-MM-DD; using the default report "
                "date 2020-01-01");
}

TEST(Extract, EmptyFilesAreReported) {
  const std::string text_path = WriteTempFile("empty.txt", "  \n\n");
  const Collected text = ReadAll(text_path);
  EXPECT_TRUE(text.documents.empty());
  ASSERT_EQ(text.issues.size(), 1u);
  EXPECT_EQ(text.issues[0].status.message(), text_path + ": empty file, nothing to code");
  const std::string jsonl_path = WriteTempFile("empty.jsonl", "");
  const Collected jsonl = ReadAll(jsonl_path);
  ASSERT_EQ(jsonl.issues.size(), 1u);
  EXPECT_EQ(jsonl.issues[0].status.message(), jsonl_path + ": empty file, no records");
}

TEST(Extract, OversizedLineIsSkippedWithoutStoppingTheFile) {
  std::string content = "{\"text\":\"" + std::string(3000, 'a') + "\"}\n{\"text\":\"small\"}\n";
  const std::string path = WriteTempFile("big.jsonl", content);
  ReaderOptions options;
  options.max_record_bytes = 1000;
  const Collected got = ReadAll(path, options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "small");
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(),
            path +
                ":1: line of 3011 bytes is over the limit of 1000 bytes "
                "(--max-record-bytes); skipped");
}

TEST(Extract, OversizedTextFileIsSkipped) {
  const std::string path = WriteTempFile("big.txt", std::string(5000, 'x'));
  ReaderOptions options;
  options.max_record_bytes = 1000;
  const Collected got = ReadAll(path, options);
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(),
            path +
                ": document of 5000 bytes is over the limit of 1000 bytes "
                "(--max-record-bytes); skipped");
}

TEST(Extract, JsonLinesAreRecognisedWithoutTheExtension) {
  const std::string path =
      WriteTempFile("documents", "\n{\"id\":\"a\",\"text\":\"Lima spoke.\"}\n");
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "a");
  EXPECT_EQ(got.documents[0].text, "Lima spoke.");
}

TEST(Extract, GzipFilesAreReadByWhatTheyHold) {
  // "Lima spoke.\n" as `gzip -n` writes it; a text file inside.
  const std::string text_path = WriteTempFile(
      "story.txt.gz",
      std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xf3\xc9\xcc\x4d\x54\x28\x2e"
                  "\xc8\xcf\x4e\xd5\xe3\x02\x00\xc2\x52\x7b\x77\x0c\x00\x00\x00",
                  32));
  const Collected got = ReadAll(text_path);
  ASSERT_EQ(got.documents.size(), 1u) << (got.issues.empty() ? "" : got.issues[0].status.message());
  EXPECT_EQ(got.documents[0].text, "Lima spoke.\n");
  EXPECT_TRUE(got.documents[0].id.ends_with("story.txt.gz"));
}

TEST(Extract, MissingFileIsAnError) {
  ReadCallbacks callbacks;
  callbacks.on_document = [](Document&&) {};
  callbacks.on_issue = [](const ReadIssue&) {};
  const Status status = ReadDocuments("/nonexistent/news.jsonl", {}, callbacks);
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "/nonexistent/news.jsonl: no such file");
}

}  // namespace
}  // namespace dyad
