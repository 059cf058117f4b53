#include "code/code.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

using Strings = std::vector<std::string>;

TEST(VerbForms, RegularVerbs) {
  EXPECT_EQ(VerbForms("visit"), (Strings{"visit", "visited", "visiting", "visits"}));
  EXPECT_EQ(VerbForms("sanction"), (Strings{"sanction", "sanctioned", "sanctioning", "sanctions"}));
  EXPECT_EQ(VerbForms("accuse"), (Strings{"accuse", "accused", "accuses", "accusing"}));
  EXPECT_EQ(VerbForms("deny"), (Strings{"denied", "denies", "deny", "denying"}));
  EXPECT_EQ(VerbForms("ban"), (Strings{"ban", "banned", "banning", "bans"}));
  EXPECT_EQ(VerbForms("criticize"),
            (Strings{"criticize", "criticized", "criticizes", "criticizing"}));
  EXPECT_EQ(VerbForms("reach"), (Strings{"reach", "reached", "reaches", "reaching"}));
  EXPECT_EQ(VerbForms("agree"), (Strings{"agree", "agreed", "agreeing", "agrees"}));
}

TEST(VerbForms, IrregularVerbs) {
  EXPECT_EQ(VerbForms("break", "broke", "broken"),
            (Strings{"break", "breaking", "breaks", "broke", "broken"}));
  EXPECT_EQ(VerbForms("meet", "met", "met"), (Strings{"meet", "meeting", "meets", "met"}));
  EXPECT_EQ(VerbForms("seek", "sought", "sought"), (Strings{"seek", "seeking", "seeks", "sought"}));
}

TEST(EventCoder, LoadsTheShippedPatterns) {
  CoderOptions options;
  options.data_dir = DYAD_DATA_DIR;
  auto coder = EventCoder::Load(options);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  EXPECT_GE((*coder)->pattern_count(), 90u);
}

TEST(EventCoder, MissingDataDirectoryNamesTheFile) {
  CoderOptions options;
  options.data_dir = "/nonexistent";
  auto coder = EventCoder::Load(options);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(), "/nonexistent/irregular_verbs.tsv: no such file");
}

}  // namespace
}  // namespace dyad
