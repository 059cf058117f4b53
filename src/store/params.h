// Query parameters as people type them — "2019-01-01", "yes", "VEN,USA" —
// turned into the store's query structs. `dyad query` (flags) and `dyad
// serve` (URL parameters) both go through here, so a filter means the same
// and fails with the same message on the command line and over HTTP.
//
// Every message names the parameter as the caller spells it: `prefix` is
// "--" for flags and "" for URL parameters ("--from '2019-13-01' is not a
// date in the form YYYY-MM-DD").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace dyad {

// The event filters, as text.
struct EventFilterParams {
  std::string actor, source, target, dyad, name, code, text;
  bool directed = false;
  int quad_class = 0;
  std::string from, to;
  std::string historical = "any";
};

// Empty stays unset; otherwise it must be YYYY-MM-DD.
StatusOr<std::optional<CivilDate>> ParseDateParam(std::string_view prefix, std::string_view name,
                                                  const std::string& text);
StatusOr<DateRange> ParseDateRange(std::string_view prefix, const std::string& from,
                                   const std::string& to);
// "yes" | "no" | "any" (or empty); anything else is kInvalidInput.
StatusOr<std::optional<bool>> ParseHistorical(std::string_view prefix, const std::string& value);
// "date" | "mentions" | "goldstein"
StatusOr<EventOrder> ParseEventOrder(std::string_view prefix, const std::string& value);

StatusOr<EventQuery> BuildEventQuery(std::string_view prefix, const EventFilterParams& params);

// A series: an actor against one other actor, or against everyone.
struct SeriesParams {
  std::string actor, other;
  bool directed = false;
  std::string by = "month";  // day | week | month | year
  std::string from, to;
  std::string historical = "any";
};
StatusOr<SeriesQuery> BuildSeriesQuery(std::string_view prefix, const SeriesParams& params);

struct StatusParams {
  std::string first, second;
  std::string from, to;
};
StatusOr<StatusQuery> BuildStatusQuery(std::string_view prefix, const StatusParams& params);

struct NetworkParams {
  std::string from, to;
  std::string historical = "any";
  size_t min_events = 1;
};
StatusOr<NetworkQuery> BuildNetworkQuery(std::string_view prefix, const NetworkParams& params);

}  // namespace dyad
