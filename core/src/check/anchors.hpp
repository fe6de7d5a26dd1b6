#pragma once
// Heading anchors as GitHub makes them, so `note.md#some-heading` links can be checked.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "line_scanner.hpp"

namespace notequiz::detail {

// FNV-1a: the corpus keeps hashes of titles and anchors instead of the text.
// `hash_key(a + b)` is `hash_more(hash_key(a), b)`.
constexpr std::uint64_t hash_more(std::uint64_t h, std::string_view text) noexcept {
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}
constexpr std::uint64_t hash_key(std::string_view text) noexcept { return hash_more(14695981039346656037ull, text); }

// The text of an ATX heading line: markers, closing #'s and link targets removed.
std::string heading_text(std::string_view line);
void heading_text(std::string_view line, std::string& out);  // into a reused buffer

// GitHub's anchor for a heading text (before `-1`, `-2` are added to repeated ones).
std::string heading_slug(std::string_view text);
void heading_slug(std::string_view text, std::string& out);  // into a reused buffer

// The key a `#fragment` (still percent-encoded) is looked up by.
std::uint64_t fragment_key(std::string_view fragment);

// Keys of every anchor the note's headings produce (ATX and one-line setext headings outside
// fences, with GitHub's numbering of repeats, plus pinned `{#id}`s), sorted.
std::vector<std::uint64_t> heading_anchor_keys(const line_scanner& scanner);

}  // namespace notequiz::detail
