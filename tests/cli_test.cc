// End-to-end tests of the `dyad` binary: flags, exit codes, messages.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "support/run_dyad.h"
#include "support/temp_path.h"

namespace {

using dyad::testing::DyadRun;

// Runs dyad with `arguments` (a shell fragment), feeding `input` on stdin.
DyadRun Dyad(const std::string& arguments, const std::string& input = "") {
  return dyad::testing::RunDyad(arguments, input);
}

std::string WriteFile(const std::string& name, const std::string& content) {
  return dyad::testing::WriteTempFile(name, content);
}

size_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

TEST(Cli, CodesTheFoundationSentence) {
  const DyadRun run =
      Dyad("code --date 2019-01-24 -",
           "Venezuela broke off diplomatic relations with the United States on Wednesday.");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(Lines(run.out), 1u) << run.out;
  EXPECT_NE(run.out.find("\"date\":\"2019-01-23\",\"date_precision\":\"day\""), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("\"source\":{\"code\":\"VEN\""), std::string::npos);
  EXPECT_NE(run.out.find("\"target\":{\"code\":\"USA\""), std::string::npos);
  EXPECT_NE(run.out.find("\"code\":\"161\",\"root\":\"16\",\"quad_class\":4"), std::string::npos);
  EXPECT_NE(run.out.find("\"doc\":\"stdin\""), std::string::npos);
  EXPECT_NE(run.err.find("1 document(s)"), std::string::npos) << run.err;
}

TEST(Cli, CsvAndTsvHaveAHeader) {
  const std::string sentence = "Greece condemned Turkey.";
  const DyadRun csv = Dyad("code --date 2020-08-12 --format csv -", sentence);
  EXPECT_EQ(csv.out.rfind("id,date,date_precision,", 0), 0u);
  EXPECT_EQ(Lines(csv.out), 2u);
  const DyadRun tsv = Dyad("code --date 2020-08-12 --format tsv -", sentence);
  EXPECT_EQ(tsv.out.rfind("id\tdate\tdate_precision\t", 0), 0u);
  EXPECT_EQ(Lines(tsv.out), 2u);
}

TEST(Cli, ExampleCorpusCodesEveryArticle) {
  const DyadRun run = Dyad(std::string("code --format table --summary ") + DYAD_SOURCE_DIR +
                           "/examples/news.jsonl");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("40 document(s)"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("0 skipped"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("DYAD"), std::string::npos);
  EXPECT_NE(run.out.find("USA–VEN"), std::string::npos) << run.out;
}

TEST(Cli, BadRecordsAreReportedAndTheRestCoded) {
  const std::string good = WriteFile("good.txt", "Peru condemned Chile.");
  const std::string broken = WriteFile(
      "broken.jsonl", "{\"id\":\"a\",\"text\":\"Peru praised Chile.\"}\n{\"id\": oops}\n");
  const std::string empty = WriteFile("empty.txt", "");
  const DyadRun run =
      Dyad("code --date 2021-03-03 " + good + " /nonexistent.txt " + broken + " " + empty);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Lines(run.out), 2u) << run.out;
  EXPECT_NE(run.err.find("error: /nonexistent.txt: no such file"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("error: " + broken + ":2: malformed JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("error: " + empty + ": empty file"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("2 document(s), 2 sentence(s) coded; 3 skipped"), std::string::npos)
      << run.err;
}

TEST(Cli, NothingProcessedExitsOne) {
  const DyadRun run = Dyad("code /nonexistent.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("/nonexistent.txt: no such file"), std::string::npos);
}

TEST(Cli, InvalidUtf8IsNamedAndTheDocumentStillCoded) {
  const std::string path = WriteFile("latin1.txt", "Peru condemned Chile in Bogot\xE1.");
  const DyadRun run = Dyad("code --date 2021-03-03 " + path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(Lines(run.out), 1u);
  EXPECT_NE(run.err.find("warning: " + path + ": invalid UTF-8 at byte 29"), std::string::npos)
      << run.err;
}

TEST(Cli, AHundredMegabyteLineIsSkipped) {
  const std::string path = dyad::testing::TempPath("huge.jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"text\":\"";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) out << chunk;
    out << "\"}\n{\"id\":\"small\",\"text\":\"Peru condemned Chile.\"}\n";
  }
  const DyadRun run = Dyad("code --date 2021-03-03 " + path);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Lines(run.out), 1u);
  EXPECT_NE(run.err.find(path + ":1: line of 104857611 bytes is over the limit of 16777216 bytes"),
            std::string::npos)
      << run.err;
  std::remove(path.c_str());
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Dyad("code --date 2019-13-45 -", "x").exit_code, 2);
  EXPECT_EQ(Dyad("code --format xml -", "x").exit_code, 2);
  EXPECT_EQ(Dyad("").exit_code, 2);
  const DyadRun help = Dyad("code --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--format"), std::string::npos);
}

TEST(Cli, UserActorFileIsUsed) {
  const std::string actors = WriteFile("mine.tsv", "VENGOV\tPalacio Blanco\n");
  const DyadRun run = Dyad("code --date 2021-03-03 --actors " + actors + " -",
                           "The Palacio Blanco condemned Chile.");
  EXPECT_NE(run.out.find("\"source\":{\"code\":\"VENGOV\""), std::string::npos) << run.out;
}

}  // namespace

TEST(Cli, EventsAreAggregatedUnlessMentionsAreAsked) {
  const std::string feed = WriteFile(
      "feed.jsonl",
      "{\"id\":\"a\",\"source\":\"Andes Post\",\"text\":\"Peru condemned Chile on Monday.\"}\n"
      "{\"id\":\"b\",\"url\":\"https://www.lima-wire.example/x\",\"text\":\"Peru condemned Chile "
      "on Monday.\"}\n"
      "{\"id\":\"c\",\"source\":\"Andes Post\",\"text\":\"Peru praised Chile.\"}\n");
  const DyadRun aggregated = Dyad("code --date 2021-03-03 " + feed);
  EXPECT_EQ(aggregated.exit_code, 0) << aggregated.err;
  EXPECT_EQ(Lines(aggregated.out), 2u) << aggregated.out;
  EXPECT_NE(aggregated.out.find("\"mentions\":2,\"sources\":2,\"articles\":2,\"doc\":\"a\""),
            std::string::npos)
      << aggregated.out;
  // Both copies are one story, named after its first document.
  EXPECT_NE(aggregated.out.find("\"evidence\":[{\"doc\":\"a\",\"story\":\"a\",\"sentence\":0,"
                                "\"span\":[0,20]},{\"doc\":\"b\",\"story\":\"a\""),
            std::string::npos)
      << aggregated.out;
  EXPECT_NE(aggregated.err.find("2 stories (1 linked by text, 0 by events), 2 event(s)"),
            std::string::npos)
      << aggregated.err;

  const DyadRun mentions = Dyad("code --mentions --date 2021-03-03 " + feed);
  EXPECT_EQ(Lines(mentions.out), 3u) << mentions.out;
  EXPECT_EQ(mentions.out.find("\"mentions\":2"), std::string::npos);
  EXPECT_NE(mentions.out.find("{\"doc\":\"b\",\"story\":\"a\",\"sentence\":0"), std::string::npos)
      << mentions.out;
}
