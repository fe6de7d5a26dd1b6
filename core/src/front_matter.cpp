#include "front_matter.hpp"

#include "text.hpp"

namespace notequiz::detail {

namespace {

std::string unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

// `[a, b]` or `a, b`.
std::vector<std::string> read_list(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
  std::vector<std::string> items;
  while (!v.empty()) {
    const std::size_t comma = v.find(',');
    std::string item = unquote(v.substr(0, comma));
    if (!item.empty()) items.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return items;
}

diagnostic front_matter_problem(std::uint32_t line, std::string message) {
  diagnostic d;
  d.rule = "front-matter";
  d.severity = severity::warning;
  d.line = line;
  d.column = 1;
  d.message = std::move(message);
  return d;
}

}  // namespace

front_matter read_front_matter(const line_scanner& scanner, std::vector<diagnostic>& diagnostics) {
  front_matter fm;
  const front_matter_range& range = scanner.front_matter();
  if (range.first_line == 0) return fm;
  if (range.last_line == 0) {
    diagnostics.push_back(front_matter_problem(
        1, "front matter opened with `---` is never closed; the file is read as notes without front matter"));
    return fm;
  }
  for (std::uint32_t n = range.first_line + 1; n < range.last_line; ++n) {
    const std::string_view line = scanner.lines().line(n);
    const std::string_view content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || trim(line.substr(0, colon)).empty()) {
      diagnostics.push_back(front_matter_problem(n, "front matter line is not `key: value`"));
      continue;
    }
    const std::string key(trim(line.substr(0, colon)));
    const std::string_view raw = line.substr(colon + 1);
    if (key == "title") {
      fm.title = unquote(raw);
    } else if (key == "id") {
      fm.id = unquote(raw);
    } else if (key == "lang") {
      fm.lang = unquote(raw);
    } else if (key == "tags") {
      fm.tags = read_list(raw);
    } else if (key == "question-level") {
      const std::string v = unquote(raw);
      if (v.size() == 1 && v[0] >= '1' && v[0] <= '6') {
        fm.question_level = v[0] - '0';
      } else {
        diagnostics.push_back(front_matter_problem(n, "question-level must be a heading level from 1 to 6, not `" + v + "`"));
      }
    } else {
      fm.other.emplace_back(key, unquote(raw));
    }
  }
  return fm;
}

}  // namespace notequiz::detail
