#pragma once
// Looking words up in the checker's fixed lists (languages, HTML elements).

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace notequiz::detail {

// Not constexpr: a constant evaluation that reaches it fails, so a constexpr word_list made from
// a list out of order does not compile (no throw: the WebAssembly build has no exceptions).
inline void word_list_needs_sorted_distinct_words_of_1_to_16_bytes() noexcept {}

// A fixed list of short words (1 to 16 bytes, lower case, no NUL byte), looked up ignoring ASCII
// case. Every labelled fence and every `<` in prose is looked up, so each word is kept as two
// numbers, its bytes big-endian and zero-padded, which order like the words themselves: a
// lookup is a binary search over numbers, without a comparison of strings per step.
template <std::size_t N>
class word_list {
 public:
  static constexpr std::size_t max_length = 16;

  // `sorted`: in ascending byte order, as std::sort leaves std::string_views. A list out of
  // order does not compile when the word_list is constexpr.
  constexpr explicit word_list(const std::string_view (&sorted)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
      if (sorted[i].empty() || sorted[i].size() > max_length || !key_of(sorted[i], false, keys_[i]) ||
          (i > 0 && !less(keys_[i - 1], keys_[i]))) {
        word_list_needs_sorted_distinct_words_of_1_to_16_bytes();
      }
    }
  }

  bool contains(std::string_view word) const noexcept {
    if (word.empty() || word.size() > max_length) return false;
    key k;
    if (!key_of(word, true, k)) return false;
    std::size_t low = 0, high = N;
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      const key& m = keys_[middle];
      if (m.high == k.high && m.low == k.low) return true;
      if (less(m, k)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return false;
  }

 private:
  struct key {
    std::uint64_t high = 0, low = 0;  // bytes 0-7 and 8-15
  };

  static constexpr bool less(const key& a, const key& b) noexcept {
    return a.high < b.high || (a.high == b.high && a.low < b.low);
  }

  // False for a word with a NUL byte: it would read as the padding ("c\0" is not "c").
  static constexpr bool key_of(std::string_view word, bool lower_case, key& k) noexcept {
    for (std::size_t i = 0; i < word.size() && i < max_length; ++i) {
      std::uint64_t c = static_cast<unsigned char>(word[i]);
      if (c == 0) return false;
      if (lower_case && c - 'A' < 26) c += 'a' - 'A';
      (i < 8 ? k.high : k.low) |= c << (8 * (7 - i % 8));
    }
    return true;
  }

  key keys_[N] = {};
};

}  // namespace notequiz::detail
