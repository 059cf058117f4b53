#include "ontology/ontology.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace dyad {
namespace {

const char kCameoPath[] = DYAD_DATA_DIR "/cameo.tsv";

// The real codebook, loaded once for all tests that read it.
const Ontology& Cameo() {
  static const Ontology ontology = [] {
    StatusOr<Ontology> loaded = Ontology::LoadFile(kCameoPath);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      return Ontology();
    }
    return std::move(loaded).value();
  }();
  return ontology;
}

// The message of the error that parsing `text` gives, or "OK".
std::string ParseError(std::string_view text) {
  StatusOr<Ontology> parsed = Ontology::Parse(text, "cameo.tsv");
  if (parsed.ok()) return "OK";
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidInput);
  return parsed.status().message();
}

// A valid file to break one line of: lines 1-2 are a comment and a blank.
const char kSmallFile[] =
    "# a small codebook\n"
    "\n"
    "16\t4\t-4.0\tReduce relations\n"
    "161\t4\t-4.0\tReduce or break diplomatic relations\n"
    "162\t4\t-5.6\tReduce or stop material aid\n"
    "1621\t4\t-5.6\tReduce or stop economic aid\n";

// ---- The real data file ----

TEST(CameoData, Loads) {
  StatusOr<Ontology> loaded = Ontology::LoadFile(kCameoPath);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
}

TEST(CameoData, HasEveryCodeOfTheCodebook) {
  // 20 roots and 296 base and sub-codes: CAMEO 1.1b3, including the five codes
  // (155, 176, 1834, 1951, 1952) that GDELT's tables lack.
  EXPECT_EQ(Cameo().types().size(), 316u);
  EXPECT_GE(Cameo().types().size(), 280u);
}

TEST(CameoData, HasAllTwentyRoots) {
  int roots = 0;
  for (const EventType& type : Cameo().types()) {
    if (type.code.size() == 2) ++roots;
  }
  EXPECT_EQ(roots, 20);
  for (int root = 1; root <= 20; ++root) {
    std::string code = (root < 10 ? "0" : "") + std::to_string(root);
    EXPECT_NE(Cameo().Find(code), nullptr) << code;
  }
}

TEST(CameoData, SortedAndUnique) {
  const std::vector<EventType>& types = Cameo().types();
  for (size_t i = 1; i < types.size(); ++i) {
    EXPECT_LT(types[i - 1].code, types[i].code);
  }
}

TEST(CameoData, EveryCodeHasItsParent) {
  for (const EventType& type : Cameo().types()) {
    if (type.code.size() == 2) continue;
    std::string parent = type.code.substr(0, type.code.size() - 1);
    EXPECT_NE(Cameo().Find(parent), nullptr) << type.code;
    EXPECT_NE(Cameo().Find(type.root()), nullptr) << type.code;
  }
}

TEST(CameoData, QuadClassFollowsTheRoot) {
  for (const EventType& type : Cameo().types()) {
    EXPECT_EQ(type.quad_class, QuadClassOfRoot(std::stoi(type.root()))) << type.code;
  }
}

TEST(CameoData, GoldsteinWithinScaleAndNamesPresent) {
  for (const EventType& type : Cameo().types()) {
    EXPECT_GE(type.goldstein, -10.0) << type.code;
    EXPECT_LE(type.goldstein, 10.0) << type.code;
    EXPECT_FALSE(type.name.empty()) << type.code;
  }
}

TEST(CameoData, WellKnownScores) {
  struct Expected {
    const char* code;
    int quad_class;
    double goldstein;
  };
  const Expected expected[] = {
      {"01", 1, 0.0},     {"011", 1, -0.1},  {"0211", 1, 3.4},  {"024", 1, -0.3},
      {"0334", 1, 6.0},   {"042", 1, 1.9},   {"043", 1, 2.8},   {"046", 1, 7.0},
      {"057", 2, 8.0},    {"072", 2, 8.3},   {"0874", 2, 10.0}, {"09", 3, -2.0},
      {"1056", 3, -5.0},  {"112", 3, -2.0},  {"125", 3, -5.0},  {"130", 3, -4.4},
      {"14", 4, -6.5},    {"145", 4, -7.5},  {"161", 4, -4.0},  {"162", 4, -5.6},
      {"163", 4, -8.0},   {"171", 4, -9.2},  {"173", 4, -5.0},  {"182", 4, -9.5},
      {"1823", 4, -10.0}, {"190", 4, -10.0}, {"196", 4, -9.5},  {"20", 4, -10.0},
      {"2042", 4, -10.0},
  };
  for (const Expected& e : expected) {
    const EventType* type = Cameo().Find(e.code);
    ASSERT_NE(type, nullptr) << e.code;
    EXPECT_EQ(type->code, e.code);
    EXPECT_EQ(type->quad_class, e.quad_class) << e.code;
    EXPECT_DOUBLE_EQ(type->goldstein, e.goldstein) << e.code;
  }
}

TEST(CameoData, FindMissesUnknownCodes) {
  EXPECT_EQ(Cameo().Find(""), nullptr);
  EXPECT_EQ(Cameo().Find("00"), nullptr);
  EXPECT_EQ(Cameo().Find("21"), nullptr);
  EXPECT_EQ(Cameo().Find("0215"), nullptr);
  EXPECT_EQ(Cameo().Find("1"), nullptr);
  EXPECT_EQ(Cameo().Find("16211"), nullptr);
}

// ---- QuadClassOfRoot ----

TEST(QuadClassOfRoot, GdeltBands) {
  EXPECT_EQ(QuadClassOfRoot(1), 1);
  EXPECT_EQ(QuadClassOfRoot(4), 1);
  EXPECT_EQ(QuadClassOfRoot(5), 2);
  EXPECT_EQ(QuadClassOfRoot(8), 2);
  EXPECT_EQ(QuadClassOfRoot(9), 3);
  EXPECT_EQ(QuadClassOfRoot(13), 3);
  EXPECT_EQ(QuadClassOfRoot(14), 4);
  EXPECT_EQ(QuadClassOfRoot(20), 4);
  EXPECT_EQ(QuadClassOfRoot(0), 0);
  EXPECT_EQ(QuadClassOfRoot(21), 0);
  EXPECT_EQ(QuadClassOfRoot(-3), 0);
}

// ---- Parse ----

TEST(OntologyParse, SmallFileSortsAndFinds) {
  StatusOr<Ontology> parsed =
      Ontology::Parse("1621\t4\t-5.6\tb\r\n162\t4\t-5.6\ta\r\n16\t4\t-4.0\troot\r\n", "cameo.tsv");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->types().size(), 3u);
  EXPECT_EQ(parsed->types()[0].code, "16");
  EXPECT_EQ(parsed->types()[1].code, "162");
  EXPECT_EQ(parsed->types()[2].code, "1621");
  const EventType* type = parsed->Find("1621");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->name, "b");  // the CR of CRLF is not part of the name
  EXPECT_EQ(type->root(), "16");
  EXPECT_EQ(type->quad_class, 4);
  EXPECT_DOUBLE_EQ(type->goldstein, -5.6);
}

TEST(OntologyParse, AcceptsTheSmallFile) { EXPECT_EQ(ParseError(kSmallFile), "OK"); }

TEST(OntologyParse, WrongColumnCount) {
  EXPECT_EQ(ParseError("16\t4\t-4.0\n"),
            "cameo.tsv:1: expected 4 tab-separated fields (code, quad_class, goldstein, name), "
            "found 3");
  EXPECT_EQ(ParseError("16\t4\t-4.0\tReduce\trelations\n"),
            "cameo.tsv:1: expected 4 tab-separated fields (code, quad_class, goldstein, name), "
            "found 5");
  EXPECT_EQ(ParseError("16 4 -4.0 Reduce relations\n"),
            "cameo.tsv:1: expected 4 tab-separated fields (code, quad_class, goldstein, name), "
            "found 1");
}

TEST(OntologyParse, BadCode) {
  EXPECT_EQ(ParseError("1\t1\t0.0\tx\n"), "cameo.tsv:1: code \"1\" is not 2 to 4 digits");
  EXPECT_EQ(ParseError("16211\t4\t0.0\tx\n"), "cameo.tsv:1: code \"16211\" is not 2 to 4 digits");
  EXPECT_EQ(ParseError("1a\t4\t0.0\tx\n"), "cameo.tsv:1: code \"1a\" is not 2 to 4 digits");
  EXPECT_EQ(ParseError("\t4\t0.0\tx\n"), "cameo.tsv:1: code \"\" is not 2 to 4 digits");
  EXPECT_EQ(ParseError("21\t4\t0.0\tx\n"),
            "cameo.tsv:1: code \"21\" has root 21, which is not a CAMEO root (01-20)");
  EXPECT_EQ(ParseError("001\t1\t0.0\tx\n"),
            "cameo.tsv:1: code \"001\" has root 00, which is not a CAMEO root (01-20)");
}

TEST(OntologyParse, BadQuadClass) {
  EXPECT_EQ(ParseError("16\t5\t-4.0\tx\n"),
            "cameo.tsv:1: quad class \"5\" is not one of 1, 2, 3, 4");
  EXPECT_EQ(ParseError("16\tfour\t-4.0\tx\n"),
            "cameo.tsv:1: quad class \"four\" is not one of 1, 2, 3, 4");
  EXPECT_EQ(ParseError("16\t\t-4.0\tx\n"), "cameo.tsv:1: quad class \"\" is not one of 1, 2, 3, 4");
}

TEST(OntologyParse, QuadClassDisagreesWithRoot) {
  EXPECT_EQ(ParseError("16\t4\t-4.0\tx\n161\t3\t-4.0\ty\n"),
            "cameo.tsv:2: code \"161\" has quad class 3, but root 16 is in quad class 4");
  EXPECT_EQ(ParseError("04\t2\t1.0\tConsult\n"),
            "cameo.tsv:1: code \"04\" has quad class 2, but root 04 is in quad class 1");
}

TEST(OntologyParse, BadGoldstein) {
  EXPECT_EQ(ParseError("16\t4\tlow\tx\n"), "cameo.tsv:1: goldstein \"low\" is not a number");
  EXPECT_EQ(ParseError("16\t4\t\tx\n"), "cameo.tsv:1: goldstein \"\" is not a number");
  EXPECT_EQ(ParseError("16\t4\t-4.0x\tx\n"), "cameo.tsv:1: goldstein \"-4.0x\" is not a number");
  EXPECT_EQ(ParseError("16\t4\t -4.0\tx\n"), "cameo.tsv:1: goldstein \" -4.0\" is not a number");
  EXPECT_EQ(ParseError("16\t4\t-4,0\tx\n"), "cameo.tsv:1: goldstein \"-4,0\" is not a number");
  EXPECT_EQ(ParseError("16\t4\t-10.5\tx\n"), "cameo.tsv:1: goldstein -10.5 is outside -10..10");
  EXPECT_EQ(ParseError("01\t1\t11\tx\n"), "cameo.tsv:1: goldstein 11 is outside -10..10");
  EXPECT_EQ(ParseError("01\t1\tnan\tx\n"), "cameo.tsv:1: goldstein nan is outside -10..10");
  EXPECT_EQ(ParseError("01\t1\t10\tx\n20\t4\t-10\ty\n"), "OK");  // the ends are in range
}

TEST(OntologyParse, EmptyName) {
  EXPECT_EQ(ParseError("16\t4\t-4.0\t\n"), "cameo.tsv:1: code \"16\" has an empty name");
}

TEST(OntologyParse, DuplicateCode) {
  EXPECT_EQ(ParseError(std::string(kSmallFile) + "161\t4\t-4.0\tagain\n"),
            "cameo.tsv:7: duplicate code \"161\" (first on line 4)");
}

TEST(OntologyParse, MissingRoot) {
  EXPECT_EQ(ParseError("# no root 16\n161\t4\t-4.0\tx\n"),
            "cameo.tsv:2: code \"161\" has no root \"16\" in the file");
}

TEST(OntologyParse, MissingParent) {
  EXPECT_EQ(ParseError("16\t4\t-4.0\tx\n1621\t4\t-5.6\ty\n"),
            "cameo.tsv:2: code \"1621\" has no parent \"162\" in the file");
}

TEST(OntologyParse, ParentMayComeLater) {
  EXPECT_EQ(ParseError("1621\t4\t-5.6\ty\n162\t4\t-5.6\tx\n16\t4\t-4.0\tz\n"), "OK");
}

TEST(OntologyParse, NoCodes) {
  EXPECT_EQ(ParseError(""), "cameo.tsv: no event codes");
  EXPECT_EQ(ParseError("# only a comment\n\n"), "cameo.tsv: no event codes");
}

TEST(OntologyParse, ReportsTheFirstBadLine) {
  std::string text = std::string(kSmallFile) + "163\t4\tx\ty\n164\t9\t-7.0\tz\n";
  EXPECT_EQ(ParseError(text), "cameo.tsv:7: goldstein \"x\" is not a number");
}

// ---- LoadFile ----

TEST(OntologyLoadFile, MissingFileIsNotFound) {
  const std::string path = DYAD_DATA_DIR "/no-such-codebook.tsv";
  StatusOr<Ontology> loaded = Ontology::LoadFile(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(loaded.status().message(), path + ": no such file");
}

TEST(OntologyLoadFile, DirectoryIsIoError) {
  StatusOr<Ontology> loaded = Ontology::LoadFile(DYAD_DATA_DIR);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kIoError);
  EXPECT_EQ(loaded.status().message().rfind(DYAD_DATA_DIR ": ", 0), 0u)
      << loaded.status().message();
}

TEST(OntologyLoadFile, ParseErrorsNameThePath) {
  const std::string path = testing::TempDir() + "ontology_test_bad.tsv";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fputs("# bad\n16\t4\n", file);
  std::fclose(file);
  StatusOr<Ontology> loaded = Ontology::LoadFile(path);
  std::remove(path.c_str());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(
      loaded.status().message(),
      path + ":2: expected 4 tab-separated fields (code, quad_class, goldstein, name), found 2");
}

}  // namespace
}  // namespace dyad
