#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <utility>

#include "aggregate/aggregate.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace dyad {

namespace {

uint64_t Fnv1a64(std::string_view text, uint64_t hash, unsigned char salt) {
  for (unsigned char c : text) {
    hash ^= static_cast<unsigned char>(c ^ salt);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

bool FileExists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

Status Fail(const std::string& path, const Status& status) { return status.WithContext(path); }

}  // namespace

std::string ContentHash(std::string_view raw_text) {
  // Two FNV-1a passes with different bases and byte salts: 128 bits, enough
  // that two different articles never share a hash in practice. Not a
  // defence against someone forging collisions.
  const uint64_t first = Fnv1a64(raw_text, 0xcbf29ce484222325ULL, 0);
  const uint64_t second = Fnv1a64(raw_text, 0x84222325cbf29ce4ULL, 0x5c);
  return fmt::format("{:016x}{:016x}", first, second);
}

int64_t EventKey(const std::string& hex_id) {
  return static_cast<int64_t>(std::strtoull(hex_id.c_str(), nullptr, 16));
}

std::string EventHex(int64_t key) { return fmt::format("{:016x}", static_cast<uint64_t>(key)); }

EventStore::EventStore(std::string path, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), impl_(std::move(impl)) {}

EventStore::~EventStore() = default;

StatusOr<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path, StoreMode mode) {
  const bool exists = FileExists(path);
  if (mode == StoreMode::kReadOnly && !exists) {
    return Status::NotFound(fmt::format("no dyad store at {} (dyad ingest creates one)", path));
  }
  if (mode == StoreMode::kReadWrite) {
    // Checked first: SQLite would open a read-only file read-only without a
    // word and fail only at the first write.
    std::string dir = path.substr(0, path.find_last_of('/') + 1);
    if (dir.empty()) dir = ".";
    const std::string& target = exists ? path : dir;
    if (access(target.c_str(), W_OK) != 0) {
      return Fail(path, Status::IoError(fmt::format("cannot {} it: {}", exists ? "write" : "create",
                                                    std::strerror(errno))));
    }
  }
  int flags = SQLITE_OPEN_NOMUTEX;
  if (mode == StoreMode::kReadOnly) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
  }
  auto db = sqlite::Database::Open(path, flags);
  if (!db.ok()) {
    return Fail(path, Status::IoError(fmt::format("cannot {} it: {}", exists ? "open" : "create",
                                                  db.status().message())));
  }
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db).value();
  sqlite::Database& handle = impl->db;
  sqlite3_busy_timeout(handle.handle(), 10000);

  // Reading the header is what tells an SQLite file from anything else.
  auto header_failure = [&](const Status& status) {
    // The system refused (no -shm file on a read-only file system, ...), or
    // the bytes are not SQLite's.
    if (status.code() == StatusCode::kIoError) {
      return Fail(path, Status::IoError("cannot open it: " + status.message()));
    }
    return Fail(path, Status::InvalidInput("not a dyad store: " + status.message()));
  };
  auto application_id = handle.QueryInt("PRAGMA application_id");
  if (!application_id.ok()) return header_failure(application_id.status());
  auto version = handle.QueryInt("PRAGMA user_version");
  auto tables = handle.QueryInt("SELECT count(*) FROM sqlite_master");
  if (!version.ok()) return header_failure(version.status());
  if (!tables.ok()) return header_failure(tables.status());
  const bool empty = *tables == 0 && *version == 0;
  if (!empty && *application_id != store_schema::kApplicationId) {
    return Fail(path, Status::InvalidInput(
                          "an SQLite database, but not a dyad store (its application_id is not "
                          "dyad's); refusing to touch it"));
  }
  if (*version > kStoreSchemaVersion) {
    return Fail(path, Status::Unsupported(fmt::format(
                          "store schema version {} is newer than this dyad understands (up to {}); "
                          "use a newer dyad",
                          *version, kStoreSchemaVersion)));
  }
  if (mode == StoreMode::kReadOnly) {
    if (empty) return Fail(path, Status::InvalidInput("not a dyad store: the database is empty"));
    if (*version < kStoreSchemaVersion) {
      return Fail(path, Status::Unsupported(fmt::format(
                            "store schema version {} is older than this dyad's ({}); run dyad "
                            "ingest on it once to migrate",
                            *version, kStoreSchemaVersion)));
    }
    return std::unique_ptr<EventStore>(new EventStore(path, std::move(impl)));
  }

  if (handle.read_only()) {
    return Fail(path, Status::IoError("cannot write it: the file or its file system is read-only"));
  }
  impl->writable = true;
  // WAL: readers never block the writer nor see half a document. NORMAL
  // synchronisation keeps every commit through a process crash (kill -9);
  // only an operating-system crash or power cut may lose the last commits.
  auto journal = handle.Prepare("PRAGMA journal_mode=WAL");
  if (!journal.ok()) return Fail(path, journal.status().WithContext("cannot write it"));
  if (!journal->Step() || journal->Text(0) != "wal") {
    const Status status = journal->status().ok()
                              ? Status::IoError("cannot switch to WAL journal mode")
                              : journal->status();
    return Fail(path, status.WithContext("cannot write it"));
  }
  journal = sqlite::Statement();
  // A larger page cache than SQLite's 2 MB default: events arrive in random
  // id order, and the indexes' upper pages should stay in memory.
  Status status = handle.Execute("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072");
  if (!status.ok()) return Fail(path, status);

  const auto& migrations = store_schema::Migrations();
  for (int64_t v = *version; v < kStoreSchemaVersion; ++v) {
    sqlite::Transaction transaction(handle);
    status = transaction.Begin();
    if (status.ok()) status = handle.Execute(migrations[static_cast<size_t>(v)]);
    if (status.ok()) {
      status = handle.Execute(fmt::format("PRAGMA application_id={}; PRAGMA user_version={}",
                                          store_schema::kApplicationId, v + 1));
    }
    if (status.ok()) status = transaction.Commit();
    if (!status.ok()) {
      return Fail(path, status.WithContext(fmt::format("cannot migrate to schema {}", v + 1)));
    }
  }

  struct Prepared {
    std::optional<sqlite::Statement>* slot;
    const char* sql;
  };
  const Prepared statements[] = {
      {&impl->find_document, "SELECT 1 FROM documents WHERE content_hash = ?1"},
      {&impl->insert_document,
       "INSERT INTO documents (doc_id, content_hash, story_id, report_date, outlet, url, title, "
       "origin, sentences, mentions, ingested_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
      {&impl->insert_text, "INSERT INTO document_texts (doc_key, text) VALUES (?1, ?2)"},
      {&impl->insert_evidence,
       "INSERT OR IGNORE INTO evidence (doc_key, sentence, sentence_begin, text) "
       "VALUES (?1, ?2, ?3, ?4)"},
      {&impl->insert_mention,
       "INSERT INTO mentions (event_id, doc_key, sentence, span_start, span_end, confidence, "
       "historical, date_from_report, source_name, target_name) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
      {&impl->find_event, "SELECT 1 FROM events WHERE id = ?1"},
      {&impl->other_outlet_reported,
       "SELECT EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.doc_key = m.doc_key "
       "WHERE m.event_id = ?1 AND m.doc_key <> ?2 AND d.outlet = ?3)"},
      {&impl->upsert_event,
       "INSERT INTO events (id, date, precision, date_from_report, report_date, historical, "
       "source_code, source_country, source_org, source_sector, source_name, source_member, "
       "target_code, target_country, target_org, target_sector, target_name, target_member, "
       "code, root, quad_class, goldstein, confidence, mentions, sources, articles, "
       "first_mention) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
       "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, 1, ?26) "
       "ON CONFLICT (id) DO UPDATE SET mentions = mentions + excluded.mentions, "
       "articles = articles + 1, sources = sources + excluded.sources, "
       "confidence = max(confidence, excluded.confidence), "
       "historical = min(historical, excluded.historical), "
       "date_from_report = min(date_from_report, excluded.date_from_report), "
       "report_date = min(report_date, excluded.report_date)"},
      {&impl->insert_actor, "INSERT OR IGNORE INTO actors (actor, role) VALUES (?1, ?2)"},
      {&impl->find_near_event,
       "SELECT id FROM events WHERE source_member = ?1 AND target_member = ?2 AND date BETWEEN ?3 "
       "AND ?4 AND precision = 0 AND source_code = ?5 AND target_code = ?6 AND code = ?7 "
       "ORDER BY abs(date - ?8), id LIMIT 1"},
      {&impl->find_band, "SELECT doc_key FROM story_bands WHERE band = ?1 LIMIT 32"},
      {&impl->find_signature,
       "SELECT s.shingles, s.minhash, d.story_id FROM signatures s "
       "JOIN documents d ON d.doc_key = s.doc_key WHERE s.doc_key = ?1"},
      {&impl->insert_signature,
       "INSERT INTO signatures (doc_key, shingles, minhash) VALUES (?1, ?2, ?3)"},
      {&impl->insert_band, "INSERT INTO story_bands (band, doc_key) VALUES (?1, ?2)"},
  };
  for (const Prepared& prepared : statements) {
    auto statement = handle.Prepare(prepared.sql);
    if (!statement.ok()) return Fail(path, statement.status());
    prepared.slot->emplace(std::move(statement).value());
  }
  return std::unique_ptr<EventStore>(new EventStore(path, std::move(impl)));
}

StatusOr<bool> EventStore::HasDocument(const std::string& content_hash) {
  auto statement = impl_->db.Prepare("SELECT 1 FROM documents WHERE content_hash = ?1");
  if (!statement.ok()) return Fail(path_, statement.status());
  statement->Bind(1, content_hash);
  const bool found = statement->Step();
  if (!statement->status().ok()) return Fail(path_, statement->status());
  return found;
}

namespace {

// LSH band keys of a signature, as DedupOptions cuts it: each band's index
// and values hashed into one integer, so that equal bands of two documents
// meet in one index lookup.
std::vector<int64_t> BandKeys(const MinHashSignature& signature) {
  const DedupOptions options;
  std::vector<int64_t> keys;
  const size_t rows = options.band_rows;
  for (size_t band = 0; band + rows <= signature.values.size(); band += rows) {
    uint64_t hash = 0xcbf29ce484222325ULL ^ band;
    for (size_t row = 0; row < rows; ++row) {
      hash = (hash ^ signature.values[band + row]) * 0x100000001b3ULL;
      hash ^= hash >> 29;
    }
    keys.push_back(static_cast<int64_t>(hash));
  }
  return keys;
}

// The events of one document grouped by id: what the events table gets.
struct DocumentEvent {
  const Event* first = nullptr;  // the first mention in text order
  bool known = false;            // already in the events table
  int64_t mentions = 0;
  double confidence = 0.0;
  bool historical = true;
  bool date_from_report = true;
  int64_t first_mention = 0;
};

}  // namespace

StatusOr<IngestOutcome> EventStore::IngestDocument(const StoredDocument& stored,
                                                   const std::vector<Event>& events) {
  if (!impl_->writable) return Fail(path_, Status::IoError("the store was opened read-only"));
  const Document& document = *stored.document;
  // Outlets as the aggregate stage counts them: the source, else the URL's
  // host, else the document itself.
  const std::string outlet = OutletOf(document);
  Impl& s = *impl_;
  IngestOutcome outcome;
  sqlite::Transaction transaction(s.db);
  Status status = transaction.Begin();
  auto failed = [&](const Status& cause) {
    return Fail(path_, cause.WithContext("cannot store " + document.origin));
  };
  if (!status.ok()) return failed(status);

  // Checked inside the transaction: another writer may have stored it since.
  s.find_document->Bind(1, stored.content_hash);
  const bool duplicate = s.find_document->Step();
  status = s.find_document->status();
  s.find_document->Reset();
  if (!status.ok()) return failed(status);
  if (duplicate) {
    outcome.duplicate = true;
    return outcome;  // the transaction rolls back: nothing was written
  }

  std::string story_id = stored.story_id;
  std::vector<int64_t> bands;
  if (stored.signature != nullptr && stored.signature->shingles > 0) {
    bands = BandKeys(*stored.signature);
    if (story_id.empty()) {
      auto found = FindStory(bands, *stored.signature);
      if (!found.ok()) return failed(found.status());
      story_id = *found;
    }
  }
  if (story_id.empty()) story_id = document.id;

  s.insert_document->Bind(1, document.id)
      .Bind(2, stored.content_hash)
      .Bind(3, story_id)
      .Bind(4, DaysFromCivil(document.report_date))
      .Bind(5, outlet)
      .Bind(6, document.url)
      .Bind(7, document.title)
      .Bind(8, document.origin)
      .Bind(9, static_cast<int64_t>(stored.sentences))
      .Bind(10, static_cast<int64_t>(events.size()))
      .Bind(11, stored.ingested_at != 0 ? stored.ingested_at
                                        : static_cast<int64_t>(std::time(nullptr)));
  status = s.insert_document->Run();
  if (!status.ok()) return failed(status);
  const int64_t doc_key = sqlite3_last_insert_rowid(s.db.handle());
  s.insert_text->Bind(1, doc_key).Bind(2, document.text);
  status = s.insert_text->Run();
  if (!status.ok()) return failed(status);
  if (!bands.empty()) {
    const std::vector<uint32_t>& values = stored.signature->values;
    s.insert_signature->Bind(1, doc_key)
        .Bind(2, static_cast<int64_t>(stored.signature->shingles))
        .BindBlob(3, values.data(), values.size() * sizeof(uint32_t));
    status = s.insert_signature->Run();
    for (size_t i = 0; status.ok() && i < bands.size(); ++i) {
      s.insert_band->Bind(1, bands[i]).Bind(2, doc_key);
      status = s.insert_band->Run();
    }
    if (!status.ok()) return failed(status);
  }

  std::map<int64_t, DocumentEvent> grouped;
  std::vector<int64_t> order;  // first appearance, so the first mention is the first in text
  // A mention is a sentence: one sentence that yields one event twice (two
  // overlapping patterns) reports it once.
  std::set<std::pair<int64_t, uint32_t>> reported;
  for (const Event& event : events) {
    auto stored_key = KnownEventKey(event);
    if (!stored_key.ok()) return failed(stored_key.status());
    const int64_t key = stored_key->key;
    if (!reported.emplace(key, event.sentence).second) continue;
    s.insert_evidence->Bind(1, doc_key)
        .Bind(2, static_cast<int64_t>(event.sentence))
        .Bind(3, static_cast<int64_t>(event.sentence_begin))
        .Bind(4, event.text);
    status = s.insert_evidence->Run();
    if (!status.ok()) return failed(status);
    s.insert_mention->Bind(1, key)
        .Bind(2, doc_key)
        .Bind(3, static_cast<int64_t>(event.sentence))
        .Bind(4, static_cast<int64_t>(event.span_begin))
        .Bind(5, static_cast<int64_t>(event.span_end))
        .Bind(6, event.confidence)
        .Bind(7, event.historical ? 1 : 0)
        .Bind(8, event.date_is_report_date ? 1 : 0)
        .Bind(9, event.source.name)
        .Bind(10, event.target.name);
    status = s.insert_mention->Run();
    if (!status.ok()) return failed(status);
    ++outcome.mentions;
    DocumentEvent& group = grouped[key];
    if (group.first == nullptr) {
      group.first = &event;
      group.known = stored_key->known;
      group.first_mention = sqlite3_last_insert_rowid(s.db.handle());
      order.push_back(key);
    }
    ++group.mentions;
    group.confidence = std::max(group.confidence, event.confidence);
    group.historical = group.historical && event.historical;
    group.date_from_report = group.date_from_report && event.date_is_report_date;
  }

  std::vector<std::pair<std::string, std::string>> new_actors;
  for (const int64_t key : order) {
    const DocumentEvent& group = grouped[key];
    const Event& event = *group.first;
    // Events are written after all mentions, so what KnownEventKey saw holds.
    const bool known = group.known;
    // A document adds a source unless an earlier report came from the same outlet.
    int64_t new_source = 1;
    if (known) {
      s.other_outlet_reported->Bind(1, key).Bind(2, doc_key).Bind(3, outlet);
      if (s.other_outlet_reported->Step()) new_source = 1 - s.other_outlet_reported->Int(0);
      status = s.other_outlet_reported->status();
      s.other_outlet_reported->Reset();
      if (!status.ok()) return failed(status);
    }
    const std::string source_member = DyadMember(event.source);
    const std::string target_member = DyadMember(event.target);
    s.upsert_event->Bind(1, key)
        .Bind(2, DaysFromCivil(event.date))
        .Bind(3, static_cast<int64_t>(event.date_precision))
        .Bind(4, group.date_from_report ? 1 : 0)
        .Bind(5, DaysFromCivil(event.report_date))
        .Bind(6, group.historical ? 1 : 0)
        .Bind(7, event.source.code)
        .Bind(8, event.source.country)
        .Bind(9, event.source.org)
        .Bind(10, event.source.sector)
        .Bind(11, event.source.name)
        .Bind(12, source_member)
        .Bind(13, event.target.code)
        .Bind(14, event.target.country)
        .Bind(15, event.target.org)
        .Bind(16, event.target.sector)
        .Bind(17, event.target.name)
        .Bind(18, target_member)
        .Bind(19, event.code)
        .Bind(20, event.root())
        .Bind(21, event.quad_class)
        .Bind(22, event.goldstein)
        .Bind(23, group.confidence)
        .Bind(24, group.mentions)
        .Bind(25, new_source)
        .Bind(26, group.first_mention);
    status = s.upsert_event->Run();
    if (!status.ok()) return failed(status);
    ++(known ? outcome.updated_events : outcome.new_events);
    {
      const std::pair<const std::string*, const char*> names[] = {
          {&source_member, "member"},        {&target_member, "member"},
          {&event.source.code, "code"},      {&event.target.code, "code"},
          {&event.source.org, "org"},        {&event.target.org, "org"},
          {&event.source.country, "member"}, {&event.target.country, "member"},
      };
      for (const auto& [name, role] : names) {
        if (name->empty()) continue;
        std::pair<std::string, std::string> actor(*name, role);
        if (s.known_actors.count(actor) > 0) continue;
        s.insert_actor->Bind(1, *name).Bind(2, std::string_view(role));
        status = s.insert_actor->Run();
        if (!status.ok()) return failed(status);
        new_actors.push_back(std::move(actor));
      }
    }
  }
  status = transaction.Commit();
  if (!status.ok()) return failed(status);
  for (auto& actor : new_actors) s.known_actors.insert(std::move(actor));
  return outcome;
}

StatusOr<EventStore::StoredKey> EventStore::KnownEventKey(const Event& event) {
  Impl& s = *impl_;
  const int64_t key = EventKey(event.id.empty() ? EventId(event) : event.id);
  s.find_event->Bind(1, key);
  const bool known = s.find_event->Step();
  Status status = s.find_event->status();
  s.find_event->Reset();
  if (!status.ok()) return status;
  if (known || event.date_precision != DatePrecision::kDay) return StoredKey{key, known};
  // Two reports of one day's event may date it a day apart (time zones,
  // "yesterday" read against different report dates): the stored event
  // nearest in date, within a day, is the same event, as `dyad code
  // --window 1` merges it.
  const int64_t day = DaysFromCivil(event.date);
  s.find_near_event->Bind(1, DyadMember(event.source))
      .Bind(2, DyadMember(event.target))
      .Bind(3, day - 1)
      .Bind(4, day + 1)
      .Bind(5, event.source.code)
      .Bind(6, event.target.code)
      .Bind(7, event.code)
      .Bind(8, day);
  StoredKey found{key, false};
  if (s.find_near_event->Step()) found = {s.find_near_event->Int(0), true};
  status = s.find_near_event->status();
  s.find_near_event->Reset();
  if (!status.ok()) return status;
  return found;
}

StatusOr<std::string> EventStore::FindStory(const std::vector<int64_t>& bands,
                                            const MinHashSignature& signature) {
  Impl& s = *impl_;
  const double threshold = DedupOptions().jaccard_threshold;
  std::set<int64_t> candidates;
  for (const int64_t band : bands) {
    s.find_band->Bind(1, band);
    while (s.find_band->Step()) candidates.insert(s.find_band->Int(0));
    const Status status = s.find_band->status();
    s.find_band->Reset();
    if (!status.ok()) return status;
  }
  // The most similar stored document names the story; ties go to the
  // earliest stored, so the answer does not depend on the index's order.
  std::string story;
  double best = threshold;
  MinHashSignature other;
  for (const int64_t candidate : candidates) {
    s.find_signature->Bind(1, candidate);
    if (s.find_signature->Step()) {
      other.shingles = static_cast<uint32_t>(s.find_signature->Int(0));
      const size_t count = s.find_signature->BlobSize(1) / sizeof(uint32_t);
      other.values.resize(count);
      if (count > 0) {
        std::memcpy(other.values.data(), s.find_signature->BlobData(1), count * sizeof(uint32_t));
      }
      const double similarity = EstimateJaccard(signature, other);
      if (similarity > best || (story.empty() && similarity >= best)) {
        best = similarity;
        story = s.find_signature->Text(2);
      }
    }
    const Status status = s.find_signature->status();
    s.find_signature->Reset();
    if (!status.ok()) return status;
  }
  return story;
}

StatusOr<StoreCounts> EventStore::Counts() {
  StoreCounts counts;
  const std::pair<int64_t*, const char*> queries[] = {
      {&counts.documents, "SELECT count(*) FROM documents"},
      {&counts.stories, "SELECT count(DISTINCT story_id) FROM documents"},
      {&counts.events, "SELECT count(*) FROM events"},
      {&counts.mentions, "SELECT count(*) FROM mentions"},
  };
  // One read transaction, so the four counts describe one moment.
  Status status = impl_->db.Execute("BEGIN");
  if (!status.ok()) return Fail(path_, status);
  for (const auto& [slot, sql] : queries) {
    auto value = impl_->db.QueryInt(sql);
    if (!value.ok()) {
      impl_->db.Execute("ROLLBACK");
      return Fail(path_, value.status());
    }
    *slot = *value;
  }
  impl_->db.Execute("COMMIT");
  return counts;
}

StatusOr<std::string> EventStore::IntegrityCheck() {
  auto statement = impl_->db.Prepare("PRAGMA integrity_check");
  if (!statement.ok()) return Fail(path_, statement.status());
  std::string result;
  while (statement->Step()) {
    if (!result.empty()) result += "\n";
    result += statement->Text(0);
  }
  if (!statement->status().ok()) return Fail(path_, statement->status());
  return result;
}

}  // namespace dyad
