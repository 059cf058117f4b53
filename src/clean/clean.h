// clean: turns raw article bytes into the clean text every later stage reads.
//
// Promises about the returned text:
//  - valid UTF-8: every invalid byte sequence is replaced by U+FFFD and
//    counted, so a bad byte never loses the rest of the article;
//  - Unicode NFC, so "Nicolás" is one spelling whatever the input used;
//  - line breaks are "\n" (CRLF and lone CR converted), other C0 control
//    characters (except tab) and the byte-order mark are removed.
//  - only the article: lines that are page furniture (menus, breadcrumbs,
//    contact blocks, comment forms, "Latest News" lists, share buttons) or
//    spam injected into the body ("... supplier china") are removed, judged
//    by features of each line and its neighbours, never by a list of strings
//    (see ClassifyLines). Kept lines are unchanged and keep their order; a
//    removed stretch becomes one paragraph break. A text with no line of
//    running prose (a headline, a one-sentence snippet) is kept whole.
//    Given a SiteTemplate, lines recurring on many pages of the page's site
//    are removed too.
// CleanText is pure and thread-safe; its cost is linear in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

// The template of a site: lines that recur on many of its pages (menus,
// footers, "Contact us", a slogan) are frame, however they read. Fill it
// with a batch's pages, then hand it to the cleaning of each page (a batch is
// read twice, or a site's template is kept from earlier batches). Filling is
// not thread-safe; a filled SiteTemplate is read-only and can be shared.
class SiteTemplate {
 public:
  // A line is template when it is on at least `min_pages` pages of its site
  // and on at least `min_share` of them.
  explicit SiteTemplate(uint32_t min_pages = 3, double min_share = 0.5)
      : min_pages_(min_pages), min_share_(min_share) {}

  // Counts every distinct non-blank line of one page of `site` (an outlet
  // name or host; pages without one should not be added).
  void AddPage(std::string_view site, std::string_view text);

  bool IsTemplate(std::string_view site, std::string_view line) const;

 private:
  uint32_t min_pages_;
  double min_share_;
  std::unordered_map<uint64_t, uint32_t> pages_;  // by site hash
  std::unordered_map<uint64_t, uint32_t> lines_;  // by hash of (site, line)
};

struct CleanOptions {
  // Remove boilerplate and spam lines (default). Off, only the encoding is
  // repaired and normalised.
  bool remove_boilerplate = true;
  // When set, lines of `site`'s template are removed as well.
  const SiteTemplate* site_template = nullptr;
  std::string_view site;
};

struct CleanResult {
  std::string text;
  size_t invalid_sequences = 0;     // bytes sequences replaced with U+FFFD
  size_t first_invalid_offset = 0;  // byte offset in the raw input of the first one
  size_t removed_lines = 0;         // boilerplate and spam lines removed
};

CleanResult CleanText(std::string_view raw, const CleanOptions& options = {});

// What boilerplate removal makes of one line of text.
enum class LineVerdict : uint8_t {
  kBlank,    // empty or whitespace only
  kBody,     // running prose: the lines that anchor the article
  kKept,     // not prose, but part of the article: a title, a heading, a short sentence
  kDropped,  // boilerplate, spam, or a repeat of an earlier line
};

// One verdict per line of `text` (lines split at "\n"; a trailing "\n" ends
// with an empty, blank line). Features: the share of English function words
// and the number of words (prose or label), sentence form, truncation
// ("..."), breadcrumb separators, repetition within the page, and whether a
// short line shares its vocabulary with the body lines (a heading does, an
// injected keyword line does not). After the article's last body line only an
// unbroken run of sentences stays (comment forms and related-article lists
// follow articles). Without any body line every non-blank line is kKept.
// Linear in the text.
// With `site_template`, the lines it names for `site` are kDropped, and play no
// part in judging the others.
std::vector<LineVerdict> ClassifyLines(std::string_view text,
                                       const SiteTemplate* site_template = nullptr,
                                       std::string_view site = {});

// English function words ("the", "of", "would"), given in lowercase ASCII: the
// closed class whose share tells prose from labels. Dedup skips them too.
bool IsFunctionWord(std::string_view lowercase_word);

// `text` without its kDropped lines, as CleanText returns it; the number of
// removed lines goes to `removed_lines` when it is not null.
std::string RemoveBoilerplate(std::string_view text, size_t* removed_lines = nullptr,
                              const SiteTemplate* site_template = nullptr,
                              std::string_view site = {});

// Only the UTF-8 repair step: valid UTF-8 out, invalid sequences replaced by
// U+FFFD and counted. Readers use it before handing bytes to a JSON parser.
CleanResult RepairUtf8(std::string_view raw);

// The Unicode NFC form of valid UTF-8 `text`, as utf8proc_NFC gives it.
// Stretches that NFC cannot change (ASCII, Latin-1, most punctuation and
// letters of other scripts) are copied without calling utf8proc: only the
// neighbourhood of a combining mark, a decomposable letter above U+0300 or a
// Hangul jamo is normalised. CleanText calls it only when such a code point
// occurs at all.
std::string ToNfc(std::string_view text);

}  // namespace dyad
