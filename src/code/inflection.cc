#include "code/inflection.h"

#include <algorithm>

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

// "travel" -> "travelled" as well as "traveled": British spelling doubles
// a final "l" after one vowel in verbs of more than one syllable, which the
// American does not. One-syllable verbs ("fail", "pull") never get here.
bool DoublesLInBritish(std::string_view lemma) {
  if (lemma.size() < 4 || lemma.back() != 'l') return false;
  const char middle = lemma[lemma.size() - 2], before = lemma[lemma.size() - 3];
  if (!IsVowel(middle) || IsVowel(before)) return false;
  int vowel_groups = 0;
  for (size_t i = 0; i < lemma.size(); ++i) {
    if (IsVowel(lemma[i]) && (i == 0 || !IsVowel(lemma[i - 1]))) ++vowel_groups;
  }
  return vowel_groups >= 2;
}

std::string ThirdPerson(std::string_view lemma) {
  const std::string base(lemma);
  if (lemma.ends_with("s") || lemma.ends_with("x") || lemma.ends_with("z") ||
      lemma.ends_with("ch") || lemma.ends_with("sh") || lemma.ends_with("o")) {
    return base + "es";
  }
  if (EndsWithConsonantY(lemma)) return base.substr(0, base.size() - 1) + "ies";
  return base + "s";
}

std::string RegularPast(std::string_view lemma) {
  const std::string base(lemma);
  if (lemma.ends_with("e")) return base + "d";
  if (EndsWithConsonantY(lemma)) return base.substr(0, base.size() - 1) + "ied";
  if (DoublesFinalConsonant(lemma)) return base + base.back() + "ed";
  return base + "ed";
}

// "expel" -> "expelling" when irregular_verbs.tsv doubles the consonant in
// the past ("expelled"): the -ing form doubles it too.
std::string PresentParticiple(std::string_view lemma, std::string_view past) {
  if (!lemma.empty() && past.size() == lemma.size() + 3 && past.starts_with(lemma) &&
      past[lemma.size()] == lemma.back() && past.ends_with("ed")) {
    return std::string(lemma) + lemma.back() + "ing";
  }
  const std::string base(lemma);
  if (lemma.ends_with("ie")) return base.substr(0, base.size() - 2) + "ying";
  // "agree", "eye", "hoe" keep their "e": "agreeing", "eyeing", "canoeing".
  if (lemma.ends_with("e") && !lemma.ends_with("ee") && !lemma.ends_with("ye") &&
      !lemma.ends_with("oe") && lemma.size() > 2) {
    return base.substr(0, base.size() - 1) + "ing";
  }
  if (DoublesFinalConsonant(lemma)) return base + base.back() + "ing";
  return base + "ing";
}

std::vector<std::string> VerbForms(std::string_view lemma, std::string_view irregular_past,
                                   std::string_view irregular_participle) {
  std::vector<std::string> forms{std::string(lemma)};
  if (lemma.empty()) return forms;
  if (lemma == "be") return {"am", "are", "be", "been", "being", "is", "was", "were"};
  forms.push_back(ThirdPerson(lemma));
  forms.push_back(irregular_past.empty() ? RegularPast(lemma) : std::string(irregular_past));
  forms.push_back(irregular_participle.empty() ? forms.back() : std::string(irregular_participle));
  forms.push_back(PresentParticiple(lemma, irregular_past));
  if (irregular_past.empty() && DoublesLInBritish(lemma)) {
    forms.push_back(std::string(lemma) + "led");
    forms.push_back(std::string(lemma) + "ling");
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

}  // namespace dyad
