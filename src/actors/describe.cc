// Text descriptions of dictionary entries for `dyad actors`, and the
// suggestions of the dashboard's actor picker.
#include <algorithm>
#include <string>

#include "actors/actors.h"

namespace dyad {

namespace {

std::string RoleDates(const PersonRole& role) {
  std::string text = FormatIsoDate(role.from) + " .. ";
  text += role.open ? std::string("(in office)") : FormatIsoDate(role.until);
  if (role.until_uncertain) text += " (approximate)";
  return text;
}

}  // namespace

std::string DescribeName(const ActorDictionary& dictionary, std::string_view name, CivilDate date) {
  std::string out;
  auto entries = dictionary.Lookup(name);
  // "the Kremlin", "the OAS": the article is the sentence's, not the name's.
  if (entries.empty() && (name.starts_with("the ") || name.starts_with("The "))) {
    entries = dictionary.Lookup(name.substr(4));
  }
  if (entries.empty()) {
    out += "'" + std::string(name) + "': not in the dictionaries\n";
    return out;
  }
  out += "'" + std::string(name) + "' on " + FormatIsoDate(date) + ":\n";
  for (const ActorDictionary::Entry& entry : entries) {
    using Kind = ActorDictionary::Entry::Kind;
    switch (entry.kind) {
      case Kind::kActor: {
        const Actor& actor = dictionary.actor(entry.index);
        out += "  " + actor.code + "\t" + (actor.org.empty() ? "state" : "organisation") + " " +
               actor.name + (actor.sector.empty() ? "" : ", sector " + actor.sector) + "\n";
        break;
      }
      case Kind::kSector:
        out += "  sector noun\t" + dictionary.actor(entry.index).sector +
               " of the state named with it (\"the Venezuelan ...\", \"... of Peru\")\n";
        break;
      case Kind::kTitle:
        out += "  title\t" + dictionary.actor(entry.index).sector + ", role " + entry.role +
               " (a name after it is a person of that state)\n";
        break;
      case Kind::kNotActor:
        out += "  not an actor\t(listed in not_actors.tsv)\n";
        break;
      case Kind::kPerson:
      case Kind::kSurname: {
        const Person& person = dictionary.person(entry.index);
        ActorMention mention;
        mention.person = entry.index;
        const std::string code = dictionary.actor(dictionary.ActorAt(mention, date)).code;
        out += "  " + code + "\tperson " + person.name;
        if (entry.kind == Kind::kSurname) {
          out += " (surname: matches alone once the document names them, or after a title)";
        }
        out += "\n";
        for (const PersonRole& role : person.roles) {
          const bool current = role.from <= date && date <= role.until;
          out += std::string(current ? "   *" : "    ") + " " + RoleDates(role) + "\t" +
                 dictionary.actor(role.actor).code + "\t" + role.role + "\t" + role.basis + "\t[" +
                 role.where + "]\n";
        }
        break;
      }
    }
  }
  return out;
}

std::string DescribeText(const ActorDictionary& dictionary, std::string_view text, CivilDate date) {
  std::string out;
  const Segmentation segmentation = Segment(text);
  DocumentActors document(date);
  ActorScratch scratch;
  std::vector<ActorMention> mentions;
  for (const Sentence& sentence : segmentation.sentences) {
    mentions.clear();
    dictionary.FindInSentence(text, segmentation, sentence, scratch, document, mentions);
    for (const ActorMention& mention : mentions) {
      const uint32_t begin = segmentation.tokens[mention.first_token].begin;
      const uint32_t end = segmentation.tokens[mention.end_token - 1].end;
      out += dictionary.actor(dictionary.ActorAt(mention, date)).code;
      if (mention.partner != kNoActor) out += "+" + dictionary.actor(mention.partner).code;
      out += "\t" + std::string(text.substr(begin, end - begin));
      if (mention.person != kNoPerson) out += "\t(" + dictionary.person(mention.person).name + ")";
      out += "\n";
    }
  }
  return out;
}

std::string DescribeStats(const ActorDictionary& dictionary) {
  const ActorDictionary::Stats stats = dictionary.ComputeStats();
  std::string out;
  out += "states (ISO 3166)\t" + std::to_string(stats.states) + "\n";
  out += "names of states\t" + std::to_string(stats.state_names) + "\n";
  out += "organisations\t" + std::to_string(stats.organizations) + "\n";
  out += "names of organisations\t" + std::to_string(stats.org_names) + "\n";
  out += "people\t" + std::to_string(stats.people) + "\n";
  out += "roles\t" + std::to_string(stats.roles) + " (" + std::to_string(stats.open_roles) +
         " still open)\n";
  out += "roles by kind\n";
  for (const auto& [role, count] : stats.roles_by_kind) {
    out += "  " + role + "\t" + std::to_string(count) + "\n";
  }
  out += "people by state or organisation\n";
  for (const auto& [code, count] : stats.people_by_actor) {
    out += "  " + code + "\t" + std::to_string(count) + "\n";
  }
  return out;
}

const char* ActorSuggestionKindName(ActorSuggestion::Kind kind) {
  switch (kind) {
    case ActorSuggestion::Kind::kState:
      return "state";
    case ActorSuggestion::Kind::kOrganisation:
      return "organisation";
    case ActorSuggestion::Kind::kSector:
      return "sector";
    case ActorSuggestion::Kind::kPerson:
      return "person";
  }
  return "";
}

namespace {

// How well a name matches the typed prefix: 0 = not at all, higher = better.
int NameMatch(std::string_view name, const std::string& folded_prefix) {
  const std::string folded = Folded(name);
  if (folded.rfind(folded_prefix, 0) == 0) return folded.size() == folded_prefix.size() ? 4 : 3;
  for (size_t i = 1; i < folded.size(); ++i) {
    const char before = folded[i - 1];
    if ((before == ' ' || before == '-' || before == '(') &&
        folded.compare(i, folded_prefix.size(), folded_prefix) == 0) {
      return 2;
    }
  }
  return 0;
}

bool CodeMatches(std::string_view code, std::string_view prefix) {
  if (prefix.size() > code.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = prefix[i];
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper != code[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<ActorSuggestion> SuggestActors(const ActorDictionary& dictionary,
                                           std::string_view prefix, CivilDate date, size_t limit) {
  struct Ranked {
    int score;
    ActorSuggestion suggestion;
  };
  std::vector<Ranked> ranked;
  if (prefix.empty() || limit == 0) return {};
  const std::string folded_prefix = Folded(prefix);
  if (folded_prefix.empty()) return {};
  for (size_t i = 0; i < dictionary.actor_count(); ++i) {
    const Actor& actor = dictionary.actor(static_cast<uint32_t>(i));
    int score = 0;
    if (CodeMatches(actor.code, prefix)) score = actor.code.size() == prefix.size() ? 10 : 5;
    score = std::max(score, NameMatch(actor.name, folded_prefix));
    if (score == 0) continue;
    ActorSuggestion suggestion;
    suggestion.kind = !actor.sector.empty() ? ActorSuggestion::Kind::kSector
                      : !actor.org.empty()  ? ActorSuggestion::Kind::kOrganisation
                                            : ActorSuggestion::Kind::kState;
    suggestion.code = actor.code;
    suggestion.name = actor.name;
    ranked.push_back({score * 10 + 3 - static_cast<int>(suggestion.kind), std::move(suggestion)});
  }
  for (size_t i = 0; i < dictionary.person_count(); ++i) {
    const Person& person = dictionary.person(static_cast<uint32_t>(i));
    int score = NameMatch(person.name, folded_prefix);
    for (const std::string& alias : person.aliases) {
      score = std::max(score, NameMatch(alias, folded_prefix));
    }
    if (score == 0) continue;
    for (const PersonRole& role : person.roles) {
      ActorSuggestion suggestion;
      suggestion.kind = ActorSuggestion::Kind::kPerson;
      suggestion.code = dictionary.actor(role.actor).code;
      suggestion.name = person.name;
      suggestion.role = role.role;
      suggestion.from = role.from;
      if (!role.open) suggestion.until = role.until;
      const bool current = !(date < role.from) && !(role.until < date);
      ranked.push_back({score * 10 + (current ? 1 : 0), std::move(suggestion)});
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.suggestion.name.size() != b.suggestion.name.size()) {
      return a.suggestion.name.size() < b.suggestion.name.size();
    }
    return a.suggestion.from.value_or(CivilDate{}) > b.suggestion.from.value_or(CivilDate{});
  });
  std::vector<ActorSuggestion> out;
  for (size_t i = 0; i < ranked.size() && out.size() < limit; ++i) {
    out.push_back(std::move(ranked[i].suggestion));
  }
  return out;
}

}  // namespace dyad
