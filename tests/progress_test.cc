// The progress line of long commands: what it says, and that it stays off
// the screen when it should.
#include "progress.h"

#include <gtest/gtest.h>

#include <regex>

namespace dyad::app {
namespace {

TEST(ProgressLine, CountsDocumentsEventsErrorsAndBytes) {
  ProgressLine progress(/*quiet=*/false, /*terminal=*/false);
  progress.SetTotalBytes(4'000'000);
  progress.AddDocument(1'500'000, 3);
  progress.AddDocument(500'000, 2);
  progress.AddError();
  const std::string line = progress.Render();
  EXPECT_EQ(line.rfind("dyad: 2 document(s), 2.0 MB, ", 0), 0u) << line;
  EXPECT_NE(line.find(" 5 event(s), 1 error(s)"), std::string::npos) << line;
  // Half the input read: some time is left, given as minutes:seconds.
  EXPECT_TRUE(std::regex_search(line, std::regex(", [0-9]+:[0-9]{2} left$"))) << line;
}

TEST(ProgressLine, AFinishedInputCountsAsItsFileSize) {
  ProgressLine progress(false, false);
  progress.SetTotalBytes(1'000'000);
  // A compressed input yields more text than its file holds.
  progress.AddDocument(3'000'000, 0);
  EXPECT_EQ(progress.Render().rfind("dyad: 1 document(s), 1.0 MB, ", 0), 0u) << progress.Render();
  progress.FinishInput(1'000'000);
  EXPECT_EQ(progress.Render().rfind("dyad: 1 document(s), 1.0 MB, ", 0), 0u);
}

TEST(ProgressLine, WithoutATotalThereIsNoTimeLeft) {
  ProgressLine progress(false, false);
  progress.AddDocument(10, 1);
  EXPECT_EQ(progress.Render().find("left"), std::string::npos);
}

TEST(ProgressLine, DrawsNothingOffATerminalOrWhenQuiet) {
  for (const bool quiet : {false, true}) {
    ProgressLine progress(quiet, /*terminal=*/!quiet);
    testing::internal::CaptureStderr();
    progress.AddDocument(10, 1);
    progress.Message("warning: something");
    progress.Finish();
    const std::string written = testing::internal::GetCapturedStderr();
    EXPECT_EQ(written, quiet ? "" : "dyad: warning: something\n");
  }
}

}  // namespace
}  // namespace dyad::app
