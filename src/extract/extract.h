// extract: reads input files into Documents: the article's text and what is
// known about it (title, publication date, canonical URL, site, language).
//
// Formats, detected from the content first (gzip and WARC magic bytes, an
// HTML start) and then from the extension, or forced with ReaderOptions:
//   - plain text: one document per file; its id is the file name, its report
//     date the one printed in its head (dateline.h), else the one given in
//     ReaderOptions;
//   - JSON Lines (.jsonl, .ndjson, or a first line that is an object): one
//     article per line, an object with the keys id, date (YYYY-MM-DD, or an
//     ISO 8601 date-time whose date part is used), source, url, title, text
//     (only text is required);
//   - HTML (.html, .htm, .xhtml): one page per file, id the file name;
//   - WARC (.warc, .warc.gz; gzip may be one member per record or one for
//     all): every record of type "response" whose HTTP payload is HTML is a
//     page, id its WARC-Record-ID (else its WARC-Target-URI). Chunked and
//     gzip/deflate HTTP bodies are decoded. Other records (requests,
//     metadata, redirects, images, scripts) are not articles and are passed
//     over without a message.
// A page is converted to UTF-8 from the charset its HTTP header, byte-order
// mark, <meta charset> or http-equiv names (iconv), parsed with libxml2's
// HTML parser, and reduced to its main text: headings, paragraphs and list
// items outside script, style, nav, header (unless inside the article),
// footer, aside and form elements and outside elements whose class, id or
// role names page chrome ("comments-area", "social-share", role=navigation);
// blocks made mostly of link text are dropped (menus, "read more"). One block
// per paragraph with a blank line between blocks (the contract
// with the clean stage's block-level boilerplate removal). Its metadata:
// title (og:title, <title>, first <h1>); publication date as report_date
// (article:published_time and similar meta tags, JSON-LD datePublished,
// <time datetime>; else a date printed in the page head, dateline.h; else the
// WARC-Date; else the default); url (rel=canonical,
// og:url, else the WARC target); source (og:site_name, else the URL's host);
// language (<html lang>, og:locale, Content-Language). Pages that declare a
// language other than English are skipped with a ReadIssue saying so (unless
// ReaderOptions::english_only is false); undeclared means English.
//
// Bad input never stops a batch. Each problem is reported through the
// callback as a ReadIssue whose message names the file and line or record
// ("news.jsonl:12: ...", "crawl.warc.gz: record 3 (https://...): ..."): a
// record that cannot be read is skipped (record_skipped), a record that can be
// repaired (invalid UTF-8 replaced, a bad date replaced by the default, an
// unknown charset read as UTF-8) is kept with a warning. A WARC record whose
// Content-Length is wrong is skipped and reading resumes at the next record;
// a truncated gzip stream ends the file with a message, after every record
// before the damage was delivered. ReadDocuments itself fails only when the
// file cannot be opened at all.
//
// Memory: JSON Lines and WARC files are streamed; a line or record longer than
// max_record_bytes is skipped without being held in memory. A page costs a
// few times its size while it is parsed (the parser is SAX: no DOM is built).
// All functions are thread-safe; the callbacks are called on the calling
// thread, in input order.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "base/document.h"
#include "base/status.h"

namespace dyad {

enum class InputFormat { kAuto, kText, kJsonl, kHtml, kWarc };

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by content, then extension, else text
  CivilDate default_report_date;            // for text input and JSON records without a date
  size_t max_record_bytes = 16u << 20;      // larger documents, lines or records are skipped
  bool english_only = true;                 // pages declaring another language are skipped
};

struct ReadIssue {
  Status status;        // the message names file and line
  bool record_skipped;  // false: a warning, the record was kept
};

struct ReadCallbacks {
  std::function<void(Document&&)> on_document;
  std::function<void(const ReadIssue&)> on_issue;
};

// `path` "-" reads standard input.
Status ReadDocuments(const std::string& path, const ReaderOptions& options,
                     const ReadCallbacks& callbacks);

// Reads `bytes` as if they were the file `name` (which picks the format as a
// path would). For tests and fuzzing.
Status ReadBuffer(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                  const ReadCallbacks& callbacks);

// What the container of a page (a WARC record and its HTTP headers) says
// about it; the page's own markup takes precedence where it speaks.
struct PageContext {
  std::string id;                // the document id
  std::string origin;            // names the page in messages: "crawl.warc: record 3 (URL)"
  std::string url;               // WARC-Target-URI; empty for files
  std::string charset;           // from the HTTP Content-Type; empty if none
  std::string content_language;  // HTTP Content-Language; empty if none
  CivilDate fallback_date;       // used when the page states no publication date
};

// One HTML page to a Document: text and metadata as described above, the
// declared language in document.language (not filtered here). Fails
// (kInvalidInput) on a binary payload and on a page without any text.
// Warnings (an unknown charset, invalid bytes) are appended to `warnings`,
// without the origin.
StatusOr<Document> ExtractHtml(std::string_view bytes, const PageContext& context,
                               std::vector<std::string>* warnings);

// Decompresses a gzip stream of one or more members. Fails on truncated or
// corrupt data and when the output would exceed `max_output` bytes.
StatusOr<std::string> Gunzip(std::string_view compressed, size_t max_output);

// Parses one JSON Lines record. `origin` ("news.jsonl:12") names it in
// messages and becomes the id when the record has none. Exposed for tests
// and fuzzing.
StatusOr<Document> ParseJsonRecord(std::string_view line, std::string_view origin,
                                   const CivilDate& default_report_date, std::string* warning);

}  // namespace dyad
