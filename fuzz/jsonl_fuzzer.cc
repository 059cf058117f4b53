// Fuzzes one JSON Lines record: UTF-8 repair, the JSON parse and the fields.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string warning;
  (void)dyad::ParseJsonRecord(std::string_view(reinterpret_cast<const char*>(data), size),
                              "fuzz.jsonl:1", dyad::CivilDate{2020, 1, 1}, &warning);
  return 0;
}
