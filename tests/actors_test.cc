#include "actors/actors.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "support/temp_path.h"

namespace dyad {
namespace {

class ActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = ActorDictionary::Load(ActorOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    dictionary_ = new std::shared_ptr<const ActorDictionary>(std::move(loaded).value());
  }
  static void TearDownTestSuite() { delete dictionary_; }

  // "CODE=words" for every actor found in the first sentence of `text`.
  static std::vector<std::string> Find(const std::string& text,
                                       const ActorDictionary* dictionary = nullptr) {
    if (dictionary == nullptr) dictionary = dictionary_->get();
    const Segmentation segmentation = Segment(text);
    ActorScratch scratch;
    std::vector<ActorMention> mentions;
    dictionary->FindInSentence(text, segmentation, segmentation.sentences.at(0), scratch, mentions);
    std::vector<std::string> out;
    for (const ActorMention& mention : mentions) {
      const uint32_t begin = segmentation.tokens[mention.first_token].begin;
      const uint32_t end = segmentation.tokens[mention.end_token - 1].end;
      out.push_back(dictionary->actor(mention.actor).code + "=" + text.substr(begin, end - begin));
    }
    return out;
  }

  static std::shared_ptr<const ActorDictionary>* dictionary_;
};

std::shared_ptr<const ActorDictionary>* ActorsTest::dictionary_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(ActorsTest, EveryIsoCountryIsLoaded) {
  for (const char* code : {"VEN", "USA", "FJI", "ZWE", "ALA", "SSD"}) {
    EXPECT_NE((*dictionary_)->FindCode(code), nullptr) << code;
  }
  EXPECT_GE((*dictionary_)->actor_count(), 249u);
}

TEST_F(ActorsTest, CountryNamesFromIsoAndColloquialNames) {
  EXPECT_EQ(Find("Fiji and Zimbabwe met."), (Strings{"FJI=Fiji", "ZWE=Zimbabwe"}));
  EXPECT_EQ(Find("Venezuela broke off relations with the United States."),
            (Strings{"VEN=Venezuela", "USA=United States"}));
  EXPECT_EQ(Find("Russia and the U.S. spoke."), (Strings{"RUS=Russia", "USA=U.S."}));
}

TEST_F(ActorsTest, AccentsAndCaseAreIgnored) {
  EXPECT_EQ(Find("Officials in Bogotá and BOGOTA agreed."),
            (Strings{"COLGOV=Bogotá", "COLGOV=BOGOTA"}));
}

TEST_F(ActorsTest, CapitalAcronymsMatchOnlyInCapitals) {
  EXPECT_EQ(Find("Let us talk to the US."), (Strings{"USA=US"}));
}

TEST_F(ActorsTest, CapitalsAndPalacesSpeakForTheGovernment) {
  EXPECT_EQ(Find("Washington and the Kremlin traded words."),
            (Strings{"USAGOV=Washington", "RUSGOV=Kremlin"}));
}

TEST_F(ActorsTest, SectorNounsAfterCountriesAndDemonyms) {
  EXPECT_EQ(Find("The Venezuelan government criticised Colombia's army."),
            (Strings{"VENGOV=Venezuelan government", "COLMIL=Colombia's army"}));
  EXPECT_EQ(Find("The Venezuelan opposition met the president of Colombia."),
            (Strings{"VENOPP=Venezuelan opposition", "COLGOV=president of Colombia"}));
}

TEST_F(ActorsTest, OrganisationsByAcronymAndFullName) {
  EXPECT_EQ(Find("NATO and the Organization of American States spoke."),
            (Strings{"NATO=NATO", "OAS=Organization of American States"}));
  const Actor* nato = (*dictionary_)->FindCode("NATO");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->org, "NATO");
  EXPECT_EQ(nato->country, "");
}

TEST_F(ActorsTest, LongestNameWins) {
  EXPECT_EQ(Find("South Africa and South Korea met."),
            (Strings{"ZAF=South Africa", "KOR=South Korea"}));
}

TEST_F(ActorsTest, UserFileAddsNames) {
  const std::string path = dyad::testing::TempPath("user_actors.tsv");
  std::ofstream(path) << "# mine\nVENGOV\tPalacio Federal Legislativo\n";
  auto loaded = ActorDictionary::Load(ActorOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {path}});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(Find("The Palacio Federal Legislativo spoke.", loaded->get()),
            (Strings{"VENGOV=Palacio Federal Legislativo"}));
}

TEST_F(ActorsTest, BadUserFileNamesFileAndLine) {
  const std::string path = dyad::testing::TempPath("bad_actors.tsv");
  std::ofstream(path) << "VEN\tVenezuela\nXYZGOV\tNowhere\n";
  auto loaded = ActorDictionary::Load(ActorOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {path}});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message(),
            path + ":2: 'XYZGOV' does not start with an ISO 3166 alpha-3 code");
}

TEST_F(ActorsTest, MissingIsoCodesIsAClearError) {
  auto loaded = ActorDictionary::Load(ActorOptions{DYAD_DATA_DIR, "/nonexistent", {}});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("/nonexistent/iso_3166-1.json"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("iso-codes"), std::string::npos);
}

}  // namespace
}  // namespace dyad
