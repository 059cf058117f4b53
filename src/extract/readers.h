// Private to the extract stage: the readers ReadDocuments dispatches to,
// each over a ByteStream, and the step every HTML page goes through.
#pragma once

#include <string>
#include <string_view>

#include "extract/byte_stream.h"
#include "extract/extract.h"

namespace dyad::extract_internal {

// `name` is the file as messages name it.
Status ReadWarc(ByteStream& stream, const std::string& name, const ReaderOptions& options,
                const ReadCallbacks& callbacks);

// Extracts one page and hands it on: its warnings and its failure become
// ReadIssues naming context.origin, a page in another language is skipped
// with a stated reason when options.english_only.
void DeliverPage(std::string_view bytes, const PageContext& context, const ReaderOptions& options,
                 const ReadCallbacks& callbacks);

}  // namespace dyad::extract_internal
