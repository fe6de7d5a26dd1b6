// empty-answer: a question whose answer says nothing: no lines at all, only an empty fence,
// whitespace, comments, or a placeholder such as TODO or 待补充.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>

#include "check_context.hpp"
#include "text.hpp"

namespace notequiz::detail {

namespace {

constexpr std::string_view placeholders[] = {
    "todo", "tbd", "tba", "fixme", "wip", "xxx", "...", "…", "……", "?", "??", "???",
    "待补充", "待完善", "待续", "待更新", "待定", "待写", "暂无", "未完成", "未完待续", "略",
};

// The longest placeholder: a line whose text is longer can only be one that starts with a word
// placeholder and a colon ("TODO: ...").
constexpr std::size_t longest_placeholder = [] {
  std::size_t longest = 0;
  for (std::string_view p : placeholders) longest = std::max(longest, p.size());
  return longest;
}();
static_assert(longest_placeholder >= 8, "room for the longest word placeholder and a full-width colon");

// The answer lines of every question are looked at: a first byte that differs rules a prefix
// or suffix out before any comparison of strings.
bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && (prefix.empty() || s[0] == prefix[0]) && s.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && (suffix.empty() || s.back() == suffix.back()) &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// What strip_decoration takes off the front of a line: list markers, then emphasis and brackets.
constexpr std::string_view markers[] = {"- ", "* ", "+ ", "> ", "1. "};
constexpr std::string_view openers[] = {"*", "_", "~", "`", "(", "[", "（", "【"};

// The first bytes of the (trimmed) lines that can hold a placeholder: only a marker or an
// opener, which strip_decoration removes, or a placeholder itself (either case) can start one.
// Most answer lines start with something else and are ruled out by this one lookup.
constexpr std::array<bool, 256> make_placeholder_starts() {
  std::array<bool, 256> starts{};
  for (std::string_view m : markers) starts[static_cast<unsigned char>(m[0])] = true;
  for (std::string_view o : openers) starts[static_cast<unsigned char>(o[0])] = true;
  for (std::string_view p : placeholders) {
    const auto c = static_cast<unsigned char>(p[0]);
    starts[c] = true;
    if (c >= 'a' && c <= 'z') starts[c - 'a' + 'A'] = true;
  }
  return starts;
}
constexpr std::array<bool, 256> placeholder_starts = make_placeholder_starts();

// Without list markers, emphasis, brackets and closing punctuation around it.
std::string_view strip_decoration(std::string_view s) noexcept {
  s = trim(s);
  for (std::string_view marker : markers) {
    if (starts_with(s, marker)) s = trim(s.substr(marker.size()));
  }
  constexpr std::string_view closers[] = {"*", "_", "~", "`", ")", "]", "）", "】", ":", "!", "。", "：", "！"};
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view o : openers) {
      if (starts_with(s, o)) s.remove_prefix(o.size()), changed = true;
    }
    for (std::string_view c : closers) {
      if (ends_with(s, c)) s.remove_suffix(c.size()), changed = true;
    }
    s = trim(s);
  }
  return s;
}

// The placeholder the line is, or empty.
std::string_view placeholder_in(std::string_view line) {
  // strip_decoration only changes the first byte by taking off a marker or an opener.
  const std::string_view trimmed = trim(line);
  if (trimmed.empty() || !placeholder_starts[static_cast<unsigned char>(trimmed[0])]) return {};
  std::string_view s = strip_decoration(trimmed);
  // "TBD." but not "...": a full stop after a word.
  if (s.size() > 1 && s.back() == '.' && s[s.size() - 2] != '.') s.remove_suffix(1);
  // Lower-cased as far as any placeholder reaches: the text itself when it is no longer.
  char lowered[longest_placeholder];
  const std::size_t size = std::min(s.size(), sizeof lowered);
  for (std::size_t i = 0; i < size; ++i) lowered[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  const std::string_view lower(lowered, size);
  for (std::string_view p : placeholders) {
    if (s.size() == p.size() && lower == p) return p;
    // "TODO: explain this" is still only a promise.
    if (std::isalpha(static_cast<unsigned char>(p[0])) && starts_with(lower, p) &&
        (starts_with(lower.substr(p.size()), ":") || starts_with(lower.substr(p.size()), "："))) {
      return p;
    }
  }
  return {};
}

bool is_comment_line(std::string_view line) noexcept {
  line = trim(line);
  return starts_with(line, "<!--") && ends_with(line, "-->") && line.find("-->") == line.size() - 3;
}

}  // namespace

void check_answers(check_context& ctx) {
  if (!ctx.enabled(rule::empty_answer)) return;
  for (const card& c : ctx.parsed.deck.cards) {
    if (c.kind != card_kind::flashcard) continue;  // options are an answer
    const source_position& p = c.position;
    bool fence = false;
    std::string_view placeholder;
    bool said_something = false;
    for (std::uint32_t l = p.answer_start_line; l <= p.answer_end_line && l <= ctx.scanner.line_count() && !said_something; ++l) {
      const std::string_view text = ctx.line(l);
      switch (ctx.scanner.at(l).kind) {
        case line_kind::blank: break;
        case line_kind::fence_open:
        case line_kind::fence_close: fence = true; break;
        case line_kind::fence_content:
          if (!is_blank(text)) said_something = true;
          break;
        default:
          if (is_comment_line(text)) break;
          if (const std::string_view found = placeholder_in(text); !found.empty()) {
            if (placeholder.empty()) placeholder = found;
            break;
          }
          said_something = true;
      }
    }
    if (said_something) continue;
    const excerpt_piece title = excerpted(c.title);
    if (!placeholder.empty()) {
      std::string shown(placeholder);
      if (std::isalpha(static_cast<unsigned char>(shown[0]))) {
        for (char& ch : shown) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      ctx.report(rule::empty_answer, p.line, p.column,
                 [&] { return message("question \"", title, "\" has only a placeholder (", shown, ") for an answer"); });
    } else {
      ctx.report(rule::empty_answer, p.line, p.column,
                 [&] {
                   return message("question \"", title, "\" has ",
                                  fence ? "only an empty code block for an answer" : "no answer");
                 });
    }
  }
}

}  // namespace notequiz::detail
