// Thin RAII wrappers over the SQLite C API, private to the store.
//
// A Database owns one connection, a Statement one prepared statement. Both
// report failures as Status values carrying SQLite's own message, so the
// store can add context ("cannot write news.db: database or disk is full").
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad::sqlite {

class Database;

class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);  // copied by SQLite
  Statement& BindNull(int index);
  Statement& BindBlob(int index, const void* data, size_t bytes);  // copied by SQLite

  // One step: true while a row is available, false when done. A failure is
  // remembered in status() and ends the iteration.
  bool Step();
  // Runs to completion (for statements that return no rows).
  Status Run();
  // Resets for another execution and clears bindings.
  void Reset();

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) const;
  const void* BlobData(int column) const { return sqlite3_column_blob(stmt_, column); }
  size_t BlobSize(int column) const {
    return static_cast<size_t>(sqlite3_column_bytes(stmt_, column));
  }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

  const Status& status() const { return status_; }

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

class Database {
 public:
  // `flags` are sqlite3_open_v2 flags.
  static StatusOr<Database> Open(const std::string& path, int flags);

  Database() = default;
  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  StatusOr<Statement> Prepare(std::string_view sql);
  // Runs one or more statements that return no rows.
  Status Execute(const std::string& sql);
  // The first column of the first row of a query returning an integer.
  StatusOr<int64_t> QueryInt(const std::string& sql);

  bool read_only() const { return sqlite3_db_readonly(db_, "main") == 1; }
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// A transaction rolled back unless committed: a document's rows go in
// together or not at all.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Begin();  // BEGIN IMMEDIATE: take the write lock now, not half-way
  Status Commit();

 private:
  Database& db_;
  bool open_ = false;
};

// The status for SQLite result code `code`, with its message.
Status ErrorStatus(sqlite3* db, int code);

}  // namespace dyad::sqlite
