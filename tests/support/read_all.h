// Reading a whole input with the extract stage's readers and keeping what
// they hand over: the documents and the problems they reported.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"

namespace dyad::testing {

struct Collected {
  std::vector<Document> documents;
  std::vector<ReadIssue> issues;
  std::vector<std::string> Messages() const {
    std::vector<std::string> messages;
    for (const ReadIssue& issue : issues) messages.push_back(issue.status.message());
    return messages;
  }
};

// Every document and issue of `path`; the read itself must succeed.
inline Collected ReadAll(const std::string& path, ReaderOptions options = {}) {
  Collected collected;
  ReadCallbacks callbacks;
  callbacks.on_document = [&](Document&& d) { collected.documents.push_back(std::move(d)); };
  callbacks.on_issue = [&](const ReadIssue& i) { collected.issues.push_back(i); };
  const Status status = ReadDocuments(path, options, callbacks);
  EXPECT_TRUE(status.ok()) << status.message();
  return collected;
}

}  // namespace dyad::testing
