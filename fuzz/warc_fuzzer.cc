// Fuzzes the WARC reader: record framing, HTTP bodies (chunked, gzip,
// deflate), charsets and HTML extraction behind them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::ReaderOptions options;
  options.format = dyad::InputFormat::kWarc;
  options.max_record_bytes = 1 << 20;
  dyad::ReadCallbacks callbacks;
  callbacks.on_document = [](dyad::Document&&) {};
  callbacks.on_issue = [](const dyad::ReadIssue&) {};
  (void)dyad::ReadBuffer("fuzz.warc", std::string_view(reinterpret_cast<const char*>(data), size),
                         options, callbacks);
  return 0;
}
