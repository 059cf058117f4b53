#include "extract/dateline.h"

#include <array>
#include <cctype>
#include <string>

namespace dyad {
namespace {

constexpr size_t kMaxHeadLines = 60;
constexpr size_t kBodyLineBytes = 200;
constexpr size_t kMaxDateLineBytes = 160;

// Reads a line left to right; every Take* consumes only on success.
class LineCursor {
 public:
  explicit LineCursor(std::string_view line) : rest_(line) {}

  std::string_view rest() const { return rest_; }
  void SkipSpaces() {
    while (!rest_.empty() && (rest_[0] == ' ' || rest_[0] == '\t')) rest_.remove_prefix(1);
  }
  bool TakeChar(char c) {
    if (rest_.empty() || rest_[0] != c) return false;
    rest_.remove_prefix(1);
    return true;
  }
  // A run of ASCII letters, lowercased.
  std::string PeekWord() const {
    std::string word;
    for (char c : rest_) {
      if (!std::isalpha(static_cast<unsigned char>(c))) break;
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return word;
  }
  void Skip(size_t bytes) { rest_.remove_prefix(bytes); }
  // A number of min_digits..max_digits digits not followed by another digit.
  std::optional<int> TakeNumber(size_t min_digits, size_t max_digits) {
    size_t n = 0;
    int value = 0;
    while (n < rest_.size() && std::isdigit(static_cast<unsigned char>(rest_[n]))) {
      if (n == max_digits) return std::nullopt;
      value = value * 10 + (rest_[n] - '0');
      ++n;
    }
    if (n < min_digits) return std::nullopt;
    rest_.remove_prefix(n);
    return value;
  }

 private:
  std::string_view rest_;
};

// 1..12 for a month's name or its usual abbreviation ("sept" too), else 0.
int MonthNumber(const std::string& word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (word == kNames[i] || word == kNames[i].substr(0, 3)) return static_cast<int>(i) + 1;
  }
  return word == "sept" ? 9 : 0;
}

bool IsWeekday(const std::string& word) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view name : kNames) {
    if (word == name || word == name.substr(0, 3)) return true;
  }
  return false;
}

bool IsLabel(const std::string& word) {
  return word == "published" || word == "updated" || word == "posted" || word == "date";
}

// "January 24, 2019", "Jan. 24th 2019", "24 January 2019", "2019-01-24".
std::optional<CivilDate> TakeDate(LineCursor& cursor) {
  int year = 0, month = 0, day = 0;
  if (std::string word = cursor.PeekWord(); (month = MonthNumber(word)) != 0) {
    cursor.Skip(word.size());
    cursor.TakeChar('.');
    cursor.SkipSpaces();
    auto d = cursor.TakeNumber(1, 2);
    if (!d) return std::nullopt;
    day = *d;
    if (std::string suffix = cursor.PeekWord();
        suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      cursor.Skip(2);
    }
    cursor.TakeChar(',');
    cursor.SkipSpaces();
    auto y = cursor.TakeNumber(4, 4);
    if (!y) return std::nullopt;
    year = *y;
  } else if (auto first = cursor.TakeNumber(1, 4)) {
    if (cursor.TakeChar('-') || cursor.TakeChar('/')) {  // 2019-01-24, 2019/01/24
      auto m = cursor.TakeNumber(1, 2);
      if (!m || !(cursor.TakeChar('-') || cursor.TakeChar('/'))) return std::nullopt;
      auto d = cursor.TakeNumber(1, 2);
      if (!d || *first < 1000) return std::nullopt;
      year = *first, month = *m, day = *d;
    } else {  // 24 January 2019
      day = *first;
      cursor.SkipSpaces();
      std::string word = cursor.PeekWord();
      month = MonthNumber(word);
      if (month == 0) return std::nullopt;
      cursor.Skip(word.size());
      cursor.TakeChar('.');
      cursor.TakeChar(',');
      cursor.SkipSpaces();
      auto y = cursor.TakeNumber(4, 4);
      if (!y) return std::nullopt;
      year = *y;
    }
  } else {
    return std::nullopt;
  }
  if (year < 1900 || year > 2199 || !IsValidDate(year, month, day)) return std::nullopt;
  if (std::isalpha(static_cast<unsigned char>(cursor.rest().empty() ? ' ' : cursor.rest()[0]))) {
    return std::nullopt;  // "2019abc"
  }
  return CivilDate{year, month, day};
}

// "11:41", "9:05 pm": consumed if there.
bool TakeTime(LineCursor& cursor) {
  LineCursor attempt = cursor;
  if (!attempt.TakeNumber(1, 2) || !attempt.TakeChar(':') || !attempt.TakeNumber(2, 2)) {
    return false;
  }
  cursor = attempt;
  cursor.SkipSpaces();
  std::string meridiem = cursor.PeekWord();
  if (meridiem == "am" || meridiem == "pm" || meridiem == "a" || meridiem == "p") {
    cursor.Skip(meridiem.size());
  }
  return true;
}

// What may follow the date: nothing, a time, punctuation or a capitalised
// word ("11:41 Source: ...", "| Politics", "By Ana Ruiz"), not prose. After a
// comma only a time may follow: "January 10, 2019, Maduro was ..." is prose.
bool EndsLikeAHeader(LineCursor cursor) {
  cursor.SkipSpaces();
  if (cursor.TakeChar(',')) {
    cursor.SkipSpaces();
    if (cursor.rest().empty()) return true;
    if (!TakeTime(cursor)) return false;
  } else {
    TakeTime(cursor);
  }
  while (!cursor.rest().empty() && std::ispunct(static_cast<unsigned char>(cursor.rest()[0]))) {
    cursor.Skip(1);
  }
  cursor.SkipSpaces();
  return cursor.rest().empty() || !std::islower(static_cast<unsigned char>(cursor.rest()[0]));
}

}  // namespace

std::optional<CivilDate> ParseDateLine(std::string_view line) {
  if (line.size() >= kMaxDateLineBytes) return std::nullopt;
  LineCursor cursor(line);
  cursor.SkipSpaces();
  // "Published:", "Updated on", then "Tuesday," or "Tue.".
  if (std::string label = cursor.PeekWord(); IsLabel(label)) {
    cursor.Skip(label.size());
    cursor.TakeChar(':');
    cursor.SkipSpaces();
    if (cursor.PeekWord() == "on") cursor.Skip(2);
    cursor.SkipSpaces();
  }
  if (std::string weekday = cursor.PeekWord(); IsWeekday(weekday)) {
    cursor.Skip(weekday.size());
    cursor.TakeChar('.');
    cursor.TakeChar(',');
    cursor.SkipSpaces();
  }
  std::optional<CivilDate> date = TakeDate(cursor);
  if (!date || !EndsLikeAHeader(cursor)) return std::nullopt;
  return date;
}

std::optional<CivilDate> FindPrintedDate(std::string_view text) {
  size_t start = 0;
  for (size_t lines = 0; lines < kMaxHeadLines && start < text.size(); ++lines) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.size() >= kBodyLineBytes) break;
    if (auto date = ParseDateLine(line)) return date;
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace dyad
