// The store's answers beyond queries over events: one event with all its
// reports, one document with its spans, a story, and the store's figures —
// what the HTTP API shows when an analyst clicks through.
#include <fmt/core.h>

#include "store/store_impl.h"

namespace dyad {

namespace {

bool IsEventId(const std::string& id) {
  if (id.size() != 16) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

StatusOr<EventDetail> EventStore::GetEvent(const std::string& event_id) {
  if (!IsEventId(event_id)) {
    return Status::InvalidInput(
        fmt::format("'{}' is not an event id (16 lower-case hex digits)", event_id));
  }
  sqlite::Database& db = impl_->db;
  // One read transaction: the event and its reports describe one moment.
  Status status = db.Execute("BEGIN");
  if (!status.ok()) return status.WithContext(path_);
  auto finish = [&](Status result) {
    db.Execute("COMMIT");
    return result.ok() ? result : result.WithContext(path_);
  };
  auto event = db.Prepare(std::string(kEventColumns) + " WHERE e.id = ?1");
  if (!event.ok()) return finish(event.status());
  event->Bind(1, EventKey(event_id));
  EventDetail detail;
  if (!event->Step()) {
    if (!event->status().ok()) return finish(event->status());
    db.Execute("COMMIT");
    return Status::NotFound(fmt::format("no event {} in {}", event_id, path_));
  }
  detail.stored = ReadEvent(*event);
  auto reports = db.Prepare(
      "SELECT m.doc_key, d.doc_id, d.title, d.url, d.outlet, d.report_date, m.sentence, "
      "m.span_start, m.span_end, s.text, m.confidence, m.historical FROM mentions m "
      "JOIN documents d ON d.doc_key = m.doc_key "
      "JOIN evidence s ON s.doc_key = m.doc_key AND s.sentence = m.sentence "
      "WHERE m.event_id = ?1 ORDER BY m.mention_key");
  if (!reports.ok()) return finish(reports.status());
  reports->Bind(1, EventKey(event_id));
  while (reports->Step()) {
    EventReport report;
    report.doc_key = reports->Int(0);
    report.doc_id = reports->Text(1);
    report.title = reports->Text(2);
    report.url = reports->Text(3);
    report.outlet = reports->Text(4);
    report.report_date = CivilFromDays(reports->Int(5));
    report.sentence = static_cast<uint32_t>(reports->Int(6));
    report.span_begin = static_cast<uint32_t>(reports->Int(7));
    report.span_end = static_cast<uint32_t>(reports->Int(8));
    report.text = reports->Text(9);
    report.confidence = reports->Double(10);
    report.historical = reports->Int(11) != 0;
    detail.reports.push_back(std::move(report));
  }
  status = finish(reports->status());
  if (!status.ok()) return status;
  return detail;
}

StatusOr<DocumentDetail> EventStore::GetDocument(int64_t key) {
  sqlite::Database& db = impl_->db;
  Status status = db.Execute("BEGIN");
  if (!status.ok()) return status.WithContext(path_);
  auto finish = [&](Status result) {
    db.Execute("COMMIT");
    return result.ok() ? result : result.WithContext(path_);
  };
  auto document = db.Prepare(
      "SELECT d.doc_id, d.title, d.url, d.outlet, d.origin, d.story_id, d.report_date, "
      "d.sentences, t.text FROM documents d LEFT JOIN document_texts t ON t.doc_key = d.doc_key "
      "WHERE d.doc_key = ?1");
  if (!document.ok()) return finish(document.status());
  document->Bind(1, key);
  if (!document->Step()) {
    if (!document->status().ok()) return finish(document->status());
    db.Execute("COMMIT");
    return Status::NotFound(fmt::format("no document {} in {}", key, path_));
  }
  DocumentDetail detail;
  detail.key = key;
  detail.id = document->Text(0);
  detail.title = document->Text(1);
  detail.url = document->Text(2);
  detail.outlet = document->Text(3);
  detail.origin = document->Text(4);
  detail.story = document->Text(5);
  detail.report_date = CivilFromDays(document->Int(6));
  detail.sentences = document->Int(7);
  if (!document->IsNull(8)) detail.text = document->Text(8);
  auto spans = db.Prepare(
      "SELECT m.event_id, e.code, e.source_code, e.target_code, m.sentence, m.span_start, "
      "m.span_end, m.historical FROM mentions m JOIN events e ON e.id = m.event_id "
      "WHERE m.doc_key = ?1 ORDER BY m.span_start, m.span_end, m.mention_key");
  if (!spans.ok()) return finish(spans.status());
  spans->Bind(1, key);
  while (spans->Step()) {
    DocumentSpan span;
    span.event_id = EventHex(spans->Int(0));
    span.code = spans->Text(1);
    span.source = spans->Text(2);
    span.target = spans->Text(3);
    span.sentence = static_cast<uint32_t>(spans->Int(4));
    span.span_begin = static_cast<uint32_t>(spans->Int(5));
    span.span_end = static_cast<uint32_t>(spans->Int(6));
    span.historical = spans->Int(7) != 0;
    detail.spans.push_back(std::move(span));
  }
  status = finish(spans->status());
  if (!status.ok()) return status;
  return detail;
}

StatusOr<std::vector<StoryDocument>> EventStore::GetStory(const std::string& story_id) {
  auto statement = impl_->db.Prepare(
      "SELECT doc_key, doc_id, title, url, outlet, report_date, mentions FROM documents "
      "WHERE story_id = ?1 ORDER BY report_date, doc_key");
  if (!statement.ok()) return statement.status().WithContext(path_);
  statement->Bind(1, story_id);
  std::vector<StoryDocument> documents;
  while (statement->Step()) {
    StoryDocument document;
    document.key = statement->Int(0);
    document.id = statement->Text(1);
    document.title = statement->Text(2);
    document.url = statement->Text(3);
    document.outlet = statement->Text(4);
    document.report_date = CivilFromDays(statement->Int(5));
    document.mentions = statement->Int(6);
    documents.push_back(std::move(document));
  }
  if (!statement->status().ok()) return statement->status().WithContext(path_);
  if (documents.empty()) return Status::NotFound(fmt::format("no story {} in {}", story_id, path_));
  return documents;
}

StatusOr<StoreStats> EventStore::Stats() {
  StoreStats stats;
  auto counts = Counts();
  if (!counts.ok()) return counts.status();
  stats.counts = *counts;
  auto range = impl_->db.Prepare("SELECT min(date), max(date) FROM events");
  if (!range.ok()) return range.status().WithContext(path_);
  if (range->Step() && !range->IsNull(0)) {
    stats.first_date = CivilFromDays(range->Int(0));
    stats.last_date = CivilFromDays(range->Int(1));
  }
  if (!range->status().ok()) return range->status().WithContext(path_);
  auto last = impl_->db.QueryInt("SELECT coalesce(max(ingested_at), 0) FROM documents");
  if (!last.ok()) return last.status().WithContext(path_);
  stats.last_ingest = *last;
  return stats;
}

StatusOr<std::map<std::string, int64_t>> EventStore::MemberEventCounts() {
  std::map<std::string, int64_t> counts;
  // Both sides, each from its covering index; a state's dealings with
  // itself count once.
  const char* const queries[] = {
      "SELECT source_member, count(*) FROM events GROUP BY source_member",
      "SELECT target_member, count(*) FROM events WHERE target_member <> source_member "
      "GROUP BY target_member",
  };
  for (const char* sql : queries) {
    auto statement = impl_->db.Prepare(sql);
    if (!statement.ok()) return statement.status().WithContext(path_);
    while (statement->Step()) counts[statement->Text(0)] += statement->Int(1);
    if (!statement->status().ok()) return statement->status().WithContext(path_);
  }
  return counts;
}

StatusOr<int64_t> EventStore::DataVersion() {
  auto version = impl_->db.QueryInt("SELECT coalesce(max(doc_key), 0) FROM documents");
  if (!version.ok()) return version.status().WithContext(path_);
  return *version;
}

}  // namespace dyad
