#include "pipeline/pipeline.h"

#include <algorithm>
#include <cstring>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "clean/clean.h"
#include "date/date.h"
#include "segment/segment.h"

namespace dyad {

namespace {

// Bytes of text[from, to) that start a code point (are not 10xxxxxx): the
// cursor crosses every byte of a document up to its last event, and a byte
// loop was a few percent of the pipeline.
uint32_t CountCodePointStarts(std::string_view text, size_t from, size_t to) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  constexpr uint64_t kLaneSum = 0x0101010101010101ULL;
  // Bit 7 of each continuation byte of `word`: bit 7 set and bit 6 clear
  // (shifting left by one moves each byte's bit 6 under its bit 7).
  auto continuation_bits = [](uint64_t word) { return word & ~(word << 1) & kHighBits; };
  size_t continuation = 0;
  size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes per step where the target has SSE2 (every x86-64): eight
  // at a time was still a percent of the pipeline. A continuation byte is
  // below -64 as a signed byte; each lane counts up to 255 of them.
  const __m128i below = _mm_set1_epi8(-64);
  while (to - i >= 16) {
    const size_t blocks = std::min<size_t>((to - i) / 16, 255);
    __m128i lanes = _mm_setzero_si128();
    for (size_t b = 0; b < blocks; ++b, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(bytes, below));
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    continuation += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
                    static_cast<size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  }
#endif
  while (to - i >= 8) {
    // Counted per byte lane of one word, 31 words at a time so that the
    // eight lanes' total stays under 256, then summed by one multiplication
    // into the top byte.
    const size_t words = std::min<size_t>((to - i) / 8, 31);
    uint64_t lanes = 0;
    for (size_t w = 0; w < words; ++w, i += 8) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      lanes += continuation_bits(word) >> 7;
    }
    continuation += static_cast<size_t>((lanes * kLaneSum) >> 56);
  }
  if (i < to && to >= 8) {
    // The last bytes, as the top of the eight that end at `to` (whose first
    // ones, counted already or before `from`, are shifted out): a byte loop
    // here cost a fifth of the counting.
    uint64_t word;
    std::memcpy(&word, text.data() + to - 8, 8);
    const uint64_t bits = continuation_bits(word) >> (8 * (8 - (to - i)));
    continuation += static_cast<size_t>(((bits >> 7) * kLaneSum) >> 56);
    i = to;
  }
  for (; i < to; ++i) {
    continuation += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 ? 1 : 0;
  }
  return static_cast<uint32_t>(to - from - continuation);
}

}  // namespace

uint32_t CodePointCursor::At(size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset > offset_) {
    count_ += CountCodePointStarts(text_, offset_, offset);
  } else {
    count_ -= CountCodePointStarts(text_, offset, offset_);
  }
  offset_ = offset;
  return count_;
}

uint32_t CodePointOffset(std::string_view text, size_t offset) {
  return CodePointCursor(text).At(offset);
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Load(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  auto ontology = Ontology::LoadFile(options.data_dir + "/cameo.tsv");
  if (!ontology.ok()) return ontology.status();
  pipeline->ontology_ = std::move(ontology).value();
  pipeline->historical_after_days_ = options.historical_after_days;

  auto actors = ActorDictionary::Load(
      ActorOptions{options.data_dir, options.iso_codes_dir, options.actor_files});
  if (!actors.ok()) return actors.status();
  pipeline->actors_ = std::move(actors).value();

  CoderOptions coder_options;
  coder_options.data_dir = options.data_dir;
  auto coder = EventCoder::Load(coder_options);
  if (!coder.ok()) return coder.status();
  pipeline->coder_ = std::move(coder).value();
  pipeline->words_.Add(pipeline->actors_->vocabulary());
  pipeline->words_.Add(pipeline->coder_->vocabulary());
  pipeline->words_.Add(DateKeyWords());

  // Every pattern must name a code of the codebook: a typo in verbs.tsv is
  // caught at start-up, not as events with no Goldstein score.
  // Each pattern's type is kept, so coding an event looks no code up.
  pipeline->pattern_types_.reserve(pipeline->coder_->pattern_count());
  const EventType* type = nullptr;
  for (size_t i = 0; i < pipeline->coder_->pattern_count(); ++i) {
    const VerbPattern& pattern = pipeline->coder_->pattern(static_cast<uint32_t>(i));
    // The patterns of one code mostly come together: the last code's type
    // spares most searches of the codebook.
    if (type == nullptr || type->code != pattern.code)
      type = pipeline->ontology_.Find(pattern.code);
    pipeline->pattern_types_.push_back(type);
    if (type == nullptr) {
      const char* file = pattern.kind == PatternKind::kNoun      ? "/nouns.tsv:"
                         : pattern.kind == PatternKind::kDerived ? "/moods.tsv:"
                                                                 : "/verbs.tsv:";
      return Status::InvalidInput(options.data_dir + file + std::to_string(pattern.line) +
                                  ": code " + pattern.code + " is not in cameo.tsv");
    }
  }
  return pipeline;
}

namespace {

// Writes the reference into `ref`, an event's own: building one apart and
// moving it in moved and destroyed five strings more per side.
void SetActorRef(const Actor& actor, std::string_view text, const Segmentation& segmentation,
                 const ActorMention& mention, ActorRef& ref) {
  const uint32_t begin = segmentation.tokens[mention.first_token].begin;
  const uint32_t end = segmentation.tokens[mention.end_token - 1].end;
  ref.code = actor.code;
  // Most actors have no organisation, and states no sector either: clearing
  // a field costs a store, assigning an empty string a call's worth.
  auto set = [](std::string& field, const std::string& value) {
    if (value.empty()) {
      field.clear();
    } else {
      field = value;
    }
  };
  set(ref.country, actor.country);
  set(ref.org, actor.org);
  set(ref.sector, actor.sector);
  // Appended to the cleared name: assign() takes the general path of
  // replace(), which checks whether the text overlaps the string's own.
  ref.name.clear();
  ref.name.append(text.data() + begin, end - begin);
}

// The buffers a thread codes documents with, kept from one document to the
// next: made afresh per document, they were allocated and grown again every
// time. Each stage resets what it uses before each sentence (the date stage
// reads every sentence through FindDates before ResolveEventDate asks it
// again), and the segmentation and the document's actors are made afresh in
// their buffers before each document, so nothing of one document is seen by
// the next.
struct DocumentScratch {
  // Buffers grown for a document of more tokens than this are not kept for
  // the next: a thread should not hold a very long document's memory.
  static constexpr size_t kMaxTokensKept = size_t{1} << 16;
  size_t tokens_held = 0;  // the most tokens of a document coded with these buffers

  Segmentation segmentation;
  FoldedTokens folded;
  DocumentActors document_actors;
  ActorScratch actors;
  CoderScratch coder;
  DateScratch dates;
  std::vector<ActorMention> mentions;
  std::vector<CodedEvent> coded;
  std::vector<DateExpression> date_expressions;
};

}  // namespace

DocumentResult Pipeline::CodeDocument(Document& document) const {
  thread_local std::optional<DocumentScratch> kept;
  if (!kept || kept->tokens_held > DocumentScratch::kMaxTokensKept) kept.emplace();
  DocumentScratch& scratch = *kept;
  DocumentResult result;
  CleanResult clean = CleanText(document.text);
  if (clean.invalid_sequences > 0) {
    result.warnings.push_back(
        document.origin + ": invalid UTF-8 at byte " + std::to_string(clean.first_invalid_offset) +
        " (" + std::to_string(clean.invalid_sequences) + " sequence(s) replaced with U+FFFD)");
  }
  document.text = std::move(clean.text);
  const std::string_view text = document.text;
  Segment(text, scratch.segmentation);
  const Segmentation& segmentation = scratch.segmentation;
  // Every token folded, hashed and looked up once for the stages that look
  // words up (actors, code, date).
  scratch.tokens_held = std::max(scratch.tokens_held, segmentation.tokens.size());
  FoldedTokens& folded = scratch.folded;
  folded.Fold(text, segmentation, &words_);
  CodePointCursor code_points(text);
  result.sentences = segmentation.sentences.size();
  // News yields fewer events than sentences, but a pair's two events or
  // the events of a list ("Peru and Chile ...") may outnumber them: room
  // for half as many again spares moving the events already made, a dozen
  // strings each, every time the vector would grow (1.5% of the pipeline;
  // room for one per sentence still left a third of that). Bounded, so that
  // a long document asks for a small block, not a large one it may not fill.
  constexpr size_t kEventsReserved = 128;
  const size_t sentences = segmentation.sentences.size();
  result.events.reserve(std::min(sentences + sentences / 2, kEventsReserved));
  // A dateline ("BEIJING, January 24 (Reuters) -") dates the report when the
  // text has one; relative dates ("on Wednesday") resolve against it.
  DateOptions date_options;
  date_options.historical_after_days = historical_after_days_;
  DocumentDates document_dates =
      ReadDocumentDates(text, segmentation, document.report_date, date_options);
  document.report_date = document_dates.report_date;

  ActorScratch& actor_scratch = scratch.actors;
  // Surnames, "the president", "the two countries" refer to earlier sentences.
  DocumentActors& document_actors = scratch.document_actors;
  document_actors.Reset(document.report_date);
  CoderScratch& coder_scratch = scratch.coder;
  std::vector<ActorMention>& mentions = scratch.mentions;
  std::vector<CodedEvent>& coded = scratch.coded;
  std::vector<DateExpression>& dates = scratch.date_expressions;
  // The sentence's words as the date stage classified them, reused by each
  // of its events.
  DateScratch& date_scratch = scratch.dates;
  for (size_t s = 0; s < segmentation.sentences.size(); ++s) {
    const Sentence& sentence = segmentation.sentences[s];
    mentions.clear();
    coded.clear();
    actors_->FindInSentence(text, segmentation, folded, sentence, actor_scratch, document_actors,
                            mentions);
    coder_->CodeSentence(text, segmentation, folded, sentence, mentions, coder_scratch, coded);
    // Every sentence is read for dates, coded or not: a later "the same
    // month" or "subsequently" refers to it.
    dates.clear();
    FindDates(text, segmentation, folded, sentence, document_dates, dates, date_scratch);
    if (coded.empty()) continue;

    const std::string_view sentence_text =
        text.substr(sentence.begin, sentence.end - sentence.begin);
    // Once per sentence: the cursor then only moves forward over its spans.
    const uint32_t sentence_begin = code_points.At(sentence.begin);
    // Events of one verb ("Peru and Chile signed ...") share its date: it
    // depends on the verb's place alone, so it is resolved once for them.
    uint32_t dated_verb = UINT32_MAX;
    ResolvedDate date;
    for (const CodedEvent& found : coded) {
      const ActorMention& source = mentions[found.source];
      const ActorMention& target = mentions[found.target];
      const EventType* type = pattern_types_[found.pattern];
      // A person's code depends on the event's date (a president before and
      // after office), so actors are resolved once the event is dated.
      if (found.verb_first_token != dated_verb) {
        date = ResolveEventDate(text, segmentation, sentence, dates, found.verb_first_token,
                                document_dates, date_scratch);
        dated_verb = found.verb_first_token;
      }
      const uint32_t source_actor = actors_->ActorAt(source, date.date);
      const uint32_t target_actor = actors_->ActorAt(target, date.date);
      // Built where it is kept: moving an event of a dozen strings into the
      // result cost more than building it. Taken back if it is no dyad.
      Event& event = result.events.emplace_back();
      SetActorRef(actors_->actor(source_actor), text, segmentation, source, event.source);
      SetActorRef(actors_->actor(target_actor), text, segmentation, target, event.target);
      // "The two countries signed ...": the pair on each other.
      const bool within_pair = found.source == found.target && source.partner != kNoActor;
      if (within_pair) {
        SetActorRef(actors_->actor(source.partner), text, segmentation, source, event.target);
      }
      // "Venezuela ... Venezuelan", "India ... New Delhi": one state, not a dyad. A
      // state's sectors may still act on each other (VENGOV against VENOPP), its
      // government or army may turn mass violence on its own land ("used sarin
      // against the Syrian town": SYRGOV against SYR), and its people protest
      // against their own government ("Brazilian truck drivers blocked highways
      // to demand that the Brazilian government ...": BRA against BRAGOV).
      if (event.source.code == event.target.code) {
        result.events.pop_back();
        continue;
      }
      const std::string_view root = std::string_view(type->code).substr(0, 2);
      const std::string_view target_sector = event.target.sector;
      // Its forces may assault or fight its own people ("Sudanese
      // soldiers assaulted Sudanese women": SDNMIL against SDN) as well.
      // So may its government rule its own land by curfew, state of
      // emergency or martial law, imposed or lifted.
      const std::string_view code = type->code;
      const bool emergency_rule =
          code == "1723" || code == "1724" || code == "0813" || code == "0814";
      const bool own_land =
          ((root >= "18" || emergency_rule) && !event.source.sector.empty() &&
           target_sector.empty()) ||
          (root == "14" && event.source.sector.empty() && !target_sector.empty()) ||
          // "Belarus freed jailed opposition activists": a state acting on
          // its own opposition, rebels, people or press.
          (event.source.sector.empty() && (target_sector == "OPP" || target_sector == "REB" ||
                                           target_sector == "CVL" || target_sector == "MED"));
      if (!event.source.country.empty() && event.source.country == event.target.country &&
          (event.source.sector.empty() || event.target.sector.empty()) && !own_land) {
        result.events.pop_back();
        continue;
      }
      event.code = type->code;
      event.quad_class = type->quad_class;
      event.goldstein = type->goldstein;
      event.confidence = found.confidence;
      event.date = date.date;
      event.date_precision = date.precision;
      event.date_is_report_date = date.from_report;
      event.historical = date.historical;
      event.report_date = document.report_date;
      event.doc = document.id;
      event.sentence = static_cast<uint32_t>(s);
      // The evidence runs from the first to the last word of "source verb target".
      const uint32_t first_token =
          std::min({source.first_token, target.first_token, found.verb_first_token});
      const uint32_t end_token =
          std::max({source.end_token, target.end_token, found.verb_end_token});
      event.sentence_begin = sentence_begin;
      event.span_begin = code_points.At(segmentation.tokens[first_token].begin);
      event.span_end = code_points.At(segmentation.tokens[end_token - 1].end);
      // Appended, the new event's text being empty: assigned, the view took
      // replace()'s general path, which checks for overlap with the string.
      event.text.append(sentence_text);
      event.id = EventId(event);
      document_actors.NoteDyad(source_actor, within_pair ? source.partner : target_actor);
      // The pair's other event goes before this one (the insertion moves
      // `event`, which is not used after it).
      if (within_pair) {
        Event other = event;
        std::swap(other.source, other.target);
        other.id = EventId(other);
        result.events.insert(result.events.end() - 1, std::move(other));
      } else if (source.partner != kNoActor || target.partner != kNoActor) {
        // "The two countries urged Iran ...": the event holds for both of the pair.
        Event other = event;
        if (source.partner != kNoActor) {
          SetActorRef(actors_->actor(source.partner), text, segmentation, source, other.source);
        } else {
          SetActorRef(actors_->actor(target.partner), text, segmentation, target, other.target);
        }
        other.id = EventId(other);
        if (other.source.code != other.target.code) {
          result.events.insert(result.events.end() - 1, std::move(other));
        }
      }
    }
  }
  return result;
}

}  // namespace dyad
