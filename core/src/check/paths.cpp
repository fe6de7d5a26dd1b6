#include "paths.hpp"

#include <cctype>

namespace notequiz::detail {

local_target split_local_url(std::string_view url) noexcept {
  local_target t;
  std::size_t i = 0;
  if (!url.empty() && std::isalpha(static_cast<unsigned char>(url[0]))) {
    while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' || url[i] == '-' || url[i] == '.')) ++i;
    if (i < url.size() && url[i] == ':') return t;  // has a scheme
  }
  if (url.empty() || url[0] == '/' || url[0] == '\\') return t;
  t.local = true;
  const std::size_t hash = url.find('#');
  if (hash != std::string_view::npos) {
    t.has_fragment = true;
    t.fragment = url.substr(hash + 1);
    url = url.substr(0, hash);
  }
  t.path = url.substr(0, url.find('?'));
  return t;
}

namespace {
int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string_view parent_folder(std::string_view path) noexcept {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {};
  if (slash == 0) return path.substr(0, 1);
  return path.substr(0, slash);
}

std::string join_path(std::string_view folder, std::string_view relative) {
  // Built in place (every image and link of every note is joined): the segments kept so far
  // are `out` after its root, and '..' takes the last one off again.
  const bool absolute = !folder.empty() && folder[0] == '/';
  std::string out;
  out.reserve(folder.size() + relative.size() + 1);
  if (absolute) out += '/';
  const std::size_t root = out.size();
  const auto last_is_up = [&] {
    const std::size_t n = out.size();
    return n >= root + 2 && out[n - 1] == '.' && out[n - 2] == '.' && (n == root + 2 || out[n - 3] == '/');
  };
  const auto push_segments = [&](std::string_view text) {
    while (!text.empty()) {
      const std::size_t slash = text.find('/');
      const std::string_view segment = text.substr(0, slash);
      if (segment == "..") {
        if (out.size() > root && !last_is_up()) {
          const std::size_t cut = out.rfind('/');
          out.resize(cut == std::string::npos || cut < root ? root : cut);
        } else if (!absolute) {
          if (out.size() > root) out += '/';
          out += segment;
        }
      } else if (!segment.empty() && segment != ".") {
        if (out.size() > root) out += '/';
        out += segment;
      }
      if (slash == std::string_view::npos) break;
      text.remove_prefix(slash + 1);
    }
  };
  push_segments(folder);
  push_segments(relative);
  if (out.empty()) out = ".";
  return out;
}

bool is_notes_path(std::string_view path) noexcept {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  return ends_with(".md") || ends_with(".markdown");
}

}  // namespace notequiz::detail
