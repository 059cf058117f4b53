// ontology: the CAMEO event codebook as data.
//
// Loads data/cameo.tsv (format documented at the top of that file): every
// CAMEO event code with its name, QuadClass and Goldstein score. The loaded
// Ontology is immutable and safe to share across threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dyad {

// GDELT's QuadClass: roots 01-04 verbal cooperation, 05-08 material
// cooperation, 09-13 verbal conflict, 14-20 material conflict.
enum class QuadClass : int {
  kVerbalCooperation = 1,
  kMaterialCooperation = 2,
  kVerbalConflict = 3,
  kMaterialConflict = 4,
};

// The QuadClass every code under root `root` (1..20) belongs to; 0 if the
// root does not exist.
int QuadClassOfRoot(int root);

struct EventType {
  std::string code;  // "161", "0211", "20"
  std::string name;  // "Reduce or break diplomatic relations"
  int quad_class = 0;
  double goldstein = 0.0;  // -10 (conflict) .. +10 (cooperation)

  std::string root() const { return code.substr(0, 2); }
};

class Ontology {
 public:
  // Parses the TSV text; `origin` names the file in error messages.
  static StatusOr<Ontology> Parse(std::string_view text, std::string_view origin);
  static StatusOr<Ontology> LoadFile(const std::string& path);

  // nullptr when `code` is not in the codebook.
  const EventType* Find(std::string_view code) const;
  const std::vector<EventType>& types() const { return types_; }  // sorted by code

 private:
  std::vector<EventType> types_;
};

}  // namespace dyad
