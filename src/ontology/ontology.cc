#include "ontology/ontology.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <utility>

#include "base/text_file.h"

namespace dyad {
namespace {

constexpr double kMinGoldstein = -10.0;
constexpr double kMaxGoldstein = 10.0;

bool IsAllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The code's first two digits as a number; the code must be all digits.
int RootNumber(std::string_view code) { return (code[0] - '0') * 10 + (code[1] - '0'); }

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

// Splits `line` at tabs; empty fields are kept so that "a\t\tb" has three.
std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

// One event type as read, with the line it came from for later checks.
struct ParsedLine {
  EventType type;
  int line = 0;
};

// Parses the four fields of one data line. `where` is "origin:line".
StatusOr<EventType> ParseFields(const std::vector<std::string_view>& fields,
                                const std::string& where) {
  if (fields.size() != 4) {
    return Status::InvalidInput(where +
                                ": expected 4 tab-separated fields (code, quad_class, goldstein, "
                                "name), found " +
                                std::to_string(fields.size()));
  }
  std::string_view code = fields[0];
  std::string_view quad_text = fields[1];
  std::string_view goldstein_text = fields[2];
  std::string_view name = fields[3];

  if (code.size() < 2 || code.size() > 4 || !IsAllDigits(code)) {
    return Status::InvalidInput(where + ": code " + Quoted(code) + " is not 2 to 4 digits");
  }
  int root = RootNumber(code);
  int root_quad = QuadClassOfRoot(root);
  if (root_quad == 0) {
    return Status::InvalidInput(where + ": code " + Quoted(code) + " has root " +
                                std::string(code.substr(0, 2)) +
                                ", which is not a CAMEO root (01-20)");
  }

  if (quad_text.size() != 1 || quad_text[0] < '1' || quad_text[0] > '4') {
    return Status::InvalidInput(where + ": quad class " + Quoted(quad_text) +
                                " is not one of 1, 2, 3, 4");
  }
  int quad = quad_text[0] - '0';
  if (quad != root_quad) {
    return Status::InvalidInput(where + ": code " + Quoted(code) + " has quad class " +
                                std::to_string(quad) + ", but root " +
                                std::string(code.substr(0, 2)) + " is in quad class " +
                                std::to_string(root_quad));
  }

  double goldstein = 0.0;
  const char* first = goldstein_text.data();
  const char* last = first + goldstein_text.size();
  auto [end, error] = std::from_chars(first, last, goldstein, std::chars_format::fixed);
  if (goldstein_text.empty() || error != std::errc() || end != last) {
    return Status::InvalidInput(where + ": goldstein " + Quoted(goldstein_text) +
                                " is not a number");
  }
  // Written so that NaN fails too.
  if (!(goldstein >= kMinGoldstein && goldstein <= kMaxGoldstein)) {
    return Status::InvalidInput(where + ": goldstein " + std::string(goldstein_text) +
                                " is outside -10..10");
  }

  if (name.empty()) {
    return Status::InvalidInput(where + ": code " + Quoted(code) + " has an empty name");
  }

  EventType type;
  type.code = std::string(code);
  type.name = std::string(name);
  type.quad_class = quad;
  type.goldstein = goldstein;
  return type;
}

}  // namespace

int QuadClassOfRoot(int root) {
  if (root >= 1 && root <= 4) return static_cast<int>(QuadClass::kVerbalCooperation);
  if (root >= 5 && root <= 8) return static_cast<int>(QuadClass::kMaterialCooperation);
  if (root >= 9 && root <= 13) return static_cast<int>(QuadClass::kVerbalConflict);
  if (root >= 14 && root <= 20) return static_cast<int>(QuadClass::kMaterialConflict);
  return 0;
}

StatusOr<Ontology> Ontology::Parse(std::string_view text, std::string_view origin) {
  std::vector<ParsedLine> parsed;
  std::unordered_map<std::string_view, int> line_of_code;  // views into `text`

  for (const DictionaryLine& line : DictionaryLines(text)) {
    const int line_number = line.number;
    std::string where = std::string(origin) + ":" + std::to_string(line_number);
    std::vector<std::string_view> fields = SplitTabs(line.text);
    StatusOr<EventType> type = ParseFields(fields, where);
    if (!type.ok()) return type.status();

    auto [it, inserted] = line_of_code.emplace(fields[0], line_number);
    if (!inserted) {
      return Status::InvalidInput(where + ": duplicate code " + Quoted(fields[0]) +
                                  " (first on line " + std::to_string(it->second) + ")");
    }
    parsed.push_back({std::move(type).value(), line_number});
  }

  if (parsed.empty()) {
    return Status::InvalidInput(std::string(origin) + ": no event codes");
  }

  // Every code needs the code one digit shorter: a 4-digit code its 3-digit
  // parent, a 3-digit code its root. Checked after reading so that the file
  // order does not matter; reported in file order.
  for (const ParsedLine& entry : parsed) {
    const std::string& code = entry.type.code;
    if (code.size() == 2) continue;
    std::string_view parent = std::string_view(code).substr(0, code.size() - 1);
    if (!line_of_code.contains(parent)) {
      const char* kind = code.size() == 3 ? "root" : "parent";
      return Status::InvalidInput(std::string(origin) + ":" + std::to_string(entry.line) +
                                  ": code " + Quoted(code) + " has no " + kind + " " +
                                  Quoted(parent) + " in the file");
    }
  }

  Ontology ontology;
  ontology.types_.reserve(parsed.size());
  for (ParsedLine& entry : parsed) ontology.types_.push_back(std::move(entry.type));
  std::sort(ontology.types_.begin(), ontology.types_.end(),
            [](const EventType& a, const EventType& b) { return a.code < b.code; });
  return ontology;
}

StatusOr<Ontology> Ontology::LoadFile(const std::string& path) {
  StatusOr<std::string> text = ReadTextFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

const EventType* Ontology::Find(std::string_view code) const {
  auto it = std::lower_bound(types_.begin(), types_.end(), code,
                             [](const EventType& type, std::string_view key) {
                               return std::string_view(type.code) < key;
                             });
  if (it == types_.end() || it->code != code) return nullptr;
  return &*it;
}

}  // namespace dyad
