#include "base/utf8.h"

namespace dyad {

Utf8CodePoint DecodeUtf8At(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  const uint32_t size = (lead >> 5) == 0x6    ? 2
                        : (lead >> 4) == 0xE  ? 3
                        : (lead >> 3) == 0x1E ? 4
                                              : 0;
  if (size == 0 || pos + size > text.size()) return {-1, 1};
  uint32_t value = lead & (0x7Fu >> size);
  for (uint32_t k = 1; k < size; ++k) {
    const auto next = static_cast<unsigned char>(text[pos + k]);
    if ((next & 0xC0) != 0x80) return {-1, 1};
    value = (value << 6) | (next & 0x3Fu);
  }
  static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kSmallest[size] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {-1, 1};
  }
  return {static_cast<int32_t>(value), size};
}

bool IsValidUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const Utf8CodePoint c = DecodeUtf8At(text, pos);
    if (c.value < 0) return false;
    pos += c.size;
  }
  return true;
}

}  // namespace dyad
