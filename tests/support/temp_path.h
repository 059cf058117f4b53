// Paths for test files that no other test, in this binary or another run in
// parallel by ctest -j, can be using.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace dyad::testing {

inline std::string TempPath(const std::string& name) {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "/dyad-" + std::to_string(getpid()) + "-" +
         (test ? std::string(test->test_suite_name()) + "." + test->name() : "global") + "-" + name;
}

// Writes `content` to a fresh TempPath(name) and returns the path.
inline std::string WriteTempFile(const std::string& name, const std::string& content) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace dyad::testing
