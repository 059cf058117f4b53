// store: the event store — documents, their evidence, event mentions and
// aggregated events in an embedded SQLite database, and the queries analysts
// ask of it.
//
// Takes coded documents (Document + its Events from the pipeline); returns
// query results as plain structs, so the CLI and an HTTP server format the
// same results ("one implementation, not two"). Schema, query semantics and
// the GDELT column mapping: docs/store.md.
//
// Promises:
//   - Versioned schema (PRAGMA user_version = kStoreSchemaVersion) migrated
//     forward on open for writing; a store of a newer version, a file that is
//     not SQLite or an SQLite file that is not a dyad store is refused with a
//     message and left untouched. Opening read-only never creates or changes
//     anything.
//   - WAL journal: readers (other EventStore objects, other processes) query
//     while one writer ingests.
//   - IngestDocument is atomic: a document, its evidence, mentions and the
//     updated event counts commit together or not at all (a kill -9 at any
//     point leaves either all of it or none). A document whose content hash
//     is already stored is a no-op.
//   - Aggregation: events are keyed by their EventId (src/base/event.h). A new
//     report of a known event adds a mention and updates mentions (sentences),
//     articles (documents) and sources (distinct outlets) instead of adding a
//     duplicate. A day-precision report dated a day from a stored report of
//     the same actors and code is the same event (as `dyad code --window 1`).
// Thread safety: an EventStore is one SQLite connection, used from one thread
// at a time; open one per thread.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/analyse.h"
#include "base/civil_date.h"
#include "base/document.h"
#include "base/event.h"
#include "base/status.h"
#include "dedup/dedup.h"

namespace dyad {

inline constexpr int kStoreSchemaVersion = 3;

enum class StoreMode {
  kReadOnly,   // queries and exports; the file must exist and is never written
  kReadWrite,  // ingest; the file is created (with its directory's permission) when missing
};

// A stable hash of a document's raw text (before cleaning), 32 hex digits:
// what makes re-ingesting the same article a no-op.
std::string ContentHash(std::string_view raw_text);

// One coded document as the store keeps it.
struct StoredDocument {
  const Document* document = nullptr;  // its clean text (after Pipeline::CodeDocument)
  std::string content_hash;            // ContentHash of the raw text
  // The story (cluster of near-duplicate documents) it belongs to. Empty:
  // found from `signature` among the stored documents (the story of the
  // most similar one whose estimated Jaccard similarity reaches the dedup
  // threshold), else a story of its own, named by the document id.
  std::string story_id;
  // Its text's MinHash signature (src/dedup, default options); null: no
  // story search, and later documents cannot join its story by text.
  const MinHashSignature* signature = nullptr;
  size_t sentences = 0;
  int64_t ingested_at = 0;  // Unix seconds; 0: now
};

struct IngestOutcome {
  bool duplicate = false;     // the content hash was already stored: nothing changed
  size_t mentions = 0;        // event mentions added
  size_t new_events = 0;      // events not seen before
  size_t updated_events = 0;  // known events whose counts grew
};

struct StoreCounts {
  int64_t documents = 0;
  int64_t stories = 0;
  int64_t events = 0;
  int64_t mentions = 0;
};

// An inclusive range of event dates; either end may be open.
struct DateRange {
  std::optional<CivilDate> from;
  std::optional<CivilDate> to;
};

// An aggregated event: the record (with mentions/sources/articles and the
// first mention's evidence) plus what GDELT-like exports also need.
struct StoredEvent {
  Event event;
  std::string url;      // the first report's URL, may be empty
  std::string outlet;   // the first report's source (outlet), may be empty
  int64_t doc_key = 0;  // the first report's document, for GetDocument
};

// Actors in queries are matched on either an actor's code ("VENGOV"), its
// country ("VEN") or its organisation ("NATO"). An actor that no stored event
// names is an error (kNotFound), so a typo does not look like silence.
enum class EventOrder { kDate, kMentions, kGoldstein };

struct EventQuery {
  std::string actor;              // either side
  std::string source;             // the source side (with `target`: a dyad)
  std::string target;             // the target side
  bool either_direction = false;  // source and target may be swapped (undirected dyad)
  std::string actor_name;         // a substring of either actor's name, case-insensitive (ASCII)
  std::string code;               // CAMEO code or prefix: "16" (a root), "161", "1661"
  int quad_class = 0;             // 1..4, 0 = any
  DateRange dates;
  std::optional<bool> historical;  // nullopt = both
  std::string text;                // a substring of the evidence sentence
  EventOrder order = EventOrder::kDate;
  bool descending = false;
  size_t limit = 0;  // 0 = all
  size_t offset = 0;
};

struct EventPage {
  std::vector<StoredEvent> events;
  size_t total = 0;  // matching events before limit/offset
};

struct SeriesQuery {
  std::string actor;      // required
  std::string opponent;   // empty: the actor against every other actor
  bool directed = false;  // only events whose source is `actor`
  Granularity granularity = Granularity::kMonth;
  DateRange dates;
  std::optional<bool> historical;
};

struct NetworkQuery {
  DateRange dates;
  std::optional<bool> historical;
  size_t min_events = 1;  // edges with fewer events are left out
};

struct StatusQuery {
  std::string first;  // the dyad, in either order
  std::string second;
  DateRange dates;
};

// One report of an event: the sentence and the document it came from.
struct EventReport {
  int64_t doc_key = 0;  // the document's number in this store
  std::string doc_id, title, url, outlet;
  CivilDate report_date;
  uint32_t sentence = 0;
  uint32_t span_begin = 0, span_end = 0;  // code points into the document's clean text
  std::string text;                       // the sentence
  double confidence = 0.0;
  bool historical = false;
};

struct EventDetail {
  StoredEvent stored;
  std::vector<EventReport> reports;  // every sentence that reported it, in ingest order
};

// Where an event was found in a document.
struct DocumentSpan {
  std::string event_id, code, source, target;
  uint32_t sentence = 0;
  uint32_t span_begin = 0, span_end = 0;
  bool historical = false;
};

struct DocumentDetail {
  int64_t key = 0;
  std::string id, title, url, outlet, origin, story;
  CivilDate report_date;
  int64_t sentences = 0;
  std::optional<std::string> text;  // the clean text; none for documents stored before schema 2
  std::vector<DocumentSpan> spans;  // in text order
};

struct StoryDocument {
  int64_t key = 0;
  std::string id, title, url, outlet;
  CivilDate report_date;
  int64_t mentions = 0;
};

struct StoreStats {
  StoreCounts counts;
  std::optional<CivilDate> first_date, last_date;  // of events
  int64_t last_ingest = 0;                         // Unix seconds; 0 when unknown
};

class EventStore {
 public:
  // Opens (kReadWrite: creates when missing, migrates) the store at `path`.
  static StatusOr<std::unique_ptr<EventStore>> Open(const std::string& path, StoreMode mode);
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  const std::string& path() const { return path_; }

  // Whether a document with this content hash is stored (lets ingest skip coding).
  StatusOr<bool> HasDocument(const std::string& content_hash);

  // Stores one coded document and its events atomically. Fails (and changes
  // nothing) on a write error: disk full, read-only file.
  StatusOr<IngestOutcome> IngestDocument(const StoredDocument& document,
                                         const std::vector<Event>& events);

  StatusOr<StoreCounts> Counts();
  // PRAGMA integrity_check: "ok", or SQLite's list of problems.
  StatusOr<std::string> IntegrityCheck();

  // Queries. Errors: kInvalidInput for an impossible query (from > to, bad
  // QuadClass), kNotFound for an unknown actor.
  StatusOr<EventPage> QueryEvents(const EventQuery& query);
  StatusOr<Series> QuerySeries(const SeriesQuery& query);
  StatusOr<RelationTimeline> QueryStatus(const StatusQuery& query);
  StatusOr<Network> QueryNetwork(const NetworkQuery& query);

  // Details for the HTTP API. kNotFound when there is no such event,
  // document or story.
  StatusOr<EventDetail> GetEvent(const std::string& event_id);  // 16 hex digits
  StatusOr<DocumentDetail> GetDocument(int64_t key);
  StatusOr<std::vector<StoryDocument>> GetStory(const std::string& story_id);
  StatusOr<StoreStats> Stats();
  // Events per dyad member (country or organisation), either side.
  StatusOr<std::map<std::string, int64_t>> MemberEventCounts();
  // A number that grows with every ingested document: cached answers made
  // at an older version are stale.
  StatusOr<int64_t> DataVersion();

  // Every matching event (limit/offset honoured), in query order, without
  // holding them all in memory: what exports use.
  Status ForEachEvent(const EventQuery& query,
                      const std::function<Status(const StoredEvent&)>& visit);

 private:
  struct Impl;
  EventStore(std::string path, std::unique_ptr<Impl> impl);
  // The key under which `event` is stored: its own id, or the id of the
  // stored report of the same event dated a day apart; and whether that
  // event is stored already (inside an ingest).
  struct StoredKey {
    int64_t key;
    bool known;
  };
  StatusOr<StoredKey> KnownEventKey(const Event& event);
  // The story of the most similar stored document, or "" (inside an ingest).
  StatusOr<std::string> FindStory(const std::vector<int64_t>& bands,
                                  const MinHashSignature& signature);

  std::string path_;
  std::unique_ptr<Impl> impl_;
};

// ---- GDELT 2.0 event table ----------------------------------------------------
// The 61 columns of the GDELT 2.0 event table, in GDELT's order, and one
// event's values for them (mapping in docs/store.md). GDELT files have no
// header row.
const std::vector<std::string>& GdeltColumns();
std::vector<std::string> GdeltValues(const StoredEvent& stored);

// ---- Result tables ------------------------------------------------------------
// Every query result converts to a ResultTable, which renders as a table for
// people, CSV (RFC 4180, header row) or JSON (an array of objects whose keys
// are the column names; numbers and booleans unquoted, empty cells null).
enum class CellType { kText, kInteger, kNumber, kBoolean };

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<CellType> types;
  std::vector<std::vector<std::string>> rows;
};

enum class TableFormat { kTable, kCsv, kJson };
std::optional<TableFormat> ParseTableFormat(std::string_view name);  // "table" | "csv" | "json"

ResultTable EventsTable(const EventPage& page);
ResultTable SeriesTable(const Series& series);
ResultTable StatusTable(const RelationTimeline& timeline);
ResultTable NetworkEdgesTable(const Network& network);

std::string RenderTable(const ResultTable& table, TableFormat format);
// The network as JSON {"nodes": [...], "edges": [...]} and as GraphML.
std::string NetworkJson(const Network& network);
std::string NetworkGraphMl(const Network& network);
// "VEN–USA: severed since 2019-01-23 (evidence: doc 000, sentence 4: "…")".
std::string StatusSentence(const RelationTimeline& timeline);

}  // namespace dyad
