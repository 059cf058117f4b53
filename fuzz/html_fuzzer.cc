// Fuzzes HTML extraction: charset sniffing and conversion, the SAX parse,
// text blocks and metadata. The first byte picks the charset the HTTP
// header would have named, so iconv's converters are exercised too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kCharsets[] = {"",          "utf-8",    "iso-8859-1", "windows-1251",
                                          "shift_jis", "utf-16le", "gb2312",     "x-unknown"};
  dyad::PageContext context;
  context.id = "fuzz";
  context.origin = "fuzz.html";
  context.url = "https://example.org/a/b";
  if (size > 0) {
    context.charset = kCharsets[data[0] % (sizeof kCharsets / sizeof kCharsets[0])];
    ++data;
    --size;
  }
  std::vector<std::string> warnings;
  (void)dyad::ExtractHtml(std::string_view(reinterpret_cast<const char*>(data), size), context,
                          &warnings);
  return 0;
}
