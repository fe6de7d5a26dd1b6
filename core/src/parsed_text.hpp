#pragma once
// The text parse_notes actually parsed, and its line scan, kept for the checker: it reads the
// same lines, so it need not validate and scan the note a second time.

#include <optional>
#include <string>
#include <string_view>

#include "line_scanner.hpp"
#include "notequiz/parse.hpp"

namespace notequiz::detail {

struct parsed_text {
  std::string_view text;  // the note without its BOM, valid UTF-8 (points into `valid` or the input)
  bool own_bytes = true;  // false when `text` is not the input's bytes (invalid UTF-8 replaced, too large)
  std::string valid;      // the copy md4c parsed (invalid UTF-8 and NUL bytes replaced, if any)
  std::optional<line_scanner> scanner;  // `text`'s lines
};

// parse_notes, also filling `out` (which must outlive nothing but its own use: `text` may
// point into `markdown`). `nul_terminated`: markdown.data()[markdown.size()] is a readable
// NUL, so md4c may parse the bytes where they are.
parse_result parse_notes(std::string_view markdown, const parse_options& options, parsed_text& out,
                         bool nul_terminated = false);

}  // namespace notequiz::detail
