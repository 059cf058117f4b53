// End-to-end throughput of the coding pipeline on one core.
//
//   build/release/bench/pipeline_bench [CORPUS.jsonl] [MEGABYTES]
//
// Loads the dictionaries (timed: start-up), reads the corpus (default: the
// bundled examples), repeats its articles until MEGABYTES of text (default
// 50), codes them all on one thread, and prints MB/s, sentences/s,
// documents/s, events and the peak resident memory. Run it from a Release
// build; it is not part of the test suite.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "pipeline/pipeline.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

long PeakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string corpus = argc > 1 ? argv[1] : DYAD_SOURCE_DIR "/examples/news.jsonl";
  const double megabytes = argc > 2 ? std::atof(argv[2]) : 50.0;

  const auto start = std::chrono::steady_clock::now();
  auto pipeline =
      dyad::Pipeline::Load(dyad::PipelineOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().message().c_str());
    return 1;
  }
  const double startup = Seconds(start);

  std::vector<dyad::Document> originals;
  dyad::ReadCallbacks callbacks;
  callbacks.on_document = [&](dyad::Document&& d) { originals.push_back(std::move(d)); };
  callbacks.on_issue = [](const dyad::ReadIssue& issue) {
    std::fprintf(stderr, "%s\n", issue.status.message().c_str());
  };
  dyad::Status status = dyad::ReadDocuments(corpus, {}, callbacks);
  if (!status.ok() || originals.empty()) {
    std::fprintf(stderr, "cannot read %s: %s\n", corpus.c_str(), status.message().c_str());
    return 1;
  }

  const size_t target_bytes = static_cast<size_t>(megabytes * 1e6);
  size_t bytes = 0, documents = 0, sentences = 0, events = 0;
  const auto coding = std::chrono::steady_clock::now();
  while (bytes < target_bytes) {
    for (const dyad::Document& original : originals) {
      dyad::Document document = original;
      bytes += document.text.size();
      const dyad::DocumentResult result = (*pipeline)->CodeDocument(document);
      ++documents;
      sentences += result.sentences;
      events += result.events.size();
    }
  }
  const double elapsed = Seconds(coding);
  std::printf("corpus            %s (%zu articles, repeated)\n", corpus.c_str(), originals.size());
  std::printf("start-up          %.1f ms (dictionaries loaded and compiled)\n", startup * 1e3);
  std::printf("text coded        %.1f MB, %zu documents, %zu sentences, %zu events\n", bytes / 1e6,
              documents, sentences, events);
  std::printf("throughput        %.2f MB/s, %.0f sentences/s, %.0f documents/s (one core)\n",
              bytes / 1e6 / elapsed, sentences / elapsed, documents / elapsed);
  std::printf("peak RSS          %.1f MB\n", PeakRssKilobytes() / 1024.0);
  return 0;
}
