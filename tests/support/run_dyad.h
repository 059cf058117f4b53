// Runs the `dyad` binary under test (DYAD_BINARY, set per test target in
// tests/CMakeLists.txt) and captures what it printed and how it exited.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/temp_path.h"

namespace dyad::testing {

struct DyadRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `prefix dyad arguments` through the shell (arguments is a shell
// fragment), with `input` on standard input.
inline DyadRun RunDyad(const std::string& arguments, const std::string& input = "",
                       const std::string& prefix = "") {
  const std::string in_path = TempPath("in"), out_path = TempPath("out"),
                    err_path = TempPath("err");
  std::ofstream(in_path, std::ios::binary) << input;
  const std::string command = prefix + std::string(DYAD_BINARY) + " " + arguments + " <" + in_path +
                              " >" + out_path + " 2>" + err_path;
  const int status = std::system(command.c_str());
  DyadRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = Slurp(out_path);
  run.err = Slurp(err_path);
  for (const std::string& path : {in_path, out_path, err_path}) std::remove(path.c_str());
  return run;
}

}  // namespace dyad::testing
