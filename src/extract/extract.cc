#include "extract/extract.h"

#include <simdjson.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "clean/clean.h"
#include "extract/byte_stream.h"
#include "extract/dateline.h"
#include "extract/readers.h"

namespace dyad {

namespace {

using extract_internal::ByteStream;

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

using File = std::unique_ptr<FILE, int (*)(FILE*)>;

int CloseUnlessStdin(FILE* file) { return file == stdin ? 0 : std::fclose(file); }

StatusOr<File> Open(const std::string& path) {
  if (path == "-") return File(stdin, &CloseUnlessStdin);
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int error = errno;
    return Status(error == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                  path + ": " + (error == ENOENT ? "no such file" : std::strerror(error)));
  }
  return File(file, &CloseUnlessStdin);
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// An HTML page announces itself in its first tag (after a byte-order mark,
// white space and comments).
bool LooksLikeHtml(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (true) {
    const size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    head.remove_prefix(start);
    if (!head.starts_with("<!--")) break;
    const size_t end = head.find("-->");
    if (end == std::string_view::npos) return false;
    head.remove_prefix(end + 3);
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<meta", "<body", "<title"}) {
    if (StartsWithIgnoreCase(head, tag)) return true;
  }
  return StartsWithIgnoreCase(head, "<?xml") && head.find("<html") != std::string_view::npos;
}

InputFormat Detect(std::string_view name, std::string_view head, InputFormat requested) {
  if (requested != InputFormat::kAuto) return requested;
  if (head.starts_with("WARC/1.")) return InputFormat::kWarc;
  if (name.ends_with(".jsonl") || name.ends_with(".ndjson")) return InputFormat::kJsonl;
  if (name.ends_with(".warc")) return InputFormat::kWarc;
  if (name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml")) {
    return InputFormat::kHtml;
  }
  if (LooksLikeHtml(head)) return InputFormat::kHtml;
  // Standard input or an unnamed file of JSON objects, one a line (what
  // `dyad extract --format jsonl` writes).
  const size_t start = head.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && head[start] == '{') {
    const std::string_view line = head.substr(start, head.find('\n', start) - start);
    const size_t last = line.find_last_not_of(" \t\r");
    if (last != std::string_view::npos && line[last] == '}') return InputFormat::kJsonl;
  }
  return InputFormat::kText;
}

std::string SizeText(size_t bytes) { return std::to_string(bytes) + " bytes"; }

// The whole input, or nullopt (with a message) when it is over the limit.
std::optional<std::string> ReadWhole(const std::string& name, ByteStream& stream,
                                     const ReaderOptions& options, const ReadCallbacks& callbacks) {
  const std::string_view content = stream.Peek(options.max_record_bytes + 1);
  if (content.size() > options.max_record_bytes) {
    const size_t total = stream.SkipToEnd();
    callbacks.on_issue({Status::InvalidInput(
                            name + ": document of " + SizeText(total) + " is over the limit of " +
                            SizeText(options.max_record_bytes) + " (--max-record-bytes); skipped"),
                        true});
    return std::nullopt;
  }
  std::string whole(content);
  stream.Skip(content.size());
  return whole;
}

Status ReadText(const std::string& path, ByteStream& stream, const ReaderOptions& options,
                const ReadCallbacks& callbacks) {
  const std::string name = path == "-" ? "stdin" : path;
  std::optional<std::string> content = ReadWhole(name, stream, options, callbacks);
  if (!stream.status().ok()) return stream.status();
  if (!content) return Status::Ok();
  if (content->find_first_not_of(" \t\r\n") == std::string::npos) {
    callbacks.on_issue({Status::InvalidInput(name + ": empty file, nothing to code"), true});
    return Status::Ok();
  }
  Document document;
  document.id = path == "-" ? "stdin" : BaseName(path);
  document.origin = name;
  document.report_date = FindPrintedDate(*content).value_or(options.default_report_date);
  document.text = std::move(*content);
  callbacks.on_document(std::move(document));
  return Status::Ok();
}

Status ReadHtml(const std::string& path, ByteStream& stream, const ReaderOptions& options,
                const ReadCallbacks& callbacks) {
  const std::string name = path == "-" ? "stdin" : path;
  std::optional<std::string> content = ReadWhole(name, stream, options, callbacks);
  if (!stream.status().ok()) {
    callbacks.on_issue({stream.status(), true});
    return Status::Ok();
  }
  if (!content) return Status::Ok();
  PageContext context;
  context.id = path == "-" ? "stdin" : BaseName(path);
  context.origin = name;
  context.fallback_date = options.default_report_date;
  extract_internal::DeliverPage(*content, context, options, callbacks);
  return Status::Ok();
}

// Reads lines of any length, keeping at most `limit` bytes of each; the
// caller learns the full length so it can report lines it could not keep.
class LineReader {
 public:
  LineReader(ByteStream& stream, size_t limit) : stream_(stream), limit_(limit) {}

  // False at end of input. `line` holds the kept bytes; `full_length` counts all.
  bool Next(std::string& line, size_t& full_length) {
    line.clear();
    full_length = 0;
    bool any = false;
    while (true) {
      const std::string_view chunk = stream_.Peek(1 << 16);
      if (chunk.empty()) return any;
      any = true;
      const size_t newline = chunk.find('\n');
      const size_t length = newline == std::string_view::npos ? chunk.size() : newline;
      if (full_length + length <= limit_) line.append(chunk.data(), length);
      full_length += length;
      if (newline != std::string_view::npos) {
        stream_.Skip(length + 1);
        return true;
      }
      stream_.Skip(length);
    }
  }

 private:
  ByteStream& stream_;
  size_t limit_;
};

Status ReadJsonl(const std::string& path, ByteStream& stream, const ReaderOptions& options,
                 const ReadCallbacks& callbacks) {
  const std::string name = path == "-" ? "stdin" : path;
  auto reader = std::make_unique<LineReader>(stream, options.max_record_bytes);
  std::string line;
  size_t full_length = 0;
  size_t number = 0;
  size_t records = 0;
  while (reader->Next(line, full_length)) {
    ++number;
    const std::string origin = name + ":" + std::to_string(number);
    if (full_length > options.max_record_bytes) {
      ++records;
      callbacks.on_issue(
          {Status::InvalidInput(origin + ": line of " + SizeText(full_length) +
                                " is over the limit of " + SizeText(options.max_record_bytes) +
                                " (--max-record-bytes); skipped"),
           true});
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++records;
    std::string warning;
    auto document = ParseJsonRecord(line, origin, options.default_report_date, &warning);
    if (!warning.empty()) {
      callbacks.on_issue({Status::InvalidInput(origin + ": " + warning), false});
    }
    if (!document.ok()) {
      callbacks.on_issue({document.status().WithContext(origin), true});
      continue;
    }
    callbacks.on_document(std::move(document).value());
  }
  if (!stream.status().ok()) {
    if (stream.status().code() == StatusCode::kIoError) return stream.status();
    callbacks.on_issue({stream.status(), true});
  }
  if (records == 0 && stream.status().ok()) {
    callbacks.on_issue({Status::InvalidInput(name + ": empty file, no records"), true});
  }
  return Status::Ok();
}

// A JSON string or number as text; false if the field is absent or null.
bool FieldText(simdjson::dom::object& object, const char* key, std::string& out,
               std::string* type_error) {
  simdjson::dom::element element;
  if (object[key].get(element)) return false;
  std::string_view text;
  if (!element.get(text)) {
    out.assign(text);
    return true;
  }
  if (element.is_int64()) {
    out = std::to_string(int64_t(element));
    return true;
  }
  if (element.is_null()) return false;
  if (type_error != nullptr) *type_error = std::string("\"") + key + "\" is not a string";
  return false;
}

}  // namespace

StatusOr<Document> ParseJsonRecord(std::string_view line, std::string_view origin,
                                   const CivilDate& default_report_date, std::string* warning) {
  // simdjson refuses invalid UTF-8 outright; repair it first so one bad byte
  // costs a character, not the article.
  CleanResult repaired = RepairUtf8(line);
  if (repaired.invalid_sequences > 0) {
    *warning = "invalid UTF-8 at byte " + std::to_string(repaired.first_invalid_offset) + " (" +
               std::to_string(repaired.invalid_sequences) + " sequence(s) replaced with U+FFFD)";
  }
  // One parser per thread: it keeps its buffers between records.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(repaired.text).get(root)) {
    return Status::InvalidInput(std::string("malformed JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get(object)) return Status::InvalidInput("a record must be a JSON object");

  Document document;
  std::string type_error;
  if (!FieldText(object, "text", document.text, &type_error)) {
    return Status::InvalidInput(type_error.empty() ? "the record has no \"text\"" : type_error);
  }
  if (!FieldText(object, "id", document.id, nullptr) || document.id.empty()) {
    document.id = std::string(origin);
  }
  FieldText(object, "source", document.source, nullptr);
  FieldText(object, "url", document.url, nullptr);
  FieldText(object, "title", document.title, nullptr);
  document.origin = std::string(origin);
  document.report_date = default_report_date;
  std::string date;
  if (FieldText(object, "date", date, nullptr)) {
    // "2019-01-24" or "2019-01-24T11:41:00Z": the calendar date is what counts.
    auto parsed = ParseIsoDate(std::string_view(date).substr(0, 10));
    if (parsed && (date.size() == 10 || date[10] == 'T' || date[10] == ' ')) {
      document.report_date = *parsed;
    } else {
      if (!warning->empty()) *warning += "; ";
      *warning += "\"date\" is \"" + date.substr(0, 40) +
                  "\", not YYYY-MM-DD; using the default report date " +
                  FormatIsoDate(default_report_date);
    }
  }
  return document;
}

namespace {

Status ReadStream(const std::string& path, std::unique_ptr<extract_internal::ByteSource> source,
                  const ReaderOptions& options, const ReadCallbacks& callbacks) {
  auto stream = std::make_unique<ByteStream>(std::move(source));
  std::string_view name = path;
  if (stream->Peek(2) == "\x1F\x8B") {
    // Compressed: detect the format of what is inside, by the name without ".gz".
    if (name.ends_with(".gz")) name.remove_suffix(3);
    stream = std::make_unique<ByteStream>(
        extract_internal::GzipSource(std::move(stream), path == "-" ? "stdin" : path));
  }
  switch (Detect(name, stream->Peek(1 << 16), options.format)) {
    case InputFormat::kJsonl:
      return ReadJsonl(path, *stream, options, callbacks);
    case InputFormat::kHtml:
      return ReadHtml(path, *stream, options, callbacks);
    case InputFormat::kWarc:
      return extract_internal::ReadWarc(*stream, path == "-" ? "stdin" : path, options, callbacks);
    case InputFormat::kText:
    case InputFormat::kAuto:
      return ReadText(path, *stream, options, callbacks);
  }
  return Status::Internal("unknown input format");
}

}  // namespace

Status ReadDocuments(const std::string& path, const ReaderOptions& options,
                     const ReadCallbacks& callbacks) {
  auto file = Open(path);
  if (!file.ok()) return file.status();
  return ReadStream(path, extract_internal::FileSource(file->get(), path), options, callbacks);
}

Status ReadBuffer(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                  const ReadCallbacks& callbacks) {
  return ReadStream(name, extract_internal::MemorySource(bytes), options, callbacks);
}

StatusOr<std::string> Gunzip(std::string_view compressed, size_t max_output) {
  auto source = extract_internal::GzipSource(extract_internal::MemorySource(compressed), "");
  std::string output;
  char buffer[1 << 16];
  size_t read = 0;
  while ((read = source->Read(buffer, sizeof buffer)) > 0) {
    output.append(buffer, read);
    if (output.size() > max_output) {
      return Status::InvalidInput("gzip data inflates to more than " + std::to_string(max_output) +
                                  " bytes");
    }
  }
  if (!source->status().ok()) return source->status();
  return output;
}

}  // namespace dyad
