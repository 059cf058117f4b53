// actors: finds the states, organisations, their sectors and the people
// acting for them in a sentence, and says which actor code a person had on a
// given date.
//
// An ActorDictionary is compiled once from
//   - Debian's iso-codes (iso_3166-1.json): every ISO 3166 country, by its
//     short, common and official names;
//   - data/actors/countries.tsv: the names the news uses that ISO lacks
//     (colloquial names, demonyms, capitals and seats of power as metonyms);
//   - data/actors/organizations.tsv: international organisations;
//   - data/actors/sectors.tsv: collective nouns that turn a country into one
//     of its sectors ("government", "army" -> GOV, MIL);
//   - data/actors/titles.tsv: titles of office-holders, with the role they
//     name ("foreign minister", "canciller" -> GOV, foreign_minister);
//   - data/actors/people.tsv: people with dated roles (one line per role);
//   - data/actors/not_actors.tsv: phrases that contain a name but are not the
//     actor ("Washington Post", "guinea pig", "Atlanta, Georgia") and names
//     that are also personal names ("Jordan", "Chad", "Washington");
//   - any user files (read last, so they add to or override the shipped
//     entries): a file whose lines have 6 or 7 tab-separated fields is in the
//     people.tsv format, any other in the countries.tsv format.
// The formats are documented at the top of each file and in docs/dictionaries.md.
//
// Resolution by date. A mention of a person carries the person; which code
// that person had depends on the event's date, known only after dating, so
// the pipeline calls ActorAt(mention, event_date) when it builds the record.
// Within a document, DocumentActors carries what earlier sentences said
// (people introduced by full name, the last state, the last dyad) so that
// surnames alone, "the president", "the country", "the two countries" and
// unambiguous pronouns resolve.
//
// Once loaded the dictionary is immutable and safe to share across threads;
// FindInSentence allocates nothing beyond growing the caller's vectors and
// the document state. Loading the shipped files takes a few milliseconds.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/civil_date.h"
#include "base/phrase_trie.h"
#include "base/status.h"
#include "segment/segment.h"

namespace dyad {

struct Actor {
  std::string code;     // "VEN", "VENGOV", "NATO"
  std::string country;  // ISO alpha-3, empty for organisations
  std::string org;      // organisation code, empty for states
  std::string sector;   // "GOV", "MIL", ... empty for the state as a whole
  std::string name;     // canonical name: "Venezuela", "North Atlantic Treaty Organization"
};

// One office a person held: the code they act under while holding it.
struct PersonRole {
  uint32_t actor = 0;            // index for ActorDictionary::actor(): "VENGOV", "NATO"
  std::string role;              // "head_of_state", "foreign_minister", ... (see people.tsv)
  CivilDate from;                // first day in office
  CivilDate until;               // last day in office (inclusive); far future when still in office
  bool open = false;             // no end date: in office when the entry was last checked
  bool until_uncertain = false;  // the end date is approximate ("2026?")
  std::string basis;             // the facts the entry rests on
  std::string where;             // "people.tsv:123", for messages and `dyad actors`
};

struct Person {
  std::string name;                  // "Nicolás Maduro"
  std::vector<std::string> aliases;  // other names that always match ("Maduro")
  std::string country;               // the state a former office-holder belongs to; may be empty
  std::vector<PersonRole> roles;     // sorted by `from`
};

constexpr uint32_t kNoActor = 0xFFFFFFFFu;
constexpr uint32_t kNoPerson = 0xFFFFFFFFu;

// An actor found in the text: tokens [first_token, end_token) of the
// document's Segmentation name it.
struct ActorMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  // The actor the words name: for a person, the title's actor ("Colombian
  // Foreign Minister X" -> COLGOV) or the person's code at the report date.
  // Use ActorAt() to get the code at the event's date.
  uint32_t actor = 0;
  uint32_t person = kNoPerson;  // index for ActorDictionary::person(), if a person
  // "the two countries", "both sides": the second actor of the pair (the
  // first is `actor`); the event applies to both.
  uint32_t partner = kNoActor;
  // The state `actor` belongs to as a whole (COLMIL -> COL), or kNoActor for
  // an organisation: "Minsk" and "Belarus's defence minister" are one side.
  uint32_t state = kNoActor;
  bool former = false;  // "former President X": out of office unless the dictionary says otherwise
  // The words gave the actor ("Colombian Foreign Minister X"), so it holds
  // even on dates the dictionary has no role for the person.
  bool titled = false;
  // Named as the state's people ("Kenyans", "Israelis"): still coded as the
  // state, but "the government" they act on is theirs.
  bool people = false;
};

struct ActorOptions {
  std::string data_dir;                  // holds actors/countries.tsv etc.
  std::string iso_codes_dir;             // holds iso_3166-1.json
  std::vector<std::string> extra_files;  // user dictionaries (countries.tsv or people.tsv format)
};

// Scratch space reused across sentences so matching allocates nothing.
struct ActorScratch {
  std::vector<uint32_t> word_ids;
  // Bit i: a name may start at the sentence's word i (MarkNameStarts).
  std::vector<uint64_t> name_starts;
  FoldedTokens folded;  // the sentence's, when the caller folded none
};

// What a document has said so far; one per document, fed sentence by
// sentence in order. Not shared between threads.
class DocumentActors {
 public:
  explicit DocumentActors(CivilDate report_date = {}) : report_date_(report_date) {}
  // Starts another document, as DocumentActors(report_date) would, keeping
  // the buffers: a caller coding many documents spares their allocations.
  void Reset(CivilDate report_date) {
    std::vector<uint32_t> introduced = std::move(introduced_);
    std::vector<PersonSeen> people = std::move(people_);
    *this = DocumentActors(report_date);
    introduced_ = std::move(introduced);
    introduced_.clear();
    people_ = std::move(people);
    people_.clear();
  }

  // The pipeline reports each coded event's pair, so "the two countries"
  // refers to the last dyad actually coded.
  void NoteDyad(uint32_t first_actor, uint32_t second_actor) {
    last_pair_[0] = first_actor;
    last_pair_[1] = second_actor;
  }
  CivilDate report_date() const { return report_date_; }

 private:
  friend class ActorDictionary;
  struct PersonSeen {
    uint32_t person = kNoPerson;
    uint32_t actor = kNoActor;  // code at the report date, or from the title
    uint32_t sentence = 0;
  };
  CivilDate report_date_;
  uint32_t sentence_ = 0;
  std::vector<uint32_t> introduced_;  // persons named in full, most recent last
  std::vector<PersonSeen> people_;    // person mentions, most recent last
  uint32_t last_state_ = kNoActor;    // the last state (as a whole) named
  uint32_t last_org_ = kNoActor;      // the last organisation (as a whole) named
  // The one state the document has named so far; kNoActor before the first
  // and once a second one is named.
  uint32_t sole_state_ = kNoActor;
  bool several_states_ = false;
  uint32_t last_pair_[2] = {kNoActor, kNoActor};
  uint32_t previous_subject_ = kNoActor;  // the last sentence's single opening actor
};

class ActorDictionary {
 public:
  static StatusOr<std::shared_ptr<const ActorDictionary>> Load(const ActorOptions& options);

  // Appends the actors named in `sentence`, left to right, without overlap
  // (the longest name wins). `text` is the text `segmentation` was made from.
  // `document` carries what earlier sentences of the same text said and is
  // updated; sentences must come in order.
  void FindInSentence(std::string_view text, const Segmentation& segmentation,
                      const Sentence& sentence, ActorScratch& scratch, DocumentActors& document,
                      std::vector<ActorMention>& out) const;
  // The same with the sentence's tokens folded already (`folded` covers them).
  void FindInSentence(std::string_view text, const Segmentation& segmentation,
                      const FoldedTokens& folded, const Sentence& sentence, ActorScratch& scratch,
                      DocumentActors& document, std::vector<ActorMention>& out) const;
  // The same for a sentence read on its own (no document state).
  void FindInSentence(std::string_view text, const Segmentation& segmentation,
                      const Sentence& sentence, ActorScratch& scratch,
                      std::vector<ActorMention>& out) const;
  // The words names are made of: a caller that looks tokens up for several
  // dictionaries at once adds it to a SharedVocabulary (FoldedTokens::Fold).
  const Vocabulary& vocabulary() const { return vocabulary_; }

  // The actor `mention` stands for on `date`: a person's role on that date
  // (the most recently started one when several overlap); out of office, the
  // title's actor if the text gave one, else the person's state with the
  // sector ELI after a first office ("former") and without sector before it.
  uint32_t ActorAt(const ActorMention& mention, CivilDate date) const;
  // The role `person` held on `date`, or nullptr.
  const PersonRole* RoleAt(uint32_t person, CivilDate date) const;

  const Actor& actor(uint32_t index) const { return actors_[index]; }
  size_t actor_count() const { return actors_.size(); }
  size_t name_count() const { return names_.size(); }
  const Person& person(uint32_t index) const { return people_[index]; }
  size_t person_count() const { return people_.size(); }

  // The actor with this code, or nullptr.
  const Actor* FindCode(std::string_view code) const;
  // Index of the actor with this code, or kNoActor.
  uint32_t FindCodeIndex(std::string_view code) const;

  // Every dictionary entry whose name is exactly `name` (case and accents
  // ignored), for `dyad actors`: what a user typed, looked up.
  struct Entry {
    enum class Kind { kActor, kSector, kTitle, kPerson, kSurname, kNotActor } kind;
    uint32_t index = 0;  // actor for kActor/kSector/kTitle, person for kPerson/kSurname
    std::string role;    // titles: the role they name
  };
  std::vector<Entry> Lookup(std::string_view name) const;

  // Coverage, for `dyad actors --stats`.
  struct Stats {
    size_t states = 0;         // ISO 3166 countries
    size_t state_names = 0;    // names, demonyms, capitals and metonyms of states
    size_t organizations = 0;  // organisation codes (bodies included)
    size_t org_names = 0;
    size_t people = 0;
    size_t roles = 0;
    size_t open_roles = 0;                                      // still in office when last checked
    std::vector<std::pair<std::string, size_t>> roles_by_kind;  // sorted by role
    std::vector<std::pair<std::string, size_t>> people_by_actor;  // "VEN" or "NATO" -> people
  };
  Stats ComputeStats() const;

 private:
  enum class NameKind : uint8_t {
    kActor,
    kSector,
    kTitle,
    kPerson,
    kSurname,
    kNotActor,
    kPair,      // "the two countries", "both sides"
    kStateRef,  // "the country"
    kOrgRef,    // "the bloc", "the alliance"
    kPronoun,   // "he", "she", "him"
  };
  struct Name {
    NameKind kind = NameKind::kActor;
    uint32_t target = 0;       // actor (kActor, kSector, kTitle) or person (kPerson, kSurname)
    bool capitalised = false;  // written with a capital: must be capitalised in the text
    bool name_like = false;    // also a personal name ("Jordan"): not next to other names
    bool institution = false;  // sectors: "the government" alone is the context's (IsInstitution)
    bool owned_reference = false;  // sectors and titles: "his government" names the owner's
    bool seated = false;           // sectors: "the government in Kabul" is the seat's (IsSeatedAt)
    bool people = false;           // states: a plural demonym ("Kenyans"), the state's people
    std::string exact;             // non-empty: the text must match exactly ("US", not "us")
    std::string role;  // titles: "foreign_minister", ...; pairs: "state" or "GOV" (see PairMember)
    std::string role_by_country;  // titles: "head_of_government=DEU,AUT" (another role there)
    uint8_t source = 0;           // 0 = ISO, 1 = shipped file, 2 = user file
  };
  struct Trie;
  class Builder;
  class Matcher;

  ActorDictionary();
  uint32_t ActorForSector(uint32_t country_actor, std::string_view sector) const;
  uint32_t OutOfOfficeActor(uint32_t person, CivilDate date) const;
  // Sets bit i of `name_starts` where a name may start at words[i]: one
  // starts with the word, and if only longer ones do, the next word
  // continues one.
  void MarkNameStarts(std::span<const uint32_t> words, std::vector<uint64_t>& name_starts) const;
  // The word id of "Venezuela" for the token "Venezuelas", folded
  // `folded`, when it stands for "Venezuela's" (see actors.cc), else
  // Vocabulary::kUnknown.
  uint32_t PossessiveWithoutApostrophe(std::string_view text, const Segmentation& segmentation,
                                       uint32_t token_index, std::string_view folded) const;

  std::vector<Actor> actors_;
  std::vector<Name> names_;
  std::vector<Person> people_;
  Vocabulary vocabulary_;
  std::shared_ptr<const Trie> trie_;
  std::unordered_map<std::string, uint32_t> actor_by_code_;
  std::vector<uint32_t>
      sector_variants_;  // actor * sector count + sector -> actor (see ActorForSector)
  // Per actor, the actor of its country as a whole (FindCodeIndex(country)),
  // or kNoActor: asked for every mention a document remembers.
  std::vector<uint32_t> state_of_;
  // Per actor of an organisation, the organisation as a whole (EUGOV -> EU),
  // else kNoActor: asked for every such mention a document remembers.
  std::vector<uint32_t> organisation_of_;
  // Per actor, a number for the state or organisation it belongs to (its
  // country, else its organisation code): equal for VENGOV and VENMIL.
  std::vector<uint32_t> root_of_;
  // Per person, OutOfOfficeActor's answer before their first office (the
  // state, or an organisation's official's own actor) and after it (the
  // state's ELI sector).
  struct OutOfOffice {
    uint32_t before = kNoActor;
    uint32_t after = kNoActor;
  };
  std::vector<OutOfOffice> out_of_office_;
  // What the matcher asks of single words, by word id (WordKind bits): a
  // table lookup where lists were searched at every name.
  enum WordKind : uint8_t {
    kTitleWord = 1,           // a word of a title or sector noun
    kCalendarWord = 2,        // "Monday", "January", "the": never part of a name
    kQualifierWord = 4,       // "main", "top": "Uganda's main opposition leader"
    kPersonalPossessive = 8,  // "his", "her"
    kGroupPossessive = 16,    // "its", "their"
  };
  std::vector<uint8_t> word_kinds_;
  uint32_t word_of_ = 0, word_the_ = 0, word_s_ = 0, word_former_ = 0, word_ex_ = 0, word_from_ = 0,
           word_in_ = 0, word_and_ = 0, word_comma_ = 0, word_whose_ = 0, word_leaders_ = 0;
  uint32_t word_it_ = 0;
};

// What the dictionaries know about `name` on `date`, as text for `dyad
// actors NAME --date`: every entry spelled so, and for people every role with
// its dates and basis, and the code they have on `date`.
std::string DescribeName(const ActorDictionary& dictionary, std::string_view name, CivilDate date);

// The actors found in `text` read as one document reported on `date`, one
// line each with the words and the code at that date (`dyad actors --text`).
std::string DescribeText(const ActorDictionary& dictionary, std::string_view text, CivilDate date);

// The coverage summary of `dyad actors --stats`.
std::string DescribeStats(const ActorDictionary& dictionary);

// Autocomplete: actors and office-holders whose code starts with `prefix`
// or one of whose name's words does (case and accents ignored), best first:
// exact code, then name prefix, then word prefix; states before
// organisations, sectors and people. A person yields one suggestion per
// role, with the role's dates; roles held on `date` come first.
struct ActorSuggestion {
  enum class Kind { kState, kOrganisation, kSector, kPerson } kind;
  std::string code;                      // the code the suggestion stands for: "VEN", "VENGOV"
  std::string name;                      // "Venezuela", "Nicolás Maduro"
  std::string role;                      // people: "head_of_state", ...
  std::optional<CivilDate> from, until;  // people: the role's dates (until: none while in office)
};
std::vector<ActorSuggestion> SuggestActors(const ActorDictionary& dictionary,
                                           std::string_view prefix, CivilDate date, size_t limit);
const char* ActorSuggestionKindName(ActorSuggestion::Kind kind);

}  // namespace dyad
