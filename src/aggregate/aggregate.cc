#include "aggregate/aggregate.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <utility>

namespace dyad {

std::string OutletOf(const Document& document) {
  if (!document.source.empty()) return document.source;
  std::string_view url = document.url;
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  if (url.starts_with("www.")) url.remove_prefix(4);
  if (!url.empty()) {
    std::string host(url);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return host;
  }
  return document.id;
}

std::vector<Event> AggregateEvents(std::vector<Event> mentions, const DocumentIndex& documents,
                                   const AggregateOptions& options) {
  // Groups of mentions that may be one event: same actors, code and precision.
  using GroupKey = std::tuple<std::string, std::string, std::string, DatePrecision>;
  std::map<GroupKey, std::vector<uint32_t>> groups;
  for (uint32_t i = 0; i < mentions.size(); ++i) {
    const Event& m = mentions[i];
    groups[GroupKey(m.source.code, m.target.code, m.code, m.date_precision)].push_back(i);
  }

  // Within a group, mentions sorted by date form events: a new event starts
  // where a date lies beyond the window of the current event's earliest date.
  // Month and year dates are normalised to the first day, so "the same month"
  // is a window of zero.
  std::vector<std::vector<uint32_t>> events;
  for (auto& [key, members] : groups) {
    std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) {
      const int64_t da = DaysFromCivil(mentions[a].date), db = DaysFromCivil(mentions[b].date);
      return da != db ? da < db : a < b;
    });
    const int64_t window = std::get<3>(key) == DatePrecision::kDay ? options.window_days : 0;
    int64_t first_day = 0;
    for (size_t i = 0; i < members.size(); ++i) {
      const int64_t day = DaysFromCivil(mentions[members[i]].date);
      if (i == 0 || day - first_day > window) {
        events.emplace_back();
        first_day = day;
      }
      events.back().push_back(members[i]);
    }
  }
  for (auto& members : events) std::sort(members.begin(), members.end());
  std::sort(events.begin(), events.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });

  std::vector<Event> aggregated;
  aggregated.reserve(events.size());
  for (const std::vector<uint32_t>& members : events) {
    Event event = std::move(mentions[members.front()]);
    // The date is the text's where any mention gives one: a headline dated
    // by its report ("Venezuela breaks relations with the US", 2019-01-24)
    // and the body's "on Wednesday" (2019-01-23) are one event of the 23rd.
    if (event.date_is_report_date) {
      for (uint32_t index : members) {
        const Event& m = mentions[index];
        if (index == members.front() || m.date_is_report_date) continue;
        event.date = m.date;
        event.date_precision = m.date_precision;
        event.date_is_report_date = false;
        event.historical = m.historical;
        event.id = EventId(event);
        break;
      }
    }
    std::set<std::string_view> docs, outlets;
    std::set<std::pair<std::string_view, uint32_t>> sentences;
    event.evidence.clear();
    event.evidence.reserve(members.size());
    for (uint32_t index : members) {
      const Event& m = index == members.front() ? event : mentions[index];
      event.confidence = std::max(event.confidence, m.confidence);
      const auto info = documents.find(m.doc);
      docs.insert(m.doc);
      // One sentence may yield the event twice (two patterns, two names of one
      // actor): one mention, one piece of evidence.
      if (!sentences.emplace(m.doc, m.sentence).second) continue;
      outlets.insert(info != documents.end() ? std::string_view(info->second.outlet)
                                             : std::string_view(m.doc));
      event.evidence.push_back(Evidence{m.doc, info != documents.end() ? info->second.story : "",
                                        m.sentence, m.span_begin, m.span_end});
    }
    event.mentions = static_cast<uint32_t>(sentences.size());
    event.articles = static_cast<uint32_t>(docs.size());
    event.sources = static_cast<uint32_t>(outlets.size());
    aggregated.push_back(std::move(event));
  }
  return aggregated;
}

}  // namespace dyad
