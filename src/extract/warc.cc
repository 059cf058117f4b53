// WARC (ISO 28500) records to pages: record framing with recovery from
// lying Content-Lengths, then the HTTP response inside (status, headers,
// chunked transfer coding, gzip/deflate content coding).
#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "extract/charset.h"
#include "extract/readers.h"

namespace dyad::extract_internal {

namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// The end of a header block ("\r\n\r\n", or "\n\n" from sloppy writers):
// the offset just past it, or npos.
size_t HeaderEnd(std::string_view bytes) {
  const size_t crlf = bytes.find("\r\n\r\n");
  const size_t lf = bytes.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf))
    return crlf + 4;
  return lf + 2;
}

// Header fields (WARC and HTTP share the syntax) read from `block`, which
// ends at the blank line.
struct Headers {
  std::string_view first_line;
  std::vector<std::pair<std::string_view, std::string_view>> fields;

  std::string_view Get(std::string_view name) const {
    for (const auto& [field, value] : fields) {
      if (EqualsIgnoreCase(field, name)) return value;
    }
    return {};
  }
};

Headers ParseHeaders(std::string_view block) {
  Headers headers;
  bool first = true;
  while (!block.empty()) {
    const size_t newline = block.find('\n');
    std::string_view line = block.substr(0, newline);
    block.remove_prefix(newline == std::string_view::npos ? block.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      headers.first_line = line;
      first = false;
      continue;
    }
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.fields.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return headers;
}

std::optional<size_t> ParseLength(std::string_view text, int base = 10) {
  size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  return value;
}

// Decodes an HTTP/1.1 chunked body. Crawlers often store bodies already
// decoded but keep the header, so a body that does not parse as chunks at
// its first line is returned as it is.
std::string Dechunk(std::string_view body, bool* damaged) {
  std::string out;
  std::string_view rest = body;
  bool first = true;
  while (true) {
    const size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) break;
    std::string_view size_line = Trim(rest.substr(0, newline));
    size_line = size_line.substr(0, size_line.find(';'));
    const std::optional<size_t> size = ParseLength(size_line, 16);
    if (!size) {
      if (first) return std::string(body);
      *damaged = true;
      return out;
    }
    first = false;
    rest.remove_prefix(newline + 1);
    if (*size == 0) return out;
    if (*size > rest.size()) {
      *damaged = true;
      out.append(rest);
      return out;
    }
    out.append(rest.substr(0, *size));
    rest.remove_prefix(*size);
    if (rest.starts_with("\r\n"))
      rest.remove_prefix(2);
    else if (rest.starts_with("\n"))
      rest.remove_prefix(1);
  }
  if (first) return std::string(body);
  *damaged = true;
  return out;
}

bool IsHtmlType(std::string_view content_type) {
  content_type = Trim(content_type.substr(0, content_type.find(';')));
  return EqualsIgnoreCase(content_type, "text/html") ||
         EqualsIgnoreCase(content_type, "application/xhtml+xml");
}

bool LooksLikeHtml(std::string_view body) {
  const size_t start = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return start != std::string_view::npos && body[start] == '<';
}

class WarcReader {
 public:
  WarcReader(ByteStream& stream, const std::string& name, const ReaderOptions& options,
             const ReadCallbacks& callbacks)
      : stream_(stream), name_(name), options_(options), callbacks_(callbacks) {}

  Status Read() {
    size_t number = 0;
    while (true) {
      SkipBlankLines();
      if (stream_.AtEnd()) break;
      ++number;
      if (!ReadRecord(number)) break;
    }
    if (!stream_.status().ok()) {
      Issue(stream_.status().message() + " (in or after record " + std::to_string(number) +
                "; the records before it were read)",
            true);
    }
    if (number == 0 && stream_.status().ok()) {
      Issue(name_ + ": empty file, no WARC records", true);
    }
    return Status::Ok();
  }

 private:
  void Issue(std::string message, bool skipped) {
    callbacks_.on_issue({Status::InvalidInput(std::move(message)), skipped});
  }

  void SkipBlankLines() {
    while (true) {
      const std::string_view next = stream_.Peek(1);
      if (next.empty() || (next[0] != '\r' && next[0] != '\n')) return;
      stream_.Skip(1);
    }
  }

  // Moves to the next line that starts "WARC/1." (or to the end): how
  // reading goes on after a record whose framing cannot be trusted.
  void Resynchronise() {
    constexpr size_t kWindow = 1 << 16;
    if (stream_.Peek(7) == "WARC/1.") stream_.Skip(1);
    while (true) {
      const std::string_view window = stream_.Peek(kWindow);
      const size_t found = window.find("\nWARC/1.");
      if (found != std::string_view::npos) {
        stream_.Skip(found + 1);
        return;
      }
      if (window.size() < kWindow) {
        stream_.Skip(window.size());
        return;
      }
      stream_.Skip(window.size() - 8);
    }
  }

  // False when reading cannot go on (the input is damaged at this point).
  bool ReadRecord(size_t number) {
    const std::string at = name_ + ": record " + std::to_string(number);
    // Most headers are a few hundred bytes: look further only when needed.
    std::string_view head = stream_.Peek(4096);
    if (HeaderEnd(head) == std::string_view::npos) head = stream_.Peek(kMaxHeaderBytes);
    if (!head.starts_with("WARC/")) {
      if (!stream_.status().ok() && head.size() < 5) return false;
      Issue(at + " at byte " + std::to_string(stream_.position()) +
                ": no WARC/ version line where a record should start; skipped to the next record",
            true);
      Resynchronise();
      return true;
    }
    const size_t header_size = HeaderEnd(head);
    if (header_size == std::string_view::npos) {
      if (!stream_.status().ok()) return false;
      Issue(at + ": the WARC header has no end (no blank line in " +
                std::to_string(kMaxHeaderBytes) + " bytes); skipped to the next record",
            true);
      Resynchronise();
      return true;
    }
    const Headers headers = ParseHeaders(head.substr(0, header_size));
    const std::string type = std::string(headers.Get("WARC-Type"));
    std::string id(headers.Get("WARC-Record-ID"));
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    const std::string target(headers.Get("WARC-Target-URI"));
    const std::string date(headers.Get("WARC-Date"));
    const std::string content_type(headers.Get("Content-Type"));
    const std::string length_text(headers.Get("Content-Length"));
    const std::string label =
        at + (target.empty() ? id.empty() ? "" : " (" + id + ")" : " (" + target + ")");
    const std::optional<size_t> length = ParseLength(length_text);
    stream_.Skip(header_size);
    if (!length) {
      Issue(label + ": Content-Length \"" + length_text.substr(0, 20) +
                "\" is not a number; skipped to the next record",
            true);
      Resynchronise();
      return true;
    }
    if (*length > options_.max_record_bytes) {
      stream_.Skip(*length);
      Issue(label + ": record of " + std::to_string(*length) + " bytes is over the limit of " +
                std::to_string(options_.max_record_bytes) + " bytes (--max-record-bytes); skipped",
            true);
      return stream_.status().ok();
    }
    const std::string_view block_and_end = stream_.Peek(*length + 4);
    const bool complete = block_and_end.size() >= *length;
    const std::string_view end = complete ? block_and_end.substr(*length) : std::string_view();
    const bool framed = complete && (end == "\r\n\r\n" || end.starts_with("\n\n") ||
                                     (end.empty() && stream_.status().ok()) ||
                                     (end == "\r\n" && stream_.status().ok()));
    if (!framed) {
      if (!stream_.status().ok()) return false;  // the damage is reported by Read()
      Issue(label + ": Content-Length " + std::to_string(*length) +
                (complete ? " does not end at the end of the record"
                          : " runs past the end of the file") +
                "; skipped to the next record",
            true);
      Resynchronise();
      return true;
    }
    const std::string_view block = block_and_end.substr(0, *length);
    if (type == "response" || type == "resource") {
      PageContext context;
      context.id = id.empty() ? target : id;
      context.origin = label;
      context.url = target;
      context.fallback_date = options_.default_report_date;
      if (date.size() >= 10) {
        if (auto parsed = ParseIsoDate(std::string_view(date).substr(0, 10))) {
          context.fallback_date = *parsed;
        }
      }
      ReadPayload(block,
                  type == "response" && StartsWithIgnoreCase(content_type, "application/http"),
                  content_type, context);
    }
    stream_.Skip(*length + std::min<size_t>(end.size(), end.starts_with("\n\n") ? 2 : 4));
    return true;
  }

  void ReadPayload(std::string_view block, bool http, std::string_view content_type,
                   PageContext& context) {
    std::string_view body = block;
    std::string decoded;
    if (http || block.starts_with("HTTP/")) {
      const size_t header_size = HeaderEnd(block);
      if (header_size == std::string_view::npos) {
        Issue(context.origin + ": the HTTP response has no end of headers; skipped", true);
        return;
      }
      const Headers headers = ParseHeaders(block.substr(0, header_size));
      body = block.substr(header_size);
      // "HTTP/1.1 200 OK": only successful responses carry the page.
      const std::string_view status_line = headers.first_line;
      const size_t space = status_line.find(' ');
      const std::string_view code =
          space == std::string_view::npos ? std::string_view() : status_line.substr(space + 1, 3);
      if (code.size() != 3 || code[0] != '2') return;
      content_type = headers.Get("Content-Type");
      context.charset = CharsetFromContentType(content_type);
      context.content_language = std::string(headers.Get("Content-Language"));
      if (headers.Get("Transfer-Encoding").find("chunked") != std::string_view::npos) {
        bool damaged = false;
        decoded = Dechunk(body, &damaged);
        body = decoded;
        if (damaged) {
          Issue(context.origin + ": the chunked HTTP body is cut short; reading what arrived",
                false);
        }
      }
      const std::string_view coding = Trim(headers.Get("Content-Encoding"));
      if (!coding.empty() && !EqualsIgnoreCase(coding, "identity")) {
        if (!IsHtmlType(content_type) && !content_type.empty()) return;
        StatusOr<std::string> inflated = Status::Unsupported("");
        if ((EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) &&
            body.starts_with("\x1F\x8B")) {
          inflated = Gunzip(body, options_.max_record_bytes);
        } else if (EqualsIgnoreCase(coding, "deflate") && !LooksLikeHtml(body)) {
          inflated = Inflate(body, options_.max_record_bytes);
        } else if (LooksLikeHtml(body)) {
          inflated = std::string(body);  // stored decoded, header kept
        } else {
          Issue(context.origin + ": Content-Encoding \"" + std::string(coding.substr(0, 20)) +
                    "\" is not supported; skipped",
                true);
          return;
        }
        if (!inflated.ok()) {
          Issue(context.origin + ": cannot decode the " + std::string(coding.substr(0, 20)) +
                    " HTTP body: " + inflated.status().message() + "; skipped",
                true);
          return;
        }
        decoded = std::move(inflated).value();
        body = decoded;
      }
    } else {
      context.charset = CharsetFromContentType(content_type);
    }
    if (content_type.empty() ? !LooksLikeHtml(body) : !IsHtmlType(content_type)) return;
    DeliverPage(body, context, options_, callbacks_);
  }

  ByteStream& stream_;
  const std::string& name_;
  const ReaderOptions& options_;
  const ReadCallbacks& callbacks_;
};

}  // namespace

Status ReadWarc(ByteStream& stream, const std::string& name, const ReaderOptions& options,
                const ReadCallbacks& callbacks) {
  return WarcReader(stream, name, options, callbacks).Read();
}

}  // namespace dyad::extract_internal
