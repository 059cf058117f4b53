#include "dedup/dedup.h"

#include <algorithm>
#include <cassert>
#include <memory>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "clean/clean.h"

namespace dyad {

namespace {

// splitmix64's finaliser: spreads a 64-bit value over all bits, so the
// multiply-shift hash functions below see uniform input.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// The num_hashes hash functions h_i(x) = (a_i * x + b_i) >> 32, a_i odd:
// multiply-shift hashing, drawn once from a fixed seed so signatures are
// comparable across runs and machines.
struct HashFamily {
  std::vector<uint64_t> a, b;
  explicit HashFamily(uint32_t count) : a(count), b(count) {
    uint64_t state = 0x6479616430303031ull;  // "dyad0001"
    for (uint32_t i = 0; i < count; ++i) {
      state += 0x9e3779b97f4a7c15ull;
      a[i] = Mix(state) | 1;
      state += 0x9e3779b97f4a7c15ull;
      b[i] = Mix(state);
    }
  }
};

const HashFamily& Family(uint32_t count) {
  static const HashFamily kDefault(128);
  if (count == 128) return kDefault;
  thread_local std::unique_ptr<HashFamily> other;
  if (!other || other->a.size() != count) other = std::make_unique<HashFamily>(count);
  return *other;
}

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Words fold to their first bytes, as in the clean stage's topicality test:
// inflections of one word then share a shingle.
constexpr size_t kStemBytes = 5;
constexpr size_t kMaxWordBytes = 24;

}  // namespace

MinHashSignature ComputeSignature(std::string_view text, const DedupOptions& options) {
  assert(options.num_hashes > 0 && options.shingle_words > 0);
  const HashFamily& family = Family(options.num_hashes);
  MinHashSignature signature;
  signature.values.assign(options.num_hashes, UINT32_MAX);
  uint32_t* values = signature.values.data();
  const uint64_t* a = family.a.data();
  const uint64_t* b = family.b.data();
  const uint32_t k = options.shingle_words;

  std::vector<uint64_t> window(k, 0);  // hashes of the last k content words, a ring
  uint64_t words_seen = 0;
  char word[kMaxWordBytes];
  size_t length = 0;

  auto finish_word = [&] {
    if (length == 0) return;
    const std::string_view lower(word, std::min(length, kMaxWordBytes));
    length = 0;
    // The longest function word has eight letters; longer words skip the lookup.
    if (lower.size() <= 8 && IsFunctionWord(lower)) return;
    uint64_t hash = 1469598103934665603ull;  // FNV-1a of the stem
    for (size_t i = 0; i < std::min(lower.size(), kStemBytes); ++i) {
      hash = (hash ^ static_cast<unsigned char>(lower[i])) * 1099511628211ull;
    }
    window[words_seen % k] = hash;
    ++words_seen;
    if (words_seen < k) return;
    uint64_t shingle = 0;
    for (uint32_t j = 0; j < k; ++j) {
      shingle = (shingle ^ window[(words_seen + j) % k]) * 0x100000001b3ull + j;
    }
    shingle = Mix(shingle);
    ++signature.shingles;
    for (uint32_t i = 0; i < options.num_hashes; ++i) {
      const uint32_t value = static_cast<uint32_t>((a[i] * shingle + b[i]) >> 32);
      values[i] = std::min(values[i], value);
    }
  };

  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Curly quotes and dashes (U+2010..U+205F, E2 80/81 xx) separate words.
    if (c == 0xE2 && i + 2 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80) {
      finish_word();
      i += 2;
      continue;
    }
    if (IsWordByte(c)) {
      if (length < kMaxWordBytes) {
        word[length] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
      }
      ++length;
    } else {
      finish_word();
    }
  }
  finish_word();
  if (signature.shingles == 0) signature.values.assign(options.num_hashes, UINT32_MAX);
  return signature;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.shingles == 0 || b.shingles == 0 || a.values.size() != b.values.size() ||
      a.values.empty()) {
    return 0.0;
  }
  size_t equal = 0;
  for (size_t i = 0; i < a.values.size(); ++i) equal += a.values[i] == b.values[i];
  return static_cast<double>(equal) / static_cast<double>(a.values.size());
}

EventKey EventKeyOf(const Event& event) {
  auto actor = [](const ActorRef& ref) {
    if (!ref.country.empty()) return ref.country;
    if (!ref.org.empty()) return ref.org;
    return ref.code;
  };
  return EventKey{actor(event.source), actor(event.target), event.code, event.date,
                  event.date_precision};
}

bool SameEvent(const EventKey& a, const EventKey& b, int32_t window_days) {
  if (a.code != b.code || a.source != b.source || a.target != b.target) return false;
  if (a.precision == DatePrecision::kDay && b.precision == DatePrecision::kDay) {
    const int64_t gap = DaysFromCivil(a.date) - DaysFromCivil(b.date);
    return gap <= window_days && -gap <= window_days;
  }
  if (a.date.year != b.date.year) return false;
  const bool month_known =
      a.precision != DatePrecision::kYear && b.precision != DatePrecision::kYear;
  return !month_known || a.date.month == b.date.month;
}

StoryClusterer::StoryClusterer(DedupOptions options) : options_(options) {}

uint32_t StoryClusterer::Add(std::string doc_id, MinHashSignature signature,
                             std::span<const Event> events) {
  Entry entry;
  entry.doc_id = std::move(doc_id);
  entry.signature = std::move(signature);
  // The lead: the first lead_events distinct events, in text order, moved to
  // the front; the rest follow.
  std::vector<EventKey> lead, rest;
  for (const Event& event : events) {
    EventKey key = EventKeyOf(event);
    auto same = [&](const EventKey& other) {
      return SameEvent(key, other, options_.event_window_days);
    };
    if (lead.size() < options_.lead_events && std::none_of(lead.begin(), lead.end(), same)) {
      lead.push_back(std::move(key));
    } else {
      rest.push_back(std::move(key));
    }
  }
  entry.lead = lead.size();
  entry.events = std::move(lead);
  entry.events.insert(entry.events.end(), std::make_move_iterator(rest.begin()),
                      std::make_move_iterator(rest.end()));
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

bool StoryClusterer::LeadReportedBy(const Entry& lead_of, const Entry& other) const {
  for (size_t i = 0; i < lead_of.lead; ++i) {
    for (const EventKey& key : other.events) {
      if (SameEvent(lead_of.events[i], key, options_.event_window_days)) return true;
    }
  }
  return false;
}

std::vector<StoryAssignment> StoryClusterer::Cluster() const {
  const size_t n = entries_.size();
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  // The smaller index becomes the root, so a story's root is its first document.
  auto unite = [&](uint32_t x, uint32_t y) {
    x = find(x);
    y = find(y);
    if (x == y) return false;
    if (y < x) std::swap(x, y);
    parent[y] = x;
    return true;
  };
  text_links_ = 0;
  event_links_ = 0;

  // Text: LSH banding. Documents whose band hashes agree are candidates; the
  // estimate over the whole signature decides.
  const uint32_t rows = std::max<uint32_t>(1, options_.band_rows);
  const uint32_t bands = options_.num_hashes / rows;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
  for (uint32_t band = 0; band < bands; ++band) {
    buckets.clear();
    for (uint32_t d = 0; d < n; ++d) {
      const MinHashSignature& signature = entries_[d].signature;
      if (signature.shingles == 0 || signature.values.size() != options_.num_hashes) continue;
      uint64_t hash = Mix(band + 1);
      for (uint32_t r = 0; r < rows; ++r) {
        hash = Mix(hash ^ signature.values[band * rows + r]);
      }
      buckets[hash].push_back(d);
    }
    for (const auto& [hash, docs] : buckets) {
      for (size_t i = 1; i < docs.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (find(docs[i]) == find(docs[j])) continue;
          if (EstimateJaccard(entries_[docs[i]].signature, entries_[docs[j]].signature) >=
              options_.jaccard_threshold) {
            text_links_ += unite(docs[i], docs[j]);
          }
        }
      }
    }
  }

  // Events: documents that share an event (actors and code) are candidates;
  // they are linked when each one's lead appears in the other.
  if (options_.use_events) {
    std::unordered_map<std::string, std::vector<uint32_t>> by_event;
    for (uint32_t d = 0; d < n; ++d) {
      std::vector<std::string> names;
      for (const EventKey& key : entries_[d].events) {
        names.push_back(key.source + '\t' + key.target + '\t' + key.code);
      }
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
      for (std::string& name : names) by_event[std::move(name)].push_back(d);
    }
    for (uint32_t d = 0; d < n; ++d) {
      const Entry& entry = entries_[d];
      for (size_t i = 0; i < entry.lead; ++i) {
        const EventKey& key = entry.events[i];
        const auto found = by_event.find(key.source + '\t' + key.target + '\t' + key.code);
        if (found == by_event.end()) continue;
        for (uint32_t other : found->second) {
          if (other <= d || find(other) == find(d)) continue;
          if (LeadReportedBy(entry, entries_[other]) && LeadReportedBy(entries_[other], entry)) {
            event_links_ += unite(d, other);
          }
        }
      }
    }
  }

  std::vector<StoryAssignment> stories(n);
  for (uint32_t d = 0; d < n; ++d) {
    stories[d].story = find(d);
    stories[d].story_doc = entries_[stories[d].story].doc_id;
  }
  return stories;
}

}  // namespace dyad
