#include "date/date.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <string>

namespace dyad {

namespace {

// Month names and their news abbreviations, folded; index + 1 is the month.
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbreviations = {
    "jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.", "aug.", "sept.", "oct.", "nov.", "dec."};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int MonthOf(std::string_view folded) {
  for (size_t i = 0; i < 12; ++i) {
    if (folded == kMonths[i] || folded == kMonthAbbreviations[i]) return static_cast<int>(i) + 1;
  }
  if (folded == "sep.") return 9;
  return 0;
}

int WeekdayOf(std::string_view folded) {
  for (size_t i = 0; i < 7; ++i) {
    if (folded == kWeekdays[i]) return static_cast<int>(i);
  }
  return -1;
}

// A number token that is all digits, in [low, high]; -1 otherwise.
int NumberIn(std::string_view text, int low, int high) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return -1;
  return value >= low && value <= high ? value : -1;
}

// Day of month written as "23" or "23rd".
int DayOf(std::string_view text) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (text.size() > 2 && text.ends_with(suffix)) text.remove_suffix(2);
  }
  return NumberIn(text, 1, 31);
}

// A month and day without a year: the latest such date not after the report
// date (news reports the past), allowing a few days ahead for announcements.
CivilDate NearestPast(int month, int day, const CivilDate& report) {
  CivilDate candidate{report.year, month, day};
  if (!IsValidDate(candidate.year, month, day)) candidate.day = DaysInMonth(candidate.year, month);
  if (DaysFromCivil(candidate) > DaysFromCivil(report) + 7) --candidate.year;
  return candidate;
}

class SentenceDates {
 public:
  SentenceDates(std::string_view text, const Segmentation& segmentation, const Sentence& sentence)
      : text_(text), segmentation_(segmentation), sentence_(sentence) {
    for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      folded_.push_back(Folded(Raw(i)));
    }
  }

  void Find(const CivilDate& report, std::vector<DateExpression>& out) {
    for (uint32_t i = sentence_.first_token; i < sentence_.end_token;) {
      DateExpression expression;
      if (Match(i, report, expression)) {
        out.push_back(expression);
        i = expression.end_token;
      } else {
        ++i;
      }
    }
  }

 private:
  std::string_view Raw(uint32_t token) const {
    const Token& t = segmentation_.tokens[token];
    return text_.substr(t.begin, t.end - t.begin);
  }
  std::string_view At(uint32_t token) const {
    if (token < sentence_.first_token || token >= sentence_.end_token) return {};
    return folded_[token - sentence_.first_token];
  }

  bool Match(uint32_t i, const CivilDate& report, DateExpression& out) const {
    const std::string_view word = At(i);
    out.first_token = i;
    // 2019-01-23
    if (auto iso = ParseIsoDate(word)) {
      out.end_token = i + 1;
      out.date = *iso;
      out.precision = DatePrecision::kDay;
      return true;
    }
    if (word == "yesterday" || word == "today") {
      out.end_token = i + 1;
      out.date = AddDays(report, word == "yesterday" ? -1 : 0);
      out.precision = DatePrecision::kDay;
      return true;
    }
    // (last) Wednesday: the latest such weekday up to the report date; "last"
    // pushes it a week back only when the weekday is the report's own.
    if (int weekday = WeekdayOf(word); weekday >= 0) {
      int back = (Weekday(report) - weekday + 7) % 7;
      if (At(i - 1) == "last") {
        out.first_token = i - 1;
        if (back == 0) back = 7;
      }
      out.end_token = i + 1;
      out.date = AddDays(report, -back);
      out.precision = DatePrecision::kDay;
      return true;
    }
    // January 23(, 2019) | January 2019 | 23 January 2019
    if (int month = MonthOf(word); month > 0) {
      // "may" is also a verb: accept it only with a day or a year beside it.
      const int day = DayOf(At(i + 1));
      if (day > 0) {
        uint32_t end = i + 2;
        int year = -1;
        if (At(end) == ",") year = NumberIn(At(end + 1), 1000, 2999);
        if (year > 0)
          end += 2;
        else if ((year = NumberIn(At(end), 1000, 2999)) > 0)
          end += 1;
        if (year > 0 && !IsValidDate(year, month, day)) return false;
        out.end_token = end;
        out.date = year > 0 ? CivilDate{year, month, day} : NearestPast(month, day, report);
        out.precision = DatePrecision::kDay;
        return true;
      }
      if (int year = NumberIn(At(i + 1), 1000, 2999); year > 0) {
        out.end_token = i + 2;
        out.date = CivilDate{year, month, 1};
        out.precision = DatePrecision::kMonth;
        return true;
      }
      if (month != 5 && (At(i - 1) == "in" || At(i - 1) == "last")) {
        out.end_token = i + 1;
        out.date = CivilDate{report.year, month, 1};
        if (month > report.month || (At(i - 1) == "last" && month == report.month)) {
          --out.date.year;
        }
        out.precision = DatePrecision::kMonth;
        return true;
      }
      return false;
    }
    if (int day = DayOf(word); day > 0) {
      if (int month = MonthOf(At(i + 1)); month > 0) {
        const int year = NumberIn(At(i + 2), 1000, 2999);
        if (year > 0 && !IsValidDate(year, month, day)) return false;
        out.end_token = year > 0 ? i + 3 : i + 2;
        out.date = year > 0 ? CivilDate{year, month, day} : NearestPast(month, day, report);
        out.precision = DatePrecision::kDay;
        return true;
      }
    }
    // in 2019 | since 2019 | by 2019
    if (At(i - 1) == "in" || At(i - 1) == "since" || At(i - 1) == "during") {
      if (int year = NumberIn(word, 1900, 2999); year > 0) {
        out.end_token = i + 1;
        out.date = CivilDate{year, 1, 1};
        out.precision = DatePrecision::kYear;
        return true;
      }
    }
    return false;
  }

  std::string_view text_;
  const Segmentation& segmentation_;
  const Sentence& sentence_;
  std::vector<std::string> folded_;
};

}  // namespace

void FindDates(std::string_view text, const Segmentation& segmentation, const Sentence& sentence,
               const CivilDate& report_date, std::vector<DateExpression>& out) {
  SentenceDates(text, segmentation, sentence).Find(report_date, out);
}

ResolvedDate ResolveEventDate(const std::vector<DateExpression>& expressions, uint32_t anchor_token,
                              const CivilDate& report_date) {
  const DateExpression* best = nullptr;
  int64_t best_distance = 0;
  for (const DateExpression& expression : expressions) {
    // Distance to the expression; one after the verb wins a tie.
    const int64_t distance =
        expression.first_token >= anchor_token
            ? 2 * (static_cast<int64_t>(expression.first_token) - anchor_token)
            : 2 * (static_cast<int64_t>(anchor_token) - expression.end_token + 1) + 1;
    if (best == nullptr || distance < best_distance) {
      best = &expression;
      best_distance = distance;
    }
  }
  if (best == nullptr) return ResolvedDate{report_date, DatePrecision::kDay, true};
  return ResolvedDate{best->date, best->precision, false};
}

}  // namespace dyad
