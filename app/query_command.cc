// `dyad query`: the questions analysts ask of the event store. The answers
// come from src/store; this file only reads flags and prints.
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "export/export.h"
#include "store_flags.h"

namespace dyad::app {

namespace {

struct QueryOptions {
  std::string db;
  std::string format = "table";
  // events
  EventFilterParams filters;
  std::string sort = "date";
  bool descending = false;
  size_t limit = 100;
  size_t offset = 0;
  // series, status
  std::vector<std::string> actors;
  std::string by = "month";
  bool directed = false;
  std::string from, to;
  std::string historical = "any";
  // network
  size_t min_events = 1;
};

void Print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

int RunEvents(EventStore& store, const QueryOptions& options) {
  auto query = BuildEventQuery("--", options.filters);
  if (!query.ok()) return ReportQueryError(query.status());
  auto order = ParseEventOrder("--", options.sort);
  if (!order.ok()) return ReportQueryError(order.status());
  query->order = *order;
  query->descending = options.descending;
  query->limit = options.limit;
  query->offset = options.offset;
  auto page = store.QueryEvents(*query);
  if (!page.ok()) return ReportQueryError(page.status());
  const TableFormat format = *ParseTableFormat(options.format);
  if (format == TableFormat::kJson) {
    // The event record as dyad code writes it, in an array.
    std::string out = "[";
    for (size_t i = 0; i < page->events.size(); ++i) {
      out += (i == 0 ? "\n" : ",\n") + EventToJson(page->events[i].event);
    }
    Print(out + (page->events.empty() ? "]\n" : "\n]\n"));
    return kExitOk;
  }
  ResultTable table = EventsTable(*page);
  if (format == TableFormat::kTable) {
    // For reading: the columns a person scans, the rest is in CSV and JSON.
    ResultTable shown;
    for (const char* column : {"date", "source_code", "target_code", "code", "goldstein",
                               "mentions", "sources", "articles", "doc", "text"}) {
      const size_t index = static_cast<size_t>(
          std::find(table.columns.begin(), table.columns.end(), column) - table.columns.begin());
      shown.columns.push_back(table.columns[index]);
      shown.types.push_back(table.types[index]);
    }
    for (const auto& row : table.rows) {
      shown.rows.emplace_back();
      for (const std::string& column : shown.columns) {
        const size_t index = static_cast<size_t>(
            std::find(table.columns.begin(), table.columns.end(), column) - table.columns.begin());
        shown.rows.back().push_back(row[index]);
      }
    }
    Print(RenderTable(shown, format));
    fmt::print(stderr, "dyad: {} of {} matching event(s)\n", page->events.size(), page->total);
    return kExitOk;
  }
  Print(RenderTable(table, format));
  return kExitOk;
}

int RunSeries(EventStore& store, const QueryOptions& options) {
  SeriesParams params;
  params.actor = options.actors[0];
  if (options.actors.size() > 1) params.other = options.actors[1];
  params.directed = options.directed;
  params.by = options.by;
  params.from = options.from;
  params.to = options.to;
  params.historical = options.historical;
  auto query = BuildSeriesQuery("--", params);
  if (!query.ok()) return ReportQueryError(query.status());
  auto series = store.QuerySeries(*query);
  if (!series.ok()) return ReportQueryError(series.status());
  Print(RenderTable(SeriesTable(*series), *ParseTableFormat(options.format)));
  return kExitOk;
}

int RunStatus(EventStore& store, const QueryOptions& options) {
  if (options.actors.size() != 2) {
    fmt::print(stderr, "dyad: status needs two actors, e.g. dyad query status VEN USA\n");
    return kExitUsage;
  }
  auto query =
      BuildStatusQuery("--", {options.actors[0], options.actors[1], options.from, options.to});
  if (!query.ok()) return ReportQueryError(query.status());
  auto timeline = store.QueryStatus(*query);
  if (!timeline.ok()) return ReportQueryError(timeline.status());
  const TableFormat format = *ParseTableFormat(options.format);
  if (format == TableFormat::kTable) {
    Print(StatusSentence(*timeline) + "\n");
    if (!timeline->changes.empty()) Print("\n" + RenderTable(StatusTable(*timeline), format));
    return kExitOk;
  }
  Print(RenderTable(StatusTable(*timeline), format));
  return kExitOk;
}

int RunNetwork(EventStore& store, const QueryOptions& options) {
  auto query =
      BuildNetworkQuery("--", {options.from, options.to, options.historical, options.min_events});
  if (!query.ok()) return ReportQueryError(query.status());
  auto network = store.QueryNetwork(*query);
  if (!network.ok()) return ReportQueryError(network.status());
  if (options.format == "json") {
    Print(NetworkJson(*network));
  } else if (options.format == "graphml") {
    Print(NetworkGraphMl(*network));
  } else {
    Print(RenderTable(NetworkEdgesTable(*network), *ParseTableFormat(options.format)));
  }
  return kExitOk;
}

void AddPeriodFlags(CLI::App* command, QueryOptions& options) {
  command->add_option("--from", options.from, "First event date, YYYY-MM-DD (inclusive)");
  command->add_option("--to", options.to, "Last event date, YYYY-MM-DD (inclusive)");
}

void AddHistoricalFlag(CLI::App* command, QueryOptions& options) {
  command
      ->add_option("--historical", options.historical,
                   "Historical events (recollections): yes, no or any (default any)")
      ->check(CLI::IsMember({"yes", "no", "any"}));
}

}  // namespace

CommandRunner RegisterQueryCommand(CLI::App& app) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* command =
      app.add_subcommand("query", "Ask the event store: events, series, status, network");
  command->add_option("--db", options->db, "The store: an SQLite file made by dyad ingest")
      ->required();
  command->require_subcommand(1);
  command->fallthrough();  // --db may also follow the subcommand

  CLI::App* events =
      command->add_subcommand("events", "Events matching filters, sorted, paginated");
  AddEventFilterFlags(events, options->filters);
  events->add_option("--sort", options->sort, "date, mentions or goldstein (default date)")
      ->check(CLI::IsMember({"date", "mentions", "goldstein"}));
  events->add_flag("--desc", options->descending, "Sort in descending order");
  events->add_option("--limit", options->limit, "At most this many events (default 100, 0 = all)");
  events->add_option("--offset", options->offset, "Skip this many events first");
  events->add_option("--format", options->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));

  CLI::App* series = command->add_subcommand(
      "series", "Counts per period for a dyad, or for an actor against all others");
  series->add_option("actors", options->actors, "ACTOR [OTHER]: VEN CHN, or VEN alone")
      ->required()
      ->expected(1, 2);
  series->add_option("--by", options->by, "day, week, month (default) or year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  series->add_flag("--directed", options->directed, "Only events in which ACTOR is the source");
  AddPeriodFlags(series, *options);
  AddHistoricalFlag(series, *options);
  series->add_option("--format", options->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));

  CLI::App* status = command->add_subcommand(
      "status", "The diplomatic relation-status timeline of a dyad, with its evidence");
  status->add_option("actors", options->actors, "The two actors: VEN USA")->required()->expected(2);
  AddPeriodFlags(status, *options);
  status->add_option("--format", options->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));

  CLI::App* network = command->add_subcommand(
      "network", "Actors and their weighted cooperation and conflict edges in a period");
  AddPeriodFlags(network, *options);
  AddHistoricalFlag(network, *options);
  network->add_option("--min-events", options->min_events,
                      "Leave out edges with fewer events (default 1)");
  network->add_option("--format", options->format, "table (default), csv, json or graphml")
      ->check(CLI::IsMember({"table", "csv", "json", "graphml"}));

  return [command, events, series, status, network, options]() -> int {
    if (!command->parsed()) return -1;
    const std::unique_ptr<EventStore> store = OpenStoreOrReport(options->db, StoreMode::kReadOnly);
    if (store == nullptr) return kExitStore;
    if (events->parsed()) return RunEvents(*store, *options);
    if (series->parsed()) return RunSeries(*store, *options);
    if (status->parsed()) return RunStatus(*store, *options);
    if (network->parsed()) return RunNetwork(*store, *options);
    return kExitUsage;
  };
}

}  // namespace dyad::app
