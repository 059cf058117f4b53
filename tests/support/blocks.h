// The files of golden cases and coder corpora (tests/golden/, tests/corpus/):
// cases separated by blank lines, each line "key: value" or a bare word
// ("none"); lines starting with # are comments.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "base/text_file.h"

namespace dyad::testing {

struct BlockLine {
  int number = 0;  // 1-based line number in the file
  std::string key;
  std::string value;
  bool has_value = false;  // written "key: value" (a bare word has none)
};
using Block = std::vector<BlockLine>;

inline std::vector<Block> ReadBlocks(const std::string& path) {
  auto content = ReadTextFile(path);
  EXPECT_TRUE(content.ok()) << content.status().message();
  std::vector<Block> blocks(1);
  std::istringstream in(content.ok() ? *content : "");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    BlockLine parsed;
    parsed.number = number;
    const size_t colon = line.find(": ");
    parsed.has_value = colon != std::string::npos;
    parsed.key = parsed.has_value ? line.substr(0, colon) : line;
    if (parsed.has_value) parsed.value = line.substr(colon + 2);
    blocks.back().push_back(std::move(parsed));
  }
  if (blocks.back().empty()) blocks.pop_back();
  return blocks;
}

}  // namespace dyad::testing
