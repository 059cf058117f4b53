// The event store's speed: ingest rate and series queries over 10 million
// synthetic events.
//
//   build/release/bench/store_bench [STORE.db] [MILLIONS_OF_EVENTS]
//   build/release/bench/store_bench --synthetic-only STORE.db MILLIONS_OF_EVENTS
//
// 1. Ingest through the real pipeline: the bundled examples, each article
//    repeated with a distinct text (so none is a duplicate), coded and stored
//    into a fresh store: documents/s and event mentions/s, coding included,
//    and the store's share alone.
// 2. A store of MILLIONS_OF_EVENTS (default 10) million synthetic events at
//    STORE.db (default /tmp/dyad-bench-10m.db), built once (actors drawn
//    with a skew so that a few states dominate, as in real news) and reused
//    by later runs; then series queries, each timed: a dyad by month, an
//    actor against all by month and by day.
// Run it from a Release build; it is not part of the test suite.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

void IngestRate() {
  auto pipeline = dyad::Pipeline::Load({DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "ingest rate skipped: %s\n", pipeline.status().message().c_str());
    return;
  }
  std::vector<dyad::Document> articles;
  dyad::ReadCallbacks callbacks;
  callbacks.on_document = [&](dyad::Document&& document) { articles.push_back(document); };
  callbacks.on_issue = [](const dyad::ReadIssue&) {};
  dyad::ReaderOptions reader;
  reader.default_report_date = {2024, 1, 1};
  dyad::ReadDocuments(DYAD_SOURCE_DIR "/examples/news.jsonl", reader, callbacks);

  const std::string path = "/tmp/dyad-bench-ingest-" + std::to_string(getpid()) + ".db";
  RemoveStore(path);
  auto store = dyad::EventStore::Open(path, dyad::StoreMode::kReadWrite);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    std::exit(1);
  }
  constexpr int kCopies = 50;
  size_t documents = 0, mentions = 0;
  double store_seconds = 0;
  const auto start = Clock::now();
  for (int copy = 0; copy < kCopies; ++copy) {
    for (const dyad::Document& article : articles) {
      dyad::Document document = article;
      document.id += "-" + std::to_string(copy);
      document.text += " Copy " + std::to_string(copy) + ".";
      dyad::StoredDocument stored;
      stored.content_hash = dyad::ContentHash(document.text);
      const dyad::DocumentResult result = (*pipeline)->CodeDocument(document);
      stored.document = &document;
      stored.sentences = result.sentences;
      const auto store_start = Clock::now();
      auto outcome = (*store)->IngestDocument(stored, result.events);
      store_seconds += Seconds(store_start);
      if (!outcome.ok()) {
        std::fprintf(stderr, "%s\n", outcome.status().message().c_str());
        std::exit(1);
      }
      ++documents;
      mentions += outcome->mentions;
    }
  }
  const double seconds = Seconds(start);
  std::printf(
      "ingest (coding + store): %zu documents, %zu event mentions in %.2f s: %.0f "
      "documents/s, %.0f events/s\n",
      documents, mentions, seconds, documents / seconds, mentions / seconds);
  std::printf("ingest (store alone):    %.2f s: %.0f documents/s, %.0f events/s\n", store_seconds,
              documents / store_seconds, mentions / store_seconds);
  store->reset();
  RemoveStore(path);
}

// 60 actors; actor k is drawn with weight 1/(k+1) (Zipf), so USA, the first,
// is in about a fifth of all events.
const char* kActors[] = {"USA", "CHN", "RUS", "VEN", "GBR", "FRA", "DEU", "IND", "BRA", "COL",
                         "IRN", "ISR", "UKR", "TUR", "JPN", "KOR", "PRK", "SAU", "EGY", "PAK",
                         "MEX", "ARG", "CUB", "NGA", "ZAF", "ETH", "KEN", "SYR", "IRQ", "AFG",
                         "ITA", "ESP", "POL", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MYS",
                         "CHL", "PER", "ECU", "BOL", "URY", "PRY", "NIC", "PAN", "GRC", "SRB",
                         "HUN", "ROU", "SWE", "NOR", "FIN", "DNK", "NLD", "BEL", "CHE", "AUT"};
constexpr const char* kCodes[][3] = {
    {"010", "1", "0.0"},  {"020", "1", "3.0"},  {"036", "1", "4.0"},  {"040", "1", "1.0"},
    {"042", "1", "1.9"},  {"043", "1", "2.8"},  {"046", "1", "7.0"},  {"051", "1", "3.4"},
    {"057", "2", "8.0"},  {"061", "2", "6.4"},  {"070", "2", "7.0"},  {"085", "2", "7.0"},
    {"111", "3", "-2.0"}, {"112", "3", "-2.0"}, {"120", "3", "-4.0"}, {"130", "3", "-4.4"},
    {"161", "4", "-4.0"}, {"163", "4", "-8.0"}, {"174", "4", "-5.0"}, {"190", "4", "-10.0"}};

// The synthetic store is filled with SQL directly (one transaction, rows in
// id order): going through IngestDocument would measure the ingest again and
// take most of an hour for 10 million events. Every event has a first
// mention in a synthetic document (20 per document) with an evidence
// sentence, so event listings (dyad query events, /api/events) work on it
// as on a real store.
void BuildSyntheticStore(const std::string& path, long events_wanted) {
  {
    auto store = dyad::EventStore::Open(path, dyad::StoreMode::kReadWrite);  // the schema
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().message().c_str());
      std::exit(1);
    }
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) std::exit(1);
  sqlite3_exec(db, "PRAGMA cache_size=-524288; PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr,
               nullptr);
  std::mt19937_64 random(42);
  std::vector<double> weights;
  for (size_t k = 0; k < std::size(kActors); ++k) weights.push_back(1.0 / (k + 1));
  std::discrete_distribution<size_t> actor(weights.begin(), weights.end());
  std::uniform_int_distribution<size_t> code(0, std::size(kCodes) - 1);
  std::uniform_int_distribution<int64_t> day(dyad::DaysFromCivil({1995, 1, 1}),
                                             dyad::DaysFromCivil({2024, 12, 31}));
  struct Row {
    int64_t id;
    int64_t date;
    uint8_t source, target, code;
  };
  const auto start = Clock::now();
  std::vector<Row> rows;
  rows.reserve(static_cast<size_t>(events_wanted));
  for (long i = 0; i < events_wanted; ++i) {
    Row row;
    row.source = static_cast<uint8_t>(actor(random));
    do {
      row.target = static_cast<uint8_t>(actor(random));
    } while (row.target == row.source);
    row.code = static_cast<uint8_t>(code(random));
    row.date = day(random);
    dyad::Event event;
    event.source.code = kActors[row.source];
    event.target.code = kActors[row.target];
    event.code = kCodes[row.code][0];
    event.date = dyad::CivilFromDays(row.date);
    row.id = static_cast<int64_t>(std::strtoull(dyad::EventId(event).c_str(), nullptr, 16));
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.id < b.id; });
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(
      db,
      "INSERT OR IGNORE INTO events VALUES (?1, ?2, 0, 0, ?2, 0, ?3, ?3, '', '', ?3, ?3, ?4, ?4, "
      "'', '', ?4, ?4, ?5, substr(?5, 1, 2), ?6, ?7, 0.9, 1, 1, 1, 0)",
      -1, &insert, nullptr);
  for (const Row& row : rows) {
    sqlite3_bind_int64(insert, 1, row.id);
    sqlite3_bind_int64(insert, 2, row.date);
    sqlite3_bind_text(insert, 3, kActors[row.source], -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 4, kActors[row.target], -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 5, kCodes[row.code][0], -1, SQLITE_STATIC);
    sqlite3_bind_int(insert, 6, std::atoi(kCodes[row.code][1]));
    sqlite3_bind_double(insert, 7, std::atof(kCodes[row.code][2]));
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_stmt* mention = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO mentions (mention_key, event_id, doc_key, sentence, span_start, "
                     "span_end, confidence, historical, date_from_report, source_name, "
                     "target_name) VALUES (?1, ?2, ?3, ?4, 0, 24, 0.9, 0, 0, ?5, ?6)",
                     -1, &mention, nullptr);
  sqlite3_stmt* evidence = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO evidence (doc_key, sentence, sentence_begin, text) VALUES "
                     "(?1, ?2, ?2 * 26, 'Synthetic sentence ' || printf('%05d', ?2) || '.')",
                     -1, &evidence, nullptr);
  sqlite3_stmt* document = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO documents (doc_key, doc_id, content_hash, story_id, report_date, "
                     "outlet, url, title, origin, sentences, mentions, ingested_at) VALUES (?1, "
                     "'synthetic-' || ?1, 'hash-' || ?1, 'synthetic-' || ?1, ?2, 'synthetic', '', "
                     "'', 'synthetic', 20, 20, 0)",
                     -1, &document, nullptr);
  constexpr long kPerDocument = 20;
  for (long i = 0; i < static_cast<long>(rows.size()); ++i) {
    const Row& row = rows[static_cast<size_t>(i)];
    const int64_t doc_key = i / kPerDocument + 1;
    const int sentence = static_cast<int>(i % kPerDocument);
    if (sentence == 0) {
      sqlite3_bind_int64(document, 1, doc_key);
      sqlite3_bind_int64(document, 2, row.date);
      sqlite3_step(document);
      sqlite3_reset(document);
    }
    sqlite3_bind_int64(evidence, 1, doc_key);
    sqlite3_bind_int(evidence, 2, sentence);
    sqlite3_step(evidence);
    sqlite3_reset(evidence);
    sqlite3_bind_int64(mention, 1, i + 1);
    sqlite3_bind_int64(mention, 2, row.id);
    sqlite3_bind_int64(mention, 3, doc_key);
    sqlite3_bind_int(mention, 4, sentence);
    sqlite3_bind_text(mention, 5, kActors[row.source], -1, SQLITE_STATIC);
    sqlite3_bind_text(mention, 6, kActors[row.target], -1, SQLITE_STATIC);
    sqlite3_step(mention);
    sqlite3_reset(mention);
  }
  sqlite3_finalize(mention);
  sqlite3_finalize(evidence);
  sqlite3_finalize(document);
  // Rows went in in id order: the i-th row's first mention is mention i + 1
  // (an id drawn twice keeps its first row, and that row's mention).
  sqlite3_exec(db,
               "UPDATE events SET first_mention = (SELECT min(mention_key) FROM mentions m "
               "WHERE m.event_id = events.id)",
               nullptr, nullptr, nullptr);
  for (const char* name : kActors) {
    const std::string sql = std::string("INSERT OR IGNORE INTO actors VALUES ('") + name +
                            "', 'member'), ('" + name + "', 'code')";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  }
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "%s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  sqlite3_close(db);
  std::printf("built %s: %ld synthetic events in %.1f s\n", path.c_str(), events_wanted,
              Seconds(start));
  std::fflush(stdout);
}

void TimeSeries(dyad::EventStore& store, const std::string& actor, const std::string& opponent,
                dyad::Granularity granularity, const char* label) {
  dyad::SeriesQuery query;
  query.actor = actor;
  query.opponent = opponent;
  query.granularity = granularity;
  const auto start = Clock::now();
  auto series = store.QuerySeries(query);
  const double seconds = Seconds(start);
  if (!series.ok()) {
    std::fprintf(stderr, "%s\n", series.status().message().c_str());
    std::exit(1);
  }
  size_t events = 0;
  for (const auto& point : series->points) events += point.events;
  std::printf("series %-28s %8zu events in %6zu periods: %.3f s\n", label, events,
              series->points.size(), seconds);
}

}  // namespace

int main(int argc, char** argv) {
  // --synthetic-only PATH MILLIONS: build the synthetic store and stop (what
  // bench/serve_load.sh serves).
  const bool synthetic_only = argc > 1 && std::string(argv[1]) == "--synthetic-only";
  if (synthetic_only) {
    argv += 1;
    argc -= 1;
  }
  const std::string path = argc > 1 ? argv[1] : "/tmp/dyad-bench-10m.db";
  const long millions = argc > 2 ? std::atol(argv[2]) : 10;
  if (synthetic_only) {
    if (access(path.c_str(), F_OK) != 0) BuildSyntheticStore(path, millions * 1000000);
    return 0;
  }

  IngestRate();

  if (access(path.c_str(), F_OK) != 0) BuildSyntheticStore(path, millions * 1000000);
  auto store = dyad::EventStore::Open(path, dyad::StoreMode::kReadOnly);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  auto counts = (*store)->Counts();
  std::printf("store %s: %lld events\n", path.c_str(),
              static_cast<long long>(counts.ok() ? counts->events : -1));
  // Twice each: the first run reads from disk, the second from the page cache.
  for (int run = 0; run < 2; ++run) {
    TimeSeries(**store, "USA", "CHN", dyad::Granularity::kMonth, "USA-CHN by month");
    TimeSeries(**store, "VEN", "COL", dyad::Granularity::kWeek, "VEN-COL by week");
    TimeSeries(**store, "VEN", "", dyad::Granularity::kMonth, "VEN against all by month");
    TimeSeries(**store, "USA", "", dyad::Granularity::kMonth, "USA against all by month");
    TimeSeries(**store, "USA", "", dyad::Granularity::kDay, "USA against all by day");
  }
  return 0;
}
