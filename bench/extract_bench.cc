// Throughput of the readers: WARC.gz in, Documents (text and metadata) out.
//
//   build/release/bench/extract_bench [MEGABYTES] [DIR]
//
// Generates MEGABYTES (default 120) of HTML pages at run time — five site
// templates with their own navigation, sidebars, inline scripts and styles,
// JSON-LD, comment forms and footers; article bodies from a word list; some
// pages in windows-1252, some with chunked or gzip HTTP bodies — and writes
// them as a WARC.gz (one gzip member per record, as crawlers write) into DIR
// (default: a fresh directory under /tmp, removed afterwards). Then it reads
// the file back with ReadDocuments on one thread and prints the HTML
// megabytes per CPU second (the uncompressed payload, the unit of the 50 MB/s
// per core goal), the same for the compressed file, the wall-clock time and
// the peak resident memory.
// Run it from a Release build; it is not part of the test suite.
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace {

const std::vector<std::string> kWords = {
    "the",       "minister", "said",      "government", "talks",    "relations", "embassy",
    "border",    "trade",    "sanctions", "president",  "council",  "agreed",    "visit",
    "summit",    "week",     "official",  "statement",  "foreign",  "policy",    "on",
    "of",        "and",      "a",         "to",         "in",       "with",      "after",
    "Venezuela", "Colombia", "Brazil",    "Peru",       "Chile",    "Ecuador",   "envoy",
    "accord",    "meeting",  "crisis",    "aid",        "military", "election",  "capital",
    "Tuesday",   "Monday",   "reported",  "denied",     "warned",   "signed",    "rejected"};

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

  std::string Words(size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) {
      if (i) out += ' ';
      out += kWords[Pick(kWords.size())];
    }
    return out;
  }

  std::string Sentence() {
    std::string s = Words(8 + Pick(18));
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + ". ";
  }

  // One page of site `site` (0-4): each site has its own chrome.
  std::string Page(int site, size_t number, bool latin1) {
    std::string p = "<!DOCTYPE html>\n<html lang=\"en\"><head>";
    p += latin1 ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                : "<meta charset=\"utf-8\">";
    p += "<title>" + Words(7) + " | Site " + std::to_string(site) + "</title>";
    p += "<meta property=\"og:site_name\" content=\"Site " + std::to_string(site) + "\">";
    p += "<meta property=\"article:published_time\" content=\"2019-0" + std::to_string(1 + site) +
         "-1" + std::to_string(number % 10) + "T08:00:00Z\">";
    p += "<link rel=\"canonical\" href=\"/news/" + std::to_string(number) + "\">";
    p += "<style>";
    for (int i = 0; i < 40 + site * 30; ++i) {
      p += ".c" + std::to_string(i) + " .x > a:hover { color: #" + std::to_string(100 + i) +
           "; margin: 0 " + std::to_string(i) + "px }\n";
    }
    p += "</style><script>window.__STATE__ = {";
    for (int i = 0; i < 100 + site * 80; ++i) {
      p += "\"k" + std::to_string(i) + "\":\"" + Words(3) + "\",";
    }
    p += "\"end\":1};</script>";
    p += "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" +
         Words(6) + "\",\"datePublished\":\"2019-02-01T00:00:00Z\"}</script></head><body>";
    p += "<header class=\"site-header\"><nav><ul>";
    for (int i = 0; i < 25 + site * 10; ++i) {
      p += "<li class=\"nav-item\"><a href=\"/section/" + std::to_string(i) + "\">" + Words(2) +
           "</a></li>";
    }
    p += "</ul></nav></header><main><article><h1>" + Words(9) + "</h1>";
    p += site % 2 ? "<div class=\"byline\">By " + Words(2) + "</div>"
                  : "<p class=\"byline\">" + Words(3) + "</p>";
    const size_t paragraphs = 6 + Pick(14);
    for (size_t i = 0; i < paragraphs; ++i) {
      if (site == 3) {
        p += "<div class=\"text\">";  // a site that sets its body in divs with <br>s
        for (int s = 0; s < 3; ++s) p += Sentence();
        p += latin1 ? "Bogot\xE1 " : "Bogot\xC3\xA1 ";
        p += "<br><br></div>";
      } else {
        p += "<p>";
        const size_t sentences = 2 + Pick(4);
        for (size_t s = 0; s < sentences; ++s) {
          p += Sentence();
          if (Pick(4) == 0) p += "<a href=\"/t/" + std::to_string(s) + "\">" + Words(2) + "</a> ";
        }
        p += "</p>\n";
      }
      if (i == 3) p += "<div class=\"ad-slot\"><iframe src=\"/ad\"></iframe>Advertisement</div>";
      if (i == 5 && site == 1) p += "<h2>" + Words(4) + "</h2><ul><li>" + Sentence() + "</li></ul>";
    }
    p += "<div class=\"share-buttons\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div>";
    p += "</article><aside class=\"sidebar\"><h3>Most read</h3><ol>";
    for (int i = 0; i < 10; ++i)
      p += "<li><a href=\"/m/" + std::to_string(i) + "\">" + Words(6) + "</a></li>";
    p += "</ol></aside></main>";
    if (site != 2) {
      p += "<section id=\"comments\"><h3>Leave a comment</h3><form><textarea></textarea>"
           "<button>Post</button></form></section>";
    }
    p += "<footer><p>Copyright 2019 Site " + std::to_string(site) + "</p><ul>";
    for (int i = 0; i < 30; ++i)
      p += "<li><a href=\"/f/" + std::to_string(i) + "\">" + Words(2) + "</a></li>";
    p += "</ul></footer><script>(function(){var s=document.createElement('script');})();</script>";
    p += "</body></html>\n";
    return p;
  }

 private:
  std::mt19937 random_;
};

std::string Gzip(const std::string& data, int window_bits = 15 + 16) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
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

std::string Record(size_t number, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bench-" +
         std::to_string(number) + ">\r\nWARC-Target-URI: https://site" +
         std::to_string(number % 5) + ".example/news/" + std::to_string(number) +
         "\r\nWARC-Date: 2019-03-01T00:00:00Z\r\nContent-Type: application/http; "
         "msgtype=response\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

// CPU seconds (user + system) this process has used: the per-core measure,
// which a busy shared machine does not distort as it does wall time.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 120.0;
  std::filesystem::path dir;
  bool remove_dir = false;
  if (argc > 2) {
    dir = argv[2];
  } else {
    char pattern[] = "/tmp/dyad-extract-bench-XXXXXX";
    if (mkdtemp(pattern) == nullptr) {
      std::perror("mkdtemp");
      return 1;
    }
    dir = pattern;
    remove_dir = true;
  }
  const std::string path = (dir / "bench.warc.gz").string();

  // Generate.
  const auto generating = std::chrono::steady_clock::now();
  Generator generator(20190123);
  FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) {
    std::perror(path.c_str());
    return 1;
  }
  size_t html_bytes = 0, pages = 0;
  while (html_bytes < megabytes * 1e6) {
    const int site = static_cast<int>(pages % 5);
    const bool latin1 = pages % 7 == 3;
    const std::string page = generator.Page(site, pages, latin1);
    html_bytes += page.size();
    std::string headers =
        std::string("Content-Type: text/html") + (latin1 ? "; charset=iso-8859-1" : "") + "\r\n";
    std::string body = page;
    if (pages % 4 == 1) {  // compressed in transit
      headers += "Content-Encoding: gzip\r\n";
      body = Gzip(page);
    }
    if (pages % 6 == 2) {  // chunked in transit
      headers += "Transfer-Encoding: chunked\r\n";
      char size[32];
      std::snprintf(size, sizeof size, "%zx\r\n", body.size());
      body = size + body + "\r\n0\r\n\r\n";
    }
    const std::string member = Gzip(Record(pages, "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body));
    std::fwrite(member.data(), 1, member.size(), out);
    ++pages;
  }
  std::fclose(out);
  const size_t file_bytes = std::filesystem::file_size(path);
  std::printf("generated         %zu pages, %.1f MB of HTML, %.1f MB WARC.gz in %.1f s\n", pages,
              html_bytes / 1e6, file_bytes / 1e6, Seconds(generating));

  // Read and extract.
  size_t documents = 0, text_bytes = 0, issues = 0;
  dyad::ReadCallbacks callbacks;
  callbacks.on_document = [&](dyad::Document&& document) {
    ++documents;
    text_bytes += document.text.size();
  };
  callbacks.on_issue = [&](const dyad::ReadIssue& issue) {
    if (issues++ < 5) std::fprintf(stderr, "%s\n", issue.status.message().c_str());
  };
  dyad::ReaderOptions options;
  options.default_report_date = {2019, 3, 1};
  const auto reading = std::chrono::steady_clock::now();
  const double cpu_before = CpuSeconds();
  const dyad::Status status = dyad::ReadDocuments(path, options, callbacks);
  const double cpu = CpuSeconds() - cpu_before;
  const double elapsed = Seconds(reading);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("extracted         %zu documents, %.1f MB of text, %zu issue(s)\n", documents,
              text_bytes / 1e6, issues);
  std::printf("throughput        %.1f MB/s of HTML per core, %.1f MB/s of WARC.gz (%.2f CPU s)\n",
              html_bytes / 1e6 / cpu, file_bytes / 1e6 / cpu, cpu);
  std::printf(
      "wall clock        %.2f s, %.1f MB/s of HTML (one thread; includes waiting for a "
      "busy machine)\n",
      elapsed, html_bytes / 1e6 / elapsed);
  std::printf("peak RSS          %.1f MB\n", usage.ru_maxrss / 1024.0);
  if (remove_dir) std::filesystem::remove_all(dir);
  return documents == pages ? 0 : 1;
}
