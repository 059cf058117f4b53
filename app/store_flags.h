// Flags shared by the commands that read the event store (query, export):
// --db, the event filters, and turning them into an EventQuery.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "store/params.h"
#include "store/store.h"

namespace dyad::app {

// The store cannot be opened, read or written (not SQLite, newer schema,
// read-only or full disk).
constexpr int kExitStore = 3;

// The event filters as flags (--actor, --dyad, --from, ...); turn them into
// an EventQuery with BuildEventQuery("--", flags) from store/params.h.
void AddEventFilterFlags(CLI::App* command, EventFilterParams& flags);

// Opens the store, printing the reason and returning null on failure.
std::unique_ptr<EventStore> OpenStoreOrReport(const std::string& path, StoreMode mode);

// Prints "dyad: MESSAGE" and returns the exit code for a failed query:
// kExitStore when the store itself failed, kExitUsage for the question.
int ReportQueryError(const Status& status);

}  // namespace dyad::app
