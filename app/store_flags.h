// Flags shared by the commands that read the event store (query, export):
// --db, the event filters, and turning them into an EventQuery.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "store/store.h"

namespace dyad::app {

// The store cannot be opened, read or written (not SQLite, newer schema,
// read-only or full disk).
constexpr int kExitStore = 3;

struct EventFilterFlags {
  std::string actor, source, target, dyad, name, code, text;
  bool directed = false;
  int quad_class = 0;
  std::string from, to;
  std::string historical = "any";
};

void AddEventFilterFlags(CLI::App* command, EventFilterFlags& flags);

// A date flag: empty stays unset; otherwise it must be YYYY-MM-DD.
StatusOr<std::optional<CivilDate>> ParseDateFlag(const std::string& flag, const std::string& text);
StatusOr<DateRange> ParseDateRange(const std::string& from, const std::string& to);
// "yes" | "no" | "any"
std::optional<bool> ParseHistorical(const std::string& value);

StatusOr<EventQuery> BuildEventQuery(const EventFilterFlags& flags);

// Opens the store, printing the reason and returning null on failure.
std::unique_ptr<EventStore> OpenStoreOrReport(const std::string& path, StoreMode mode);

// Prints "dyad: MESSAGE" and returns the exit code for a failed query:
// kExitStore when the store itself failed, kExitUsage for the question.
int ReportQueryError(const Status& status);

}  // namespace dyad::app
