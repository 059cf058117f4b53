// serve: dyad's HTTP/1.1 server — the JSON API and the dashboard's files.
//
// Built on cpp-httplib (Debian's libcpp-httplib-dev): a thread pool, so a
// slow or stuck client holds one worker until its read/write timeout and
// never the others. Every response of /api/ is JSON, errors included:
// {"error": {"status": 400, "message": "..."}} with the right status (400 for
// a bad parameter, naming it; 404; 405; 413 for a body over the limit).
//
// Endpoints (docs/api.md has a request and answer for each):
//   GET  /api/health    {"status":"ok","version":...}
//   POST /api/code      code a pasted article without storing it; JSON
//                       {"text","date","id"} or a text/plain body with
//                       ?date=YYYY-MM-DD
//   GET  /api/events, /api/events/{id}, /api/series, /api/status,
//        /api/network, /api/actors, /api/documents/{key}, /api/stories/{id},
//        /api/stats     the store's answers (ServeOptions::db_path), with the
//                       filters and semantics of `dyad query`
//   GET  /              the dashboard: static files from ServeOptions::web_root
//
// Security: bound to a loopback address by default. Bound to anything else,
// the server requires a token on every /api/ request (Authorization: Bearer
// TOKEN, or ?token=) and refuses to start without one. Static paths are
// confined to web_root.
#pragma once

#include <memory>
#include <string>

#include "base/civil_date.h"
#include "base/status.h"
#include "pipeline/pipeline.h"

namespace dyad {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8427;       // 0: any free port (tests)
  std::string web_root;  // directory of the dashboard's static files
  std::string token;     // required when host is not a loopback address
  size_t max_body_bytes = 1u << 20;
  int io_timeout_seconds = 5;  // per read and per write on a connection
  CivilDate today;             // default report date for /api/code
  std::string db_path;         // the event store, opened read-only; empty: no store endpoints
  // Worker threads. Each holds one connection at a time (keep-alive
  // included), so this bounds the clients served at once; the others wait.
  int threads = 128;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

class Server {
 public:
  // Checks the options (token rule, web root); does not bind yet.
  // `pipeline` must outlive the server.
  static StatusOr<std::unique_ptr<Server>> Create(const ServeOptions& options,
                                                  const Pipeline& pipeline);
  ~Server();

  // Binds the socket; returns the port (useful when options.port is 0).
  StatusOr<int> Bind();
  // Serves until Stop() is called from another thread. Call after Bind().
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
