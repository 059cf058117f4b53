#include "actors/actors.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "base/text_file.h"

namespace dyad {

namespace {

// CAMEO sector codes dyad knows; a dictionary line naming another is an error.
constexpr std::string_view kSectors[] = {"GOV", "MIL", "COP", "OPP", "REB", "LEG", "JUD",
                                         "BUS", "MED", "CVL", "SPY", "IGO", "NGO"};

bool IsSector(std::string_view code) {
  return std::find(std::begin(kSectors), std::end(kSectors), code) != std::end(kSectors);
}

// A name written without lower-case letters and with at least two capitals
// ("US", "U.S.", "UN") must match exactly: folded, it would also match the
// pronoun "us" or other words.
bool NeedsExactCase(std::string_view name) {
  int capitals = 0;
  for (unsigned char c : name) {
    if (std::islower(c)) return false;
    if (std::isupper(c)) ++capitals;
  }
  return capitals >= 2;
}

void FoldTokens(std::string_view text, const Segmentation& segmentation, uint32_t first,
                uint32_t end, const Vocabulary& vocabulary, ActorScratch& scratch) {
  scratch.word_ids.clear();
  for (uint32_t i = first; i < end; ++i) {
    const Token& token = segmentation.tokens[i];
    scratch.folded.clear();
    AppendFolded(text.substr(token.begin, token.end - token.begin), scratch.folded);
    scratch.word_ids.push_back(vocabulary.Find(scratch.folded));
  }
}

}  // namespace

// Collects names from the files, then compiles them into the trie.
class ActorDictionary::Builder {
 public:
  explicit Builder(ActorDictionary& dictionary) : dictionary_(dictionary) {}

  Status LoadIsoCountries(const std::string& path) {
    simdjson::padded_string json;
    if (auto error = simdjson::padded_string::load(path).get(json)) {
      return Status::NotFound(path + ": cannot read the ISO 3166 list (" +
                              simdjson::error_message(error) +
                              "); install Debian's iso-codes package or pass --iso-codes-dir");
    }
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (auto error = parser.parse(json).get(root)) {
      return Status::InvalidInput(path + ": " + simdjson::error_message(error));
    }
    simdjson::dom::array countries;
    if (root["3166-1"].get(countries)) {
      return Status::InvalidInput(path + ": no \"3166-1\" array");
    }
    for (simdjson::dom::element country : countries) {
      std::string_view alpha3;
      if (country["alpha_3"].get(alpha3)) continue;
      std::string_view canonical;
      if (country["common_name"].get(canonical) && country["name"].get(canonical)) continue;
      const uint32_t actor =
          AddActor(std::string(alpha3), std::string(alpha3), "", "", std::string(canonical));
      for (const char* field : {"name", "common_name", "official_name"}) {
        std::string_view name;
        // "Korea, Republic of" is an index form that no article writes.
        if (!country[field].get(name) && name.find(',') == std::string_view::npos) {
          AddName(name, actor, false);
        }
      }
    }
    return Status::Ok();
  }

  // countries.tsv, organizations.tsv and user files: CODE<TAB>name; name; ...
  Status LoadNames(const std::string& path, bool organizations) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      const std::string where = path + ":" + std::to_string(line.number);
      const size_t tab = line.text.find('\t');
      if (tab == std::string_view::npos) {
        return Status::InvalidInput(where + ": expected CODE<TAB>name; name; ...");
      }
      const std::string code(line.text.substr(0, tab));
      auto actor = ResolveCode(code, organizations);
      if (!actor.ok()) return actor.status().WithContext(where);
      const auto names = SplitAndTrim(line.text.substr(tab + 1), ';');
      if (names.empty()) return Status::InvalidInput(where + ": no names after the code");
      for (std::string_view name : names) AddName(name, *actor, false);
    }
    return Status::Ok();
  }

  Status LoadSectors(const std::string& path) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      const std::string where = path + ":" + std::to_string(line.number);
      const size_t tab = line.text.find('\t');
      const std::string_view sector = line.text.substr(0, tab);
      if (tab == std::string_view::npos || !IsSector(sector)) {
        return Status::InvalidInput(where +
                                    ": expected SECTOR<TAB>noun; noun; ... with a CAMEO "
                                    "sector such as GOV or MIL");
      }
      // Sector nouns point at a pseudo-actor holding only the sector.
      const uint32_t actor = AddActor("", "", "", std::string(sector), std::string(sector));
      for (std::string_view noun : SplitAndTrim(line.text.substr(tab + 1), ';')) {
        AddName(noun, actor, true);
      }
    }
    return Status::Ok();
  }

  // Every country gets every sector variant now, so that matching never
  // creates actors and the dictionary stays immutable.
  void AddSectorVariants() {
    const size_t count = dictionary_.actors_.size();
    for (size_t i = 0; i < count; ++i) {
      const Actor country = dictionary_.actors_[i];
      if (country.country.empty() || !country.sector.empty()) continue;
      for (std::string_view sector : kSectors) {
        const std::string code = country.country + std::string(sector);
        if (!dictionary_.actor_by_code_.count(code)) {
          AddActor(code, country.country, "", std::string(sector), country.name);
        }
      }
    }
  }

 private:
  uint32_t AddActor(std::string code, std::string country, std::string org, std::string sector,
                    std::string name) {
    if (!code.empty()) {
      auto found = dictionary_.actor_by_code_.find(code);
      if (found != dictionary_.actor_by_code_.end()) return found->second;
    }
    const uint32_t index = static_cast<uint32_t>(dictionary_.actors_.size());
    if (!code.empty()) dictionary_.actor_by_code_.emplace(code, index);
    dictionary_.actors_.push_back(
        {std::move(code), std::move(country), std::move(org), std::move(sector), std::move(name)});
    return index;
  }

  StatusOr<uint32_t> ResolveCode(const std::string& code, bool organization) {
    if (organization) {
      if (code.empty()) return Status::InvalidInput("empty organisation code");
      // "EUGOV": an organisation's executive; the org stays "EU".
      std::string org = code;
      std::string sector;
      if (code.size() > 3 && IsSector(std::string_view(code).substr(code.size() - 3))) {
        org = code.substr(0, code.size() - 3);
        sector = code.substr(code.size() - 3);
      }
      return AddActor(code, "", org, sector, org);
    }
    const std::string country = code.substr(0, 3);
    auto found = dictionary_.actor_by_code_.find(country);
    if (code.size() < 3 || found == dictionary_.actor_by_code_.end()) {
      return Status::InvalidInput("'" + code + "' does not start with an ISO 3166 alpha-3 code");
    }
    if (code.size() == 3) return found->second;
    const std::string sector = code.substr(3);
    if (!IsSector(sector)) {
      return Status::InvalidInput("'" + code + "': unknown sector '" + sector + "'");
    }
    return AddActor(code, country, "", sector, dictionary_.actors_[found->second].name);
  }

  void AddName(std::string_view name, uint32_t actor, bool is_sector) {
    const Segmentation segmentation = Segment(name);
    if (segmentation.tokens.empty()) return;
    std::vector<uint32_t> words;
    for (const Token& token : segmentation.tokens) {
      words.push_back(dictionary_.vocabulary_.Intern(
          Folded(name.substr(token.begin, token.end - token.begin))));
    }
    Name entry;
    entry.actor = actor;
    entry.is_sector = is_sector;
    if (NeedsExactCase(name)) entry.exact = std::string(name);
    // A later file overrides an earlier one: the newest payload is tried first.
    dictionary_.trie_.Add(words, static_cast<uint32_t>(dictionary_.names_.size()));
    dictionary_.names_.push_back(std::move(entry));
  }

  ActorDictionary& dictionary_;
};

StatusOr<std::shared_ptr<const ActorDictionary>> ActorDictionary::Load(
    const ActorOptions& options) {
  auto dictionary = std::shared_ptr<ActorDictionary>(new ActorDictionary());
  Builder builder(*dictionary);
  Status status = builder.LoadIsoCountries(options.iso_codes_dir + "/iso_3166-1.json");
  if (status.ok()) status = builder.LoadNames(options.data_dir + "/actors/countries.tsv", false);
  if (status.ok()) {
    status = builder.LoadNames(options.data_dir + "/actors/organizations.tsv", true);
  }
  if (status.ok()) status = builder.LoadSectors(options.data_dir + "/actors/sectors.tsv");
  for (const std::string& path : options.extra_files) {
    if (status.ok()) status = builder.LoadNames(path, false);
  }
  if (!status.ok()) return status;
  builder.AddSectorVariants();
  return std::shared_ptr<const ActorDictionary>(std::move(dictionary));
}

const Actor* ActorDictionary::FindCode(std::string_view code) const {
  auto found = actor_by_code_.find(std::string(code));
  return found == actor_by_code_.end() ? nullptr : &actors_[found->second];
}

uint32_t ActorDictionary::ActorForSector(uint32_t country_actor, std::string_view sector) const {
  const Actor& country = actors_[country_actor];
  if (country.country.empty()) return country_actor;  // organisations keep their code
  auto found = actor_by_code_.find(country.country + std::string(sector));
  return found == actor_by_code_.end() ? country_actor : found->second;
}

void ActorDictionary::FindInSentence(std::string_view text, const Segmentation& segmentation,
                                     const Sentence& sentence, ActorScratch& scratch,
                                     std::vector<ActorMention>& out) const {
  FoldTokens(text, segmentation, sentence.first_token, sentence.end_token, vocabulary_, scratch);
  const std::span<const uint32_t> words(scratch.word_ids);

  auto token_text = [&](size_t local) {
    const Token& token = segmentation.tokens[sentence.first_token + local];
    return text.substr(token.begin, token.end - token.begin);
  };
  // The first name of the longest phrase at `position` that the text allows
  // (exact-case names must match exactly), or nullptr.
  auto name_at = [&](size_t position, uint32_t* length) -> const Name* {
    const PhraseTrie::Match match = trie_.LongestAt(words, position);
    for (auto it = match.payloads.rbegin(); it != match.payloads.rend(); ++it) {
      const Name& name = names_[*it];
      if (!name.exact.empty()) {
        const Token& first = segmentation.tokens[sentence.first_token + position];
        const Token& last = segmentation.tokens[sentence.first_token + position + match.length - 1];
        if (text.substr(first.begin, last.end - first.begin) != name.exact) continue;
      }
      *length = match.length;
      return &name;
    }
    return nullptr;
  };
  auto is_word = [&](size_t position, std::string_view folded) {
    if (position >= words.size()) return false;
    scratch.folded.clear();
    AppendFolded(token_text(position), scratch.folded);
    return scratch.folded == folded;
  };

  size_t position = 0;
  while (position < words.size()) {
    uint32_t length = 0;
    const Name* name = name_at(position, &length);
    if (name == nullptr) {
      ++position;
      continue;
    }
    size_t end = position + length;
    uint32_t actor = name->actor;
    size_t start = position;
    if (name->is_sector) {
      // "the president of Venezuela", "the foreign minister of the UAE"
      size_t next = end;
      if (!is_word(next, "of")) {
        position = end;
        continue;
      }
      ++next;
      if (is_word(next, "the")) ++next;
      uint32_t country_length = 0;
      const Name* country = next < words.size() ? name_at(next, &country_length) : nullptr;
      if (country == nullptr || country->is_sector) {
        position = end;
        continue;
      }
      actor = ActorForSector(country->actor, actors_[name->actor].sector);
      end = next + country_length;
    } else if (actors_[actor].sector.empty()) {
      // "Venezuelan government", "Venezuela's army", "the US military"
      size_t next = end;
      if (is_word(next, "'s")) ++next;
      uint32_t sector_length = 0;
      const Name* sector = next < words.size() ? name_at(next, &sector_length) : nullptr;
      if (sector != nullptr && sector->is_sector) {
        actor = ActorForSector(actor, actors_[sector->actor].sector);
        end = next + sector_length;
      }
    }
    out.push_back({sentence.first_token + static_cast<uint32_t>(start),
                   sentence.first_token + static_cast<uint32_t>(end), actor});
    position = end;
  }
}

}  // namespace dyad
