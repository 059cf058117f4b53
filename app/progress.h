// The progress line of long commands (ingest, code, extract) and their
// messages on standard error.
//
// On a terminal, and unless --quiet, one line is redrawn in place at most
// five times a second: documents done, MB read, MB/s, events, errors and the
// time left (from the sizes of the input files). Off a terminal (a pipe, a
// log file, CI) it draws nothing, so logs hold only the messages. Messages
// erase the line first and are printed unless quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace dyad::app {

class ProgressLine {
 public:
  explicit ProgressLine(bool quiet);
  // For tests: draw (or not) whatever standard error is.
  ProgressLine(bool quiet, bool terminal);
  ~ProgressLine() { Finish(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // The bytes of all inputs (0: unknown, such as standard input).
  void SetTotalBytes(uint64_t bytes) { total_bytes_ = bytes; }
  // One document read (its text's bytes) and coded (its events).
  void AddDocument(uint64_t text_bytes, size_t events);
  // An input finished: what was read of it now counts exactly as its size.
  void FinishInput(uint64_t input_bytes);
  void AddError() { ++errors_; }

  // "dyad: TEXT" on standard error unless quiet.
  void Message(const std::string& text);
  // Erases the line (end of the run).
  void Finish();

  // The line as drawn, for tests.
  std::string Render() const;

 private:
  void Draw();

  bool quiet_;
  bool enabled_;
  bool drawn_ = false;
  uint64_t total_bytes_ = 0;
  uint64_t done_bytes_ = 0;        // whole inputs finished
  uint64_t input_read_bytes_ = 0;  // of the input being read
  size_t documents_ = 0, events_ = 0, errors_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace dyad::app
