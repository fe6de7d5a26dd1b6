#pragma once
// A line-level scanner beside md4c, which reports no source positions. It finds front matter,
// fenced code blocks and ATX headings by line, as CommonMark defines them outside containers,
// so blocks reported by md4c can be anchored to lines and the checker can see line structure.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace notequiz::detail {

enum class line_kind : std::uint8_t {
  text,
  blank,
  atx_heading,
  fence_open,
  fence_content,
  fence_close,
  front_matter,
};

struct scanned_line {
  line_kind kind = line_kind::text;
  std::uint8_t heading_level = 0;  // atx_heading only
  std::uint32_t indent = 0;        // leading spaces (tabs count to the next multiple of 4)
};

struct fence {
  std::uint32_t open_line = 0;
  std::uint32_t close_line = 0;  // 0: runs to the end of the file
  std::uint32_t indent = 0;
  char marker = '`';
  std::uint32_t length = 0;
  std::string_view info;  // the info string, trimmed (in the scanned text)
};

struct front_matter_range {
  std::uint32_t first_line = 0;  // the opening `---`; 0 when there is none
  std::uint32_t last_line = 0;   // the closing line; 0 when never closed
};

// The memory of a scanner done with, for the next one to reuse: a thread that checks
// thousands of notes then allocates it about once, instead of four times a note.
struct line_scanner_memory {
  std::vector<std::size_t> line_starts;  // for a line_table
  std::vector<scanned_line> lines;
  std::vector<fence> fences;
  std::vector<std::uint32_t> atx_headings;
};

class line_scanner {
 public:
  // `text` must outlive the scanner; `body_offset` skips a BOM.
  explicit line_scanner(std::string_view text) : line_scanner(line_table(text)) {}
  // The same, given the text's lines; the scanner's lists use `memory`'s (but line_starts).
  explicit line_scanner(line_table lines, line_scanner_memory memory = {});

  // The scanner's memory, for another scanner; this one is left empty.
  line_scanner_memory take_memory() noexcept;

  const line_table& lines() const noexcept { return lines_; }
  const scanned_line& at(std::uint32_t line) const noexcept { return scanned_[line - 1]; }
  std::uint32_t line_count() const noexcept { return static_cast<std::uint32_t>(scanned_.size()); }
  const std::vector<fence>& fences() const noexcept { return fences_; }
  // The ATX heading lines, in order: the parser looks ahead to them, without walking every line.
  const std::vector<std::uint32_t>& atx_heading_lines() const noexcept { return atx_headings_; }
  const front_matter_range& front_matter() const noexcept { return front_matter_; }

 private:
  // Sorts out a line that is not blank and not in a fence, whose content starts at byte
  // `content` after `indent` columns: a fence opener (then `open` is its fence), an ATX
  // heading, or text.
  void classify(std::string_view line, std::uint32_t n, std::uint32_t indent, std::size_t content, scanned_line& s,
                fence*& open);

  line_table lines_;
  std::vector<scanned_line> scanned_;
  std::vector<fence> fences_;
  std::vector<std::uint32_t> atx_headings_;
  front_matter_range front_matter_;
};

// Leading-space width of a line, tabs to the next multiple of 4, and the byte where content starts.
std::uint32_t indent_width(std::string_view line, std::size_t* content_start = nullptr) noexcept;

// The ATX heading level of a line (1-6), or 0 when it is not an ATX heading.
int atx_level(std::string_view line) noexcept;

}  // namespace notequiz::detail
