// Reading small text files (dictionaries, tables) whole, and splitting the
// "name; name; ..." lists the dictionaries use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dyad {

// The file's bytes; NotFound or IoError naming `path` otherwise.
StatusOr<std::string> ReadTextFile(const std::string& path);

// A line of a dictionary file with its 1-based number; comments (#) and blank
// lines are skipped, a trailing \r is removed.
struct DictionaryLine {
  int number = 0;
  std::string_view text;
};
std::vector<DictionaryLine> DictionaryLines(std::string_view content);

// Splits at `separator`, trims spaces and tabs, drops empty items.
std::vector<std::string_view> SplitAndTrim(std::string_view text, char separator);

}  // namespace dyad
