// UTF-8 decoding shared by the stages that walk text code point by code
// point (clean, segment) and the server's parameter checks.
#pragma once

#include <cstdint>
#include <string_view>

namespace dyad {

struct Utf8CodePoint {
  int32_t value;  // -1 for a byte that does not start valid UTF-8
  uint32_t size;  // in bytes, at least 1
};

// The code point starting at byte `pos` (< text.size()). Overlong forms,
// surrogates and values above U+10FFFF are invalid: {-1, 1}, so a caller
// can step over the bad byte.
Utf8CodePoint DecodeUtf8At(std::string_view text, size_t pos);

// Whether all of `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace dyad
