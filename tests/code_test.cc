#include "code/code.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "code/inflection.h"

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
  EXPECT_EQ(VerbForms("eye"), (Strings{"eye", "eyed", "eyeing", "eyes"}));
  // British and American spellings of a final "l" after one vowel.
  EXPECT_EQ(VerbForms("travel"),
            (Strings{"travel", "traveled", "traveling", "travelled", "travelling", "travels"}));
  EXPECT_EQ(VerbForms("cancel"),
            (Strings{"cancel", "canceled", "canceling", "cancelled", "cancelling", "cancels"}));
  EXPECT_EQ(VerbForms("reveal"), (Strings{"reveal", "revealed", "revealing", "reveals"}));
}

TEST(VerbForms, IrregularVerbs) {
  EXPECT_EQ(VerbForms("break", "broke", "broken"),
            (Strings{"break", "breaking", "breaks", "broke", "broken"}));
  EXPECT_EQ(VerbForms("meet", "met", "met"), (Strings{"meet", "meeting", "meets", "met"}));
  EXPECT_EQ(VerbForms("seek", "sought", "sought"), (Strings{"seek", "seeking", "seeks", "sought"}));
  EXPECT_EQ(VerbForms("be"), (Strings{"am", "are", "be", "been", "being", "is", "was", "were"}));
  // A doubled consonant in the past doubles in the -ing form.
  EXPECT_EQ(VerbForms("expel", "expelled", "expelled"),
            (Strings{"expel", "expelled", "expelling", "expels"}));
}

TEST(EventCoder, LoadsTheShippedPatterns) {
  CoderOptions options;
  options.data_dir = DYAD_DATA_DIR;
  auto coder = EventCoder::Load(options);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  EXPECT_GE((*coder)->pattern_count(), 90u);
}

std::set<std::string> CodesIn(const std::string& path) {
  std::ifstream in(path);
  std::set<std::string> codes;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    codes.insert(line.substr(0, line.find('\t')));
  }
  return codes;
}

// The promise: every three- and four-digit CAMEO code has at least
// one verb or noun pattern.
TEST(EventCoder, EveryCameoCodeHasAPattern) {
  const std::string data = DYAD_DATA_DIR;
  std::set<std::string> patterns = CodesIn(data + "/verbs.tsv");
  for (const std::string& code : CodesIn(data + "/nouns.tsv")) patterns.insert(code);
  int checked = 0;
  for (const std::string& code : CodesIn(data + "/cameo.tsv")) {
    if (code.size() < 3) continue;
    ++checked;
    EXPECT_TRUE(patterns.count(code)) << "no pattern in verbs.tsv or nouns.tsv codes " << code;
  }
  EXPECT_EQ(checked, 296);
}

TEST(EventCoder, MoodsGiveTheParallelCodes) {
  CoderOptions options;
  options.data_dir = DYAD_DATA_DIR;
  auto loaded = EventCoder::Load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const EventCoder& coder = **loaded;
  auto derived_code = [&](std::string_view text, EventCoder::Mood mood) -> std::string {
    for (uint32_t i = 0; i < coder.pattern_count(); ++i) {
      if (coder.pattern(i).kind != PatternKind::kVerb || coder.pattern(i).text != text) continue;
      const int32_t derived = coder.Derived(i, mood);
      return derived < 0 ? "-" : coder.pattern(static_cast<uint32_t>(derived)).code;
    }
    return "no such pattern";
  };
  EXPECT_EQ(derived_code("visit", EventCoder::kIntent), "036");
  EXPECT_EQ(derived_code("visit", EventCoder::kRefuse), "125");
  EXPECT_EQ(derived_code("lift sanctions on|against", EventCoder::kAppeal), "0254");
  EXPECT_EQ(derived_code("impose sanctions on|against", EventCoder::kThreaten), "1312");
  EXPECT_EQ(derived_code("invade", EventCoder::kThreaten), "1384");
  // CAMEO has no "intent to attack": a plan to invade is not coded.
  EXPECT_EQ(derived_code("invade", EventCoder::kIntent), "-");
  // An act already of the mood's kind keeps its code.
  EXPECT_EQ(derived_code("accept mediation by|from", EventCoder::kIntent), "038");
}

// Codes `text` as one sentence whose actors are the given words (each one
// token, actor ids 1, 2, ...): "CODE SOURCE-WORD TARGET-WORD" per event.
std::vector<std::string> CodeWithActors(const EventCoder& coder, const std::string& text,
                                        const std::vector<std::string>& actor_words) {
  const Segmentation segmentation = Segment(text);
  std::vector<ActorMention> mentions;
  for (uint32_t t = 0; t < segmentation.tokens.size(); ++t) {
    const Token& token = segmentation.tokens[t];
    const std::string word = text.substr(token.begin, token.end - token.begin);
    for (size_t a = 0; a < actor_words.size(); ++a) {
      if (word == actor_words[a]) {
        ActorMention mention;
        mention.first_token = t;
        mention.end_token = t + 1;
        mention.actor = static_cast<uint32_t>(a + 1);
        mentions.push_back(mention);
      }
    }
  }
  CoderScratch scratch;
  std::vector<CodedEvent> events;
  for (const Sentence& sentence : segmentation.sentences) {
    coder.CodeSentence(text, segmentation, sentence, mentions, scratch, events);
  }
  std::vector<std::string> out;
  for (const CodedEvent& event : events) {
    out.push_back(coder.pattern(event.pattern).code + " " +
                  actor_words[mentions[event.source].actor - 1] + " " +
                  actor_words[mentions[event.target].actor - 1]);
  }
  return out;
}

// "Venezuelas membership" (a translation without the apostrophe) and
// "Honduras' mediation" continue a pattern's "'s", and the slots after it
// still find their actors. The actors stage decides what "Venezuelas" names.
TEST(EventCoder, PossessiveWithoutApostrophe) {
  CoderOptions options;
  options.data_dir = DYAD_DATA_DIR;
  auto loaded = EventCoder::Load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const EventCoder& coder = **loaded;
  EXPECT_EQ(CodeWithActors(coder, "Peru accepted Venezuelas mediation.", {"Peru", "Venezuelas"}),
            (Strings{"038 Peru Venezuelas"}));
  EXPECT_EQ(CodeWithActors(coder, "Peru accepted Honduras' mediation.", {"Peru", "Honduras"}),
            (Strings{"038 Peru Honduras"}));
  EXPECT_EQ(CodeWithActors(coder, "Peru accepted Honduras mediation.", {"Peru", "Honduras"}),
            (Strings{"038 Peru Honduras"}));
  EXPECT_EQ(CodeWithActors(coder, "Venezuelas support for Cuba in 2019 was strong.",
                           {"Venezuelas", "Cuba"}),
            (Strings{"051 Venezuelas Cuba"}));
  // A name not ending in "s" does not drop the apostrophe.
  EXPECT_EQ(CodeWithActors(coder, "Peru accepted Chile mediation.", {"Peru", "Chile"}), Strings{});
}

// Writes a data directory `name` of the coder's six dictionaries, each
// empty unless `files` gives its content, and loads it.
StatusOr<std::shared_ptr<const EventCoder>> LoadDataDirectory(
    const std::string& name, const std::map<std::string, std::string>& files,
    std::string* dir_out = nullptr) {
  const std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::create_directories(dir);
  for (const char* file : {"irregular_verbs.tsv", "word_classes.tsv", "nominals.tsv", "verbs.tsv",
                           "nouns.tsv", "moods.tsv"}) {
    const auto given = files.find(file);
    std::ofstream(dir + "/" + file) << (given == files.end() ? "" : given->second);
  }
  if (dir_out != nullptr) *dir_out = dir;
  CoderOptions options;
  options.data_dir = dir;
  return EventCoder::Load(options);
}

TEST(EventCoder, BadPatternNamesFileAndLine) {
  std::string dir;
  auto coder =
      LoadDataDirectory("coder_bad_patterns",
                        {{"irregular_verbs.tsv", "break\tbroke\tbroken\n"},
                         {"verbs.tsv", "# comment\n161\tbreak ties with\n057\t* agreement\n"}},
                        &dir);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(),
            dir + "/verbs.tsv:3: a verb pattern must start with a verb lemma or lemma|lemma");
}

TEST(EventCoder, BadNominalNamesFileAndLine) {
  std::string dir;
  auto coder = LoadDataDirectory(
      "coder_bad_nominals",
      {{"nominals.tsv", "expulsion\texpel\nmass arrest\tarrest\n"}, {"verbs.tsv", "174\texpel\n"}},
      &dir);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(),
            dir + "/nominals.tsv:2: expected noun<TAB>lemma, one word each");
}

// A noun pattern names its target, unless it is mutual and names no actor
// at all (the clause's subjects are each other's).
TEST(EventCoder, NounPatternWithoutTargetMustBeMutual) {
  std::string dir;
  auto coder = LoadDataDirectory("coder_noun_without_target",
                                 {{"nouns.tsv", "060\tin a joint operation\n"}}, &dir);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(),
            dir + "/nouns.tsv:1: a noun pattern needs a TARGET (or none, and mutual)");
  coder = LoadDataDirectory("coder_mutual_noun_without_target",
                            {{"nouns.tsv", "060\tin a joint operation\tmutual\n"}});
  EXPECT_TRUE(coder.ok()) << coder.status().message();
}

// A show of force with no object is aimed at whoever the "after / as"
// clause names; an actor inside the posture's own clause still comes first.
TEST(EventCoder, PostureTargetsWhatProvokedIt) {
  CoderOptions options;
  options.data_dir = DYAD_DATA_DIR;
  auto loaded = EventCoder::Load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const EventCoder& coder = **loaded;
  const std::vector<std::string> actors = {"Seoul", "Pyongyang", "Tokyo"};
  EXPECT_EQ(
      CodeWithActors(coder, "Seoul raised its alert level after Pyongyang fired rockets.", actors),
      Strings{"152 Seoul Pyongyang"});
  EXPECT_EQ(
      CodeWithActors(coder, "Tokyo scrambled fighter jets as Pyongyang tested a missile.", actors),
      Strings{"150 Tokyo Pyongyang"});
  EXPECT_EQ(CodeWithActors(coder, "Seoul raised its alert level.", actors), Strings{});
  // The provoker is sought only after the posture: an earlier actor is not it.
  EXPECT_EQ(CodeWithActors(coder, "After talks, Seoul raised its alert level.", actors), Strings{});
}

// Loads a data directory whose verbs.tsv is `verbs` and whose
// word_classes.tsv is `classes`.
StatusOr<std::shared_ptr<const EventCoder>> LoadSmallCoder(const std::string& name,
                                                           const std::string& verbs,
                                                           const std::string& classes) {
  return LoadDataDirectory(name, {{"irregular_verbs.tsv", "send\tsent\tsent\n"},
                                  {"word_classes.tsv", classes},
                                  {"verbs.tsv", verbs}});
}

// "@relief" matches any word of the class, wherever the gap lets it stand,
// and only those words: the same shipment of weapons is another code.
TEST(EventCoder, WordClassesInPatterns) {
  auto coder = LoadSmallCoder("coder_classes",
                              "073\tsend [*] [*] [*] @relief [*] [*] to\n"
                              "072\tsend [*] [*] [*] @weapons [*] to\n",
                              "# what aid is\nrelief\tfood water\nrelief\ttents\n"
                              "weapons\ttanks\n");
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  const std::vector<std::string> actors = {"Chile", "Peru"};
  EXPECT_EQ(CodeWithActors(**coder, "Chile sent food to Peru.", actors), Strings{"073 Chile Peru"});
  EXPECT_EQ(CodeWithActors(**coder, "Chile sent two planes of tents and water to Peru.", actors),
            Strings{"073 Chile Peru"});
  EXPECT_EQ(CodeWithActors(**coder, "Chile sent ten old tanks to Peru.", actors),
            Strings{"072 Chile Peru"});
  EXPECT_EQ(CodeWithActors(**coder, "Chile sent a letter to Peru.", actors), Strings{});
}

// The segmenter splits "seven-day" into three tokens; a pattern's "*"
// still takes it as the one word it is, and no more.
TEST(EventCoder, HyphenatedWordFillsOneWildcard) {
  auto coder = LoadSmallCoder("coder_hyphen", "0871\taccept a [*] truce with\n", "");
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  const std::vector<std::string> actors = {"Chile", "Peru"};
  EXPECT_EQ(CodeWithActors(**coder, "Chile accepted a seven-day truce with Peru.", actors),
            Strings{"0871 Chile Peru"});
  EXPECT_EQ(CodeWithActors(**coder, "Chile accepted a new seven-day truce with Peru.", actors),
            Strings{});
}

// A `crowd` pattern codes only what a crowd does; where another pattern
// has the same words, the crowd reads them its way and anyone else the
// other way, whichever line comes first.
TEST(EventCoder, CrowdPatternsNeedACrowd) {
  for (const std::string verbs : {"144\toccupy\tcrowd\n192\toccupy\n141\tmarch against\tcrowd\n",
                                  "192\toccupy\n144\toccupy\tcrowd\n141\tmarch against\tcrowd\n"}) {
    auto coder = LoadSmallCoder("coder_crowd", verbs, "");
    ASSERT_TRUE(coder.ok()) << coder.status().message();
    const std::vector<std::string> actors = {"students", "troops", "Chile", "Peru"};
    EXPECT_EQ(CodeWithActors(**coder, "The students occupied the embassy of Peru.", actors),
              Strings{"144 students Peru"});
    EXPECT_EQ(CodeWithActors(**coder, "The troops occupied towns in Chile.", actors),
              Strings{"192 troops Chile"});
    EXPECT_EQ(CodeWithActors(**coder, "The students marched against Peru.", actors),
              Strings{"141 students Peru"});
    EXPECT_EQ(CodeWithActors(**coder, "The troops marched against Chile.", actors), Strings{});
  }
}

// "sit-in|vigil" in a pattern: the hyphenated word is one alternative, as
// "sit-in" in the text is one word.
TEST(EventCoder, HyphenatedAlternatives) {
  auto coder =
      LoadSmallCoder("coder_hyphen_alternatives", "141\tstage a sit-in|vigil against\n", "");
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  const std::vector<std::string> actors = {"Chile", "Peru"};
  EXPECT_EQ(CodeWithActors(**coder, "Chile staged a sit-in against Peru.", actors),
            Strings{"141 Chile Peru"});
  EXPECT_EQ(CodeWithActors(**coder, "Chile staged a vigil against Peru.", actors),
            Strings{"141 Chile Peru"});
  EXPECT_EQ(CodeWithActors(**coder, "Chile staged a sit against Peru.", actors), Strings{});
}

// Alternatives are single words: a multi-word one written in a list would
// be read as a sequence ("cancel off" or "call off"), so it stops the load.
TEST(EventCoder, MultiWordAlternativeNamesFileAndLine) {
  std::string dir;
  auto coder =
      LoadDataDirectory("coder_multiword_verb",
                        {{"verbs.tsv", "161\tbreak off ties with\n160\tcancel|call off\n"}}, &dir);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(),
            dir +
                "/verbs.tsv:2: 'cancel|call off' reads 'cancel off' as well as 'call off': "
                "alternatives are single words, so a verb and its particle take a line of "
                "their own (one line for each verb that takes it)");

  coder = LoadDataDirectory("coder_multiword_particle",
                            {{"verbs.tsv", "183\tcarry out|conduct a bombing\n"}}, &dir);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(),
            dir +
                "/verbs.tsv:1: 'carry out|...' reads 'carry out' or 'carry' then another "
                "word: alternatives are single words, so 'carry out' takes a line of its own");

  coder = LoadDataDirectory("coder_multiword_noun",
                            {{"nouns.tsv", "042\tvisit|state visit of SOURCE to TARGET\n"}}, &dir);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(),
            dir +
                "/nouns.tsv:1: 'visit' follows alternatives that include it: alternatives "
                "are single words, so 'visit|state visit' reads 'visit visit' or 'state "
                "visit'; a multi-word alternative takes a line of its own");

  // A head of one verb takes its particles as written, as does a particle
  // every verb may take or not.
  coder = LoadDataDirectory(
      "coder_particles",
      {{"verbs.tsv",
        "087\tscale back|down [its] operations in\n161\tbreak|cut [off] ties with\n"}});
  EXPECT_TRUE(coder.ok()) << coder.status().message();
}

// A verb's forms are generated from its head, which the segmenter would
// split at a hyphen ("air", "-", "drop"): the line would never match.
TEST(EventCoder, HyphenatedVerbHeadNamesFileAndLine) {
  std::string dir;
  auto coder = LoadDataDirectory(
      "coder_hyphen_head", {{"verbs.tsv", "073\tairdrop aid to\n073\tairdrop|air-drop aid to\n"}},
      &dir);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().message(),
            dir +
                "/verbs.tsv:2: 'air-drop': a verb's head is one word, without a hyphen, as "
                "its forms are generated from it");
}

TEST(EventCoder, UnknownWordClassNamesFileAndLine) {
  auto coder = LoadSmallCoder("coder_bad_class", "073\tsend @relief to\n072\tsend @arms to\n",
                              "relief\tfood\n");
  ASSERT_FALSE(coder.ok());
  EXPECT_NE(
      coder.status().message().find("/verbs.tsv:2: '@arms' is not a class of word_classes.tsv"),
      std::string::npos)
      << coder.status().message();
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
