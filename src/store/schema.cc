#include "store/schema.h"

namespace dyad::store_schema {

const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> migrations = {
      // 0 -> 1: the first schema. Dates are day numbers (days since
      // 1970-01-01) so that ranges compare as integers; event ids are the
      // 64-bit EventId as a signed integer, the row's own key.
      R"sql(
CREATE TABLE documents (
  doc_key      INTEGER PRIMARY KEY,
  doc_id       TEXT NOT NULL,            -- the input's id (not unique: two files may share a name)
  content_hash TEXT NOT NULL UNIQUE,     -- ContentHash of the raw text: re-ingest is a no-op
  story_id     TEXT NOT NULL,            -- near-duplicate cluster; its own doc_id until dedup assigns one
  report_date  INTEGER NOT NULL,
  outlet       TEXT NOT NULL,            -- OutletOf: the source, else the URL host, else doc_id
  url          TEXT NOT NULL,
  title        TEXT NOT NULL,
  origin       TEXT NOT NULL,            -- "news.jsonl:12"
  sentences    INTEGER NOT NULL,
  mentions     INTEGER NOT NULL          -- event mentions coded from it
);
CREATE INDEX documents_by_story ON documents (story_id);

CREATE VIEW stories AS
  SELECT story_id, count(*) AS documents, min(report_date) AS first_report_date,
         max(report_date) AS last_report_date
  FROM documents GROUP BY story_id;

-- The sentences that produced events: the evidence an analyst reads.
CREATE TABLE evidence (
  doc_key        INTEGER NOT NULL REFERENCES documents,
  sentence       INTEGER NOT NULL,
  sentence_begin INTEGER NOT NULL,       -- code points from the start of the clean text
  text           TEXT NOT NULL,
  PRIMARY KEY (doc_key, sentence)
) WITHOUT ROWID;

-- One row per event per sentence that reports it.
CREATE TABLE mentions (
  mention_key      INTEGER PRIMARY KEY,
  event_id         INTEGER NOT NULL,     -- events.id
  doc_key          INTEGER NOT NULL REFERENCES documents,
  sentence         INTEGER NOT NULL,
  span_start       INTEGER NOT NULL,
  span_end         INTEGER NOT NULL,
  confidence       REAL NOT NULL,
  historical       INTEGER NOT NULL,
  date_from_report INTEGER NOT NULL,
  source_name      TEXT NOT NULL,
  target_name      TEXT NOT NULL
);
CREATE INDEX mentions_by_event ON mentions (event_id);
CREATE INDEX mentions_by_doc ON mentions (doc_key);

-- Aggregated events: one row per EventId, counts updated by every new report.
CREATE TABLE events (
  id               INTEGER PRIMARY KEY,
  date             INTEGER NOT NULL,
  precision        INTEGER NOT NULL,     -- 0 day, 1 month, 2 year
  date_from_report INTEGER NOT NULL,     -- 1 when no report gave the date explicitly
  report_date      INTEGER NOT NULL,     -- the earliest report
  historical       INTEGER NOT NULL,     -- 1 when every report recalls it as history
  source_code TEXT NOT NULL, source_country TEXT NOT NULL, source_org TEXT NOT NULL,
  source_sector TEXT NOT NULL, source_name TEXT NOT NULL,
  source_member TEXT NOT NULL,           -- country, else organisation, else code
  target_code TEXT NOT NULL, target_country TEXT NOT NULL, target_org TEXT NOT NULL,
  target_sector TEXT NOT NULL, target_name TEXT NOT NULL,
  target_member TEXT NOT NULL,
  code             TEXT NOT NULL,
  root             TEXT NOT NULL,
  quad_class       INTEGER NOT NULL,
  goldstein        REAL NOT NULL,
  confidence       REAL NOT NULL,        -- the highest of its mentions
  mentions         INTEGER NOT NULL,
  sources          INTEGER NOT NULL,
  articles         INTEGER NOT NULL,
  first_mention    INTEGER NOT NULL      -- mentions.mention_key of the evidence shown
);
-- Covering indexes: a series or network query reads only the index.
CREATE INDEX events_by_pair ON events
  (source_member, target_member, date, quad_class, goldstein, mentions, historical);
CREATE INDEX events_by_target ON events
  (target_member, date, quad_class, goldstein, mentions, historical, source_member);
CREATE INDEX events_by_date ON events (date);

-- Every actor name a query may use, and as what: 'member', 'code' or 'org'.
CREATE TABLE actors (
  actor TEXT NOT NULL,
  role  TEXT NOT NULL,
  PRIMARY KEY (actor, role)
) WITHOUT ROWID;
)sql",
      // 1 -> 2: what the HTTP API shows besides events. The clean text of
      // each document (spans are offsets into it), kept apart from the
      // documents table so scans of that table stay small; and when each
      // document was ingested.
      R"sql(
CREATE TABLE document_texts (
  doc_key INTEGER PRIMARY KEY REFERENCES documents,
  text    TEXT NOT NULL
);
ALTER TABLE documents ADD COLUMN ingested_at INTEGER NOT NULL DEFAULT 0;  -- Unix seconds, 0 before schema 2
)sql",
      // 2 -> 3: stories across ingests. Each document's MinHash signature
      // and its LSH band keys, so a new document finds the stored documents
      // of its story (near-duplicates, rewrites, translations) by index.
      R"sql(
CREATE TABLE signatures (
  doc_key  INTEGER PRIMARY KEY REFERENCES documents,
  shingles INTEGER NOT NULL,
  minhash  BLOB NOT NULL                 -- num_hashes little-endian uint32 values
);
CREATE TABLE story_bands (
  band    INTEGER NOT NULL,              -- (band index, the band's values) hashed
  doc_key INTEGER NOT NULL REFERENCES documents
);
CREATE INDEX story_bands_by_band ON story_bands (band);
)sql",
  };
  return migrations;
}

}  // namespace dyad::store_schema
