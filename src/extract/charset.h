// Private to the extract stage: finding a page's character encoding and
// converting it to UTF-8 with iconv (glibc).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad::extract_internal {

// ASCII case and whitespace as HTML and HTTP headers use them: the readers'
// shared vocabulary (other bytes are left as they are).
inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline std::string LowerCopy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Lower(c);
  return out;
}
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"
// gives "iso-8859-1"), lower case; empty when there is none.
std::string CharsetFromContentType(std::string_view content_type);

// The charset a byte-order mark at the start of `bytes` announces, or empty.
std::string_view CharsetFromBom(std::string_view bytes);

// The charset the page declares in its first bytes, as a browser's prescan
// finds it: <meta charset=...>, <meta http-equiv="Content-Type"
// content="...; charset=...">, or an XML declaration's encoding. Lower case;
// empty when there is none.
std::string SniffDeclaredCharset(std::string_view page);

struct Utf8Text {
  std::string text;              // valid UTF-8
  size_t invalid_sequences = 0;  // bytes that did not decode, each now U+FFFD
  bool unknown_charset = false;  // iconv does not know it: read as UTF-8 instead
};

// Converts `bytes` from `charset` (a label as found in a page; empty means
// UTF-8) to UTF-8. Labels are read as browsers read them: ISO-8859-1, ASCII
// and Latin-1 mean windows-1252.
Utf8Text ConvertToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace dyad::extract_internal
