// clean: turns raw article bytes into the clean text every later stage reads.
//
// Promises about the returned text:
//  - valid UTF-8: every invalid byte sequence is replaced by U+FFFD and
//    counted, so a bad byte never loses the rest of the article;
//  - Unicode NFC, so "Nicolás" is one spelling whatever the input used;
//  - line breaks are "\n" (CRLF and lone CR converted), other C0 control
//    characters (except tab) and the byte-order mark are removed.
// Boilerplate and spam removal belong here too (a later slice).
// CleanText is pure and thread-safe; its cost is linear in the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad {

struct CleanResult {
  std::string text;
  size_t invalid_sequences = 0;     // bytes sequences replaced with U+FFFD
  size_t first_invalid_offset = 0;  // byte offset in the raw input of the first one
};

CleanResult CleanText(std::string_view raw);

// Only the UTF-8 repair step: valid UTF-8 out, invalid sequences replaced by
// U+FFFD and counted. Readers use it before handing bytes to a JSON parser.
CleanResult RepairUtf8(std::string_view raw);

}  // namespace dyad
