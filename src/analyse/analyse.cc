#include "analyse/analyse.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>

namespace dyad {

std::string DyadMember(const ActorRef& actor) {
  if (!actor.country.empty()) return actor.country;
  if (!actor.org.empty()) return actor.org;
  return actor.code;
}

std::vector<DyadSummary> SummariseDyads(const std::vector<Event>& events) {
  struct Totals {
    DyadSummary summary;
    double goldstein_sum = 0.0;
    std::map<std::string, size_t> codes;
  };
  std::map<std::pair<std::string, std::string>, Totals> pairs;
  for (const Event& event : events) {
    std::string a = DyadMember(event.source), b = DyadMember(event.target);
    if (a == b) continue;
    if (b < a) std::swap(a, b);
    Totals& totals = pairs[{a, b}];
    DyadSummary& summary = totals.summary;
    if (summary.events == 0) {
      summary.first = a;
      summary.second = b;
      summary.first_date = summary.last_date = event.date;
    }
    ++summary.events;
    if (event.quad_class >= 1 && event.quad_class <= 4)
      ++summary.by_quad_class[event.quad_class - 1];
    summary.first_date = std::min(summary.first_date, event.date);
    summary.last_date = std::max(summary.last_date, event.date);
    totals.goldstein_sum += event.goldstein;
    ++totals.codes[event.code];
  }
  std::vector<DyadSummary> out;
  for (auto& [pair, totals] : pairs) {
    DyadSummary summary = totals.summary;
    summary.goldstein_mean = totals.goldstein_sum / static_cast<double>(summary.events);
    size_t best = 0;
    for (const auto& [code, count] : totals.codes) {
      if (count > best) {
        best = count;
        summary.top_code = code;
      }
    }
    out.push_back(std::move(summary));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DyadSummary& x, const DyadSummary& y) { return x.events > y.events; });
  return out;
}

void PrintDyadSummaries(const std::vector<DyadSummary>& summaries, const Ontology& ontology,
                        std::FILE* out) {
  fmt::print(out, "{:<16}{:>7}{:>7}{:>7}{:>7}{:>7}{:>10}  {:<23}  {}\n", "DYAD", "EVENTS", "VCOOP",
             "MCOOP", "VCONF", "MCONF", "GS MEAN", "PERIOD", "MOST FREQUENT");
  for (const DyadSummary& s : summaries) {
    const EventType* type = ontology.Find(s.top_code);
    fmt::print(out, "{:<16}{:>7}{:>7}{:>7}{:>7}{:>7}{:>10.2f}  {} .. {}  {} {}\n",
               s.first + "–" + s.second + "  ", s.events, s.by_quad_class[0], s.by_quad_class[1],
               s.by_quad_class[2], s.by_quad_class[3], s.goldstein_mean,
               FormatIsoDate(s.first_date), FormatIsoDate(s.last_date), s.top_code,
               type ? type->name : "");
  }
}

}  // namespace dyad
