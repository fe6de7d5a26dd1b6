#pragma once
// What every rule sees while one note is checked, and how rules report.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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
  // The card each of facts.questions asks: its title is copied into the facts once no rule reads it.
  std::vector<std::uint32_t> question_cards;

  // The rule's configured severity (nothing when off), before inline comments.
  std::optional<severity> configured(rule r) const noexcept { return severities_[index_of(r)]; }
  bool enabled(rule r) const noexcept { return configured(r).has_value(); }
  // How a problem of rule `r` at `line` would be reported: nothing when off or disabled there.
  std::optional<severity> effective(rule r, std::uint32_t line) const noexcept;
  // The same for a problem that gives its own severity for when the configuration keeps the
  // rule's default (the parser's findings, encoding's warnings).
  std::optional<severity> effective(rule r, std::uint32_t line, std::optional<severity> default_override) const noexcept;

  // Reports a problem. `message` is its text, or a callable that returns it: called only when
  // the problem is kept, so problems that would be left out cost no message. Returns the problem,
  // or nullptr when it is left out (see leaves_out()).
  found_problem* report(rule r, std::uint32_t line, std::uint32_t column, std::string message,
                        std::optional<severity> default_override = std::nullopt);
  template <typename Message, typename = std::enable_if_t<std::is_invocable_r_v<std::string, Message&>>>
  found_problem* report(rule r, std::uint32_t line, std::uint32_t column, Message message,
                        std::optional<severity> default_override = std::nullopt) {
    if (leaves_out(r, line, default_override)) return nullptr;
    return &add(r, line, column, message(), default_override);
  }
  // A fix for the problem reported last (none when it was left out); `offset` is into `text`.
  void fix_last(std::size_t offset, std::size_t length, std::string_view replacement);

  // Set once every `notequiz-` comment is read: from then on report() knows at once whether a
  // problem is disabled where it is.
  bool suppressions_known = false;
  // Problems left out as less severe than check_file_options::least_severity, by severity.
  std::array<std::size_t, 3> left_out{};
  // Whether a problem of severity `s` is only counted, as less severe than least_severity asks
  // (never while fixing: every fix belongs to a diagnostic).
  bool only_counted(severity s) const noexcept { return !options.fixes && s > options.least_severity; }
  // Whether a problem is left out of the report: off, disabled where it is or (counted in
  // left_out) less severe than wanted. Until suppressions_known, nothing is left out here: the
  // report is filtered at the end the same way.
  bool leaves_out(rule r, std::uint32_t line, std::optional<severity> default_override);

  std::string_view line(std::uint32_t n) const noexcept { return scanner.lines().line(n); }
  std::size_t line_start(std::uint32_t n) const noexcept { return scanner.lines().line_start(n); }

 private:
  found_problem& add(rule r, std::uint32_t line, std::uint32_t column, std::string message,
                     std::optional<severity> default_override);

  bool last_left_out_ = false;  // whether the problem reported last was left out (fix_last)

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
