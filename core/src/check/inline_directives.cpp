// `<!-- notequiz-disable RULE... -->` and friends, markdownlint's convention: which rules are
// switched off where. Unknown rule names and directives are reported (unknown-rule).

#include "check_context.hpp"
#include "text.hpp"

namespace notequiz::detail {

namespace {

enum class directive : std::uint8_t { disable, enable, disable_line, disable_next_line };

bool is_separator(char c) noexcept { return c == ' ' || c == '\t' || c == ','; }

}  // namespace

void read_directives(check_context& ctx) {
  const std::string_view text = ctx.text;
  constexpr std::string_view opener = "<!--";
  constexpr std::string_view marker = "notequiz-";
  // Comments are rarer than the marker's first letter: each `<!--` is looked at for the marker
  // after it, with nothing but spaces between.
  for (std::size_t comment = text.find(opener); comment != std::string_view::npos;
       comment = text.find(opener, comment + opener.size())) {
    std::size_t at = comment + opener.size();
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    if (text.compare(at, marker.size(), marker) != 0) continue;
    const std::uint32_t line = ctx.scanner.lines().line_of(at);
    const line_kind kind = ctx.scanner.at(line).kind;
    if (kind == line_kind::fence_content || kind == line_kind::fence_open || kind == line_kind::front_matter) continue;
    const std::size_t line_begin = ctx.line_start(line);
    const std::string_view rest_of_line = text.substr(at, line_begin + ctx.line(line).size() - at);
    const std::size_t close = rest_of_line.find("-->");
    // `<!-- notequiz-->` closes inside the marker: a comment, not a directive.
    if (close == std::string_view::npos || close < marker.size()) continue;
    const std::string_view inside = rest_of_line.substr(0, close);

    std::size_t word_end = 0;
    while (word_end < inside.size() && !is_separator(inside[word_end])) ++word_end;
    const std::string_view word = inside.substr(marker.size(), word_end - marker.size());
    directive d;
    if (word == "disable") d = directive::disable;
    else if (word == "enable") d = directive::enable;
    else if (word == "disable-line") d = directive::disable_line;
    else if (word == "disable-next-line") d = directive::disable_next_line;
    else {
      ctx.report(rule::unknown_rule, line, static_cast<std::uint32_t>(at - line_begin + 1),
                 message("unknown directive `notequiz-", excerpted(word, 40),
                         "` (use notequiz-disable, -enable, -disable-line or -disable-next-line)"));
      continue;
    }

    std::uint32_t rules = 0;
    bool named_any = false;
    for (std::size_t i = word_end; i < inside.size();) {
      while (i < inside.size() && is_separator(inside[i])) ++i;
      std::size_t end = i;
      while (end < inside.size() && !is_separator(inside[end])) ++end;
      if (end == i) break;
      const std::string_view name = inside.substr(i, end - i);
      named_any = true;
      if (const rule_info* r = find_rule(name)) {
        rules |= 1u << static_cast<std::size_t>(r - check_rules().data());
      } else {
        ctx.report(rule::unknown_rule, line, static_cast<std::uint32_t>(at + i - line_begin + 1),
                   message("unknown rule `", excerpted(name, 40), "` in a notequiz-", word, " comment (docs/rules.md lists them)"));
      }
      i = end;
    }
    if (!named_any) rules = all_rules;
    if (rules == 0) continue;
    switch (d) {
      case directive::disable: ctx.disabled.change(line, rules, true); break;
      case directive::enable: ctx.disabled.change(line, rules, false); break;
      case directive::disable_line: ctx.disabled.disable_line(line, rules); break;
      case directive::disable_next_line: ctx.disabled.disable_line(line + 1, rules); break;
    }
  }
}

}  // namespace notequiz::detail
