// Paths for test files that no other test, in this binary or another run in
// parallel by ctest -j, can be using.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

namespace dyad::testing {

inline std::string TempPath(const std::string& name) {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "/dyad-" + std::to_string(getpid()) + "-" +
         (test ? std::string(test->test_suite_name()) + "." + test->name() : "global") + "-" + name;
}

}  // namespace dyad::testing
