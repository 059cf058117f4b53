#include "extract/extract.h"

#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "clean/clean.h"

namespace dyad {

namespace {

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool HasSuffix(const std::string& path, std::string_view suffix) {
  return path.size() >= suffix.size() &&
         path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

InputFormat Detect(const std::string& path, InputFormat requested) {
  if (requested != InputFormat::kAuto) return requested;
  if (HasSuffix(path, ".jsonl") || HasSuffix(path, ".ndjson")) return InputFormat::kJsonl;
  return InputFormat::kText;
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

std::string SizeText(size_t bytes) { return std::to_string(bytes) + " bytes"; }

Status ReadText(const std::string& path, FILE* file, const ReaderOptions& options,
                const ReadCallbacks& callbacks) {
  std::string content;
  char buffer[1 << 16];
  size_t read = 0;
  size_t total = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    total += read;
    if (total <= options.max_record_bytes) content.append(buffer, read);
  }
  if (std::ferror(file)) return Status::IoError(path + ": read failed");
  if (total > options.max_record_bytes) {
    callbacks.on_issue({Status::InvalidInput(
                            path + ": document of " + SizeText(total) + " is over the limit of " +
                            SizeText(options.max_record_bytes) + " (--max-record-bytes); skipped"),
                        true});
    return Status::Ok();
  }
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
    callbacks.on_issue({Status::InvalidInput(path + ": empty file, nothing to code"), true});
    return Status::Ok();
  }
  Document document;
  document.id = path == "-" ? "stdin" : BaseName(path);
  document.origin = path == "-" ? "stdin" : path;
  document.report_date = options.default_report_date;
  document.text = std::move(content);
  callbacks.on_document(std::move(document));
  return Status::Ok();
}

// Reads lines of any length, keeping at most `limit` bytes of each; the
// caller learns the full length so it can report lines it could not keep.
class LineReader {
 public:
  LineReader(FILE* file, size_t limit) : file_(file), limit_(limit) {}

  // False at end of input. `line` holds the kept bytes; `full_length` counts all.
  bool Next(std::string& line, size_t& full_length) {
    line.clear();
    full_length = 0;
    bool any = false;
    while (true) {
      if (position_ == filled_) {
        filled_ = std::fread(buffer_, 1, sizeof buffer_, file_);
        position_ = 0;
        if (filled_ == 0) return any;
      }
      any = true;
      const char* start = buffer_ + position_;
      const void* newline = std::memchr(start, '\n', filled_ - position_);
      const size_t length =
          newline ? static_cast<const char*>(newline) - start : filled_ - position_;
      if (full_length + length <= limit_) line.append(start, length);
      full_length += length;
      position_ += length;
      if (newline) {
        ++position_;
        return true;
      }
    }
  }

 private:
  FILE* file_;
  size_t limit_;
  char buffer_[1 << 16];
  size_t position_ = 0;
  size_t filled_ = 0;
};

Status ReadJsonl(const std::string& path, FILE* file, const ReaderOptions& options,
                 const ReadCallbacks& callbacks) {
  const std::string name = path == "-" ? "stdin" : path;
  auto reader = std::make_unique<LineReader>(file, options.max_record_bytes);
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
  if (std::ferror(file)) return Status::IoError(name + ": read failed");
  if (records == 0) {
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

Status ReadDocuments(const std::string& path, const ReaderOptions& options,
                     const ReadCallbacks& callbacks) {
  auto file = Open(path);
  if (!file.ok()) return file.status();
  switch (Detect(path, options.format)) {
    case InputFormat::kJsonl:
      return ReadJsonl(path, file->get(), options, callbacks);
    case InputFormat::kText:
    case InputFormat::kAuto:
      return ReadText(path, file->get(), options, callbacks);
  }
  return Status::Internal("unknown input format");
}

}  // namespace dyad
