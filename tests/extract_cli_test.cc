// End-to-end tests of `dyad extract`: what a user sees before coding.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/temp_path.h"

namespace {

struct DyadRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

DyadRun Dyad(const std::string& arguments) {
  const std::string out_path = dyad::testing::TempPath("out"),
                    err_path = dyad::testing::TempPath("err");
  const std::string command =
      std::string(DYAD_BINARY) + " " + arguments + " </dev/null >" + out_path + " 2>" + err_path;
  const int status = std::system(command.c_str());
  DyadRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = Slurp(out_path);
  run.err = Slurp(err_path);
  return run;
}

const std::string kHtml = std::string(DYAD_TEST_DIR) + "/data/html/";

TEST(ExtractCli, PrintsMetadataThenTheCleanText) {
  const DyadRun run = Dyad("extract --date 2021-01-01 " + kHtml + "undated.html");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "=== undated.html\n"
            "origin:   " +
                kHtml +
                "undated.html\n"
                "title:    \n"
                "date:     2018-11-03\n"
                "url:      https://www.example.org/news/7\n"
                "source:   example.org\n"
                "language: en-us\n"
                "\n"
                "Brazil and Paraguay agreed to share the power from a dam, officials said on "
                "Friday.\n\n");
  EXPECT_EQ(run.err, "dyad: 1 document(s) extracted; 0 skipped, 0 warning(s)\n");
}

TEST(ExtractCli, SkippedLanguageIsStatedAndCounted) {
  const DyadRun run = Dyad("extract " + kHtml + "spanish.html");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "dyad: error: " + kHtml +
                         "spanish.html: the page declares language \"es\"; only English is "
                         "coded; skipped\n"
                         "dyad: 0 document(s) extracted; 1 skipped, 0 warning(s)\n");
  const DyadRun all =
      Dyad("extract --all-languages --format jsonl --date 2021-01-01 " + kHtml + "spanish.html");
  EXPECT_EQ(all.exit_code, 0);
  EXPECT_EQ(all.out,
            "{\"id\":\"spanish.html\",\"date\":\"2021-01-01\",\"source\":\"\",\"url\":\"\","
            "\"title\":\"Noticias\",\"language\":\"es\",\"text\":\"El gobierno anunci\u00F3 "
            "nuevas medidas el lunes.\\n\"}\n");
}

}  // namespace
