// End-to-end tests of `dyad ingest`, `dyad query` and `dyad export`: the
// example corpus through the real coder (robust assertions only: the coder
// improves), every export read back, and every bad input refused with one
// message, a non-zero exit and nothing written.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_dyad.h"
#include "support/temp_path.h"

namespace {

using dyad::testing::DyadRun;
using dyad::testing::Slurp;

bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

// Runs `prefix dyad arguments` through the shell.
DyadRun Dyad(const std::string& arguments, const std::string& prefix = "") {
  return dyad::testing::RunDyad(arguments, "", prefix);
}

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

const std::string kExamples = std::string(DYAD_SOURCE_DIR) + "/examples/news.jsonl";

// The example corpus, ingested once for the tests that only read it.
class ExampleStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = ::testing::TempDir() + "/dyad-" + std::to_string(getpid()) + "-examples.db";
    RemoveStore(path_);
    ingest_ = new DyadRun(Dyad("ingest --db " + path_ + " " + kExamples));
  }
  static void TearDownTestSuite() {
    RemoveStore(path_);
    delete ingest_;
  }
  static std::string path_;
  static DyadRun* ingest_;
};
std::string ExampleStore::path_;
DyadRun* ExampleStore::ingest_ = nullptr;

size_t Lines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST_F(ExampleStore, IngestStoresEveryArticleAndReingestIsANoOp) {
  EXPECT_EQ(ingest_->exit_code, 0) << ingest_->err;
  EXPECT_NE(ingest_->err.find("40 document(s) stored, 0 already stored"), std::string::npos)
      << ingest_->err;
  const DyadRun again = Dyad("ingest --db " + path_ + " " + kExamples);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.err.find("0 document(s) stored, 40 already stored; 0 event mention(s)"),
            std::string::npos)
      << again.err;
}

TEST_F(ExampleStore, QueryEventsInEveryFormat) {
  const DyadRun csv = Dyad("query --db " + path_ + " events --dyad VEN,USA --limit 0 --format csv");
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("id,date,date_precision,", 0), 0u);
  EXPECT_GT(Lines(csv.out), 3u);
  const DyadRun json =
      Dyad("query --db " + path_ + " events --dyad VEN,USA --limit 0 --format json");
  EXPECT_EQ(json.exit_code, 0);
  simdjson::dom::parser parser;
  simdjson::dom::array events;
  ASSERT_EQ(parser.parse(json.out).get_array().get(events), simdjson::SUCCESS) << json.out;
  EXPECT_EQ(events.size(), Lines(csv.out) - 1);
  const DyadRun table = Dyad("query --db " + path_ + " events --dyad VEN,USA --limit 2");
  EXPECT_EQ(table.out.rfind("DATE ", 0), 0u);
  EXPECT_EQ(Lines(table.out), 3u);
  EXPECT_NE(table.err.find("2 of " + std::to_string(events.size()) + " matching"),
            std::string::npos);
}

TEST_F(ExampleStore, SeriesStatusAndNetwork) {
  const DyadRun series = Dyad("query --db " + path_ + " series CHN VEN --by year --format csv");
  EXPECT_EQ(series.exit_code, 0) << series.err;
  EXPECT_EQ(series.out.rfind("period,start,events,", 0), 0u);
  EXPECT_GT(Lines(series.out), 1u);
  const DyadRun status = Dyad("query --db " + path_ + " status COL VEN");
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_EQ(status.out.rfind("COL–VEN: ", 0), 0u) << status.out;
  const DyadRun network = Dyad("query --db " + path_ + " network --format json");
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(network.out).get(root), simdjson::SUCCESS) << network.out;
  EXPECT_GT(root["nodes"].get_array().size(), 2u);
  EXPECT_GT(root["edges"].get_array().size(), 2u);
  const DyadRun graphml = Dyad("query --db " + path_ + " network --format graphml");
  EXPECT_NE(graphml.out.find("<graphml"), std::string::npos);
  EXPECT_NE(graphml.out.find("</graphml>"), std::string::npos);
}

// RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      quoted = false;
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last line break
  return rows;
}

std::vector<std::string> Split(const std::string& line, char separator) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == separator) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

TEST_F(ExampleStore, EveryExportFormatReadsBack) {
  const std::string dir = dyad::testing::TempPath("");
  const DyadRun jsonl = Dyad("export --db " + path_ + " --format jsonl -o " + dir + "x.jsonl");
  const DyadRun csv = Dyad("export --db " + path_ + " --format csv -o " + dir + "x.csv");
  const DyadRun gdelt = Dyad("export --db " + path_ + " --format gdelt");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.err;

  // JSON Lines: one record per line, every key of the record.
  std::map<std::string, std::map<std::string, std::string>> by_id;  // id -> column -> value
  simdjson::dom::parser parser;
  std::istringstream lines(Slurp(dir + "x.jsonl"));
  std::string line;
  while (std::getline(lines, line)) {
    simdjson::dom::object record;
    ASSERT_EQ(parser.parse(line).get_object().get(record), simdjson::SUCCESS) << line;
    auto& fields = by_id[std::string(record["id"].get_string().value())];
    fields["date"] = std::string(record["date"].get_string().value());
    fields["source_code"] = std::string(record["source"]["code"].get_string().value());
    fields["code"] = std::string(record["code"].get_string().value());
    fields["mentions"] = std::to_string(record["mentions"].get_int64().value());
    fields["text"] = std::string(record["text"].get_string().value());
  }
  ASSERT_GT(by_id.size(), 50u);
  std::remove((dir + "x.jsonl").c_str());

  // CSV: the same events, the same values.
  const auto rows = ParseCsv(Slurp(dir + "x.csv"));
  std::remove((dir + "x.csv").c_str());
  ASSERT_EQ(rows.size(), by_id.size() + 1);
  const std::vector<std::string>& header = rows[0];
  auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  for (size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), header.size());
    const auto found = by_id.find(rows[r][column("id")]);
    ASSERT_NE(found, by_id.end());
    for (const auto& [name, value] : found->second) EXPECT_EQ(rows[r][column(name)], value);
  }

  // GDELT: 61 tab-separated columns, no header, the same events.
  std::istringstream gdelt_lines(gdelt.out);
  size_t count = 0;
  while (std::getline(gdelt_lines, line)) {
    const std::vector<std::string> fields = Split(line, '\t');
    ASSERT_EQ(fields.size(), 61u) << line;
    const auto found = by_id.find(fields[0]);
    ASSERT_NE(found, by_id.end());
    std::string date = found->second["date"];
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    EXPECT_EQ(fields[1], date);
    EXPECT_EQ(fields[5], found->second["source_code"]);
    EXPECT_EQ(fields[26], found->second["code"]);
    EXPECT_EQ(fields[31], found->second["mentions"]);
    ++count;
  }
  EXPECT_EQ(count, by_id.size());
}

TEST_F(ExampleStore, ParquetIsExplainedNotWritten) {
  const std::string out = dyad::testing::TempPath("x.parquet");
  const DyadRun run = Dyad("export --db " + path_ + " --format parquet -o " + out);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("Parquet export is not available"), std::string::npos) << run.err;
  EXPECT_FALSE(Exists(out));
}

TEST_F(ExampleStore, BadQuestionsGetOneMessageAndExitTwo) {
  const DyadRun unknown = Dyad("query --db " + path_ + " series VEN XYZ");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(Lines(unknown.err), 1u) << unknown.err;
  EXPECT_NE(unknown.err.find("unknown actor 'XYZ'"), std::string::npos);
  const DyadRun backwards =
      Dyad("query --db " + path_ + " events --from 2020-01-01 --to 2019-01-01");
  EXPECT_EQ(backwards.exit_code, 2);
  EXPECT_EQ(backwards.err, "dyad: impossible date range: from 2020-01-01 is after to 2019-01-01\n");
  const DyadRun bad_date = Dyad("query --db " + path_ + " network --from 2019-02-30");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("--from '2019-02-30' is not a date"), std::string::npos);
  const std::string out = dyad::testing::TempPath("bad.csv");
  const DyadRun export_unknown =
      Dyad("export --db " + path_ + " --format csv --actor XYZ -o " + out);
  EXPECT_EQ(export_unknown.exit_code, 2);
  EXPECT_FALSE(Exists(out));
  EXPECT_FALSE(Exists(out + ".partial"));
}

// ---- The store itself refused -------------------------------------------------

TEST(StoreCli, AFileThatIsNotSqliteIsLeftAlone) {
  const std::string path = dyad::testing::TempPath("notes.db");
  const std::string content = "these are my notes, not a database\n" + std::string(4096, '.');
  std::ofstream(path, std::ios::binary) << content;
  for (const std::string& command :
       {"ingest --db " + path + " " + kExamples, "query --db " + path + " events",
        "export --db " + path + " --format csv"}) {
    const DyadRun run = Dyad(command);
    EXPECT_EQ(run.exit_code, 3) << command;
    EXPECT_EQ(Lines(run.err), 1u) << run.err;
    EXPECT_NE(run.err.find("not a dyad store"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
  }
  EXPECT_EQ(Slurp(path), content);
  EXPECT_FALSE(Exists(path + "-wal"));
  std::remove(path.c_str());
}

TEST(StoreCli, ANewerSchemaIsRefused) {
  const std::string path = dyad::testing::TempPath("newer.db");
  const std::string input = dyad::testing::TempPath("one.txt");
  std::ofstream(input) << "Greece condemned Turkey.";
  ASSERT_EQ(Dyad("ingest -q --date 2020-08-12 --db " + path + " " + input).exit_code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 7", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const DyadRun ingest = Dyad("ingest --db " + path + " " + kExamples);
  EXPECT_EQ(ingest.exit_code, 3);
  EXPECT_NE(ingest.err.find("schema version 7 is newer"), std::string::npos) << ingest.err;
  const DyadRun query = Dyad("query --db " + path + " events");
  EXPECT_EQ(query.exit_code, 3);
  // Nothing was added.
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 1);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  RemoveStore(path);
  std::remove(input.c_str());
}

TEST(StoreCli, QueryingAMissingStoreCreatesNothing) {
  const std::string path = dyad::testing::TempPath("missing.db");
  const DyadRun run = Dyad("query --db " + path + " status VEN USA");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("no dyad store at"), std::string::npos);
  EXPECT_FALSE(Exists(path));
}

// A small file system of our own: tmpfs, mounted when the tests run as root
// with the right to mount (CI does); skipped otherwise.
class SmallFileSystem {
 public:
  explicit SmallFileSystem(const std::string& options) : dir_(dyad::testing::TempPath("fs")) {
    mkdir(dir_.c_str(), 0700);
    mounted_ = mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~SmallFileSystem() {
    if (mounted_) umount2(dir_.c_str(), MNT_DETACH);
    rmdir(dir_.c_str());
  }
  bool mounted() const { return mounted_; }
  bool MakeReadOnly() {
    return mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  bool mounted_ = false;
};

TEST(StoreCli, AFullDiskStopsTheIngestAndKeepsWhatWasCommitted) {
  SmallFileSystem fs("size=160k");
  if (!fs.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (not root?)";
  const std::string path = fs.dir() + "/full.db";
  const DyadRun run = Dyad("ingest --db " + path + " " + kExamples + " " + kExamples);
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("full"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("stopped;"), std::string::npos) << run.err;
  // What is there is whole: integrity holds and every document has all its mentions.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto single = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sql;
    std::string value;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return value;
  };
  EXPECT_EQ(single("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(single("SELECT count(*) FROM documents d WHERE d.mentions <> "
                   "(SELECT count(*) FROM mentions m WHERE m.doc_key = d.doc_key)"),
            "0");
  sqlite3_close(db);
}

TEST(StoreCli, AReadOnlyFileSystemIsRefused) {
  SmallFileSystem fs("size=1m");
  if (!fs.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (not root?)";
  const std::string input = dyad::testing::TempPath("one.txt");
  std::ofstream(input) << "Greece condemned Turkey.";
  const std::string existing = fs.dir() + "/existing.db";
  ASSERT_EQ(Dyad("ingest -q --date 2020-08-12 --db " + existing + " " + input).exit_code, 0);
  ASSERT_TRUE(fs.MakeReadOnly());
  const DyadRun write = Dyad("ingest --db " + existing + " " + kExamples);
  EXPECT_EQ(write.exit_code, 3);
  EXPECT_EQ(Lines(write.err), 1u) << write.err;
  EXPECT_NE(write.err.find("cannot write it: Read-only file system"), std::string::npos)
      << write.err;
  const DyadRun create = Dyad("ingest --db " + fs.dir() + "/new.db " + kExamples);
  EXPECT_EQ(create.exit_code, 3);
  EXPECT_NE(create.err.find("cannot create it"), std::string::npos) << create.err;
  std::remove(input.c_str());
}

// The seeds: the 2019 break between Venezuela and the United States, and
// China's cooperation with Venezuela in 2023 (report dates given by hand: the
// seed files carry none).
TEST(StoreCli, SeedsShowTheBreakAndTheCooperation) {
  const std::string seeds = std::string(DYAD_SOURCE_DIR) + "/../shared/seeds";
  if (!Exists(seeds + "/000_8a2b0857bd4246b4.txt")) GTEST_SKIP() << "no seeds at " << seeds;
  const std::string path = dyad::testing::TempPath("seeds.db");
  RemoveStore(path);
  const std::pair<const char*, const char*> seeds_by_date[] = {
      {"000_8a2b0857bd4246b4.txt", "2019-01-24"},
      {"001_ccaed1d70b00b253.txt", "2019-01-24"},
      {"002_c4d90af70d619d42.txt", "2022-03-06"},
      {"003_d463f305805cc310.txt", "2022-11-29"},
      {"004_28df0f60c14cb835.txt", "2023-09-14"}};
  for (const auto& [file, date] : seeds_by_date) {
    const DyadRun run =
        Dyad("ingest -q --date " + std::string(date) + " --db " + path + " " + seeds + "/" + file);
    EXPECT_EQ(run.exit_code, 0) << run.err;
  }
  const DyadRun status = Dyad("query --db " + path + " status VEN USA");
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_EQ(status.out.rfind("VEN–USA: severed since 2019-01-23 (evidence: ", 0), 0u) << status.out;
  const DyadRun series = Dyad("query --db " + path + " series CHN VEN --by year --format csv");
  EXPECT_EQ(series.exit_code, 0) << series.err;
  // The 2023 row: events, of which material cooperation is the eighth column.
  const size_t row = series.out.find("\n2023,");
  ASSERT_NE(row, std::string::npos) << series.out;
  const std::vector<std::string> fields =
      Split(series.out.substr(row + 1, series.out.find('\n', row + 1) - row - 1), ',');
  ASSERT_EQ(fields.size(), 10u);
  EXPECT_GT(std::stoi(fields[2]), 0);
  EXPECT_GT(std::stoi(fields[6]) + std::stoi(fields[7]), 0) << series.out;
  RemoveStore(path);
}

}  // namespace
