#include "notequiz/render.hpp"

#include <string_view>

namespace notequiz {

namespace {
// The "C" locale's std::isalnum, std::isalpha and std::tolower, which is what they were, with
// no call per byte.
bool is_ascii_alpha(char c) noexcept { return static_cast<unsigned char>((c | 0x20) - 'a') <= 'z' - 'a'; }
bool is_ascii_digit(char c) noexcept { return static_cast<unsigned char>(c - '0') <= 9; }
char ascii_lower(char c) noexcept { return static_cast<unsigned char>(c - 'A') <= 'Z' - 'A' ? static_cast<char>(c | 0x20) : c; }

bool is_scheme_char(char c) noexcept { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '+' || c == '-' || c == '.'; }
}  // namespace

bool is_safe_url(std::string_view url, bool for_image) noexcept {
  // Without a colon there is no scheme: relative, as below would find, without lower-casing.
  if (url.find(':') == std::string_view::npos) return true;
  // Browsers ignore ASCII whitespace and control characters inside a scheme
  // ("java\tscript:"), so look at the URL without them. Its first 33 such bytes are enough
  // (on the stack: no allocation per link).
  char kept[33];
  std::size_t size = 0;
  for (char c : url) {
    if (static_cast<unsigned char>(c) > 0x20) kept[size++] = ascii_lower(c);
    if (size > 32) break;
  }
  const std::string_view squeezed(kept, size);
  std::size_t colon = 0;
  while (colon < squeezed.size() && is_scheme_char(squeezed[colon])) ++colon;
  if (colon == squeezed.size() || squeezed[colon] != ':' || colon == 0) return true;  // relative
  if (!is_ascii_alpha(squeezed[0])) return true;  // "./a:b" is a path
  const std::string_view scheme = squeezed.substr(0, colon);
  if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel" || scheme == "ftp") return true;
  if (scheme == "data") return for_image && squeezed.substr(colon + 1, 6) == "image/";
  return false;
}

}  // namespace notequiz
