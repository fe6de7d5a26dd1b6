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

// A fence opener: up to 3 spaces, then 3+ backticks or tildes; a backtick info string has no backtick.
bool parse_fence_open(std::string_view line, std::uint32_t indent, std::size_t content, fence& out) {
  if (indent > 3 || content >= line.size()) return false;
  const char marker = line[content];
  if (marker != '`' && marker != '~') return false;
  std::size_t n = 0;
  while (content + n < line.size() && line[content + n] == marker) ++n;
  if (n < 3) return false;
  const std::string_view info = line.substr(content + n);
  if (marker == '`' && info.find('`') != std::string_view::npos) return false;
  out.indent = indent;
  out.marker = marker;
  out.length = static_cast<std::uint32_t>(n);
  out.info = std::string(trim(info));
  return true;
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

line_scanner::line_scanner(line_table lines) : lines_(std::move(lines)) {
  const auto count = static_cast<std::uint32_t>(lines_.line_count());
  scanned_.resize(count);
  // Notes hold a heading every few lines: room for one in eight, so the list seldom grows.
  atx_headings_.reserve(count / 8 + 4);
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
  for (std::uint32_t n = first; n <= count; ++n) {
    const std::string_view line = lines_.line(n);
    scanned_line& s = scanned_[n - 1];
    std::size_t content = 0;
    s.indent = indent_width(line, &content);
    if (open) {
      if (closes_fence(line, s.indent, content, *open)) {
        s.kind = line_kind::fence_close;
        open->close_line = n;
        open = nullptr;
      } else {
        s.kind = line_kind::fence_content;
      }
      continue;
    }
    if (is_blank_from(line, content)) {
      s.kind = line_kind::blank;
      continue;
    }
    const char first_char = line[content];
    if (first_char == '`' || first_char == '~') {
      fence f;
      if (parse_fence_open(line, s.indent, content, f)) {
        f.open_line = n;
        fences_.push_back(std::move(f));
        open = &fences_.back();
        s.kind = line_kind::fence_open;
        continue;
      }
    }
    if (const int level = atx_level_at(line, s.indent, content)) {
      s.kind = line_kind::atx_heading;
      s.heading_level = static_cast<std::uint8_t>(level);
      atx_headings_.push_back(n);
    }
  }
}

}  // namespace notequiz::detail
