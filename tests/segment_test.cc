#include "segment/segment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/phrase_trie.h"

namespace dyad {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string_view TextOf(std::string_view text, uint32_t begin, uint32_t end) {
  return text.substr(begin, end - begin);
}

std::vector<std::string> SentenceTexts(std::string_view text) {
  const Segmentation segmentation = Segment(text);
  std::vector<std::string> sentences;
  for (const Sentence& sentence : segmentation.sentences) {
    sentences.emplace_back(TextOf(text, sentence.begin, sentence.end));
  }
  return sentences;
}

std::vector<std::string> TokenTexts(std::string_view text) {
  const Segmentation segmentation = Segment(text);
  std::vector<std::string> tokens;
  for (const Token& token : segmentation.tokens) {
    tokens.emplace_back(TextOf(text, token.begin, token.end));
  }
  return tokens;
}

std::vector<TokenKind> TokenKinds(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& token : Segment(text).tokens) kinds.push_back(token.kind);
  return kinds;
}

// Decodes one code point of valid UTF-8 (the test's own, independent of the
// segmenter); returns -1 and size 1 for anything else.
int32_t DecodeForTest(std::string_view text, size_t pos, size_t& size) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (size == 0 || pos + size > text.size()) {
    size = 1;
    return -1;
  }
  int32_t cp = size == 1 ? lead : lead & (0x7F >> size);
  for (size_t i = 1; i < size; ++i) cp = (cp << 6) | (text[pos + i] & 0x3F);
  return cp;
}

// What may stand between two tokens: spaces, line breaks, controls, and
// invisible format characters (zero-width joiners, bidi marks, soft hyphens).
bool IsGapCodePoint(int32_t cp) {
  return (cp >= 0 && cp <= 0x20) || (cp >= 0x7F && cp <= 0x9F) || cp == 0xA0 || cp == 0xAD ||
         cp == 0x061C || cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
         cp == 0xFEFF;
}

// The invariants every segmentation keeps: tokens in order, non-empty, and
// separated by whitespace only, so that tokens and gaps rebuild the text;
// sentences non-empty, in order, covering every token once.
void ExpectWellFormed(std::string_view text) {
  SCOPED_TRACE(std::string(text.substr(0, 200)));
  const Segmentation segmentation = Segment(text);
  std::string rebuilt;
  uint32_t previous_end = 0;
  for (const Token& token : segmentation.tokens) {
    ASSERT_LE(previous_end, token.begin);
    ASSERT_LT(token.begin, token.end);
    ASSERT_LE(token.end, text.size());
    const std::string_view gap = TextOf(text, previous_end, token.begin);
    for (size_t pos = 0, size = 0; pos < gap.size(); pos += size) {
      EXPECT_TRUE(IsGapCodePoint(DecodeForTest(gap, pos, size)))
          << "non-space byte " << pos << " in the gap before token at " << token.begin;
    }
    rebuilt += gap;
    rebuilt += TextOf(text, token.begin, token.end);
    previous_end = token.end;
  }
  const std::string_view tail = text.substr(previous_end);
  for (size_t pos = 0, size = 0; pos < tail.size(); pos += size) {
    EXPECT_TRUE(IsGapCodePoint(DecodeForTest(tail, pos, size)));
  }
  rebuilt += tail;
  EXPECT_EQ(rebuilt, text);

  uint32_t next_token = 0;
  for (const Sentence& sentence : segmentation.sentences) {
    ASSERT_EQ(sentence.first_token, next_token);
    ASSERT_LT(sentence.first_token, sentence.end_token);
    ASSERT_LE(sentence.end_token, segmentation.tokens.size());
    EXPECT_EQ(sentence.begin, segmentation.tokens[sentence.first_token].begin);
    EXPECT_EQ(sentence.end, segmentation.tokens[sentence.end_token - 1].end);
    next_token = sentence.end_token;
  }
  EXPECT_EQ(next_token, segmentation.tokens.size());
}

// ---------------------------------------------------------------------------
// Sentences.

TEST(SegmentSentences, EmptyAndWhitespaceOnlyTextHaveNone) {
  for (std::string_view text : {"", " ", "\n\n", " \t\r\n\u00A0\u2009\u3000\u200B\uFEFF"}) {
    const Segmentation segmentation = Segment(text);
    EXPECT_THAT(segmentation.tokens, IsEmpty());
    EXPECT_THAT(segmentation.sentences, IsEmpty());
  }
}

TEST(SegmentSentences, AbbreviationsDatesAndNumbersDoNotEndSentences) {
  EXPECT_THAT(SentenceTexts("The U.S. Secretary of State met Venezuela's foreign minister on Jan. "
                            "10 in Washington, D.C. The talks lasted 3.5 hours. Trade fell by "
                            "12% after 2019-01-10, officials said."),
              ElementsAre("The U.S. Secretary of State met Venezuela's foreign minister on Jan. "
                          "10 in Washington, D.C.",
                          "The talks lasted 3.5 hours.",
                          "Trade fell by 12% after 2019-01-10, officials said."));
}

TEST(SegmentSentences, TitlesNeverEndButExclamationsAndQuestionsDo) {
  EXPECT_THAT(SentenceTexts("Gen. Vladimir Padrino said the army would stay loyal. Mr. Guaidó, "
                            "backed by the U.S. and the E.U., called for new elections! Would "
                            "Russia respond? Moscow did not say."),
              ElementsAre("Gen. Vladimir Padrino said the army would stay loyal.",
                          "Mr. Guaidó, backed by the U.S. and the E.U., called for new elections!",
                          "Would Russia respond?", "Moscow did not say."));
}

TEST(SegmentSentences, AbbreviationAtTheEndOfASentence) {
  EXPECT_THAT(
      SentenceTexts("\"We will never accept a puppet government,\" Maduro told "
                    "supporters. \"The empire wants our oil.\" He then broke off "
                    "relations with the U.S. The embassy staff had 72 hours to leave."),
      ElementsAre("\"We will never accept a puppet government,\" Maduro told supporters.",
                  "\"The empire wants our oil.\"", "He then broke off relations with the U.S.",
                  "The embassy staff had 72 hours to leave."));
  EXPECT_THAT(SentenceTexts("They discussed oil, debt, migration, etc. The next round is in May. "
                            "The deal was signed by Exxon Mobil Corp. and PDVSA. Officials from "
                            "the U.K. Foreign Office attended. It ended at 11:41 a.m. Lucía "
                            "Méndez called it historic."),
              ElementsAre("They discussed oil, debt, migration, etc.", "The next round is in May.",
                          "The deal was signed by Exxon Mobil Corp. and PDVSA.",
                          "Officials from the U.K. Foreign Office attended.",
                          "It ended at 11:41 a.m.", "Lucía Méndez called it historic."));
}

TEST(SegmentSentences, CountryAbbreviationBeforeATitleStaysInTheSentence) {
  EXPECT_THAT(SentenceTexts("U.S. Sen. Marco Rubio urged the U.N. Security Council to act. "
                            "U.S. President Joe Biden agreed."),
              ElementsAre("U.S. Sen. Marco Rubio urged the U.N. Security Council to act.",
                          "U.S. President Joe Biden agreed."));
}

TEST(SegmentSentences, InitialsAndMidSentenceAbbreviations) {
  EXPECT_THAT(SentenceTexts("Former President George W. Bush visited Seoul on Sept. 5, 2002. "
                            "J. R. Smith, an aide, said the visit lasted approx. two hours. "
                            "Ties between the two Koreas, i.e. Seoul and Pyongyang, stayed "
                            "tense. The next summit came in Feb. The talks then stalled."),
              ElementsAre("Former President George W. Bush visited Seoul on Sept. 5, 2002.",
                          "J. R. Smith, an aide, said the visit lasted approx. two hours.",
                          "Ties between the two Koreas, i.e. Seoul and Pyongyang, stayed tense.",
                          "The next summit came in Feb.", "The talks then stalled."));
}

TEST(SegmentSentences, NumberAbbreviationOnlyBeforeANumber) {
  EXPECT_THAT(SentenceTexts("Britain's envoy met him at No. 10 Downing St. on Monday. Asked "
                            "whether talks would resume, he said no. The meeting ended."),
              ElementsAre("Britain's envoy met him at No. 10 Downing St. on Monday.",
                          "Asked whether talks would resume, he said no.", "The meeting ended."));
}

TEST(SegmentSentences, TerminatorRunsQuotesAndBrackets) {
  EXPECT_THAT(SentenceTexts("Is this the end of diplomacy?! Analysts doubt it... Talks may "
                            "resume in 2023. \"Why now?\" asked one envoy. The answer, he said, "
                            "was oil."),
              ElementsAre("Is this the end of diplomacy?!", "Analysts doubt it...",
                          "Talks may resume in 2023.", "\"Why now?\" asked one envoy.",
                          "The answer, he said, was oil."));
  EXPECT_THAT(
      SentenceTexts("“Russia will respond,” the Kremlin said on 03.05.2022. ‘It is a "
                    "provocation.’ Tensions rose (the ministry said so.) Both sides blamed each "
                    "other… Kyiv’s envoy left. «Nous regrettons.» Paris was silent."),
      ElementsAre("“Russia will respond,” the Kremlin said on 03.05.2022.",
                  "‘It is a provocation.’", "Tensions rose (the ministry said so.)",
                  "Both sides blamed each other…", "Kyiv’s envoy left.", "«Nous regrettons.»",
                  "Paris was silent."));
}

TEST(SegmentSentences, EllipsisBeforeLowercaseContinues) {
  EXPECT_THAT(SentenceTexts("The talks … were suspended, and the U.S. embassy closed."),
              ElementsAre("The talks … were suspended, and the U.S. embassy closed."));
}

TEST(SegmentSentences, HeadlinesLineBreaksAndParagraphs) {
  EXPECT_THAT(SentenceTexts("Venezuela breaks diplomatic ties with Colombia\n"
                            "CARACAS (Reuters) - Venezuela on Saturday broke off relations with\n"
                            "neighbouring Colombia after a border clash.\n"
                            "\n"
                            "Colombia's foreign ministry said it regretted the decision\n"
                            "  \n"
                            "Related coverage"),
              ElementsAre("Venezuela breaks diplomatic ties with Colombia",
                          "CARACAS (Reuters) - Venezuela on Saturday broke off relations with\n"
                          "neighbouring Colombia after a border clash.",
                          "Colombia's foreign ministry said it regretted the decision",
                          "Related coverage"));
}

TEST(SegmentSentences, LineBreaksThatDoNotEndASentence) {
  EXPECT_THAT(SentenceTexts("Venezuela, Cuba,\nNicaragua and Bolivia signed the pact with Gen.\n"
                            "Raúl Castro present.\r\nIt took effect at once."),
              ElementsAre("Venezuela, Cuba,\nNicaragua and Bolivia signed the pact with Gen.\n"
                          "Raúl Castro present.",
                          "It took effect at once."));
  // A paragraph break ends even a sentence that a title left open.
  EXPECT_THAT(SentenceTexts("The statement was signed by Gen.\n\nThe army did not comment."),
              ElementsAre("The statement was signed by Gen.", "The army did not comment."));
  EXPECT_THAT(SentenceTexts("Sanctions on Iran\u2029Tehran protested"),
              ElementsAre("Sanctions on Iran", "Tehran protested"));
}

TEST(SegmentSentences, NumberedListItems) {
  EXPECT_THAT(
      SentenceTexts("1. Venezuela recalled its ambassador.\n2. Colombia closed the "
                    "border."),
      ElementsAre("1. Venezuela recalled its ambassador.", "2. Colombia closed the border."));
}

TEST(SegmentSentences, OtherScripts) {
  EXPECT_THAT(SentenceTexts("Президент России В. В. Путин встретился с Мадуро. Стороны "
                            "обсудили санкции США."),
              ElementsAre("Президент России В. В. Путин встретился с Мадуро.",
                          "Стороны обсудили санкции США."));
  EXPECT_THAT(SentenceTexts("委内瑞拉宣布与美国断交。美国表示遗憾！"),
              ElementsAre("委内瑞拉宣布与美国断交。", "美国表示遗憾！"));
  EXPECT_THAT(SentenceTexts("Η Ελλάδα διαμαρτυρήθηκε. Η Τουρκία απάντησε."),
              ElementsAre("Η Ελλάδα διαμαρτυρήθηκε.", "Η Τουρκία απάντησε."));
}

TEST(SegmentSentences, TextWithoutFinalPunctuationIsOneSentence) {
  EXPECT_THAT(SentenceTexts("  Venezuela and Colombia restore ties  "),
              ElementsAre("Venezuela and Colombia restore ties"));
  EXPECT_THAT(SentenceTexts("."), ElementsAre("."));
}

// ---------------------------------------------------------------------------
// Tokens.

TEST(SegmentTokens, PossessivesNegationsAndHyphens) {
  EXPECT_THAT(TokenTexts("Venezuela's foreign minister didn't attend the break-off talks."),
              ElementsAre("Venezuela", "'s", "foreign", "minister", "did", "n't", "attend", "the",
                          "break", "-", "off", "talks", "."));
  EXPECT_THAT(TokenTexts("Venezuela’s envoy can’t say they're leaving the states' talks"),
              ElementsAre("Venezuela", "’s", "envoy", "ca", "n’t", "say", "they", "'re", "leaving",
                          "the", "states", "'", "talks"));
  EXPECT_THAT(TokenTexts("O'Brien met officials in Côte d'Ivoire and the U.S.'s envoy."),
              ElementsAre("O'Brien", "met", "officials", "in", "Côte", "d'Ivoire", "and", "the",
                          "U.S.", "'s", "envoy", "."));
  EXPECT_THAT(TokenKinds("Venezuela's"), ElementsAre(TokenKind::kWord, TokenKind::kWord));
}

// Runs of ASCII letters are scanned without decoding; "n't" splits off at the
// end of such a run whatever came before it in the word.
TEST(SegmentTokens, NegationAtTheEdgesOfLetterRuns) {
  EXPECT_THAT(TokenTexts("DIDN'T"), ElementsAre("DID", "N'T"));
  EXPECT_THAT(TokenTexts("don't."), ElementsAre("do", "n't", "."));
  EXPECT_THAT(TokenTexts("wouldn’t go"), ElementsAre("would", "n’t", "go"));
  EXPECT_THAT(TokenTexts("nn't Dn't"), ElementsAre("n", "n't", "D", "n't"));
  EXPECT_THAT(TokenTexts("n't"), ElementsAre("n't"));  // no word before it
  // After a letter or a mark that is not ASCII.
  EXPECT_THAT(TokenTexts("Ñn't éan't an\xCC\x81n't"),
              ElementsAre("Ñ", "n't", "éa", "n't", "an\xCC\x81", "n't"));
  // Not a negation: a letter or digit follows, or no "t".
  EXPECT_THAT(TokenTexts("can't5 isn'"), ElementsAre("can't5", "isn", "'"));
}

TEST(SegmentTokens, NumbersDatesAndTimes) {
  const std::string_view text =
      "On 2019-01-10 at 11:41, 1,000 troops (96%) moved 3.5 km; on 5/3/2022 and 03.05.2022 too.";
  EXPECT_THAT(TokenTexts(text), ElementsAre("On", "2019-01-10", "at", "11:41", ",", "1,000",
                                            "troops", "(", "96%", ")", "moved", "3.5", "km", ";",
                                            "on", "5/3/2022", "and", "03.05.2022", "too", "."));
  EXPECT_THAT(TokenKinds("2019-01-10 96% 3rd G20 COVID-19 2019."),
              ElementsAre(TokenKind::kNumber, TokenKind::kNumber, TokenKind::kWord,
                          TokenKind::kWord, TokenKind::kWord, TokenKind::kPunct, TokenKind::kNumber,
                          TokenKind::kNumber, TokenKind::kPunct));
  EXPECT_THAT(
      TokenTexts("the 1990s, 2019–2020, -5 and $1.5bn"),
      ElementsAre("the", "1990s", ",", "2019", "–", "2020", ",", "-", "5", "and", "$", "1.5bn"));
}

TEST(SegmentTokens, AbbreviationsKeepTheirPeriods) {
  EXPECT_THAT(TokenTexts("U.S.A. and U.S.-led forces, e.g. Gen. J. R. Smith, met on Jan. 5 at "
                         "No. 10 vs. Ph.D. holders at reuters.com."),
              ElementsAre("U.S.A.", "and", "U.S.", "-", "led", "forces", ",", "e.g.", "Gen.", "J.",
                          "R.", "Smith", ",", "met", "on", "Jan.", "5", "at", "No.", "10", "vs.",
                          "Ph.D", ".", "holders", "at", "reuters.com", "."));
  // An ellipsis after an abbreviation stays whole.
  EXPECT_THAT(TokenTexts("oil, gas, etc... and"),
              ElementsAre("oil", ",", "gas", ",", "etc", "...", "and"));
  EXPECT_THAT(TokenTexts("He said no. Dr.Smith"),
              ElementsAre("He", "said", "no", ".", "Dr.", "Smith"));
}

TEST(SegmentTokens, DashesQuotesAndPunctuationRuns) {
  EXPECT_THAT(TokenTexts("Caracas—Bogotá ties – frayed -- again..."),
              ElementsAre("Caracas", "—", "Bogotá", "ties", "–", "frayed", "--", "again", "..."));
  EXPECT_THAT(
      TokenTexts("“No,” he said. \"Never!\" (See [1].) ?! ‘Yes’ «Non» ))"),
      ElementsAre("“", "No", ",", "”", "he", "said", ".", "\"", "Never", "!", "\"", "(", "See", "[",
                  "1", "]", ".", ")", "?", "!", "‘", "Yes", "’", "«", "Non", "»", ")", ")"));
}

TEST(SegmentTokens, UnicodeSpacesSeparateTokens) {
  EXPECT_THAT(TokenTexts("President\u00A0Maduro\u2009spoke\u3000today\u202Fin\u200BCaracas"),
              ElementsAre("President", "Maduro", "spoke", "today", "in", "Caracas"));
  // A soft hyphen inside a word stays in it.
  EXPECT_THAT(TokenTexts("nego\u00ADtiations"), ElementsAre("nego\u00ADtiations"));
}

TEST(SegmentTokens, LettersOfAnyScript) {
  EXPECT_THAT(TokenTexts("Nicolás Maduro, Iván Duque y Lucía"),
              ElementsAre("Nicolás", "Maduro", ",", "Iván", "Duque", "y", "Lucía"));
  EXPECT_THAT(TokenTexts("ВЕНЕСУЭЛА и Россия подписали соглашение."),
              ElementsAre("ВЕНЕСУЭЛА", "и", "Россия", "подписали", "соглашение", "."));
  EXPECT_THAT(TokenTexts("Η Ελλάδα και η Τουρκία"),
              ElementsAre("Η", "Ελλάδα", "και", "η", "Τουρκία"));
  EXPECT_THAT(TokenTexts("美国和委内瑞拉，断交。"),
              ElementsAre("美国和委内瑞拉", "，", "断交", "。"));
  // Decomposed accents (a letter and a combining mark) stay in the word.
  EXPECT_THAT(TokenTexts("Nicola\u0301s"), ElementsAre("Nicola\u0301s"));
}

TEST(SegmentTokens, EmojiAndSymbols) {
  EXPECT_THAT(TokenTexts("Peace 🕊️🕊️ now 🇻🇪🇨🇴! 👍🏽 #sanctions @UN"),
              ElementsAre("Peace", "🕊️🕊️", "now", "🇻🇪", "🇨🇴", "!", "👍🏽", "#",
                          "sanctions", "@", "UN"));
  EXPECT_THAT(TokenKinds("🕊️ €"), ElementsAre(TokenKind::kPunct, TokenKind::kPunct));
}

// ---------------------------------------------------------------------------
// Invariants and scale.

TEST(SegmentInvariants, TokensAndGapsRebuildVariedTexts) {
  const std::vector<std::string_view> texts = {
      "",
      "Venezuela's foreign minister didn't attend.",
      "The U.S. Secretary of State met Gen. Padrino on Jan. 10. The talks ... ended?!",
      "Президент России В. В. Путин встретился с Мадуро. Стороны обсудили санкции США.",
      "委内瑞拉宣布与美国断交。美国表示遗憾！ 🇻🇪",
      "Η Ελλάδα και η Τουρκία.\r\n\r\n“Quote.” ‘Single.’ «Guillemets»",
      "\u00A0\u2009Leading and trailing Unicode spaces\u3000\u2028",
      "2019-01-10 11:41 1,000 3.5 96% 5/3/2022 03.05.2022",
      "nego\u00ADtiations \u200E\u200F bidi marks\u200Ebetween",
      "'s 'n't n't ' '' ''' ...... ?!?! -- — –",
      "a.b.c. A.B.C. U.S.'s x.",
      "No. no. No.\n\n5 St.\nGen.",
  };
  for (std::string_view text : texts) ExpectWellFormed(text);
}

TEST(SegmentInvariants, TokensAndGapsRebuildGeneratedTexts) {
  // Texts stitched from awkward pieces in many orders, as a cheap fuzzer.
  const std::vector<std::string_view> pieces = {
      "U.S.",     ".",   "\n",      "\n\n",        " ",      "\u00A0", "Путин",      "’s",
      "'s",       "n't", "3.5",     "...",         "?!",     "“",      "”",          "\"",
      "委内瑞拉", "。",  "🕊️", "Gen.",        "J.",     "-",      "2019-01-10", "The",
      "talks",    "(",   ")",       "e.g.",        "\u0301", "\u200D", "No.",        "5",
      ",",        "'",   "Ph.D.",   "reuters.com", "\r\n",
  };
  uint64_t state = 0x9E3779B97F4A7C15u;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = round % 40;
    for (int i = 0; i < length; ++i) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      text += pieces[(state >> 33) % pieces.size()];
    }
    ExpectWellFormed(text);
    if (HasFatalFailure() || HasNonfatalFailure()) return;
  }
}

TEST(SegmentInvariants, InvalidUtf8DoesNotCrash) {
  const std::string text = "Maduro\xff\xfe said \xc3 x \xe2\x80 U.S.\xf0\x9f";
  const Segmentation segmentation = Segment(text);
  EXPECT_FALSE(segmentation.tokens.empty());
  EXPECT_EQ(segmentation.tokens.back().end, text.size());
}

TEST(SegmentInvariants, MegabytesOnOneLine) {
  const std::string_view unit = "The U.S. envoy met Gen. Padrino on Jan. 5, 2019 in Caracas. ";
  std::string text;
  const size_t repeats = 4 * 1024 * 1024 / unit.size();
  text.reserve(repeats * unit.size());
  for (size_t i = 0; i < repeats; ++i) text += unit;
  const Segmentation segmentation = Segment(text);
  EXPECT_EQ(segmentation.sentences.size(), repeats);
  EXPECT_EQ(segmentation.tokens.size(), repeats * 14);

  // Degenerate lines: one long word, one long run of periods, one long run
  // of alternating marks, and a long sentence without an end.
  EXPECT_EQ(Segment(std::string(3 << 20, 'a')).tokens.size(), 1u);
  EXPECT_EQ(Segment(std::string(3 << 20, '.')).tokens.size(), 1u);
  std::string alternating;
  for (int i = 0; i < (1 << 20); ++i) alternating += "?!";
  const Segmentation marks = Segment(alternating);
  EXPECT_EQ(marks.tokens.size(), 2u << 20);
  EXPECT_EQ(marks.sentences.size(), 1u);
  std::string words;
  for (int i = 0; i < (1 << 19); ++i) words += "talks ";
  EXPECT_EQ(Segment(words).sentences.size(), 1u);
}

// ---------------------------------------------------------------------------
// Folding.

TEST(Folding, CaseAndDiacritics) {
  EXPECT_EQ(Folded("Nicolás"), "nicolas");
  EXPECT_EQ(Folded("U.S."), "u.s.");
  EXPECT_EQ(Folded("ВЕНЕСУЭЛА"), "венесуэла");
  EXPECT_EQ(Folded("Iván Duque"), "ivan duque");
  EXPECT_EQ(Folded("LUCÍA"), "lucia");
  EXPECT_EQ(Folded("São Paulo"), "sao paulo");
  EXPECT_EQ(Folded("Hà Nội"), "ha noi");
  EXPECT_EQ(Folded("Nicola\u0301s"), "nicolas");  // decomposed input folds the same
  EXPECT_EQ(Folded("ΕΛΛΆΔΑ"), "ελλαδα");
  EXPECT_EQ(Folded("Straße"), "strasse");
  EXPECT_EQ(Folded("Ёлкин"), "елкин");
  EXPECT_EQ(Folded("مُحَمَّد"), "محمد");  // Arabic harakat are diacritics
}

TEST(Folding, QuotesBecomeStraight) {
  EXPECT_EQ(Folded("Venezuela’s"), "venezuela's");
  EXPECT_EQ(Folded("‘yes’"), "'yes'");
  EXPECT_EQ(Folded("“Maduro”"), "\"maduro\"");
  EXPECT_EQ(Folded("n’t"), "n't");
}

TEST(Folding, ScriptsWithoutCaseOrDiacriticsAreUnchanged) {
  EXPECT_EQ(Folded("委内瑞拉"), "委内瑞拉");
  EXPECT_EQ(Folded("한국"), "한국");
  EXPECT_EQ(Folded("ガザ"), "ガザ");  // the voicing mark spells a different kana
  EXPECT_EQ(Folded("भारत"), "भारत");
  EXPECT_EQ(Folded("1,000 96% —"), "1,000 96% —");
}

TEST(Folding, AppendsAndCopiesInvalidBytes) {
  std::string out = "x:";
  AppendFolded("ABC", out);
  AppendFolded("", out);
  AppendFolded("Ún\xff\xc3", out);
  EXPECT_EQ(out, "x:abcun\xff\xc3");
  EXPECT_EQ(Folded(""), "");
}

TEST(FoldedView, IsTheTokenItselfWhenFoldingChangesNothing) {
  std::string buffer = "stale";
  const std::string_view plain = "sanctions";
  EXPECT_EQ(FoldedView(plain, buffer).data(), plain.data());
  EXPECT_EQ(FoldedView("u.s.", buffer), "u.s.");
  // Otherwise the folded form, in the buffer, whatever it held before.
  for (std::string_view token : {"Venezuela", "Nicolás", "’s", "ЁЛКИН", "USA", "3.5"}) {
    EXPECT_EQ(FoldedView(token, buffer), Folded(token)) << token;
  }
}

// FoldedTokens reads short tokens eight bytes at a time: it must agree with
// FoldedView token by token, wherever a token sits (near the end of the text
// too, where fewer than eight bytes follow), and in a range of tokens.
TEST(FoldedTokens, AgreesWithFoldedViewOnEveryToken) {
  const std::string words[] = {"Venezuela", "sanctions", "U.S.",    "Nicolás", "ЁЛКИН", "’s",
                               "USA",       "3.5",       "a",       "ZZ",      "@[`{",  "AbCdEfGh",
                               "abcdefgh",  "ABCDEFGHI", "Ünïcode", "中国",    "don't", "—"};
  std::vector<std::string> texts;
  for (const std::string& a : words) {
    texts.push_back(a);
    for (const std::string& b : words) texts.push_back(a + " " + b + ".");
  }
  // Every byte from 0x20 to 0x7F, each as a token of its own at the end.
  for (int c = 0x20; c < 0x80; ++c) texts.push_back(std::string("X ") + static_cast<char>(c));
  FoldedTokens folded;
  for (const std::string& text : texts) {
    const Segmentation segmentation = Segment(text);
    folded.Fold(text, segmentation);
    std::string buffer;
    for (uint32_t i = 0; i < segmentation.tokens.size(); ++i) {
      const Token& token = segmentation.tokens[i];
      const std::string_view raw = TextOf(text, token.begin, token.end);
      ASSERT_TRUE(folded.Covers(i));
      EXPECT_EQ(folded.Word(i), FoldedView(raw, buffer)) << text << " token " << i;
      EXPECT_EQ(folded.Hash(i), WordHash(folded.Word(i))) << text << " token " << i;
      const bool ascii =
          std::all_of(raw.begin(), raw.end(), [](char c) { return (c & 0x80) == 0; });
      EXPECT_EQ(folded.IsAscii(i), ascii) << text << " token " << i;
    }
    if (segmentation.tokens.size() >= 2) {
      folded.Fold(text, segmentation, 1, 2);
      EXPECT_FALSE(folded.Covers(0));
      EXPECT_TRUE(folded.Covers(1));
      EXPECT_FALSE(folded.Covers(2));
      const Token& token = segmentation.tokens[1];
      EXPECT_EQ(folded.Word(1), Folded(TextOf(text, token.begin, token.end)));
    }
  }
}

// Fold keeps the shared ids of short words from one document to the next:
// they must be what the vocabulary says, on a first and a repeated Fold, and
// after the vocabulary changes (a later Add, or another vocabulary).
TEST(FoldedTokens, SharedIdsAgreeWithTheVocabularyAcrossFolds) {
  const std::string text =
      "The U.S. and Venezuela's Maduro met in Caracas, Nicolás said. ABCDEFGHI";
  const Segmentation segmentation = Segment(text);
  auto expect_ids = [&](const FoldedTokens& folded, const SharedVocabulary& shared) {
    for (uint32_t i = 0; i < segmentation.tokens.size(); ++i) {
      EXPECT_EQ(folded.SharedId(i), shared.Find(folded.Word(i), WordHash(folded.Word(i))))
          << "token " << i;
      EXPECT_EQ(folded.Hash(i), WordHash(folded.Word(i))) << "token " << i;
    }
  };
  Vocabulary first, second;
  for (const char* word : {"the", "u.s.", "venezuela", "'s", ","}) first.Intern(word);
  for (const char* word : {"maduro", "caracas", "nicolas", "the", "met", "abcdefghi"}) {
    second.Intern(word);
  }
  FoldedTokens folded;
  SharedVocabulary shared;
  shared.Add(first);
  folded.Fold(text, segmentation, &shared);
  expect_ids(folded, shared);
  folded.Fold(text, segmentation, &shared);  // from the cache
  expect_ids(folded, shared);
  shared.Add(second);  // words unknown before are known now
  folded.Fold(text, segmentation, &shared);
  expect_ids(folded, shared);
  SharedVocabulary other;
  other.Add(second);
  folded.Fold(text, segmentation, &other);
  expect_ids(folded, other);
}

}  // namespace
}  // namespace dyad
