#include "extract/byte_stream.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace dyad::extract_internal {

namespace {

constexpr size_t kChunk = 1 << 16;

class FileByteSource : public ByteSource {
 public:
  FileByteSource(FILE* file, std::string name) : file_(file), name_(std::move(name)) {}
  size_t Read(char* buffer, size_t size) override {
    const size_t read = std::fread(buffer, 1, size, file_);
    if (read == 0 && std::ferror(file_)) status_ = Status::IoError(name_ + ": read failed");
    return read;
  }
  Status status() const override { return status_; }

 private:
  FILE* file_;
  std::string name_;
  Status status_;
};

class MemoryByteSource : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buffer, size_t size) override {
    const size_t n = std::min(size, bytes_.size());
    std::memcpy(buffer, bytes_.data(), n);
    bytes_.remove_prefix(n);
    return n;
  }
  Status status() const override { return Status::Ok(); }

 private:
  std::string_view bytes_;
};

class GzipByteSource : public ByteSource {
 public:
  GzipByteSource(std::unique_ptr<ByteSource> compressed, std::string name)
      : compressed_(std::move(compressed)), name_(std::move(name)), input_(kChunk, '\0') {
    // 15 + 16: a gzip header and trailer are required.
    if (inflateInit2(&stream_, 15 + 16) != Z_OK) {
      status_ = Status::Internal(name_ + ": cannot initialise zlib");
      done_ = true;
    }
  }
  ~GzipByteSource() override { inflateEnd(&stream_); }

  size_t Read(char* buffer, size_t size) override {
    if (done_ || size == 0) return 0;
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    const uInt capacity = stream_.avail_out;
    while (stream_.avail_out == capacity) {  // until some output, the end or an error
      if (stream_.avail_in == 0 && !Refill()) {
        if (in_member_) Fail("truncated gzip stream: it ends inside a member");
        done_ = true;
        break;
      }
      if (!in_member_) {
        // Writers may pad the file with zero bytes after the last member.
        if (stream_.next_in[0] == 0) {
          ++stream_.next_in;
          --stream_.avail_in;
          continue;
        }
        if (stream_.next_in[0] != 0x1f) {
          Fail("bytes after a gzip member are not gzip data");
          break;
        }
        in_member_ = true;
      }
      const int result = inflate(&stream_, Z_NO_FLUSH);
      if (result == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&stream_);
      } else if (result != Z_OK && result != Z_BUF_ERROR) {
        Fail(std::string("corrupt gzip data (") + (stream_.msg ? stream_.msg : "zlib error") + ")");
        break;
      }
    }
    return capacity - stream_.avail_out;
  }
  Status status() const override { return status_; }

 private:
  bool Refill() {
    const size_t read = compressed_->Read(input_.data(), input_.size());
    if (read == 0) {
      if (!compressed_->status().ok()) status_ = compressed_->status();
      return false;
    }
    compressed_bytes_ += read;
    stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
    stream_.avail_in = static_cast<uInt>(read);
    return true;
  }

  void Fail(const std::string& message) {
    if (status_.ok()) {
      status_ = Status::InvalidInput((name_.empty() ? "" : name_ + ": ") + message + " after " +
                                     std::to_string(compressed_bytes_ - stream_.avail_in) +
                                     " compressed bytes");
    }
    done_ = true;
  }

  std::unique_ptr<ByteSource> compressed_;
  std::string name_;
  std::string input_;
  z_stream stream_{};
  Status status_;
  size_t compressed_bytes_ = 0;
  bool in_member_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> FileSource(FILE* file, std::string name) {
  return std::make_unique<FileByteSource>(file, std::move(name));
}

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) {
  return std::make_unique<MemoryByteSource>(bytes);
}

std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed, std::string name) {
  return std::make_unique<GzipByteSource>(std::move(compressed), std::move(name));
}

StatusOr<std::string> Inflate(std::string_view compressed, size_t max_output) {
  for (int window_bits : {15, -15}) {
    z_stream stream{};
    if (inflateInit2(&stream, window_bits) != Z_OK)
      return Status::Internal("cannot initialise zlib");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string output;
    char buffer[kChunk];
    int result = Z_OK;
    while (true) {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      result = inflate(&stream, Z_NO_FLUSH);
      output.append(buffer, sizeof buffer - stream.avail_out);
      if (output.size() > max_output) {
        inflateEnd(&stream);
        return Status::InvalidInput("the body inflates to more than " + std::to_string(max_output) +
                                    " bytes");
      }
      if (result != Z_OK) break;  // the end, an error, or Z_BUF_ERROR: input exhausted
    }
    const std::string message = stream.msg ? stream.msg : "";
    inflateEnd(&stream);
    if (result == Z_STREAM_END) return output;
    if (window_bits == 15 && result == Z_DATA_ERROR && output.empty()) continue;  // try raw
    if (result == Z_BUF_ERROR) return Status::InvalidInput("truncated deflate body");
    return Status::InvalidInput("corrupt deflate body (" + message + ")");
  }
  return Status::InvalidInput("corrupt deflate body");
}

std::string_view ByteStream::Peek(size_t size) {
  while (buffer_.size() - start_ < size && !ended_) {
    if (start_ > 0 && start_ >= buffer_.size() / 2) {
      buffer_.erase(0, start_);
      start_ = 0;
    }
    // Grow a chunk at a time: a large Peek near the end of a small input
    // must not allocate (and zero) the whole request.
    const size_t want = std::clamp(size - (buffer_.size() - start_), size_t{4096}, kChunk);
    const size_t old = buffer_.size();
    buffer_.resize(old + want);
    const size_t read = source_->Read(buffer_.data() + old, want);
    buffer_.resize(old + read);
    if (read == 0) ended_ = true;
  }
  return std::string_view(buffer_).substr(start_, size);
}

void ByteStream::Skip(size_t size) {
  size_t available = buffer_.size() - start_;
  if (size <= available) {
    start_ += size;
    consumed_ += size;
    return;
  }
  consumed_ += available;
  size -= available;
  buffer_.clear();
  start_ = 0;
  while (size > 0 && !ended_) {
    Peek(std::min(size, kChunk));
    available = buffer_.size() - start_;
    if (available == 0) break;
    const size_t n = std::min(size, available);
    start_ += n;
    consumed_ += n;
    size -= n;
  }
}

size_t ByteStream::Read(char* buffer, size_t size) {
  const std::string_view bytes = Peek(std::min(size, kChunk));
  std::memcpy(buffer, bytes.data(), bytes.size());
  Skip(bytes.size());
  return bytes.size();
}

size_t ByteStream::SkipToEnd() {
  const size_t before = consumed_;
  while (!AtEnd()) Skip(buffer_.size() - start_);
  return consumed_ - before;
}

}  // namespace dyad::extract_internal
