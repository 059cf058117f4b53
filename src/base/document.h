// Document: one news article as it moves through the pipeline.
//
// A Document owns its bytes. Every later stage (sentences, tokens, actor and
// event spans) refers into `text` by byte offsets, so `text` must not change
// once segmentation has run. `text` holds the clean text: after the clean
// stage it is valid, NFC-normalised UTF-8.
#pragma once

#include <string>

#include "base/civil_date.h"

namespace dyad {

struct Document {
  std::string id;         // stable id: the input's id field, or derived from the file
  CivilDate report_date;  // publication date; the anchor for relative dates
  std::string source;     // the outlet ("Reuters", "example.com"), may be empty
  std::string url;        // may be empty
  std::string title;      // may be empty
  std::string text;       // the article body (clean text after the clean stage)
  std::string origin;     // where it came from, for messages: "news.jsonl:12"
  // Declared language tag ("en", "en-gb"); empty when unknown. Last, with a
  // default, so positional initialisers written before it stay valid.
  std::string language = {};
};

}  // namespace dyad
