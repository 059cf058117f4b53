#include "actors/actors.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cctype>
#include <map>
#include <set>
#include <span>

#include "base/text_file.h"

namespace dyad {

namespace {

// CAMEO sector codes dyad knows; a dictionary line naming another is an error.
// ELI (elites) codes former office-holders.
constexpr std::string_view kSectors[] = {"GOV", "MIL", "COP", "OPP", "REB", "LEG", "JUD",
                                         "BUS", "MED", "CVL", "SPY", "IGO", "NGO", "ELI"};

// Roles a person can hold (people.tsv); a typo is an error at start-up.
constexpr std::string_view kRoles[] = {"head_of_state",
                                       "head_of_government",
                                       "foreign_minister",
                                       "vice_president",
                                       "deputy_head_of_government",
                                       "defence_minister",
                                       "minister",
                                       "secretary_general",
                                       "org_head",
                                       "spokesperson",
                                       "ambassador",
                                       "opposition_leader",
                                       "legislature_head",
                                       "legislator",
                                       "central_bank_governor",
                                       "military_chief",
                                       "party_leader",
                                       "claimant",
                                       "monarch",
                                       "judge"};

// Titles naming a leader in general ("the Venezuelan leader") match these roles.
constexpr std::string_view kLeaderRoles[] = {"head_of_state", "head_of_government",
                                             "secretary_general", "org_head", "monarch"};

// a == b for `a` one of kSectors, letter by letter: a string compare called
// memcmp, most of ActorForSector's cost.
bool SameSector(std::string_view a, std::string_view b) {
  static_assert(std::all_of(std::begin(kSectors), std::end(kSectors),
                            [](std::string_view sector) { return sector.size() == 3; }));
  return b.size() == 3 && a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
}

bool IsSector(std::string_view code) {
  return std::find(std::begin(kSectors), std::end(kSectors), code) != std::end(kSectors);
}

bool IsRole(std::string_view role) {
  return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
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

bool IsAsciiCapital(char c) { return c >= 'A' && c <= 'Z'; }

// Text starting with an ASCII lower-case letter is not a proper name: "turkey"
// is the bird, "china" the porcelain. Other scripts and accented capitals pass.
// Compared by hand, as std::islower is a library call (dyad keeps the "C"
// locale) and matching asks it of most names it tries.
bool StartsLowercase(std::string_view text) {
  return !text.empty() && text[0] >= 'a' && text[0] <= 'z';
}
bool StartsUppercase(std::string_view text) {
  if (text.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(text[0]);
  return IsAsciiCapital(static_cast<char>(c)) || c >= 0x80;
}

// Whether `noun`, folded, is one of `list`.
bool FoldedIn(std::string_view noun, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), Folded(noun)) != list.end();
}

// Offices that, after "his", "her", "its" or "their", name their owner's
// state acting ("said his government would"). Nouns that verb patterns read
// as words after a possessive ("recalled its ambassador", "withdrew its
// troops") are left to the patterns.
bool IsOwnedReference(std::string_view noun) {
  static constexpr std::string_view kOffices[] = {"government",
                                                  "administration",
                                                  "foreign ministry",
                                                  "foreign minister",
                                                  "president",
                                                  "prime minister",
                                                  "cabinet",
                                                  "parliament",
                                                  "defence minister",
                                                  "defense minister",
                                                  "defence ministry",
                                                  "defense ministry",
                                                  "king",
                                                  "queen",
                                                  "emir",
                                                  "leader",
                                                  "presidents",
                                                  "leaders",
                                                  "governments",
                                                  "foreign ministers",
                                                  "prime ministers",
                                                  "defence ministers",
                                                  "defense ministers"};
  return FoldedIn(noun, kOffices);
}

// Institutions a country has exactly one of, so that "the government" or
// "the parliament" alone names the country the sentence or the document is
// about ("Bolivian lawmakers called on the government"). Groups of people
// ("officials", "protesters") and buildings ("the embassy") may belong to
// any country and are not resolved this way.
bool IsInstitution(std::string_view noun) {
  static constexpr std::string_view kInstitutions[] = {
      "government", "administration", "authorities",          "regime",      "cabinet",
      "parliament", "congress",       "national assembly",    "legislature", "senate",
      "army",       "military",       "armed forces",         "police",      "security forces",
      "opposition", "supreme court",  "constitutional court", "judiciary",   "central bank"};
  return FoldedIn(noun, kInstitutions);
}

// Government bodies and officials that, followed by "in" and a seat of
// government, are that state's: "the military government in Niamey",
// "the authorities in Bogota", "officials in Tallinn". An embassy or
// diplomats "in Moscow" are usually another country's, so they are not.
bool IsSeatedAt(std::string_view noun) {
  static constexpr std::string_view kSeated[] = {"officials", "junta", "military government",
                                                 "leadership"};
  return IsInstitution(noun) || FoldedIn(noun, kSeated);
}

// Fields separated by tabs, empty ones kept (people.tsv has optional fields).
std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const size_t tab = line.find('\t');
    std::string_view field = line.substr(0, tab);
    while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
    while (!field.empty() && field.back() == ' ') field.remove_suffix(1);
    fields.push_back(field);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

// "2019-01-10", "2019-01" or "2019"; an end date is the last day of its
// month or year. A trailing "?" marks it approximate.
std::optional<CivilDate> ParseRoleDate(std::string_view text, bool end, bool* uncertain) {
  *uncertain = !text.empty() && text.back() == '?';
  if (*uncertain) text.remove_suffix(1);
  if (text.size() == 10) return ParseIsoDate(text);
  auto number = [](std::string_view digits) {
    int value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  if (text.size() == 4 && number(text) > 0) {
    return end ? CivilDate{number(text), 12, 31} : CivilDate{number(text), 1, 1};
  }
  if (text.size() == 7 && text[4] == '-') {
    const int year = number(text.substr(0, 4)), month = number(text.substr(5));
    if (year <= 0 || month < 1 || month > 12) return std::nullopt;
    return end ? CivilDate{year, month, DaysInMonth(year, month)} : CivilDate{year, month, 1};
  }
  return std::nullopt;
}

constexpr CivilDate kFarFuture{9999, 12, 31};

}  // namespace

// Phrases of word ids -> payloads (indexes into names_). Unlike PhraseTrie it
// yields every phrase starting at a position, longest first, so that a long
// name rejected by its context ("US" must be in capitals) falls back to a
// shorter one.
struct ActorDictionary::Trie {
  static constexpr size_t kMaxDepth = 24;
  std::vector<std::vector<uint32_t>> payloads{1};
  std::unordered_map<uint64_t, uint32_t> edges;  // while building

  // Once built, the edges in a flat open-addressing table: every token of
  // every sentence asks for the root's child, and most get "none" — one
  // probe into a cache-friendly array instead of a bucket chain.
  struct FlatEdge {
    uint64_t key = kNoEdge;
    uint32_t child = 0;
  };
  static constexpr uint64_t kNoEdge = ~uint64_t{0};
  std::vector<FlatEdge> flat;
  // By word id, once built: the root's child, or 0 when no name starts with
  // the word. Every token asks, and most get 0 here, without a probe of the
  // large edge table; those that start names skip the probe too.
  std::vector<uint32_t> first_nodes;
  // By node, once built, what the matcher asks before walking on:
  enum : uint8_t {
    kNamed = 1,  // it has payloads
    kInner = 2,  // some edge leaves it (else the walk stops, sparing a probe)
    // It has payloads, and each asks no more of the text than a capital
    // (Builder::MarkPlainNodes).
    kPlain = 4,
    kSurnameLeaf = 8,  // no edge leaves it, and its one payload is a plain surname
  };
  std::vector<uint8_t> node_flags;

  static size_t Spread(uint64_t key) {
    key ^= key >> 33;
    key *= 0xFF51AFD7ED558CCDULL;
    return static_cast<size_t>(key ^ (key >> 33));
  }
  // `vocabulary_size`: the largest word id the trie will be asked about.
  void Freeze(size_t vocabulary_size) {
    size_t capacity = 16;
    while (capacity < edges.size() * 2) capacity *= 2;
    flat.assign(capacity, FlatEdge{});
    first_nodes.assign(vocabulary_size + 1, 0);
    node_flags.assign(payloads.size(), 0);
    for (size_t node = 0; node < payloads.size(); ++node) {
      if (!payloads[node].empty()) node_flags[node] = kNamed;
    }
    for (const auto& [key, child] : edges) {
      size_t i = Spread(key) & (capacity - 1);
      while (flat[i].key != kNoEdge) i = (i + 1) & (capacity - 1);
      flat[i] = {key, child};
      const auto node = static_cast<uint32_t>(key >> 32);
      node_flags[node] |= kInner;
      if (node == 0) first_nodes[static_cast<uint32_t>(key)] = child;
    }
    edges.clear();
  }

  uint32_t Child(uint32_t node, uint32_t word) const {
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | word;
    if (flat.empty()) {
      auto found = edges.find(key);
      return found == edges.end() ? 0 : found->second;
    }
    const size_t mask = flat.size() - 1;
    for (size_t i = Spread(key) & mask;; i = (i + 1) & mask) {
      if (flat[i].key == key) return flat[i].child;
      if (flat[i].key == kNoEdge) return 0;
    }
  }
  // Only once built (the matcher's questions):
  // The node of the one-word name `word` or of the names starting with it,
  // or 0 (for kUnknown too). `word` is one of the vocabulary's.
  uint32_t FirstNode(uint32_t word) const {
    assert(word < first_nodes.size());
    return first_nodes[word];
  }
  bool Named(uint32_t node) const { return (node_flags[node] & kNamed) != 0; }
  bool Inner(uint32_t node) const { return (node_flags[node] & kInner) != 0; }
  bool Plain(uint32_t node) const { return (node_flags[node] & kPlain) != 0; }
  bool SurnameLeaf(uint32_t node) const { return (node_flags[node] & kSurnameLeaf) != 0; }
  uint32_t Add(std::span<const uint32_t> words) {
    uint32_t node = 0;
    for (uint32_t word : words) {
      uint32_t next = Child(node, word);
      if (next == 0) {
        next = static_cast<uint32_t>(payloads.size());
        payloads.emplace_back();
        edges.emplace((static_cast<uint64_t>(node) << 32) | word, next);
      }
      node = next;
    }
    return node;
  }
  // The node of exactly `words`, or 0.
  uint32_t Find(std::span<const uint32_t> words) const {
    uint32_t node = 0;
    for (uint32_t word : words) {
      node = Child(node, word);
      if (node == 0) return 0;
    }
    return node;
  }
  // A name's end along the words: its length in tokens and its node. Left
  // uninitialised in arrays, which are filled only as far as they are read.
  struct Prefix {
    uint32_t length;
    uint32_t node;
  };
  // Nodes with payloads along words[start...]: (length, node), shortest
  // first. Only once built.
  size_t Prefixes(std::span<const uint32_t> words, size_t start,
                  std::array<Prefix, kMaxDepth>& out) const {
    size_t count = 0;
    uint32_t node = start < words.size() ? FirstNode(words[start]) : 0;
    for (size_t i = start + 1; node != 0; ++i) {
      if (Named(node)) out[count++] = {static_cast<uint32_t>(i - start), node};
      if (!Inner(node) || i >= words.size() || i - start >= kMaxDepth) break;
      if (words[i] == Vocabulary::kUnknown) break;
      node = Child(node, words[i]);
    }
    return count;
  }
};

ActorDictionary::ActorDictionary() = default;

// Collects names from the files, then compiles them into the trie.
class ActorDictionary::Builder {
 public:
  explicit Builder(ActorDictionary& dictionary)
      : dictionary_(dictionary), trie_(std::make_shared<Trie>()) {}

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
          AddName(name, NameKind::kActor, actor, 0);
        }
      }
    }
    return Status::Ok();
  }

  // countries.tsv, organizations.tsv and user files: CODE<TAB>name; name; ...
  Status LoadNames(const std::string& path, bool organizations, uint8_t source) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      Status status = LoadNameLine(line.text, organizations, source);
      if (!status.ok()) return status.WithContext(path + ":" + std::to_string(line.number));
    }
    return Status::Ok();
  }

  // sectors.tsv: SECTOR<TAB>noun; ...   titles.tsv: SECTOR<TAB>ROLE<TAB>title;
  // ...[<TAB>ROLE=XXX,YYY]
  Status LoadSectors(const std::string& path, bool titles) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      const std::string where = path + ":" + std::to_string(line.number);
      const auto fields = SplitTabs(line.text);
      const size_t expected = titles ? 3 : 2;
      if (fields.size() < expected || !IsSector(fields[0]) || (titles && !IsRole(fields[1]))) {
        return Status::InvalidInput(
            where + (titles ? ": expected SECTOR<TAB>ROLE<TAB>title; title; ... with a CAMEO "
                              "sector such as GOV and a role of people.tsv"
                            : ": expected SECTOR<TAB>noun; noun; ... with a CAMEO sector such "
                              "as GOV or MIL"));
      }
      // Sector nouns point at a pseudo-actor holding only the sector.
      const uint32_t actor = AddActor("", "", "", std::string(fields[0]), std::string(fields[0]));
      for (std::string_view noun : SplitAndTrim(fields[expected - 1], ';')) {
        Name& name = AddName(noun, titles ? NameKind::kTitle : NameKind::kSector, actor, 1);
        // A country's opposition is its own: "Belarus freed jailed opposition
        // activists" names Belarus's.
        name.institution = !titles && (IsInstitution(noun) || fields[0] == "OPP");
        name.owned_reference = IsOwnedReference(noun);
        name.seated = !titles && IsSeatedAt(noun);
        if (titles) {
          name.role = std::string(fields[1]);
          // "chancellor" heads the government in Germany and Austria:
          // an optional field "head_of_government=DEU,AUT".
          if (fields.size() > 3 && !fields[3].empty())
            name.role_by_country = std::string(fields[3]);
        }
        for (const Token& token : Segment(noun).tokens) {
          MarkWord(Folded(noun.substr(token.begin, token.end - token.begin)), kTitleWord);
        }
      }
    }
    return Status::Ok();
  }

  // people.tsv: NAME<TAB>ALIASES<TAB>CODE<TAB>ROLE<TAB>FROM<TAB>UNTIL[<TAB>BASIS]
  Status LoadPeople(const std::string& path, uint8_t source) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      const std::string where = path + ":" + std::to_string(line.number);
      Status status = LoadPersonLine(SplitTabs(line.text), where, source);
      if (!status.ok()) return status.WithContext(where);
    }
    return Status::Ok();
  }

  // A user file: people.tsv format if its first entry has 6 or more fields.
  Status LoadUserFile(const std::string& path) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    const auto lines = DictionaryLines(*content);
    if (!lines.empty() && SplitTabs(lines.front().text).size() >= 6) return LoadPeople(path, 2);
    return LoadNames(path, false, 2);
  }

  // not_actors.tsv: NOT<TAB>phrase; ...  or  NAMELIKE<TAB>name; ...
  Status LoadNotActors(const std::string& path) {
    auto content = ReadTextFile(path);
    if (!content.ok()) return content.status();
    for (const DictionaryLine& line : DictionaryLines(*content)) {
      const auto fields = SplitTabs(line.text);
      if (fields.size() != 2 || (fields[0] != "NOT" && fields[0] != "NAMELIKE")) {
        return Status::InvalidInput(path + ":" + std::to_string(line.number) +
                                    ": expected NOT<TAB>phrase; ... or NAMELIKE<TAB>name; ...");
      }
      for (std::string_view phrase : SplitAndTrim(fields[1], ';')) {
        if (fields[0] == "NOT") {
          Name& name = AddName(phrase, NameKind::kNotActor, 0, 1);
          name.capitalised = false;  // "guinea pig" is blocked however written
        } else {
          name_like_.push_back(std::string(phrase));
        }
      }
    }
    return Status::Ok();
  }

  // Every country gets every sector variant now, so that matching never
  // creates actors and the dictionary stays immutable.
  void Finish() {
    const size_t count = dictionary_.actors_.size();
    auto is_state = [](const Actor& actor) {
      return !actor.country.empty() && actor.sector.empty();
    };
    // Most actors are these variants: one allocation for all of them.
    const auto state_count =
        std::count_if(dictionary_.actors_.begin(), dictionary_.actors_.end(), is_state);
    dictionary_.actors_.reserve(count + state_count * std::size(kSectors));
    for (size_t i = 0; i < count; ++i) {
      if (!is_state(dictionary_.actors_[i])) continue;
      const Actor country = dictionary_.actors_[i];
      for (std::string_view sector : kSectors) {
        const std::string code = country.country + std::string(sector);
        if (!dictionary_.actor_by_code_.count(code)) {
          AddActor(code, country.country, "", std::string(sector), country.name);
        }
      }
    }
    // The sector variant of every actor of a state, for ActorForSector, and
    // its state. Both depend on the state alone, and a state has some twenty
    // actors: each state's row is looked up once and copied to the others.
    constexpr size_t kSectorCount = std::size(kSectors);
    auto& variants = dictionary_.sector_variants_;
    variants.assign(dictionary_.actors_.size() * kSectorCount, kNoActor);
    auto& states = dictionary_.state_of_;
    states.assign(dictionary_.actors_.size(), kNoActor);
    auto& organisations = dictionary_.organisation_of_;
    organisations.assign(dictionary_.actors_.size(), kNoActor);
    std::unordered_map<std::string_view, size_t> first_of_state;  // country -> first actor
    std::string code;
    for (size_t i = 0; i < dictionary_.actors_.size(); ++i) {
      const std::string& country = dictionary_.actors_[i].country;
      if (country.empty()) {
        // EUGOV -> EU; an organisation the dictionary lacks whole stands
        // for itself.
        const std::string& org = dictionary_.actors_[i].org;
        if (org.empty()) continue;
        const auto whole = dictionary_.actor_by_code_.find(org);
        organisations[i] =
            whole != dictionary_.actor_by_code_.end() ? whole->second : static_cast<uint32_t>(i);
        continue;
      }
      const auto [first, added] = first_of_state.emplace(country, i);
      uint32_t* row = variants.data() + i * kSectorCount;
      if (!added) {
        std::copy_n(variants.data() + first->second * kSectorCount, kSectorCount, row);
        states[i] = states[first->second];
        continue;
      }
      for (size_t s = 0; s < kSectorCount; ++s) {
        code.assign(country).append(kSectors[s]);
        auto found = dictionary_.actor_by_code_.find(code);
        if (found != dictionary_.actor_by_code_.end()) row[s] = found->second;
      }
      states[i] = dictionary_.FindCodeIndex(country);
    }
    // Each actor's state or organisation (VENGOV -> VEN), as a number for
    // comparing.
    std::unordered_map<std::string_view, uint32_t> root_ids;
    dictionary_.root_of_.reserve(dictionary_.actors_.size());
    for (const Actor& actor : dictionary_.actors_) {
      const std::string_view root = actor.country.empty() ? actor.org : actor.country;
      dictionary_.root_of_.push_back(
          root_ids.emplace(root, static_cast<uint32_t>(root_ids.size())).first->second);
    }
    // Names that are also personal names ("Jordan") are checked against
    // their neighbours when matched.
    for (const std::string& phrase : name_like_) {
      const uint32_t node = trie_->Find(Words(phrase));
      if (node == 0) continue;
      for (uint32_t payload : trie_->payloads[node]) dictionary_.names_[payload].name_like = true;
    }
    for (Person& person : dictionary_.people_) {
      std::stable_sort(person.roles.begin(), person.roles.end(),
                       [](const PersonRole& a, const PersonRole& b) { return a.from < b.from; });
      for (const PersonRole& role : person.roles) {
        const Actor& actor = dictionary_.actors_[role.actor];
        if (!actor.country.empty()) {
          person.country = actor.country;
          break;
        }
      }
    }
    // What a person out of office stands for, before and after their first
    // office: asked for every mention of someone not in office on the date,
    // and finding the state by its code was most of it.
    dictionary_.out_of_office_.reserve(dictionary_.people_.size());
    for (const Person& person : dictionary_.people_) {
      if (person.country.empty()) {  // an organisation's official
        dictionary_.out_of_office_.push_back(
            {person.roles.front().actor, person.roles.front().actor});
        continue;
      }
      const uint32_t state = dictionary_.FindCodeIndex(person.country);
      dictionary_.out_of_office_.push_back({state, dictionary_.ActorForSector(state, "ELI")});
    }
    // A surname alone names a person once the document has named them in
    // full ("Iván Duque ... Duque said").
    for (uint32_t p = 0; p < dictionary_.people_.size(); ++p) {
      std::set<std::string> surnames;
      auto add_surname = [&](std::string_view full) {
        const Segmentation segmentation = Segment(full);
        if (segmentation.tokens.size() < 2) return;
        const Token& last = segmentation.tokens.back();
        // Not a lowercase part after a hyphen ("in" of "Moon Jae-in"):
        // "in" would name him at every place.
        const std::string_view surname = full.substr(last.begin, last.end - last.begin);
        if (surname.empty() || StartsLowercase(surname)) return;
        surnames.insert(std::string(surname));
      };
      const Person& person = dictionary_.people_[p];
      add_surname(person.name);
      for (const std::string& alias : person.aliases) add_surname(alias);
      for (const std::string& surname : surnames) AddName(surname, NameKind::kSurname, p, 1);
    }
    for (std::string_view word :
         {"monday",   "tuesday", "wednesday", "thursday",  "friday",  "saturday",
          "sunday",   "january", "february",  "march",     "april",   "may",
          "june",     "july",    "august",    "september", "october", "november",
          "december", "the",     "a",         "an",        "and",     "of",
          "in",       "on",      "said",      "says",      "told"}) {
      MarkWord(word, kCalendarWord);
    }
    dictionary_.word_of_ = dictionary_.vocabulary_.Intern("of");
    dictionary_.word_the_ = dictionary_.vocabulary_.Intern("the");
    dictionary_.word_s_ = dictionary_.vocabulary_.Intern("'s");
    dictionary_.word_former_ = dictionary_.vocabulary_.Intern("former");
    dictionary_.word_ex_ = dictionary_.vocabulary_.Intern("ex");
    dictionary_.word_from_ = dictionary_.vocabulary_.Intern("from");
    dictionary_.word_in_ = dictionary_.vocabulary_.Intern("in");
    dictionary_.word_whose_ = dictionary_.vocabulary_.Intern("whose");
    dictionary_.word_leaders_ = dictionary_.vocabulary_.Intern("leaders");
    dictionary_.word_and_ = dictionary_.vocabulary_.Intern("and");
    dictionary_.word_comma_ = dictionary_.vocabulary_.Intern(",");
    dictionary_.word_it_ = dictionary_.vocabulary_.Intern("it");
    for (std::string_view word : {"main", "top", "leading", "chief", "senior", "jailed", "exiled",
                                  "veteran", "new", "acting", "interim", "powerful", "elite"}) {
      MarkWord(word, kQualifierWord);
    }
    for (std::string_view word : {"his", "her"}) MarkWord(word, kPersonalPossessive);
    for (std::string_view word : {"its", "their"}) MarkWord(word, kGroupPossessive);
    // Document references: grammar, not dictionary entries.
    // "the two countries" are the states of the last pair ("Indian and
    // Pakistani troops ... both countries": IND, PAK), "the two
    // governments" their governments, "both sides" the pair as coded.
    for (std::string_view phrase :
         {"the two countries", "both countries", "the two nations", "both nations"}) {
      AddName(phrase, NameKind::kPair, 0, 1).capitalised = false;
      dictionary_.names_.back().role = "state";
    }
    // Their leaders and ministers are their governments too.
    for (std::string_view phrase :
         {"the two governments", "both governments", "the two leaders", "both leaders",
          "the two presidents", "both presidents", "the two ministers", "both ministers",
          "the two foreign ministers", "both foreign ministers", "the two prime ministers",
          "both prime ministers"}) {
      AddName(phrase, NameKind::kPair, 0, 1).capitalised = false;
      dictionary_.names_.back().role = "GOV";
    }
    for (std::string_view phrase : {"the two sides", "both sides"}) {
      AddName(phrase, NameKind::kPair, 0, 1).capitalised = false;
    }
    for (std::string_view phrase :
         {"the country", "his country", "her country", "its country", "their country"}) {
      AddName(phrase, NameKind::kStateRef, 0, 1).capitalised = false;
    }
    for (std::string_view phrase : {"the bloc", "the alliance"}) {
      AddName(phrase, NameKind::kOrgRef, 0, 1).capitalised = false;
    }
    for (std::string_view pronoun : {"he", "she", "him"}) {
      AddName(pronoun, NameKind::kPronoun, 0, 1).capitalised = false;
    }
    // Every word is interned now: the tables by word id span them all.
    dictionary_.word_kinds_.resize(dictionary_.vocabulary_.size() + 1, 0);
    trie_->Freeze(dictionary_.vocabulary_.size());
    MarkPlainNodes();
    dictionary_.trie_ = std::move(trie_);
  }

 private:
  Status LoadNameLine(std::string_view text, bool organizations, uint8_t source) {
    const size_t tab = text.find('\t');
    if (tab == std::string_view::npos) {
      return Status::InvalidInput("expected CODE<TAB>name; name; ...");
    }
    const std::string code(text.substr(0, tab));
    const auto names = SplitAndTrim(text.substr(tab + 1), ';');
    if (names.empty()) return Status::InvalidInput("no names after the code");
    // ISO 3166 leaves XAA-XZZ to its users; states the news names that ISO
    // does not list take one (Kosovo is XKX, as in the EU's and CLDR's use),
    // and their first line declares them, the first name being canonical.
    if (!organizations && IsUserAssignedStateCode(code) &&
        dictionary_.FindCodeIndex(code) == kNoActor) {
      AddActor(code, code, "", "", std::string(names.front()));
    }
    auto actor = ResolveCode(code, organizations);
    if (!actor.ok()) return actor.status();
    for (std::string_view name : names) {
      Name& added = AddName(name, NameKind::kActor, *actor, source);
      // "Kenyans" beside "Kenyan" on the line: the state's people.
      if (!organizations && name.size() > 2 && name.back() == 's') {
        const std::string_view singular = name.substr(0, name.size() - 1);
        added.people = std::find(names.begin(), names.end(), singular) != names.end();
      }
    }
    return Status::Ok();
  }

  Status LoadPersonLine(const std::vector<std::string_view>& fields, const std::string& where,
                        uint8_t source) {
    if (fields.size() < 6 || fields.size() > 7) {
      return Status::InvalidInput(
          "expected NAME<TAB>ALIASES<TAB>CODE<TAB>ROLE<TAB>FROM<TAB>UNTIL<TAB>BASIS");
    }
    const std::string_view full_name = fields[0];
    if (full_name.empty()) return Status::InvalidInput("empty name");
    // The code may be a state's ("VENGOV") or an organisation's ("NATO").
    uint32_t actor = dictionary_.FindCodeIndex(fields[2]);
    if (actor == kNoActor) {
      auto resolved = ResolveCode(std::string(fields[2]), false);
      if (!resolved.ok()) {
        return Status::InvalidInput("'" + std::string(fields[2]) +
                                    "' is neither a state code (VEN, VENGOV) nor an organisation "
                                    "of organizations.tsv");
      }
      actor = *resolved;
    }
    if (!IsRole(fields[3])) {
      return Status::InvalidInput("unknown role '" + std::string(fields[3]) +
                                  "' (see the list at the top of people.tsv)");
    }
    PersonRole role;
    role.actor = actor;
    role.role = std::string(fields[3]);
    bool uncertain = false;
    auto from = ParseRoleDate(fields[4], false, &uncertain);
    if (!from) {
      return Status::InvalidInput("bad start date '" + std::string(fields[4]) +
                                  "' (YYYY-MM-DD, YYYY-MM or YYYY)");
    }
    role.from = *from;
    if (fields[5].empty() || fields[5] == "-") {
      role.open = true;
      role.until = kFarFuture;
    } else {
      auto until = ParseRoleDate(fields[5], true, &role.until_uncertain);
      if (!until) {
        return Status::InvalidInput("bad end date '" + std::string(fields[5]) +
                                    "' (YYYY-MM-DD, YYYY-MM or YYYY, empty if still in office)");
      }
      if (*until < role.from) return Status::InvalidInput("ends before it starts");
      role.until = *until;
    }
    if (fields.size() == 7) role.basis = std::string(fields[6]);
    role.where = where.substr(where.rfind('/') + 1);

    uint32_t index;
    const std::string key = Folded(full_name);
    auto found = person_by_name_.find(key);
    if (found == person_by_name_.end()) {
      index = static_cast<uint32_t>(dictionary_.people_.size());
      person_by_name_.emplace(key, index);
      dictionary_.people_.push_back({std::string(full_name), {}, "", {}});
      AddName(full_name, NameKind::kPerson, index, source);
    } else {
      index = found->second;
    }
    Person& person = dictionary_.people_[index];
    if (fields[1] != "-") {
      for (std::string_view alias : SplitAndTrim(fields[1], ';')) {
        if (std::find(person.aliases.begin(), person.aliases.end(), alias) !=
            person.aliases.end()) {
          continue;
        }
        person.aliases.push_back(std::string(alias));
        AddName(alias, NameKind::kPerson, index, source);
      }
    }
    if (source == 2) {
      // A user's line for an office the shipped file already has (same role
      // and code, overlapping dates) corrects it: typically an end date.
      for (PersonRole& existing : person.roles) {
        if (existing.role == role.role && existing.actor == role.actor &&
            existing.from <= role.until && role.from <= existing.until) {
          existing = std::move(role);
          return Status::Ok();
        }
      }
    }
    person.roles.push_back(std::move(role));
    return Status::Ok();
  }

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

  static bool IsUserAssignedStateCode(std::string_view code) {
    return code.size() == 3 && code[0] == 'X' && code[1] >= 'A' && code[1] <= 'Z' &&
           code[2] >= 'A' && code[2] <= 'Z';
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
    if (code.size() < 3 || found == dictionary_.actor_by_code_.end() ||
        dictionary_.actors_[found->second].country.empty()) {
      return Status::InvalidInput("'" + code + "' does not start with an ISO 3166 alpha-3 code");
    }
    if (code.size() == 3) return found->second;
    const std::string sector = code.substr(3);
    if (!IsSector(sector)) {
      return Status::InvalidInput("'" + code + "': unknown sector '" + sector + "'");
    }
    return AddActor(code, country, "", sector, dictionary_.actors_[found->second].name);
  }

  // Marks the trie's nodes whose names Matcher::Accepts would take or leave
  // by their capital alone (not a person's, not to match exactly, not also
  // a personal name), and those that are one plain surname with no longer
  // name going on from them: the matcher answers for those without walking
  // the trie.
  void MarkPlainNodes() {
    auto plain = [&](uint32_t index) {
      const Name& name = dictionary_.names_[index];
      return name.kind != NameKind::kPerson && name.kind != NameKind::kSurname &&
             name.exact.empty() && !name.name_like;
    };
    for (size_t node = 1; node < trie_->payloads.size(); ++node) {
      const auto& payloads = trie_->payloads[node];
      if (payloads.empty()) continue;
      if (std::all_of(payloads.begin(), payloads.end(), plain)) {
        trie_->node_flags[node] |= Trie::kPlain;
      }
      const Name& first = dictionary_.names_[payloads.front()];
      if (payloads.size() == 1 && !trie_->Inner(node) && first.kind == NameKind::kSurname &&
          first.exact.empty() && !first.name_like) {
        trie_->node_flags[node] |= Trie::kSurnameLeaf;
      }
    }
  }

  // Gives the word (folded) the WordKind `kind`.
  void MarkWord(std::string_view word, WordKind kind) {
    const uint32_t id = dictionary_.vocabulary_.Intern(word);
    auto& kinds = dictionary_.word_kinds_;
    if (id >= kinds.size()) kinds.resize(id + 1, 0);
    kinds[id] |= kind;
  }

  // The word ids of `name`, valid until the next call: the buffers are
  // reused, as thousands of names made as many vectors and strings.
  std::span<const uint32_t> Words(std::string_view name) {
    const Segmentation segmentation = Segment(name);
    words_.clear();
    for (const Token& token : segmentation.tokens) {
      words_.push_back(dictionary_.vocabulary_.Intern(
          FoldedView(name.substr(token.begin, token.end - token.begin), folded_)));
    }
    return words_;
  }

  Name& AddName(std::string_view text, NameKind kind, uint32_t target, uint8_t source) {
    const std::span<const uint32_t> words = Words(text);
    Name entry;
    entry.kind = kind;
    entry.target = target;
    entry.source = source;
    entry.capitalised = StartsUppercase(text);
    if (NeedsExactCase(text)) entry.exact = std::string(text);
    const uint32_t index = static_cast<uint32_t>(dictionary_.names_.size());
    dictionary_.names_.push_back(std::move(entry));
    // A later file overrides an earlier one: the newest payload is tried first.
    if (!words.empty() && words.size() <= Trie::kMaxDepth) {
      trie_->payloads[trie_->Add(words)].push_back(index);
    }
    return dictionary_.names_.back();
  }

  ActorDictionary& dictionary_;
  std::shared_ptr<Trie> trie_;
  std::unordered_map<std::string, uint32_t> person_by_name_;
  std::vector<std::string> name_like_;
  std::vector<uint32_t> words_;  // Words'
  std::string folded_;           // Words'
};

StatusOr<std::shared_ptr<const ActorDictionary>> ActorDictionary::Load(
    const ActorOptions& options) {
  auto dictionary = std::shared_ptr<ActorDictionary>(new ActorDictionary());
  Builder builder(*dictionary);
  const std::string dir = options.data_dir + "/actors/";
  Status status = builder.LoadIsoCountries(options.iso_codes_dir + "/iso_3166-1.json");
  if (status.ok()) status = builder.LoadNames(dir + "countries.tsv", false, 1);
  if (status.ok()) status = builder.LoadNames(dir + "organizations.tsv", true, 1);
  if (status.ok()) status = builder.LoadSectors(dir + "sectors.tsv", false);
  if (status.ok()) status = builder.LoadSectors(dir + "titles.tsv", true);
  if (status.ok()) status = builder.LoadPeople(dir + "people.tsv", 1);
  if (status.ok()) status = builder.LoadNotActors(dir + "not_actors.tsv");
  for (const std::string& path : options.extra_files) {
    if (status.ok()) status = builder.LoadUserFile(path);
  }
  if (!status.ok()) return status;
  builder.Finish();
  return std::shared_ptr<const ActorDictionary>(std::move(dictionary));
}

const Actor* ActorDictionary::FindCode(std::string_view code) const {
  const uint32_t index = FindCodeIndex(code);
  return index == kNoActor ? nullptr : &actors_[index];
}

uint32_t ActorDictionary::FindCodeIndex(std::string_view code) const {
  auto found = actor_by_code_.find(std::string(code));
  return found == actor_by_code_.end() ? kNoActor : found->second;
}

uint32_t ActorDictionary::ActorForSector(uint32_t country_actor, std::string_view sector) const {
  const Actor& country = actors_[country_actor];
  if (country.country.empty()) return country_actor;  // organisations keep their code
  // Asked for every "Venezuelan army" in the text: a table, not a string key.
  constexpr size_t kSectorCount = std::size(kSectors);
  for (size_t s = 0; s < kSectorCount; ++s) {
    if (SameSector(kSectors[s], sector) &&
        country_actor * kSectorCount + s < sector_variants_.size()) {
      const uint32_t variant = sector_variants_[country_actor * kSectorCount + s];
      return variant == kNoActor ? country_actor : variant;
    }
  }
  std::string code = country.country;
  code += sector;
  auto found = actor_by_code_.find(code);
  return found == actor_by_code_.end() ? country_actor : found->second;
}

const PersonRole* ActorDictionary::RoleAt(uint32_t person, CivilDate date) const {
  const PersonRole* best = nullptr;
  for (const PersonRole& role : people_[person].roles) {
    if (role.from <= date && date <= role.until) best = &role;  // sorted: latest start wins
  }
  return best;
}

uint32_t ActorDictionary::OutOfOfficeActor(uint32_t person, CivilDate date) const {
  const bool after_office = people_[person].roles.front().from <= date;
  return after_office ? out_of_office_[person].after : out_of_office_[person].before;
}

uint32_t ActorDictionary::ActorAt(const ActorMention& mention, CivilDate date) const {
  if (mention.person == kNoPerson) return mention.actor;
  if (const PersonRole* role = RoleAt(mention.person, date)) return role->actor;
  if (mention.former || mention.titled == false) return OutOfOfficeActor(mention.person, date);
  return mention.actor;
}

// One sentence's matching, with the helpers that look at neighbouring tokens.
class ActorDictionary::Matcher {
 public:
  // `name_starts`: bit i set where a name may start at words[i]
  // (ActorScratch::name_starts).
  Matcher(const ActorDictionary& dictionary, std::string_view text,
          const Segmentation& segmentation, const Sentence& sentence,
          std::span<const uint32_t> words, std::span<const uint64_t> name_starts,
          DocumentActors& document)
      : d_(dictionary),
        text_(text),
        segmentation_(segmentation),
        sentence_(sentence),
        words_(words),
        name_starts_(name_starts),
        document_(document) {}

  // Without substr's check (tokens lie in the text), and inlined: asked of
  // most names tried.
  [[gnu::always_inline]] std::string_view TokenText(size_t local) const {
    const Token& token = segmentation_.tokens[sentence_.first_token + local];
    return std::string_view(text_.data() + token.begin, token.end - token.begin);
  }
  bool IsWord(size_t local, uint32_t id) const {
    return local < words_.size() && words_[local] == id;
  }
  // Whether the word is one of the WordKind `kinds`.
  bool IsKind(size_t local, uint8_t kinds) const {
    return local < words_.size() && (d_.word_kinds_[words_[local]] & kinds) != 0;
  }
  bool IsQualifier(size_t local) const { return IsKind(local, kQualifierWord); }
  // A capitalised word that is no name dyad knows ("Rohingya", "Kurdish").
  bool IsProperWord(size_t local) const {
    uint32_t length = 0;
    return StartsCapital(local) && NameAt(local, &length) < 0;
  }
  // Whether the word begins with an ASCII capital.
  bool StartsCapital(size_t local) const {
    if (local >= words_.size()) return false;
    const std::string_view text = TokenText(local);
    return !text.empty() && IsAsciiCapital(text[0]);
  }
  bool IsTitleWord(size_t local) const { return IsKind(local, kTitleWord); }
  // A capitalised word that may be part of a person's name: not a title, not
  // a month or weekday, not a function word.
  bool IsNameWord(size_t local) const {
    if (local >= words_.size()) return false;
    const Token& token = segmentation_.tokens[sentence_.first_token + local];
    if (token.kind != TokenKind::kWord || !StartsUppercase(TokenText(local))) return false;
    return !IsKind(local, kCalendarWord | kTitleWord);
  }

  bool PersonIntroduced(uint32_t person) const {
    return std::find(document_.introduced_.begin(), document_.introduced_.end(), person) !=
           document_.introduced_.end();
  }

  // Whether `name`, spanning [position, position + length), is allowed here.
  // Inlined in NameStartingAt, its one caller, which asks it of every name
  // that starts at a word: as a call, its entry and exit cost a third of it.
  [[gnu::always_inline]] bool Accepts(const Name& name, size_t position, size_t length) const {
    const std::string_view first = TokenText(position);
    if (!name.exact.empty()) {
      const Token& a = segmentation_.tokens[sentence_.first_token + position];
      const Token& b = segmentation_.tokens[sentence_.first_token + position + length - 1];
      if (text_.substr(a.begin, b.end - a.begin) != name.exact) return false;
    }
    if (name.capitalised && StartsLowercase(first)) return false;
    if (name.kind == NameKind::kSurname && !PersonIntroduced(name.target)) return false;
    // "Rosa Elena Chávez": a one-word alias after a given name dyad does not
    // know is someone else's surname. (The sentence's first word may be any
    // capitalised word, "When Chávez ...", so it proves nothing.)
    if (name.kind == NameKind::kPerson && length == 1 && position > 1 && IsNameWord(position - 1) &&
        IsProperWord(position - 1)) {
      return false;
    }
    if (name.name_like) {
      // "Michael Jordan", "Chad Smith", "Denzel Washington": a personal name.
      if (IsNameWord(position + length)) return false;
      if (position > 0 && IsNameWord(position - 1) && !IsWord(position - 1, d_.word_the_)) {
        return false;
      }
    }
    return true;
  }

  // The longest acceptable name at `position`; for people, the best of the
  // people sharing it. Returns the name index and sets `length`, or -1.
  [[gnu::always_inline]] int64_t NameAt(size_t position, uint32_t* length,
                                        bool allow_surnames = false,
                                        std::string_view title_role = {}) const {
    // Run() asks at every token and almost no word starts a name: the trie's
    // table of first words turns those away here, inlined in the callers,
    // before a call sets up the prefix array. (Inlining is forced: left to
    // itself the compiler made this a call, a tenth of the actor stage.)
    if (position >= words_.size()) return -1;
    const uint32_t node = d_.trie_->FirstNode(words_[position]);
    if (node == 0) return -1;
    return NameFrom(node, position, length, allow_surnames, title_role);
  }

  // NameAt() for a word that starts some name, whose node is `node`. Most
  // such names are of one or two words, no longer name goes on from them
  // here, and they only ask to be capitalised (Trie::kPlain): those are
  // answered here, inlined, without the call that sets up the prefix array.
  [[gnu::always_inline]] int64_t NameFrom(uint32_t node, size_t position, uint32_t* length,
                                          bool allow_surnames, std::string_view title_role) const {
    const Trie& trie = *d_.trie_;
    if (trie.SurnameLeaf(node)) return SurnameAt(node, position, length, allow_surnames);
    uint32_t words = 1;
    if (!trie.Named(node)) {
      // Only longer names start here ("United" of "United States"): the
      // second word decides.
      node = ChildAt(node, position + 1);
      if (node == 0) return -1;
      words = 2;
    }
    // The one name along the words, unless a longer one goes on.
    if (!trie.Plain(node) || (trie.Inner(node) && ChildAt(node, position + words) != 0)) {
      return NameStartingAt(position, length, allow_surnames, title_role);
    }
    // As NameStartingAt would find: the newest name the case allows.
    const bool lowercase = StartsLowercase(TokenText(position));
    const auto& payloads = trie.payloads[node];
    for (auto it = payloads.rbegin(); it != payloads.rend(); ++it) {
      if (lowercase && d_.names_[*it].capitalised) continue;
      *length = words;
      return *it;
    }
    return -1;
  }

  // The trie's child of `node` for word `local`, or 0.
  uint32_t ChildAt(uint32_t node, size_t local) const {
    if (local >= words_.size() || words_[local] == Vocabulary::kUnknown) return 0;
    return d_.trie_->Child(node, words_[local]);
  }

  // NameFrom() for a Trie::kSurnameLeaf node, as NameStartingAt would
  // find: a surname alone ("Duque") once its person is named in full.
  int64_t SurnameAt(uint32_t node, size_t position, uint32_t* length, bool allow_surnames) const {
    const uint32_t index = d_.trie_->payloads[node].front();
    const Name& name = d_.names_[index];
    const bool lowercase = StartsLowercase(TokenText(position));
    const bool accepted = allow_surnames
                              ? !lowercase
                              : !(lowercase && name.capitalised) && PersonIntroduced(name.target);
    if (!accepted) return -1;
    *length = 1;
    return index;
  }

  // NameAt() for a word that starts some name: every name along the words
  // from it, longest first.
  [[gnu::noinline]] int64_t NameStartingAt(size_t position, uint32_t* length, bool allow_surnames,
                                           std::string_view title_role) const {
    std::array<Trie::Prefix, Trie::kMaxDepth> prefixes;
    const size_t count = d_.trie_->Prefixes(words_, position, prefixes);
    for (size_t i = count; i-- > 0;) {
      const auto& payloads = d_.trie_->payloads[prefixes[i].node];
      int64_t best = -1;
      int best_score = -1;
      for (auto it = payloads.rbegin(); it != payloads.rend(); ++it) {
        const Name& name = d_.names_[*it];
        const bool surname_ok = allow_surnames && name.kind == NameKind::kSurname;
        if (!surname_ok && !Accepts(name, position, prefixes[i].length)) continue;
        if (surname_ok && StartsLowercase(TokenText(position))) continue;
        if (name.kind != NameKind::kPerson && name.kind != NameKind::kSurname) {
          if (best < 0) best = *it;
          break;
        }
        // Several people share the name: the one the document introduced,
        // then the one holding the title's role, then one in office, then
        // the one the dictionary gives the name to ("Maduro" is Nicolás
        // Maduro's alias and only Ricardo Maduro's surname).
        int score = 0;
        if (PersonIntroduced(name.target)) score += 8;
        const PersonRole* role = d_.RoleAt(name.target, document_.report_date_);
        if (role != nullptr) score += 2;
        if (role != nullptr && !title_role.empty() && role->role == title_role) score += 4;
        if (name.kind == NameKind::kPerson) score += 1;
        if (score > best_score) {
          best_score = score;
          best = *it;
        }
      }
      if (best >= 0) {
        *length = prefixes[i].length;
        return best;
      }
    }
    return -1;
  }

  // The actor a person stands for in this document now.
  uint32_t PersonActor(uint32_t person) const {
    ActorMention mention;
    mention.person = person;
    return d_.ActorAt(mention, document_.report_date_);
  }

  // Whether a title's role matches a person's role at the report date.
  bool RoleMatches(const Name& title, uint32_t person) const {
    const PersonRole* role = d_.RoleAt(person, document_.report_date_);
    if (role == nullptr) return false;
    if (title.role == "head_of_state" && role->role == "monarch") return true;
    std::string_view wanted = title.role;
    // "chancellor": head_of_government=DEU,AUT
    if (!title.role_by_country.empty()) {
      const std::string& country = d_.actors_[role->actor].country;
      const size_t eq = title.role_by_country.find('=');
      if (!country.empty() && title.role_by_country.find(country, eq) != std::string::npos) {
        wanted = std::string_view(title.role_by_country).substr(0, eq);
      }
    }
    if (role->role == wanted) return true;
    if (title.role == "head_of_state" || title.role == "head_of_government") {
      // "the leader" style titles are given the role org_head in titles.tsv.
      return false;
    }
    if (title.role == "org_head") {
      return std::find(std::begin(kLeaderRoles), std::end(kLeaderRoles), role->role) !=
             std::end(kLeaderRoles);
    }
    return false;
  }

  bool Former(size_t position) const {
    if (position >= 1 && words_[position - 1] == d_.word_former_) return true;
    if (position >= 2 && words_[position - 2] == d_.word_ex_ && TokenText(position - 1) == "-") {
      return true;
    }
    return false;
  }

  // After a title: a person's name, known or not. Returns the tokens taken
  // and sets `person` when known.
  size_t NameAfterTitle(size_t position, const Name& title, uint32_t* person) const {
    *person = kNoPerson;
    uint32_t length = 0;
    const int64_t found = NameAt(position, &length, /*allow_surnames=*/true, title.role);
    if (found >= 0) {
      const Name& name = d_.names_[found];
      if (name.kind == NameKind::kPerson || name.kind == NameKind::kSurname) {
        *person = name.target;
        return length;
      }
      if (name.kind != NameKind::kNotActor) return 0;  // another actor follows
    }
    // "Colombian Foreign Minister Álvaro Leyva": an unknown name is still a
    // person of that sector.
    size_t taken = 0;
    while (taken < 4 && IsNameWord(position + taken)) {
      uint32_t ignored = 0;
      const int64_t other = NameAt(position + taken, &ignored);
      if (other >= 0 && d_.names_[other].kind != NameKind::kSurname &&
          d_.names_[other].kind != NameKind::kPronoun) {
        break;
      }
      ++taken;
    }
    return taken;
  }

  void Run(std::vector<ActorMention>& out) {
    out_ = &out;
    first_new_ = out.size();
    uint32_t first_actor = kNoActor;
    bool pair_noted = false;
    size_t position = 0;
    if (SentenceOpeningIt(out)) position = 1;
    while ((position = NextNameStart(position)) < words_.size()) {
      uint32_t length = 0;
      const int64_t found =
          NameFrom(d_.trie_->FirstNode(words_[position]), position, &length, false, {});
      if (found < 0) {
        ++position;
        continue;
      }
      const Name& name = d_.names_[found];
      ActorMention mention;
      mention.first_token = sentence_.first_token + static_cast<uint32_t>(position);
      size_t end = position + length;
      bool emit = true;
      switch (name.kind) {
        case NameKind::kNotActor:
          emit = false;
          break;
        case NameKind::kActor:
          end = AfterActor(name, position, end, mention);
          mention.people = name.people && d_.actors_[mention.actor].sector.empty();
          break;
        case NameKind::kSector:
        case NameKind::kTitle:
          emit = AfterSectorNoun(name, position, &end, mention) ||
                 OwnersSector(name, position, end, mention);
          break;
        case NameKind::kPerson:
        case NameKind::kSurname:
          end = AfterPerson(name.target, end, mention);
          break;
        case NameKind::kPair:
          emit = document_.last_pair_[0] != kNoActor;
          if (emit) {
            mention.actor = PairMember(name, document_.last_pair_[0]);
            mention.partner = PairMember(name, document_.last_pair_[1]);
          }
          break;
        case NameKind::kStateRef:
          emit = document_.last_state_ != kNoActor;
          mention.actor = document_.last_state_;
          break;
        case NameKind::kOrgRef:
          // "The Alliance of Sahel States" is a name of its own.
          emit = document_.last_org_ != kNoActor && TokenText(position + 1)[0] >= 'a';
          mention.actor = document_.last_org_;
          if (!emit) end = position + 1;
          break;
        case NameKind::kPronoun:
          emit = Pronoun(mention);
          break;
      }
      if (emit) {
        mention.end_token = sentence_.first_token + static_cast<uint32_t>(end);
        // A person named here, in full or after a title, may be referred to
        // by surname from now on.
        const bool reference_only = name.kind == NameKind::kPronoun ||
                                    (name.kind == NameKind::kTitle && end == position + length);
        Remember(mention, mention.person != kNoPerson && !reference_only);
        const size_t index = out.size() - first_new_;
        if (index < 64 &&
            (mention.person != kNoPerson || name.kind == NameKind::kTitle || title_ended_actor_)) {
          person_like_ |= uint64_t{1} << index;
        }
        title_ended_actor_ = false;
        out.push_back(mention);
        // "the two countries" may follow in this very sentence.
        if (!pair_noted && mention.partner == kNoActor) {
          pair_noted = OfferToPair(first_actor, ActorNow(mention));
        }
      }
      position = end;
    }
    ShareSectorsInLists(out);
    for (size_t i = first_new_; i < out.size(); ++i) {
      if (out[i].actor < d_.state_of_.size()) out[i].state = d_.state_of_[out[i].actor];
    }
    if (pair_noted) NotePairAgain(out);
    NoteSubject(out);
  }

 private:
  // The first word at or after `position` where a name may start, or the
  // sentence's size: Run() skips the words between without looking at them.
  size_t NextNameStart(size_t position) const {
    for (size_t block = position / 64; block < name_starts_.size(); ++block) {
      uint64_t bits = name_starts_[block];
      if (block == position / 64) bits &= ~uint64_t{0} << (position % 64);
      if (bits != 0) return block * 64 + static_cast<size_t>(std::countr_zero(bits));
    }
    return words_.size();
  }

  // ActorAt(mention, the report date), without the call for a mention of
  // no person (most of them).
  uint32_t ActorNow(const ActorMention& mention) const {
    return mention.person == kNoPerson ? mention.actor
                                       : d_.ActorAt(mention, document_.report_date_);
  }

  void Remember(const ActorMention& mention, bool full_name) {
    if (mention.person != kNoPerson) {
      if (full_name) {
        auto& introduced = document_.introduced_;
        introduced.erase(std::remove(introduced.begin(), introduced.end(), mention.person),
                         introduced.end());
        introduced.push_back(mention.person);
      }
      document_.people_.push_back({mention.person, mention.actor, document_.sentence_});
    }
    if (mention.partner != kNoActor) return;
    const uint32_t index = ActorNow(mention);
    if (d_.actors_[index].country.empty()) {
      // "the EU foreign policy chief ... the bloc": the organisation whole.
      if (d_.organisation_of_[index] != kNoActor) document_.last_org_ = d_.organisation_of_[index];
      return;
    }
    const uint32_t state = d_.state_of_[index];
    document_.last_state_ = state;
    if (document_.sole_state_ == kNoActor && !document_.several_states_) {
      document_.sole_state_ = state;
    } else if (document_.sole_state_ != state) {
      document_.sole_state_ = kNoActor;
      document_.several_states_ = true;
    }
  }

  // "Venezuela broke off relations with Colombia. It also expelled ...":
  // "It" opening a sentence is the state or organisation that opened the
  // one before, when that was a single actor. Not "It is ...", "It would
  // be ...", "It has been ..." (nobody), and not a person ("he", "she").
  bool SentenceOpeningIt(std::vector<ActorMention>& out) {
    if (words_.size() < 3 || words_[0] != d_.word_it_ || TokenText(0) != "It") return false;
    if (document_.previous_subject_ == kNoActor) return false;
    auto is = [&](size_t local, std::initializer_list<std::string_view> words) {
      const std::string_view text = TokenText(local);
      return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return w == text; });
    };
    if (is(1, {"is", "was", "'s", "seems", "seemed", "appears", "appeared", "remains", "remained",
               "takes", "took", "matters", "means", "meant"})) {
      return false;
    }
    if (is(2, {"be", "been"})) return false;
    ActorMention mention;
    mention.first_token = sentence_.first_token;
    mention.end_token = sentence_.first_token + 1;
    mention.actor = document_.previous_subject_;
    out.push_back(mention);
    return true;
  }

  // The sentence's subject for the next sentence's "It": its first actor,
  // when that is one state or organisation (not a person, not a list).
  void NoteSubject(const std::vector<ActorMention>& out) {
    document_.previous_subject_ = kNoActor;
    if (out.size() == first_new_) return;
    const ActorMention& first = out[first_new_];
    if (first.person != kNoPerson || first.partner != kNoActor) return;
    if (first_new_ + 1 < out.size() && Coordinated(first, out[first_new_ + 1])) return;
    document_.previous_subject_ = first.actor;
  }

  // The pair noted while reading, with the sectors the list gave its
  // members afterwards ("Thai and Cambodian troops": THAMIL, KHMMIL).
  void NotePairAgain(const std::vector<ActorMention>& out) {
    uint32_t first_actor = kNoActor;
    for (size_t i = first_new_; i < out.size(); ++i) {
      if (out[i].partner != kNoActor) continue;
      if (OfferToPair(first_actor, ActorNow(out[i]))) return;
    }
  }

  // The first two different states or organisations of a sentence are the
  // pair "the two countries" refers to, until the pipeline reports a coded
  // dyad. `first` holds the first seen; true once `actor` completes the
  // pair, which is then noted.
  bool OfferToPair(uint32_t& first, uint32_t actor) {
    if (first == kNoActor) {
      first = actor;
      return false;
    }
    if (d_.root_of_[actor] == d_.root_of_[first]) return false;
    document_.NoteDyad(first, actor);
    return true;
  }

  // A member of the last pair as "the two countries" (the state) or "the
  // two governments" (its government) name it; organisations stay whole.
  uint32_t PairMember(const Name& phrase, uint32_t actor) const {
    if (phrase.role.empty() || actor == kNoActor) return actor;
    const Actor& a = d_.actors_[actor];
    if (a.country.empty()) return actor;
    const uint32_t state = d_.state_of_[actor];
    if (state == kNoActor) return actor;
    return phrase.role == "GOV" ? d_.ActorForSector(state, "GOV") : state;
  }

  // Whether mentions `a` and `b` are neighbours in a list: only commas and
  // "and" between them ("Thai and Cambodian", "Kenya, Uganda and Tanzania").
  bool Coordinated(const ActorMention& a, const ActorMention& b) const {
    if (a.end_token >= b.first_token) return false;
    for (uint32_t t = a.end_token; t < b.first_token; ++t) {
      const size_t local = t - sentence_.first_token;
      if (!IsWord(local, d_.word_and_) && !IsWord(local, d_.word_comma_)) return false;
    }
    return true;
  }

  static bool IsBareState(const Actor& actor, const ActorMention& mention) {
    return !actor.country.empty() && actor.sector.empty() && mention.person == kNoPerson &&
           mention.partner == kNoActor;
  }

  // A sector noun written once for a whole list belongs to every member:
  // "Thai and Cambodian troops" (THAMIL, KHMMIL), "the presidents of Kenya
  // and Tanzania" (KENGOV, TZAGOV). Only members named as a bare state take
  // it; "Kenya and Tanzania's army" keeps Kenya whole, as does a singular
  // noun ("the president of Kenya and Tanzania" is two actors).
  void ShareSectorsInLists(std::vector<ActorMention>& out) const {
    size_t first = first_new_;
    while (first < out.size()) {
      size_t last = first;
      while (last + 1 < out.size() && Coordinated(out[last], out[last + 1])) ++last;
      if (last > first) {
        const ActorMention& head = out[first];
        const ActorMention& tail = out[last];
        if (SectorWrittenAfter(tail)) {
          for (size_t i = first; i < last; ++i) GiveSector(out[i], tail);
        } else if (PluralSectorBefore(head)) {
          for (size_t i = first + 1; i <= last; ++i) GiveSector(out[i], head);
        }
      }
      first = last + 1;
    }
  }

  // "Cambodian troops": a state's adjective, then the sector noun.
  bool SectorWrittenAfter(const ActorMention& mention) const {
    const Actor& actor = d_.actors_[mention.actor];
    if (actor.country.empty() || actor.sector.empty() || mention.person != kNoPerson) return false;
    const size_t first = mention.first_token - sentence_.first_token;
    const size_t last = mention.end_token - sentence_.first_token - 1;
    if (!StartsUppercase(TokenText(first)) || IsTitleWord(first) || !IsTitleWord(last))
      return false;
    // "Kenya and Tanzania's army" may be Tanzania's alone.
    for (size_t i = first; i < last; ++i) {
      if (IsWord(i, d_.word_s_)) return false;
    }
    return true;
  }

  // "the presidents of Kenya", "envoys from Armenia": a plural sector noun,
  // "of" or "from", then the state.
  bool PluralSectorBefore(const ActorMention& mention) const {
    const Actor& actor = d_.actors_[mention.actor];
    if (actor.country.empty() || actor.sector.empty() || mention.person != kNoPerson) return false;
    const size_t first = mention.first_token - sentence_.first_token;
    const size_t end = mention.end_token - sentence_.first_token;
    if (!IsTitleWord(first)) return false;
    for (size_t i = first + 1; i < end; ++i) {
      if (IsWord(i, d_.word_of_) || IsWord(i, d_.word_from_)) {
        const std::string_view noun = TokenText(i - 1);
        return !noun.empty() && (noun.back() == 's' || noun.back() == 'S');
      }
    }
    return false;
  }

  // "Türkiye and Turkish troops" are two actors: a state named twice in a
  // list is named whole once.
  void GiveSector(ActorMention& member, const ActorMention& donor) const {
    const Actor& actor = d_.actors_[member.actor];
    if (!IsBareState(actor, member) || actor.country == d_.actors_[donor.actor].country) return;
    member.actor = d_.ActorForSector(member.actor, d_.actors_[donor.actor].sector);
    member.titled = true;
  }

  // "his", "her", "its", "their".
  bool IsPossessive(uint32_t word) const {
    return (d_.word_kinds_[word] & (kPersonalPossessive | kGroupPossessive)) != 0;
  }

  // "his government", "its army", "their foreign ministers": the owner is
  // the nearest actor before it in the sentence of the right kind ("his" and
  // "her" a person or an office-holder, "its" and "their" a state,
  // organisation or group: "India did not invite Pakistan's prime minister,
  // but its foreign minister ..." is India's), else for "his" and "her" the
  // one person in sight, for "its" and "their" the last state named.
  bool OwnersSector(const Name& noun, size_t position, size_t end, ActorMention& mention) const {
    if (position == 0) return false;
    const uint32_t owner_word = words_[position - 1];
    // "Spain, whose prime minister visited Beijing": whose is the actor just
    // named, person or not.
    const bool whose = owner_word == d_.word_whose_;
    if (!whose && !IsPossessive(owner_word)) return false;
    const bool person = (d_.word_kinds_[owner_word] & kPersonalPossessive) != 0;
    // Verb patterns read "recalled its ambassador", "withdrew its troops"
    // as words: only the offices that act on their own are taken here.
    if (!noun.owned_reference) return false;
    const std::string_view sector = d_.actors_[noun.target].sector;
    // "Colombia and Venezuela ... their presidents": the last pair's.
    const std::string_view last_word = TokenText(end - 1);
    // "their leaders" may be any group's ("armed groups ... their leaders").
    if (!person && !whose && !last_word.empty() && last_word.back() == 's' &&
        !IsWord(end - 1, d_.word_leaders_) && document_.last_pair_[0] != kNoActor &&
        document_.last_pair_[1] != kNoActor) {
      const uint32_t first = d_.state_of_[document_.last_pair_[0]];
      const uint32_t second = d_.state_of_[document_.last_pair_[1]];
      if (first != kNoActor && second != kNoActor) {
        mention.actor = d_.ActorForSector(first, sector);
        mention.partner = d_.ActorForSector(second, sector);
        return true;
      }
    }
    for (size_t i = out_->size(); i-- > first_new_;) {
      const size_t index = i - first_new_;
      const bool person_like = index < 64 && (person_like_ >> index) & 1;
      if (person_like != person && !whose) continue;
      const ActorMention& owner = (*out_)[i];
      const Actor& actor = d_.actors_[ActorNow(owner)];
      const uint32_t whole =
          actor.country.empty() ? d_.FindCodeIndex(actor.org) : d_.FindCodeIndex(actor.country);
      if (whole == kNoActor) return false;
      mention.actor = d_.ActorForSector(whole, sector);
      return true;
    }
    if (whose) return false;
    if (person) {
      ActorMention someone;
      if (!Pronoun(someone)) return false;
      const Actor& actor = d_.actors_[someone.actor];
      if (actor.country.empty()) return false;
      mention.actor = d_.ActorForSector(d_.FindCodeIndex(actor.country), sector);
      return true;
    }
    if (document_.last_state_ == kNoActor) return false;
    mention.actor = d_.ActorForSector(document_.last_state_, sector);
    return true;
  }

  // "the government" alone: the country of the nearest actor before it in
  // the sentence that is one of a country's own groups ("Bolivian lawmakers
  // called on the government": BOLGOV), else the one state the document has
  // named. A state or its government or army before it says nothing: they
  // act abroad ("Spain urged the government").
  bool InstitutionOfContext(const Name& noun, size_t position, ActorMention& mention) const {
    const std::string_view sector = d_.actors_[noun.target].sector;
    // The opposition is always some state's own: that of the nearest
    // group of a state ("the Venezuelan government and the opposition"),
    // else of the state the sentence opens with ("Belarus freed jailed
    // opposition activists"), with or without "the".
    const bool domestic = sector == "OPP";
    if (!noun.institution || position == 0) return false;
    if (!domestic && !IsWord(position - 1, d_.word_the_)) return false;
    if (domestic) {
      for (size_t i = out_->size(); i-- > first_new_;) {
        const uint32_t actor = (*out_)[i].actor;
        if (d_.state_of_[actor] != kNoActor && !d_.actors_[actor].sector.empty()) {
          mention.actor = d_.ActorForSector(d_.state_of_[actor], sector);
          return true;
        }
      }
      if (out_->size() > first_new_) {
        const uint32_t opener = d_.state_of_[(*out_)[first_new_].actor];
        if (opener != kNoActor) {
          mention.actor = d_.ActorForSector(opener, sector);
          return true;
        }
      }
    }
    for (size_t i = out_->size(); i-- > first_new_;) {
      const Actor& actor = d_.actors_[(*out_)[i].actor];
      // "Thousands of Kenyans marched against the government": a state's
      // people count as one of its own groups.
      if (actor.country.empty() || (actor.sector.empty() && !(*out_)[i].people) ||
          actor.sector == "GOV" || actor.sector == "MIL" || actor.sector == "ELI") {
        continue;
      }
      mention.actor = d_.ActorForSector(d_.FindCodeIndex(actor.country), sector);
      return true;
    }
    // The document's one state, unless this sentence names it as a whole
    // before: "Spain urged the government" is another country's.
    if (document_.sole_state_ == kNoActor) return false;
    for (size_t i = first_new_; i < out_->size(); ++i) {
      if ((*out_)[i].actor == document_.sole_state_) return false;
    }
    mention.actor = d_.ActorForSector(document_.sole_state_, sector);
    return true;
  }

  // "Venezuelan government", "Venezuela's army", "Colombian Foreign Minister
  // X", "the Venezuelan opposition leader".
  size_t AfterActor(const Name& name, size_t position, size_t end, ActorMention& mention) {
    mention.actor = name.target;
    const Actor& actor = d_.actors_[name.target];
    if (!actor.sector.empty()) {
      // "Houthi forces", "Hamas fighters": the group's own members, named by
      // a sector noun (left out, "forces" would be read as a verb).
      uint32_t length = 0;
      const int64_t found = NameAt(end, &length);
      if (found >= 0 && d_.names_[found].kind == NameKind::kSector) return end + length;
      return end;
    }
    size_t next = end;
    if (IsWord(next, d_.word_s_)) ++next;
    // The name after the state, looked up once: both the body and the first
    // noun are read from it.
    uint32_t length_after = 0;
    const int64_t found_after = NameAt(next, &length_after);
    // "Iran's Revolutionary Guards", "Iranian Revolutionary Guards": the
    // state's own body, named, is one actor, not the state and the body.
    if (found_after >= 0 && d_.names_[found_after].kind == NameKind::kActor) {
      const uint32_t body = d_.names_[found_after].target;
      if (body != name.target && d_.state_of_[body] == name.target) {
        mention.actor = body;
        return next + length_after;
      }
    }
    const Name* last_noun = nullptr;
    std::string_view sector;
    for (int nouns = 0; nouns < 3 && next < words_.size(); ++nouns) {
      uint32_t length = length_after;
      int64_t found = nouns == 0 ? found_after : NameAt(next, &length);
      // "Uganda's main opposition leader", "Myanmar's Rohingya civilians": a
      // qualifier or a proper adjective before the first noun. (No name
      // starts here, so a capitalised word is a proper word.)
      if (found < 0 && last_noun == nullptr && (IsQualifier(next) || StartsCapital(next))) {
        found = NameAt(next + 1, &length);
        if (found >= 0) ++next;
      }
      if (found < 0) break;
      const Name& noun = d_.names_[found];
      if (noun.kind != NameKind::kSector && noun.kind != NameKind::kTitle) break;
      if (sector.empty()) sector = d_.actors_[noun.target].sector;
      last_noun = &noun;
      next += length;
    }
    if (last_noun == nullptr) return end;
    mention.actor = d_.ActorForSector(name.target, sector);
    mention.titled = true;
    title_ended_actor_ = last_noun->kind == NameKind::kTitle;
    end = next;
    if (last_noun->kind == NameKind::kTitle) {
      uint32_t person = kNoPerson;
      end += NameAfterTitle(end, *last_noun, &person);
      mention.person = person;
    }
    if (Former(position)) MakeFormer(mention);
    return end;
  }

  // "the president of Peru", "President Duque", "the president".
  bool AfterSectorNoun(const Name& noun, size_t position, size_t* end, ActorMention& mention) {
    const std::string_view sector = d_.actors_[noun.target].sector;
    size_t next = *end;
    uint32_t length = 0;
    int64_t found = -1;
    // "envoys from Armenia" as "envoys of Armenia"; "an envoy from Armenia"
    // may be anyone's.
    const std::string_view last_word = TokenText(*end - 1);
    const bool plural = !last_word.empty() && last_word.back() == 's';
    // "withdrew its diplomats from Niger": owned, they come from elsewhere.
    const bool owned = position > 0 && IsPossessive(words_[position - 1]);
    if (IsWord(next, d_.word_of_) || (plural && !owned && IsWord(next, d_.word_from_))) {
      ++next;
      if (IsWord(next, d_.word_the_)) ++next;
      found = next < words_.size() ? NameAt(next, &length) : -1;
    }
    if (found >= 0 && d_.names_[found].kind == NameKind::kActor) {
      mention.actor = d_.ActorForSector(d_.names_[found].target, sector);
      mention.titled = true;
      *end = next + length;
      if (noun.kind == NameKind::kTitle) {
        // "the President of Venezuela, Nicolás Maduro" is rare; "the
        // President of Venezuela Nicolás Maduro" is read as one actor.
        uint32_t person = kNoPerson;
        *end += NameAfterTitle(*end, noun, &person);
        mention.person = person;
      }
      if (Former(position)) MakeFormer(mention);
      return true;
    }
    if (noun.kind == NameKind::kSector) {
      if (noun.seated && sector == "GOV" && IsWord(*end, d_.word_in_)) {
        // "the authorities in Bogota": a capital standing for its government.
        // The opposition or a court "in Mexico City" is only meeting there.
        uint32_t length = 0;
        const int64_t seat = NameAt(*end + 1, &length);
        if (seat >= 0 && d_.names_[seat].kind == NameKind::kActor) {
          const uint32_t place = d_.names_[seat].target;
          if (d_.actors_[place].sector == "GOV" && d_.state_of_[place] != kNoActor) {
            mention.actor = d_.ActorForSector(d_.state_of_[place], sector);
            *end += 1 + length;
            return true;
          }
        }
      }
      if (!IsWord(*end, d_.word_of_)) return InstitutionOfContext(noun, position, mention);
      // "the government of Iván Duque": that person's state.
      uint32_t length = 0;
      const int64_t found = NameAt(*end + 1, &length);
      if (found < 0 || d_.names_[found].kind != NameKind::kPerson) return false;
      const std::string& country = d_.actors_[PersonActor(d_.names_[found].target)].country;
      if (country.empty()) return false;
      mention.actor = d_.ActorForSector(d_.FindCodeIndex(country), sector);
      *end += 1 + length;
      return true;
    }
    // "President Iván Duque": the person says which state.
    uint32_t person = kNoPerson;
    const size_t taken = NameAfterTitle(*end, noun, &person);
    if (taken > 0) {
      // "King Abdullah of Jordan", "President Xi Jinping of China".
      const size_t after = *end + taken;
      uint32_t length = 0;
      const int64_t found = IsWord(after, d_.word_of_) ? NameAt(after + 1, &length) : -1;
      const bool of_state = found >= 0 && d_.names_[found].kind == NameKind::kActor &&
                            !d_.actors_[d_.names_[found].target].country.empty();
      if (person == kNoPerson && !of_state) return false;  // an unknown person of an unknown state
      *end = after;
      mention.person = person;
      if (person != kNoPerson) mention.actor = PersonActor(person);
      if (of_state) {
        const uint32_t state = d_.names_[found].target;
        if (person == kNoPerson) {
          mention.actor = d_.ActorForSector(state, sector);
          mention.titled = true;
          *end = after + 1 + length;
        } else if (d_.actors_[mention.actor].country == d_.actors_[state].country) {
          *end = after + 1 + length;
        }
      }
      if (Former(position)) {
        if (person == kNoPerson) {
          MakeFormer(mention);
        } else {
          mention.former = true;
        }
      }
      return true;
    }
    // "the president": the last person named who holds that office.
    if (position == 0 || !IsWord(position - 1, d_.word_the_)) return false;
    for (auto it = document_.people_.rbegin(); it != document_.people_.rend(); ++it) {
      if (RoleMatches(noun, it->person)) {
        mention.person = it->person;
        mention.actor = PersonActor(it->person);
        return true;
      }
    }
    return false;
  }

  // A person's name, perhaps followed by "of Venezuela" (taken into the
  // mention when it is their state) or by "'s government" (their state's
  // government, not them).
  size_t AfterPerson(uint32_t person, size_t end, ActorMention& mention) {
    mention.person = person;
    mention.actor = PersonActor(person);
    const Actor& actor = d_.actors_[mention.actor];
    size_t next = end;
    if (IsWord(next, d_.word_s_)) ++next;
    uint32_t length = 0;
    int64_t found = next < words_.size() ? NameAt(next, &length) : -1;
    if (found >= 0 && d_.names_[found].kind == NameKind::kSector && !actor.country.empty()) {
      mention.person = kNoPerson;
      mention.actor = d_.ActorForSector(d_.FindCodeIndex(actor.country),
                                        d_.actors_[d_.names_[found].target].sector);
      return next + length;
    }
    if (IsWord(end, d_.word_of_)) {
      found = NameAt(end + 1, &length);
      if (found >= 0 && d_.names_[found].kind == NameKind::kActor &&
          d_.actors_[d_.names_[found].target].country == actor.country && !actor.country.empty()) {
        return end + 1 + length;
      }
    }
    return end;
  }

  void MakeFormer(ActorMention& mention) {
    mention.former = true;
    const Actor& actor = d_.actors_[mention.actor];
    if (!actor.country.empty()) {
      mention.actor = d_.ActorForSector(d_.FindCodeIndex(actor.country), "ELI");
    }
  }

  // "he", "she", "him": the person named in this or the previous sentence,
  // when there was exactly one.
  bool Pronoun(ActorMention& mention) const {
    uint32_t person = kNoPerson;
    uint32_t actor = kNoActor;
    for (auto it = document_.people_.rbegin(); it != document_.people_.rend(); ++it) {
      if (it->sentence + 1 < document_.sentence_) break;
      if (person != kNoPerson && it->person != person) return false;
      person = it->person;
      actor = it->actor;
    }
    if (person == kNoPerson) return false;
    mention.person = person;
    mention.actor = actor;
    mention.titled = true;
    return true;
  }

  const ActorDictionary& d_;
  std::string_view text_;
  const Segmentation& segmentation_;
  const Sentence& sentence_;
  std::span<const uint32_t> words_;
  std::span<const uint64_t> name_starts_;
  DocumentActors& document_;
  const std::vector<ActorMention>* out_ = nullptr;  // Run's output; this sentence's from first_new_
  size_t first_new_ = 0;
  // Bit i: this sentence's mention i names a person or an office-holder.
  uint64_t person_like_ = 0;
  bool title_ended_actor_ = false;  // AfterActor's words ended in a title
};

uint32_t ActorDictionary::PossessiveWithoutApostrophe(std::string_view text,
                                                      const Segmentation& segmentation,
                                                      uint32_t token_index,
                                                      std::string_view folded) const {
  // "suspended Venezuelas membership": a one-word state or organisation
  // name, capitalised, plus "s", before a lower-case word. Not after "the"
  // or a number ("the Americas", "the two Koreas"): those are plurals.
  if (folded.size() < 4 || folded.back() != 's') return Vocabulary::kUnknown;
  const Token& token = segmentation.tokens[token_index];
  const std::string_view raw = text.substr(token.begin, token.end - token.begin);
  if (raw.empty() || raw[0] < 'A' || raw[0] > 'Z') return Vocabulary::kUnknown;
  if (token_index + 1 >= segmentation.tokens.size()) return Vocabulary::kUnknown;
  const Token& next = segmentation.tokens[token_index + 1];
  if (next.kind != TokenKind::kWord || text[next.begin] < 'a' || text[next.begin] > 'z') {
    return Vocabulary::kUnknown;
  }
  if (token_index > 0) {
    const Token& previous = segmentation.tokens[token_index - 1];
    const std::string previous_word =
        Folded(text.substr(previous.begin, previous.end - previous.begin));
    if (previous.kind == TokenKind::kNumber || previous_word == "the" || previous_word == "two" ||
        previous_word == "both" || previous_word == "three") {
      return Vocabulary::kUnknown;
    }
  }
  const uint32_t singular = vocabulary_.Find(folded.substr(0, folded.size() - 1));
  if (singular == Vocabulary::kUnknown) return Vocabulary::kUnknown;
  const uint32_t node = trie_->Find(std::span<const uint32_t>(&singular, 1));
  if (node == 0) return Vocabulary::kUnknown;
  for (const uint32_t name : trie_->payloads[node]) {
    const Actor& actor = actors_[names_[name].target];
    if (names_[name].kind == NameKind::kActor && actor.sector.empty()) return singular;
  }
  return Vocabulary::kUnknown;
}

void ActorDictionary::MarkNameStarts(std::span<const uint32_t> words,
                                     std::vector<uint64_t>& name_starts) const {
  name_starts.assign((words.size() + 63) / 64, 0);
  const Trie& trie = *trie_;
  // Read directly: every word is one of vocabulary_'s, and the table spans it.
  const uint32_t* const first_nodes = trie.first_nodes.data();
  for (size_t i = 0; i < words.size(); ++i) {
    assert(words[i] < trie.first_nodes.size());
    const uint32_t node = first_nodes[words[i]];
    if (node == 0) continue;
    // "the" starts "the two countries" but is mostly followed by other
    // words: checked here, the matcher is not asked at every "the".
    if (trie.Named(node) || (i + 1 < words.size() && words[i + 1] != Vocabulary::kUnknown &&
                             trie.Child(node, words[i + 1]) != 0)) {
      name_starts[i / 64] |= uint64_t{1} << (i % 64);
    }
  }
}

void ActorDictionary::FindInSentence(std::string_view text, const Segmentation& segmentation,
                                     const Sentence& sentence, ActorScratch& scratch,
                                     DocumentActors& document,
                                     std::vector<ActorMention>& out) const {
  scratch.folded.Fold(text, segmentation, sentence.first_token, sentence.end_token);
  FindInSentence(text, segmentation, scratch.folded, sentence, scratch, document, out);
}

void ActorDictionary::FindInSentence(std::string_view text, const Segmentation& segmentation,
                                     const FoldedTokens& folded_tokens, const Sentence& sentence,
                                     ActorScratch& scratch, DocumentActors& document,
                                     std::vector<ActorMention>& out) const {
  // Sized once and written by index, as a push_back per word tested the
  // capacity every time; the folded word is only read for unknown words.
  const uint32_t first = sentence.first_token;
  const uint32_t size = sentence.end_token - first;
  scratch.word_ids.resize(size);
  // Restricted: the ids written may not change the tokens read, so the
  // loop need not read the tokens' places again after each one.
  uint32_t* __restrict const word_ids = scratch.word_ids.data();
  const uint32_t* const shared_ids = folded_tokens.IdsIn(vocabulary_);
  const Token* const tokens = segmentation.tokens.data();
  auto id_of = [&](uint32_t i, uint32_t id) {
    // "Venezuelas" for "Venezuela's" is capitalised: other unknown words are
    // never such a possessive.
    if (id == Vocabulary::kUnknown && IsAsciiCapital(text[tokens[i].begin])) {
      return PossessiveWithoutApostrophe(text, segmentation, i, folded_tokens.Word(i));
    }
    return id;
  };
  if (shared_ids != nullptr) {
    for (uint32_t i = first; i < first + size; ++i) {
      word_ids[i - first] = id_of(i, shared_ids[folded_tokens.SharedId(i)]);
    }
  } else {
    for (uint32_t i = first; i < first + size; ++i) {
      word_ids[i - first] =
          id_of(i, vocabulary_.Find(folded_tokens.Word(i), folded_tokens.Hash(i)));
    }
  }
  MarkNameStarts(std::span<const uint32_t>(word_ids, size), scratch.name_starts);
  Matcher matcher(*this, text, segmentation, sentence, scratch.word_ids, scratch.name_starts,
                  document);
  matcher.Run(out);
  ++document.sentence_;
}

void ActorDictionary::FindInSentence(std::string_view text, const Segmentation& segmentation,
                                     const Sentence& sentence, ActorScratch& scratch,
                                     std::vector<ActorMention>& out) const {
  DocumentActors document;
  FindInSentence(text, segmentation, sentence, scratch, document, out);
}

std::vector<ActorDictionary::Entry> ActorDictionary::Lookup(std::string_view name) const {
  std::vector<Entry> entries;
  const Segmentation segmentation = Segment(name);
  std::vector<uint32_t> words;
  for (const Token& token : segmentation.tokens) {
    words.push_back(vocabulary_.Find(Folded(name.substr(token.begin, token.end - token.begin))));
    if (words.back() == Vocabulary::kUnknown) return entries;
  }
  const uint32_t node = words.empty() ? 0 : trie_->Find(words);
  if (node == 0) return entries;
  for (auto it = trie_->payloads[node].rbegin(); it != trie_->payloads[node].rend(); ++it) {
    const Name& entry = names_[*it];
    Entry::Kind kind = Entry::Kind::kActor;
    switch (entry.kind) {
      case NameKind::kActor:
        kind = Entry::Kind::kActor;
        break;
      case NameKind::kSector:
        kind = Entry::Kind::kSector;
        break;
      case NameKind::kTitle:
        kind = Entry::Kind::kTitle;
        break;
      case NameKind::kPerson:
        kind = Entry::Kind::kPerson;
        break;
      case NameKind::kSurname:
        kind = Entry::Kind::kSurname;
        break;
      case NameKind::kNotActor:
        kind = Entry::Kind::kNotActor;
        break;
      default:
        continue;  // document references are grammar
    }
    // A person is listed once, as an alias rather than as a surname.
    auto same = [&](const Entry& seen) {
      const bool person = kind == Entry::Kind::kPerson || kind == Entry::Kind::kSurname;
      const bool seen_person =
          seen.kind == Entry::Kind::kPerson || seen.kind == Entry::Kind::kSurname;
      if (person && seen_person) return seen.index == entry.target;
      return seen.kind == kind && seen.index == entry.target && seen.role == entry.role;
    };
    bool duplicate = false;
    for (Entry& seen : entries) {
      if (!same(seen)) continue;
      duplicate = true;
      if (kind == Entry::Kind::kPerson) seen.kind = kind;
    }
    if (!duplicate) entries.push_back({kind, entry.target, entry.role});
  }
  return entries;
}

ActorDictionary::Stats ActorDictionary::ComputeStats() const {
  Stats stats;
  std::set<std::string> orgs;
  for (const Actor& actor : actors_) {
    if (!actor.country.empty() && actor.sector.empty()) ++stats.states;
    if (!actor.org.empty()) orgs.insert(actor.org);
  }
  stats.organizations = orgs.size();
  for (const Name& name : names_) {
    if (name.kind != NameKind::kActor) continue;
    if (actors_[name.target].country.empty()) {
      ++stats.org_names;
    } else {
      ++stats.state_names;
    }
  }
  std::map<std::string, size_t> by_role;
  std::map<std::string, std::set<uint32_t>> by_actor;
  stats.people = people_.size();
  for (uint32_t p = 0; p < people_.size(); ++p) {
    for (const PersonRole& role : people_[p].roles) {
      ++stats.roles;
      if (role.open) ++stats.open_roles;
      ++by_role[role.role];
      const Actor& actor = actors_[role.actor];
      by_actor[actor.country.empty() ? actor.org : actor.country].insert(p);
    }
  }
  stats.roles_by_kind.assign(by_role.begin(), by_role.end());
  for (const auto& [code, people] : by_actor)
    stats.people_by_actor.push_back({code, people.size()});
  return stats;
}

}  // namespace dyad
