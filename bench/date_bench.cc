// Throughput of the date stage on one core, and its heap allocations.
//
//   build/release/bench/date_bench [FILE...] [--megabytes N]
//
// Reads the files as plain text (default: the bundled examples/news.jsonl),
// repeats them until N megabytes (default 20), segments once (not timed),
// then times FindDates on every sentence and ResolveEventDate on each
// sentence that has a date, as the pipeline calls them. Prints MB/s,
// nanoseconds per token, the expressions found and the heap allocations made
// while timed (the stage promises none beyond growing its output vector,
// which is reserved here). Run it from a Release build; it is not a test.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "date/date.h"

namespace {

size_t allocations = 0;

}  // namespace

void* operator new(size_t size) {
  ++allocations;
  void* memory = std::malloc(size == 0 ? 1 : size);
  if (memory == nullptr) throw std::bad_alloc();
  return memory;
}
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, size_t) noexcept { std::free(memory); }

int main(int argc, char** argv) {
  std::vector<std::string> files;
  double megabytes = 20.0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--megabytes" && i + 1 < argc) {
      megabytes = std::atof(argv[++i]);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) files.push_back(DYAD_SOURCE_DIR "/examples/news.jsonl");
  std::string corpus;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", file.c_str());
      return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    corpus += buffer.str() + "\n\n";
  }
  std::string text;
  while (text.size() < megabytes * 1e6) text += corpus;
  const dyad::Segmentation segmentation = dyad::Segment(text);
  dyad::DocumentDates document =
      dyad::ReadDocumentDates(text, segmentation, dyad::CivilDate{2019, 1, 24}, {});
  std::vector<dyad::DateExpression> dates;
  dates.reserve(1024);
  // As the pipeline does: FindDates' scratch serves ResolveEventDate too.
  dyad::DateScratch scratch;

  size_t expressions = 0, resolved = 0;
  const size_t allocations_before = allocations;
  const auto start = std::chrono::steady_clock::now();
  for (const dyad::Sentence& sentence : segmentation.sentences) {
    dates.clear();
    dyad::FindDates(text, segmentation, sentence, document, dates, scratch);
    expressions += dates.size();
    if (dates.empty()) continue;
    const dyad::ResolvedDate date = dyad::ResolveEventDate(text, segmentation, sentence, dates,
                                                           sentence.first_token, document, scratch);
    resolved += date.from_report ? 0 : 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "%.1f MB, %zu tokens, %zu sentences: %.3f s, %.1f MB/s, %.1f ns/token; %zu expressions, "
      "%zu resolved, %zu heap allocations\n",
      text.size() / 1e6, segmentation.tokens.size(), segmentation.sentences.size(), seconds,
      text.size() / 1e6 / seconds, seconds * 1e9 / segmentation.tokens.size(), expressions,
      resolved, allocations - allocations_before);
  return 0;
}
