#include "extract/charset.h"

#include <iconv.h>

#include <cerrno>
#include <memory>
#include <unordered_map>

#include "clean/clean.h"

namespace dyad::extract_internal {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The value after "charset" at `at` (which points just past the word) in
// lower-case text: optional spaces, '=', optional quote, then the label.
std::string ValueAfterCharset(std::string_view lower, size_t at) {
  while (at < lower.size() && IsSpace(lower[at])) ++at;
  if (at >= lower.size() || lower[at] != '=') return "";
  ++at;
  while (at < lower.size() && IsSpace(lower[at])) ++at;
  if (at < lower.size() && (lower[at] == '"' || lower[at] == '\'')) ++at;
  size_t end = at;
  while (end < lower.size() && !IsSpace(lower[end]) && lower[end] != '"' && lower[end] != '\'' &&
         lower[end] != ';' && lower[end] != '>' && lower[end] != '/' && lower[end] != ',') {
    ++end;
  }
  return std::string(lower.substr(at, end - at));
}

// Browsers' reading of common labels (the WHATWG Encoding Standard): the
// Latin-1 family is windows-1252 in practice, GB2312 is GBK.
std::string IconvName(const std::string& label) {
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "l1" ||
      label == "us-ascii" || label == "ascii" || label == "iso_8859-1" || label == "cp1252" ||
      label == "windows-1252" || label == "x-cp1252") {
    return "WINDOWS-1252";
  }
  if (label == "gb2312" || label == "x-gbk") return "GBK";
  if (label == "x-sjis" || label == "shift-jis" || label == "sjis") return "SHIFT_JIS";
  if (label == "ks_c_5601-1987") return "CP949";
  return label;
}

bool IsUtf8Label(const std::string& label) {
  return label.empty() || label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8";
}

// iconv descriptors are costly to open; each thread keeps the ones it used.
class ConverterCache {
 public:
  ~ConverterCache() {
    for (auto& [name, converter] : converters_) {
      if (converter != kNone) iconv_close(converter);
    }
  }
  // kNone when iconv does not know `name`.
  iconv_t Get(const std::string& name) {
    auto found = converters_.find(name);
    if (found == converters_.end()) {
      found = converters_.emplace(name, iconv_open("UTF-8", name.c_str())).first;
    }
    if (found->second != kNone) iconv(found->second, nullptr, nullptr, nullptr, nullptr);
    return found->second;
  }
  static inline const iconv_t kNone = reinterpret_cast<iconv_t>(-1);

 private:
  std::unordered_map<std::string, iconv_t> converters_;
};

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string lower = LowerCopy(content_type);
  const size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  return ValueAfterCharset(lower, at + 7);
}

std::string_view CharsetFromBom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (bytes.starts_with("\xFF\xFE")) return "utf-16le";
  if (bytes.starts_with("\xFE\xFF")) return "utf-16be";
  return "";
}

std::string SniffDeclaredCharset(std::string_view page) {
  // Browsers look at the first 1024 bytes; pages with long inline scripts
  // push the declaration further, so look a little further.
  const std::string lower = LowerCopy(page.substr(0, 4096));
  if (lower.starts_with("<?xml")) {
    const size_t end = lower.find("?>");
    const size_t at = lower.find("encoding");
    if (at != std::string::npos && at < end) {
      std::string value = ValueAfterCharset(lower, at + 8);
      if (!value.empty()) return value;
    }
  }
  size_t at = 0;
  while ((at = lower.find("<meta", at)) != std::string::npos) {
    const size_t end = lower.find('>', at);
    const std::string_view tag =
        std::string_view(lower).substr(at, end == std::string::npos ? std::string::npos : end - at);
    const size_t charset = tag.find("charset");
    if (charset != std::string_view::npos) {
      std::string value = ValueAfterCharset(tag, charset + 7);
      if (!value.empty()) return value;
    }
    at += 5;
  }
  return "";
}

Utf8Text ConvertToUtf8(std::string_view bytes, std::string_view charset) {
  Utf8Text result;
  const std::string label = LowerCopy(charset);
  if (IsUtf8Label(label)) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    CleanResult repaired = RepairUtf8(bytes);
    result.text = std::move(repaired.text);
    result.invalid_sequences = repaired.invalid_sequences;
    return result;
  }
  thread_local ConverterCache cache;
  iconv_t converter = cache.Get(IconvName(label));
  if (converter == ConverterCache::kNone) {
    result = ConvertToUtf8(bytes, "utf-8");
    result.unknown_charset = true;
    return result;
  }
  result.text.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t out_used = 0;
  while (in_left > 0) {
    char* out = result.text.data() + out_used;
    size_t out_left = result.text.size() - out_used;
    const size_t converted = iconv(converter, &in, &in_left, &out, &out_left);
    out_used = result.text.size() - out_left;
    if (converted != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      result.text.resize(result.text.size() * 2);
      continue;
    }
    // EILSEQ (a byte the charset does not define) or EINVAL (a sequence cut
    // off at the end): one replacement character, then go on.
    if (result.text.size() - out_used < kReplacement.size())
      result.text.resize(result.text.size() * 2);
    result.text.replace(out_used, kReplacement.size(), kReplacement);
    out_used += kReplacement.size();
    ++result.invalid_sequences;
    ++in;
    --in_left;
    iconv(converter, nullptr, nullptr, nullptr, nullptr);
  }
  result.text.resize(out_used);
  return result;
}

}  // namespace dyad::extract_internal
