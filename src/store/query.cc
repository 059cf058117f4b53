// The queries: SQL built from a query struct, parameters always bound.
#include <fmt/core.h>

#include <algorithm>
#include <climits>
#include <map>
#include <variant>

#include "store/store_impl.h"

namespace dyad {

namespace {

using Value = std::variant<int64_t, double, std::string>;

// A WHERE clause under construction and the values its ?s take, in order.
class Filter {
 public:
  void Add(std::string condition) { conditions_.push_back(std::move(condition)); }
  std::string Param(Value value) {
    values_.push_back(std::move(value));
    return "?" + std::to_string(values_.size());
  }
  std::string Where() const {
    if (conditions_.empty()) return "";
    std::string out = " WHERE ";
    for (size_t i = 0; i < conditions_.size(); ++i) {
      if (i > 0) out += " AND ";
      out += conditions_[i];
    }
    return out;
  }
  void BindTo(sqlite::Statement& statement) const {
    for (size_t i = 0; i < values_.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      if (const auto* integer = std::get_if<int64_t>(&values_[i])) {
        statement.Bind(index, *integer);
      } else if (const auto* number = std::get_if<double>(&values_[i])) {
        statement.Bind(index, *number);
      } else {
        statement.Bind(index, std::get<std::string>(values_[i]));
      }
    }
  }

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

// An actor of a query, resolved to the columns it matches.
struct ActorMatch {
  std::string name;
  ActorRole role = ActorRole::kMember;
  std::string parameter;  // "?3", bound once and used on either side
};

std::string SideColumn(const char* side, ActorRole role) {
  switch (role) {
    case ActorRole::kMember:
      return fmt::format("e.{}_member", side);
    case ActorRole::kCode:
      return fmt::format("e.{}_code", side);
    case ActorRole::kOrg:
      return fmt::format("e.{}_org", side);
  }
  return "";
}

std::string Side(const char* side, const ActorMatch& actor) {
  return SideColumn(side, actor.role) + " = " + actor.parameter;
}

Status CheckDates(const DateRange& dates) {
  if (dates.from && dates.to && *dates.to < *dates.from) {
    return Status::InvalidInput(fmt::format("impossible date range: from {} is after to {}",
                                            FormatIsoDate(*dates.from), FormatIsoDate(*dates.to)));
  }
  return Status::Ok();
}

void AddDates(const DateRange& dates, Filter& filter) {
  if (!dates.from && !dates.to) return;
  const int64_t from = dates.from ? DaysFromCivil(*dates.from) : INT64_MIN;
  const int64_t to = dates.to ? DaysFromCivil(*dates.to) : INT64_MAX;
  filter.Add("e.date BETWEEN " + filter.Param(from) + " AND " + filter.Param(to));
}

void AddHistorical(const std::optional<bool>& historical, Filter& filter) {
  if (historical) filter.Add("e.historical = " + filter.Param(int64_t{*historical ? 1 : 0}));
}

}  // namespace

const char* const kEventColumns =
    "SELECT e.id, e.date, e.precision, e.date_from_report, e.report_date, e.historical, "
    "e.source_code, e.source_country, e.source_org, e.source_sector, e.source_name, "
    "e.target_code, e.target_country, e.target_org, e.target_sector, e.target_name, "
    "e.code, e.quad_class, e.goldstein, e.confidence, e.mentions, e.sources, e.articles, "
    "d.doc_id, m.sentence, m.span_start, m.span_end, s.text, s.sentence_begin, d.url, d.outlet, "
    "d.doc_key "
    "FROM events e JOIN mentions m ON m.mention_key = e.first_mention "
    "JOIN documents d ON d.doc_key = m.doc_key "
    "JOIN evidence s ON s.doc_key = m.doc_key AND s.sentence = m.sentence";

StoredEvent ReadEvent(const sqlite::Statement& row) {
  StoredEvent stored;
  Event& event = stored.event;
  event.id = EventHex(row.Int(0));
  event.date = CivilFromDays(row.Int(1));
  event.date_precision = static_cast<DatePrecision>(row.Int(2));
  event.date_is_report_date = row.Int(3) != 0;
  event.report_date = CivilFromDays(row.Int(4));
  event.historical = row.Int(5) != 0;
  event.source = {row.Text(6), row.Text(7), row.Text(8), row.Text(9), row.Text(10)};
  event.target = {row.Text(11), row.Text(12), row.Text(13), row.Text(14), row.Text(15)};
  event.code = row.Text(16);
  event.quad_class = static_cast<int>(row.Int(17));
  event.goldstein = row.Double(18);
  event.confidence = row.Double(19);
  event.mentions = static_cast<uint32_t>(row.Int(20));
  event.sources = static_cast<uint32_t>(row.Int(21));
  event.articles = static_cast<uint32_t>(row.Int(22));
  event.doc = row.Text(23);
  event.sentence = static_cast<uint32_t>(row.Int(24));
  event.span_begin = static_cast<uint32_t>(row.Int(25));
  event.span_end = static_cast<uint32_t>(row.Int(26));
  event.text = row.Text(27);
  event.sentence_begin = static_cast<uint32_t>(row.Int(28));
  stored.url = row.Text(29);
  stored.outlet = row.Text(30);
  stored.doc_key = row.Int(31);
  return stored;
}

// Which columns name `actor`: an actor is preferably matched as a dyad member
// (country or organisation, sectors folded in), else as a full code, else as
// an organisation. kNotFound when no stored event names it.
static StatusOr<ActorMatch> ResolveActor(sqlite::Database& db, const std::string& path,
                                         const std::string& actor, Filter& filter) {
  auto statement = db.Prepare("SELECT role FROM actors WHERE actor = ?1");
  if (!statement.ok()) return statement.status().WithContext(path);
  statement->Bind(1, actor);
  bool member = false, code = false, org = false;
  while (statement->Step()) {
    const std::string role = statement->Text(0);
    member |= role == "member";
    code |= role == "code";
    org |= role == "org";
  }
  if (!statement->status().ok()) return statement->status().WithContext(path);
  if (!member && !code && !org) {
    return Status::NotFound(fmt::format(
        "unknown actor '{}': no event in {} names it as an actor code, country or organisation "
        "(codes look like VEN, VENGOV, NATO)",
        actor, path));
  }
  ActorMatch match;
  match.name = actor;
  match.role = member ? ActorRole::kMember : code ? ActorRole::kCode : ActorRole::kOrg;
  match.parameter = filter.Param(actor);
  return match;
}

namespace {

bool AllDigits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The WHERE clause of an event query.
StatusOr<Filter> EventFilter(sqlite::Database& db, const std::string& path,
                             const EventQuery& query) {
  Filter filter;
  Status status = CheckDates(query.dates);
  if (!status.ok()) return status;
  if (query.quad_class < 0 || query.quad_class > 4) {
    return Status::InvalidInput(
        fmt::format("QuadClass {} does not exist (1 to 4, or 0 for any)", query.quad_class));
  }
  if (!query.code.empty() && (!AllDigits(query.code) || query.code.size() < 2)) {
    return Status::InvalidInput(fmt::format(
        "'{}' is not a CAMEO event code (two to four digits: 16, 161, 1661)", query.code));
  }
  if (!query.actor.empty()) {
    auto actor = ResolveActor(db, path, query.actor, filter);
    if (!actor.ok()) return actor.status();
    filter.Add("(" + Side("source", *actor) + " OR " + Side("target", *actor) + ")");
  }
  std::optional<ActorMatch> source, target;
  if (!query.source.empty()) {
    auto actor = ResolveActor(db, path, query.source, filter);
    if (!actor.ok()) return actor.status();
    source = *actor;
  }
  if (!query.target.empty()) {
    auto actor = ResolveActor(db, path, query.target, filter);
    if (!actor.ok()) return actor.status();
    target = *actor;
  }
  if (source && target) {
    std::string directed = Side("source", *source) + " AND " + Side("target", *target);
    if (query.either_direction) {
      directed = "((" + directed + ") OR (" + Side("source", *target) + " AND " +
                 Side("target", *source) + "))";
    }
    filter.Add(directed);
  } else if (source || target) {
    const ActorMatch& one = source ? *source : *target;
    const char* side = source ? "source" : "target";
    filter.Add(query.either_direction
                   ? "(" + Side("source", one) + " OR " + Side("target", one) + ")"
                   : Side(side, one));
  }
  if (!query.actor_name.empty()) {
    const std::string name = filter.Param(query.actor_name);
    filter.Add("(instr(lower(e.source_name), lower(" + name +
               ")) > 0 OR instr(lower(e.target_name), lower(" + name + ")) > 0)");
  }
  if (!query.code.empty()) {
    filter.Add(
        fmt::format("substr(e.code, 1, {}) = {}", query.code.size(), filter.Param(query.code)));
  }
  if (query.quad_class != 0) {
    filter.Add("e.quad_class = " + filter.Param(int64_t{query.quad_class}));
  }
  AddDates(query.dates, filter);
  AddHistorical(query.historical, filter);
  if (!query.text.empty()) {
    filter.Add(
        "EXISTS (SELECT 1 FROM mentions m2 JOIN evidence s2 ON s2.doc_key = m2.doc_key AND "
        "s2.sentence = m2.sentence WHERE m2.event_id = e.id AND instr(lower(s2.text), lower(" +
        filter.Param(query.text) + ")) > 0)");
  }
  return filter;
}

std::string OrderBy(const EventQuery& query) {
  const char* direction = query.descending ? " DESC" : "";
  switch (query.order) {
    case EventOrder::kDate:
      return fmt::format(" ORDER BY e.date{0}, e.id{0}", direction);
    case EventOrder::kMentions:
      return fmt::format(" ORDER BY e.mentions{0}, e.date{0}, e.id{0}", direction);
    case EventOrder::kGoldstein:
      return fmt::format(" ORDER BY e.goldstein{0}, e.date{0}, e.id{0}", direction);
  }
  return "";
}

std::string LimitOffset(const EventQuery& query) {
  if (query.limit == 0 && query.offset == 0) return "";
  return fmt::format(" LIMIT {} OFFSET {}",
                     query.limit == 0 ? int64_t{-1} : static_cast<int64_t>(query.limit),
                     query.offset);
}

}  // namespace

Status EventStore::ForEachEvent(const EventQuery& query,
                                const std::function<Status(const StoredEvent&)>& visit) {
  auto filter = EventFilter(impl_->db, path_, query);
  if (!filter.ok()) return filter.status();
  auto statement = impl_->db.Prepare(std::string(kEventColumns) + filter->Where() + OrderBy(query) +
                                     LimitOffset(query));
  if (!statement.ok()) return statement.status().WithContext(path_);
  filter->BindTo(*statement);
  // Every report's evidence, in the order they were stored, as the
  // aggregate stage lists it.
  auto evidence = impl_->db.Prepare(
      "SELECT d.doc_id, d.story_id, m.sentence, m.span_start, m.span_end FROM mentions m "
      "JOIN documents d ON d.doc_key = m.doc_key WHERE m.event_id = ?1 ORDER BY m.mention_key");
  if (!evidence.ok()) return evidence.status().WithContext(path_);
  while (statement->Step()) {
    StoredEvent stored = ReadEvent(*statement);
    evidence->Bind(1, statement->Int(0));
    while (evidence->Step()) {
      stored.event.evidence.push_back(
          {evidence->Text(0), evidence->Text(1), static_cast<uint32_t>(evidence->Int(2)),
           static_cast<uint32_t>(evidence->Int(3)), static_cast<uint32_t>(evidence->Int(4))});
    }
    const Status mentions = evidence->status();
    evidence->Reset();
    if (!mentions.ok()) return mentions.WithContext(path_);
    Status status = visit(stored);
    if (!status.ok()) return status;
  }
  return statement->status().ok() ? Status::Ok() : statement->status().WithContext(path_);
}

StatusOr<EventPage> EventStore::QueryEvents(const EventQuery& query) {
  EventPage page;
  // One read transaction: the total and the page describe one moment even
  // while an ingest commits.
  Status status = impl_->db.Execute("BEGIN");
  if (!status.ok()) return status.WithContext(path_);
  status = ForEachEvent(query, [&](const StoredEvent& event) {
    page.events.push_back(event);
    return Status::Ok();
  });
  if (status.ok()) {
    auto filter = EventFilter(impl_->db, path_, query);
    auto count = impl_->db.Prepare("SELECT count(*) FROM events e" + filter->Where());
    if (!count.ok()) {
      status = count.status().WithContext(path_);
    } else {
      filter->BindTo(*count);
      if (count->Step()) page.total = static_cast<size_t>(count->Int(0));
      if (!count->status().ok()) status = count->status().WithContext(path_);
    }
  }
  impl_->db.Execute("COMMIT");
  if (!status.ok()) return status;
  return page;
}

StatusOr<Series> EventStore::QuerySeries(const SeriesQuery& query) {
  Status status = CheckDates(query.dates);
  if (!status.ok()) return status;
  if (query.actor.empty()) return Status::InvalidInput("a series needs an actor");
  Filter filter;
  auto actor = ResolveActor(impl_->db, path_, query.actor, filter);
  if (!actor.ok()) return actor.status();
  // One statement per direction rather than an OR: each then reads one range
  // of a covering index (events_by_pair for the source side,
  // events_by_target for the target side) and never the table itself.
  std::vector<std::string> directions;
  if (!query.opponent.empty()) {
    auto opponent = ResolveActor(impl_->db, path_, query.opponent, filter);
    if (!opponent.ok()) return opponent.status();
    const std::string forward = Side("source", *actor) + " AND " + Side("target", *opponent);
    directions.push_back(forward);
    if (!query.directed) {
      directions.push_back(Side("source", *opponent) + " AND " + Side("target", *actor) +
                           " AND NOT (" + forward + ")");
    }
  } else {
    // Against every *other* actor: a state's dealings with itself are not a dyad.
    const std::string as_source =
        Side("source", *actor) + " AND e.source_member <> e.target_member";
    directions.push_back(as_source);
    if (!query.directed) {
      directions.push_back(Side("target", *actor) +
                           " AND e.source_member <> e.target_member AND NOT (" +
                           Side("source", *actor) + ")");
    }
  }
  AddDates(query.dates, filter);
  AddHistorical(query.historical, filter);
  SeriesAccumulator accumulator(query.granularity);
  for (const std::string& direction : directions) {
    std::string where = filter.Where();
    where = where.empty() ? " WHERE " + direction : where + " AND " + direction;
    auto statement = impl_->db.Prepare(
        "SELECT e.date, e.quad_class, e.goldstein, e.mentions FROM events e" + where);
    if (!statement.ok()) return statement.status().WithContext(path_);
    filter.BindTo(*statement);
    while (statement->Step()) {
      accumulator.Add(CivilFromDays(statement->Int(0)), static_cast<int>(statement->Int(1)),
                      statement->Double(2), static_cast<uint64_t>(statement->Int(3)));
    }
    if (!statement->status().ok()) return statement->status().WithContext(path_);
  }
  Series series;
  series.actor = query.actor;
  series.opponent = query.opponent;
  series.directed = query.directed;
  series.granularity = query.granularity;
  series.points = accumulator.Finish();
  return series;
}

StatusOr<RelationTimeline> EventStore::QueryStatus(const StatusQuery& query) {
  if (query.first.empty() || query.second.empty()) {
    return Status::InvalidInput("a relation status needs two actors");
  }
  EventQuery events;
  events.source = query.first;
  events.target = query.second;
  events.either_direction = true;
  events.dates = query.dates;
  std::vector<Event> found;
  Status status = ForEachEvent(events, [&](const StoredEvent& stored) {
    found.push_back(stored.event);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return DeriveRelationTimeline(query.first, query.second, std::move(found));
}

StatusOr<Network> EventStore::QueryNetwork(const NetworkQuery& query) {
  Status status = CheckDates(query.dates);
  if (!status.ok()) return status;
  Filter filter;
  filter.Add("e.source_member <> e.target_member");
  AddDates(query.dates, filter);
  AddHistorical(query.historical, filter);
  const std::string having =
      " HAVING count(*) >= " +
      filter.Param(static_cast<int64_t>(std::max<size_t>(1, query.min_events)));
  auto statement = impl_->db.Prepare(
      "SELECT e.source_member, e.target_member, count(*), sum(e.quad_class <= 2), "
      "sum(e.quad_class >= 3), sum(e.goldstein), sum(e.mentions) FROM events e" +
      filter.Where() + " GROUP BY e.source_member, e.target_member" + having +
      " ORDER BY e.source_member, e.target_member");
  if (!statement.ok()) return statement.status().WithContext(path_);
  filter.BindTo(*statement);
  Network network;
  std::map<std::string, size_t> nodes;
  while (statement->Step()) {
    NetworkEdge edge;
    edge.source = statement->Text(0);
    edge.target = statement->Text(1);
    edge.events = static_cast<size_t>(statement->Int(2));
    edge.cooperation = static_cast<size_t>(statement->Int(3));
    edge.conflict = static_cast<size_t>(statement->Int(4));
    edge.goldstein_sum = statement->Double(5);
    edge.mentions = static_cast<uint64_t>(statement->Int(6));
    nodes[edge.source] += edge.events;
    nodes[edge.target] += edge.events;
    network.edges.push_back(std::move(edge));
  }
  if (!statement->status().ok()) return statement->status().WithContext(path_);
  for (const auto& [actor, events] : nodes) network.nodes.push_back({actor, events});
  return network;
}

}  // namespace dyad
