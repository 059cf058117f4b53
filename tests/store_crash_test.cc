// kill -9 in the middle of `dyad ingest`, repeatedly: what was committed is
// kept, no document is ever half there, the database is never corrupt, and
// readers query the store while the ingest runs (this test's polling is such
// a reader). Checked with SQLite directly, not through the store's code.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <tuple>

#include "support/temp_path.h"

namespace {

constexpr int kDocuments = 300;
constexpr int kKills = 3;

// Articles that share events (same sentences, same report dates), so that
// later documents update the counts of events stored by earlier ones.
std::string WriteCorpus() {
  const char* sentences[] = {"Venezuela broke off diplomatic relations with Colombia.",
                             "Greece condemned Turkey.",
                             "China signed an agreement with Venezuela.",
                             "The United States imposed sanctions on Venezuela.",
                             "Russia accused Ukraine.",
                             "Brazil praised Argentina.",
                             "India met with Pakistan."};
  const std::string path = dyad::testing::TempPath("corpus.jsonl");
  std::ofstream out(path);
  for (int i = 0; i < kDocuments; ++i) {
    std::string text;
    for (int k = 0; k < 4; ++k) text += std::string(sentences[(i + k) % 7]) + " ";
    text += "This was report number " + std::to_string(i) + ".";
    char date[16];
    std::snprintf(date, sizeof date, "2019-01-%02d", 1 + i % 28);
    out << "{\"id\":\"r" << i << "\",\"date\":\"" << date << "\",\"source\":\"outlet" << i % 5
        << "\",\"text\":\"" << text << "\"}\n";
  }
  return path;
}

pid_t StartIngest(const std::string& db, const std::string& corpus) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stderr);
    execl(DYAD_BINARY, DYAD_BINARY, "ingest", "-q", "--db", db.c_str(), corpus.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

class Database {
 public:
  explicit Database(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
    }
    if (db_ != nullptr) sqlite3_busy_timeout(db_, 5000);
  }
  ~Database() { sqlite3_close(db_); }
  bool ok() const { return db_ != nullptr; }

  // The rows of `sql`, each row's columns joined by '|'; empty on error.
  std::vector<std::string> Rows(const std::string& sql) const {
    std::vector<std::string> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        if (i > 0) row += '|';
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row += text ? reinterpret_cast<const char*>(text) : "";
      }
      rows.push_back(row);
    }
    sqlite3_finalize(stmt);
    return rows;
  }
  long Count(const std::string& sql) const {
    const auto rows = Rows(sql);
    return rows.empty() ? -1 : std::stol(rows[0]);
  }

 private:
  sqlite3* db_ = nullptr;
};

std::map<std::string, std::string> DocumentMentions(const Database& db) {
  std::map<std::string, std::string> out;
  for (const std::string& row : db.Rows("SELECT doc_id, mentions FROM documents")) {
    out[row.substr(0, row.find('|'))] = row.substr(row.find('|') + 1);
  }
  return out;
}

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST(StoreCrash, KillNineLosesNothingCommittedAndLeavesNoPartialDocument) {
  const std::string corpus = WriteCorpus();
  const std::string reference_path = dyad::testing::TempPath("reference.db");
  const std::string path = dyad::testing::TempPath("crash.db");
  RemoveStore(reference_path);
  RemoveStore(path);

  // The reference: the same corpus ingested without interruption.
  int status = 0;
  waitpid(StartIngest(reference_path, corpus), &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const Database reference(reference_path);
  ASSERT_TRUE(reference.ok());
  ASSERT_EQ(reference.Count("SELECT count(*) FROM documents"), kDocuments);
  const std::map<std::string, std::string> reference_mentions = DocumentMentions(reference);
  const std::string event_counts = "SELECT id, mentions, sources, articles FROM events ORDER BY id";

  long stored_before = 0;
  int kills = 0;
  for (int round = 0; round < kKills; ++round) {
    const pid_t pid = StartIngest(path, corpus);
    // Read while it writes, and kill it once it has made some progress.
    const long goal = stored_before + kDocuments / (kKills + 2);
    bool exited = false;
    while (!exited) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      const Database reader(path);
      if (reader.ok() && reader.Count("SELECT count(*) FROM documents") >= goal) break;
      usleep(2000);
    }
    if (!exited) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ++kills;
    }

    const Database db(path);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(db.Rows("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    const long stored = db.Count("SELECT count(*) FROM documents");
    EXPECT_GE(stored, stored_before) << "a committed document was lost";
    stored_before = stored;
    // Every stored document is whole: all its mentions, as in the reference.
    for (const auto& [doc, mentions] : DocumentMentions(db)) {
      EXPECT_EQ(mentions, reference_mentions.at(doc)) << doc;
    }
    EXPECT_EQ(db.Count("SELECT count(*) FROM documents d WHERE d.mentions <> "
                       "(SELECT count(*) FROM mentions m WHERE m.doc_key = d.doc_key)"),
              0);
    // Every event's counts agree with its mentions.
    EXPECT_EQ(db.Count("SELECT count(*) FROM events e WHERE e.mentions <> (SELECT count(*) FROM "
                       "mentions m WHERE m.event_id = e.id) OR e.articles <> (SELECT "
                       "count(DISTINCT doc_key) FROM mentions m WHERE m.event_id = e.id)"),
              0);
  }
  EXPECT_GE(kills, 1) << "the ingest always finished before it could be killed";
  std::printf("%d ingest(s) killed\n", kills);

  // Finishing the interrupted ingest gives exactly the reference store.
  waitpid(StartIngest(path, corpus), &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const Database db(path);
  EXPECT_EQ(db.Count("SELECT count(*) FROM documents"), kDocuments);
  EXPECT_EQ(db.Rows(event_counts), reference.Rows(event_counts));
  EXPECT_EQ(db.Rows("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  RemoveStore(path);
  RemoveStore(reference_path);
  std::remove(corpus.c_str());
}

}  // namespace
