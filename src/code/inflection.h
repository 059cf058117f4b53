// code/inflection.h: the inflected forms of an English verb, by the regular
// rules of spelling. What the rules get wrong ("broke", "sought") comes from
// data/irregular_verbs.tsv, which the caller passes in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// Every inflected form of a verb lemma: lemma, third person singular, past,
// past participle, present participle. `irregular_past` and
// `irregular_participle` replace the regular forms when not empty.
std::vector<std::string> VerbForms(std::string_view lemma, std::string_view irregular_past = {},
                                   std::string_view irregular_participle = {});

// The forms one by one, for a builder that flags each with what it is.
std::string ThirdPerson(std::string_view lemma);
std::string RegularPast(std::string_view lemma);
// `past`, when irregular, says whether the final consonant doubles.
std::string PresentParticiple(std::string_view lemma, std::string_view past = {});
// "travel" also gives "travelled" and "travelling".
bool DoublesLInBritish(std::string_view lemma);

}  // namespace dyad
