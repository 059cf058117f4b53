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

  // The people who held `role` under `code` on `date`, in file order. On a
  // handover day both the outgoing and the incoming holder are listed: UNTIL
  // is an office's last day and FROM its first.
  static std::vector<std::string> Holders(const std::string& code, const std::string& role,
                                          CivilDate date) {
    const ActorDictionary& dictionary = **dictionary_;
    std::vector<std::string> out;
    for (uint32_t p = 0; p < dictionary.person_count(); ++p) {
      for (const PersonRole& held : dictionary.person(p).roles) {
        if (held.role == role && dictionary.actor(held.actor).code == code && held.from <= date &&
            date <= held.until) {
          out.push_back(dictionary.person(p).name);
          break;
        }
      }
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
  EXPECT_EQ(Find("Talks in Bogotá and BOGOTA ended."), (Strings{"COLGOV=Bogotá", "COLGOV=BOGOTA"}));
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
  EXPECT_EQ(Find("Venezuelan, American, Chinese and Colombian diplomats met."),
            (Strings{"VENGOV=Venezuelan", "USAGOV=American", "CHNGOV=Chinese",
                     "COLGOV=Colombian diplomats"}));
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

// --- Offices of the Americas and the G20, 2000 to late 2026 ---

TEST_F(ActorsTest, WhoHeldAnOfficeOnADay) {
  EXPECT_EQ(Holders("PERGOV", "head_of_government", {2009, 1, 1}), Strings{"Yehude Simon"});
  EXPECT_EQ(Holders("PERGOV", "head_of_government", {2023, 6, 1}), Strings{"Alberto Otárola"});
  EXPECT_EQ(Holders("PERGOV", "head_of_government", {2024, 3, 6}),
            (Strings{"Alberto Otárola", "Gustavo Adrianzén"}));  // handover day
  EXPECT_EQ(Holders("PERGOV", "foreign_minister", {2004, 6, 1}),
            Strings{"Manuel Rodríguez Cuadros"});
  EXPECT_EQ(Holders("BOLGOV", "head_of_state", {2000, 6, 1}), Strings{"Hugo Banzer"});
  EXPECT_EQ(Holders("BOLGOV", "foreign_minister", {2004, 6, 1}), Strings{"Juan Ignacio Siles"});
  EXPECT_EQ(Holders("PANGOV", "foreign_minister", {2010, 1, 1}), Strings{"Juan Carlos Varela"});
  EXPECT_EQ(Holders("CRIGOV", "foreign_minister", {2008, 1, 1}), Strings{"Bruno Stagno Ugarte"});
  EXPECT_EQ(Holders("GTMGOV", "foreign_minister", {2010, 1, 1}), Strings{"Haroldo Rodas"});
  EXPECT_EQ(Holders("SLVGOV", "foreign_minister", {2002, 1, 1}),
            Strings{"María Eugenia Brizuela de Ávila"});
  EXPECT_EQ(Holders("NICGOV", "foreign_minister", {2005, 1, 1}), Strings{"Norman Caldera"});
  EXPECT_EQ(Holders("JAMGOV", "foreign_minister", {2010, 1, 1}), Strings{"Kenneth Baugh"});
  EXPECT_EQ(Holders("GUYGOV", "foreign_minister", {2012, 1, 1}),
            Strings{"Carolyn Rodrigues-Birkett"});
  EXPECT_EQ(Holders("SURGOV", "foreign_minister", {2012, 1, 1}), Strings{"Winston Lackin"});
  EXPECT_EQ(Holders("HTIGOV", "head_of_government", {2013, 1, 1}), Strings{"Laurent Lamothe"});
  EXPECT_EQ(Holders("HTIGOV", "head_of_state", {2024, 12, 1}), Strings{"Leslie Voltaire"});
  EXPECT_EQ(Holders("TTOGOV", "head_of_state", {2020, 1, 1}), Strings{"Paula-Mae Weekes"});
  EXPECT_EQ(Holders("DMAGOV", "head_of_state", {2020, 1, 1}), Strings{"Charles Savarin"});
  EXPECT_EQ(Holders("KORGOV", "head_of_state", {2017, 4, 1}), Strings{"Hwang Kyo-ahn"});
  EXPECT_EQ(Holders("HNDGOV", "head_of_state", {2026, 6, 1}), Strings{"Nasry Asfura"});
  EXPECT_EQ(Holders("CHLGOV", "head_of_state", {2026, 6, 1}), Strings{"José Antonio Kast"});
}

TEST_F(ActorsTest, OrganisationHeadsOnADay) {
  EXPECT_EQ(Holders("UNHCR", "org_head", {2020, 1, 1}), Strings{"Filippo Grandi"});
  EXPECT_EQ(Holders("UNGA", "org_head", {2024, 1, 1}), Strings{"Dennis Francis"});
  EXPECT_EQ(Holders("ICJ", "org_head", {2024, 6, 1}), Strings{"Nawaf Salam"});
  EXPECT_EQ(Holders("IDB", "org_head", {2010, 1, 1}), Strings{"Luis Alberto Moreno"});
  EXPECT_EQ(Holders("ASEAN", "secretary_general", {2010, 1, 1}), Strings{"Surin Pitsuwan"});
  EXPECT_EQ(Holders("OAS", "secretary_general", {2005, 1, 1}), Strings{"Luigi Einaudi"});
  // One person, several offices: Venezuela's foreign minister, OPEC's
  // secretary general, UNASUR's secretary general.
  EXPECT_EQ(CodeAt("Alí Rodríguez Araque", {2001, 6, 1}), "OPEC");
  EXPECT_EQ(CodeAt("Alí Rodríguez Araque", {2005, 6, 1}), "VENGOV");
  EXPECT_EQ(CodeAt("Alí Rodríguez Araque", {2013, 6, 1}), "UNASUR");
  // Nawaf Salam left the court to lead Lebanon's government.
  EXPECT_EQ(CodeAt("Nawaf Salam", {2025, 6, 1}), "LBNGOV");
}

// Every state of the Americas and of the G20 has a head of state on 1 July of
// every year from 2000 (the British monarch for the Commonwealth realms).
TEST_F(ActorsTest, EveryStateOfTheAmericasAndTheG20HasAHeadOfState) {
  const std::vector<std::string> realms = {"ATG", "AUS", "BHS", "BLZ", "CAN", "GBR",
                                           "GRD", "JAM", "KNA", "LCA", "VCT"};
  const std::vector<std::string> monarchies = {"JPN", "SAU"};
  const std::vector<std::string> states = {
      "ARG", "BOL", "BRA", "BRB", "CHL", "CHN", "COL", "CRI", "CUB", "DEU", "DMA", "DOM",
      "ECU", "FRA", "GTM", "GUY", "HND", "HTI", "IDN", "IND", "ITA", "KOR", "MEX", "NIC",
      "PAN", "PER", "PRY", "RUS", "SLV", "SUR", "TTO", "TUR", "URY", "USA", "VEN", "ZAF"};
  for (int year = 2000; year <= 2026; ++year) {
    const CivilDate date{year, 7, 1};
    for (const std::string& state : realms) {
      EXPECT_EQ(Holders("GBRGOV", "monarch", date).size(), 1u) << state << " " << year;
    }
    for (const std::string& state : monarchies) {
      EXPECT_EQ(Holders(state + "GOV", "monarch", date).size(), 1u) << state << " " << year;
    }
    for (const std::string& state : states) {
      // Haiti had no president from Moïse's assassination (2021-07-07) to the
      // Transitional Presidential Council (2024), nor after the council's
      // mandate ended (2026-02-07); Barbados had the monarch until 2021-11-30.
      if (state == "HTI" && (year == 2022 || year == 2023 || year == 2026)) continue;
      if (state == "BRB" && year <= 2021) continue;
      EXPECT_FALSE(Holders(state + "GOV", "head_of_state", date).empty()) << state << " " << year;
    }
  }
}

TEST_F(ActorsTest, CaribbeanForeignMinisterBeforeDuringAndAfterOffice) {
  // Amery Browne, Trinidad and Tobago's foreign minister 2020-08-19 .. 2025-05-01.
  EXPECT_EQ(CodeAt("Amery Browne", {2019, 6, 1}), "TTO");
  EXPECT_EQ(CodeAt("Amery Browne", {2020, 8, 19}), "TTOGOV");
  EXPECT_EQ(CodeAt("Amery Browne", {2025, 5, 1}), "TTOGOV");
  EXPECT_EQ(CodeAt("Amery Browne", {2025, 5, 2}), "TTOELI");
  EXPECT_EQ(Holders("TTOGOV", "foreign_minister", {2025, 8, 1}), Strings{"Sean Sobers"});
  // Fred Mitchell, the Bahamas: three spells at the foreign ministry.
  EXPECT_EQ(CodeAt("Fred Mitchell", {2005, 1, 1}), "BHSGOV");
  EXPECT_EQ(CodeAt("Fred Mitchell", {2010, 1, 1}), "BHSELI");
  EXPECT_EQ(CodeAt("Fred Mitchell", {2015, 1, 1}), "BHSGOV");
  EXPECT_EQ(CodeAt("Fred Mitchell", {2019, 1, 1}), "BHSELI");
  EXPECT_EQ(CodeAt("Fred Mitchell", {2026, 11, 1}), "BHSGOV");
}

TEST_F(ActorsTest, DominicaForeignMinisterBeforeDuringAndAfterOffice) {
  // Kenneth Darroux, Dominica's foreign minister 2019-12-17 .. 2022-12-13.
  EXPECT_EQ(CodeAt("Kenneth Darroux", {2019, 6, 1}), "DMA");
  EXPECT_EQ(CodeAt("Kenneth Darroux", {2019, 12, 17}), "DMAGOV");
  EXPECT_EQ(CodeAt("Kenneth Darroux", {2022, 12, 13}), "DMAGOV");
  EXPECT_EQ(CodeAt("Kenneth Darroux", {2022, 12, 14}), "DMAELI");
  EXPECT_EQ(Holders("DMAGOV", "foreign_minister", {2017, 1, 1}), Strings{"Francine Baron"});
  EXPECT_EQ(Holders("DMAGOV", "foreign_minister", {2024, 1, 1}), Strings{"Vince Henderson"});
}

TEST_F(ActorsTest, HonduranForeignMinisterWithTwoSpellsTwelveYearsApart) {
  // Mireya Agüero: 2013-05? .. 2014-11?, and again from 2026-01-27 under Asfura.
  EXPECT_EQ(CodeAt("Mireya Agüero", {2012, 1, 1}), "HND");
  EXPECT_EQ(CodeAt("Mireya Agüero", {2014, 1, 1}), "HNDGOV");
  EXPECT_EQ(CodeAt("Mireya Agüero", {2020, 1, 1}), "HNDELI");
  EXPECT_EQ(CodeAt("Mireya Agüero", {2026, 3, 1}), "HNDGOV");
  EXPECT_EQ(Holders("HNDGOV", "foreign_minister", {2012, 6, 1}), Strings{"Arturo Corrales"});
  EXPECT_EQ(Holders("HNDGOV", "foreign_minister", {2015, 6, 1}), Strings{"Arturo Corrales"});
}

TEST_F(ActorsTest, WindwardIslandsForeignMinistersByDate) {
  // Keisal Peters, St Vincent and the Grenadines: 2022-08-26 .. 2024-07?.
  EXPECT_EQ(CodeAt("Keisal Peters", {2022, 8, 25}), "VCT");
  EXPECT_EQ(CodeAt("Keisal Peters", {2022, 8, 26}), "VCTGOV");
  EXPECT_EQ(CodeAt("Keisal Peters", {2025, 1, 1}), "VCTELI");
  EXPECT_EQ(Holders("VCTGOV", "foreign_minister", {2014, 1, 1}), Strings{"Camillo Gonsalves"});
  // Grenada: Nickolas Steele until the reshuffle of 2014-12-01, then Clarice
  // Modeste-Curwen.
  EXPECT_EQ(Holders("GRDGOV", "foreign_minister", {2014, 6, 1}), Strings{"Nickolas Steele"});
  EXPECT_EQ(Holders("GRDGOV", "foreign_minister", {2015, 6, 1}), Strings{"Clarice Modeste-Curwen"});
}

TEST_F(ActorsTest, PeruvianPrimeMinisterByNameTitleAndDate) {
  EXPECT_EQ(FindInDocument("Peruvian Prime Minister Alberto Otárola met Luis Arce. The prime "
                           "minister left.",
                           {2023, 6, 1}),
            (Strings{"PERGOV=Peruvian Prime Minister Alberto Otárola", "BOLGOV=Luis Arce",
                     "PERGOV=prime minister"}));
  // Pedro Cateriano led the Council of Ministers twice.
  EXPECT_EQ(CodeAt("Pedro Cateriano", {2014, 1, 1}), "PER");
  EXPECT_EQ(CodeAt("Pedro Cateriano", {2016, 1, 1}), "PERGOV");
  EXPECT_EQ(CodeAt("Pedro Cateriano", {2018, 1, 1}), "PERELI");
  EXPECT_EQ(CodeAt("Pedro Cateriano", {2020, 7, 20}), "PERGOV");
  EXPECT_EQ(CodeAt("Pedro Cateriano", {2021, 1, 1}), "PERELI");
  // Kuczynski: prime minister under Toledo, later president.
  const ActorDictionary& dictionary = **dictionary_;
  const auto entries = dictionary.Lookup("Pedro Pablo Kuczynski");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(dictionary.RoleAt(entries[0].index, {2006, 1, 1})->role, "head_of_government");
  EXPECT_EQ(dictionary.RoleAt(entries[0].index, {2017, 1, 1})->role, "head_of_state");
}

TEST_F(ActorsTest, ApproximateMonthAndYearDatesCoverTheWholePeriod) {
  // Jerome Walcott left Barbados's foreign ministry in "2022-01?" (its last
  // day counts); Kerrie Symmonds came in that month (its first day counts).
  EXPECT_EQ(CodeAt("Jerome Walcott", {2022, 1, 31}), "BRBGOV");
  EXPECT_EQ(CodeAt("Jerome Walcott", {2022, 2, 1}), "BRBELI");
  EXPECT_EQ(CodeAt("Kerrie Symmonds", {2021, 12, 31}), "BRB");
  EXPECT_EQ(CodeAt("Kerrie Symmonds", {2022, 1, 1}), "BRBGOV");
  // Timothy Harris: foreign minister "2001?" .. "2008?", then prime minister.
  EXPECT_EQ(CodeAt("Timothy Harris", {2000, 12, 31}), "KNA");
  EXPECT_EQ(CodeAt("Timothy Harris", {2001, 1, 1}), "KNAGOV");
  EXPECT_EQ(CodeAt("Timothy Harris", {2008, 12, 31}), "KNAGOV");
  EXPECT_EQ(CodeAt("Timothy Harris", {2009, 1, 1}), "KNAELI");
  EXPECT_EQ(CodeAt("Timothy Harris", {2016, 1, 1}), "KNAGOV");
  const ActorDictionary& dictionary = **dictionary_;
  const auto entries = dictionary.Lookup("Timothy Harris");
  ASSERT_EQ(entries.size(), 1u);
  const PersonRole* minister = dictionary.RoleAt(entries[0].index, {2005, 1, 1});
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->role, "foreign_minister");
  EXPECT_TRUE(minister->until_uncertain);
  EXPECT_FALSE(dictionary.RoleAt(entries[0].index, {2016, 1, 1})->until_uncertain);
}

TEST_F(ActorsTest, TermsThatEndedIn2026) {
  // Maduro was seized on 2026-01-03; Delcy Rodríguez became acting president.
  EXPECT_EQ(CodeAt("Nicolás Maduro", {2026, 1, 2}), "VENGOV");
  EXPECT_EQ(CodeAt("Nicolás Maduro", {2026, 2, 1}), "VENELI");
  EXPECT_EQ(FindInDocument("Delcy Rodríguez met Marco Rubio. The president said no.", {2026, 3, 1}),
            (Strings{"VENGOV=Delcy Rodríguez", "USAGOV=Marco Rubio", "VENGOV=president"}));
  // Fixed terms end on their day even when the successor is not listed.
  EXPECT_EQ(CodeAt("Gustavo Petro", {2026, 8, 7}), "COLGOV");
  EXPECT_EQ(CodeAt("Gustavo Petro", {2026, 8, 8}), "COLELI");
  EXPECT_EQ(CodeAt("Xiomara Castro", {2026, 3, 1}), "HNDELI");
  EXPECT_EQ(CodeAt("Gabriel Boric", {2026, 3, 12}), "CHLELI");
  // Peru's Congress removed José Jerí on 2026-02-17; Balcázar took over the next day.
  EXPECT_EQ(CodeAt("José Jerí", {2026, 2, 17}), "PERGOV");
  EXPECT_EQ(CodeAt("José Jerí", {2026, 3, 1}), "PERELI");
  EXPECT_EQ(Holders("PERGOV", "head_of_state", {2026, 3, 1}), Strings{"José María Balcázar"});
}

// Kosovo is not in ISO 3166; XKX is the user-assigned code in common use
// (EU, IMF, World Bank), declared by countries.tsv.
TEST_F(ActorsTest, KosovoUnderItsUserAssignedCode) {
  const Actor* kosovo = (*dictionary_)->FindCode("XKX");
  ASSERT_NE(kosovo, nullptr);
  EXPECT_EQ(kosovo->country, "XKX");
  EXPECT_EQ(kosovo->name, "Kosovo");
  EXPECT_EQ(Find("Kosovo and Serbia met in Pristina."),
            (Strings{"XKX=Kosovo", "SRB=Serbia", "XKXGOV=Pristina"}));
  EXPECT_EQ(Find("Kosovar officials spoke."), (Strings{"XKXGOV=Kosovar officials"}));
}

TEST_F(ActorsTest, APossessiveWithoutApostrophe) {
  EXPECT_EQ(Find("Brazil suspended Venezuelas membership."),
            (Strings{"BRA=Brazil", "VEN=Venezuelas"}));
  // Plurals, and names that end in s anyway, are left alone.
  EXPECT_EQ(Find("Leaders of the Americas met."), Strings{});
  EXPECT_EQ(Find("The two Koreas met."), Strings{});
  EXPECT_EQ(Find("Venezuelas."), Strings{});
  EXPECT_EQ(Find("Honduras signed."), (Strings{"HND=Honduras"}));
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

// The lowercase part after a hyphen in a name is no surname: "in" of "Moon
// Jae-in" does not name him wherever the word "in" stands.
TEST_F(ActorsTest, LowercaseNamePartIsNoSurname) {
  EXPECT_EQ(FindInDocument("Moon Jae-in met Abe. Talks in Seoul went on.", {2019, 1, 1}),
            (Strings{"KORGOV=Moon Jae-in", "KORGOV=Seoul"}));
}

// A DocumentActors reset for another document (the pipeline keeps one per
// thread) has forgotten the people and states of the one before.
TEST_F(ActorsTest, ResetForgetsThePreviousDocument) {
  const ActorDictionary& dictionary = **dictionary_;
  auto codes = [&](const std::string& text, DocumentActors& document) {
    const Segmentation segmentation = Segment(text);
    ActorScratch scratch;
    std::vector<ActorMention> mentions;
    for (const Sentence& sentence : segmentation.sentences) {
      dictionary.FindInSentence(text, segmentation, sentence, scratch, document, mentions);
    }
    Strings out;
    for (const ActorMention& mention : mentions) {
      out.push_back(dictionary.actor(dictionary.ActorAt(mention, document.report_date())).code);
    }
    return out;
  };
  DocumentActors document({2022, 2, 1});
  EXPECT_EQ(
      codes("Marta Lucía Ramírez met Luis Almagro. Ramírez spoke. The country said.", document),
      (Strings{"COLGOV", "OAS", "COLGOV", "COL"}));
  document.Reset({2022, 2, 1});
  EXPECT_EQ(codes("Ramírez spoke. The country said.", document), Strings{});
  EXPECT_EQ(document.report_date(), (CivilDate{2022, 2, 1}));
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
  // "the two countries" are states and "the two governments" governments,
  // whatever sectors the pair was named with; "both sides" is the pair.
  EXPECT_EQ(FindInDocument("Thai and Cambodian troops clashed. Both countries agreed. Both "
                           "governments agreed. Both sides agreed.",
                           {2019, 1, 24}),
            (Strings{"THAMIL=Thai", "KHMMIL=Cambodian troops", "THA+KHM=Both countries",
                     "THAGOV+KHMGOV=Both governments", "THAMIL+KHMMIL=Both sides"}));
}

TEST_F(ActorsTest, TheCountryIsTheLastStateNamed) {
  EXPECT_EQ(FindInDocument("The envoy met Iván Duque. He promised the weapons "
                           "would not be used against the country.",
                           {2022, 2, 1}),
            (Strings{"COLGOV=Iván Duque", "COLGOV=He", "COL=the country"}));
}

TEST_F(ActorsTest, ASectorNounWrittenOnceBelongsToTheWholeList) {
  EXPECT_EQ(Find("Thai and Cambodian troops exchanged fire."),
            (Strings{"THAMIL=Thai", "KHMMIL=Cambodian troops"}));
  EXPECT_EQ(Find("The presidents of Kenya and Tanzania met."),
            (Strings{"KENGOV=presidents of Kenya", "TZAGOV=Tanzania"}));
  EXPECT_EQ(Find("Envoys from Armenia, Georgia and Azerbaijan met."),
            (Strings{"ARMGOV=Envoys from Armenia", "GEOGOV=Georgia", "AZEGOV=Azerbaijan"}));
  // A singular noun names one actor; a list member with its own sector
  // keeps it; a capital is no sector noun.
  EXPECT_EQ(Find("The president of Kenya and Tanzania met."),
            (Strings{"KENGOV=president of Kenya", "TZA=Tanzania"}));
  EXPECT_EQ(Find("Kenya and Tanzania's army met."),
            (Strings{"KEN=Kenya", "TZAMIL=Tanzania's army"}));
  EXPECT_EQ(Find("Kenya and Nairobi met."), (Strings{"KEN=Kenya", "KENGOV=Nairobi"}));
  // "an envoy from Armenia" may be anyone's envoy.
  EXPECT_EQ(Find("An envoy from Armenia met."), (Strings{"ARM=Armenia"}));
  // Owned envoys come from elsewhere: France's, withdrawn from Niger.
  EXPECT_EQ(Find("France withdrew its diplomats from Niger."),
            (Strings{"FRA=France", "NER=Niger"}));
}

TEST_F(ActorsTest, TheGovernmentAloneIsTheContextsCountry) {
  // A country's own group earlier in the sentence says whose.
  EXPECT_EQ(Find("Bolivian lawmakers called on the government to act."),
            (Strings{"BOLLEG=Bolivian lawmakers", "BOLGOV=government"}));
  EXPECT_EQ(Find("Kenyan protesters stormed the parliament."),
            (Strings{"KENCVL=Kenyan protesters", "KENLEG=parliament"}));
  // Else the one state the document has named, unless the sentence names
  // it whole: "Spain urged the government" is another country's.
  EXPECT_EQ(
      FindInDocument("Peru is in crisis. The opposition accused the government.", {2024, 1, 1}),
      (Strings{"PER=Peru", "PEROPP=opposition", "PERGOV=government"}));
  EXPECT_EQ(Find("Spain urged the government to act."), (Strings{"ESP=Spain"}));
  EXPECT_EQ(FindInDocument("Peru met Chile. The government spoke.", {2024, 1, 1}),
            (Strings{"PER=Peru", "CHL=Chile"}));
  // A country's opposition is its own, even right after the state.
  EXPECT_EQ(Find("Belarus freed jailed opposition activists."),
            (Strings{"BLR=Belarus", "BLROPP=opposition activists"}));
  // A state's people, named by its plural demonym, are one of its groups.
  EXPECT_EQ(Find("Thousands of Kenyans marched against the government."),
            (Strings{"KEN=Kenyans", "KENGOV=government"}));
  // Groups that any country may have are not resolved this way.
  EXPECT_EQ(FindInDocument("Peru is in crisis. The officials left.", {2024, 1, 1}),
            (Strings{"PER=Peru"}));
}

// A name shared by two people: the one in office, else the one the name is
// given to outright ("Maduro" is Nicolás Maduro's alias, only Ricardo
// Maduro's surname).
TEST_F(ActorsTest, SharedSurnameGoesToTheOfficeHolderThenTheAlias) {
  EXPECT_EQ(FindInDocument("Honduras elected President Maduro.", {2004, 6, 1}),
            (Strings{"HND=Honduras", "HNDGOV=President Maduro"}));
  EXPECT_EQ(FindInDocument("Peru refused to recognise President Maduro.", {2026, 6, 1}),
            (Strings{"PER=Peru", "VENELI=President Maduro"}));
}

TEST_F(ActorsTest, AnAliasAfterAnUnknownGivenNameIsSomeoneElse) {
  EXPECT_EQ(Find("Guatemala's foreign minister, Rosa Elena Chávez, spoke."),
            (Strings{"GTMGOV=Guatemala's foreign minister"}));
  // Opening the sentence, a capitalised word proves nothing.
  EXPECT_EQ(FindInDocument("When Chávez spoke, Cuba listened.", {2005, 6, 1}),
            (Strings{"VENGOV=Chávez", "CUB=Cuba"}));
}

TEST_F(ActorsTest, AStatesOwnNamedBodyIsOneActor) {
  EXPECT_EQ(Find("Canada sanctioned Iran's Revolutionary Guards."),
            (Strings{"CAN=Canada", "IRNMIL=Iran's Revolutionary Guards"}));
  EXPECT_EQ(Find("Iranian Revolutionary Guards seized a tanker."),
            (Strings{"IRNMIL=Iranian Revolutionary Guards"}));
}

TEST_F(ActorsTest, AGroupsMembersNamedByASectorNounAreTheGroup) {
  EXPECT_EQ(Find("Houthi forces seized a ship."), (Strings{"YEMREB=Houthi forces"}));
}

TEST_F(ActorsTest, TheGovernmentInACapitalIsThatStates) {
  EXPECT_EQ(Find("Envoys met the military government in Niamey."),
            (Strings{"NERGOV=military government in Niamey"}));
  EXPECT_EQ(Find("Ecuador handed him to the authorities in Bogota."),
            (Strings{"ECU=Ecuador", "COLGOV=authorities in Bogota"}));
  EXPECT_EQ(Find("Officials in Tallinn spoke."), (Strings{"ESTGOV=Officials in Tallinn"}));
  // Not a group that merely meets there, nor a city that is no seat.
  EXPECT_EQ(Find("The opposition in Mexico City spoke."), (Strings{"MEXGOV=Mexico City"}));
  EXPECT_EQ(Find("The authorities in Texas spoke."), (Strings{}));
}

TEST_F(ActorsTest, AQualifierMayStandBeforeTheSectorNoun) {
  EXPECT_EQ(Find("Police arrested Uganda's main opposition leader."),
            (Strings{"UGAOPP=Uganda's main opposition leader"}));
  // Only before a sector noun: "Uganda's main road" is Uganda's.
  EXPECT_EQ(Find("Rebels blocked Uganda's main road."), (Strings{"UGA=Uganda"}));
  // A proper adjective dyad does not know qualifies the noun as well.
  EXPECT_EQ(Find("Troops attacked Myanmar's Rohingya civilians."),
            (Strings{"MMRCVL=Myanmar's Rohingya civilians"}));
  EXPECT_EQ(Find("Myanmar's Rohingya fled."), (Strings{"MMR=Myanmar"}));
}

TEST_F(ActorsTest, HisGovernmentIsTheOwnersState) {
  // "his" and "her" point at a person or an office-holder, "its" and
  // "their" at a state or a group.
  EXPECT_EQ(Find("Ecuador's president said his government would sign."),
            (Strings{"ECUGOV=Ecuador's president", "ECUGOV=government"}));
  EXPECT_EQ(Find("India did not invite Pakistan's prime minister, but its foreign minister came."),
            (Strings{"IND=India", "PAKGOV=Pakistan's prime minister", "INDGOV=foreign minister"}));
  EXPECT_EQ(Find("Azerbaijan's president said his country was ready."),
            (Strings{"AZEGOV=Azerbaijan's president", "AZE=his country"}));
  // Nouns that verb patterns read after a possessive stay words.
  EXPECT_EQ(Find("Peru recalled its ambassador and withdrew its troops."), (Strings{"PER=Peru"}));
  // "whose" is the actor just named.
  EXPECT_EQ(Find("Morocco, whose king met Peru, spoke."),
            (Strings{"MAR=Morocco", "MARGOV=king", "PER=Peru"}));
}

TEST_F(ActorsTest, ItOpeningASentenceIsTheLastSentencesSingleSubject) {
  EXPECT_EQ(FindInDocument("Venezuela broke off relations with Colombia. It expelled the envoy.",
                           {2024, 1, 1}),
            (Strings{"VEN=Venezuela", "COL=Colombia", "VEN=It"}));
  // Not after a list, not an expletive "It is", "It would be".
  EXPECT_EQ(FindInDocument("Peru and Chile met. It expelled the envoy.", {2024, 1, 1}),
            (Strings{"PER=Peru", "CHL=Chile"}));
  EXPECT_EQ(FindInDocument("Peru met Chile. It was a good meeting.", {2024, 1, 1}),
            (Strings{"PER=Peru", "CHL=Chile"}));
  EXPECT_EQ(FindInDocument("Peru met Chile. It would be a mistake to leave.", {2024, 1, 1}),
            (Strings{"PER=Peru", "CHL=Chile"}));
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
  // The news writes "the Kremlin"; so may the user asking.
  EXPECT_EQ(DescribeName(**dictionary_, "the Kremlin", {2021, 2, 1}),
            "'the Kremlin' on 2021-02-01:\n  RUSGOV\tstate Russian Federation, sector GOV\n");
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
        "USAGOV=government of Joe Biden", "USAGOV=officials from the State Department",
        "USAGOV=White House"}},
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

// Gaps in the office-holder file filled in November 2026.
TEST_F(ActorsTest, OfficeHolderGapsFilledIn2026) {
  // Colombia: De la Espriella won the June 2026 runoff and took office on 2026-08-07.
  EXPECT_EQ(CodeAt("Abelardo de la Espriella", {2026, 7, 1}), "COL");
  EXPECT_EQ(CodeAt("Abelardo de la Espriella", {2026, 9, 1}), "COLGOV");
  EXPECT_EQ(Holders("COLGOV", "head_of_state", {2026, 9, 1}), Strings{"Abelardo de la Espriella"});
  // Suriname: Mathoera acted as foreign minister between Ramdin and the new government.
  EXPECT_EQ(Holders("SURGOV", "foreign_minister", {2025, 6, 15}),
            Strings{"Krishnakoemarie Mathoera"});
  EXPECT_EQ(Holders("SURGOV", "foreign_minister", {2000, 6, 13}), Strings{"Errol Snijders"});
  // Grenada: Tillman Thomas took foreign affairs himself after Karl Hood resigned.
  EXPECT_EQ(Holders("GRDGOV", "foreign_minister", {2012, 3, 1}), Strings{"Karl Hood"});
  EXPECT_EQ(Holders("GRDGOV", "foreign_minister", {2012, 9, 1}), Strings{"Tillman Thomas"});
  EXPECT_EQ(CodeAt("Karl Hood", {2012, 9, 1}), "GRDELI");
  // Saint Lucia: King held external affairs between Bousquet's two spells.
  EXPECT_EQ(Holders("LCAGOV", "foreign_minister", {2008, 6, 1}), Strings{"Stephenson King"});
  EXPECT_EQ(Holders("LCAGOV", "foreign_minister", {2010, 6, 1}), Strings{"Rufus Bousquet"});
  // Saint Vincent and the Grenadines under James Mitchell.
  EXPECT_EQ(Holders("VCTGOV", "foreign_minister", {2000, 3, 1}), Strings{"Allan Cruickshank"});
}

}  // namespace
}  // namespace dyad
