#include "card_id.hpp"

#include <cctype>
#include <cstdint>
#include <cstring>

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
  constexpr std::uint64_t prime = 0x100000001b3ULL;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {  // four bytes a turn: the loop's own count, not the hash, is what unrolling saves
    h = (h ^ p[i]) * prime;
    h = (h ^ p[i + 1]) * prime;
    h = (h ^ p[i + 2]) * prime;
    h = (h ^ p[i + 3]) * prime;
  }
  for (; i < n; ++i) h = (h ^ p[i]) * prime;
  return h;
}

// Stores `x` most significant byte first.
void store_big_endian(std::uint64_t x, char* out) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  x = __builtin_bswap64(x);
  std::memcpy(out, &x, sizeof x);
#else
  for (int k = 0; k < 8; ++k) out[k] = static_cast<char>(x >> (56 - 8 * k));
#endif
}

// The sixteen hex digits of `h`, most significant first, at `out`. A nibble to each byte,
// then '0'-'9' or 'a'-'f' for all eight at once (no table lookup per digit).
void write_hex(std::uint64_t h, char* out) noexcept {
  for (int half = 0; half < 2; ++half) {
    std::uint64_t x = half == 0 ? h >> 32 : h & 0xFFFFFFFFULL;
    x = (x | x << 16) & 0x0000FFFF0000FFFFULL;
    x = (x | x << 8) & 0x00FF00FF00FF00FFULL;
    x = (x | x << 4) & 0x0F0F0F0F0F0F0F0FULL;  // the first digit in the highest byte
    const std::uint64_t letters = ((x + 0x0606060606060606ULL) >> 4) & 0x0101010101010101ULL;  // 1 where > 9
    x += 0x3030303030303030ULL + letters * ('a' - '0' - 10);
    store_big_endian(x, out + 8 * half);
  }
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
  char id[17];  // built here, then copied once into the string
  id[0] = 'q';
  write_hex(h, id + 1);
  return std::string(id, sizeof id);
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
