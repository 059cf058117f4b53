// date: gives each event the date of its own sentence, not the article's.
//
// Every coder in common use stamps an event with the article's date, so a
// story recalling "in 2018 they expelled diplomats" yields a fresh expulsion
// on the day of publication. dyad reads the date expressions of the sentence,
// binds the right one to the event, and flags recollections as historical.
//
// Three steps, in the order the pipeline calls them:
//  1. ReadDocumentDates, once per document: the report date (the dateline's
//     date, "BEIJING, January 24 (Reuters) -", when the text has one, else
//     the date given by the input) and the source's convention for numeric
//     dates (03.05.2022: 3 May or March 5?).
//  2. FindDates, per sentence: every date expression, left to right, each
//     resolved to a calendar date and a precision against the report date.
//  3. ResolveEventDate, per event: the expression that belongs to the event
//     whose verb is at a given token, or the report date when none does.
//
// Forms understood (report date Thursday 2019-01-24 in the examples):
//  - absolute: "January 10, 2019", "10 January 2019", "Jan. 10", "the 10th of
//    January", "2019-01-10", "Wednesday, January 23"; without a year, the
//    latest such date not more than a week after the report date.
//  - numeric: "03.05.2022", "5/3/2022", "5/3/22". When both readings are
//    valid: a weekday beside it decides ("Saturday (03.05.2022)" is March 5),
//    then the document's own evidence (another date of it such as 25/12/2021
//    shows the order), then DateOptions::numeric_order, then nearness to the
//    report date (a reading not in the future, the closer the better).
//  - partial: "in April 2017", "in April" and "last July" (month), "in 2013",
//    "the 2013 election", "in the 1990s" (year), "on the 23rd" (day of the
//    report's month, or of the month before when the 23rd is still ahead),
//    "at the end of 2016", "in early 2015", "mid-2015" (year), "at the end
//    of July 2017", "in early March" (month). A year naming a thing ("the
//    2018 election") dates that noun only, not a verb beside it.
//  - relative days: "yesterday", "today", "tonight", "last night", "the day
//    before yesterday", "on Wednesday" (the latest Wednesday up to the report
//    date), "last Wednesday", "on Wednesday last week" (the Wednesday of the
//    previous Monday-to-Sunday week), "this weekend" / "last weekend" (their
//    Saturday), "two days ago", "a week ago".
//  - relative periods: "last month", "earlier this month" (month), "last
//    year", "earlier this year", "two years ago", "a decade ago" (year),
//    "last week" (month precision: the month of that week's Thursday, as
//    dyad has no week precision), "two months ago" (month).
//  - anaphoric, from the last date of the sentences before (the antecedent):
//    "the same month", "that year", "the same day" (at the antecedent's
//    precision or coarser), "two years later", "a month earlier", "the
//    following year", "the next day", and "subsequently" / "afterwards"
//    (the antecedent's next coarser period: after "in July 2017", 2017).
//    A photo caption ("The picture shows ... on January 23", "Photo: ...")
//    dates its own scene but is never the antecedent: pages put captions
//    between paragraphs of history.
//  - since: "since July 2010", "since 2019", "since the end of 2015" date the
//    event to the start of the period, like the same words without "since".
//  - background: "in recent years", "in the past two years", "for decades",
//    "over the years", "years ago", "since then", "since Maduro took office",
//    "had previously opposed", "formerly" (not "the previously announced
//    sanctions" nor "as previously reported").
//    The sentence recalls a span up to the report without dating it; such an
//    event is not news of the report date. Its record keeps the report's
//    year with year precision, date_from_report = true (the text gave no
//    date) and historical = true (docs/event-record.md).
// Future expressions ("next month", "tomorrow") are found but never date a
// coded event: the coder codes what happened, and a future date in the
// sentence belongs to something planned.
//
// Binding (ResolveEventDate): expressions inside a relative clause, a
// reduced relative (", elected in 2013,") or a parenthesis that does not
// contain the event's verb date another event and are skipped ("Maduro, who
// was elected in 2013, broke relations on Wednesday" is Wednesday). Of the
// rest, the one separated from the verb by the fewest clause marks wins
// (commas, semicolons, dashes and brackets count 2, "and"/"but" 1; the comma
// after a sentence-opening date, "On Monday, Peru said", does not count),
// then the nearest, then the one after the verb ("X met Y on Monday").
//
// Cost: one pass over the sentence's tokens, and each token a matcher looks
// at (those around the words that may start a date) classified once into a
// table reused from sentence to sentence (DateScratch): nothing is allocated
// once the table has grown to the longest sentence (only `out` grows).
// Functions of their arguments (FindDates also advances the document's
// antecedent); thread-safe for distinct DocumentDates.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "base/event.h"
#include "base/phrase_trie.h"
#include "segment/segment.h"

namespace dyad {

// The order of day and month in numeric dates such as 03.05.2022.
enum class NumericDateOrder : uint8_t {
  kUnknown,     // decide by nearness to the report date
  kDayFirst,    // 03.05.2022 is 3 May 2022 (most of the world)
  kMonthFirst,  // 03.05.2022 is March 5, 2022 (United States)
};

struct DateOptions {
  // An event is historical when the middle of the days its date expression
  // allows lies more than this many days before the report date (see
  // IsHistorical).
  int historical_after_days = 30;
  // The source's convention for ambiguous numeric dates, when known. A
  // weekday beside the date or an unambiguous numeric date in the same
  // document overrides it.
  NumericDateOrder numeric_order = NumericDateOrder::kUnknown;
};

// What a date expression says about the events it dates.
enum class DateKind : uint8_t {
  kPoint,       // the event happened then: "on Wednesday", "in April 2017"
  kSince,       // a state that began then: "since July 2010" (dated to its start)
  kBackground,  // an undated span up to the report: "in recent years"
  kAttribute,   // a year naming a thing: "the 2018 election"; dates only that noun
};

struct DateExpression {
  uint32_t first_token = 0;  // tokens [first_token, end_token) of the document
  uint32_t end_token = 0;
  CivilDate date;  // the first day of the period the precision allows
  DatePrecision precision = DatePrecision::kDay;
  DateKind kind = DateKind::kPoint;
  // The days the text allows, [earliest, latest]: the period of (date,
  // precision), except where words say more than the precisions can ("last
  // week": seven days, shown with month precision).
  CivilDate earliest;
  CivilDate latest;
};

// The last date the sentences read so far gave: what "the same month", "that
// year", "two years later", "the following day" and "subsequently" refer to.
struct DateAntecedent {
  bool present = false;
  CivilDate date;
  DatePrecision precision = DatePrecision::kDay;
  CivilDate earliest;
  CivilDate latest;
};

// What the document says about dates as a whole, and, as FindDates reads its
// sentences in order, the antecedent of anaphoric dates.
struct DocumentDates {
  CivilDate report_date;       // the dateline's date if any, else the given one
  bool from_dateline = false;  // report_date came from the dateline
  // Tokens [dateline_first_token, dateline_end_token) are the dateline
  // ("BEIJING , January 24 ( Reuters ) -"): they date the report, not an
  // event. Both 0 when there is none.
  uint32_t dateline_first_token = 0;
  uint32_t dateline_end_token = 0;
  NumericDateOrder numeric_order = NumericDateOrder::kUnknown;  // resolved for this document
  int historical_after_days = 30;
  DateAntecedent antecedent;  // updated by FindDates
};

// Space FindDates and ResolveEventDate reuse from call to call: the words of
// the sentence read last, classified. Passing one scratch to FindDates and
// then to ResolveEventDate for each event of that sentence classifies its
// words once, not once per event. One per thread (or per document); the
// overloads without one use a scratch of their thread.
class DateScratch {
 public:
  DateScratch();
  ~DateScratch();
  DateScratch(const DateScratch&) = delete;
  DateScratch& operator=(const DateScratch&) = delete;

 private:
  friend class DateScratchAccess;
  struct Lexemes;
  std::unique_ptr<Lexemes> lexemes_;
};

// Once per document. `given_report_date` is the input's date (JSON field,
// --date); a dateline near the start of the text takes precedence, its
// missing year taken from the given date.
DocumentDates ReadDocumentDates(std::string_view text, const Segmentation& segmentation,
                                const CivilDate& given_report_date, const DateOptions& options);

// Appends the date expressions of `sentence`, left to right, without overlap,
// recording each as `document.antecedent` for the ones after it. Call it on every
// sentence of the document, in order, for anaphoric dates to resolve.
void FindDates(std::string_view text, const Segmentation& segmentation, const Sentence& sentence,
               DocumentDates& document, std::vector<DateExpression>& out);
void FindDates(std::string_view text, const Segmentation& segmentation, const Sentence& sentence,
               DocumentDates& document, std::vector<DateExpression>& out, DateScratch& scratch);
// The same with the sentence's tokens folded already (`folded` covers them).
void FindDates(std::string_view text, const Segmentation& segmentation, const FoldedTokens& folded,
               const Sentence& sentence, DocumentDates& document, std::vector<DateExpression>& out,
               DateScratch& scratch);

// The words the date stage looks every token up for: a caller that folds
// tokens with a SharedVocabulary holding it (FoldedTokens::Fold) spares
// FindDates the lookups.
const Vocabulary& DateKeyWords();

// Whether `sentence`, read alone, holds a date expression of any kind ("on
// Friday", "in February 2022", "since 2019", "the 2018 election", "in recent
// years"). Anaphoric dates ("that year") need the sentences before and are
// not seen. For the coder: a nominal event a sentence takes as known ("the
// Russian invasion of Ukraine has prompted ...") is coded only when the
// sentence dates it. Allocates nothing.
bool HasDateExpression(std::string_view text, const Segmentation& segmentation,
                       const Sentence& sentence);

struct ResolvedDate {
  CivilDate date;
  DatePrecision precision = DatePrecision::kDay;
  bool from_report = true;  // the sentence gave no date; `date` comes from the report date
  bool background = false;  // the sentence recalls an undated span ("in recent years")
  bool historical = false;  // well before the report date: a recollection, not news
};

// The date of the event whose verb starts at token `anchor_token` of
// `sentence`, given the sentence's expressions from FindDates.
ResolvedDate ResolveEventDate(std::string_view text, const Segmentation& segmentation,
                              const Sentence& sentence,
                              const std::vector<DateExpression>& expressions, uint32_t anchor_token,
                              const DocumentDates& document);
// The same with the scratch FindDates read `sentence` with (any other is
// made to read it).
ResolvedDate ResolveEventDate(std::string_view text, const Segmentation& segmentation,
                              const Sentence& sentence,
                              const std::vector<DateExpression>& expressions, uint32_t anchor_token,
                              const DocumentDates& document, DateScratch& scratch);

// True when the middle of the days an expression allows, [earliest, latest]
// cut at the report date, lies more than `after_days` days before
// `report_date`. The middle, because a period is as likely to hold the event
// early as late: "in 2018" in an article of 2019-01-24 (middle 2018-07-02) is
// historical, "in January" in the same article (middle 2019-01-12) is not.
bool IsHistorical(const CivilDate& earliest, const CivilDate& latest, const CivilDate& report_date,
                  int after_days);

}  // namespace dyad
