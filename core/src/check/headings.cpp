// Headings: heading-syntax (lines meant as questions that markdown does not read as headings)
// and heading-level (jumps, and sibling questions at different levels).

#include <array>

#include "check_context.hpp"
#include "text.hpp"

namespace notequiz::detail {

namespace {

int hashes_at(std::string_view line, std::size_t start) noexcept {
  int n = 0;
  while (start + n < line.size() && line[start + n] == '#') ++n;
  return n;
}

// The level of the heading whose text starts on `line` (ATX, or setext with its underline next).
int heading_level_at(const check_context& ctx, std::uint32_t line) {
  if (line == 0 || line > ctx.scanner.line_count()) return 0;
  if (ctx.scanner.at(line).kind == line_kind::atx_heading) return ctx.scanner.at(line).heading_level;
  if (line < ctx.scanner.line_count()) {
    const std::string_view underline = trim(ctx.line(line + 1));
    if (!underline.empty() && underline[0] == '=') return 1;
    if (!underline.empty() && underline[0] == '-') return 2;
  }
  return 0;
}

// The level most questions of the note use (the configured one first), or 0 when unknown.
int usual_question_level(const check_context& ctx) {
  if (ctx.options.config && ctx.options.config->question_level != 0) return ctx.options.config->question_level;
  std::array<int, 7> count{};
  for (const card& c : ctx.parsed.deck.cards) ++count[static_cast<std::size_t>(heading_level_at(ctx, c.position.line))];
  int best = 0;
  for (int level = 1; level <= 6; ++level) {
    if (count[level] > count[best]) best = level;
  }
  return best;
}

void check_syntax(check_context& ctx) {
  const int question_level = usual_question_level(ctx);
  const std::uint32_t count = ctx.scanner.line_count();
  for (std::uint32_t l = 1; l <= count; ++l) {
    const scanned_line& s = ctx.scanner.at(l);
    if (s.kind != line_kind::text) continue;
    // Only a line whose text starts with '#' can be meant as a heading: one not indented at all
    // is ruled out by its first byte.
    if (s.indent == 0 && ctx.text[ctx.line_start(l)] != '#') continue;
    const std::string_view line = ctx.line(l);
    std::size_t start = 0;
    const std::uint32_t indent = indent_width(line, &start);
    if (start >= line.size() || line[start] != '#') continue;
    const int n = hashes_at(line, start);
    if (n < 2 || n > 6) continue;  // a single `#word` is a tag
    const std::size_t after = start + static_cast<std::size_t>(n);
    const bool no_space = after < line.size() && line[after] != ' ' && line[after] != '\t';
    const bool indented = indent > 3 && (question_level == 0 || n == question_level);
    if (!no_space && !indented) continue;
    ctx.report(rule::heading_syntax, l, static_cast<std::uint32_t>(start + 1), [&] {
      const excerpt_piece shown = excerpted(line.substr(start), 40);
      if (indented && no_space) {
        return message('`', shown, "` is not a heading: it is indented by ", indent, " spaces and has no space after the #'s");
      }
      if (indented) return message('`', shown, "` is not a heading: it is indented by ", indent, " spaces (at most 3 are allowed)");
      return message('`', shown, "` is not a heading: put a space after the #'s");
    });
    const std::size_t at = ctx.line_start(l);
    if (indented) ctx.fix_last(at, start, "");
    if (no_space) ctx.fix_last(at + after, 0, " ");
  }
}

void check_levels(check_context& ctx) {
  int previous = 0;
  const std::uint32_t count = ctx.scanner.line_count();
  for (std::uint32_t l = 1; l <= count; ++l) {
    const scanned_line& s = ctx.scanner.at(l);
    int level = 0;
    if (s.kind == line_kind::atx_heading) {
      level = s.heading_level;
    } else if (s.kind == line_kind::text && s.indent < 4 && l < count && ctx.scanner.at(l + 1).kind == line_kind::text &&
               (l == 1 || ctx.scanner.at(l - 1).kind != line_kind::text)) {
      const std::string_view next = trim(ctx.line(l + 1));
      if (!next.empty() && (next[0] == '=' || next[0] == '-') && next.find_first_not_of(next[0]) == std::string_view::npos &&
          ctx.scanner.at(l + 1).indent < 4) {
        level = next[0] == '=' ? 1 : 2;
      }
    }
    if (level == 0) continue;
    if (previous != 0 && level > previous + 1) {
      std::size_t start = 0;
      indent_width(ctx.line(l), &start);
      ctx.report(rule::heading_level, l, static_cast<std::uint32_t>(start + 1),
                 [&] {
                   return message("heading level jumps from h", static_cast<unsigned>(previous), " to h",
                                  static_cast<unsigned>(level), " (go one level deeper at a time)");
                 });
    }
    previous = level;
  }

  const auto& cards = ctx.parsed.deck.cards;
  for (std::size_t first = 0; first < cards.size();) {
    std::size_t end = first + 1;
    while (end < cards.size() && cards[end].section_path == cards[first].section_path) ++end;
    const int expected = heading_level_at(ctx, cards[first].position.line);
    for (std::size_t i = first + 1; i < end; ++i) {
      const int level = heading_level_at(ctx, cards[i].position.line);
      if (level == 0 || expected == 0 || level == expected) continue;
      ctx.report(rule::heading_level, cards[i].position.line, cards[i].position.column,
                 [&] {
                   return message("question \"", excerpted(cards[i].title), "\" is an h", static_cast<unsigned>(level),
                                  " but \"", excerpted(cards[first].title, 40), "\" (line ", cards[first].position.line,
                                  ") in the same section is an h", static_cast<unsigned>(expected));
                 });
    }
    first = end;
  }
}

}  // namespace

void check_headings(check_context& ctx) {
  if (ctx.enabled(rule::heading_syntax)) check_syntax(ctx);
  if (ctx.enabled(rule::heading_level)) check_levels(ctx);
}

}  // namespace notequiz::detail
