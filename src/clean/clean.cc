#include "clean/clean.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <vector>

#include "base/ascii_bytes.h"
#include "base/utf8.h"
#include "clean/boilerplate.h"

namespace dyad {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// What the encoding pass does with an ASCII byte: copy it as part of a run,
// or stop the run (a line break, a control character, or a non-ASCII byte).
constexpr auto kStopsRun = [] {
  std::array<bool, 256> stops{};
  for (int c = 0; c < 256; ++c) stops[c] = c < 0x20 || c >= 0x7F;
  return stops;
}();

// The end of the run of bytes from `position` on that the encoding pass
// copies as they are: eight at a time while eight remain, as nearly every
// byte of news text is one.
size_t RunEnd(std::string_view raw, size_t position) {
  if constexpr (kEightByteTests) {
    for (; position + 8 <= raw.size(); position += 8) {
      const uint64_t stops = ~AsciiPrintableBits(LoadEightBytes(raw, position)) & kByteHighBits;
      if (stops != 0) return position + FirstByteOf(stops);
    }
  }
  while (position < raw.size() && !kStopsRun[static_cast<unsigned char>(raw[position])]) {
    ++position;
  }
  return position;
}

// A code point is NFC-stable when the normalisation of any text cuts before
// it and leaves it alone: it is a starter (combining class 0) without a
// canonical decomposition that never composes with what precedes it. This is
// the quick-check of UAX #15 made stricter (precomposed letters above U+0300,
// NFC_QC=Yes, are treated as unstable: they merely cost a utf8proc call), so
// that it can be read off utf8proc's properties. clean_test checks it against
// utf8proc_NFC for every code point and every canonical composition.
bool IsNfcStable(int32_t code_point) {
  // Below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifier
  // letters) every code point is a starter, none composes with a preceding
  // one, and the precomposed letters (U+00C0 "À" ...) are their own NFC.
  if (code_point < 0x300) return true;
  // Hangul jamo compose algorithmically (L+V, LV+T), outside the property table.
  if (code_point >= 0x1100 && code_point <= 0x11FF) return false;
  const utf8proc_property_t* property = utf8proc_get_property(code_point);
  if (property->combining_class != 0) return false;
  // Canonical decompositions (decomp_type 0); compatibility ones are kept by NFC.
  if (property->decomp_seqindex != UINT16_MAX && property->decomp_type == 0) return false;
  // comb_index marks the second code point of a composition with bit 15.
  if (property->comb_index != UINT16_MAX && property->comb_index >= 0x8000) return false;
  return true;
}

// Appends the NFC form of `span` (valid UTF-8) to `out`, through `scratch`.
void AppendNfcSpan(std::string_view span, std::vector<utf8proc_int32_t>& scratch,
                   std::string& out) {
  constexpr auto kOptions = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(span.data());
  const auto size = static_cast<utf8proc_ssize_t>(span.size());
  // A decomposition is a few code points per code point; grow and retry on
  // the rare longer one.
  if (scratch.size() < span.size() * 2 + 8) scratch.resize(span.size() * 2 + 8);
  utf8proc_ssize_t count = utf8proc_decompose(
      bytes, size, scratch.data(), static_cast<utf8proc_ssize_t>(scratch.size()), kOptions);
  if (count > static_cast<utf8proc_ssize_t>(scratch.size())) {
    scratch.resize(static_cast<size_t>(count));
    count = utf8proc_decompose(bytes, size, scratch.data(), count, kOptions);
  }
  if (count < 0) {  // cannot happen for valid UTF-8
    out.append(span);
    return;
  }
  // Composes, then writes UTF-8 over the buffer (never longer than 4 bytes a
  // code point).
  const utf8proc_ssize_t length = utf8proc_reencode(scratch.data(), count, kOptions);
  if (length < 0) {
    out.append(span);
    return;
  }
  out.append(reinterpret_cast<const char*>(scratch.data()), static_cast<size_t>(length));
}

}  // namespace

std::string ToNfc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::vector<utf8proc_int32_t> scratch;
  // NFC(text) is the concatenation of the NFC of its pieces when each piece
  // starts at a stable code point. Runs of stable code points are copied;
  // each stretch holding an unstable one is normalised from the stable code
  // point before it (which it may compose with) up to the next stable one.
  size_t copied = 0;       // text[0, copied) is in `out`
  size_t last_stable = 0;  // where the last stable code point starts
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      last_stable = pos++;
      continue;
    }
    const Utf8CodePoint c = DecodeUtf8At(text, pos);
    // A byte that is not UTF-8 (not expected here) goes to utf8proc, which
    // then leaves its stretch as it is.
    if (c.value >= 0 && IsNfcStable(c.value)) {
      last_stable = pos;
      pos += c.size;
      continue;
    }
    const size_t begin = std::max(last_stable, copied);
    size_t end = pos + c.size;
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
      const Utf8CodePoint next = DecodeUtf8At(text, end);
      if (next.value >= 0 && IsNfcStable(next.value)) break;
      end += next.size;
    }
    out.append(text.substr(copied, begin - copied));
    AppendNfcSpan(text.substr(begin, end - begin), scratch, out);
    copied = end;
    last_stable = end;
    pos = end;
  }
  out.append(text.substr(copied));
  return out;
}

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
  // One pass repairs the encoding, converts line breaks, drops control
  // characters and byte-order marks, and notes whether any code point could
  // be changed by NFC. Most news text has none, and skips normalisation.
  CleanResult result;
  std::string& text = result.text;
  text.reserve(raw.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(raw.data());
  bool maybe_not_nfc = false;
  size_t position = 0;
  while (position < raw.size()) {
    const size_t run = RunEnd(raw, position);
    text.append(raw.data() + position, run - position);
    position = run;
    if (position >= raw.size()) break;
    const auto c = static_cast<unsigned char>(raw[position]);
    if (c < 0x80) {
      if (c == '\r') {
        text.push_back('\n');
        if (position + 1 < raw.size() && raw[position + 1] == '\n') ++position;
      } else if (c == '\n' || c == '\t') {
        text.push_back(static_cast<char>(c));
      }  // other C0 controls and DEL are dropped
      ++position;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(
        bytes + position, static_cast<utf8proc_ssize_t>(raw.size() - position), &code_point);
    if (length < 0) {
      if (result.invalid_sequences++ == 0) result.first_invalid_offset = position;
      text.append(kReplacement);
      ++position;  // resynchronise at the next byte
      continue;
    }
    if (code_point != 0xFEFF) {  // the byte-order mark is dropped
      text.append(raw.data() + position, static_cast<size_t>(length));
      maybe_not_nfc = maybe_not_nfc || !IsNfcStable(code_point);
    }
    position += static_cast<size_t>(length);
  }

  if (maybe_not_nfc) text = ToNfc(text);
  if (options.remove_boilerplate) {
    RemoveBoilerplateInPlace(text, &result.removed_lines, options.site_template, options.site);
  }
  return result;
}

}  // namespace dyad
