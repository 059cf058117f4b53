// date: finds date expressions in a sentence and gives each event its date.
//
// dyad dates an event from its own sentence, not from the article: "on
// Wednesday" in an article of Thursday 2019-01-24 is 2019-01-23; "in 2018" is
// the year 2018. When the sentence says nothing, the event takes the report
// date and says so (ResolvedDate::from_report).
//
// This slice understands: ISO dates (2019-01-23); "January 23, 2019",
// "Jan. 23", "23 January 2019"; "in January 2019" / "in 2019"; weekdays
// ("on Wednesday", "last Wednesday"); "yesterday", "today". The full resolver
// (relative periods, numeric day/month order, background references) is the
// date issue's work and keeps this interface.
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "base/event.h"
#include "segment/segment.h"

namespace dyad {

struct DateExpression {
  uint32_t first_token = 0;  // tokens [first_token, end_token) of the document
  uint32_t end_token = 0;
  CivilDate date;
  DatePrecision precision = DatePrecision::kDay;
};

struct ResolvedDate {
  CivilDate date;
  DatePrecision precision = DatePrecision::kDay;
  bool from_report = true;  // the sentence gave no date; `date` is the report date
};

// Appends the date expressions of `sentence`, left to right.
void FindDates(std::string_view text, const Segmentation& segmentation, const Sentence& sentence,
               const CivilDate& report_date, std::vector<DateExpression>& out);

// The date of an event whose verb is at token `anchor_token`: the nearest
// expression in the same sentence (ties go to the one after the verb, as in
// "X met Y on Monday"), else the report date.
ResolvedDate ResolveEventDate(const std::vector<DateExpression>& expressions, uint32_t anchor_token,
                              const CivilDate& report_date);

}  // namespace dyad
