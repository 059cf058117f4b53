// dateline: the publication date a page prints above its article, for text
// whose metadata gives none.
//
// Saved pages and pasted articles often carry their date only as a line of
// the page head: "January 24, 2019 11:41 Source: China News Network",
// "Tuesday, November 29, 2022", "Published: 24 Jan 2019", "2019-01-24".
// Without it such a document would be dated by the --date default (today),
// and every "on Wednesday" in it would land in the wrong year.
//
// Only the head is read: the lines before the first line of body text (one of
// 200 bytes or more) and never more than the first 60 lines. A line counts
// when it begins with a date, after at most a label ("Published:", "Updated
// on") and a weekday, is shorter than 160 bytes, and goes on, if at all, with
// a time, punctuation or a capitalised word, never with a lowercase one. So a
// sentence of the article ("January 10, 2019 was the day ...") is not read
// as the report date. The first such line wins. Years outside 1900–2199 and
// impossible dates are not dates.
#pragma once

#include <optional>
#include <string_view>

#include "base/civil_date.h"

namespace dyad {

std::optional<CivilDate> FindPrintedDate(std::string_view text);

// The date at the start of one line, under the rules above; exposed for tests.
std::optional<CivilDate> ParseDateLine(std::string_view line);

}  // namespace dyad
