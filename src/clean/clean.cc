#include "clean/clean.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace dyad {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

CleanResult RepairUtf8(std::string_view raw) {
  CleanResult result;
  result.text.reserve(raw.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(raw.data());
  size_t position = 0;
  while (position < raw.size()) {
    // ASCII runs are the common case; copy them without decoding.
    size_t run = position;
    while (run < raw.size() && static_cast<unsigned char>(raw[run]) < 0x80) ++run;
    result.text.append(raw.data() + position, run - position);
    position = run;
    if (position >= raw.size()) break;
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(
        bytes + position, static_cast<utf8proc_ssize_t>(raw.size() - position), &code_point);
    if (length < 0) {
      if (result.invalid_sequences++ == 0) result.first_invalid_offset = position;
      result.text.append(kReplacement);
      ++position;  // resynchronise at the next byte
      continue;
    }
    result.text.append(raw.data() + position, static_cast<size_t>(length));
    position += static_cast<size_t>(length);
  }
  return result;
}

CleanResult CleanText(std::string_view raw, const CleanOptions& options) {
  CleanResult result = RepairUtf8(raw);
  std::string& text = result.text;

  // Line breaks and control characters, in place.
  size_t out = 0;
  for (size_t in = 0; in < text.size(); ++in) {
    const unsigned char c = static_cast<unsigned char>(text[in]);
    if (c == '\r') {
      text[out++] = '\n';
      if (in + 1 < text.size() && text[in + 1] == '\n') ++in;
    } else if (c < 0x20 && c != '\n' && c != '\t') {
      continue;
    } else if (c == 0x7F) {
      continue;
    } else if (c == 0xEF && in + 2 < text.size() &&
               static_cast<unsigned char>(text[in + 1]) == 0xBB &&
               static_cast<unsigned char>(text[in + 2]) == 0xBF) {
      in += 2;  // byte-order mark
    } else {
      text[out++] = static_cast<char>(c);
    }
  }
  text.resize(out);

  if (!IsAscii(text)) {
    std::unique_ptr<utf8proc_uint8_t, void (*)(void*)> normalised(
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str())), &std::free);
    if (normalised) text.assign(reinterpret_cast<const char*>(normalised.get()));
  }
  if (options.remove_boilerplate) {
    text = RemoveBoilerplate(text, &result.removed_lines, options.site_template, options.site);
  }
  return result;
}

}  // namespace dyad
