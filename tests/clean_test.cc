#include "clean/clean.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace dyad {
namespace {

TEST(Clean, ValidTextIsKept) {
  const CleanResult result = CleanText("Venezuela and Colombia restored ties.");
  EXPECT_EQ(result.text, "Venezuela and Colombia restored ties.");
  EXPECT_EQ(result.invalid_sequences, 0u);
}

TEST(Clean, InvalidBytesBecomeReplacementCharactersAndAreCounted) {
  // \xC3 starts a two-byte sequence that "(" does not continue; \xFF never occurs in UTF-8.
  const CleanResult result = CleanText("Bogot\xC3(a said \xFF no.");
  EXPECT_EQ(result.text, "Bogot\xEF\xBF\xBD(a said \xEF\xBF\xBD no.");
  EXPECT_EQ(result.invalid_sequences, 2u);
  EXPECT_EQ(result.first_invalid_offset, 5u);
}

TEST(Clean, TruncatedSequenceAtTheEnd) {
  const CleanResult result = CleanText("Kyiv \xD0");
  EXPECT_EQ(result.text, "Kyiv \xEF\xBF\xBD");
  EXPECT_EQ(result.invalid_sequences, 1u);
}

TEST(Clean, NormalisesToNfc) {
  // "Nicolás" written with a combining acute accent becomes the precomposed á.
  EXPECT_EQ(CleanText("Nicola\xCC\x81s").text, "Nicol\xC3\xA1s");
}

TEST(Clean, LineBreaksAndControlCharacters) {
  EXPECT_EQ(CleanText("one\r\ntwo\rthree\x01\x7F\tfour").text, "one\ntwo\nthree\tfour");
  EXPECT_EQ(CleanText("\xEF\xBB\xBFTitle").text, "Title");
}

TEST(Clean, CyrillicPassesThrough) {
  EXPECT_EQ(CleanText("Москва и Каракас").text, "Москва и Каракас");
}

// NFC: the fast path (only stretches around a code point NFC may change go
// through utf8proc) against the slow, obviously correct reference (the whole
// text through utf8proc_NFC).

std::string ReferenceNfc(const std::string& text) {
  std::unique_ptr<utf8proc_uint8_t, void (*)(void*)> normalised(
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str())), &std::free);
  return normalised ? std::string(reinterpret_cast<const char*>(normalised.get())) : text;
}

std::string Utf8(int32_t code_point) {
  std::array<utf8proc_uint8_t, 4> bytes{};
  const utf8proc_ssize_t size = utf8proc_encode_char(code_point, bytes.data());
  return std::string(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(size));
}

bool IsScalarValue(int32_t code_point) { return code_point < 0xD800 || code_point > 0xDFFF; }

// What CleanText did before it had a fast path, boilerplate aside: repair,
// line breaks and control characters, then utf8proc_NFC on the whole text.
std::string ReferenceEncodingClean(std::string_view raw) {
  std::string text = RepairUtf8(raw).text;
  std::string out;
  for (size_t in = 0; in < text.size(); ++in) {
    const unsigned char c = static_cast<unsigned char>(text[in]);
    if (c == '\r') {
      out.push_back('\n');
      if (in + 1 < text.size() && text[in + 1] == '\n') ++in;
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      continue;
    } else if (text.compare(in, 3, "\xEF\xBB\xBF") == 0) {
      in += 2;  // byte-order mark
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return ReferenceNfc(out);
}

TEST(Nfc, CombiningMarkAfterAsciiComposes) {
  EXPECT_EQ(ToNfc("Nicola\xCC\x81s"), "Nicol\xC3\xA1s");  // a + U+0301 -> á
  EXPECT_EQ(ToNfc("\u0301abc"), "\u0301abc");             // a mark with nothing before it
  EXPECT_EQ(ToNfc("Cafe\xCC\x81"), "Caf\xC3\xA9");        // at the very end
  // Marks are put in canonical order before composing: a + acute + dot below
  // is ạ (U+1EA1) + acute.
  EXPECT_EQ(ToNfc("a\xCC\x81\xCC\xA3"), "\xE1\xBA\xA1\xCC\x81");
  // A precomposed letter is reopened by a mark that sorts before its own.
  EXPECT_EQ(ToNfc("\xC3\xA1\xCC\xA3"), "\xE1\xBA\xA1\xCC\x81");
}

TEST(Nfc, HangulJamoCompose) {
  // L + V + T jamo -> 각 (U+AC01); LV syllable 가 + T jamo -> 각.
  EXPECT_EQ(ToNfc("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"), "\xEA\xB0\x81");
  EXPECT_EQ(ToNfc("\xEA\xB0\x80\xE1\x86\xA8"), "\xEA\xB0\x81");
  EXPECT_EQ(ToNfc("\xEA\xB0\x81 \xED\x95\x9C\xEA\xB5\xAD"),
            "\xEA\xB0\x81 \xED\x95\x9C\xEA\xB5\xAD");
}

TEST(Nfc, TextAlreadyInNfcIsUnchanged) {
  for (const std::string text :
       {"", "Venezuela", "Nicol\xC3\xA1s Maduro \xE2\x80\x94 Bogot\xC3\xA1\xE2\x80\x99s",
        "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xE5\x8C\x97\xE4\xBA\xAC",
        "\xF0\x9F\x87\xBB\xF0\x9F\x87\xAA \xEF\xAC\x81"}) {  // a flag; ﬁ (compatibility)
    EXPECT_EQ(ToNfc(text), text);
  }
}

TEST(Nfc, CodePointsThatNfcReplaces) {
  EXPECT_EQ(ToNfc("\xE2\x84\xAB"), "\xC3\x85");                  // Angstrom sign -> Å
  EXPECT_EQ(ToNfc("a\u2000b"), "a\u2002b");                      // en quad -> en space
  EXPECT_EQ(ToNfc("\xCD\x84"), "\xCC\x88\xCC\x81");              // U+0344 decomposes for good
  EXPECT_EQ(ToNfc("\xE0\xA5\x98"), "\xE0\xA4\x95\xE0\xA4\xBC");  // क़, composition-excluded
}

TEST(Nfc, CleanTextNormalisesAndStillReportsInvalidBytes) {
  const CleanResult result = CleanText("Nicola\xCC\x81s \xFF Mo\xCC\x88");
  EXPECT_EQ(result.text, "Nicol\xC3\xA1s \xEF\xBF\xBD M\xC3\xB6");
  EXPECT_EQ(result.invalid_sequences, 1u);
  EXPECT_EQ(result.first_invalid_offset, 10u);  // in the raw bytes
  // A control character or a byte-order mark between a letter and its mark is
  // dropped first; the two then compose.
  EXPECT_EQ(CleanText("e\x01\xCC\x81 e\xEF\xBB\xBF\xCC\x81").text, "\xC3\xA9 \xC3\xA9");
  // An invalid byte is not a letter for a mark to join.
  EXPECT_EQ(CleanText("e\xFF\xCC\x81").text, "e\xEF\xBF\xBD\xCC\x81");
}

TEST(Nfc, EveryCodePointAloneAndAfterAMarkAgreesWithUtf8proc) {
  for (int32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if (!IsScalarValue(cp)) continue;
    const std::string alone = Utf8(cp);
    ASSERT_EQ(ToNfc(alone), ReferenceNfc(alone)) << "U+" << std::hex << cp;
    if (cp < 0x40000 || cp >= 0xE0000) {
      // After a base and an acute accent that do not compose, a mark of a
      // lower class is put before the accent.
      const std::string after_mark = "x\xCC\x81" + alone + "b";
      ASSERT_EQ(ToNfc(after_mark), ReferenceNfc(after_mark)) << "U+" << std::hex << cp;
    }
  }
}

TEST(Nfc, EveryDecomposedCompositeAgreesWithUtf8proc) {
  // The decomposition of every composite holds, after its first code point,
  // exactly the code points that compose with what precedes them: the fast
  // path must send each such stretch through utf8proc.
  for (int32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if (!IsScalarValue(cp)) continue;
    utf8proc_int32_t decomposed[32];
    const utf8proc_ssize_t count =
        utf8proc_decompose_char(cp, decomposed, 32, UTF8PROC_DECOMPOSE, nullptr);
    if (count <= 1) continue;
    std::string text = "x";
    for (utf8proc_ssize_t i = 0; i < count; ++i) text += Utf8(decomposed[i]);
    text += "y";
    ASSERT_EQ(ToNfc(text), ReferenceNfc(text)) << "U+" << std::hex << cp;
  }
}

TEST(Nfc, RandomTextAgreesWithTheReference) {
  // Pieces that exercise every branch: ASCII, controls, line breaks, marks,
  // precomposed and decomposable letters, singletons, excluded compositions,
  // Hangul, the byte-order mark and invalid bytes.
  // clang-format off
  const std::vector<std::string> pieces = {
      "a", "e", "A", " ", "\n", "\r", "\r\n", "\t", "\x01", "\x7F", "...",
      "\xE2\x80\x99", "\xE2\x80\x94", "\xC2\xA0", "\xCC\x81", "\xCC\xA3", "\xCC\x88",
      "\xC3\xA9", "\xC3\xA1", "\xC3\x85", "\xE2\x84\xAB", "\xE2\x80\x80", "\xE1\x84\x80",
      "\xE1\x85\xA1", "\xE1\x86\xA8", "\xEA\xB0\x80", "\xEA\xB0\x81", "\xE0\xA5\x98",
      "\xEF\xAC\x81", "\xCD\x84", "\xCD\x80", "\xE0\xA4\x95", "\xE0\xA4\xBC", "\xE0\xAC\x87",
      "\xE0\xAC\xBE", "\xEF\xBB\xBF", "\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80",
      "\xF0\x9F\x98\x80", "\xE1\xBA\xA1", "\xD0\x98\xCC\x86", "\xE3\x82\xAB", "\xE3\x82\x99",
      "\xCE\xB1\xCC\x81", "\xCE\x87", "Venezuela ", "Nicol\xC3\xA1s "};
  // clang-format on
  CleanOptions encoding_only;
  encoding_only.remove_boilerplate = false;
  std::mt19937 random(7);
  for (int n = 0; n < 20000; ++n) {
    std::string raw;
    const size_t size = random() % 24;
    for (size_t k = 0; k < size; ++k) raw += pieces[random() % pieces.size()];
    const CleanResult result = CleanText(raw, encoding_only);
    ASSERT_EQ(result.text, ReferenceEncodingClean(raw)) << raw;
    const CleanResult repaired = RepairUtf8(raw);
    ASSERT_EQ(result.invalid_sequences, repaired.invalid_sequences) << raw;
    ASSERT_EQ(result.first_invalid_offset, repaired.first_invalid_offset) << raw;
  }
}

// Boilerplate removal. The example pages are written for these tests: a
// furniture-laden page around a three-paragraph article.
std::vector<std::string> NonBlankLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

constexpr const char* kFramedArticle =
    "Wholesale Garden Hoses And Sprinklers Since 2004\n"
    "Home > World > Americas > Bolivia and Peru sign a wat...\n"
    "Sign in | Subscribe | Newsletter\n"
    "\n"
    "Bolivia and Peru sign a water treaty for Lake Titicaca\n"
    "\n"
    "Bolivia and Peru signed a treaty on Monday that sets how much water each of them may draw "
    "from Lake Titicaca during the dry season, ending a dispute that had lasted for a decade.\n"
    "\n"
    "cheap garden hose factory\n"
    "\n"
    "The ministers of both countries said that the treaty would be reviewed every five years and "
    "that a joint commission would settle any disagreement about the level of the lake.\n"
    "The talks lasted three days.\n"
    "A water commission for the lake\n"
    "Farmers on both shores of the lake had complained that the water level was falling and "
    "that the fishing season was getting shorter every year because of the drought.\n"
    "\n"
    "Write a comment!\n"
    "Related Stories\n"
    "Heavy rains flood the coastal towns of northern Chile after a week of storms\n"
    "Share this\n";

TEST(Boilerplate, KeepsTheArticleAndDropsItsFrame) {
  const CleanResult result = CleanText(kFramedArticle);
  EXPECT_EQ(NonBlankLines(result.text),
            (std::vector<std::string>{
                "Bolivia and Peru sign a water treaty for Lake Titicaca",
                NonBlankLines(kFramedArticle)[4],
                NonBlankLines(kFramedArticle)[6],
                "The talks lasted three days.",
                "A water commission for the lake",
                NonBlankLines(kFramedArticle)[9],
            }));
  EXPECT_EQ(result.removed_lines, 8u);
  // The removed spam line leaves a paragraph break, not a glued sentence.
  EXPECT_NE(result.text.find("for a decade.\n\nThe ministers"), std::string::npos);
}

TEST(Boilerplate, VerdictsPerLine) {
  const std::vector<LineVerdict> verdicts = ClassifyLines(
      "Top Stories\n\nVenezuela and Colombia reopened their border on Monday after seven years, "
      "and "
      "the presidents of both countries said that trade would resume within weeks.\nTop Stories");
  EXPECT_EQ(verdicts, (std::vector<LineVerdict>{LineVerdict::kDropped, LineVerdict::kBlank,
                                                LineVerdict::kBody, LineVerdict::kDropped}));
}

TEST(Boilerplate, TeasersAndBreadcrumbsAmongMultiByteCharacters) {
  // The scan for "..." and "»" is skipped on lines without two periods in a
  // row or a byte from 0x80 up; these lines have them in every position.
  const std::vector<LineVerdict> verdicts = ClassifyLines(
      "Inicio \xC2\xBB Mundo \xC2\xBB Am\xC3\xA9rica\n"
      "Per\xC3\xBA and Chile sign a wat...\n"
      "Per\xC3\xBA and Chile signed a treaty on Monday that sets how much water each of them may "
      "draw from the lake during the dry season, the ministers said.\n"
      "Chile and Per\xC3\xBA signed the treaty for the lake\xE2\x80\xA6\n"
      "Per\xC3\xBA signed the treaty for the la...Contact\n"
      "Per\xC3\xBA and Chile signed the treaty for the lake. It was\xC2...");
  EXPECT_EQ(verdicts, (std::vector<LineVerdict>{LineVerdict::kDropped, LineVerdict::kDropped,
                                                LineVerdict::kBody, LineVerdict::kDropped,
                                                LineVerdict::kDropped, LineVerdict::kDropped}));
}

TEST(Boilerplate, PlainNewsKeepsEverySentence) {
  // A lede dense with names, one-sentence paragraphs and a closing sentence
  // with words the body never used are all article.
  const std::string article =
      "QUITO — Ecuadorian President Daniel Noboa met Peruvian President Dina Boluarte in Tumbes "
      "on Friday.\n\n"
      "The two leaders signed an agreement on border security and said that their ministers would "
      "meet again before the end of the year to review it.\n\n"
      "Noboa called the agreement historic.\n\n"
      "The Organization of American States welcomed the accord.\n";
  const CleanResult result = CleanText(article);
  EXPECT_EQ(result.text, article);
  EXPECT_EQ(result.removed_lines, 0u);
}

TEST(Boilerplate, TextWithoutProseIsKeptWhole) {
  // A headline or a one-line snippet gives no evidence of what the page's
  // article is, so nothing is removed.
  const std::string snippet = "Russia recalls its ambassador\nKyiv protests.";
  const CleanResult result = CleanText(snippet);
  EXPECT_EQ(result.text, snippet);
  EXPECT_EQ(result.removed_lines, 0u);
}

TEST(Boilerplate, CanBeTurnedOff) {
  CleanOptions options;
  options.remove_boilerplate = false;
  EXPECT_EQ(CleanText(kFramedArticle, options).text, kFramedArticle);
}

TEST(Boilerplate, RepeatedLinesKeepTheirFirstCopy) {
  const std::string body =
      "The foreign ministers of Chile and Argentina met in Santiago on Friday and agreed that "
      "their "
      "two countries would share the cost of the new road across the Andes.";
  const std::string text = "Chile and Argentina agree on Andes road\n" + body +
                           "\nChile and Argentina agree on Andes road\n";
  EXPECT_EQ(CleanText(text).text, "Chile and Argentina agree on Andes road\n" + body + "\n");
}

TEST(Boilerplate, LinesRepeatedAcrossASitesPagesAreItsTemplate) {
  // A slogan that reads like a sentence is on every page of one site: frame.
  const std::string slogan = "Independent news for the Andean region since the year 1998.";
  auto page = [&](const std::string& story) {
    return slogan + "\n" + story +
           " The ministers of both countries met in Lima on Tuesday and agreed that the commission "
           "would report to them before the end of the month.\n";
  };
  SiteTemplate site_template;
  for (const char* story : {"Peru and Bolivia sign a river treaty.", "Chile recalls its envoy.",
                            "Ecuador and Peru open a bridge."}) {
    site_template.AddPage("andes.example", page(story));
  }
  EXPECT_TRUE(site_template.IsTemplate("andes.example", slogan));
  EXPECT_FALSE(site_template.IsTemplate("other.example", slogan));
  EXPECT_FALSE(site_template.IsTemplate("andes.example", "Chile recalls its envoy."));

  CleanOptions options;
  options.site_template = &site_template;
  options.site = "andes.example";
  const std::string text = page("Colombia and Panama close a border crossing.");
  EXPECT_EQ(CleanText(text).text, text);  // a one-off page keeps its slogan
  EXPECT_EQ(CleanText(text, options).text, text.substr(slogan.size() + 1));
  options.site = "other.example";
  EXPECT_EQ(CleanText(text, options).text, text);

  // Two pages are too few to tell a template from a coincidence.
  SiteTemplate two_pages;
  two_pages.AddPage("andes.example", page("a"));
  two_pages.AddPage("andes.example", page("b"));
  EXPECT_FALSE(two_pages.IsTemplate("andes.example", slogan));
}

// The seed pages (../shared/seeds, read at run time): for each, the 1-based
// numbers of the lines that are boilerplate or spam. Every other non-blank
// line is article text and must stay.
struct SeedExpectation {
  const char* file;
  std::set<int> dropped;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(Boilerplate, SeedPagesLoseSpamAndChromeAndKeepEveryParagraph) {
  CleanOptions encoding_only;
  encoding_only.remove_boilerplate = false;
  const std::string seeds = std::string(DYAD_SOURCE_DIR) + "/../shared/seeds/";
  const std::vector<SeedExpectation> expectations = {
      // Spam title, breadcrumb, "Contact us", address block, "Hot Headphone",
      // the repeated headline, the dateline, and three injected keyword lines.
      {"000_8a2b0857bd4246b4.txt", {1, 4, 5, 6, 7, 12, 14, 16, 25, 35}},
      {"001_ccaed1d70b00b253.txt", {37}},  // "Source: China News Network"
      {"002_c4d90af70d619d42.txt", {31}},  // "Leave a Replay"
      // Date bar, "No menu items!", "Must Read", the comment form, "Latest
      // News" and its two teasers, "More Articles Like This".
      {"003_d463f305805cc310.txt", {1, 2, 8, 27, 28, 30, 32, 34, 36}},
      {"004_28df0f60c14cb835.txt", {21, 22, 23}},  // "Next Story", "Share it", "To Top"
  };
  for (const SeedExpectation& seed : expectations) {
    const std::string raw = ReadFile(seeds + seed.file);
    if (raw.empty()) GTEST_SKIP() << "seeds not found in " << seeds;
    SCOPED_TRACE(seed.file);
    const std::string text = CleanText(raw, encoding_only).text;
    const std::vector<LineVerdict> verdicts = ClassifyLines(text);
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::vector<std::string> expected_kept;
    for (size_t i = 0; i < lines.size(); ++i) {
      const int number = static_cast<int>(i) + 1;
      if (lines[i].find_first_not_of(" \t") == std::string::npos) continue;
      const bool dropped = verdicts[i] == LineVerdict::kDropped;
      EXPECT_EQ(dropped, seed.dropped.count(number) > 0) << "line " << number << ": " << lines[i];
      if (seed.dropped.count(number) == 0) expected_kept.push_back(lines[i]);
    }
    EXPECT_EQ(NonBlankLines(CleanText(raw).text), expected_kept);
  }
}

}  // namespace
}  // namespace dyad
