// `dyad code`: articles in, events out on standard output.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "aggregate/aggregate.h"
#include "analyse/analyse.h"
#include "commands.h"
#include "dedup/dedup.h"
#include "export/export.h"
#include "extract/extract.h"

namespace dyad::app {

namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string report_date;
  std::string input_format = "auto";
  std::string output_format = "jsonl";
  bool summary = false;
  bool quiet = false;
  bool mentions = false;  // raw mentions instead of aggregated events
  AggregateOptions aggregate;
  DedupOptions dedup;
  size_t max_record_bytes = 16u << 20;
  int historical_after_days = 30;  // older events are recollections, not news
};

int RunCode(const DictionaryFlags& common, const CodeOptions& options) {
  auto reader_flags =
      ReaderOptionsFromFlags(options.report_date, options.input_format, options.max_record_bytes);
  if (!reader_flags) return kExitUsage;
  ReaderOptions reader = *reader_flags;
  const auto format = ParseOutputFormat(options.output_format);

  const std::unique_ptr<Pipeline> pipeline =
      LoadPipelineOrReport(common, options.historical_after_days);
  if (pipeline == nullptr) return kExitUsage;
  auto writer = MakeEventWriter(*format, stdout, pipeline->ontology());

  size_t documents = 0, skipped = 0, warnings = 0, sentences = 0;
  // Stories and aggregation need the whole batch: mentions, a signature and
  // an outlet per document are kept (not the texts), and written at the end.
  std::vector<Event> all_events;
  std::vector<std::string> doc_ids, outlets;
  StoryClusterer stories(options.dedup);
  ProgressLine progress(options.quiet);
  auto on_document = [&](Document&& document) -> size_t {
    DocumentResult result = pipeline->CodeDocument(document);
    ++documents;
    sentences += result.sentences;
    for (const std::string& warning : result.warnings) {
      ++warnings;
      progress.Message("warning: " + warning);
    }
    stories.Add(document.id, ComputeSignature(document.text, options.dedup), result.events);
    doc_ids.push_back(document.id);
    outlets.push_back(OutletOf(document));
    const size_t events = result.events.size();
    all_events.insert(all_events.end(), std::make_move_iterator(result.events.begin()),
                      std::make_move_iterator(result.events.end()));
    return events;
  };
  ReadInputs(options.inputs, reader, on_document, progress, skipped, warnings);

  const std::vector<StoryAssignment> assigned = stories.Cluster();
  DocumentIndex index;
  std::vector<std::string> story_ids;
  for (size_t d = 0; d < doc_ids.size(); ++d) {
    index[doc_ids[d]] = DocumentInfo{outlets[d], assigned[d].story_doc};
    story_ids.push_back(assigned[d].story_doc);
  }
  std::sort(story_ids.begin(), story_ids.end());
  const size_t story_count = std::unique(story_ids.begin(), story_ids.end()) - story_ids.begin();
  if (options.mentions) {
    for (Event& event : all_events) {
      const auto info = index.find(event.doc);
      event.evidence = {Evidence{event.doc, info != index.end() ? info->second.story : "",
                                 event.sentence, event.span_begin, event.span_end}};
    }
  } else {
    all_events = AggregateEvents(std::move(all_events), index, options.aggregate);
  }
  for (const Event& event : all_events) writer->Write(event);
  writer->Finish();
  if (options.summary) {
    std::fflush(stdout);
    fmt::print("\n");
    PrintDyadSummaries(SummariseDyads(all_events), pipeline->ontology(), stdout);
  }
  std::fflush(stdout);
  if (!options.quiet) {
    fmt::print(stderr, "dyad: {} document(s), {} sentence(s) coded; {} skipped, {} warning(s)\n",
               documents, sentences, skipped, warnings);
    fmt::print(stderr, "dyad: {} stor{} ({} linked by text, {} by events), {} {}\n", story_count,
               story_count == 1 ? "y" : "ies", stories.text_links(), stories.event_links(),
               all_events.size(), options.mentions ? "mention(s)" : "event(s)");
  }
  return documents > 0 ? 0 : kExitNothingProcessed;
}

}  // namespace

CommandRunner RegisterCodeCommand(CLI::App& app) {
  auto options = std::make_shared<CodeOptions>();
  auto dictionaries = std::make_shared<DictionaryFlags>();
  CLI::App* command = app.add_subcommand(
      "code", "Code news articles into events, one event per line on standard output");
  command
      ->add_option("inputs", options->inputs,
                   "Files to code: plain text (one article each) or JSON Lines (.jsonl; keys id, "
                   "date, source, url, title, text); '-' reads standard input")
      ->required();
  AddReaderFlags(command, options->report_date, options->input_format, options->max_record_bytes);
  command->add_option("--format", options->output_format, "Output format (default: jsonl)")
      ->check(CLI::IsMember({"jsonl", "tsv", "csv", "table"}));
  command->add_flag("--summary", options->summary,
                    "After the events, print a summary per pair of actors");
  command->add_flag("-q,--quiet", options->quiet, "Print no messages on standard error");
  command->add_flag("--mentions", options->mentions,
                    "One record per mention (sentence) instead of one per event with counts");
  command
      ->add_option("--window", options->aggregate.window_days,
                   "Mentions of an event with day dates up to this many days apart are one "
                   "event (default: 1)")
      ->check(CLI::Range(0, 365));
  command
      ->add_option("--similarity", options->dedup.jaccard_threshold,
                   "Estimated Jaccard similarity of word shingles from which two documents are "
                   "one story (default: 0.2)")
      ->check(CLI::Range(0.0, 1.0));
  command
      ->add_option("--historical-after", options->historical_after_days,
                   "Mark events dated more than this many days before the report date as "
                   "historical (default: 30)")
      ->check(CLI::Range(0, 100000));
  AddDictionaryFlags(command, *dictionaries);
  return [command, options, dictionaries]() -> int {
    return command->parsed() ? RunCode(*dictionaries, *options) : -1;
  };
}

}  // namespace dyad::app
