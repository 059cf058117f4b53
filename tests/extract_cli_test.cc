// End-to-end tests of `dyad extract`: what a user sees before coding.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/run_dyad.h"
#include "support/temp_path.h"

namespace {

using dyad::testing::DyadRun;

DyadRun Dyad(const std::string& arguments) { return dyad::testing::RunDyad(arguments); }

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
