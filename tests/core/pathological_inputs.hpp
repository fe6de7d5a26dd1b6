#pragma once
// Inputs that make markdown parsers slow, deep or large, each made at any size `n` (the number
// of repeated units). Shared by pathological_test.cpp (big sizes: they finish, with bounded
// memory), parse_scaling_test.cpp (sizes n and 8n: the work grows linearly) and fuzz_seeds
// (files the fuzz targets must finish within libFuzzer's -timeout).

#include <cstddef>
#include <string>
#include <string_view>

// Set in AddressSanitizer builds (the sanitize preset), where the tests use smaller sizes.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NOTEQUIZ_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define NOTEQUIZ_UNDER_ASAN 1
#endif

namespace notequiz::testing {

inline std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  out.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) out.append(unit);
  return out;
}

struct pathological_shape {
  std::string_view name;
  std::string (*make)(std::size_t n);
};

// The generators: each is a question (so there is a deck) followed by `n` units of trouble.
inline std::string nested_brackets(std::size_t n) { return "# Brackets\n" + std::string(n, '[') + "a" + std::string(n, ']') + "(x)\n"; }
inline std::string emphasis_markers(std::size_t n) { return "# Emphasis\n" + repeat("*a_", n) + repeat("**", n) + "\n"; }
inline std::string long_line(std::size_t n) { return "# Long line\n" + repeat("word ", n) + "\n"; }
inline std::string tiny_questions(std::size_t n) {
  std::string out;
  out.reserve(n * 14);
  for (std::size_t i = 0; i < n; ++i) out += "## q" + std::to_string(i) + "\na\n";
  return out;
}
// Fences inside block quotes end with the quote, unclosed; the last one runs to the end of file.
inline std::string unclosed_fences(std::size_t n) { return repeat("# Q\n> ```go\n> x\n\n", n) + "# Last\n```\nnever closed\n"; }
inline std::string wide_table(std::size_t n) {
  return "# Table\n" + repeat("| a ", n) + "|\n" + repeat("|---", n) + "|\n" + repeat("| 1 ", n) + "|\n";
}
inline std::string nested_lists(std::size_t n) { return "# Lists\n" + repeat("- ", n) + "a\n"; }
inline std::string nested_quotes(std::size_t n) { return "# Quotes\n" + std::string(n, '>') + " a\n"; }
// Empty headings after a fence that only the line scanner sees (md4c puts it in the list item).
inline std::string empty_headings_after_list_fence(std::size_t n) { return "- a\n\n  ```\n" + repeat("#\n", n); }
inline std::string only_headings(std::size_t n) { return repeat("# A\n## B\n### C\n#### D\n##### E\n###### F\n", n); }
inline std::string invalid_utf8(std::size_t n) { return "# Bytes\n" + repeat("\xC3\x28\xFF\xFE\xE2\x82 \xF0\x9F\x98\n", n); }
inline std::string nul_bytes(std::size_t n) { return repeat(std::string_view("# Q\0\n\0a\0\n", 9), n); }
inline std::string links_and_images(std::size_t n) {
  return "# Links\n" + repeat("[a](javascript:x) ![i](./i.png) <http://a.b> [r] ", n) + "\n\n[r]: ./r.md#x\n";
}
inline std::string raw_html(std::size_t n) { return "# HTML\n" + repeat("<div onclick=x>\n<script>a</script>\n\n<b>i</b> ", n) + "\n"; }

inline constexpr pathological_shape pathological_shapes[] = {
    {"nested_brackets", nested_brackets},
    {"emphasis_markers", emphasis_markers},
    {"long_line", long_line},
    {"tiny_questions", tiny_questions},
    {"unclosed_fences", unclosed_fences},
    {"wide_table", wide_table},
    {"nested_lists", nested_lists},
    {"nested_quotes", nested_quotes},
    {"empty_headings_after_list_fence", empty_headings_after_list_fence},
    {"only_headings", only_headings},
    {"invalid_utf8", invalid_utf8},
    {"nul_bytes", nul_bytes},
    {"links_and_images", links_and_images},
    {"raw_html", raw_html},
};

}  // namespace notequiz::testing
