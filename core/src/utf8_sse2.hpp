#pragma once
// UTF-8 validation 64 bytes at a time with SSE2, which every x86-64 has: what
// valid_utf8_line_starts and is_valid_utf8_without_nul (text.cpp) do there, notes being read
// once before md4c parses them. Other targets use text.cpp's eight-bytes-at-a-time code.

#include <cstddef>
#include <string_view>
#include <vector>

namespace notequiz::detail::sse2 {

// Whether `text` is valid UTF-8 without NUL bytes. With `starts`, the same pass appends the
// offset after each newline, in order (one at the very end of the text included). Defined
// where __SSE2__ is.
bool valid_utf8(std::string_view text, std::vector<std::size_t>* starts);

}  // namespace notequiz::detail::sse2
