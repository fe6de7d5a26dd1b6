#include "notequiz/render.hpp"

#include <cctype>
#include <string_view>

namespace notequiz {

namespace {
bool is_scheme_char(char c) noexcept {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}
}  // namespace

bool is_safe_url(std::string_view url, bool for_image) noexcept {
  // Browsers ignore ASCII whitespace and control characters inside a scheme
  // ("java\tscript:"), so look at the URL without them: its first 33 other bytes, enough for
  // any scheme this allows, kept on the stack (every link of every card is asked about).
  char kept[33];
  std::size_t size = 0;
  for (char c : url) {
    if (static_cast<unsigned char>(c) > 0x20) kept[size++] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (size == sizeof kept) break;
  }
  const std::string_view squeezed(kept, size);
  std::size_t colon = 0;
  while (colon < squeezed.size() && is_scheme_char(squeezed[colon])) ++colon;
  if (colon == squeezed.size() || squeezed[colon] != ':' || colon == 0) return true;  // relative
  if (!std::isalpha(static_cast<unsigned char>(squeezed[0]))) return true;  // "./a:b" is a path
  const std::string_view scheme(squeezed.data(), colon);
  if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel" || scheme == "ftp") return true;
  if (scheme == "data") return for_image && squeezed.compare(colon + 1, 6, "image/") == 0;
  return false;
}

}  // namespace notequiz
