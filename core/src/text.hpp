#pragma once
// Byte-level text helpers shared by the parser, the renderer and the checker.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace notequiz::detail {

// Appends `text` to `out` with &, <, >, " and ' escaped.
void append_escaped(std::string& out, std::string_view text);

// Whitespace collapsed to single spaces, leading and trailing whitespace removed.
std::string collapse_whitespace(std::string_view text);
void collapse_whitespace_in_place(std::string& text) noexcept;  // the same, without a copy

std::string_view trim(std::string_view text) noexcept;

inline bool is_blank(std::string_view text) noexcept { return trim(text).empty(); }

// Where the first invalid UTF-8 sequence starts, or npos.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

// Whether `text` is valid UTF-8 and has no NUL byte (what md4c is handed unchanged).
bool is_valid_utf8_without_nul(std::string_view text) noexcept;

// The UTF-8 sequence starting at text[i]: its length in bytes and whether it is valid. An invalid
// one's length is that of its longest start that a valid sequence could have, at least 1 byte
// (the "maximal subpart" that Unicode's U+FFFD substitution practice replaces by one U+FFFD).
struct utf8_sequence {
  std::size_t length;
  bool valid;
};
utf8_sequence utf8_sequence_at(std::string_view text, std::size_t i) noexcept;

// A copy with every invalid UTF-8 sequence and every NUL byte replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF). NUL and surrogates are encoded
// as they are: what a caller accepts is its own rule.
void append_utf8(std::string& out, std::uint32_t code_point);

// Offsets where lines start. Lines end at \n; a \r before it belongs to the line ending.
class line_table {
 public:
  explicit line_table(std::string_view text);
  // Given the starts already: 0, then the byte after each newline that is not the last byte.
  line_table(std::string_view text, std::vector<std::size_t> starts) noexcept : text_(text), starts_(std::move(starts)) {}

  std::string_view text() const noexcept { return text_; }
  std::size_t line_count() const noexcept { return starts_.size(); }
  // The starts, for another table to reuse their memory; the table is left empty.
  std::vector<std::size_t> take_starts() noexcept { return std::move(starts_); }
  // 1-based line containing byte `offset` (clamped to the text).
  std::uint32_t line_of(std::size_t offset) const noexcept;
  std::size_t line_start(std::uint32_t line) const noexcept { return starts_[line - 1]; }
  // The line's bytes without its ending.
  std::string_view line(std::uint32_t n) const noexcept {  // inline: rules call it for every line they read
    const std::size_t begin = starts_[n - 1];
    std::size_t end;
    if (n < starts_.size()) {
      end = starts_[n] - 1;  // a line with a next one ends at the newline before it: no need to look
    } else {
      end = text_.size();
      if (end > begin && text_[end - 1] == '\n') --end;
    }
    if (end > begin && text_[end - 1] == '\r') --end;
    return text_.substr(begin, end - begin);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// is_valid_utf8_without_nul and, when it is, the starts of the text's lines (for line_table) in
// `starts` (emptied first, its memory reused), from one pass over the bytes: notes are read
// once, not once to validate and again for lines. When it is not, `starts` holds nothing useful.
bool valid_utf8_line_starts(std::string_view text, std::vector<std::size_t>& starts);

}  // namespace notequiz::detail
