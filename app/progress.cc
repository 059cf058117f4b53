#include "progress.h"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace dyad::app {

ProgressLine::ProgressLine(bool quiet) : ProgressLine(quiet, isatty(STDERR_FILENO) == 1) {}

ProgressLine::ProgressLine(bool quiet, bool terminal)
    : quiet_(quiet),
      enabled_(!quiet && terminal),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressLine::AddDocument(uint64_t text_bytes, size_t events) {
  ++documents_;
  events_ += events;
  input_read_bytes_ += text_bytes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  Draw();
}

void ProgressLine::FinishInput(uint64_t input_bytes) {
  done_bytes_ += input_bytes;
  input_read_bytes_ = 0;
}

void ProgressLine::Message(const std::string& text) {
  if (quiet_) return;
  if (drawn_) {
    std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }
  fmt::print(stderr, "dyad: {}\n", text);
}

void ProgressLine::Finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

std::string ProgressLine::Render() const {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // Text read from a compressed input can outgrow the file: count the file.
  uint64_t read = done_bytes_ + input_read_bytes_;
  if (total_bytes_ > 0) read = std::min(read, total_bytes_);
  const double megabytes = static_cast<double>(read) / 1e6;
  const double rate = seconds > 0 ? megabytes / seconds : 0.0;
  std::string line = fmt::format(
      "dyad: {} document(s), {:.1f} MB, {:.1f} MB/s, {} event(s), {} "
      "error(s)",
      documents_, megabytes, rate, events_, errors_);
  if (total_bytes_ > 0 && rate > 0) {
    const double left = (static_cast<double>(total_bytes_ - read) / 1e6) / rate;
    const auto whole = static_cast<long>(left + 0.5);
    line += fmt::format(", {}:{:02d} left", whole / 60, whole % 60);
  }
  return line;
}

void ProgressLine::Draw() {
  fmt::print(stderr, "\r\033[K{}", Render());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace dyad::app
