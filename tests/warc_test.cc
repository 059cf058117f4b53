// WARC and gzip input: records, HTTP bodies, and damaged archives.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "support/read_all.h"
#include "support/temp_path.h"

namespace dyad {
namespace {

using testing::Collected;
using testing::ReadAll;
using testing::WriteTempFile;

// gzip with zlib: one member. `window_bits` 15 + 16 is gzip, 15 zlib, -15 raw deflate.
std::string Compress(const std::string& data, int window_bits = 15 + 16) {
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string Http(const std::string& headers, const std::string& body, int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\n" + headers + "\r\n" + body;
}

struct Record {
  std::string type = "response";
  std::string id;
  std::string uri;
  std::string block;
  std::string content_type = "application/http; msgtype=response";
  std::optional<size_t> length;  // a lie, when set
};

std::string Warc(const Record& r) {
  std::string header = "WARC/1.0\r\nWARC-Type: " + r.type + "\r\n";
  if (!r.id.empty()) header += "WARC-Record-ID: <" + r.id + ">\r\n";
  if (!r.uri.empty()) header += "WARC-Target-URI: " + r.uri + "\r\n";
  header += "WARC-Date: 2019-01-25T06:00:00Z\r\n";
  header += "Content-Type: " + r.content_type + "\r\n";
  header += "Content-Length: " + std::to_string(r.length.value_or(r.block.size())) + "\r\n\r\n";
  return header + r.block + "\r\n\r\n";
}

const char kPageA[] =
    "<html lang=en><head><title>Envoy recalled</title></head>"
    "<body><p>Peru recalled its envoy from Ecuador.</p></body></html>";
const char kPageB[] =
    "<html><head><meta property=\"article:published_time\" content=\"2019-01-23\">"
    "<meta property=\"og:site_name\" content=\"Ledger\"></head>"
    "<body><p>Venezuela broke off relations with the United States.</p></body></html>";
const char kPageC[] = "<html><body><p>Chile and Bolivia resumed talks.</p></body></html>";

Record PageRecord(const std::string& id, const std::string& uri, const std::string& page,
                  const std::string& headers = "Content-Type: text/html\r\n") {
  Record record;
  record.id = id;
  record.uri = uri;
  record.block = Http(headers, page);
  return record;
}

std::vector<std::string> ThreePages() {
  Record info;
  info.type = "warcinfo";
  info.content_type = "application/warc-fields";
  info.block = "software: test\r\n";
  Record request;
  request.type = "request";
  request.uri = "https://a.example/1";
  request.content_type = "application/http; msgtype=request";
  request.block = "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n";
  return {Warc(info), Warc(request), Warc(PageRecord("urn:uuid:1", "https://a.example/1", kPageA)),
          Warc(PageRecord("urn:uuid:2", "https://www.b.example/2", kPageB)),
          Warc(PageRecord("urn:uuid:3", "https://c.example/3", kPageC))};
}

std::string Join(const std::vector<std::string>& parts) {
  std::string all;
  for (const std::string& part : parts) all += part;
  return all;
}

void ExpectThreePages(const Collected& got) {
  ASSERT_EQ(got.documents.size(), 3u) << ::testing::PrintToString(got.Messages());
  EXPECT_TRUE(got.issues.empty()) << ::testing::PrintToString(got.Messages());
  const Document& a = got.documents[0];
  EXPECT_EQ(a.id, "urn:uuid:1");
  EXPECT_EQ(a.url, "https://a.example/1");
  EXPECT_EQ(a.source, "a.example");
  EXPECT_EQ(a.title, "Envoy recalled");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.report_date, (CivilDate{2019, 1, 25}));  // WARC-Date: the page states none
  EXPECT_EQ(a.text, "Peru recalled its envoy from Ecuador.\n");
  const Document& b = got.documents[1];
  EXPECT_EQ(b.id, "urn:uuid:2");
  EXPECT_EQ(b.source, "Ledger");
  EXPECT_EQ(b.report_date, (CivilDate{2019, 1, 23}));
  EXPECT_EQ(got.documents[2].text, "Chile and Bolivia resumed talks.\n");
}

TEST(Warc, ResponseRecordsBecomeDocuments) {
  const std::string path = WriteTempFile("crawl.warc", Join(ThreePages()));
  ExpectThreePages(ReadAll(path));
  EXPECT_EQ(ReadAll(path).documents[0].origin, path + ": record 3 (https://a.example/1)");
}

TEST(Warc, GzipMemberPerRecord) {
  std::string compressed;
  for (const std::string& record : ThreePages()) compressed += Compress(record);
  ExpectThreePages(ReadAll(WriteTempFile("crawl.warc.gz", compressed)));
}

TEST(Warc, OneGzipMemberForTheWholeFileDetectedByContent) {
  ExpectThreePages(ReadAll(WriteTempFile("crawl.bin", Compress(Join(ThreePages())))));
}

TEST(Warc, ChunkedGzipAndDeflateBodiesAreDecoded) {
  const std::string page = kPageA;
  const std::string gzipped = Compress(page);
  const std::string chunked = "10\r\n" + gzipped.substr(0, 16) + "\r\n" +
                              [&] {
                                char size[16];
                                std::snprintf(size, sizeof size, "%zx", gzipped.size() - 16);
                                return std::string(size);
                              }() +
                              ";ext=1\r\n" + gzipped.substr(16) + "\r\n0\r\n\r\n";
  const std::string warc =
      Warc(PageRecord("urn:uuid:c", "https://a.example/c", chunked,
                      "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                      "Content-Encoding: gzip\r\n")) +
      Warc(PageRecord("urn:uuid:z", "https://a.example/z", Compress(page, 15),
                      "Content-Type: text/html\r\nContent-Encoding: deflate\r\n")) +
      Warc(PageRecord("urn:uuid:r", "https://a.example/r", Compress(page, -15),
                      "Content-Type: text/html\r\nContent-Encoding: deflate\r\n")) +
      // Crawlers that store the decoded body keep the header: read it as it is.
      Warc(PageRecord("urn:uuid:d", "https://a.example/d", page,
                      "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"));
  const Collected got = ReadAll(WriteTempFile("bodies.warc", warc));
  ASSERT_EQ(got.documents.size(), 4u) << ::testing::PrintToString(got.Messages());
  for (const Document& document : got.documents) {
    EXPECT_EQ(document.text, "Peru recalled its envoy from Ecuador.\n") << document.id;
  }
  EXPECT_TRUE(got.issues.empty()) << ::testing::PrintToString(got.Messages());
}

TEST(Warc, CharsetFromTheHttpHeader) {
  const std::string warc =
      Warc(PageRecord("urn:uuid:l", "https://a.example/l", "<p>Bogot\xE1 and Bras\xEDlia met.</p>",
                      "Content-Type: text/html; charset=ISO-8859-1\r\n"));
  const Collected got = ReadAll(WriteTempFile("latin.warc", warc));
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "Bogot\u00E1 and Bras\u00EDlia met.\n");
}

TEST(Warc, RecordsThatAreNotHtmlPagesArePassedOver) {
  Record image = PageRecord("urn:uuid:i", "https://a.example/i.png", "\x89PNG....",
                            "Content-Type: image/png\r\n");
  Record moved;
  moved.id = "urn:uuid:m";
  moved.block =
      Http("Location: https://a.example/1\r\nContent-Type: text/html\r\n", "<p>Moved</p>", 301);
  const Collected got = ReadAll(WriteTempFile(
      "mixed.warc", Warc(image) + Warc(moved) + Warc(PageRecord("urn:uuid:1", "", kPageC))));
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "urn:uuid:1");
  EXPECT_TRUE(got.issues.empty());
}

TEST(Warc, TruncatedGzipKeepsTheRecordsBeforeTheDamage) {
  std::string compressed;
  for (const std::string& record : ThreePages()) compressed += Compress(record);
  compressed.resize(compressed.size() - 30);  // cuts into the last member
  const std::string path = WriteTempFile("cut.warc.gz", compressed);
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[1].id, "urn:uuid:2");
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_TRUE(got.issues[0].record_skipped);
  EXPECT_EQ(got.issues[0].status.message(),
            path + ": truncated gzip stream: it ends inside a member after " +
                std::to_string(compressed.size()) +
                " compressed bytes (in or after record 5; the records before it were read)");
}

TEST(Warc, ContentLengthTooLongSkipsOnlyThatRecord) {
  std::vector<std::string> parts = ThreePages();
  Record liar = PageRecord("urn:uuid:2", "https://www.b.example/2", kPageB);
  liar.length = liar.block.size() + 40;
  parts[3] = Warc(liar);
  const std::string path = WriteTempFile("long.warc", Join(parts));
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].id, "urn:uuid:1");
  EXPECT_EQ(got.documents[1].id, "urn:uuid:3");
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(),
            path + ": record 4 (https://www.b.example/2): Content-Length " +
                std::to_string(*liar.length) +
                " does not end at the end of the record; skipped to the next record");
}

TEST(Warc, ContentLengthTooShortOrPastTheEnd) {
  std::vector<std::string> parts = ThreePages();
  Record short_record = PageRecord("urn:uuid:2", "https://www.b.example/2", kPageB);
  short_record.length = 50;
  parts[3] = Warc(short_record);
  Record last = PageRecord("urn:uuid:3", "https://c.example/3", kPageC);
  last.length = 100000;
  parts[4] = Warc(last);
  const std::string path = WriteTempFile("short.warc", Join(parts));
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "urn:uuid:1");
  EXPECT_EQ(
      got.Messages(),
      (std::vector<std::string>{
          path + ": record 4 (https://www.b.example/2): Content-Length 50 does not end at the "
                 "end of the record; skipped to the next record",
          path + ": record 5 (https://c.example/3): Content-Length 100000 runs past the end "
                 "of the file; skipped to the next record"}));
}

TEST(Warc, BinaryPayloadWithAnHtmlContentTypeNamesTheRecord) {
  const std::string binary("\x00\x01\x02\x03garbage\x00\xFF", 13);
  const std::string path = WriteTempFile(
      "binary.warc", Warc(PageRecord("urn:uuid:b", "https://a.example/b", binary)) +
                         Warc(PageRecord("urn:uuid:3", "https://c.example/3", kPageC)));
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_TRUE(got.issues[0].record_skipped);
  EXPECT_EQ(got.issues[0].status.message(),
            path +
                ": record 1 (https://a.example/b): the payload is binary data (NUL bytes), not "
                "HTML; skipped");
}

TEST(Warc, UnknownCharsetInTheHeaderIsAWarning) {
  const std::string path = WriteTempFile(
      "charset.warc", Warc(PageRecord("urn:uuid:u", "https://a.example/u", kPageC,
                                      "Content-Type: text/html; charset=x-unheard-of\r\n")));
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 1u);
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_FALSE(got.issues[0].record_skipped);
  EXPECT_EQ(got.issues[0].status.message(),
            path +
                ": record 1 (https://a.example/u): unknown charset \"x-unheard-of\"; read as "
                "UTF-8");
}

TEST(Warc, LanguageFromContentLanguageHeader) {
  const std::string path = WriteTempFile(
      "lang.warc", Warc(PageRecord("urn:uuid:p", "https://a.example/p", kPageC,
                                   "Content-Type: text/html\r\nContent-Language: pt-BR\r\n")));
  const Collected got = ReadAll(path);
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(),
            path +
                ": record 1 (https://a.example/p): the page declares language \"pt-br\"; only "
                "English is coded; skipped");
}

TEST(Warc, OversizedRecordIsSkippedAndTheNextRead) {
  std::vector<std::string> parts = ThreePages();
  ReaderOptions options;
  options.max_record_bytes = 150;
  const std::string path = WriteTempFile("limit.warc", parts[3] + parts[2]);
  const Collected got = ReadAll(path, options);
  ASSERT_EQ(got.documents.size(), 0u);
  ASSERT_EQ(got.issues.size(), 2u);
  EXPECT_EQ(got.issues[0].status.message().rfind(
                path + ": record 1 (https://www.b.example/2): record of ", 0),
            0u)
      << got.issues[0].status.message();
  options.max_record_bytes = 200;
  const Collected second = ReadAll(path, options);
  ASSERT_EQ(second.documents.size(), 1u) << ::testing::PrintToString(second.Messages());
  EXPECT_EQ(second.documents[0].id, "urn:uuid:1");
}

TEST(Warc, GarbageBetweenRecordsIsReportedAndSkipped) {
  std::vector<std::string> parts = ThreePages();
  const std::string path = WriteTempFile("garbage.warc", parts[2] + "junk line\r\n" + parts[4]);
  const Collected got = ReadAll(path);
  ASSERT_EQ(got.documents.size(), 2u);
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].status.message(),
            path + ": record 2 at byte " + std::to_string(parts[2].size()) +
                ": no WARC/ version line where a record should start; skipped to the next record");
}

TEST(Gunzip, MembersAreConcatenated) {
  auto both = Gunzip(Compress("Lima ") + Compress("spoke"), 1000);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(*both, "Lima spoke");
}

TEST(Gunzip, DamageIsAnError) {
  const std::string whole = Compress("Caracas and Havana signed an accord");
  auto cut = Gunzip(whole.substr(0, whole.size() - 5), 1000);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().message(), "truncated gzip stream: it ends inside a member after " +
                                        std::to_string(whole.size() - 5) + " compressed bytes");
  std::string corrupt = whole;
  corrupt[12] ^= 0x55;
  corrupt[13] ^= 0x55;
  EXPECT_FALSE(Gunzip(corrupt, 1000).ok());
  auto trailing = Gunzip(whole + "xyz", 1000);
  ASSERT_FALSE(trailing.ok());
  EXPECT_EQ(trailing.status().message(), "bytes after a gzip member are not gzip data after " +
                                             std::to_string(whole.size()) + " compressed bytes");
  auto big = Gunzip(Compress(std::string(5000, 'a')), 1000);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().message(), "gzip data inflates to more than 1000 bytes");
}

}  // namespace
}  // namespace dyad
