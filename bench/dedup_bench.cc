// Throughput of the dedup stage (MinHash signatures, then story clustering)
// and of boilerplate removal, on one core.
//
//   build/release/bench/dedup_bench [MEGABYTES]
//
// Generates MEGABYTES (default 100) of article text from a fixed seed: pages
// of prose paragraphs over a 50,000-word vocabulary with headings, menus and
// keyword spam lines around them, and one page in five a rewrite of an
// earlier one (a tenth of its words replaced). Generation is not timed.
// Prints MB/s of signatures and of boilerplate removal (clean text in), the
// clustering time, the stories found and the peak resident memory. Run it
// from a Release build; it is not part of the test suite.
#include <sys/resource.h>
#include <time.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "dedup/dedup.h"

namespace {

// CPU time of this thread: the machine may be shared, and per-core
// throughput is what the numbers promise.
struct Clock {
  using duration = std::chrono::nanoseconds;
  static std::chrono::nanoseconds now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
  }
};

double Seconds(Clock::duration elapsed) { return std::chrono::duration<double>(elapsed).count(); }

long PeakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

class PageGenerator {
 public:
  PageGenerator() : random_(20240601) {
    // Random letter strings of 4 to 10 letters: distinct enough in their first
    // five letters, which is what the signature's word folding keeps.
    for (int i = 0; i < 50000; ++i) {
      std::string word;
      for (int n = 4 + static_cast<int>(random_() % 7); n > 0; --n) {
        word += static_cast<char>('a' + random_() % 26);
      }
      vocabulary_.push_back(word);
    }
  }

  // A page: menu, headline, 6-12 paragraphs with a spam line among them, footer.
  std::string Page() {
    std::string page = "Home | World | Politics | Business\nSubscribe now\n\n";
    page += Sentence(8, false) + "\n\n";
    const int paragraphs = 6 + static_cast<int>(random_() % 7);
    for (int p = 0; p < paragraphs; ++p) {
      for (int s = 0; s < 4; ++s) page += Sentence(14 + random_() % 16, true) + " ";
      page += "\n\n";
      if (p == 2) page += "Wholesale " + Word() + " supplier " + Word() + "\n\n";
    }
    page += "Leave a comment\nRelated Stories\nShare this\n";
    return page;
  }

  // An earlier page with a tenth of its words replaced.
  std::string Rewrite(const std::string& page) {
    std::string out;
    size_t start = 0;
    while (start < page.size()) {
      size_t end = page.find(' ', start);
      if (end == std::string::npos) end = page.size();
      out += (random_() % 10 == 0) ? Word() : page.substr(start, end - start);
      if (end < page.size()) out += ' ';
      start = end + 1;
    }
    return out;
  }

 private:
  std::string Word() { return vocabulary_[Zipf()]; }

  // Content word ranks: a Zipf-like head (names and topic words every page
  // repeats) over a long uniform tail.
  size_t Zipf() {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random_);
    if (random_() % 4 != 0) return random_() % vocabulary_.size();
    return static_cast<size_t>(std::pow(double(vocabulary_.size()), u)) - 1;
  }

  std::string Sentence(size_t words, bool prose) {
    static const char* kFunction[] = {"the", "of", "and", "to",  "in",    "that", "with", "was",
                                      "for", "on", "by",  "had", "would", "from", "its"};
    std::string sentence;
    for (size_t w = 0; w < words; ++w) {
      if (!sentence.empty()) sentence += ' ';
      sentence += (prose && random_() % 5 < 2) ? kFunction[random_() % 15] : Word();
    }
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    if (prose) sentence += '.';
    return sentence;
  }

  std::mt19937_64 random_;
  std::vector<std::string> vocabulary_;
};

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 100.0;
  const size_t target_bytes = static_cast<size_t>(megabytes * 1e6);

  PageGenerator generator;
  dyad::DedupOptions options;
  dyad::StoryClusterer clusterer(options);
  std::vector<std::string> recent;  // pages that later ones may rewrite
  size_t bytes = 0, clean_bytes = 0, documents = 0, removed_lines = 0;
  Clock::duration signing{}, cleaning{};
  std::mt19937 pick(7);
  while (bytes < target_bytes) {
    std::string page = (documents % 5 == 4 && !recent.empty())
                           ? generator.Rewrite(recent[pick() % recent.size()])
                           : generator.Page();
    bytes += page.size();

    auto start = Clock::now();
    size_t removed = 0;
    const std::string clean = dyad::RemoveBoilerplate(page, &removed);
    cleaning += Clock::now() - start;
    removed_lines += removed;
    clean_bytes += clean.size();

    start = Clock::now();
    dyad::MinHashSignature signature = dyad::ComputeSignature(clean, options);
    signing += Clock::now() - start;

    clusterer.Add("doc-" + std::to_string(documents), std::move(signature), {});
    ++documents;
    if (recent.size() < 64) {
      recent.push_back(std::move(page));
    } else {
      recent[pick() % recent.size()] = std::move(page);
    }
  }
  const auto start = Clock::now();
  const std::vector<dyad::StoryAssignment> stories = clusterer.Cluster();
  const double clustering = Seconds(Clock::now() - start);
  size_t story_count = 0;
  for (size_t d = 0; d < stories.size(); ++d) story_count += stories[d].story == d;

  std::printf("corpus            %.1f MB generated, %zu pages (one in five a rewrite)\n",
              bytes / 1e6, documents);
  std::printf("boilerplate       %.1f MB/s (one core), %zu lines removed, %.1f MB clean text\n",
              bytes / 1e6 / Seconds(cleaning), removed_lines, clean_bytes / 1e6);
  std::printf("signatures        %.1f MB/s of clean text (one core), %u hashes, %u-word shingles\n",
              clean_bytes / 1e6 / Seconds(signing), options.num_hashes, options.shingle_words);
  std::printf("clustering        %.2f s, %zu stories, %zu text links\n", clustering, story_count,
              clusterer.text_links());
  std::printf("peak RSS          %.1f MB\n", PeakRssKilobytes() / 1024.0);
  return 0;
}
