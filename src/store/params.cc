#include "store/params.h"

#include <fmt/core.h>

namespace dyad {

StatusOr<std::optional<CivilDate>> ParseDateParam(std::string_view prefix, std::string_view name,
                                                  const std::string& text) {
  if (text.empty()) return std::optional<CivilDate>();
  const std::optional<CivilDate> date = ParseIsoDate(text);
  if (!date) {
    return Status::InvalidInput(
        fmt::format("{}{} '{}' is not a date in the form YYYY-MM-DD", prefix, name, text));
  }
  return date;
}

StatusOr<DateRange> ParseDateRange(std::string_view prefix, const std::string& from,
                                   const std::string& to) {
  auto first = ParseDateParam(prefix, "from", from);
  if (!first.ok()) return first.status();
  auto last = ParseDateParam(prefix, "to", to);
  if (!last.ok()) return last.status();
  return DateRange{*first, *last};
}

StatusOr<std::optional<bool>> ParseHistorical(std::string_view prefix, const std::string& value) {
  if (value == "yes") return std::optional<bool>(true);
  if (value == "no") return std::optional<bool>(false);
  if (value == "any" || value.empty()) return std::optional<bool>();
  return Status::InvalidInput(
      fmt::format("{}historical '{}' is not one of yes, no, any", prefix, value));
}

StatusOr<EventOrder> ParseEventOrder(std::string_view prefix, const std::string& value) {
  if (value == "date" || value.empty()) return EventOrder::kDate;
  if (value == "mentions") return EventOrder::kMentions;
  if (value == "goldstein") return EventOrder::kGoldstein;
  return Status::InvalidInput(
      fmt::format("{}sort '{}' is not one of date, mentions, goldstein", prefix, value));
}

namespace {

// The period and the historical filter, which most queries share.
template <typename Query>
Status ParsePeriodInto(std::string_view prefix, const std::string& from, const std::string& to,
                       const std::string& historical, Query& query) {
  auto dates = ParseDateRange(prefix, from, to);
  if (!dates.ok()) return dates.status();
  query.dates = *dates;
  auto parsed = ParseHistorical(prefix, historical);
  if (!parsed.ok()) return parsed.status();
  query.historical = *parsed;
  return Status::Ok();
}

}  // namespace

StatusOr<EventQuery> BuildEventQuery(std::string_view prefix, const EventFilterParams& params) {
  EventQuery query;
  Status period = ParsePeriodInto(prefix, params.from, params.to, params.historical, query);
  if (!period.ok()) return period;
  query.actor = params.actor;
  query.source = params.source;
  query.target = params.target;
  if (!params.dyad.empty()) {
    const size_t comma = params.dyad.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == params.dyad.size() ||
        params.dyad.find(',', comma + 1) != std::string::npos) {
      return Status::InvalidInput(
          fmt::format("{}dyad '{}' is not a pair of actors such as VEN,USA", prefix, params.dyad));
    }
    if (!params.source.empty() || !params.target.empty()) {
      return Status::InvalidInput(
          fmt::format("{0}dyad cannot be combined with {0}source or {0}target", prefix));
    }
    query.source = params.dyad.substr(0, comma);
    query.target = params.dyad.substr(comma + 1);
    query.either_direction = !params.directed;
  }
  query.actor_name = params.name;
  query.code = params.code;
  query.quad_class = params.quad_class;
  query.text = params.text;
  return query;
}

StatusOr<SeriesQuery> BuildSeriesQuery(std::string_view prefix, const SeriesParams& params) {
  if (params.actor.empty()) {
    return Status::InvalidInput(fmt::format("{}actor is required for a series", prefix));
  }
  SeriesQuery query;
  query.actor = params.actor;
  query.opponent = params.other;
  query.directed = params.directed;
  const std::optional<Granularity> granularity = ParseGranularity(params.by);
  if (!granularity) {
    return Status::InvalidInput(
        fmt::format("{}by '{}' is not one of day, week, month, year", prefix, params.by));
  }
  query.granularity = *granularity;
  Status period = ParsePeriodInto(prefix, params.from, params.to, params.historical, query);
  if (!period.ok()) return period;
  return query;
}

StatusOr<StatusQuery> BuildStatusQuery(std::string_view prefix, const StatusParams& params) {
  if (params.first.empty() || params.second.empty()) {
    return Status::InvalidInput("a relation status needs two actors");
  }
  StatusQuery query;
  query.first = params.first;
  query.second = params.second;
  auto dates = ParseDateRange(prefix, params.from, params.to);
  if (!dates.ok()) return dates.status();
  query.dates = *dates;
  return query;
}

StatusOr<NetworkQuery> BuildNetworkQuery(std::string_view prefix, const NetworkParams& params) {
  NetworkQuery query;
  Status period = ParsePeriodInto(prefix, params.from, params.to, params.historical, query);
  if (!period.ok()) return period;
  query.min_events = params.min_events;
  return query;
}

}  // namespace dyad
