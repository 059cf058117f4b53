#include "serve/store_api.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <list>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <span>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
#include "export/export.h"
#include "store/params.h"
#include "store/store.h"

namespace dyad {

namespace {

constexpr size_t kMaxParamBytes = 256;
constexpr int64_t kMaxPageSize = 1000;
constexpr int64_t kDefaultPageSize = 50;
constexpr size_t kCacheEntries = 512;
constexpr size_t kMaxCachedBytes = 1u << 20;

// A bad request: the parameter and why, for a 400.
struct ParamError {
  std::string message;
};

// The URL parameters of one request, checked against what the endpoint
// accepts. Every accessor throws ParamError on a bad value; the endpoint's
// caller turns it into a 400 naming the parameter.
class Params {
 public:
  Params(const httplib::Request& request, std::initializer_list<const char*> allowed)
      : request_(request) {
    const std::set<std::string> names(allowed.begin(), allowed.end());
    for (const auto& [name, value] : request.params) {
      if (name == "token") continue;  // checked before routing
      if (names.count(name) == 0) {
        throw ParamError{fmt::format("unknown parameter '{}' (accepted: {})",
                                     IsValidUtf8(name) ? name : "(invalid UTF-8)",
                                     fmt::join(allowed, ", "))};
      }
      if (request.get_param_value_count(name) > 1) {
        throw ParamError{fmt::format("{}: given more than once", name)};
      }
    }
  }

  std::string Text(const char* name) const {
    std::string value = request_.get_param_value(name);
    if (value.size() > kMaxParamBytes) {
      throw ParamError{fmt::format("{}: longer than {} bytes", name, kMaxParamBytes)};
    }
    if (!IsValidUtf8(value)) throw ParamError{fmt::format("{}: not valid UTF-8", name)};
    return value;
  }

  int64_t Integer(const char* name, int64_t fallback, int64_t lowest, int64_t highest) const {
    const std::string value = Text(name);
    if (value.empty()) return fallback;
    int64_t number = 0;
    bool ok = value.size() <= 18 &&
              std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok) number = std::stoll(value);
    if (!ok || number < lowest || number > highest) {
      throw ParamError{
          fmt::format("{}: '{}' is not an integer from {} to {}", name, value, lowest, highest)};
    }
    return number;
  }

  bool Flag(const char* name) const {
    const std::string value = Text(name);
    if (value.empty() || value == "false" || value == "0" || value == "no") return false;
    if (value == "true" || value == "1" || value == "yes") return true;
    throw ParamError{fmt::format("{}: '{}' is not true or false", name, value)};
  }

 private:
  const httplib::Request& request_;
};

void SendJson(httplib::Response& response, int status, std::string body) {
  response.status = status;
  response.set_content(std::move(body), "application/json; charset=utf-8");
}

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidInput:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

std::string OptionalDate(const std::optional<CivilDate>& date) {
  return date ? "\"" + FormatIsoDate(*date) + "\"" : "null";
}

// An event record with the store's own keys added.
std::string StoredEventJson(const StoredEvent& stored) {
  std::string json = EventToJson(stored.event);
  json.pop_back();  // the closing brace
  return json + fmt::format(",\"doc_key\":{},\"url\":{}}}", stored.doc_key, JsonQuote(stored.url));
}

std::string CacheKey(const httplib::Request& request) {
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& [name, value] : request.params) {
    if (name != "token") params.emplace_back(name, value);
  }
  std::sort(params.begin(), params.end());
  std::string key = request.path;
  for (const auto& [name, value] : params) {
    key += '\n' + name + '=' + value;
  }
  return key;
}

// Answers by request key, valid while the store's DataVersion is unchanged;
// least recently used first out.
class ResponseCache {
 public:
  struct Answer {
    std::string content_type;
    std::string body;
  };

  std::optional<Answer> Find(const std::string& key, int64_t version) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = index_.find(key);
    if (found == index_.end()) return std::nullopt;
    if (found->second->version != version) {
      entries_.erase(found->second);
      index_.erase(found);
      return std::nullopt;
    }
    entries_.splice(entries_.begin(), entries_, found->second);
    return found->second->answer;
  }

  void Put(const std::string& key, int64_t version, Answer answer) {
    if (answer.body.size() > kMaxCachedBytes) return;
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = index_.find(key);
    if (found != index_.end()) {
      entries_.erase(found->second);
      index_.erase(found);
    }
    entries_.push_front({key, version, std::move(answer)});
    index_[key] = entries_.begin();
    while (entries_.size() > kCacheEntries) {
      index_.erase(entries_.back().key);
      entries_.pop_back();
    }
  }

 private:
  struct Entry {
    std::string key;
    int64_t version;
    Answer answer;
  };
  std::mutex mutex_;
  std::list<Entry> entries_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace

void SendJsonError(httplib::Response& response, int status, const std::string& message) {
  SendJson(response, status,
           "{\"error\":{\"status\":" + std::to_string(status) +
               ",\"message\":" + JsonQuote(message) + "}}");
}

struct StoreApi::Impl {
  std::string db_path;
  const ActorDictionary& actors;
  CivilDate today;
  ResponseCache cache;

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<EventStore>> idle;

  Impl(std::string db_path, const ActorDictionary& actors, CivilDate today)
      : db_path(std::move(db_path)), actors(actors), today(today) {}

  // A read-only connection for the duration of one request.
  class Lease {
   public:
    Lease(Impl& impl, std::unique_ptr<EventStore> store) : impl_(impl), store_(std::move(store)) {}
    ~Lease() {
      if (store_ == nullptr) return;
      std::lock_guard<std::mutex> lock(impl_.pool_mutex);
      impl_.idle.push_back(std::move(store_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    EventStore& operator*() const { return *store_; }
    EventStore* operator->() const { return store_.get(); }

   private:
    Impl& impl_;
    std::unique_ptr<EventStore> store_;
  };

  StatusOr<std::unique_ptr<Lease>> Borrow() {
    if (db_path.empty()) {
      return Status::NotFound(
          "this server has no event store: start it with dyad serve --db STORE");
    }
    {
      std::lock_guard<std::mutex> lock(pool_mutex);
      if (!idle.empty()) {
        auto store = std::move(idle.back());
        idle.pop_back();
        return std::make_unique<Lease>(*this, std::move(store));
      }
    }
    auto store = EventStore::Open(db_path, StoreMode::kReadOnly);
    if (!store.ok()) return store.status();
    return std::make_unique<Lease>(*this, std::move(store).value());
  }

  // The frame of every store endpoint: parameters checked, a connection
  // borrowed, the cache consulted, errors turned into JSON.
  using Answerer = StatusOr<ResponseCache::Answer> (Impl::*)(const httplib::Request&,
                                                             EventStore*) const;
  struct Route {
    const char* pattern;  // httplib's: a regular expression over the path
    bool needs_store;     // false: answers from the dictionaries alone
    Answerer answer;
  };
  static std::span<const Route> Routes();
  void Answer(const httplib::Request& request, httplib::Response& response, bool needs_store,
              Answerer answer) {
    try {
      std::unique_ptr<Lease> lease;
      int64_t version = -1;
      if (needs_store || !db_path.empty()) {
        auto borrowed = Borrow();
        if (!borrowed.ok()) {
          if (needs_store) {
            return SendJsonError(response, HttpStatusOf(borrowed.status()),
                                 borrowed.status().message());
          }
        } else {
          lease = std::move(borrowed).value();
          auto current = (*lease)->DataVersion();
          if (!current.ok()) return SendJsonError(response, 500, current.status().message());
          version = *current;
        }
      }
      const std::string key = CacheKey(request);
      if (auto cached = cache.Find(key, version)) {
        response.status = 200;
        response.set_content(std::move(cached->body), cached->content_type.c_str());
        return;
      }
      auto made = (this->*answer)(request, lease ? &**lease : nullptr);
      if (!made.ok()) {
        return SendJsonError(response, HttpStatusOf(made.status()), made.status().message());
      }
      response.status = 200;
      response.set_content(made->body, made->content_type.c_str());
      cache.Put(key, version, std::move(made).value());
    } catch (const ParamError& error) {
      SendJsonError(response, 400, error.message);
    }
  }

  static ResponseCache::Answer Json(std::string body) {
    return {"application/json; charset=utf-8", std::move(body)};
  }

  // ---- endpoints -------------------------------------------------------------

  static EventFilterParams FilterParams(const Params& params) {
    EventFilterParams filters;
    filters.actor = params.Text("actor");
    filters.source = params.Text("source");
    filters.target = params.Text("target");
    filters.dyad = params.Text("dyad");
    filters.directed = params.Flag("directed");
    filters.name = params.Text("name");
    filters.code = params.Text("code");
    filters.quad_class = static_cast<int>(params.Integer("quad_class", 0, 1, 4));
    filters.from = params.Text("from");
    filters.to = params.Text("to");
    filters.historical = params.Text("historical");
    filters.text = params.Text("text");
    return filters;
  }

  StatusOr<ResponseCache::Answer> Events(const httplib::Request& request, EventStore* store) const {
    const Params params(
        request, {"actor", "source", "target", "dyad", "directed", "name", "code", "quad_class",
                  "from", "to", "historical", "text", "sort", "desc", "limit", "offset", "format"});
    auto query = BuildEventQuery("", FilterParams(params));
    if (!query.ok()) return query.status();
    auto order = ParseEventOrder("", params.Text("sort"));
    if (!order.ok()) return order.status();
    query->order = *order;
    query->descending = params.Flag("desc");
    query->limit = static_cast<size_t>(params.Integer("limit", kDefaultPageSize, 1, kMaxPageSize));
    query->offset = static_cast<size_t>(params.Integer("offset", 0, 0, 1'000'000'000));
    const std::string format = params.Text("format");
    if (!format.empty() && format != "json" && format != "csv") {
      return Status::InvalidInput("format: '" + format + "' is not json or csv");
    }
    auto page = store->QueryEvents(*query);
    if (!page.ok()) return page.status();
    if (format == "csv") {
      return ResponseCache::Answer{"text/csv; charset=utf-8",
                                   RenderTable(EventsTable(*page), TableFormat::kCsv)};
    }
    std::string body = fmt::format("{{\"total\":{},\"offset\":{},\"limit\":{},\"events\":[",
                                   page->total, query->offset, query->limit);
    for (size_t i = 0; i < page->events.size(); ++i) {
      if (i > 0) body += ',';
      body += StoredEventJson(page->events[i]);
    }
    return Json(body + "]}");
  }

  StatusOr<ResponseCache::Answer> Event(const httplib::Request& request, EventStore* store) const {
    const Params params(request, {});
    auto detail = store->GetEvent(request.matches[1]);
    if (!detail.ok()) return detail.status();
    std::string body = "{\"event\":" + StoredEventJson(detail->stored) + ",\"mentions\":[";
    for (size_t i = 0; i < detail->reports.size(); ++i) {
      const EventReport& report = detail->reports[i];
      if (i > 0) body += ',';
      body += fmt::format(
          "{{\"doc_key\":{},\"doc\":{},\"title\":{},\"url\":{},\"outlet\":{},\"report_date\":\"{}"
          "\","
          "\"sentence\":{},\"span\":[{},{}],\"text\":{},\"confidence\":{:.2f},\"historical\":{}}}",
          report.doc_key, JsonQuote(report.doc_id), JsonQuote(report.title), JsonQuote(report.url),
          JsonQuote(report.outlet), FormatIsoDate(report.report_date), report.sentence,
          report.span_begin, report.span_end, JsonQuote(report.text), report.confidence,
          report.historical);
    }
    return Json(body + "]}");
  }

  StatusOr<ResponseCache::Answer> SeriesAnswer(const httplib::Request& request,
                                               EventStore* store) const {
    const Params params(request, {"actor", "other", "directed", "by", "from", "to", "historical"});
    SeriesParams series_params;
    series_params.actor = params.Text("actor");
    series_params.other = params.Text("other");
    series_params.directed = params.Flag("directed");
    series_params.by = params.Text("by");
    if (series_params.by.empty()) series_params.by = "month";
    series_params.from = params.Text("from");
    series_params.to = params.Text("to");
    series_params.historical = params.Text("historical");
    auto query = BuildSeriesQuery("", series_params);
    if (!query.ok()) return query.status();
    auto series = store->QuerySeries(*query);
    if (!series.ok()) return series.status();
    return Json(fmt::format("{{\"actor\":{},\"other\":{},\"by\":{},\"directed\":{},\"points\":{}}}",
                            JsonQuote(series->actor), JsonQuote(series->opponent),
                            JsonQuote(series_params.by), series->directed,
                            RenderTable(SeriesTable(*series), TableFormat::kJson)));
  }

  StatusOr<ResponseCache::Answer> StatusAnswer(const httplib::Request& request,
                                               EventStore* store) const {
    const Params params(request, {"a", "b", "from", "to"});
    StatusParams status_params{params.Text("a"), params.Text("b"), params.Text("from"),
                               params.Text("to")};
    if (status_params.first.empty() || status_params.second.empty()) {
      return Status::InvalidInput("a and b: the two actors of the dyad are required");
    }
    auto query = BuildStatusQuery("", status_params);
    if (!query.ok()) return query.status();
    auto timeline = store->QueryStatus(*query);
    if (!timeline.ok()) return timeline.status();
    const std::string current = timeline->changes.empty()
                                    ? "null"
                                    : JsonQuote(RelationChangeName(timeline->changes.back().kind));
    return Json(fmt::format("{{\"a\":{},\"b\":{},\"summary\":{},\"current\":{},\"changes\":{}}}",
                            JsonQuote(timeline->first), JsonQuote(timeline->second),
                            JsonQuote(StatusSentence(*timeline)), current,
                            RenderTable(StatusTable(*timeline), TableFormat::kJson)));
  }

  StatusOr<ResponseCache::Answer> NetworkAnswer(const httplib::Request& request,
                                                EventStore* store) const {
    const Params params(request, {"from", "to", "historical", "min_events"});
    NetworkParams network_params;
    network_params.from = params.Text("from");
    network_params.to = params.Text("to");
    network_params.historical = params.Text("historical");
    network_params.min_events =
        static_cast<size_t>(params.Integer("min_events", 1, 1, 1'000'000'000));
    auto query = BuildNetworkQuery("", network_params);
    if (!query.ok()) return query.status();
    auto network = store->QueryNetwork(*query);
    if (!network.ok()) return network.status();
    return Json(NetworkJson(*network));
  }

  StatusOr<ResponseCache::Answer> ActorsAnswer(const httplib::Request& request,
                                               EventStore* store) const {
    const Params params(request, {"q", "limit", "date"});
    const std::string q = params.Text("q");
    if (q.empty()) return Status::InvalidInput("q: the start of a name or code is required");
    const size_t limit = static_cast<size_t>(params.Integer("limit", 20, 1, 100));
    auto date = ParseDateParam("", "date", params.Text("date"));
    if (!date.ok()) return date.status();
    std::map<std::string, int64_t> counts;
    if (store != nullptr) {
      auto member_counts = store->MemberEventCounts();
      if (!member_counts.ok()) return member_counts.status();
      counts = std::move(member_counts).value();
    }
    std::string body = "{\"q\":" + JsonQuote(q) + ",\"matches\":[";
    const auto suggestions = SuggestActors(actors, q, date->value_or(today), limit);
    for (size_t i = 0; i < suggestions.size(); ++i) {
      const ActorSuggestion& suggestion = suggestions[i];
      // Events are counted per dyad member: the country, else the organisation.
      const Actor* actor = actors.FindCode(suggestion.code);
      const std::string member = actor == nullptr          ? suggestion.code
                                 : !actor->country.empty() ? actor->country
                                 : !actor->org.empty()     ? actor->org
                                                           : actor->code;
      const auto count = counts.find(member);
      if (i > 0) body += ',';
      body += fmt::format(
          "{{\"code\":{},\"member\":{},\"name\":{},\"kind\":\"{}\",\"role\":{},\"valid_from\":{},"
          "\"valid_until\":{},\"events\":{}}}",
          JsonQuote(suggestion.code), JsonQuote(member), JsonQuote(suggestion.name),
          ActorSuggestionKindName(suggestion.kind),
          suggestion.role.empty() ? "null" : JsonQuote(suggestion.role),
          OptionalDate(suggestion.from), OptionalDate(suggestion.until),
          count == counts.end() ? 0 : count->second);
    }
    return Json(body + "]}");
  }

  StatusOr<ResponseCache::Answer> DocumentAnswer(const httplib::Request& request,
                                                 EventStore* store) const {
    const Params params(request, {});
    const std::string key = request.matches[1];
    if (key.size() > 18 ||
        !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Status::InvalidInput("document key: '" + key + "' is not a number");
    }
    auto document = store->GetDocument(std::stoll(key));
    if (!document.ok()) return document.status();
    std::string body = fmt::format(
        "{{\"key\":{},\"id\":{},\"title\":{},\"url\":{},\"outlet\":{},\"report_date\":\"{}\","
        "\"origin\":{},\"story\":{},\"sentences\":{},\"text\":{},\"events\":[",
        document->key, JsonQuote(document->id), JsonQuote(document->title),
        JsonQuote(document->url), JsonQuote(document->outlet), FormatIsoDate(document->report_date),
        JsonQuote(document->origin), JsonQuote(document->story), document->sentences,
        document->text ? JsonQuote(*document->text) : "null");
    for (size_t i = 0; i < document->spans.size(); ++i) {
      const DocumentSpan& span = document->spans[i];
      if (i > 0) body += ',';
      body += fmt::format(
          "{{\"id\":\"{}\",\"code\":{},\"source\":{},\"target\":{},\"sentence\":{},"
          "\"span\":[{},{}],\"historical\":{}}}",
          span.event_id, JsonQuote(span.code), JsonQuote(span.source), JsonQuote(span.target),
          span.sentence, span.span_begin, span.span_end, span.historical);
    }
    return Json(body + "]}");
  }

  StatusOr<ResponseCache::Answer> StoryAnswer(const httplib::Request& request,
                                              EventStore* store) const {
    const Params params(request, {});
    const std::string story = request.matches[1];
    if (story.size() > kMaxParamBytes || !IsValidUtf8(story)) {
      return Status::InvalidInput("story id: too long or not valid UTF-8");
    }
    auto documents = store->GetStory(story);
    if (!documents.ok()) return documents.status();
    std::string body = "{\"story\":" + JsonQuote(story) + ",\"documents\":[";
    for (size_t i = 0; i < documents->size(); ++i) {
      const StoryDocument& document = (*documents)[i];
      if (i > 0) body += ',';
      body += fmt::format(
          "{{\"key\":{},\"id\":{},\"title\":{},\"url\":{},\"outlet\":{},\"report_date\":\"{}\","
          "\"mentions\":{}}}",
          document.key, JsonQuote(document.id), JsonQuote(document.title), JsonQuote(document.url),
          JsonQuote(document.outlet), FormatIsoDate(document.report_date), document.mentions);
    }
    return Json(body + "]}");
  }

  StatusOr<ResponseCache::Answer> StatsAnswer(const httplib::Request& request,
                                              EventStore* store) const {
    const Params params(request, {});
    auto stats = store->Stats();
    if (!stats.ok()) return stats.status();
    std::string last_ingest = "null";
    if (stats->last_ingest > 0) {
      const std::time_t seconds = static_cast<std::time_t>(stats->last_ingest);
      std::tm utc{};
      gmtime_r(&seconds, &utc);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
      last_ingest = JsonQuote(text);
    }
    return Json(fmt::format(
        "{{\"documents\":{},\"stories\":{},\"events\":{},\"mentions\":{},\"first_date\":{},"
        "\"last_date\":{},\"last_ingest\":{}}}",
        stats->counts.documents, stats->counts.stories, stats->counts.events,
        stats->counts.mentions, OptionalDate(stats->first_date), OptionalDate(stats->last_date),
        last_ingest));
  }
};

StoreApi::StoreApi(std::string db_path, const ActorDictionary& actors, CivilDate today)
    : impl_(std::make_unique<Impl>(std::move(db_path), actors, today)) {}

StoreApi::~StoreApi() = default;

Status StoreApi::Check() {
  if (impl_->db_path.empty()) return Status::Ok();
  auto lease = impl_->Borrow();
  return lease.ok() ? Status::Ok() : lease.status();
}

std::span<const StoreApi::Impl::Route> StoreApi::Impl::Routes() {
  static const Route routes[] = {
      {"/api/events", true, &Impl::Events},
      {"/api/events/([^/]+)", true, &Impl::Event},
      {"/api/series", true, &Impl::SeriesAnswer},
      {"/api/status", true, &Impl::StatusAnswer},
      {"/api/network", true, &Impl::NetworkAnswer},
      {"/api/actors", false, &Impl::ActorsAnswer},
      {"/api/documents/([^/]+)", true, &Impl::DocumentAnswer},
      {"/api/stories/([^/]+)", true, &Impl::StoryAnswer},
      {"/api/stats", true, &Impl::StatsAnswer},
  };
  return routes;
}

bool StoreApi::Handles(const std::string& path) {
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> compiled;
    for (const Impl::Route& route : Impl::Routes()) compiled.emplace_back(route.pattern);
    return compiled;
  }();
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::regex& pattern) { return std::regex_match(path, pattern); });
}

void StoreApi::Register(httplib::Server& http) {
  for (const Impl::Route& route : Impl::Routes()) {
    http.Get(route.pattern,
             [&impl = *impl_, route](const httplib::Request& request, httplib::Response& response) {
               impl.Answer(request, response, route.needs_store, route.answer);
             });
  }
}

}  // namespace dyad
