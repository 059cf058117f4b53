// analyse: what the events say about each pair of actors.
//
// This slice summarises dyads: for every unordered pair of states or
// organisations (sectors folded into their country: VENGOV and VEN are both
// VEN), how many events, how many of each QuadClass, the mean Goldstein
// score, the first and last date, and the most frequent event code.
//
// It also holds what the store's queries compute outside SQL: the periods of
// a time series (day, ISO week, month, year) and their totals, the rules that
// turn a dyad's events into a relation-status timeline, and the shape of a
// network. Pure functions; the store feeds them rows.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/event.h"
#include "ontology/ontology.h"

namespace dyad {

struct DyadSummary {
  std::string first;  // the pair, alphabetically: "USA", "VEN"
  std::string second;
  size_t events = 0;
  std::array<size_t, 4> by_quad_class{};  // index quad_class - 1
  double goldstein_mean = 0.0;
  CivilDate first_date;
  CivilDate last_date;
  std::string top_code;  // the most frequent code (the lowest on a tie)
};

// The actor a summary groups by: the country, else the organisation, else the code.
std::string DyadMember(const ActorRef& actor);

// Sorted by number of events (most first), then by pair.
std::vector<DyadSummary> SummariseDyads(const std::vector<Event>& events);

void PrintDyadSummaries(const std::vector<DyadSummary>& summaries, const Ontology& ontology,
                        std::FILE* out);

// ---- Time series ---------------------------------------------------------------

enum class Granularity { kDay, kWeek, kMonth, kYear };

// "day" | "week" | "month" | "year"
std::optional<Granularity> ParseGranularity(std::string_view name);

// The first day of the period holding `date` (weeks start on Monday, ISO 8601).
CivilDate PeriodStart(const CivilDate& date, Granularity granularity);
// The first day of the next period.
CivilDate NextPeriod(const CivilDate& start, Granularity granularity);
// "2019-01-23", "2019-W04" (ISO week-numbering year), "2019-01", "2019".
std::string PeriodLabel(const CivilDate& start, Granularity granularity);

struct SeriesPoint {
  std::string period;  // PeriodLabel
  CivilDate start;     // first day of the period
  size_t events = 0;   // distinct (aggregated) events
  uint64_t mentions = 0;
  double goldstein_sum = 0.0;             // over events
  double goldstein_mean = 0.0;            // goldstein_sum / events, 0 for an empty period
  std::array<size_t, 4> by_quad_class{};  // events per QuadClass, index quad_class - 1
};

struct Series {
  std::string actor;
  std::string opponent;  // empty: against all
  bool directed = false;
  Granularity granularity = Granularity::kMonth;
  // From the first to the last period with events, empty periods included,
  // so that the rows load as a regular series.
  std::vector<SeriesPoint> points;
};

// Adds events one at a time (any order) and returns the filled series.
class SeriesAccumulator {
 public:
  explicit SeriesAccumulator(Granularity granularity) : granularity_(granularity) {}
  void Add(const CivilDate& date, int quad_class, double goldstein, uint64_t mentions);
  // Points from the first to the last period seen, gaps filled with zeros.
  std::vector<SeriesPoint> Finish() const;

 private:
  Granularity granularity_;
  std::vector<SeriesPoint> points_;  // sorted by start, no gaps filled yet
  // The period added to last: rows usually arrive in date order, so most
  // additions skip the search.
  size_t last_ = 0;
  CivilDate last_end_;
};

// ---- Relation status -----------------------------------------------------------

// The states a diplomatic relation passes through (docs/store.md gives the rules).
enum class RelationChangeKind {
  kEstablished,         // ties established, recognition granted
  kUpgraded,            // e.g. to a strategic partnership
  kDowngraded,          // relations reduced or downgraded
  kAmbassadorRecalled,  // an ambassador recalled or withdrawn
  kAmbassadorExpelled,  // diplomats expelled
  kSevered,             // relations broken off
  kRestored,            // relations restored or resumed
};

// "established" | "upgraded" | "downgraded" | "ambassador recalled" |
// "ambassador expelled" | "severed" | "restored"
const char* RelationChangeName(RelationChangeKind kind);

// What one event says about the state of its dyad's relation, if anything:
// decided by its CAMEO code, refined by words of the evidence sentence.
std::optional<RelationChangeKind> ClassifyRelationChange(const Event& event);

struct RelationChange {
  RelationChangeKind kind;
  CivilDate date;  // the date of the most precise report of the change
  DatePrecision precision = DatePrecision::kDay;
  std::vector<Event> evidence;  // the events that report it, first the one dated
};

struct RelationTimeline {
  std::string first;  // the dyad as asked
  std::string second;
  std::vector<RelationChange> changes;  // chronological; the last is the current status
};

// Builds the timeline from the dyad's events (any order). Consecutive events
// of the same kind are one change; a vaguer date (2019) that contains a more
// precise one (2019-01-23) yields to it.
RelationTimeline DeriveRelationTimeline(const std::string& first, const std::string& second,
                                        std::vector<Event> events);

// ---- Network ---------------------------------------------------------------------

struct NetworkNode {
  std::string actor;  // DyadMember
  size_t events = 0;  // as source or target
};

struct NetworkEdge {
  std::string source;  // directed: who acted
  std::string target;
  size_t events = 0;
  size_t cooperation = 0;  // QuadClass 1 and 2
  size_t conflict = 0;     // QuadClass 3 and 4
  double goldstein_sum = 0.0;
  uint64_t mentions = 0;
};

struct Network {
  std::vector<NetworkNode> nodes;  // sorted by actor
  std::vector<NetworkEdge> edges;  // sorted by source, then target
};

}  // namespace dyad
