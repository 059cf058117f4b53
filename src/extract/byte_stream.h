// Private to the extract stage: byte sources (a file, memory, a gzip stream
// of one or more members) and a buffered stream over them that the readers
// peek into, so a format can be recognised by its first bytes and a WARC
// record can be re-scanned when its Content-Length lies.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad::extract_internal {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `size` bytes into `buffer`; 0 at the end of input or after an
  // error, which status() then explains.
  virtual size_t Read(char* buffer, size_t size) = 0;
  virtual Status status() const = 0;
};

// Reads a FILE* it does not own.
std::unique_ptr<ByteSource> FileSource(FILE* file, std::string name);
// Reads bytes it does not own.
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);
// Decompresses gzip from `compressed`, member after member. A stream that
// ends inside a member, corrupt data or bytes after a member that do not
// start another one end the output with a non-OK status naming `name`.
std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed, std::string name);

// zlib (RFC 1950) or, failing its header check, raw deflate (RFC 1951):
// servers send both as "Content-Encoding: deflate".
StatusOr<std::string> Inflate(std::string_view compressed, size_t max_output);

// A buffer over a ByteSource that can look ahead. It is a ByteSource
// itself, so a decoder can be stacked on bytes already peeked at.
class ByteStream : public ByteSource {
 public:
  explicit ByteStream(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

  // The next `size` bytes, or fewer at the end of input; not consumed.
  std::string_view Peek(size_t size);
  // Consumes `size` bytes (at most what remains).
  void Skip(size_t size);
  // Consumes bytes up to the end of input without keeping them; returns how many.
  size_t SkipToEnd();
  bool AtEnd() { return Peek(1).empty(); }
  // Bytes consumed so far.
  size_t position() const { return consumed_; }
  // The source's status: not OK when input ended because of damage.
  Status status() const override { return source_->status(); }
  size_t Read(char* buffer, size_t size) override;

 private:
  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  size_t start_ = 0;  // first unconsumed byte in buffer_
  size_t consumed_ = 0;
  bool ended_ = false;
};

}  // namespace dyad::extract_internal
