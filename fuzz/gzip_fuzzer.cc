// Fuzzes the streaming gzip reader (members, padding, truncation) through
// Gunzip, which wraps the same source the file readers use.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)dyad::Gunzip(std::string_view(reinterpret_cast<const char*>(data), size), 4 << 20);
  return 0;
}
