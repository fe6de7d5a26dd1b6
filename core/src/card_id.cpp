#include "card_id.hpp"

#include <cctype>
#include <cstdint>

#include "notequiz/parse.hpp"
#include "text.hpp"

namespace notequiz {

std::string normalize_title(std::string_view title) {
  return std::string(detail::normalize_collapsed_title(detail::collapse_whitespace(title)));
}

}  // namespace notequiz

namespace notequiz::detail {

namespace {
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL) noexcept {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}
}  // namespace

std::string_view normalize_collapsed_title(std::string_view title) noexcept {
  for (;;) {
    if (!title.empty() && title.back() == '?') {
      title.remove_suffix(1);
    } else if (title.size() >= 3 && title.substr(title.size() - 3) == "\xEF\xBC\x9F") {  // ？
      title.remove_suffix(3);
    } else {
      return title;
    }
    while (!title.empty() && title.back() == ' ') title.remove_suffix(1);
  }
}

card_id_maker::card_id_maker(std::string_view deck_id) noexcept
    : deck_hash_(fnv1a(std::string_view("\x1f", 1), fnv1a(deck_id))) {}

std::uint64_t card_id_maker::title_hash(std::string_view normalized_title) const noexcept {
  return fnv1a(normalized_title, deck_hash_);
}

std::string card_id_maker::id(std::uint64_t h, unsigned occurrence) {
  if (occurrence > 0) {
    h = fnv1a(std::string_view("\x1f", 1), h);
    h = fnv1a(std::to_string(occurrence), h);
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string id(17, 'q');
  for (std::size_t i = 1; i < id.size(); ++i) id[i] = hex[(h >> (64 - 4 * i)) & 0xF];
  return id;
}

std::string make_card_id(std::string_view deck_id, std::string_view normalized_title, unsigned occurrence) {
  const card_id_maker maker(deck_id);
  return card_id_maker::id(maker.title_hash(normalized_title), occurrence);
}

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c) || c == '_') {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace notequiz::detail
