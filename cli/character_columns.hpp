#pragma once
// Columns counted in characters rather than bytes, for the formats GitHub reads (SARIF and
// workflow commands): docs/check.md says text and JSON count bytes.

#include <string_view>

#include "notequiz/check.hpp"

namespace notequiz::cli {

// The report's diagnostics, and the links the corpus checks at the end, in character columns
// of `text`, the note the report was made from.
void count_columns_in_characters(file_report& report, std::string_view text);

}  // namespace notequiz::cli
