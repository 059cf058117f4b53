// EventStore's private state, shared by store.cc (open, ingest) and
// query.cc (queries). Private to the store.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>

#include "store/sqlite.h"
#include "store/store.h"

namespace dyad {

struct EventStore::Impl {
  sqlite::Database db;
  bool writable = false;
  // Ingest statements, prepared once.
  std::optional<sqlite::Statement> find_document, insert_document, insert_text, insert_evidence,
      insert_mention, find_event, other_outlet_reported, upsert_event, insert_actor, find_band,
      find_signature, find_near_event, insert_signature, insert_band;
  // (actor, role) pairs known to be in the actors table: most events name
  // actors already stored, and skipping their inserts is a third of the
  // ingest's statements. Filled only after a commit, so a rolled-back
  // document cannot leave a name here that the table lacks.
  std::set<std::pair<std::string, std::string>> known_actors;
};

// How a query names an actor: the columns it is matched on.
enum class ActorRole { kMember, kCode, kOrg };

// The SELECT (without WHERE) of an event row with its first mention's
// evidence and document, as ReadEvent reads it; tables aliased e, m, d, s.
extern const char* const kEventColumns;
StoredEvent ReadEvent(const sqlite::Statement& row);

// Event ids are 16 hex digits outside and signed 64-bit integers inside.
int64_t EventKey(const std::string& hex_id);
std::string EventHex(int64_t key);

}  // namespace dyad
