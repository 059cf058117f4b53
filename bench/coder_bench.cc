// Throughput of the event coder alone, on one core.
//
//   build/release/bench/coder_bench [CORPUS.jsonl] [MEGABYTES]
//
// Cleans, segments and finds the actors of the corpus once (untimed), then
// times EventCoder::CodeSentence over every sentence, repeated until
// MEGABYTES of text (default 50) have been coded, and prints the coder's
// MB/s and sentences/s, its start-up time (verbs, nouns, moods compiled)
// and the events found. pipeline_bench measures the whole pipeline.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "clean/clean.h"
#include "code/code.h"
#include "extract/extract.h"
#include "segment/segment.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

struct PreparedDocument {
  std::string text;
  dyad::Segmentation segmentation;
  std::vector<std::vector<dyad::ActorMention>> mentions;  // per sentence
};

}  // namespace

int main(int argc, char** argv) {
  const std::string corpus = argc > 1 ? argv[1] : DYAD_SOURCE_DIR "/examples/news.jsonl";
  const double megabytes = argc > 2 ? std::atof(argv[2]) : 50.0;

  auto actors = dyad::ActorDictionary::Load({DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
  if (!actors.ok()) {
    std::fprintf(stderr, "%s\n", actors.status().message().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  dyad::CoderOptions options;
  options.data_dir = DYAD_DATA_DIR;
  auto coder = dyad::EventCoder::Load(options);
  if (!coder.ok()) {
    std::fprintf(stderr, "%s\n", coder.status().message().c_str());
    return 1;
  }
  const double startup = Seconds(start);

  std::vector<PreparedDocument> documents;
  dyad::ReadCallbacks callbacks;
  callbacks.on_document = [&](dyad::Document&& d) {
    PreparedDocument prepared;
    prepared.text = dyad::CleanText(d.text).text;
    prepared.segmentation = dyad::Segment(prepared.text);
    dyad::ActorScratch scratch;
    for (const dyad::Sentence& sentence : prepared.segmentation.sentences) {
      prepared.mentions.emplace_back();
      (*actors)->FindInSentence(prepared.text, prepared.segmentation, sentence, scratch,
                                prepared.mentions.back());
    }
    documents.push_back(std::move(prepared));
  };
  callbacks.on_issue = [](const dyad::ReadIssue&) {};
  if (!dyad::ReadDocuments(corpus, {}, callbacks).ok() || documents.empty()) {
    std::fprintf(stderr, "cannot read %s\n", corpus.c_str());
    return 1;
  }

  const size_t target_bytes = static_cast<size_t>(megabytes * 1e6);
  size_t bytes = 0, sentences = 0, events = 0;
  dyad::CoderScratch scratch;
  std::vector<dyad::CodedEvent> out;
  const auto coding = std::chrono::steady_clock::now();
  while (bytes < target_bytes) {
    for (const PreparedDocument& document : documents) {
      bytes += document.text.size();
      const auto& all = document.segmentation.sentences;
      for (size_t s = 0; s < all.size(); ++s) {
        out.clear();
        (*coder)->CodeSentence(document.text, document.segmentation, all[s], document.mentions[s],
                               scratch, out);
        events += out.size();
      }
      sentences += all.size();
    }
  }
  const double elapsed = Seconds(coding);
  std::printf("corpus            %s (%zu articles, repeated)\n", corpus.c_str(), documents.size());
  std::printf("coder start-up    %.1f ms (%zu patterns compiled)\n", startup * 1e3,
              (*coder)->pattern_count());
  std::printf("coder throughput  %.2f MB/s, %.0f sentences/s (one core, coding only)\n",
              bytes / 1e6 / elapsed, sentences / elapsed);
  std::printf("events            %zu\n", events);
  return 0;
}
