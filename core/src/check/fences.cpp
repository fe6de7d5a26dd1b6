// Code fences: unclosed-fence (a fence that swallows the rest of the note) and
// fence-language (a programming-language label on prose).

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "anchors.hpp"
#include "check_context.hpp"
#include "text.hpp"
#include "unicode.hpp"
#include "word_lists.hpp"

namespace notequiz::detail {

namespace {

// Info words that promise code, sorted. Markup and data (html, json, yaml, md) are left alone:
// prose inside them is normal.
constexpr std::string_view programming_languages[] = {
    "asm", "bash", "bat", "c", "c#", "c++", "cc", "cjs", "clj", "clojure", "cmd", "cpp", "cs", "csharp",
    "cxx", "d", "dart", "delphi", "elixir", "erl", "erlang", "ex", "exs", "f#", "fish", "fortran", "fsharp",
    "go", "golang", "groovy", "h", "haskell", "hpp", "hs", "java", "javascript", "jl", "js", "jsx", "julia",
    "kotlin", "kt", "lisp", "lua", "matlab", "mjs", "ml", "nasm", "nim", "objc", "objective-c", "objectivec",
    "ocaml", "pascal", "perl", "php", "pl", "plsql", "powershell", "ps1", "py", "python", "python3", "r",
    "rb", "rs", "ruby", "rust", "scala", "scheme", "sh", "shell", "solidity", "sql", "swift", "ts", "tsx",
    "typescript", "v", "vb", "vbnet", "zig", "zsh",
};
constexpr word_list<std::size(programming_languages)> languages(programming_languages);

enum class line_sort : std::uint8_t { blank, code, prose };

// The bytes classify() looks at outside strings: quotes, blanks (before a trailing comment)
// and the lead bytes of multibyte characters.
constexpr std::array<bool, 256> make_scan_stops() {
  std::array<bool, 256> stops{};
  for (unsigned c = 0x80; c < 0x100; ++c) stops[c] = true;
  stops['"'] = stops['`'] = stops[' '] = stops['\t'] = true;
  return stops;
}
constexpr std::array<bool, 256> scan_stops = make_scan_stops();

bool starts_with(std::string_view s, std::string_view p) noexcept { return s.substr(0, p.size()) == p; }

// Characters English sentences do without and code rarely does.
bool is_code_punctuation(char c) noexcept {
  switch (c) {
    case '{': case '}': case '[': case ']': case '(': case ')': case '=': case ';': case '<': case '>':
    case '|': case '&': case '$': case '\\': case '_': case '*': case '/': case '"': case '`':
      return true;
    default:
      return false;
  }
}

bool has_non_ascii(std::string_view s) noexcept {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t bytes;
    std::memcpy(&bytes, s.data() + i, sizeof bytes);
    if ((bytes & 0x8080808080808080ull) != 0) return true;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return true;
  }
  return false;
}

// A line of a fence: prose when it has CJK text outside comments and string literals, is a bare
// URL, or reads as an English sentence (a capital, five or more words, no code punctuation).
line_sort classify(std::string_view line) {
  // A line that starts with a CJK character is prose whatever follows (half the lines of the
  // fences that hold explanations): no need to trim it or look further.
  if (!line.empty() && static_cast<unsigned char>(line[0]) >= 0x80) {
    std::size_t i = 0;
    if (is_cjk(next_code_point(line, i))) return line_sort::prose;
  }
  const std::string_view t = trim(line);
  if (t.empty()) return line_sort::blank;
  switch (t[0]) {  // a comment line: //, /*, #, *, --, ;;, <!--
    case '#':
    case '*': return line_sort::code;
    case '/':
      if (starts_with(t, "//") || starts_with(t, "/*")) return line_sort::code;
      break;
    case '-':
      if (starts_with(t, "--")) return line_sort::code;
      break;
    case ';':
      if (starts_with(t, ";;")) return line_sort::code;
      break;
    case '<':
      if (starts_with(t, "<!--")) return line_sort::code;
      break;
    default: break;
  }
  // Every line of every labelled fence comes here. Only a line with non-ASCII bytes can hold
  // CJK text (most code has none, checked eight bytes at a time); in one that does, bytes that
  // cannot start a string, a comment or a CJK character are skipped a table lookup at a time,
  // strings a memchr at a time.
  for (std::size_t i = has_non_ascii(t) ? 0 : t.size(); i < t.size();) {
    const char c = t[i];
    if (!scan_stops[static_cast<unsigned char>(c)]) {
      ++i;
      continue;
    }
    if (c == '"' || c == '`') {
      const void* close = std::memchr(t.data() + i + 1, c, t.size() - i - 1);
      if (close == nullptr) break;
      i = static_cast<std::size_t>(static_cast<const char*>(close) - t.data()) + 1;
      continue;
    }
    if (c == ' ' || c == '\t') {
      if (i + 1 < t.size() && (t[i + 1] == '#' || (t[i + 1] == '/' && i + 2 < t.size() && t[i + 2] == '/'))) {
        break;  // a trailing comment may be in any language
      }
      ++i;
      continue;
    }
    if (is_cjk(next_code_point(t, i))) return line_sort::prose;
  }
  if ((starts_with(t, "http://") || starts_with(t, "https://")) && t.find(' ') == std::string_view::npos) return line_sort::prose;
  if (t[0] < 'A' || t[0] > 'Z') return line_sort::code;
  int words = 0;
  bool in_word = false;
  for (char c : t) {
    if (is_code_punctuation(c)) return line_sort::code;
    const bool letter = std::isalpha(static_cast<unsigned char>(c)) || c == '\'' || c == '-';
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words >= 5 ? line_sort::prose : line_sort::code;
}

void check_unclosed(check_context& ctx, const fence& f) {
  std::size_t marker_at = 0;
  indent_width(ctx.line(f.open_line), &marker_at);
  ctx.report(rule::unclosed_fence, f.open_line, static_cast<std::uint32_t>(marker_at + 1), [&] {
    std::vector<std::string> swallowed;
    std::size_t count = 0;
    for (std::uint32_t l = f.open_line + 1; l <= ctx.scanner.line_count(); ++l) {
      const std::string_view line = ctx.line(l);
      if (line.empty() || atx_level(line) == 0) continue;
      if (++count <= 3) swallowed.push_back(message('"', excerpted(heading_text(line), 40), '"'));
    }
    std::string text = "code fence is never closed: it runs to the end of the file";
    if (count > 0) {
      text += " and swallows " + std::to_string(count) + (count == 1 ? " heading: " : " headings: ");
      for (std::size_t i = 0; i < swallowed.size(); ++i) text += (i ? ", " : "") + swallowed[i];
      if (count > swallowed.size()) text += " and " + std::to_string(count - swallowed.size()) + " more";
    }
    return text;
  });
}

// Whether a fence's info word promises code. A note labels its fences with a language or two,
// so the last answer is kept: most fences are then told apart by a comparison of a few bytes.
class language_words {
 public:
  bool contains(std::string_view word) noexcept {
    if (!asked_ || word != last_) {
      asked_ = true;
      last_ = word;
      known_ = languages.contains(word);
    }
    return known_;
  }

 private:
  bool asked_ = false;
  std::string_view last_;
  bool known_ = false;
};

void check_language(check_context& ctx, const fence& f, language_words& code) {
  const std::string_view word = f.info.substr(0, f.info.find_first_of(" \t{"));
  if (!code.contains(word)) return;
  std::uint32_t lines = 0, prose = 0;
  for (std::uint32_t l = f.open_line + 1; l < f.close_line; ++l) {
    switch (classify(ctx.line(l))) {
      case line_sort::blank: break;
      case line_sort::code: ++lines; break;
      case line_sort::prose: ++lines, ++prose; break;
    }
    // Stop once three prose lines in four cannot be reached even if every line left is prose:
    // most fences hold code, and this is where checking spent its time.
    if (4 * prose + (f.close_line - 1 - l) < 3 * lines) return;
  }
  // Mostly prose: three lines in four. A snippet with its explanation under it stays code.
  if (prose == 0 || prose * 4 < lines * 3) return;
  // The info string is trimmed and starts with the word: where it lies in the opening line is
  // where the word is (the scanner's views are into the checked text, as the lines are).
  const std::size_t word_at = static_cast<std::size_t>(f.info.data() - ctx.line(f.open_line).data());
  ctx.report(rule::fence_language, f.open_line, static_cast<std::uint32_t>(word_at + 1), [&] {
    return message('`', word, "` fence holds prose, not code (", prose, " of ", lines, " lines); label it `text`");
  });
  ctx.fix_last(ctx.line_start(f.open_line) + word_at, word.size(), "text");
}

}  // namespace

void check_fences(check_context& ctx) {
  const bool unclosed = ctx.enabled(rule::unclosed_fence);
  const bool language = ctx.enabled(rule::fence_language);
  language_words code;
  for (const fence& f : ctx.scanner.fences()) {
    if (f.close_line == 0) {
      if (unclosed) check_unclosed(ctx, f);
    } else if (language) {
      check_language(ctx, f, code);
    }
  }
}

}  // namespace notequiz::detail
