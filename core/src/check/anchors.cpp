#include "anchors.hpp"

#include <algorithm>
#include <unordered_map>

#include "paths.hpp"
#include "text.hpp"
#include "unicode.hpp"

namespace notequiz::detail {

namespace {

// Lower case for the scripts whose case is a single offset; anchors compare without case.
char32_t lower_code_point(char32_t cp) noexcept {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
      (cp >= 0x410 && cp <= 0x42F)) {
    return cp + 32;
  }
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

// Appends the code point at text[i..next) lower-cased. Every case pair lower_code_point
// changes is two bytes long in UTF-8 both ways, so no general encoder is needed.
void append_lowered(std::string& out, std::string_view text, std::size_t i, std::size_t next, char32_t cp) {
  const char32_t lower = lower_code_point(cp);
  if (lower == cp) {
    out.append(text.substr(i, next - i));
  } else if (lower < 0x80) {
    out.push_back(static_cast<char>(lower));
  } else {
    out.push_back(static_cast<char>(0xC0 | (lower >> 6)));
    out.push_back(static_cast<char>(0x80 | (lower & 0x3F)));
  }
}

std::string lowered(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(text, i);
    append_lowered(out, text, at, i, cp);
  }
  return out;
}

// `Title {#id}`: the id.
std::string_view take_pinned_id(std::string_view text) {
  if (text.empty() || text.back() != '}') return {};
  const std::size_t open = text.rfind("{#");
  if (open == std::string_view::npos || open + 3 > text.size()) return {};
  return text.substr(open + 2, text.size() - open - 3);
}

bool is_setext_underline(std::string_view line) noexcept {
  std::size_t start = 0;
  if (indent_width(line, &start) > 3) return false;
  line = trim(line.substr(start));
  if (line.empty() || (line[0] != '=' && line[0] != '-')) return false;
  return line.find_first_not_of(line[0]) == std::string_view::npos;
}

}  // namespace

std::string heading_text(std::string_view line) {
  std::string text;
  heading_text(line, text);
  return text;
}

void heading_text(std::string_view line, std::string& text) {
  text.clear();
  std::size_t start = 0;
  indent_width(line, &start);
  line.remove_prefix(start);
  while (!line.empty() && line.front() == '#') line.remove_prefix(1);
  line = trim(line);
  // A closing sequence: #'s at the end, after a space (or alone).
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == '#') --end;
  if (end < line.size() && (end == 0 || line[end - 1] == ' ' || line[end - 1] == '\t')) line = trim(line.substr(0, end));

  for (std::size_t i = 0; i < line.size(); ++i) {
    // `[label](target)` and `![alt](target)` show only their label.
    if (line[i] == ']' && i + 1 < line.size() && line[i + 1] == '(') {
      const std::size_t close = line.find(')', i + 2);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (line[i] == '[' || (line[i] == '!' && i + 1 < line.size() && line[i + 1] == '[')) continue;
    text.push_back(line[i]);
  }
}

std::string heading_slug(std::string_view text) {
  std::string slug;
  heading_slug(text, slug);
  return slug;
}

void heading_slug(std::string_view text, std::string& slug) {
  slug.clear();
  text = trim(text);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t original = next_code_point(text, i);
    const char32_t cp = lower_code_point(original);
    if (cp < 0x80) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-' || cp == '_') {
        slug.push_back(static_cast<char>(cp));
      } else if (cp == ' ' || cp == '\t') {
        slug.push_back('-');
      }
    } else if (!is_anchor_punctuation(cp)) {
      append_lowered(slug, text, at, i, original);
    }
  }
}

std::uint64_t fragment_key(std::string_view fragment) { return hash_key(lowered(percent_decode(fragment))); }

std::vector<std::uint64_t> heading_anchor_keys(const line_scanner& scanner) {
  std::vector<std::uint64_t> keys;
  std::unordered_map<std::uint64_t, unsigned> seen;  // slug hash -> times seen
  std::string text, slug;                              // reused: no allocation per heading
  auto add_heading = [&](std::string_view heading) {
    std::string_view shown = heading;
    const std::string_view pinned = take_pinned_id(heading);
    if (!pinned.empty()) {
      keys.push_back(hash_key(lowered(pinned)));
      shown = heading.substr(0, heading.size() - pinned.size() - 3);
    }
    heading_slug(shown, slug);
    const std::uint64_t key = hash_key(slug);
    unsigned& count = seen[key];
    keys.push_back(count == 0 ? key : hash_more(key, "-" + std::to_string(count)));
    ++count;
  };
  const std::uint32_t n = scanner.line_count();
  for (std::uint32_t l = 1; l <= n; ++l) {
    const line_kind kind = scanner.at(l).kind;
    if (kind == line_kind::atx_heading) {
      heading_text(scanner.lines().line(l), text);
      add_heading(text);
    } else if (kind == line_kind::text && l < n && scanner.at(l + 1).kind == line_kind::text &&
               scanner.at(l).indent < 4 && is_setext_underline(scanner.lines().line(l + 1)) &&
               (l == 1 || scanner.at(l - 1).kind != line_kind::text)) {
      add_heading(trim(scanner.lines().line(l)));
      ++l;
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace notequiz::detail
