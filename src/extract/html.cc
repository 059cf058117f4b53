// HTML pages to Documents: charset, libxml2's SAX parser, main text and
// metadata. See extract.h for what is kept and where each field comes from.
//
// Why libxml2's HTML parser: Debian 12 has no lexbor, and gumbo (the other
// packaged HTML5 parser) builds a full tree at about 15 MB/s on news pages,
// too slow for the 50 MB/s goal. libxml2's parser streams SAX events at
// 60-70 MB/s, never builds a tree (a 50 MB page costs no DOM), recovers from
// unclosed and misnested tags, and is fuzzed upstream (OSS-Fuzz). It follows
// HTML 4 rather than the HTML5 tree-construction rules; for pulling text and
// meta tags out of news pages the differences (rare misnesting repairs) do
// not matter.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/charset.h"
#include "extract/dateline.h"
#include "extract/extract.h"

namespace dyad {

namespace {

using extract_internal::CharsetFromBom;
using extract_internal::ConvertToUtf8;
using extract_internal::IsSpace;
using extract_internal::Lower;
using extract_internal::LowerCopy;
using extract_internal::SniffDeclaredCharset;
using extract_internal::Utf8Text;

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// What an element means for text extraction.
enum TagFlags : unsigned {
  kSkip = 1u << 0,       // its content is not article text (script, nav, ...)
  kBlock = 1u << 1,      // starts and ends a block of text
  kContainer = 1u << 2,  // text inside is article text (p, h1-h6, li, ...)
  kHeading1 = 1u << 3,
  kLink = 1u << 4,
  kArticle = 1u << 5,  // article or main: a <header> inside is kept
  kHeader = 1u << 6,   // skipped unless inside an article
  kTitle = 1u << 7,
  kScript = 1u << 8,
  kTime = 1u << 9,
  kMeta = 1u << 10,
  kLinkRel = 1u << 11,  // <link>
  kHtml = 1u << 12,
};

unsigned Classify(std::string_view tag) {
  struct Entry {
    std::string_view tag;
    unsigned flags;
  };
  static constexpr Entry kTags[] = {
      {"a", kLink},
      {"address", kBlock},
      {"article", kBlock | kArticle},
      {"aside", kSkip},
      {"blockquote", kBlock | kContainer},
      {"body", kBlock},
      {"br", kBlock},
      {"button", kSkip},
      {"canvas", kSkip},
      {"caption", kBlock},
      {"dd", kBlock | kContainer},
      {"details", kBlock},
      {"dialog", kSkip},
      {"div", kBlock},
      {"dl", kBlock},
      {"dt", kBlock | kContainer},
      {"embed", kSkip},
      {"figure", kSkip},
      {"footer", kSkip},
      {"form", kSkip},
      {"h1", kBlock | kContainer | kHeading1},
      {"h2", kBlock | kContainer},
      {"h3", kBlock | kContainer},
      {"h4", kBlock | kContainer},
      {"h5", kBlock | kContainer},
      {"h6", kBlock | kContainer},
      {"head", kSkip},
      {"header", kBlock | kHeader},
      {"hr", kBlock},
      {"html", kHtml},
      {"iframe", kSkip},
      {"li", kBlock | kContainer},
      {"link", kLinkRel},
      {"main", kBlock | kArticle},
      {"math", kSkip},
      {"menu", kSkip},
      {"meta", kMeta},
      {"nav", kSkip},
      {"noscript", kSkip},
      {"object", kSkip},
      {"ol", kBlock},
      {"p", kBlock | kContainer},
      {"pre", kBlock | kContainer},
      {"script", kSkip | kScript},
      {"section", kBlock},
      {"select", kSkip},
      {"style", kSkip},
      {"summary", kBlock},
      {"svg", kSkip},
      {"table", kBlock},
      {"td", kBlock},
      {"template", kSkip},
      {"textarea", kSkip},
      {"th", kBlock},
      {"time", kTime},
      {"title", kTitle},
      {"tr", kBlock},
      {"ul", kBlock},
  };
  size_t low = 0, high = std::size(kTags);
  while (low < high) {  // kTags is sorted by tag
    const size_t middle = (low + high) / 2;
    if (kTags[middle].tag < tag) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low < std::size(kTags) && kTags[low].tag == tag ? kTags[low].flags : 0;
}

// Class and id words that mark page chrome rather than the story: the first
// or last word of a class name ("comments-area", "social-share").
bool IsChromeWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "ad",          "ads",       "advert",       "advertisement", "banner",     "breadcrumb",
      "breadcrumbs", "comment",   "comments",     "cookie",        "cookies",    "footer",
      "menu",        "modal",     "nav",          "navbar",        "navigation", "newsletter",
      "popup",       "promo",     "related",      "share",         "sharing",    "sidebar",
      "social",      "subscribe", "subscription",
  };
  for (std::string_view chrome : kWords) {
    if (word.size() == chrome.size() && LowerCopy(word) == chrome) return true;
  }
  return false;
}

bool IsChromeName(std::string_view names) {
  size_t at = 0;
  while (at < names.size()) {
    while (at < names.size() && IsSpace(names[at])) ++at;
    size_t end = at;
    while (end < names.size() && !IsSpace(names[end])) ++end;
    const std::string_view name = names.substr(at, end - at);
    at = end;
    if (name.empty()) continue;
    const size_t first_end = name.find_first_of("-_");
    if (IsChromeWord(name.substr(0, first_end))) return true;
    const size_t last_start = name.find_last_of("-_");
    if (last_start != std::string_view::npos && IsChromeWord(name.substr(last_start + 1))) {
      return true;
    }
  }
  return false;
}

bool IsChromeRole(std::string_view role) {
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "search" || role == "dialog";
}

// Meta names that carry the publication date, in the order they are trusted.
int PublishedRank(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "article:published_time",
      "og:article:published_time",
      "datepublished",
      "article.published",
      "publishdate",
      "publish-date",
      "publish_date",
      "pubdate",
      "parsely-pub-date",
      "sailthru.date",
      "dc.date.issued",
      "dcterms.issued",
      "dcterms.created",
      "dc.date",
      "dcterms.date",
      "citation_publication_date",
      "date",
  };
  for (size_t i = 0; i < std::size(kKeys); ++i) {
    if (key == kKeys[i]) return static_cast<int>(i);
  }
  return -1;
}

// "2019-01-24", "2019-01-24T11:41:00Z", "2019/01/24 ..." as a date.
std::optional<CivilDate> ParseDateValue(std::string_view value) {
  value = Trim(value);
  if (value.size() < 10) return std::nullopt;
  std::string head(value.substr(0, 10));
  if (head[4] == '/' && head[7] == '/') head[4] = head[7] = '-';
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ' && value[10] != 't') {
    return std::nullopt;
  }
  return ParseIsoDate(head);
}

struct OpenElement {
  unsigned flags;
  bool skipping;  // this element raised the skip depth
  bool jsonld;    // <script type="application/ld+json">
};

// Everything one SAX pass collects.
struct PageParse {
  std::vector<OpenElement> open;
  int skip_depth = 0;
  int container_depth = 0;
  int link_depth = 0;
  int article_depth = 0;
  int title_depth = 0;
  int h1_depth = 0;
  int jsonld_depth = 0;

  std::string text;  // finished blocks, separated by blank lines
  std::string block;
  size_t block_link_bytes = 0;
  bool block_in_container = false;
  bool pending_space = false;

  std::string title, og_title, twitter_title, first_h1;
  bool title_done = false, h1_done = false, title_space = false, h1_space = false;
  std::string published;
  int published_rank = 1000;
  std::string time_datetime, jsonld;
  std::string canonical, og_url, site_name;
  std::string html_lang, og_locale, meta_language;

  void AppendText(std::string_view chars, std::string& to, bool& pending) {
    size_t at = 0;
    while (at < chars.size()) {
      const char c = chars[at];
      if (IsSpace(c)) {
        pending = true;
        ++at;
        continue;
      }
      if (c == '\xC2' && at + 1 < chars.size() && chars[at + 1] == '\xA0') {  // no-break space
        pending = true;
        at += 2;
        continue;
      }
      size_t end = at + 1;
      while (end < chars.size() && !IsSpace(chars[end]) && chars[end] != '\xC2') ++end;
      if (pending && !to.empty()) to.push_back(' ');
      pending = false;
      to.append(chars.data() + at, end - at);
      at = end;
    }
  }

  void Characters(std::string_view chars) {
    if (title_depth > 0 && !title_done) AppendText(chars, title, title_space);
    if (h1_depth > 0 && !h1_done) AppendText(chars, first_h1, h1_space);
    if (skip_depth > 0) return;
    const size_t before = block.size();
    AppendText(chars, block, pending_space);
    if (link_depth > 0) block_link_bytes += block.size() - before;
    if (container_depth > 0 && block.size() > before) block_in_container = true;
  }

  void EndBlock() {
    std::string_view kept = Trim(block);
    bool keep = !kept.empty();
    // Mostly links: a menu, a list of other stories, "read more".
    if (keep && block_link_bytes * 2 > kept.size()) keep = false;
    // Text outside paragraphs, headings and list items is kept only when it
    // reads like prose: long, with a sentence end.
    if (keep && !block_in_container) {
      keep = kept.size() >= 80 && (kept.find(". ") != std::string_view::npos ||
                                   kept.back() == '.' || kept.back() == '"');
    }
    if (keep) {
      if (!text.empty()) text += "\n\n";
      text.append(kept);
    }
    block.clear();
    block_link_bytes = 0;
    block_in_container = false;
    pending_space = false;
  }

  void Meta(const xmlChar** attributes) {
    std::string key;
    std::string_view content;
    for (const xmlChar** a = attributes; a != nullptr && a[0] != nullptr; a += 2) {
      const std::string_view name = View(a[0]);
      if (name == "content") {
        content = View(a[1]);
      } else if (name == "name" || name == "property" || name == "itemprop" ||
                 name == "http-equiv") {
        if (key.empty()) key = LowerCopy(Trim(View(a[1])));
      }
    }
    if (key.empty() || Trim(content).empty()) return;
    content = Trim(content);
    const int rank = PublishedRank(key);
    if (rank >= 0 && rank < published_rank && ParseDateValue(content)) {
      published = std::string(content);
      published_rank = rank;
    } else if (key == "og:title") {
      og_title = std::string(content);
    } else if (key == "twitter:title") {
      twitter_title = std::string(content);
    } else if (key == "og:url") {
      og_url = std::string(content);
    } else if (key == "og:site_name") {
      site_name = std::string(content);
    } else if (key == "og:locale") {
      og_locale = std::string(content);
    } else if (key == "content-language" || key == "language" || key == "dc.language") {
      if (meta_language.empty()) meta_language = std::string(content);
    }
  }

  void StartElement(std::string_view tag, const xmlChar** attributes) {
    unsigned flags = Classify(tag);
    OpenElement element{flags, false, false};
    std::string_view class_names, id, role, rel, href, type, datetime, lang, itemprop;
    bool hidden = false;
    for (const xmlChar** a = attributes; a != nullptr && a[0] != nullptr; a += 2) {
      const std::string_view name = View(a[0]);
      const std::string_view value = View(a[1]);
      if (name == "class")
        class_names = value;
      else if (name == "id")
        id = value;
      else if (name == "role")
        role = value;
      else if (name == "rel")
        rel = value;
      else if (name == "href")
        href = value;
      else if (name == "type")
        type = value;
      else if (name == "datetime")
        datetime = value;
      else if (name == "lang" || name == "xml:lang")
        lang = value;
      else if (name == "itemprop")
        itemprop = value;
      else if (name == "hidden")
        hidden = true;
    }
    if (flags & kHtml) {
      if (html_lang.empty()) html_lang = std::string(Trim(lang));
    } else if (flags & kMeta) {
      Meta(attributes);
    } else if (flags & kLinkRel) {
      if (canonical.empty() && LowerCopy(Trim(rel)) == "canonical") {
        canonical = std::string(Trim(href));
      }
    } else if (flags & kTime) {
      const std::string prop = LowerCopy(itemprop);
      if (prop == "datepublished" && PublishedRank("datepublished") < published_rank &&
          ParseDateValue(datetime)) {
        published = std::string(datetime);
        published_rank = PublishedRank("datepublished");
      } else if (time_datetime.empty() && ParseDateValue(datetime)) {
        time_datetime = std::string(datetime);
      }
    }
    if ((flags & kScript) && LowerCopy(Trim(type)) == "application/ld+json") {
      element.jsonld = true;
      ++jsonld_depth;
    }
    if ((flags & kHeader) && article_depth == 0) flags |= kSkip;
    const bool structural = (flags & (kHtml | kArticle)) != 0 || tag == "body";
    if (!(flags & kSkip) && !structural &&
        (hidden || IsChromeRole(role) || IsChromeName(class_names) || IsChromeName(id))) {
      flags |= kSkip | kBlock;
    }
    element.flags = flags;
    if (flags & kBlock) EndBlock();
    if (flags & kSkip) {
      element.skipping = true;
      ++skip_depth;
    }
    if (flags & kContainer) ++container_depth;
    if (flags & kLink) ++link_depth;
    if (flags & kArticle) ++article_depth;
    if (flags & kTitle) ++title_depth;
    if (flags & kHeading1) ++h1_depth;
    open.push_back(element);
  }

  void EndElement() {
    if (open.empty()) return;
    const OpenElement element = open.back();
    open.pop_back();
    const unsigned flags = element.flags;
    if (flags & kBlock) EndBlock();
    if (element.skipping) --skip_depth;
    if (element.jsonld) --jsonld_depth;
    if (flags & kContainer) --container_depth;
    if (flags & kLink) --link_depth;
    if (flags & kArticle) --article_depth;
    if ((flags & kTitle) && --title_depth == 0 && !title.empty()) title_done = true;
    if ((flags & kHeading1) && --h1_depth == 0 && !first_h1.empty()) h1_done = true;
  }
};

void OnStartElement(void* context, const xmlChar* name, const xmlChar** attributes) {
  static_cast<PageParse*>(context)->StartElement(View(name), attributes);
}

void OnEndElement(void* context, const xmlChar*) { static_cast<PageParse*>(context)->EndElement(); }

void OnCharacters(void* context, const xmlChar* chars, int length) {
  static_cast<PageParse*>(context)->Characters(
      std::string_view(reinterpret_cast<const char*>(chars), static_cast<size_t>(length)));
}

// Script and style content arrive here; only JSON-LD is wanted.
void OnCdata(void* context, const xmlChar* chars, int length) {
  auto* page = static_cast<PageParse*>(context);
  if (page->jsonld_depth > 0 && page->jsonld.size() < (1u << 20)) {
    page->jsonld.append(reinterpret_cast<const char*>(chars), static_cast<size_t>(length));
  }
}

// Case-insensitive search for the ASCII `needle` (lower case) in `text`.
size_t FindIgnoreCase(std::string_view text, std::string_view needle, size_t from) {
  while (from + needle.size() <= text.size()) {
    size_t at = from;
    if (needle[0] >= 'a' && needle[0] <= 'z') {
      while (at < text.size() && Lower(text[at]) != needle[0]) ++at;
      if (at == text.size()) return std::string_view::npos;
    } else {
      const void* hit = std::memchr(text.data() + from, needle[0], text.size() - from);
      if (hit == nullptr) return std::string_view::npos;
      at = static_cast<const char*>(hit) - text.data();
    }
    if (at + needle.size() > text.size()) return std::string_view::npos;
    bool same = true;
    for (size_t i = 1; i < needle.size() && same; ++i) same = Lower(text[at + i]) == needle[i];
    if (same) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

bool StartsWithTag(std::string_view text, size_t at, std::string_view tag) {
  if (at + tag.size() >= text.size()) return false;
  for (size_t i = 0; i < tag.size(); ++i) {
    if (Lower(text[at + i]) != tag[i]) return false;
  }
  const char next = text[at + tag.size()];
  return IsSpace(next) || next == '>' || next == '/';
}

// Script and style bodies and comments, removed before parsing: they are
// often half of a news page's bytes, and libxml2 reads raw text a character
// at a time. Their tags stay, so the structure the parser sees is the same;
// a script ends at "</script" as in the parser. The bodies of JSON-LD
// scripts are kept aside in `jsonld` for the publication date.
std::string StripRawText(std::string_view page, std::string& jsonld) {
  std::string out;
  out.reserve(page.size());
  size_t copied = 0;
  size_t at = 0;
  while ((at = page.find('<', at)) != std::string_view::npos) {
    if (page.compare(at, 4, "<!--") == 0) {
      const size_t end = page.find("-->", at + 4);
      out.append(page.substr(copied, at - copied));
      copied = at = end == std::string_view::npos ? page.size() : end + 3;
      continue;
    }
    std::string_view closing;
    if (StartsWithTag(page, at + 1, "script")) {
      closing = "</script";
    } else if (StartsWithTag(page, at + 1, "style")) {
      closing = "</style";
    } else {
      ++at;
      continue;
    }
    const size_t tag_end = page.find('>', at);
    if (tag_end == std::string_view::npos) break;
    const size_t end = FindIgnoreCase(page, closing, tag_end + 1);
    const size_t body_end = end == std::string_view::npos ? page.size() : end;
    if (closing == "</script" &&
        FindIgnoreCase(page.substr(at, tag_end - at), "ld+json", 0) != std::string_view::npos &&
        jsonld.size() < (1u << 20)) {
      jsonld.append(page.substr(tag_end + 1, body_end - tag_end - 1));
      jsonld.push_back('\n');
    }
    out.append(page.substr(copied, tag_end + 1 - copied));
    copied = at = body_end;
  }
  out.append(page.substr(std::min(copied, page.size())));
  return out;
}

void IgnoreError(void*, xmlErrorPtr) {}

void ParseWithLibxml2(std::string_view utf8, PageParse& page) {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
  htmlSAXHandler handler;
  std::memset(&handler, 0, sizeof handler);
  handler.startElement = OnStartElement;
  handler.endElement = OnEndElement;
  handler.characters = OnCharacters;
  handler.cdataBlock = OnCdata;
  // A structured error handler keeps libxml2 from printing to stderr.
  handler.initialized = XML_SAX2_MAGIC;
  handler.serror = IgnoreError;
  htmlParserCtxtPtr context =
      htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size()));
  if (context == nullptr) return;
  std::memcpy(context->sax, &handler, sizeof handler);
  context->userData = &page;
  // The bytes are UTF-8 already: a <meta charset> must not switch decoding.
  htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(context);
  std::memset(context->sax, 0, sizeof handler);
  htmlFreeParserCtxt(context);
  page.EndBlock();
}

// "datePublished": "2019-01-24T..." anywhere in the JSON-LD.
std::string JsonLdDatePublished(std::string_view json) {
  size_t at = json.find("\"datePublished\"");
  if (at == std::string_view::npos) return "";
  at += 15;
  while (at < json.size() && (IsSpace(json[at]) || json[at] == ':')) ++at;
  if (at >= json.size() || json[at] != '"') return "";
  const size_t end = json.find('"', at + 1);
  if (end == std::string_view::npos) return "";
  return std::string(json.substr(at + 1, end - at - 1));
}

// "https://www.example.com:443/a" -> "example.com".
std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  const size_t at = url.find('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host = LowerCopy(url);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// `link` as an absolute URL, resolved against `base` when it is relative.
std::string Absolute(std::string_view link, std::string_view base) {
  if (link.find("://") != std::string_view::npos) return std::string(link);
  const size_t scheme = base.find("://");
  if (scheme == std::string_view::npos || link.empty()) return "";
  if (link.starts_with("//")) return std::string(base.substr(0, scheme + 1)) + std::string(link);
  if (!link.starts_with("/")) return "";
  const size_t path = base.find('/', scheme + 3);
  return std::string(base.substr(0, path)) + std::string(link);
}

std::string NormaliseLanguage(std::string_view tag) {
  std::string language = LowerCopy(Trim(tag));
  for (char& c : language) {
    if (c == '_') c = '-';
  }
  const size_t comma = language.find(',');  // Content-Language may list several
  if (comma != std::string::npos) language = std::string(Trim(language.substr(0, comma)));
  return language;
}

// A payload that is not text: an image or archive served as text/html, or
// bytes with NULs. Returns what it looks like, or empty for text.
std::string BinaryKind(std::string_view bytes) {
  if (bytes.starts_with("\x89PNG")) return "a PNG image";
  if (bytes.starts_with("GIF8")) return "a GIF image";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "a JPEG image";
  if (bytes.starts_with("%PDF")) return "a PDF document";
  if (bytes.starts_with("PK\x03\x04")) return "a ZIP archive";
  if (bytes.starts_with("\x1F\x8B")) return "gzip data";
  const std::string_view head = bytes.substr(0, 1024);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return "binary data (NUL bytes)";
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++control;
  }
  if (control * 10 > head.size()) return "binary data (control bytes)";
  return "";
}

}  // namespace

StatusOr<Document> ExtractHtml(std::string_view bytes, const PageContext& context,
                               std::vector<std::string>* warnings) {
  std::string charset(CharsetFromBom(bytes));
  if (charset.empty()) charset = LowerCopy(Trim(context.charset));
  if (charset.empty()) charset = SniffDeclaredCharset(bytes);
  const bool wide = charset.starts_with("utf-16") || charset.starts_with("utf-32");
  if (!wide) {
    const std::string kind = BinaryKind(bytes);
    if (!kind.empty()) {
      return Status::InvalidInput("the payload is " + kind + ", not HTML; skipped");
    }
  }
  Utf8Text converted = ConvertToUtf8(bytes, charset);
  if (converted.unknown_charset) {
    warnings->push_back("unknown charset \"" + charset.substr(0, 40) + "\"; read as UTF-8");
  } else if (charset.empty() && converted.invalid_sequences > 0) {
    // Undeclared and not UTF-8: browsers fall back to windows-1252.
    converted = ConvertToUtf8(bytes, "windows-1252");
  }
  if (converted.invalid_sequences > 0) {
    warnings->push_back(
        std::to_string(converted.invalid_sequences) + " byte sequence(s) invalid in " +
        (charset.empty() || converted.unknown_charset ? std::string("UTF-8") : charset) +
        " replaced with U+FFFD");
  }
  std::string& utf8 = converted.text;
  // libxml2 stops at a NUL byte; a stray one must not cut the page short.
  for (size_t at = utf8.find('\0'); at != std::string::npos; at = utf8.find('\0', at)) {
    utf8[at] = ' ';
  }

  PageParse page;
  ParseWithLibxml2(StripRawText(utf8, page.jsonld), page);

  Document document;
  document.id = context.id;
  document.origin = context.origin;
  document.text = std::move(page.text);
  if (document.text.empty()) {
    return Status::InvalidInput("no article text found in the page; skipped");
  }
  document.text += '\n';
  std::string_view title = !page.og_title.empty()        ? page.og_title
                           : !page.twitter_title.empty() ? page.twitter_title
                           : !page.title.empty()         ? page.title
                                                         : page.first_h1;
  document.title = std::string(Trim(title));

  std::optional<CivilDate> date = ParseDateValue(page.published);
  if (!date) date = ParseDateValue(JsonLdDatePublished(page.jsonld));
  if (!date) date = ParseDateValue(page.time_datetime);
  if (!date) date = FindPrintedDate(document.text);
  document.report_date = date ? *date : context.fallback_date;

  document.url = Absolute(page.canonical, context.url);
  if (document.url.empty()) document.url = Absolute(page.og_url, context.url);
  if (document.url.empty()) document.url = context.url;
  document.source = std::string(Trim(page.site_name));
  if (document.source.empty()) document.source = HostOf(document.url);

  for (std::string_view declared :
       {std::string_view(page.html_lang), std::string_view(page.og_locale),
        std::string_view(page.meta_language), std::string_view(context.content_language)}) {
    document.language = NormaliseLanguage(declared);
    if (!document.language.empty()) break;
  }
  return document;
}

}  // namespace dyad

namespace dyad::extract_internal {

void DeliverPage(std::string_view bytes, const PageContext& context, const ReaderOptions& options,
                 const ReadCallbacks& callbacks) {
  std::vector<std::string> warnings;
  StatusOr<Document> document = ExtractHtml(bytes, context, &warnings);
  for (const std::string& warning : warnings) {
    callbacks.on_issue({Status::InvalidInput(context.origin + ": " + warning), false});
  }
  if (!document.ok()) {
    callbacks.on_issue({document.status().WithContext(context.origin), true});
    return;
  }
  const std::string& language = document->language;
  const bool english = language.empty() || language == "en" || language.starts_with("en-");
  if (options.english_only && !english) {
    callbacks.on_issue(
        {Status::Unsupported(context.origin + ": the page declares language \"" +
                             language.substr(0, 20) + "\"; only English is coded; skipped"),
         true});
    return;
  }
  callbacks.on_document(std::move(document).value());
}

}  // namespace dyad::extract_internal
