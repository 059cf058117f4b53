// Text descriptions of dictionary entries for `dyad actors`.
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
  const auto entries = dictionary.Lookup(name);
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

}  // namespace dyad
