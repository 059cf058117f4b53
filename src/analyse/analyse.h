// analyse: what the events say about each pair of actors.
//
// This slice summarises dyads: for every unordered pair of states or
// organisations (sectors folded into their country: VENGOV and VEN are both
// VEN), how many events, how many of each QuadClass, the mean Goldstein
// score, the first and last date, and the most frequent event code. Time
// series and relation status come with the store. Pure functions.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "base/event.h"
#include "ontology/ontology.h"

namespace dyad {

struct DyadSummary {
  std::string first;  // the pair, alphabetically: "USA", "VEN"
  std::string second;
  size_t events = 0;
  std::array<size_t, 4> by_quad_class{};  // index quad_class - 1
  double goldstein_mean = 0.0;
  CivilDate first_date;
  CivilDate last_date;
  std::string top_code;  // the most frequent code (the lowest on a tie)
};

// The actor a summary groups by: the country, else the organisation, else the code.
std::string DyadMember(const ActorRef& actor);

// Sorted by number of events (most first), then by pair.
std::vector<DyadSummary> SummariseDyads(const std::vector<Event>& events);

void PrintDyadSummaries(const std::vector<DyadSummary>& summaries, const Ontology& ontology,
                        std::FILE* out);

}  // namespace dyad
