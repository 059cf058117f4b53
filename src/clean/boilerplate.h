// Private to clean/: what CleanText needs of boilerplate.cc beyond clean.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "clean/clean.h"

namespace dyad {

// RemoveBoilerplate() on `text` itself: kept lines move towards the front
// (the result is never longer than the text), so no second buffer is needed.
void RemoveBoilerplateInPlace(std::string& text, size_t* removed_lines,
                              const SiteTemplate* site_template, std::string_view site);

}  // namespace dyad
