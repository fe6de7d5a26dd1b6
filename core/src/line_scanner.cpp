#include "line_scanner.hpp"

namespace notequiz::detail {

std::uint32_t indent_width(std::string_view line, std::size_t* content_start) noexcept {
  std::uint32_t width = 0;
  std::size_t i = 0;
  for (; i < line.size(); ++i) {
    if (line[i] == ' ') ++width;
    else if (line[i] == '\t') width = (width / 4 + 1) * 4;
    else break;
  }
  if (content_start) *content_start = i;
  return width;
}

namespace {

// The ATX heading level of `line`, whose content starts at byte `content` after `indent`
// columns of spaces and tabs (each test below takes them from one indent_width call).
int atx_level_at(std::string_view line, std::uint32_t indent, std::size_t content) noexcept {
  if (indent > 3) return 0;
  std::size_t n = 0;
  while (content + n < line.size() && line[content + n] == '#') ++n;
  if (n == 0 || n > 6) return 0;
  if (content + n < line.size() && line[content + n] != ' ' && line[content + n] != '\t') return 0;
  return static_cast<int>(n);
}

bool is_front_matter_delimiter(std::string_view line) noexcept {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

bool is_front_matter_end(std::string_view line) noexcept {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || line == "...";
}

// What a fence opener line says: up to 3 spaces, then 3+ backticks or tildes; a backtick
// info string has no backtick. `length` 0: the line opens no fence.
struct fence_opener {
  char marker = '`';
  std::uint32_t length = 0;
  std::string_view info;  // trimmed
};

fence_opener parse_fence_open(std::string_view line, std::uint32_t indent, std::size_t content) noexcept {
  if (indent > 3 || content >= line.size()) return {};
  const char marker = line[content];
  if (marker != '`' && marker != '~') return {};
  std::size_t n = 0;
  while (content + n < line.size() && line[content + n] == marker) ++n;
  if (n < 3) return {};
  const std::string_view info = line.substr(content + n);
  if (marker == '`' && info.find('`') != std::string_view::npos) return {};
  return {marker, static_cast<std::uint32_t>(n), trim(info)};
}

bool closes_fence(std::string_view line, std::uint32_t indent, std::size_t content, const fence& f) noexcept {
  if (indent > 3) return false;
  std::size_t n = 0;
  while (content + n < line.size() && line[content + n] == f.marker) ++n;
  if (n < f.length) return false;
  return is_blank(line.substr(content + n));
}

// Whether a line whose content starts at byte `content` is blank. Every whitespace byte is
// at most ' ', so most lines are told apart by one byte.
bool is_blank_from(std::string_view line, std::size_t content) noexcept {
  return content == line.size() || (static_cast<unsigned char>(line[content]) <= ' ' && is_blank(line.substr(content)));
}

}  // namespace

int atx_level(std::string_view line) noexcept {
  std::size_t content = 0;
  const std::uint32_t indent = indent_width(line, &content);
  return atx_level_at(line, indent, content);
}

line_scanner_memory line_scanner::take_memory() noexcept {
  return {lines_.take_starts(), std::move(scanned_), std::move(fences_), std::move(atx_headings_)};
}

line_scanner::line_scanner(line_table lines, line_scanner_memory memory)
    : lines_(std::move(lines)),
      scanned_(std::move(memory.lines)),
      fences_(std::move(memory.fences)),
      atx_headings_(std::move(memory.atx_headings)) {
  const auto count = static_cast<std::uint32_t>(lines_.line_count());
  scanned_.assign(count, scanned_line{});
  fences_.clear();
  atx_headings_.clear();
  // Notes hold a heading or a fence every few lines: room for one in eight, so the lists
  // seldom grow.
  atx_headings_.reserve(count / 8 + 4);
  fences_.reserve(count / 8 + 4);
  std::uint32_t first = 1;

  if (count > 0 && is_front_matter_delimiter(lines_.line(1))) {
    front_matter_.first_line = 1;
    for (std::uint32_t n = 2; n <= count; ++n) {
      if (is_front_matter_end(lines_.line(n))) {
        front_matter_.last_line = n;
        break;
      }
    }
    if (front_matter_.last_line != 0) {
      for (std::uint32_t n = 1; n <= front_matter_.last_line; ++n) scanned_[n - 1].kind = line_kind::front_matter;
      first = front_matter_.last_line + 1;
    }
  }

  fence* open = nullptr;
  const std::string_view text = lines_.text();
  for (std::uint32_t n = first; n <= count; ++n) {
    scanned_line& s = scanned_[n - 1];
    // Most lines start with a visible character or are empty: no indent, and only a few
    // first characters can start or end a fence or start a heading. Those lines are told
    // apart by their first byte, without finding where they end.
    const std::size_t begin = lines_.line_start(n);
    const auto first_byte = static_cast<unsigned char>(begin < text.size() ? text[begin] : '\n');
    if (first_byte > ' ') {
      if (open) {
        s.kind = line_kind::fence_content;
        if (first_byte == static_cast<unsigned char>(open->marker) && closes_fence(lines_.line(n), 0, 0, *open)) {
          s.kind = line_kind::fence_close;
          open->close_line = n;
          open = nullptr;
        }
      } else if (first_byte == '`' || first_byte == '~' || first_byte == '#') {
        classify(lines_.line(n), n, 0, 0, s, open);
      }
      continue;  // otherwise s.kind stays text
    }
    if (first_byte == '\n') {  // an empty line closes no fence: that takes three markers
      s.kind = open ? line_kind::fence_content : line_kind::blank;
      continue;
    }
    const std::string_view line = lines_.line(n);
    std::size_t content = 0;
    s.indent = indent_width(line, &content);
    if (open) {
      s.kind = line_kind::fence_content;
      if (closes_fence(line, s.indent, content, *open)) {
        s.kind = line_kind::fence_close;
        open->close_line = n;
        open = nullptr;
      }
      continue;
    }
    if (is_blank_from(line, content)) {
      s.kind = line_kind::blank;
      continue;
    }
    classify(line, n, s.indent, content, s, open);
  }
}

void line_scanner::classify(std::string_view line, std::uint32_t n, std::uint32_t indent, std::size_t content, scanned_line& s,
                            fence*& open) {
  const char first_char = line[content];
  if (first_char == '`' || first_char == '~') {
    if (const fence_opener o = parse_fence_open(line, indent, content); o.length != 0) {
      open = &fences_.emplace_back(fence{n, 0, indent, o.marker, o.length, o.info});
      s.kind = line_kind::fence_open;
      return;
    }
  }
  if (const int level = atx_level_at(line, indent, content)) {
    s.kind = line_kind::atx_heading;
    s.heading_level = static_cast<std::uint8_t>(level);
    atx_headings_.push_back(n);
  }
}

}  // namespace notequiz::detail
