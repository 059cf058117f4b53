#include "extract/dateline.h"

#include <gtest/gtest.h>

#include <string>

#include "support/read_all.h"
#include "support/temp_path.h"

namespace dyad {
namespace {

using testing::Collected;
using testing::ReadAll;
using testing::WriteTempFile;

TEST(Dateline, TheFormsPagesPrint) {
  EXPECT_EQ(ParseDateLine("March 3, 2021 09:15 Source: Andes Wire"), (CivilDate{2021, 3, 3}));
  EXPECT_EQ(ParseDateLine("Wednesday, October 7, 2020"), (CivilDate{2020, 10, 7}));
  EXPECT_EQ(ParseDateLine("Published: 12 Sept. 2018 | World"), (CivilDate{2018, 9, 12}));
  EXPECT_EQ(ParseDateLine("Updated on Jan. 2nd 2017, 4:30 pm"), (CivilDate{2017, 1, 2}));
  EXPECT_EQ(ParseDateLine("2016-11-30"), (CivilDate{2016, 11, 30}));
  EXPECT_EQ(ParseDateLine("  2016/11/30 By Lena Ortiz"), (CivilDate{2016, 11, 30}));
}

TEST(Dateline, ProseAndNonDatesAreNot) {
  // A sentence of the article, even a short one, is not the page's date.
  EXPECT_EQ(ParseDateLine("June 4, 2015 was the day the talks collapsed."), std::nullopt);
  EXPECT_EQ(ParseDateLine("On June 4, 2015, Quito recalled its envoy."), std::nullopt);
  EXPECT_EQ(ParseDateLine("June 4, 2015, Quito recalled its envoy."), std::nullopt);
  EXPECT_EQ(ParseDateLine("Since 1997"), std::nullopt);
  EXPECT_EQ(ParseDateLine("May 2019"), std::nullopt);
  EXPECT_EQ(ParseDateLine("February 30, 2019"), std::nullopt);
  EXPECT_EQ(ParseDateLine("12 Angry Men 1957"), std::nullopt);
  EXPECT_EQ(ParseDateLine(std::string(150, ' ') + "March 3, 2021"), std::nullopt);
}

TEST(Dateline, OnlyThePageHeadIsRead) {
  const std::string menu = "Home > News > World\nContact us\n\n";
  EXPECT_EQ(FindPrintedDate(menu + "July 9, 2014 10:02\n\nBody."), (CivilDate{2014, 7, 9}));
  // The first line of body text ends the head: a date under it is not read.
  const std::string body(220, 'x');
  EXPECT_EQ(FindPrintedDate(menu + body + "\nJuly 9, 2014\n"), std::nullopt);
  std::string many_lines;
  for (int i = 0; i < 70; ++i) many_lines += "Menu item\n";
  EXPECT_EQ(FindPrintedDate(many_lines + "July 9, 2014\n"), std::nullopt);
}

TEST(Dateline, PlainTextTakesThePrintedDateOverTheDefault) {
  const std::string path = WriteTempFile(
      "saved_page.txt",
      "World News\n\nNovember 18, 2015 08:20 Source: Wire\n\nPeru condemned Chile.\n");
  ReaderOptions options;
  options.default_report_date = {2020, 5, 1};
  const Collected got = ReadAll(path, options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].report_date, (CivilDate{2015, 11, 18}));
}

TEST(Dateline, PageMetadataStillComesFirst) {
  const std::string path = WriteTempFile(
      "page.html",
      "<html><head><meta property=\"article:published_time\" content=\"2019-01-24T11:41:00Z\">"
      "</head><body><article><p>March 3, 2021</p><p>Peru condemned Chile on Wednesday in a "
      "statement read by its foreign minister.</p></article></body></html>");
  const Collected metadata = ReadAll(path);
  ASSERT_EQ(metadata.documents.size(), 1u);
  EXPECT_EQ(metadata.documents[0].report_date, (CivilDate{2019, 1, 24}));

  const std::string bare = WriteTempFile(
      "bare.html",
      "<html><body><article><p>March 3, 2021</p><p>Peru condemned Chile on Wednesday in a "
      "statement read by its foreign minister.</p></article></body></html>");
  const Collected printed = ReadAll(bare);
  ASSERT_EQ(printed.documents.size(), 1u);
  EXPECT_EQ(printed.documents[0].report_date, (CivilDate{2021, 3, 3}));
}

}  // namespace
}  // namespace dyad
