#include "code/code.h"

#include <algorithm>
#include <unordered_map>

#include "base/text_file.h"

namespace dyad {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "ban" -> "bann": one-syllable verbs ending consonant-vowel-consonant double
// the consonant. Longer verbs ("visit", "offer") do not; the exceptions that
// do ("admit", "commit") go in irregular_verbs.tsv.
bool DoublesFinalConsonant(std::string_view lemma) {
  if (lemma.size() < 3) return false;
  const char last = lemma.back(), middle = lemma[lemma.size() - 2],
             before = lemma[lemma.size() - 3];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
  if (!IsVowel(middle) || IsVowel(before)) return false;
  int vowel_groups = 0;
  for (size_t i = 0; i < lemma.size(); ++i) {
    if (IsVowel(lemma[i]) && (i == 0 || !IsVowel(lemma[i - 1]))) ++vowel_groups;
  }
  return vowel_groups == 1;
}

bool EndsWithConsonantY(std::string_view lemma) {
  return lemma.size() >= 2 && lemma.back() == 'y' && !IsVowel(lemma[lemma.size() - 2]);
}

}  // namespace

std::vector<std::string> VerbForms(std::string_view lemma, std::string_view irregular_past,
                                   std::string_view irregular_participle) {
  const std::string base(lemma);
  std::vector<std::string> forms{base};
  if (lemma.empty()) return forms;

  // Third person singular.
  if (lemma.ends_with("s") || lemma.ends_with("x") || lemma.ends_with("z") ||
      lemma.ends_with("ch") || lemma.ends_with("sh") || lemma.ends_with("o")) {
    forms.push_back(base + "es");
  } else if (EndsWithConsonantY(lemma)) {
    forms.push_back(base.substr(0, base.size() - 1) + "ies");
  } else {
    forms.push_back(base + "s");
  }

  // Regular past and participle.
  std::string past;
  if (lemma.ends_with("e")) {
    past = base + "d";
  } else if (EndsWithConsonantY(lemma)) {
    past = base.substr(0, base.size() - 1) + "ied";
  } else if (DoublesFinalConsonant(lemma)) {
    past = base + base.back() + "ed";
  } else {
    past = base + "ed";
  }
  forms.push_back(irregular_past.empty() ? past : std::string(irregular_past));
  forms.push_back(irregular_participle.empty() ? forms.back() : std::string(irregular_participle));

  // Present participle.
  if (lemma.ends_with("ie")) {
    forms.push_back(base.substr(0, base.size() - 2) + "ying");
  } else if (lemma.ends_with("e") && !lemma.ends_with("ee") && lemma.size() > 2) {
    forms.push_back(base.substr(0, base.size() - 1) + "ing");
  } else if (DoublesFinalConsonant(lemma)) {
    forms.push_back(base + base.back() + "ing");
  } else {
    forms.push_back(base + "ing");
  }

  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

class EventCoder::Builder {
 public:
  explicit Builder(EventCoder& coder) : coder_(coder) {}

  Status LoadIrregular(const std::string& path) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      const auto fields = SplitAndTrim(line.text, '\t');
      if (fields.size() != 3) {
        return Status::InvalidInput(path + ":" + std::to_string(line.number) +
                                    ": expected lemma<TAB>past<TAB>participle");
      }
      irregular_[std::string(fields[0])] = {std::string(fields[1]), std::string(fields[2])};
    }
    return Status::Ok();
  }

  Status LoadPatterns(const std::string& path) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      const std::string where = path + ":" + std::to_string(line.number);
      const auto fields = SplitAndTrim(line.text, '\t');
      if (fields.size() != 2) return Status::InvalidInput(where + ": expected CODE<TAB>pattern");
      const std::string_view code = fields[0];
      if (code.size() < 2 || code.size() > 4 ||
          !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return Status::InvalidInput(where + ": '" + std::string(code) +
                                    "' is not a CAMEO code (2 to 4 digits)");
      }
      Status status = AddPattern(code, fields[1], line.number);
      if (!status.ok()) return status.WithContext(where);
    }
    return Status::Ok();
  }

 private:
  Status AddPattern(std::string_view code, std::string_view text, int line) {
    const Segmentation segmentation = Segment(text);
    if (segmentation.tokens.empty()) return Status::InvalidInput("empty pattern");
    std::vector<uint32_t> rest;
    for (size_t i = 1; i < segmentation.tokens.size(); ++i) {
      const Token& token = segmentation.tokens[i];
      const std::string_view word = text.substr(token.begin, token.end - token.begin);
      rest.push_back(word == "*" ? PhraseTrie::kAnyWord : coder_.vocabulary_.Intern(Folded(word)));
    }
    const Token& first = segmentation.tokens[0];
    if (first.kind != TokenKind::kWord) return Status::InvalidInput("a pattern starts with a verb");
    const std::string lemma = Folded(text.substr(first.begin, first.end - first.begin));
    const auto irregular = irregular_.find(lemma);
    const std::vector<std::string> forms =
        irregular == irregular_.end()
            ? VerbForms(lemma)
            : VerbForms(lemma, irregular->second.first, irregular->second.second);

    const uint32_t index = static_cast<uint32_t>(coder_.patterns_.size());
    coder_.patterns_.push_back({std::string(code), std::string(text), line});
    std::vector<uint32_t> words;
    for (const std::string& form : forms) {
      words.assign(1, coder_.vocabulary_.Intern(form));
      words.insert(words.end(), rest.begin(), rest.end());
      coder_.trie_.Add(words, index);
    }
    return Status::Ok();
  }

  EventCoder& coder_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> irregular_;
};

StatusOr<std::shared_ptr<const EventCoder>> EventCoder::Load(const CoderOptions& options) {
  auto coder = std::shared_ptr<EventCoder>(new EventCoder());
  coder->options_ = options;
  Builder builder(*coder);
  Status status = builder.LoadIrregular(options.data_dir + "/irregular_verbs.tsv");
  if (status.ok()) status = builder.LoadPatterns(options.data_dir + "/verbs.tsv");
  if (!status.ok()) return status;
  coder->word_and_ = coder->vocabulary_.Intern("and");
  for (std::string_view word : {"not", "n't", "never", "no"}) {
    coder->negators_.push_back(coder->vocabulary_.Intern(word));
  }
  // "to" catches plans and promises ("plans to visit"), which are intents
  // (CAMEO 03x), not the act; the coder issue codes them as such.
  for (std::string_view word :
       {"could", "would", "may", "might", "should", "will", "shall", "can", "must", "to"}) {
    coder->modals_.push_back(coder->vocabulary_.Intern(word));
  }
  coder->word_by_ = coder->vocabulary_.Intern("by");
  for (std::string_view word : {"was", "were", "been", "being", "is", "are", "be"}) {
    coder->passive_auxiliaries_.push_back(coder->vocabulary_.Intern(word));
  }
  for (std::string_view word : {"the", "a", "an", "new", "its", "their", "his", "her", "of",
                                "further", "these", "those", "this", "that", "our", "fresh"}) {
    coder->determiners_.push_back(coder->vocabulary_.Intern(word));
  }
  for (std::string_view word : {"in", "at", "near", "inside", "outside"}) {
    coder->locatives_.push_back(coder->vocabulary_.Intern(word));
  }
  return std::shared_ptr<const EventCoder>(std::move(coder));
}

void EventCoder::CodeSentence(std::string_view text, const Segmentation& segmentation,
                              const Sentence& sentence, const std::vector<ActorMention>& actors,
                              CoderScratch& scratch, std::vector<CodedEvent>& out) const {
  if (actors.size() < 2) return;  // an event needs two actors
  const uint32_t base = sentence.first_token;
  scratch.word_ids.clear();
  for (uint32_t i = base; i < sentence.end_token; ++i) {
    const Token& token = segmentation.tokens[i];
    scratch.folded.clear();
    AppendFolded(text.substr(token.begin, token.end - token.begin), scratch.folded);
    scratch.word_ids.push_back(vocabulary_.Find(scratch.folded));
  }
  const std::span<const uint32_t> words(scratch.word_ids);
  auto is_one_of = [&](uint32_t local, const std::vector<uint32_t>& set) {
    return std::find(set.begin(), set.end(), words[local]) != set.end();
  };
  // Actor tokens are never verbs: "Turkey" is not "turkey" the bird here,
  // and a country named like a verb must not start a pattern.
  size_t next_actor = 0;
  for (uint32_t position = 0; position < words.size();) {
    while (next_actor < actors.size() && actors[next_actor].end_token <= base + position) {
      ++next_actor;
    }
    if (next_actor < actors.size() && actors[next_actor].first_token <= base + position) {
      position = actors[next_actor].end_token - base;
      continue;
    }
    const PhraseTrie::Match match = trie_.LongestAt(words, position);
    if (match.length == 0) {
      ++position;
      continue;
    }
    const uint32_t verb_first = base + position;
    const uint32_t verb_end = verb_first + match.length;
    position += match.length;

    // Negation and modality between the subject and the verb.
    bool blocked = false;
    for (uint32_t back = 1; back <= 3 && back <= verb_first - base; ++back) {
      const uint32_t local = verb_first - base - back;
      if (is_one_of(local, negators_) || (back <= 2 && is_one_of(local, modals_))) blocked = true;
    }
    // "the sanctions", "new sanctions", "its visit": a noun, not the verb.
    if (verb_first > base && is_one_of(verb_first - 1 - base, determiners_)) continue;
    if (blocked) continue;

    // Passive voice: "Ethiopia was accused by Egypt" is Egypt accusing Ethiopia.
    const bool passive = verb_first > base &&
                         is_one_of(verb_first - 1 - base, passive_auxiliaries_) &&
                         verb_end < sentence.end_token && words[verb_end - base] == word_by_;
    if (passive) {
      int agent = -1, patient = -1;
      for (size_t i = 0; i < actors.size(); ++i) {
        if (actors[i].end_token <= verb_first &&
            verb_first - actors[i].end_token <= options_.max_argument_distance) {
          patient = static_cast<int>(i);
        }
        if (agent < 0 && actors[i].first_token > verb_end &&
            actors[i].first_token - verb_end <= 3) {
          agent = static_cast<int>(i);
        }
      }
      if (agent >= 0 && patient >= 0) {
        out.push_back({static_cast<uint32_t>(agent), static_cast<uint32_t>(patient),
                       match.payloads.front(), verb_first, verb_end, 0.8});
      }
      continue;
    }

    // Source: the nearest actor ending before the verb.
    int source = -1;
    for (size_t i = 0; i < actors.size(); ++i) {
      if (actors[i].end_token <= verb_first &&
          verb_first - actors[i].end_token <= options_.max_argument_distance) {
        source = static_cast<int>(i);
      }
    }
    if (source < 0) continue;
    // Target: the first actor after the verb that is not a place ("signed
    // an agreement in Beijing"), unless the pattern itself ends in the
    // preposition ("arrive in").
    int target = -1;
    for (size_t i = 0; i < actors.size(); ++i) {
      const uint32_t first = actors[i].first_token;
      if (first > verb_end && is_one_of(first - 1 - base, locatives_)) continue;
      if (first >= verb_end && first - verb_end <= options_.max_argument_distance) {
        target = static_cast<int>(i);
        break;
      }
    }
    const uint32_t pattern = match.payloads.front();
    const uint32_t source_gap = verb_first - actors[source].end_token;
    if (target >= 0) {
      const uint32_t target_gap = actors[target].first_token - verb_end;
      const double confidence = std::max(0.3, 0.9 - 0.05 * (source_gap + target_gap));
      out.push_back({static_cast<uint32_t>(source), static_cast<uint32_t>(target), pattern,
                     verb_first, verb_end, confidence});
      continue;
    }
    // "China and Venezuela signed an agreement": each with the other.
    if (source >= 1) {
      const ActorMention& left = actors[source - 1];
      const ActorMention& right = actors[source];
      if (right.first_token == left.end_token + 1 && words[left.end_token - base] == word_and_) {
        const double confidence = std::max(0.3, 0.75 - 0.05 * source_gap);
        out.push_back({static_cast<uint32_t>(source - 1), static_cast<uint32_t>(source), pattern,
                       verb_first, verb_end, confidence});
        out.push_back({static_cast<uint32_t>(source), static_cast<uint32_t>(source - 1), pattern,
                       verb_first, verb_end, confidence});
      }
    }
  }
}

}  // namespace dyad
