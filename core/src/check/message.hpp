#pragma once
// Diagnostic messages built in one allocation: a corpus of pasted notes has tens of thousands
// of problems, and `"question \"" + excerpt(title) + "\" has " + ...` allocated at every `+`.
//
//   message("`", word, "` fence holds prose, not code (", prose, " of ", lines, " lines)")
//
// Pieces are text (anything a std::string_view is made from), single characters, unsigned
// numbers (written in decimal) and excerpts of source text (excerpted()).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace notequiz::detail {

// At most `max_bytes` of `text`, trimmed, cut at a character boundary; `cut` when something was
// left out (the message then shows "…"). What excerpt() returns, without a string of its own.
struct excerpt_piece {
  std::string_view text;
  bool cut = false;
};
excerpt_piece excerpted(std::string_view text, std::size_t max_bytes = 60) noexcept;

namespace message_pieces {

inline constexpr std::string_view ellipsis = "…";

inline std::size_t size_of(std::string_view s) noexcept { return s.size(); }
inline std::size_t size_of(char) noexcept { return 1; }
inline std::size_t size_of(const excerpt_piece& e) noexcept { return e.text.size() + (e.cut ? ellipsis.size() : 0); }
template <typename Number, typename = std::enable_if_t<std::is_unsigned_v<Number> && !std::is_same_v<Number, bool>>>
std::size_t size_of(Number n) noexcept {
  std::size_t digits = 1;
  while (n >= 10) n /= 10, ++digits;
  return digits;
}

inline char* put(char* at, std::string_view s) noexcept {
  if (!s.empty()) std::memcpy(at, s.data(), s.size());
  return at + s.size();
}
inline char* put(char* at, char c) noexcept {
  *at = c;
  return at + 1;
}
inline char* put(char* at, const excerpt_piece& e) noexcept {
  at = put(at, e.text);
  return e.cut ? put(at, ellipsis) : at;
}
template <typename Number, typename = std::enable_if_t<std::is_unsigned_v<Number> && !std::is_same_v<Number, bool>>>
char* put(char* at, Number n) noexcept {
  char* end = at + size_of(n);
  char* digit = end;
  do {
    *--digit = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  return end;
}

// Text pieces become views here, so a literal is measured once and never copied twice.
inline std::string_view piece(std::string_view s) noexcept { return s; }
inline char piece(char c) noexcept { return c; }
inline const excerpt_piece& piece(const excerpt_piece& e) noexcept { return e; }
template <typename Number, typename = std::enable_if_t<std::is_unsigned_v<Number> && !std::is_same_v<Number, bool>>>
Number piece(Number n) noexcept {
  return n;
}

template <typename... Pieces>
std::string join(const Pieces&... pieces) {
  std::string out;
  out.resize((std::size_t{0} + ... + size_of(pieces)));
  char* at = out.data();
  ((at = put(at, pieces)), ...);
  return out;
}

}  // namespace message_pieces

template <typename... Pieces>
std::string message(const Pieces&... pieces) {
  return message_pieces::join(message_pieces::piece(pieces)...);
}

}  // namespace notequiz::detail
