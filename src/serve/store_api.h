// The store's endpoints of `dyad serve --db` (/api/events, /api/series, ...),
// private to src/serve. Every answer comes from src/store's queries, built
// from URL parameters by src/store/params.h — the same code as `dyad query`.
//
// Each worker thread borrows its own read-only SQLite connection from a
// pool, so ingest keeps writing while the server reads. Successful answers
// are cached by request (path and sorted parameters) and reused until the
// store's DataVersion changes, that is until a document is ingested.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "actors/actors.h"
#include "base/civil_date.h"

namespace dyad {

class StoreApi {
 public:
  // `db_path` may be empty: then only /api/actors answers (without event
  // counts) and the other endpoints say the server has no store.
  StoreApi(std::string db_path, const ActorDictionary& actors, CivilDate today);
  ~StoreApi();

  // Checks that the store opens read-only (a clear error at start-up, not at
  // the first request).
  Status Check();

  // Routes /api/events, /api/events/{id}, /api/series, /api/status,
  // /api/network, /api/actors, /api/documents/{key}, /api/stories/{id},
  // /api/stats (GET only).
  void Register(httplib::Server& http);

  // True when `path` is one of those endpoints (for 405 on other methods).
  static bool Handles(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// An error answer: {"error":{"status":S,"message":M}}.
void SendJsonError(httplib::Response& response, int status, const std::string& message);

}  // namespace dyad
