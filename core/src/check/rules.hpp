#pragma once
// The checker's rules by index, in the order of check_rules() (NQ001 first).

#include <cstddef>
#include <cstdint>

namespace notequiz::detail {

enum class rule : std::uint8_t {
  empty_answer,
  duplicate_question,
  missing_image,
  broken_link,
  unclosed_fence,
  fence_language,
  heading_syntax,
  heading_level,
  choice_no_correct,
  choice_one_option,
  raw_html,
  unsafe_url,
  encoding,
  empty_title,
  front_matter,
  duplicate_id,
  unknown_rule,
  config,
  unreadable_input,
};

inline constexpr std::size_t rule_count = static_cast<std::size_t>(rule::unreadable_input) + 1;

constexpr std::size_t index_of(rule r) noexcept { return static_cast<std::size_t>(r); }

}  // namespace notequiz::detail
