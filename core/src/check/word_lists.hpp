#pragma once
// Looking words up in the checker's fixed lists (languages, HTML elements).

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string_view>

namespace notequiz::detail {

// Whether `word`, ASCII case ignored, is in `sorted`: a sorted list of short lower-case words.
template <std::size_t N>
bool in_word_list(const std::string_view (&sorted)[N], std::string_view word) {
  char lower[16];
  if (word.empty() || word.size() > sizeof lower) return false;
  for (std::size_t i = 0; i < word.size(); ++i) lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  return std::binary_search(std::begin(sorted), std::end(sorted), std::string_view(lower, word.size()));
}

}  // namespace notequiz::detail
