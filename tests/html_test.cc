// HTML pages: main text, metadata, charsets, languages and bad pages.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "support/read_all.h"
#include "support/temp_path.h"

namespace dyad {
namespace {

using testing::Collected;
using testing::ReadAll;
using testing::WriteTempFile;

std::string Fixture(const std::string& name) {
  std::ifstream file(std::string(DYAD_TEST_DIR) + "/data/html/" + name, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

PageContext Context() {
  PageContext context;
  context.id = "page";
  context.origin = "page.html";
  context.fallback_date = {2000, 1, 1};
  return context;
}

TEST(Html, ArticleTextKeepsParagraphsHeadingsAndItemsAndDropsChrome) {
  const std::string path = std::string(DYAD_TEST_DIR) + "/data/html/article.html";
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_TRUE(got.issues.empty());
  const Document& page = got.documents[0];
  EXPECT_EQ(page.text,
            "Lima recalls envoy over border row\n\n"
            "Peru recalled its ambassador to Ecuador on Monday after a dispute over a river "
            "crossing, the foreign ministry in Lima said.\n\n"
            "The ministry said the envoy would return \u201Cfor consultations\u201D & that talks "
            "were suspended until further notice.\n\n"
            "Trade at stake\n\n"
            "Exports through the crossing fell by a third last year.\n");
  EXPECT_EQ(page.id, "article.html");
  EXPECT_EQ(page.origin, path);
}

TEST(Html, MetadataFromMetaTags) {
  std::vector<std::string> warnings;
  PageContext context = Context();
  context.url = "https://www.andean-ledger.example/world/?id=3";
  auto page = ExtractHtml(Fixture("article.html"), context, &warnings);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(page->title, "Lima recalls envoy over border row");
  // The meta tag outranks JSON-LD; the local date of publication is kept.
  EXPECT_EQ(page->report_date, (CivilDate{2021, 3, 9}));
  EXPECT_EQ(page->url, "https://www.andean-ledger.example/world/2021/03/lima-recalls-envoy");
  EXPECT_EQ(page->source, "The Andean Ledger");
  EXPECT_EQ(page->language, "en-gb");
  EXPECT_EQ(page->id, "page");
  EXPECT_EQ(page->origin, "page.html");
}

TEST(Html, DateFromJsonLdThenTimeElementAndSiteFromHost) {
  std::vector<std::string> warnings;
  auto page = ExtractHtml(Fixture("undated.html"), Context(), &warnings);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->report_date, (CivilDate{2018, 11, 3}));  // JSON-LD before <time>
  EXPECT_EQ(page->url, "https://www.example.org/news/7");
  EXPECT_EQ(page->source, "example.org");
  EXPECT_EQ(page->language, "en-us");
  EXPECT_EQ(page->title, "");
  EXPECT_EQ(page->text,
            "Brazil and Paraguay agreed to share the power from a dam, officials said on "
            "Friday.\n");

  const std::string time_only =
      "<html><body><time datetime=\"2017-06-30T12:00\">June 30</time>"
      "<p>Uruguay joined the talks.</p></body></html>";
  auto timed = ExtractHtml(time_only, Context(), &warnings);
  ASSERT_TRUE(timed.ok());
  EXPECT_EQ(timed->report_date, (CivilDate{2017, 6, 30}));

  auto fallback = ExtractHtml("<p>Uruguay joined the talks.</p>", Context(), &warnings);
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ(fallback->report_date, (CivilDate{2000, 1, 1}));
  EXPECT_EQ(fallback->language, "");
}

TEST(Html, TitleFallsBackToTitleElementThenFirstHeading) {
  std::vector<std::string> warnings;
  auto titled = ExtractHtml("<title> Talks  resume </title><p>Body.</p>", Context(), &warnings);
  ASSERT_TRUE(titled.ok());
  EXPECT_EQ(titled->title, "Talks resume");
  auto headed =
      ExtractHtml("<body><h1>Envoy <em>returns</em></h1><p>Body.</p>", Context(), &warnings);
  ASSERT_TRUE(headed.ok());
  EXPECT_EQ(headed->title, "Envoy returns");
}

TEST(Html, ScriptsStylesAndCommentsAreNotText) {
  std::vector<std::string> warnings;
  auto page = ExtractHtml(
      "<!-- <p>commented out</p> --><p>Shown.</p>"
      "<SCRIPT>if (a<b) document.write('<p>written</p>');</SCRIPT >"
      "<style>p::before { content: '<p>'; }</style><p>Also shown.</p>"
      "<script type='application/LD+JSON'>{\"datePublished\": \"2016-12-01\"}</script>",
      Context(), &warnings);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "Shown.\n\nAlso shown.\n");
  EXPECT_EQ(page->report_date, (CivilDate{2016, 12, 1}));
}

TEST(Html, CharsetFromMetaHttpEquivIsConverted) {
  const std::string path = std::string(DYAD_TEST_DIR) + "/data/html/latin1.html";
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_TRUE(got.issues.empty());
  EXPECT_EQ(got.documents[0].title, "Bogot\u00E1 talks");
  // ISO-8859-1 is read as windows-1252, as browsers do: 0x92 is a quote.
  EXPECT_EQ(got.documents[0].text,
            "Colombia\u2019s president met the envoy in Bogot\u00E1 on Friday.\n");
}

TEST(Html, CharsetFromContextOutranksTheMetaTag) {
  std::vector<std::string> warnings;
  PageContext context = Context();
  context.charset = "koi8-r";
  auto page =
      ExtractHtml("<meta charset=\"utf-8\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>", context, &warnings);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "\u041F\u0440\u0438\u0432\u0435\u0442\n");
  EXPECT_TRUE(warnings.empty());
}

TEST(Html, UndeclaredNonUtf8IsReadAsWindows1252) {
  std::vector<std::string> warnings;
  auto page = ExtractHtml("<p>Asunci\xF3n hosted the summit.</p>", Context(), &warnings);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "Asunci\u00F3n hosted the summit.\n");
  EXPECT_TRUE(warnings.empty());
}

TEST(Html, UnknownCharsetIsReadAsUtf8WithAWarning) {
  const std::string path =
      WriteTempFile("odd.html", "<meta charset=\"x-martian-7\"><p>Quito welcomed the envoy.</p>");
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "Quito welcomed the envoy.\n");
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_FALSE(got.issues[0].record_skipped);
  EXPECT_EQ(got.issues[0].status.message(),
            path + ": unknown charset \"x-martian-7\"; read as UTF-8");
}

TEST(Html, InvalidBytesInTheDeclaredCharsetAreReplacedWithAWarning) {
  std::vector<std::string> warnings;
  auto page =
      ExtractHtml("<meta charset=\"utf-8\"><p>La Paz \xFF spoke.</p>", Context(), &warnings);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "La Paz \uFFFD spoke.\n");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "1 byte sequence(s) invalid in utf-8 replaced with U+FFFD");
}

TEST(Html, UnclosedTagsStillGiveTheText) {
  const std::string path = std::string(DYAD_TEST_DIR) + "/data/html/unclosed.html";
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u) << (got.issues.empty() ? "" : got.issues[0].status.message());
  EXPECT_EQ(got.documents[0].text,
            "Chile and Argentina signed a fisheries accord on Tuesday.\n\n"
            "The accord covers the southern waters\n\n"
            "and the strait\n\n"
            "The talks lasted three days\n");
}

TEST(Html, OtherLanguagesAreSkippedWithTheReason) {
  const std::string path = std::string(DYAD_TEST_DIR) + "/data/html/spanish.html";
  const Collected got = ReadAll(path);
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_TRUE(got.issues[0].record_skipped);
  EXPECT_EQ(got.issues[0].status.code(), StatusCode::kUnsupported);
  EXPECT_EQ(got.issues[0].status.message(),
            path + ": the page declares language \"es\"; only English is coded; skipped");

  ReaderOptions all;
  all.english_only = false;
  const Collected kept = ReadAll(path, all);
  ASSERT_EQ(kept.documents.size(), 1u);
  EXPECT_EQ(kept.documents[0].language, "es");
}

TEST(Html, BinaryPayloadIsRejected) {
  std::vector<std::string> warnings;
  auto png = ExtractHtml(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), Context(), &warnings);
  ASSERT_FALSE(png.ok());
  EXPECT_EQ(png.status().message(), "the payload is a PNG image, not HTML; skipped");
  auto nul = ExtractHtml(std::string("<p>a\0b\0c</p>", 12), Context(), &warnings);
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().message(), "the payload is binary data (NUL bytes), not HTML; skipped");
}

TEST(Html, PageWithoutTextIsReported) {
  const std::string path = WriteTempFile("menu.html",
                                         "<html><body><nav><a href=/>Home</a></nav>"
                                         "<script>x()</script></body></html>");
  const Collected got = ReadAll(path);
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(), path + ": no article text found in the page; skipped");
}

TEST(Html, DetectedByContentWithoutExtension) {
  const std::string path =
      WriteTempFile("page", "\n<!-- saved -->\n<!DOCTYPE html><p>Lima spoke.</p>");
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "Lima spoke.\n");
}

TEST(Html, FiftyMegabyteSingleLinePageIsSkippedAtTheDefaultLimit) {
  std::string page = "<html><body><p>";
  while (page.size() < (50u << 20)) page += "Venezuela and Cuba signed an accord. ";
  page += "</p></body></html>";
  const std::string path = WriteTempFile("huge.html", page);
  const Collected got = ReadAll(path);
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(),
            path + ": document of " + std::to_string(page.size()) +
                " bytes is over the limit of 16777216 bytes (--max-record-bytes); skipped");
}

TEST(Html, LargeSingleLinePageIsExtractedUnderARaisedLimit) {
  std::string page = "<html><body><p>";
  const std::string sentence = "Venezuela and Cuba signed an accord. ";
  while (page.size() < (4u << 20)) page += sentence;
  page += "</p></body></html>";
  const std::string path = WriteTempFile("large.html", page);
  ReaderOptions options;
  options.max_record_bytes = 64u << 20;
  const Collected got = ReadAll(path, options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text.size(), page.size() - 15 - 18);  // tags gone, last space too
  EXPECT_TRUE(got.documents[0].text.starts_with(sentence));
}

}  // namespace
}  // namespace dyad
