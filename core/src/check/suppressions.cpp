#include <algorithm>

#include "check_context.hpp"

namespace notequiz::detail {

void suppressions::change(std::uint32_t line, std::uint32_t rules, bool disable) {
  // Comments are read top to bottom, so changes arrive in line order.
  std::uint32_t disabled = changes_.empty() ? 0 : changes_.back().disabled;
  disabled = disable ? (disabled | rules) : (disabled & ~rules);
  if (!changes_.empty() && changes_.back().line == line) {
    changes_.back().disabled = disabled;
  } else {
    changes_.push_back({line, disabled});
  }
}

void suppressions::disable_line(std::uint32_t line, std::uint32_t rules) {
  const auto at = std::lower_bound(lines_.begin(), lines_.end(), line,
                                   [](const std::pair<std::uint32_t, std::uint32_t>& e, std::uint32_t l) { return e.first < l; });
  if (at != lines_.end() && at->first == line) {
    at->second |= rules;
  } else {
    lines_.insert(at, {line, rules});
  }
}

bool suppressions::suppressed(rule r, std::uint32_t line) const noexcept {
  if (empty()) return false;
  const std::uint32_t bit = 1u << index_of(r);
  const auto change = std::upper_bound(changes_.begin(), changes_.end(), line,
                                       [](std::uint32_t l, const state_change& c) { return l < c.line; });
  if (change != changes_.begin() && (std::prev(change)->disabled & bit) != 0) return true;
  const auto one = std::lower_bound(lines_.begin(), lines_.end(), line,
                                    [](const std::pair<std::uint32_t, std::uint32_t>& e, std::uint32_t l) { return e.first < l; });
  return one != lines_.end() && one->first == line && (one->second & bit) != 0;
}

}  // namespace notequiz::detail
