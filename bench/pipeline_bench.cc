// End-to-end throughput of the coding pipeline on one core.
//
//   build/release/bench/pipeline_bench [--generated [--sample]] [--write-corpus OUT.jsonl]
//                                      [--print-events] [CORPUS.jsonl] [MEGABYTES]
//
// Loads every dictionary (timed: start-up), reads the corpus (default: the
// bundled examples) and builds MEGABYTES of text from it (default 50):
//  - by default the corpus's articles, repeated;
//  - with --generated, distinct articles of clean English news text made
//    from the corpus's sentences: shuffled into new articles of 4 to 10
//    paragraphs under a headline and a dateline, with the states they name
//    replaced by states drawn from ISO 3166, so the text is larger than the
//    caches and the actor lookups vary as in a real feed (--sample prints
//    the first two articles and stops).
// --write-corpus writes the articles it would code as JSON Lines and stops:
// `dyad code` on that file before and after a change shows whether the
// change alters any output; --print-events codes the corpus once, prints
// every field of every event, one line each, and stops (the same check
// without the rest of the program, for a build of only the pipeline).
// It then codes everything on one thread, twice: the clean stage alone, and
// the whole pipeline (clean, segment, actors, code, date). It prints MB/s,
// sentences/s and documents/s per core (CPU time of this thread; wall time
// beside it, as other work on a shared machine slows the wall clock), the
// coding stages' own rate (the whole minus the clean stage), events, and the
// peak resident memory after start-up and at the end (which includes the
// corpus held in memory). Run it from a Release build; it is not part of the
// test suite.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "clean/clean.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "segment/segment.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// CPU and wall time of one timed stretch.
struct Timer {
  double cpu_start = ThreadCpuSeconds();
  std::chrono::steady_clock::time_point wall_start = std::chrono::steady_clock::now();
  double cpu() const { return ThreadCpuSeconds() - cpu_start; }
  double wall() const { return Seconds(wall_start); }
};

long PeakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// States the bundled examples name, replaced in generated text.
constexpr std::string_view kStatesInExamples[] = {
    "Venezuela", "Colombia", "China",    "Russia",  "Ukraine", "Pakistan", "India",
    "Japan",     "Britain",  "Iran",     "Greece",  "Turkey",  "Brazil",   "Argentina",
    "Chile",     "Guyana",   "Ethiopia", "Finland", "Sweden",  "Israel",   "Peru",
    "Bolivia",   "Egypt",    "Mexico",   "Cuba",    "Syria",   "Iraq",     "Canada",
};

// Short names of ISO 3166 states from Debian's iso-codes ("common_name" when
// there is one); names with commas or brackets are left out.
std::vector<std::string> IsoStateNames(const std::string& iso_codes_dir) {
  std::ifstream in(iso_codes_dir + "/iso_3166-1.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string json = buffer.str();
  std::vector<std::string> names;
  // Each entry is one object; its "common_name" wins over its "name".
  for (size_t at = json.find('{', 1); at != std::string::npos; at = json.find('{', at + 1)) {
    const size_t close = json.find('}', at);
    if (close == std::string::npos) break;
    const std::string_view entry(json.data() + at, close - at);
    auto field = [&](std::string_view key) -> std::string {
      const std::string quoted = "\"" + std::string(key) + "\": \"";
      const size_t begin = entry.find(quoted);
      if (begin == std::string_view::npos) return {};
      const size_t value = begin + quoted.size();
      return std::string(entry.substr(value, entry.find('"', value) - value));
    };
    std::string name = field("common_name");
    if (name.empty()) name = field("name");
    if (!name.empty() && name.find_first_of(",()\\") == std::string::npos) names.push_back(name);
  }
  return names;
}

// Replaces every whole-word occurrence of a state of kStatesInExamples in
// `sentence` by a random ISO name.
std::string ReplaceStates(std::string_view sentence, const std::vector<std::string>& names,
                          std::mt19937& random) {
  std::string out;
  out.reserve(sentence.size() + 16);
  auto is_letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t i = 0; i < sentence.size();) {
    bool replaced = false;
    // Every state's name starts with a capital.
    if ((sentence[i] >= 'A' && sentence[i] <= 'Z') && (i == 0 || !is_letter(sentence[i - 1]))) {
      for (std::string_view state : kStatesInExamples) {
        if (sentence.substr(i).starts_with(state) &&
            (i + state.size() == sentence.size() || !is_letter(sentence[i + state.size()]))) {
          out += names[random() % names.size()];
          i += state.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(sentence[i++]);
  }
  return out;
}

// Distinct articles of about `target_bytes` in all, from the sentences of
// `originals`.
std::vector<dyad::Document> GenerateCorpus(const std::vector<dyad::Document>& originals,
                                           const std::vector<std::string>& names,
                                           size_t target_bytes) {
  struct PoolSentence {
    std::string text;
    size_t document;
  };
  std::vector<PoolSentence> pool;
  std::vector<std::string> datelines;
  for (size_t d = 0; d < originals.size(); ++d) {
    const std::string text = dyad::CleanText(originals[d].text).text;
    const size_t dash = text.find(" \xE2\x80\x94 ");  // "CARACAS — "
    if (dash != std::string::npos && dash < 40) datelines.push_back(text.substr(0, dash + 5));
    const dyad::Segmentation segmentation = dyad::Segment(text);
    for (const dyad::Sentence& sentence : segmentation.sentences) {
      if (sentence.end_token - sentence.first_token < 6) continue;  // titles, datelines
      std::string_view body(text.data() + sentence.begin, sentence.end - sentence.begin);
      if (body.size() > 40 && body.substr(0, 40).find(" \xE2\x80\x94 ") != std::string::npos) {
        body.remove_prefix(body.find(" \xE2\x80\x94 ") + 5);  // its dateline goes
      }
      if (body.find('\n') != std::string_view::npos) continue;
      pool.push_back({std::string(body), d});
    }
  }
  std::vector<dyad::Document> corpus;
  std::mt19937 random(20261126);
  size_t bytes = 0;
  while (bytes < target_bytes && !pool.empty()) {
    const PoolSentence& lead = pool[random() % pool.size()];
    dyad::Document document = originals[lead.document];
    document.id = "gen-" + std::to_string(corpus.size());
    // A headline: the first words of the lead, without a final period.
    const std::string lead_text = ReplaceStates(lead.text, names, random);
    std::string headline = lead_text;
    size_t cut = 0;
    for (int words = 0; words < 10 && cut != std::string::npos; ++words) {
      cut = headline.find(' ', cut + 1);
    }
    if (cut != std::string::npos) headline.resize(cut);
    while (!headline.empty() && (headline.back() == '.' || headline.back() == ',')) {
      headline.pop_back();
    }
    std::string text = headline + "\n\n";
    if (!datelines.empty()) text += datelines[random() % datelines.size()];
    text += lead_text;
    const int paragraphs = 4 + static_cast<int>(random() % 7);
    for (int p = 0; p < paragraphs; ++p) {
      text += p == 0 ? " " : "\n\n";
      const int sentences = 1 + static_cast<int>(random() % 3);
      for (int s = 0; s < sentences; ++s) {
        if (s > 0) text += ' ';
        text += ReplaceStates(pool[random() % pool.size()].text, names, random);
      }
    }
    text += '\n';
    bytes += text.size();
    document.text = std::move(text);
    corpus.push_back(std::move(document));
  }
  return corpus;
}

// `text` as a JSON string, quotes included.
std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// The corpus as JSON Lines in the input format of `dyad code`.
bool WriteCorpus(const std::string& path, const std::vector<dyad::Document>& corpus) {
  std::ofstream out(path);
  for (const dyad::Document& d : corpus) {
    out << "{\"id\": " << JsonString(d.id)
        << ", \"date\": " << JsonString(dyad::FormatIsoDate(d.report_date))
        << ", \"source\": " << JsonString(d.source) << ", \"url\": " << JsonString(d.url)
        << ", \"title\": " << JsonString(d.title) << ", \"text\": " << JsonString(d.text) << "}\n";
  }
  return static_cast<bool>(out);
}

void PrintActor(const dyad::ActorRef& actor) {
  std::printf("\t%s|%s|%s|%s|%s", actor.code.c_str(), actor.country.c_str(), actor.org.c_str(),
              actor.sector.c_str(), actor.name.c_str());
}

// Every field of every event of the corpus, one line each.
void PrintEvents(const dyad::Pipeline& pipeline, const std::vector<dyad::Document>& corpus) {
  for (const dyad::Document& original : corpus) {
    dyad::Document document = original;
    const dyad::DocumentResult result = pipeline.CodeDocument(document);
    std::printf("doc %s %zu sentences %zu events %s\n", document.id.c_str(), result.sentences,
                result.events.size(), dyad::FormatIsoDate(document.report_date).c_str());
    for (const std::string& warning : result.warnings) std::printf("warning %s\n", warning.c_str());
    for (const dyad::Event& e : result.events) {
      std::printf("%s\t%s\t%s\t%d%d\t%s\t%s\t%d\t%.17g\t%.17g\t%s\t%u\t%u\t%u\t%u", e.id.c_str(),
                  dyad::FormatIsoDate(e.date).c_str(), dyad::DatePrecisionName(e.date_precision),
                  e.date_is_report_date, e.historical, dyad::FormatIsoDate(e.report_date).c_str(),
                  e.code.c_str(), e.quad_class, e.goldstein, e.confidence, e.doc.c_str(),
                  e.sentence, e.span_begin, e.span_end, e.sentence_begin);
      PrintActor(e.source);
      PrintActor(e.target);
      std::printf("\t%s\n", e.text.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool generated = false, sample = false;
  std::string write_corpus;
  bool print_events = false;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--write-corpus" && i + 1 < argc) {
      write_corpus = argv[++i];
    } else if (std::string_view(argv[i]) == "--print-events") {
      print_events = true;
    } else if (std::string_view(argv[i]) == "--generated") {
      generated = true;
    } else if (std::string_view(argv[i]) == "--sample") {
      sample = true;
    } else {
      positional.emplace_back(argv[i]);
    }
  }
  const std::string corpus_path =
      !positional.empty() ? positional[0] : DYAD_SOURCE_DIR "/examples/news.jsonl";
  const double megabytes = positional.size() > 1 ? std::atof(positional[1].c_str()) : 50.0;

  const Timer start;
  auto pipeline =
      dyad::Pipeline::Load(dyad::PipelineOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().message().c_str());
    return 1;
  }
  const double startup_wall = start.wall(), startup_cpu = start.cpu();
  const long startup_rss = PeakRssKilobytes();

  std::vector<dyad::Document> originals;
  dyad::ReadCallbacks callbacks;
  callbacks.on_document = [&](dyad::Document&& d) { originals.push_back(std::move(d)); };
  callbacks.on_issue = [](const dyad::ReadIssue& issue) {
    std::fprintf(stderr, "%s\n", issue.status.message().c_str());
  };
  dyad::Status status = dyad::ReadDocuments(corpus_path, {}, callbacks);
  if (!status.ok() || originals.empty()) {
    std::fprintf(stderr, "cannot read %s: %s\n", corpus_path.c_str(), status.message().c_str());
    return 1;
  }

  // The documents to code, in order: a generated corpus, or the originals
  // repeated until the target size.
  const size_t target_bytes = static_cast<size_t>(megabytes * 1e6);
  std::vector<dyad::Document> corpus;
  std::vector<size_t> order;
  if (generated) {
    corpus = GenerateCorpus(originals, IsoStateNames(DYAD_ISO_CODES_DIR), target_bytes);
    for (size_t i = 0; i < corpus.size(); ++i) order.push_back(i);
    if (sample) {
      for (size_t i = 0; i < std::min<size_t>(2, corpus.size()); ++i) {
        std::printf("%s (%s)\n%s\n", corpus[i].id.c_str(),
                    dyad::FormatIsoDate(corpus[i].report_date).c_str(), corpus[i].text.c_str());
      }
      return 0;
    }
  } else {
    corpus = originals;
    for (size_t bytes = 0; bytes < target_bytes;) {
      for (size_t i = 0; i < corpus.size(); ++i) {
        order.push_back(i);
        bytes += corpus[i].text.size();
      }
    }
  }
  if (!write_corpus.empty()) return WriteCorpus(write_corpus, corpus) ? 0 : 1;
  if (print_events) {
    PrintEvents(**pipeline, corpus);
    return 0;
  }
  size_t bytes = 0;
  for (size_t i : order) bytes += corpus[i].text.size();

  // The clean stage alone.
  size_t clean_bytes = 0;
  const Timer cleaning;
  for (size_t i : order) clean_bytes += dyad::CleanText(corpus[i].text).text.size();
  const double clean_cpu = cleaning.cpu(), clean_wall = cleaning.wall();

  // The whole pipeline.
  size_t documents = 0, sentences = 0, events = 0;
  const Timer coding;
  for (size_t i : order) {
    dyad::Document document = corpus[i];
    const dyad::DocumentResult result = (*pipeline)->CodeDocument(document);
    ++documents;
    sentences += result.sentences;
    events += result.events.size();
  }
  const double cpu = coding.cpu(), wall = coding.wall();
  const double coding_cpu = std::max(cpu - clean_cpu, 1e-9);

  std::printf("corpus            %s (%zu articles%s)\n", corpus_path.c_str(), corpus.size(),
              generated ? ", generated from its sentences" : ", repeated");
  std::printf("start-up          %.1f ms wall, %.1f ms CPU (dictionaries loaded and compiled)\n",
              startup_wall * 1e3, startup_cpu * 1e3);
  std::printf(
      "text coded        %.1f MB (%.1f MB clean), %zu documents, %zu sentences, %zu events\n",
      bytes / 1e6, clean_bytes / 1e6, documents, sentences, events);
  std::printf(
      "pipeline          %.2f MB/s, %.0f sentences/s, %.0f documents/s per core "
      "(wall: %.2f MB/s)\n",
      bytes / 1e6 / cpu, sentences / cpu, documents / cpu, bytes / 1e6 / wall);
  std::printf("  clean stage     %.2f MB/s per core (wall: %.2f MB/s)\n", bytes / 1e6 / clean_cpu,
              bytes / 1e6 / clean_wall);
  std::printf(
      "  coding stages   %.2f MB/s of clean text, %.0f sentences/s per core "
      "(segment, actors, code, date: the pipeline minus the clean stage)\n",
      clean_bytes / 1e6 / coding_cpu, sentences / coding_cpu);
  std::printf("peak RSS          %.1f MB after start-up, %.1f MB at the end (corpus included)\n",
              startup_rss / 1024.0, PeakRssKilobytes() / 1024.0);
  return 0;
}
