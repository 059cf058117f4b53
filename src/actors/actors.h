// actors: finds the states, organisations and their sectors named in a sentence.
//
// An ActorDictionary is compiled once from
//   - Debian's iso-codes (iso_3166-1.json): every ISO 3166 country, by its
//     short, common and official names;
//   - data/actors/countries.tsv: the names the news uses that ISO lacks
//     (colloquial names, demonyms, capitals and seats of power as metonyms);
//   - data/actors/organizations.tsv: international organisations;
//   - data/actors/sectors.tsv: the nouns that turn a country into one of its
//     sectors ("government", "army" -> GOV, MIL);
//   - any extra files of the same formats (a user's own entries, read last,
//     so they add to or override the shipped ones).
// The formats are documented at the top of each file and in docs/dictionaries.md.
//
// Once loaded the dictionary is immutable and safe to share across threads;
// FindInSentence allocates nothing beyond growing the caller's vectors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// An actor found in the text: tokens [first_token, end_token) of the
// document's Segmentation name it.
struct ActorMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t actor = 0;  // index for ActorDictionary::actor()
};

struct ActorOptions {
  std::string data_dir;                  // holds actors/countries.tsv etc.
  std::string iso_codes_dir;             // holds iso_3166-1.json
  std::vector<std::string> extra_files;  // user dictionaries, same format as countries.tsv
};

// Scratch space reused across sentences so matching allocates nothing.
struct ActorScratch {
  std::vector<uint32_t> word_ids;
  std::string folded;
};

class ActorDictionary {
 public:
  static StatusOr<std::shared_ptr<const ActorDictionary>> Load(const ActorOptions& options);

  // Appends the actors named in `sentence`, left to right, without overlap
  // (the longest name wins). `text` is the text `segmentation` was made from.
  void FindInSentence(std::string_view text, const Segmentation& segmentation,
                      const Sentence& sentence, ActorScratch& scratch,
                      std::vector<ActorMention>& out) const;

  const Actor& actor(uint32_t index) const { return actors_[index]; }
  size_t actor_count() const { return actors_.size(); }
  size_t name_count() const { return names_.size(); }

  // The actor with this code, or nullptr.
  const Actor* FindCode(std::string_view code) const;

 private:
  struct Name {
    uint32_t actor = 0;
    bool is_sector = false;  // a sector noun, not an actor by itself
    std::string exact;       // non-empty: the text must match exactly ("US", not "us")
  };
  class Builder;

  uint32_t ActorForSector(uint32_t country_actor, std::string_view sector) const;

  std::vector<Actor> actors_;
  std::vector<Name> names_;
  Vocabulary vocabulary_;
  PhraseTrie trie_;
  // Sector variants "VEN"+"GOV" -> index, built for every country at load time
  // so matching never has to create an actor.
  std::unordered_map<std::string, uint32_t> actor_by_code_;
};

}  // namespace dyad
