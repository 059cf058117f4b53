#include "analyse/analyse.h"

#include <fmt/core.h>

#include <algorithm>
#include <initializer_list>
#include <map>

namespace dyad {

std::string DyadMember(const ActorRef& actor) {
  if (!actor.country.empty()) return actor.country;
  if (!actor.org.empty()) return actor.org;
  return actor.code;
}

std::vector<DyadSummary> SummariseDyads(const std::vector<Event>& events) {
  struct Totals {
    DyadSummary summary;
    double goldstein_sum = 0.0;
    std::map<std::string, size_t> codes;
  };
  std::map<std::pair<std::string, std::string>, Totals> pairs;
  for (const Event& event : events) {
    std::string a = DyadMember(event.source), b = DyadMember(event.target);
    if (a == b) continue;
    if (b < a) std::swap(a, b);
    Totals& totals = pairs[{a, b}];
    DyadSummary& summary = totals.summary;
    if (summary.events == 0) {
      summary.first = a;
      summary.second = b;
      summary.first_date = summary.last_date = event.date;
    }
    ++summary.events;
    if (event.quad_class >= 1 && event.quad_class <= 4)
      ++summary.by_quad_class[event.quad_class - 1];
    summary.first_date = std::min(summary.first_date, event.date);
    summary.last_date = std::max(summary.last_date, event.date);
    totals.goldstein_sum += event.goldstein;
    ++totals.codes[event.code];
  }
  std::vector<DyadSummary> out;
  for (auto& [pair, totals] : pairs) {
    DyadSummary summary = totals.summary;
    summary.goldstein_mean = totals.goldstein_sum / static_cast<double>(summary.events);
    size_t best = 0;
    for (const auto& [code, count] : totals.codes) {
      if (count > best) {
        best = count;
        summary.top_code = code;
      }
    }
    out.push_back(std::move(summary));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DyadSummary& x, const DyadSummary& y) { return x.events > y.events; });
  return out;
}

void PrintDyadSummaries(const std::vector<DyadSummary>& summaries, const Ontology& ontology,
                        std::FILE* out) {
  fmt::print(out, "{:<16}{:>7}{:>7}{:>7}{:>7}{:>7}{:>10}  {:<23}  {}\n", "DYAD", "EVENTS", "VCOOP",
             "MCOOP", "VCONF", "MCONF", "GS MEAN", "PERIOD", "MOST FREQUENT");
  for (const DyadSummary& s : summaries) {
    const EventType* type = ontology.Find(s.top_code);
    fmt::print(out, "{:<16}{:>7}{:>7}{:>7}{:>7}{:>7}{:>10.2f}  {} .. {}  {} {}\n",
               s.first + "–" + s.second + "  ", s.events, s.by_quad_class[0], s.by_quad_class[1],
               s.by_quad_class[2], s.by_quad_class[3], s.goldstein_mean,
               FormatIsoDate(s.first_date), FormatIsoDate(s.last_date), s.top_code,
               type ? type->name : "");
  }
}

}  // namespace dyad

// ---- Time series ---------------------------------------------------------------

namespace dyad {

std::optional<Granularity> ParseGranularity(std::string_view name) {
  if (name == "day") return Granularity::kDay;
  if (name == "week") return Granularity::kWeek;
  if (name == "month") return Granularity::kMonth;
  if (name == "year") return Granularity::kYear;
  return std::nullopt;
}

CivilDate PeriodStart(const CivilDate& date, Granularity granularity) {
  switch (granularity) {
    case Granularity::kDay:
      return date;
    case Granularity::kWeek:
      return AddDays(date, -Weekday(date));
    case Granularity::kMonth:
      return {date.year, date.month, 1};
    case Granularity::kYear:
      return {date.year, 1, 1};
  }
  return date;
}

CivilDate NextPeriod(const CivilDate& start, Granularity granularity) {
  switch (granularity) {
    case Granularity::kDay:
      return AddDays(start, 1);
    case Granularity::kWeek:
      return AddDays(start, 7);
    case Granularity::kMonth:
      return start.month == 12 ? CivilDate{start.year + 1, 1, 1}
                               : CivilDate{start.year, start.month + 1, 1};
    case Granularity::kYear:
      return {start.year + 1, 1, 1};
  }
  return start;
}

std::string PeriodLabel(const CivilDate& start, Granularity granularity) {
  switch (granularity) {
    case Granularity::kDay:
      return FormatIsoDate(start);
    case Granularity::kWeek: {
      // ISO 8601: the week belongs to the year of its Thursday.
      const CivilDate thursday = AddDays(PeriodStart(start, Granularity::kWeek), 3);
      const int64_t day_of_year =
          DaysFromCivil(thursday) - DaysFromCivil(CivilDate{thursday.year, 1, 1});
      return fmt::format("{:04d}-W{:02d}", thursday.year, day_of_year / 7 + 1);
    }
    case Granularity::kMonth:
      return fmt::format("{:04d}-{:02d}", start.year, start.month);
    case Granularity::kYear:
      return fmt::format("{:04d}", start.year);
  }
  return FormatIsoDate(start);
}

void SeriesAccumulator::Add(const CivilDate& date, int quad_class, double goldstein,
                            uint64_t mentions) {
  if (points_.empty() || date < points_[last_].start || !(date < last_end_)) {
    const CivilDate start = PeriodStart(date, granularity_);
    auto it = std::lower_bound(
        points_.begin(), points_.end(), start,
        [](const SeriesPoint& point, const CivilDate& value) { return point.start < value; });
    if (it == points_.end() || it->start != start) {
      SeriesPoint point;
      point.start = start;
      it = points_.insert(it, point);
    }
    last_ = static_cast<size_t>(it - points_.begin());
    last_end_ = NextPeriod(start, granularity_);
  }
  SeriesPoint& point = points_[last_];
  ++point.events;
  point.mentions += mentions;
  point.goldstein_sum += goldstein;
  if (quad_class >= 1 && quad_class <= 4) ++point.by_quad_class[quad_class - 1];
}

std::vector<SeriesPoint> SeriesAccumulator::Finish() const {
  std::vector<SeriesPoint> out;
  for (const SeriesPoint& point : points_) {
    if (!out.empty()) {
      for (CivilDate gap = NextPeriod(out.back().start, granularity_); gap < point.start;
           gap = NextPeriod(gap, granularity_)) {
        SeriesPoint empty;
        empty.start = gap;
        empty.period = PeriodLabel(gap, granularity_);
        out.push_back(empty);
      }
    }
    SeriesPoint filled = point;
    filled.period = PeriodLabel(point.start, granularity_);
    filled.goldstein_mean =
        point.events > 0 ? point.goldstein_sum / static_cast<double>(point.events) : 0.0;
    out.push_back(std::move(filled));
  }
  return out;
}

// ---- Relation status -----------------------------------------------------------

const char* RelationChangeName(RelationChangeKind kind) {
  switch (kind) {
    case RelationChangeKind::kEstablished:
      return "established";
    case RelationChangeKind::kUpgraded:
      return "upgraded";
    case RelationChangeKind::kDowngraded:
      return "downgraded";
    case RelationChangeKind::kAmbassadorRecalled:
      return "ambassador recalled";
    case RelationChangeKind::kAmbassadorExpelled:
      return "ambassador expelled";
    case RelationChangeKind::kSevered:
      return "severed";
    case RelationChangeKind::kRestored:
      return "restored";
  }
  return "";
}

namespace {

// The evidence sentence in ASCII lower case: the rules look for word stems.
std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool HasAny(const std::string& text, std::initializer_list<std::string_view> stems) {
  for (std::string_view stem : stems) {
    if (text.find(stem) != std::string::npos) return true;
  }
  return false;
}

bool StartsWith(const std::string& code, std::string_view prefix) {
  return code.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

namespace {

// Diplomatic relations are kept between states and their governments: an
// event between a state and its opposition, military or rebels is not one.
bool StateOrGovernment(const ActorRef& actor) {
  return actor.sector.empty() || actor.sector == "GOV";
}

}  // namespace

std::optional<RelationChangeKind> ClassifyRelationChange(const Event& event) {
  if (!StateOrGovernment(event.source) || !StateOrGovernment(event.target)) return std::nullopt;
  const std::string text = LowerAscii(event.text);
  const bool expelling =
      HasAny(text, {"expel", "persona non grata", "kicked out", "ordered to leave"});
  const bool diplomats = HasAny(text, {"ambassador", "envoy", "diplomat", "charge d'affaires"});
  const bool relations = HasAny(text, {"relation", "ties"});
  const std::string& code = event.code;
  // 160 reduce relations, 161 reduce or break diplomatic relations: CAMEO
  // files recalling an ambassador here too, so the words decide which.
  if (code == "160" || code == "161") {
    if (diplomats && expelling) return RelationChangeKind::kAmbassadorExpelled;
    if (diplomats && HasAny(text, {"recall", "withdr", "call back", "called back", "summon"}))
      return RelationChangeKind::kAmbassadorRecalled;
    if (code == "160" || HasAny(text, {"downgrad", "reduc", "scale back", "scaled back", "lower"}))
      return RelationChangeKind::kDowngraded;
    return RelationChangeKind::kSevered;
  }
  // 166 expel or withdraw, 174 expel or deport individuals: only expelled
  // diplomats make it a change of the relation (deported migrants do not).
  if (StartsWith(code, "166") || code == "174") {
    if (diplomats && expelling) return RelationChangeKind::kAmbassadorExpelled;
    return std::nullopt;
  }
  const bool restoring = HasAny(text, {"restor", "re-establish", "reestablish", "resum", "normaliz",
                                       "normalis", "reopen", "re-open"});
  // 054 grant diplomatic recognition.
  if (code == "054") {
    return restoring && relations ? RelationChangeKind::kRestored
                                  : RelationChangeKind::kEstablished;
  }
  // Cooperation (QuadClass 1 and 2) that speaks of the relation itself.
  if (event.quad_class == 1 || event.quad_class == 2) {
    if (restoring && (relations || diplomats || HasAny(text, {"embass"})))
      return RelationChangeKind::kRestored;
    if (HasAny(text, {"upgrad", "elevat", "raise", "raising"}) &&
        (relations || HasAny(text, {"partnership"})))
      return RelationChangeKind::kUpgraded;
    if (HasAny(text, {"strategic partnership", "all-weather", "all weather"}) &&
        HasAny(text, {"establish", "announc", "sign", "agree", "form"}))
      return RelationChangeKind::kUpgraded;
    if (HasAny(text, {"establish"}) && relations) return RelationChangeKind::kEstablished;
  }
  return std::nullopt;
}

namespace {

// Whether `date` lies in the period of `start` at `precision`.
bool WithinPeriod(const CivilDate& start, DatePrecision precision, const CivilDate& date) {
  switch (precision) {
    case DatePrecision::kDay:
      return start == date;
    case DatePrecision::kMonth:
      return start.year == date.year && start.month == date.month;
    case DatePrecision::kYear:
      return start.year == date.year;
  }
  return false;
}

}  // namespace

RelationTimeline DeriveRelationTimeline(const std::string& first, const std::string& second,
                                        std::vector<Event> events) {
  // By date; at one date the most precise report first, then by id so the
  // order never depends on the input's.
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    if (x.date != y.date) return x.date < y.date;
    if (x.date_precision != y.date_precision) return x.date_precision < y.date_precision;
    return x.id < y.id;
  });
  RelationTimeline timeline{first, second, {}};
  for (Event& event : events) {
    const std::optional<RelationChangeKind> kind = ClassifyRelationChange(event);
    if (!kind) continue;
    if (!timeline.changes.empty() && timeline.changes.back().kind == *kind) {
      RelationChange& change = timeline.changes.back();
      if (event.date_precision < change.precision &&
          WithinPeriod(change.date, change.precision, event.date)) {
        // "in 2019" and "on 2019-01-23" report one change: keep the precise date.
        change.date = event.date;
        change.precision = event.date_precision;
        change.evidence.insert(change.evidence.begin(), std::move(event));
      } else {
        change.evidence.push_back(std::move(event));
      }
      continue;
    }
    RelationChange change{*kind, event.date, event.date_precision, {}};
    change.evidence.push_back(std::move(event));
    timeline.changes.push_back(std::move(change));
  }
  return timeline;
}

}  // namespace dyad
