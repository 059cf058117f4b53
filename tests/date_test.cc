#include "date/date.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/phrase_trie.h"
#include "segment/segment.h"
#include "support/blocks.h"
#include "support/read_all.h"

namespace dyad {
namespace {

// The token index of the `occurrence`-th token (1-based) whose text is `word`.
std::optional<uint32_t> FindToken(std::string_view text, const Segmentation& segmentation,
                                  std::string_view word, int occurrence = 1) {
  for (uint32_t i = 0; i < segmentation.tokens.size(); ++i) {
    const Token& token = segmentation.tokens[i];
    if (text.substr(token.begin, token.end - token.begin) == word && --occurrence == 0) return i;
  }
  return std::nullopt;
}

// "2019-01-23 day", then "from-report", "background", "historical" when set:
// the form the golden file states expectations in.
std::string Describe(const ResolvedDate& date) {
  std::string out = FormatIsoDate(date.date) + " " + DatePrecisionName(date.precision);
  if (date.from_report) out += " from-report";
  if (date.background) out += " background";
  if (date.historical) out += " historical";
  return out;
}

// The date keys as the pipeline shares them with the other stages'
// dictionaries: with it, FindDates reads tokens folded once per document,
// and skips a sentence none of whose words can anchor a date.
const SharedVocabulary& PipelineVocabulary() {
  static const SharedVocabulary shared = [] {
    SharedVocabulary vocabulary;
    vocabulary.Add(DateKeyWords());
    return vocabulary;
  }();
  return shared;
}

// Dates the event whose verb is the `occurrence`-th token `anchor` of `text`,
// exactly as the pipeline does (or, `folded` false, as a caller that folded
// no tokens does).
std::string DateOf(const std::string& text, const std::string& anchor, const CivilDate& report,
                   const DateOptions& options = {}, int occurrence = 1, bool folded = true) {
  const Segmentation segmentation = Segment(text);
  DocumentDates document = ReadDocumentDates(text, segmentation, report, options);
  const auto anchor_token = FindToken(text, segmentation, anchor, occurrence);
  if (!anchor_token) return "no token '" + anchor + "'";
  // Every sentence up to the event's, in order, as the pipeline reads them.
  std::vector<DateExpression> expressions;
  const Sentence* sentence = nullptr;
  FoldedTokens tokens;
  tokens.Fold(text, segmentation, &PipelineVocabulary());
  DateScratch scratch;
  for (const Sentence& candidate : segmentation.sentences) {
    expressions.clear();
    if (folded) {
      FindDates(text, segmentation, tokens, candidate, document, expressions, scratch);
    } else {
      FindDates(text, segmentation, candidate, document, expressions);
    }
    if (*anchor_token < candidate.end_token) {
      sentence = &candidate;
      break;
    }
  }
  if (sentence == nullptr) return "no sentence";
  return Describe(folded ? ResolveEventDate(text, segmentation, *sentence, expressions,
                                            *anchor_token, document, scratch)
                         : ResolveEventDate(text, segmentation, *sentence, expressions,
                                            *anchor_token, document));
}

constexpr CivilDate kThursday{2019, 1, 24};

// ---------------------------------------------------------------------------
// The golden cases: tests/golden/dates.txt.

struct GoldenDate {
  int line = 0;
  std::string text;
  CivilDate report;
  std::string anchor;
  int occurrence = 1;
  DateOptions options;
  std::string expect;
  std::string report_date;  // expected document report date (dateline), if stated
};

std::vector<GoldenDate> ReadGolden(const std::string& path) {
  std::vector<GoldenDate> cases;
  for (const testing::Block& block : testing::ReadBlocks(path)) {
    GoldenDate current;
    bool open = false;
    for (const testing::BlockLine& line : block) {
      const int number = line.number;
      const std::string& key = line.key;
      const std::string& value = line.value;
      EXPECT_TRUE(line.has_value) << path << ":" << number << ": no 'key: value'";
      if (!line.has_value) continue;
      if (!open) current.line = number;
      open = true;
      if (key == "text") {
        current.text += current.text.empty() ? value : "\n" + value;
      } else if (key == "report") {
        const auto date = ParseIsoDate(value);
        EXPECT_TRUE(date) << path << ":" << number << ": bad date " << value;
        if (date) current.report = *date;
      } else if (key == "anchor") {
        // "broke" or "broke 2" (its second occurrence)
        const size_t space = value.find(' ');
        current.anchor = value.substr(0, space);
        if (space != std::string::npos) current.occurrence = std::stoi(value.substr(space + 1));
      } else if (key == "order") {
        EXPECT_TRUE(value == "day-first" || value == "month-first") << path << ":" << number;
        current.options.numeric_order =
            value == "day-first" ? NumericDateOrder::kDayFirst : NumericDateOrder::kMonthFirst;
      } else if (key == "historical-after") {
        current.options.historical_after_days = std::stoi(value);
      } else if (key == "expect") {
        current.expect = value;
      } else if (key == "report-date") {
        current.report_date = value;
      } else {
        ADD_FAILURE() << path << ":" << number << ": unknown key '" << key << "'";
      }
    }
    if (open) cases.push_back(std::move(current));
  }
  return cases;
}

TEST(DateGolden, EveryCaseResolvesToItsExactDateAndPrecision) {
  const std::string path = std::string(DYAD_TEST_DIR) + "/golden/dates.txt";
  const std::vector<GoldenDate> cases = ReadGolden(path);
  EXPECT_GE(cases.size(), 150u);
  for (const GoldenDate& golden : cases) {
    EXPECT_FALSE(golden.expect.empty()) << path << ":" << golden.line << ": no expect line";
    EXPECT_EQ(DateOf(golden.text, golden.anchor, golden.report, golden.options, golden.occurrence),
              golden.expect)
        << path << ":" << golden.line << ": " << golden.text;
    EXPECT_EQ(DateOf(golden.text, golden.anchor, golden.report, golden.options, golden.occurrence,
                     /*folded=*/false),
              golden.expect)
        << path << ":" << golden.line << " (tokens not folded): " << golden.text;
    if (!golden.report_date.empty()) {
      const Segmentation segmentation = Segment(golden.text);
      EXPECT_EQ(
          FormatIsoDate(ReadDocumentDates(golden.text, segmentation, golden.report, golden.options)
                            .report_date),
          golden.report_date)
          << path << ":" << golden.line << ": " << golden.text;
    }
  }
}

// ---------------------------------------------------------------------------
// The stage's pieces, one by one.

std::vector<DateExpression> ExpressionsOf(const std::string& text, const CivilDate& report) {
  const Segmentation segmentation = Segment(text);
  DocumentDates document = ReadDocumentDates(text, segmentation, report, {});
  std::vector<DateExpression> out;
  for (const Sentence& sentence : segmentation.sentences) {
    FindDates(text, segmentation, sentence, document, out);
  }
  return out;
}

TEST(FindDates, ReportsEachExpressionWithItsTokensKindAndDate) {
  // Tokens: Since(0) July(1) 2010(2) ,(3) and(4) in(5) recent(6) years(7) ,(8)
  // the(9) two(10) met(11) on(12) Wednesday(13) .(14)
  const std::vector<DateExpression> found =
      ExpressionsOf("Since July 2010, and in recent years, the two met on Wednesday.", kThursday);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].first_token, 0u);
  EXPECT_EQ(found[0].end_token, 3u);
  EXPECT_EQ(found[0].kind, DateKind::kSince);
  EXPECT_EQ(found[0].date, (CivilDate{2010, 7, 1}));
  EXPECT_EQ(found[0].precision, DatePrecision::kMonth);
  EXPECT_EQ(found[1].first_token, 5u);
  EXPECT_EQ(found[1].end_token, 8u);
  EXPECT_EQ(found[1].kind, DateKind::kBackground);
  EXPECT_EQ(found[2].first_token, 12u);
  EXPECT_EQ(found[2].end_token, 14u);
  EXPECT_EQ(found[2].kind, DateKind::kPoint);
  EXPECT_EQ(found[2].date, (CivilDate{2019, 1, 23}));
}

TEST(FindDates, FutureExpressionsAreFoundButDateNoEvent) {
  const std::vector<DateExpression> found =
      ExpressionsOf("Cuba will host the summit next month.", kThursday);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].date, (CivilDate{2019, 2, 1}));
  EXPECT_EQ(found[0].precision, DatePrecision::kMonth);
  EXPECT_EQ(DateOf("Cuba praised Peru before the summit next month.", "praised", kThursday),
            "2019-01-24 day from-report");
}

TEST(FindDates, WordsThatOnlyLookLikeDatesAreNot) {
  EXPECT_TRUE(ExpressionsOf("Bolivia may march on the capital.", kThursday).empty());
  EXPECT_TRUE(ExpressionsOf("They sent 2000 soldiers and 1,500 police.", kThursday).empty());
  EXPECT_TRUE(ExpressionsOf("The 9/11 attacks changed the region.", kThursday).empty());
  EXPECT_TRUE(ExpressionsOf("Inflation reached 3.5 percent at 11:41.", kThursday).empty());
  EXPECT_TRUE(ExpressionsOf("Talks since the crisis began stalled.", kThursday).size() == 1);
}

TEST(ReadDocumentDates, TheDatelineIsTheReportDate) {
  const std::string text =
      "Venezuela breaks with Washington\n\n"
      "BEIJING, January 24 (Reuters) - Venezuela broke relations with the United States.";
  const Segmentation segmentation = Segment(text);
  // The input says the 25th (a crawl date); the dateline says the 24th.
  const DocumentDates document = ReadDocumentDates(text, segmentation, CivilDate{2019, 1, 25}, {});
  EXPECT_TRUE(document.from_dateline);
  EXPECT_EQ(document.report_date, (CivilDate{2019, 1, 24}));
  // The dateline's own date is not an event date: the event takes the report date.
  EXPECT_EQ(DateOf(text, "broke", CivilDate{2019, 1, 25}), "2019-01-24 day from-report");
}

TEST(ReadDocumentDates, WithoutADatelineTheGivenDateStands) {
  const std::string text = "Tuesday, November 29, 2022\nWashington approaches Caracas.";
  const Segmentation segmentation = Segment(text);
  const DocumentDates document = ReadDocumentDates(text, segmentation, CivilDate{2022, 3, 6}, {});
  EXPECT_FALSE(document.from_dateline);
  EXPECT_EQ(document.report_date, (CivilDate{2022, 3, 6}));
}

TEST(ReadDocumentDates, AnUnambiguousNumericDateShowsTheSourcesOrder) {
  const std::string text = "The deal of 25/12/2021 held. Talks resumed on 03/05/2022.";
  const Segmentation segmentation = Segment(text);
  DateOptions options;
  options.numeric_order = NumericDateOrder::kMonthFirst;  // overridden by the evidence
  EXPECT_EQ(ReadDocumentDates(text, segmentation, CivilDate{2022, 6, 1}, options).numeric_order,
            NumericDateOrder::kDayFirst);
  EXPECT_EQ(DateOf(text, "resumed", CivilDate{2022, 6, 1}, options), "2022-05-03 day");
}

TEST(IsHistorical, TheMiddleOfThePeriodMustLieMoreThanTheThresholdBeforeTheReport) {
  const CivilDate report{2019, 1, 24};
  const CivilDate day{2018, 12, 25};
  EXPECT_FALSE(IsHistorical(day, day, report, 30));
  EXPECT_TRUE(IsHistorical(AddDays(day, -1), AddDays(day, -1), report, 30));
  // "in 2018": the middle is 2018-07-02.
  EXPECT_TRUE(IsHistorical(CivilDate{2018, 1, 1}, CivilDate{2018, 12, 31}, report, 30));
  // "in January": cut at the report date, the middle is 2019-01-12.
  EXPECT_FALSE(IsHistorical(CivilDate{2019, 1, 1}, CivilDate{2019, 1, 31}, report, 30));
  EXPECT_TRUE(IsHistorical(CivilDate{2019, 1, 1}, CivilDate{2019, 1, 31}, report, 11));
  // After the report date: not history.
  EXPECT_FALSE(IsHistorical(CivilDate{2019, 1, 30}, CivilDate{2019, 1, 30}, report, 30));
}

TEST(ResolveEventDate, ThresholdComesFromTheOptions) {
  DateOptions options;
  options.historical_after_days = 7;
  EXPECT_EQ(DateOf("Peru recalled its envoy on January 10.", "recalled", kThursday, options),
            "2019-01-10 day historical");
  EXPECT_EQ(DateOf("Peru recalled its envoy on January 10.", "recalled", kThursday),
            "2019-01-10 day");
}

TEST(ResolveEventDate, AScratchSharedWithFindDatesGivesTheSameDates) {
  // The pipeline passes FindDates' scratch to ResolveEventDate for each event
  // of the sentence; a scratch holding another sentence is made to reread.
  const std::string text =
      "Peru, which was founded in 1821, recalled its envoy on Wednesday. "
      "The same month, Bolivia expelled two diplomats (in 2017) and later protested.";
  const Segmentation segmentation = Segment(text);
  ASSERT_EQ(segmentation.sentences.size(), 2u);
  DocumentDates shared = ReadDocumentDates(text, segmentation, kThursday, {});
  DocumentDates alone = shared;
  DateScratch scratch;
  std::vector<DateExpression> with_scratch, without;
  for (const Sentence& sentence : segmentation.sentences) {
    with_scratch.clear();
    without.clear();
    FindDates(text, segmentation, sentence, shared, with_scratch, scratch);
    FindDates(text, segmentation, sentence, alone, without);
    ASSERT_EQ(with_scratch.size(), without.size());
    for (uint32_t anchor = sentence.first_token; anchor < sentence.end_token; ++anchor) {
      const ResolvedDate a =
          ResolveEventDate(text, segmentation, sentence, with_scratch, anchor, shared, scratch);
      const ResolvedDate b = ResolveEventDate(text, segmentation, sentence, without, anchor, alone);
      EXPECT_EQ(a.date, b.date) << anchor;
      EXPECT_EQ(a.precision, b.precision) << anchor;
      EXPECT_EQ(a.from_report, b.from_report) << anchor;
      EXPECT_EQ(a.historical, b.historical) << anchor;
    }
  }
  // The scratch now holds the second sentence; asked about the first, it rereads.
  const Sentence& first = segmentation.sentences[0];
  DocumentDates again = ReadDocumentDates(text, segmentation, kThursday, {});
  std::vector<DateExpression> expressions;
  FindDates(text, segmentation, first, again, expressions);
  for (uint32_t anchor = first.first_token; anchor < first.end_token; ++anchor) {
    EXPECT_EQ(ResolveEventDate(text, segmentation, first, expressions, anchor, again, scratch).date,
              ResolveEventDate(text, segmentation, first, expressions, anchor, again).date)
        << anchor;
  }
}

TEST(ResolveEventDate, NoExpressionMeansTheReportDate) {
  EXPECT_EQ(DateOf("Bolivia praised Peru.", "praised", kThursday), "2019-01-24 day from-report");
}

// ---------------------------------------------------------------------------
// The fast path against the slow one. With folded tokens, FindDates tries
// only the tokens that can start an expression (CanStartExpression,
// OpensOnlyBeforeDateWord); without them it tries every token. Both must
// find the same expressions, and so date every event alike.

const char* DateKindName(DateKind kind) {
  switch (kind) {
    case DateKind::kPoint:
      return "point";
    case DateKind::kSince:
      return "since";
    case DateKind::kBackground:
      return "background";
    case DateKind::kAttribute:
      return "attribute";
  }
  return "?";
}

// Every field of every expression: "[12,14) 2019-01-23 day point
// 2019-01-23..2019-01-23", one per line.
std::string Describe(const std::vector<DateExpression>& expressions) {
  std::string out;
  for (const DateExpression& e : expressions) {
    out += "[" + std::to_string(e.first_token) + "," + std::to_string(e.end_token) + ") " +
           FormatIsoDate(e.date) + " " + DatePrecisionName(e.precision) + " " +
           DateKindName(e.kind) + " " + FormatIsoDate(e.earliest) + ".." + FormatIsoDate(e.latest) +
           "\n";
  }
  return out;
}

std::string Describe(const DateAntecedent& antecedent) {
  if (!antecedent.present) return "none";
  return FormatIsoDate(antecedent.date) + " " + DatePrecisionName(antecedent.precision) + " " +
         FormatIsoDate(antecedent.earliest) + ".." + FormatIsoDate(antecedent.latest);
}

struct PathCheck {
  size_t sentences = 0;
  size_t expressions = 0;
};

// Reads `text` sentence by sentence both ways, each with its own document
// state and scratch, and expects the same expressions, the same antecedent
// after each sentence and the same date for an event anchored at any token.
// `where` names the text in failures.
void ExpectFoldedAndUnfoldedAgree(const std::string& text, const CivilDate& report,
                                  const std::string& where, PathCheck& check) {
  const Segmentation segmentation = Segment(text);
  FoldedTokens tokens;
  tokens.Fold(text, segmentation, &PipelineVocabulary());
  DocumentDates folded_document = ReadDocumentDates(text, segmentation, report, {});
  DocumentDates unfolded_document = folded_document;
  DateScratch folded_scratch, unfolded_scratch;
  std::vector<DateExpression> folded, unfolded;
  for (const Sentence& sentence : segmentation.sentences) {
    const std::string_view said(text.data() + sentence.begin, sentence.end - sentence.begin);
    folded.clear();
    unfolded.clear();
    FindDates(text, segmentation, tokens, sentence, folded_document, folded, folded_scratch);
    FindDates(text, segmentation, sentence, unfolded_document, unfolded, unfolded_scratch);
    ++check.sentences;
    check.expressions += unfolded.size();
    ASSERT_EQ(Describe(folded), Describe(unfolded)) << where << ": " << said;
    ASSERT_EQ(Describe(folded_document.antecedent), Describe(unfolded_document.antecedent))
        << where << ": " << said;
    for (uint32_t anchor = sentence.first_token; anchor < sentence.end_token; ++anchor) {
      const ResolvedDate a = ResolveEventDate(text, segmentation, sentence, folded, anchor,
                                              folded_document, folded_scratch);
      const ResolvedDate b = ResolveEventDate(text, segmentation, sentence, unfolded, anchor,
                                              unfolded_document, unfolded_scratch);
      ASSERT_EQ(Describe(a), Describe(b)) << where << ", token " << anchor << ": " << said;
    }
  }
}

// Sentences written to reach every kind of expression, and the words that
// only look like one: the tokens the fast path skips must be the ones at
// which nothing starts.
const char* const kTrickyTexts[] = {
    "Peru recalled its envoy on 26 February 2025.",
    "Peru recalled its envoy on February 26, 2025, and again on Feb. 27.",
    "The talks of the 10th of January failed; the 2018 election did not.",
    "Bolivia protested last Thursday and on Wednesday last week.",
    "Chile expelled two diplomats in March, in early March and at the end of July 2017.",
    "Cuba condemned the strike yesterday, the day before yesterday and again today.",
    "Leaders met tonight and will meet tomorrow, next month and in the coming weeks.",
    "The army sent 2,000 soldiers, 1.5 million dollars and 300 tanks to the border.",
    "Inflation reached 3.5 percent at 11:41 on the 23rd, up from 9/11 levels.",
    "The head of the army of the republic of the south said none of the plans of the day "
    "were new.",
    "Relations worsened in 2013, in the 1990s, mid-2015 and in the middle of 2016.",
    "Peru has opposed it since July 2010, since the end of 2015 and ever since.",
    "In recent years, over the years and for decades, the two have clashed.",
    "Two years ago, a decade ago and a few days ago, Chile protested; several weeks ago too.",
    "Earlier this month, and earlier this year, Peru had previously opposed the deal.",
    // Anaphoric dates need an antecedent before them.
    "Peru broke relations in July 2017. That year, the same month and the following year, "
    "talks resumed; subsequently they failed.",
    "Chile recalled its envoy on 3 May 2016. Two years later, a month earlier and the next "
    "day, the envoy returned.",
    "Between 2010 and 2012, during 2014, throughout 2015, until 2016 and by 2017, "
    "trade fell.",
    "From January to March, through April and around May 2019, the border stayed shut.",
    "Maduro, who was elected in 2013, broke relations on Wednesday (23.01.2019).",
    "Their 2018 vote and its 2019 budget passed this weekend, not last weekend.",
    "The minister said on Monday\r\nthat talks would resume in April.\r\n",
    // Non-breaking spaces; the literal is split where a hex escape would
    // swallow the letters after it.
    "Peru recalled its envoy on\xC2\xA0"
    "26\xC2\xA0"
    "February\xC2\xA0"
    "2025 and last\xC2\xA0Thursday.",
    "The picture shows protesters in Caracas on January 23, local time.",
    "BEIJING, January 24 (Reuters) - Venezuela broke relations with the United States "
    "on Wednesday.",
    "The deal of 25/12/2021 held. Talks resumed on 03/05/2022 and 2019-01-10.",
    "Since Maduro took office, in the past two years, relations have soured.",
    "Bolivia may march on the capital in May; Sat. and Wed. were quiet.",
    "Years ago, Peru protested; decades ago and months ago, too.",
    "Early last year and late in 2016, Chile protested.",
    "Late last month, Peru protested; end of July, Chile did; early 2015 too.",
    "Ever since 2010, the two have clashed.",
    "Peru protested last night and this morning; Chile on Monday evening.",
    "Throughout Maduro's tenure and during his presidency, ties were poor.",
    "Several years ago and a couple of weeks ago, Peru protested.",
    "Beginning in 2016, and from the beginning of 2017, Peru protested.",
    "Peru broke relations in July 2017. Later that year, and late that month, Chile followed.",
};

TEST(FindDates, FoldedAndUnfoldedPathsAgree) {
  PathCheck check;
  // The bundled example corpus, each article at its own report date.
  const testing::Collected examples =
      testing::ReadAll(std::string(DYAD_SOURCE_DIR) + "/examples/news.jsonl");
  EXPECT_GE(examples.documents.size(), 40u);
  for (const Document& document : examples.documents) {
    ExpectFoldedAndUnfoldedAgree(document.text, document.report_date, document.origin, check);
    if (HasFatalFailure()) return;
  }
  // The coder's corpus: each "text:" line at the report date that follows it.
  const std::string corpus = std::string(DYAD_TEST_DIR) + "/corpus/coder_corpus.txt";
  size_t corpus_texts = 0;
  for (const testing::Block& block : testing::ReadBlocks(corpus)) {
    std::string text;
    int line = 0;
    for (const testing::BlockLine& entry : block) {
      if (entry.key == "text") {
        text = entry.value;
        line = entry.number;
      } else if (entry.key == "report" && !text.empty()) {
        const auto report = ParseIsoDate(entry.value);
        ASSERT_TRUE(report) << corpus << ":" << entry.number;
        ExpectFoldedAndUnfoldedAgree(text, *report, corpus + ":" + std::to_string(line), check);
        if (HasFatalFailure()) return;
        ++corpus_texts;
        text.clear();
      }
    }
  }
  EXPECT_GE(corpus_texts, 500u);
  for (const char* text : kTrickyTexts) {
    ExpectFoldedAndUnfoldedAgree(text, kThursday, "tricky text", check);
    if (HasFatalFailure()) return;
  }
  // Enough sentences, and enough dates among them, for the check to mean something.
  EXPECT_GE(check.sentences, 750u);
  EXPECT_GE(check.expressions, 250u);
  RecordProperty("sentences", static_cast<int>(check.sentences));
  RecordProperty("expressions", static_cast<int>(check.expressions));
}

// ---------------------------------------------------------------------------
// The seed articles (../shared/seeds, outside the repository): history
// paragraphs keep their own dates. Skipped when the seeds are absent.

std::string ReadSeed(const std::string& prefix) {
  const std::string directory = std::string(DYAD_SOURCE_DIR) + "/../shared/seeds/";
  for (const char* name :
       {"000_8a2b0857bd4246b4.txt", "001_ccaed1d70b00b253.txt", "003_d463f305805cc310.txt"}) {
    if (std::string(name).starts_with(prefix)) {
      std::ifstream in(directory + name);
      std::stringstream buffer;
      buffer << in.rdbuf();
      return buffer.str();
    }
  }
  return {};
}

TEST(Seeds, HistoryParagraphsAreDatedToTheirOwnYearsAndMonths) {
  const std::string first = ReadSeed("000");
  const std::string second = ReadSeed("001");
  if (first.empty() || second.empty()) GTEST_SKIP() << "../shared/seeds not present";
  const CivilDate report{2019, 1, 24};
  // Anchors are the verbs of the history sentences.
  EXPECT_EQ(DateOf(first, "announced", report), "2019-01-23 day");
  EXPECT_EQ(DateOf(first, "waved", report), "2019-01-01 year from-report background historical");
  EXPECT_EQ(DateOf(first, "adopted", report), "2013-01-01 year historical");
  EXPECT_EQ(DateOf(first, "gained", report), "2015-01-01 year historical");
  EXPECT_EQ(DateOf(first, "held", report), "2017-07-01 month historical");
  EXPECT_EQ(DateOf(first, "won", report), "2018-05-01 month historical");
  EXPECT_EQ(DateOf(first, "sworn", report), "2019-01-10 day");
  EXPECT_EQ(DateOf(first, "exchanged", report), "2010-07-01 month historical");
  EXPECT_EQ(DateOf(first, "expelled", report), "2018-01-01 year historical");
  EXPECT_EQ(DateOf(first, "suspended", report), "2016-01-01 year historical");
  EXPECT_EQ(DateOf(first, "initiated", report), "2017-04-01 month historical");
  // "The United States subsequently announced economic sanctions", after the
  // paragraph on the July 2017 election: 2017.
  EXPECT_EQ(DateOf(first, "banned", report), "2017-01-01 year historical");
  EXPECT_EQ(DateOf(second, "elected", report), "2013-01-01 year historical");
  EXPECT_EQ(DateOf(second, "gained", report), "2015-01-01 year historical");
  EXPECT_EQ(DateOf(second, "held", report), "2017-07-01 month historical");
  // "The United States subsequently announced economic sanctions": the photo
  // caption between it and the July 2017 paragraph ("... in Caracas on
  // January 23, local time.") is not the story's antecedent.
  EXPECT_EQ(DateOf(second, "announced", report, {}, 2), "2017-01-01 year historical");
  EXPECT_EQ(DateOf(second, "won", report), "2018-05-01 month historical");
  EXPECT_EQ(DateOf(second, "sworn", report), "2019-01-10 day");
  EXPECT_EQ(DateOf(second, "expelled", report), "2018-01-01 year historical");
  EXPECT_EQ(DateOf(second, "suspended", report), "2016-01-01 year historical");
  EXPECT_EQ(DateOf(second, "initiated", report), "2017-04-01 month historical");
}

TEST(Seeds, AWeekdayBesideANumericDateSettlesItsOrder) {
  const std::string text = ReadSeed("003");
  if (text.empty()) GTEST_SKIP() << "../shared/seeds not present";
  // "on Saturday (03.05.2022)": 5 March 2022 was a Saturday, 3 May a Tuesday.
  EXPECT_EQ(DateOf(text, "traveled", CivilDate{2022, 3, 6}, {}, 2), "2022-03-05 day");
}

}  // namespace
}  // namespace dyad
