#pragma once
// What every rule sees while one note is checked, and how rules report.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "line_scanner.hpp"
#include "message.hpp"
#include "notequiz/check.hpp"
#include "notequiz/parse.hpp"
#include "rules.hpp"

namespace notequiz::detail {

// Where `<!-- notequiz-disable ... -->` comments switch rules off.
class suppressions {
 public:
  // From `line` on (inclusive), `rules` (a bit per rule) are disabled (`disable`) or enabled again.
  void change(std::uint32_t line, std::uint32_t rules, bool disable);
  // Only on `line`.
  void disable_line(std::uint32_t line, std::uint32_t rules);
  bool suppressed(rule r, std::uint32_t line) const noexcept;
  // No comment switches anything off: nothing is suppressed anywhere (most notes).
  bool empty() const noexcept { return changes_.empty() && lines_.empty(); }

 private:
  struct state_change {
    std::uint32_t line;
    std::uint32_t disabled;  // the rules disabled from this line on
  };
  std::vector<state_change> changes_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lines_;  // (line, rules), in line order
};

inline constexpr std::uint32_t all_rules = (1u << rule_count) - 1;

struct found_problem {
  rule which;
  std::optional<severity> default_override;  // used when the configuration keeps the default
  diagnostic problem;                          // severity is filled in at the end
};

struct check_context {
  check_context(std::string_view checked_text, std::size_t offset_in_file, bool can_fix, const line_scanner& s,
                const parse_result& p, const check_file_options& o);

  std::string_view text;    // the bytes checked: BOM removed, valid UTF-8
  std::size_t base_offset;  // where `text` starts in the file (fixes are offsets into the file)
  bool fixes_allowed;       // false when `text` is not the file's own bytes
  const line_scanner& scanner;
  const parse_result& parsed;
  const check_file_options& options;
  suppressions disabled;
  std::vector<found_problem> found;
  std::vector<text_edit> fixes;  // `diagnostic` indexes `found` until the report is built
  cross_file_facts facts;
  // The card each of facts.questions asks: its title is moved into the facts once no rule reads it.
  std::vector<std::uint32_t> question_cards;

  // The rule's configured severity (nothing when off), before inline comments.
  std::optional<severity> configured(rule r) const noexcept { return severities_[index_of(r)]; }
  bool enabled(rule r) const noexcept { return configured(r).has_value(); }
  // How a problem of rule `r` at `line` would be reported: nothing when off or disabled there.
  std::optional<severity> effective(rule r, std::uint32_t line) const noexcept;

  found_problem& report(rule r, std::uint32_t line, std::uint32_t column, std::string message,
                        std::optional<severity> default_override = std::nullopt);
  // A fix for the problem reported last; `offset` is into `text`.
  void fix_last(std::size_t offset, std::size_t length, std::string_view replacement);

  std::string_view line(std::uint32_t n) const noexcept { return scanner.lines().line(n); }
  std::size_t line_start(std::uint32_t n) const noexcept { return scanner.lines().line_start(n); }

 private:
  std::array<std::optional<severity>, rule_count> severities_;  // configured(), looked up once per note
};

// The rules, one concern per file.
void read_directives(check_context& ctx);          // inline_directives.cpp (first: others depend on it)
void check_answers(check_context& ctx);            // empty_answer.cpp
void check_duplicates(check_context& ctx);         // duplicates.cpp
void check_references(check_context& ctx);        // links.cpp
void check_fences(check_context& ctx);             // fences.cpp
void check_headings(check_context& ctx);           // headings.cpp
void check_choices(check_context& ctx);            // choices.cpp
void check_raw_html(check_context& ctx);           // raw_html.cpp
void check_encoding(check_context& ctx, std::string_view file);  // encoding.cpp

// A short, valid UTF-8 excerpt of source text for messages (message.hpp's excerpted(), as a string).
std::string excerpt(std::string_view text, std::size_t max_bytes = 60);

}  // namespace notequiz::detail
