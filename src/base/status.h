// Status and StatusOr: errors as values at stage boundaries.
//
// Every stage returns a Status (or a StatusOr<T>) instead of throwing. A bad
// article is a per-document Status that the caller counts and reports; only a
// bug may abort. The message of a non-OK status is written for the user: it
// names what was wrong and where (file, line, record), so callers prepend
// context with Status::WithContext rather than building strings themselves.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace dyad {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // the input is malformed (bad JSON, bad UTF-8, bad date, ...)
  kNotFound,      // a file or an entry does not exist
  kIoError,       // the operating system refused a read or a write
  kUnsupported,   // well-formed, but not something dyad handles (language, format)
  kInternal,      // a broken invariant; a bug in dyad
};

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) {
    return Status(StatusCode::kInvalidInput, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status Unsupported(std::string message) {
    return Status(StatusCode::kUnsupported, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns this status with "context: " in front of its message ("news.jsonl:12: ...").
  Status WithContext(std::string_view context) const {
    if (ok()) return *this;
    std::string text(context);
    text += ": ";
    text += message_;
    return Status(code_, std::move(text));
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "StatusOr built from an OK status carries no value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace dyad
