#include "text.hpp"

#include <algorithm>
#include <cstring>

#include "x86_scan.hpp"


namespace notequiz::detail {

namespace {

// Eight bytes at a time (plain integers, so the WebAssembly build gets it too).
std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}
constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;
// Non-zero when some byte of `w` is zero (exact as a yes/no answer).
constexpr std::uint64_t has_zero_byte(std::uint64_t w) noexcept { return (w - ones) & ~w & highs; }
// Non-zero when some byte of `w` is below `n` (n <= 128).
constexpr std::uint64_t has_byte_below(std::uint64_t w, std::uint8_t n) noexcept { return (w - ones * n) & ~w & highs; }

// load8 with the first byte in memory as the lowest: bit order is memory order everywhere.
std::uint64_t load8_little_endian(const char* p) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return __builtin_bswap64(load8(p));
#else
  return load8(p);
#endif
}

// The high bit of every byte of `w` that is at most ' ' (exact per byte: no carry crosses a
// byte, and bytes with their high bit set are left out).
constexpr std::uint64_t bytes_at_most_space(std::uint64_t w) noexcept {
  constexpr std::uint64_t lows = ~highs;
  return ~(((w & lows) + ones * (0x80 - (' ' + 1))) | w) & highs;
}

// The byte of a load8_little_endian word whose high bit is the lowest set in `bits` (non-zero).
inline std::size_t lowest_high_byte(std::uint64_t bits) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<std::size_t>(__builtin_ctzll(bits)) / 8;
#else
  std::size_t i = 0;
  while (!(bits & (std::uint64_t{0x80} << (8 * i)))) ++i;
  return i;
#endif
}

// Whether any of the eight bytes may be one append_escaped replaces (it looks at each byte
// of such a word). All five are below 0x40, so most words of text (letters, UTF-8 sequences)
// are ruled out by the first test. Then two tests instead of five: with bits 0 and 2 cleared,
// " & ' (and #, rare in text) are 0x22; with bit 1 cleared, < and > are 0x3C.
inline bool has_special(std::uint64_t w) noexcept {
  if (!has_byte_below(w, 0x40)) return false;
  return has_zero_byte((w & ~(ones * 0x05)) ^ (ones * 0x22)) | has_zero_byte((w & ~(ones * 0x02)) ^ (ones * 0x3C));
}

}  // namespace

namespace {

// What append_escaped writes for `c`, or nothing.
inline std::string_view entity_for(char c) noexcept {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return {};
  }
}

// append_escaped eight bytes at a time: the portable way, and the way for texts shorter
// than a vector.
void append_escaped_by_words(std::string& out, const char* p, std::size_t n) {
  std::size_t run = 0;
  std::size_t i = 0;
  for (;;) {
    while (i + 8 <= n && !has_special(load8(p + i))) i += 8;
    // Fewer than eight bytes left: the text's last word, read again, may clear them at once.
    if (i == n || (i + 8 > n && n >= 8 && !has_special(load8(p + n - 8)))) break;
    const std::size_t stop = std::min(n, i + 8);
    for (; i < stop; ++i) {
      const std::string_view entity = entity_for(p[i]);
      if (entity.empty()) continue;
      out.append(p + run, i - run);
      out.append(entity);
      run = i + 1;
    }
  }
  out.append(p + run, n - run);
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  const char* const p = text.data();
  const std::size_t n = text.size();
#if defined(NOTEQUIZ_X86_SCAN)
  // With x86 vectors: the pending text of a whole code block or paragraph arrives here at once.
  if (n >= 16) {
    std::size_t run = 0;
    for (std::size_t at = x86::next_escaped(p, 0, n); at < n; at = x86::next_escaped(p, at + 1, n)) {
      out.append(p + run, at - run);
      out.append(entity_for(p[at]));
      run = at + 1;
    }
    out.append(p + run, n - run);
    return;
  }
#endif
  append_escaped_by_words(out, p, n);
}

namespace {
// ' ', and \t \n \v \f \r (9-13).
bool is_space(char c) noexcept { return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t'; }
}  // namespace

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string collapse_whitespace(std::string_view text) {
  text = trim(text);
  std::string out;
  out.reserve(text.size());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    std::size_t word_end = i;
    while (word_end < n && !is_space(text[word_end])) ++word_end;
    out.append(text.data() + i, word_end - i);
    if (word_end == n) break;
    out.push_back(' ');  // trimmed: a word follows
    i = word_end + 1;
    while (is_space(text[i])) ++i;
  }
  return out;
}

namespace {
// The first byte collapse_whitespace_in_place has to change, or the size when there is none
// (most titles are collapsed already). Whitespace is at most ' ', so a word without such a
// byte is skipped whole.
std::size_t first_uncollapsed(std::string_view text) noexcept {
  const char* const p = text.data();
  const std::size_t n = text.size();
  // Whether the whitespace byte at i has to change: only a single ' ' between two words stays.
  auto changes = [&](std::size_t i) { return p[i] != ' ' || i == 0 || i + 1 == n || is_space(p[i + 1]); };
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    // Titles have a space every few bytes: visit those bytes of a word only, in memory order.
    for (std::uint64_t low = bytes_at_most_space(load8_little_endian(p + i)); low != 0; low &= low - 1) {
      const std::size_t at = i + lowest_high_byte(low);
      if (is_space(p[at]) && changes(at)) return at;
    }
  }
  for (; i < n; ++i) {
    if (is_space(p[i]) && changes(i)) return i;
  }
  return n;
}
}  // namespace

void collapse_whitespace_in_place(std::string& text) noexcept {
  std::size_t kept = first_uncollapsed(text);  // the bytes before it stay
  if (kept == text.size()) return;
  bool pending_space = false;
  for (std::size_t i = kept; i < text.size(); ++i) {  // writes never overtake reads
    const char c = text[i];
    if (is_space(c)) {
      pending_space = kept > 0;
      continue;
    }
    if (pending_space) text[kept++] = ' ';
    pending_space = false;
    text[kept++] = c;
  }
  text.resize(kept);
}

utf8_sequence utf8_sequence_at(std::string_view text, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {1, true};
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
  if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
  else if (b0 == 0xE0) { len = 3; lo = 0xA0; }
  else if (b0 >= 0xE1 && b0 <= 0xEC) len = 3;
  else if (b0 == 0xED) { len = 3; hi = 0x9F; }
  else if (b0 >= 0xEE && b0 <= 0xEF) len = 3;
  else if (b0 == 0xF0) { len = 4; lo = 0x90; }
  else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
  else if (b0 == 0xF4) { len = 4; hi = 0x8F; }
  else return {1, false};
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= text.size()) return {k, false};
    const auto b = static_cast<unsigned char>(text[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return {k, false};
  }
  return {len, true};
}

namespace {
// Length of the valid UTF-8 sequence at text[i], or 0 when it is invalid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) noexcept {
  const utf8_sequence s = utf8_sequence_at(text, i);
  return s.valid ? s.length : 0;
}
}  // namespace

namespace {
// A word whose bytes in memory are b0, b1, ... (either byte order).
constexpr std::uint64_t word_of(std::uint8_t b0, std::uint8_t b1, std::uint8_t b2, std::uint8_t b3, std::uint8_t b4,
                                std::uint8_t b5) noexcept {
  const std::uint64_t w = std::uint64_t{b0} | std::uint64_t{b1} << 8 | std::uint64_t{b2} << 16 | std::uint64_t{b3} << 24 |
                          std::uint64_t{b4} << 32 | std::uint64_t{b5} << 40;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return __builtin_bswap64(w);
#else
  return w;
#endif
}

bool is_plain_three_byte_pair(const char* p) noexcept {
  constexpr std::uint64_t mask = word_of(0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0);
  constexpr std::uint64_t shape = word_of(0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80);
  if ((load8(p) & mask) != shape) return false;
  const auto a = static_cast<unsigned char>(p[0]), b = static_cast<unsigned char>(p[3]);
  return a != 0xE0 && a != 0xED && b != 0xE0 && b != 0xED;
}

// The index in memory of the first byte of a load8 word whose high bit is set in `highs_of_w`
// (non-zero, high bits only: exact per byte).
inline std::size_t first_high_byte(std::uint64_t highs_of_w) noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return static_cast<std::size_t>(__builtin_clzll(highs_of_w)) / 8;
#elif defined(__GNUC__) || defined(__clang__)
  return static_cast<std::size_t>(__builtin_ctzll(highs_of_w)) / 8;
#else
  std::size_t i = 0;  // little-endian (MSVC's targets)
  while (!(highs_of_w & (std::uint64_t{0x80} << (8 * i)))) ++i;
  return i;
#endif
}

}  // namespace

namespace {
// The high bit of every byte of `w` that is zero (exact per byte, unlike has_zero_byte).
constexpr std::uint64_t zero_bytes(std::uint64_t w) noexcept {
  constexpr std::uint64_t lows = ~highs;
  return ~(((w & lows) + lows) | w | lows);
}

// The high bit of byte `k` (in memory order) of a load8 word.
inline std::uint64_t byte_high_bit(std::size_t k) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return std::uint64_t{0x80} << (8 * (7 - k));
#else
  return std::uint64_t{0x80} << (8 * k);
#endif
}

// Records the line starts after the newlines of the first `count` bytes of the word at p + i
// (its ASCII part). Most words hold none.
inline void add_line_starts(std::uint64_t w, std::size_t i, std::size_t count, std::vector<std::size_t>* starts) {
  std::uint64_t newlines = zero_bytes(w ^ (ones * '\n'));
  while (newlines != 0) {
    const std::size_t k = first_high_byte(newlines);
    if (k >= count) break;
    starts->push_back(i + k + 1);
    newlines &= ~byte_high_bit(k);
  }
}

// find_invalid_utf8, or with `reject_nul` also some position (not the first) when the text
// holds a NUL byte: one pass for both, where a second search for NUL would read it all again.
// With `starts`, the same pass also records where lines start after each newline (for a
// line_table; a start at the very end of the text included, which line_table drops).
template <bool reject_nul>
std::size_t find_invalid(std::string_view text, std::vector<std::size_t>* starts = nullptr) {
  const char* const p = text.data();
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const auto b0 = static_cast<unsigned char>(p[i]);
    if (b0 < 0x80) {
      if (reject_nul && b0 == 0) return i;
      // ASCII: whole words of it, then up to the word's first non-ASCII byte (notes mix
      // short runs of ASCII and CJK text).
      if (i + 8 > n) {
        if (starts && b0 == '\n') starts->push_back(i + 1);
        ++i;
        continue;
      }
      for (;;) {
        const std::uint64_t w = load8(p + i);
        if (reject_nul && has_zero_byte(w)) return i;  // only ASCII bytes can be zero
        const std::uint64_t high = w & highs;
        if (high != 0) {
          const std::size_t ascii = first_high_byte(high);
          if (starts) add_line_starts(w, i, ascii, starts);
          i += ascii;
          break;
        }
        if (starts) add_line_starts(w, i, 8, starts);
        i += 8;
        if (i + 8 > n) break;
      }
      continue;
    }
    // CJK text is runs of three-byte sequences: take them two at a time while they last.
    if (i + 8 <= n && is_plain_three_byte_pair(p + i)) {
      i += 6;
      while (i + 8 <= n && is_plain_three_byte_pair(p + i)) i += 6;
      continue;
    }
    if (static_cast<unsigned>(b0 - 0xE1) <= 0xEF - 0xE1 && b0 != 0xED && i + 2 < n &&
        (static_cast<unsigned char>(p[i + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(p[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}
}  // namespace

std::size_t find_invalid_utf8(std::string_view text) noexcept { return find_invalid<false>(text); }

bool is_valid_utf8_without_nul(std::string_view text) noexcept {
#if defined(NOTEQUIZ_X86_SCAN)
  return x86::valid_utf8(text, nullptr);
#else
  return find_invalid<true>(text) == std::string_view::npos;
#endif
}

bool valid_utf8_line_starts(std::string_view text, std::vector<std::size_t>& starts) {
  starts.clear();
  starts.reserve(text.size() / 32 + 1);
  starts.push_back(0);
#if defined(NOTEQUIZ_X86_SCAN)
  if (!x86::valid_utf8(text, &starts)) return false;
#else
  if (find_invalid<true>(text, &starts) != std::string_view::npos) return false;
#endif
  if (starts.size() > 1 && starts.back() == text.size()) starts.pop_back();  // no line after a final newline
  return true;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  const auto byte = [](std::uint32_t b) { return static_cast<char>(b); };
  if (code_point < 0x80) {
    out.push_back(byte(code_point));
  } else if (code_point < 0x800) {
    out += {byte(0xC0 | (code_point >> 6)), byte(0x80 | (code_point & 0x3F))};
  } else if (code_point < 0x10000) {
    out += {byte(0xE0 | (code_point >> 12)), byte(0x80 | ((code_point >> 6) & 0x3F)), byte(0x80 | (code_point & 0x3F))};
  } else {
    out += {byte(0xF0 | (code_point >> 18)), byte(0x80 | ((code_point >> 12) & 0x3F)),
            byte(0x80 | ((code_point >> 6) & 0x3F)), byte(0x80 | (code_point & 0x3F))};
  }
}

std::string to_valid_utf8(std::string_view text) {
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = text[i] == '\0' ? 0 : utf8_sequence_length(text, i);
    if (len == 0) {
      out.append(replacement);
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

line_table::line_table(std::string_view text) : text_(text) {
  starts_.reserve(text.size() / 32 + 1);
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    if (i + 1 < text.size()) starts_.push_back(i + 1);
  }
}

std::uint32_t line_table::line_of(std::size_t offset) const noexcept {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::uint32_t>(it - starts_.begin());
}

}  // namespace notequiz::detail
