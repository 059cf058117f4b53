#include "actors/actors.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
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

  // "CODE=words" for every actor of every sentence of `text`, read as one
  // document reported on `date`, each resolved at that date.
  static std::vector<std::string> FindInDocument(const std::string& text, CivilDate date,
                                                 const ActorDictionary* dictionary = nullptr) {
    if (dictionary == nullptr) dictionary = dictionary_->get();
    const Segmentation segmentation = Segment(text);
    ActorScratch scratch;
    DocumentActors document(date);
    std::vector<ActorMention> mentions;
    std::vector<std::string> out;
    for (const Sentence& sentence : segmentation.sentences) {
      mentions.clear();
      dictionary->FindInSentence(text, segmentation, sentence, scratch, document, mentions);
      for (const ActorMention& mention : mentions) {
        const uint32_t begin = segmentation.tokens[mention.first_token].begin;
        const uint32_t end = segmentation.tokens[mention.end_token - 1].end;
        std::string code = dictionary->actor(dictionary->ActorAt(mention, date)).code;
        if (mention.partner != kNoActor) code += "+" + dictionary->actor(mention.partner).code;
        out.push_back(code + "=" + text.substr(begin, end - begin));
      }
    }
    return out;
  }

  // The code `name` (a person's full name) has on `date`.
  static std::string CodeAt(const std::string& name, CivilDate date) {
    const auto found = FindInDocument(name + " spoke.", date);
    if (found.size() != 1) return "(" + std::to_string(found.size()) + " mentions)";
    return found[0].substr(0, found[0].find('='));
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

// --- Ambiguous names ---

TEST_F(ActorsTest, GeorgiaTheCountryAndTheUsState) {
  EXPECT_EQ(Find("Georgia and Russia fought a war."), (Strings{"GEO=Georgia", "RUS=Russia"}));
  EXPECT_EQ(Find("Voters in Atlanta, Georgia and the Georgia governor disagreed."), Strings{});
  EXPECT_EQ(Find("Tbilisi protested."), (Strings{"GEOGOV=Tbilisi"}));
}

TEST_F(ActorsTest, JordanAndChadAreAlsoPersonalNames) {
  EXPECT_EQ(Find("Jordan and Chad signed a deal."), (Strings{"JOR=Jordan", "TCD=Chad"}));
  EXPECT_EQ(Find("Michael Jordan met Chad Smith and Jordan Peterson."), Strings{});
  EXPECT_EQ(Find("The President of Chad met King Abdullah of Jordan."),
            (Strings{"TCDGOV=President of Chad", "JORGOV=King Abdullah of Jordan"}));
  EXPECT_EQ(Find("A hanging chad decided it."), Strings{});
}

TEST_F(ActorsTest, TurkeyTheStateNotTheBird) {
  EXPECT_EQ(Find("Greece condemned Turkey."), (Strings{"GRC=Greece", "TUR=Turkey"}));
  EXPECT_EQ(Find("They ate turkey and china was broken."), Strings{});
  EXPECT_EQ(Find("Türkiye and Turkish troops moved."),
            (Strings{"TUR=Türkiye", "TURMIL=Turkish troops"}));
}

TEST_F(ActorsTest, NigerIsNotNigeria) {
  EXPECT_EQ(Find("Niger recalled its envoy from Nigeria."), (Strings{"NER=Niger", "NGA=Nigeria"}));
  EXPECT_EQ(Find("Nigerien soldiers met Nigerian police."),
            (Strings{"NERMIL=Nigerien soldiers", "NGACOP=Nigerian police"}));
  EXPECT_EQ(Find("Niger Delta militants attacked."), (Strings{"NGAREB=Niger Delta militants"}));
}

TEST_F(ActorsTest, FourGuineas) {
  EXPECT_EQ(Find("Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea met."),
            (Strings{"GIN=Guinea", "GNB=Guinea-Bissau", "GNQ=Equatorial Guinea",
                     "PNG=Papua New Guinea"}));
  EXPECT_EQ(Find("A guinea pig swam in the Gulf of Guinea."), Strings{});
}

TEST_F(ActorsTest, TwoCongos) {
  EXPECT_EQ(Find("The Democratic Republic of the Congo accused the Republic of the Congo."),
            (Strings{"COD=Democratic Republic of the Congo", "COG=Republic of the Congo"}));
  EXPECT_EQ(
      Find("DR Congo, Congo-Brazzaville, Kinshasa and Brazzaville spoke."),
      (Strings{"COD=DR Congo", "COG=Congo-Brazzaville", "CODGOV=Kinshasa", "COGGOV=Brazzaville"}));
  // Plain "Congo" is the larger, more reported DRC, as in most news.
  EXPECT_EQ(Find("Congo accused Rwanda."), (Strings{"COD=Congo", "RWA=Rwanda"}));
}

TEST_F(ActorsTest, WashingtonThePlaceAndThePeople) {
  EXPECT_EQ(Find("Washington imposed sanctions."), (Strings{"USAGOV=Washington"}));
  EXPECT_EQ(Find("George Washington and Denzel Washington read the Washington Post."), Strings{});
}

TEST_F(ActorsTest, ChinaTaiwanAndTheRepublicOfChina) {
  EXPECT_EQ(Find("China, Taiwan, the Republic of China and the People's Republic of China."),
            (Strings{"CHN=China", "TWN=Taiwan", "TWN=Republic of China",
                     "CHN=People's Republic of China"}));
  EXPECT_EQ(Find("Beijing warned Taipei and Chinese Taipei."),
            (Strings{"CHNGOV=Beijing", "TWNGOV=Taipei", "TWN=Chinese Taipei"}));
}

// --- Metonyms, demonyms, organisations ---

TEST_F(ActorsTest, SeatsOfPowerSpeakForTheirGovernment) {
  EXPECT_EQ(Find("The White House, the State Department, the Pentagon, the Kremlin, Miraflores, "
                 "Downing Street, the Élysée and Zhongnanhai replied."),
            (Strings{"USAGOV=White House", "USAGOV=State Department", "USAMIL=Pentagon",
                     "RUSGOV=Kremlin", "VENGOV=Miraflores", "GBRGOV=Downing Street",
                     "FRAGOV=Élysée", "CHNGOV=Zhongnanhai"}));
  EXPECT_EQ(Find("Brussels and Caracas disagreed."), (Strings{"EUGOV=Brussels", "VENGOV=Caracas"}));
}

TEST_F(ActorsTest, ColloquialNamesAndDemonyms) {
  EXPECT_EQ(Find("Britain, the UK, America, the Vatican, South Korea and North Korea met."),
            (Strings{"GBR=Britain", "GBR=UK", "USA=America", "VAT=Vatican", "KOR=South Korea",
                     "PRK=North Korea"}));
  EXPECT_EQ(
      Find("Venezuelan, American, Chinese and Colombian diplomats met."),
      (Strings{"VEN=Venezuelan", "USA=American", "CHN=Chinese", "COLGOV=Colombian diplomats"}));
}

TEST_F(ActorsTest, OrganisationsInSeveralSpellings) {
  EXPECT_EQ(Find("The Union of South American Nations, Unasur, the Common Market of the South, the "
                 "Lima Group and BRICS met."),
            (Strings{"UNASUR=Union of South American Nations", "UNASUR=Unasur",
                     "MERCOSUR=Common Market of the South", "LIMAGRP=Lima Group", "BRICS=BRICS"}));
  EXPECT_EQ(
      Find("The Organisation of American States, the OEA and the UN Human Rights Council met."),
      (Strings{"OAS=Organisation of American States", "OAS=OEA", "UNHRC=UN Human Rights Council"}));
}

// --- Sectors from nouns and titles ---

TEST_F(ActorsTest, SectorsFromNounsAfterDemonyms) {
  EXPECT_EQ(
      Find("The Venezuelan opposition, Colombian rebels, the Brazilian Congress, the Peruvian "
           "police and Russian state media spoke."),
      (Strings{"VENOPP=Venezuelan opposition", "COLREB=Colombian rebels",
               "BRALEG=Brazilian Congress", "PERCOP=Peruvian police",
               "RUSMED=Russian state media"}));
  EXPECT_EQ(Find("Venezuela's Supreme Court and the National Assembly of Venezuela met."),
            (Strings{"VENJUD=Venezuela's Supreme Court", "VENLEG=National Assembly of Venezuela"}));
}

TEST_F(ActorsTest, StateCompaniesAreBusiness) {
  EXPECT_EQ(Find("PDVSA, Rosneft and Gazprom signed."),
            (Strings{"VENBUS=PDVSA", "RUSBUS=Rosneft", "RUSBUS=Gazprom"}));
}

TEST_F(ActorsTest, TitleWithAnUnknownNameIsAPersonOfThatSector) {
  EXPECT_EQ(
      Find("Colombian Foreign Minister Pedro Quintero met Peruvian Army Commander Luis Soto."),
      (Strings{"COLGOV=Colombian Foreign Minister Pedro Quintero",
               "PERMIL=Peruvian Army Commander Luis Soto"}));
  EXPECT_EQ(Find("The Venezuelan opposition leader Ana Ruiz met the Chilean canciller."),
            (Strings{"VENOPP=Venezuelan opposition leader Ana Ruiz", "CHLGOV=Chilean canciller"}));
}

TEST_F(ActorsTest, FormerOfficeHoldersAreElites) {
  EXPECT_EQ(Find("Former Peruvian President Tomás Quispe spoke."),
            (Strings{"PERELI=Peruvian President Tomás Quispe"}));
}

// --- People, by the event's date ---

TEST_F(ActorsTest, SameNameDifferentCodeInDifferentYears) {
  EXPECT_EQ(CodeAt("Iván Duque", {2021, 2, 1}), "COLGOV");
  EXPECT_EQ(CodeAt("Iván Duque", {2023, 2, 1}), "COLELI");
  EXPECT_EQ(CodeAt("Joe Biden", {2015, 6, 1}), "USAGOV");  // vice president
  EXPECT_EQ(CodeAt("Joe Biden", {2019, 6, 1}), "USAELI");  // between offices
  EXPECT_EQ(CodeAt("Joe Biden", {2022, 6, 1}), "USAGOV");  // president
  EXPECT_EQ(CodeAt("Jens Stoltenberg", {2020, 1, 1}), "NATO");
  EXPECT_EQ(CodeAt("Jens Stoltenberg", {2025, 6, 1}), "NORGOV");
  EXPECT_EQ(CodeAt("Juan Guaidó", {2020, 1, 1}), "VENOPP");
  EXPECT_EQ(CodeAt("Gustavo Petro", {2015, 1, 1}), "COL");  // before any office listed
}

TEST_F(ActorsTest, ForeignMinisterWhoBecomesPresident) {
  const ActorDictionary& dictionary = **dictionary_;
  const auto entries = dictionary.Lookup("Nicolas Maduro");
  ASSERT_EQ(entries.size(), 1u);
  const uint32_t maduro = entries[0].index;
  EXPECT_EQ(dictionary.RoleAt(maduro, {2010, 5, 1})->role, "foreign_minister");
  EXPECT_EQ(dictionary.RoleAt(maduro, {2019, 1, 23})->role, "head_of_state");
  EXPECT_EQ(dictionary.RoleAt(maduro, {2004, 1, 1}), nullptr);
  EXPECT_EQ(CodeAt("Nicolás Maduro", {2010, 5, 1}), "VENGOV");
  EXPECT_EQ(CodeAt("Nicolás Maduro", {2005, 5, 1}), "VENLEG");
}

TEST_F(ActorsTest, AccentsAreOptionalInNames) {
  EXPECT_EQ(FindInDocument("Nicolas Maduro met Nicolás Maduro and Ivan Duque.", {2019, 1, 1}),
            (Strings{"VENGOV=Nicolas Maduro", "VENGOV=Nicolás Maduro", "COLGOV=Ivan Duque"}));
}

TEST_F(ActorsTest, SurnameAloneOnlyOnceIntroduced) {
  EXPECT_EQ(FindInDocument("Ramírez spoke.", {2022, 2, 1}), Strings{});
  EXPECT_EQ(FindInDocument("Marta Lucía Ramírez met Luis Almagro. Ramírez spoke.", {2022, 2, 1}),
            (Strings{"COLGOV=Marta Lucía Ramírez", "OAS=Luis Almagro", "COLGOV=Ramírez"}));
  // A title says who is meant even before the full name.
  EXPECT_EQ(FindInDocument("President Duque met Secretary General Stoltenberg.", {2022, 2, 1}),
            (Strings{"COLGOV=President Duque", "NATO=Secretary General Stoltenberg"}));
}

TEST_F(ActorsTest, TitleAndKnownPersonAndTheirState) {
  EXPECT_EQ(FindInDocument("President Xi Jinping of China met President Nicolas Maduro of "
                           "Venezuela in Beijing.",
                           {2023, 9, 13}),
            (Strings{"CHNGOV=President Xi Jinping of China",
                     "VENGOV=President Nicolas Maduro of Venezuela", "CHNGOV=Beijing"}));
  EXPECT_EQ(FindInDocument("The Maduro government and Maduro's regime.", {2019, 1, 1}),
            (Strings{"VENGOV=Maduro government", "VENGOV=Maduro's regime"}));
}

// --- Within a document ---

TEST_F(ActorsTest, ThePresidentIsTheLastPresidentNamed) {
  EXPECT_EQ(FindInDocument("Gustavo Petro met Marco Rubio. The president said no.", {2025, 3, 1}),
            (Strings{"COLGOV=Gustavo Petro", "USAGOV=Marco Rubio", "COLGOV=president"}));
  // No president named: no guess.
  EXPECT_EQ(FindInDocument("The president said no.", {2025, 3, 1}), Strings{});
}

TEST_F(ActorsTest, ChancellorIsForeignMinisterInLatinAmericaHeadOfGovernmentInGermany) {
  EXPECT_EQ(
      FindInDocument("Marta Lucía Ramírez met Iván Duque. The chancellor said no.", {2022, 2, 1}),
      (Strings{"COLGOV=Marta Lucía Ramírez", "COLGOV=Iván Duque", "COLGOV=chancellor"}));
  EXPECT_EQ(FindInDocument("German Chancellor Olaf Scholz met Annalena Baerbock. The chancellor "
                           "left.",
                           {2023, 2, 1}),
            (Strings{"DEUGOV=German Chancellor Olaf Scholz", "DEUGOV=Annalena Baerbock",
                     "DEUGOV=chancellor"}));
  const auto last =
      FindInDocument("Olaf Scholz met Annalena Baerbock. The chancellor left.", {2023, 2, 1});
  ASSERT_EQ(last.size(), 3u);
}

TEST_F(ActorsTest, TheTwoCountriesAreTheLastPair) {
  EXPECT_EQ(FindInDocument("Venezuela broke off relations with the United States. The two "
                           "countries have not exchanged ambassadors.",
                           {2019, 1, 24}),
            (Strings{"VEN=Venezuela", "USA=United States", "VEN+USA=The two countries"}));
  EXPECT_EQ(FindInDocument("Both sides met.", {2019, 1, 24}), Strings{});
}

TEST_F(ActorsTest, TheCountryIsTheLastStateNamed) {
  EXPECT_EQ(FindInDocument("The envoy met Iván Duque. He promised the weapons "
                           "would not be used against the country.",
                           {2022, 2, 1}),
            (Strings{"COLGOV=Iván Duque", "COLGOV=He", "COL=the country"}));
}

TEST_F(ActorsTest, PronounsOnlyWhenOnePersonIsInSight) {
  EXPECT_EQ(FindInDocument("Yván Gil arrived. He met the press.", {2024, 1, 1}),
            (Strings{"VENGOV=Yván Gil", "VENGOV=He"}));
  EXPECT_EQ(FindInDocument("Yván Gil met Marco Rubio. He left.", {2025, 3, 1}),
            (Strings{"VENGOV=Yván Gil", "USAGOV=Marco Rubio"}));
}

// --- User dictionaries of people ---

TEST_F(ActorsTest, UserFileAddsAndOverridesPeople) {
  const std::string path = dyad::testing::TempPath("user_people.tsv");
  std::ofstream(path)
      << "# mine\n"
         "Ana Quintero\tQuintero\tPERGOV\tforeign_minister\t2026-10-01\t\tappointed\n"
         "Yván Gil\t-\tVENGOV\tforeign_minister\t2023-06\t2026-09-30\tleft office\n";
  auto loaded = ActorDictionary::Load(ActorOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {path}});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(FindInDocument("Quintero met Yván Gil.", {2026, 11, 1}, loaded->get()),
            (Strings{"PERGOV=Quintero", "VENELI=Yván Gil"}));
}

TEST_F(ActorsTest, BadPeopleLineNamesFileLineAndField) {
  const std::string path = dyad::testing::TempPath("bad_people.tsv");
  std::ofstream(path) << "Ana Quintero\t-\tPERGOV\tforeign_minster\t2026-10-01\t\tx\n";
  auto loaded = ActorDictionary::Load(ActorOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {path}});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message(),
            path + ":1: unknown role 'foreign_minster' (see the list at the top of people.tsv)");
  std::ofstream(path) << "Ana Quintero\t-\tPERGOV\tforeign_minister\t2026-13-01\t\tx\n";
  loaded = ActorDictionary::Load(ActorOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {path}});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message(),
            path + ":1: bad start date '2026-13-01' (YYYY-MM-DD, YYYY-MM or YYYY)");
}

TEST_F(ActorsTest, DescribeNameListsRolesAndTheCodeAtTheDate) {
  const std::string text = DescribeName(**dictionary_, "Duque", {2021, 2, 1});
  EXPECT_NE(text.find("COLGOV\tperson Iván Duque"), std::string::npos) << text;
  EXPECT_NE(text.find("   * 2018-08-07 .. 2022-08-07\tCOLGOV\thead_of_state"), std::string::npos)
      << text;
  EXPECT_EQ(DescribeName(**dictionary_, "Ruritania", {2021, 2, 1}),
            "'Ruritania': not in the dictionaries\n");
}

TEST_F(ActorsTest, StatsCountStatesOrganisationsPeopleAndRoles) {
  const ActorDictionary::Stats stats = (*dictionary_)->ComputeStats();
  EXPECT_GE(stats.states, 249u);  // every ISO 3166 entry of the installed iso-codes
  EXPECT_GE(stats.organizations, 30u);
  EXPECT_GE(stats.people, 100u);
  EXPECT_GE(stats.roles, stats.people);
}

// Every actor the seed articles name resolves to the right code at its date.
// The seeds live outside the repository; without them the test is skipped.
TEST_F(ActorsTest, SeedArticlesActors) {
  const std::filesystem::path seeds = std::filesystem::path(DYAD_SOURCE_DIR) / "../shared/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  struct Seed {
    const char* prefix;
    CivilDate date;
    std::vector<std::string> expected;  // "CODE=words" that must all be found
  };
  const std::vector<Seed> cases = {
      {"000_",
       {2019, 1, 24},
       {"VENGOV=Venezuelan President Maduro", "VENGOV=Venezuelan President Chavez",
        "MERCOSUR=MERCOSUR", "OAS=Organization of American States",
        "UNASUR=Union of South American Nations", "VENGOV=Venezuelan Foreign Minister"}},
      {"001_",
       {2019, 1, 24},
       {"VENGOV=Venezuelan President Maduro", "VENGOV=Venezuelan President Hugo Chvez",
        "MERCOSUR=MERCOSUR", "UNASUR=Union of South American States", "VENGOV=Caracas"}},
      {"002_",
       {2022, 3, 5},
       {"NATO=North Atlantic Treaty Organization", "COLGOV=President Iván Duque",
        "NATO=Jens Stoltenberg", "COLGOV=vice president Marta Lucía Ramírez",
        "RUSGOV=Nikolay Tavdumadze",
        "RUSGOV=Russian Deputy Prime Minister "
        "Yuri Borisov",
        "VENGOV=Miraflores presidential palace", "RUSGOV=Putin", "RUSGOV=Kremlin",
        "VENGOV=Nicolás Maduro", "RUSGOV=Borisov", "RUSGOV=Moscow"}},
      {"003_",
       {2022, 3, 5},
       {"USAGOV=Washington", "VENGOV=Caracas", "RUSGOV=President Vladimir Putin",
        "USAGOV=government of Joe Biden", "USAGOV=State Department", "USAGOV=White House"}},
      {"004_",
       {2023, 9, 13},
       {"CHNGOV=President Xi Jinping of China", "VENGOV=President Nicolas Maduro of Venezuela",
        "CHNGOV=China's foreign ministry spokesperson Mao Ning", "BRICS=BRICS", "CHNGOV=Beijing"}},
  };
  for (const Seed& seed : cases) {
    std::string text;
    for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
      if (entry.path().filename().string().rfind(seed.prefix, 0) == 0) {
        std::ifstream in(entry.path());
        std::stringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
      }
    }
    ASSERT_FALSE(text.empty()) << seed.prefix;
    const Strings found = FindInDocument(text, seed.date);
    for (const std::string& expected : seed.expected) {
      EXPECT_NE(std::find(found.begin(), found.end(), expected), found.end())
          << seed.prefix << ": " << expected;
    }
  }
}

}  // namespace
}  // namespace dyad
