// raw-html: HTML tags outside code, which the renderer shows as text. Only names of real HTML
// elements count, so generics such as `Vec<T>` or `List<int>` in prose are left alone.

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>

#include "check_context.hpp"
#include "text.hpp"
#include "word_lists.hpp"

namespace notequiz::detail {

namespace {

// Sorted.
constexpr std::string_view html_elements[] = {
    "a",       "abbr",     "address", "article", "aside",   "audio",    "b",       "big",      "blockquote", "body",
    "br",      "button",   "canvas",  "caption", "center",  "cite",     "code",    "col",      "colgroup",   "dd",
    "del",     "details",  "dfn",     "div",     "dl",      "dt",       "em",      "embed",    "fieldset",   "figcaption",
    "figure",  "font",     "footer",  "form",    "h1",      "h2",       "h3",      "h4",       "h5",         "h6",
    "head",    "header",   "hr",      "html",    "i",       "iframe",   "img",     "input",    "ins",        "kbd",
    "label",   "li",       "link",    "main",    "mark",    "math",     "meta",    "nav",      "object",     "ol",
    "option",  "p",        "picture", "pre",     "q",       "s",        "samp",    "script",   "section",    "select",
    "small",   "source",   "span",    "strike",  "strong",  "style",    "sub",     "summary",  "sup",        "svg",
    "table",   "tbody",    "td",      "template","textarea","tfoot",    "th",      "thead",    "title",      "tr",
    "tt",      "u",        "ul",      "var",     "video",   "wbr",
};
constexpr word_list<std::size(html_elements)> elements(html_elements);


// If a tag of a known element starts at line[i] (`<name` or `</name`, then a space, `/`, `>`
// or the end of the line), its length up to the name's end; else 0.
std::size_t tag_at(std::string_view line, std::size_t i) {
  std::size_t j = i + 1;
  if (j < line.size() && line[j] == '/') ++j;
  const std::size_t name_start = j;
  while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '-')) ++j;
  if (j == name_start || !std::isalpha(static_cast<unsigned char>(line[name_start]))) return 0;
  if (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '/' && line[j] != '>') return 0;
  return elements.contains(line.substr(name_start, j - name_start)) ? j - i : 0;
}

}  // namespace

void check_raw_html(check_context& ctx) {
  if (!ctx.enabled(rule::raw_html)) return;
  bool in_comment = false;
  bool reported_in_block = false;
  const std::uint32_t count = ctx.scanner.line_count();
  for (std::uint32_t l = 1; l <= count; ++l) {
    if (!in_comment) {
      // Outside a comment only lines with a '<' matter (and blank lines, which end a block):
      // go straight to the next '<'.
      const std::size_t from = ctx.line_start(l);
      const void* next = from < ctx.text.size() ? std::memchr(ctx.text.data() + from, '<', ctx.text.size() - from) : nullptr;
      if (next == nullptr) break;
      const std::uint32_t target = ctx.scanner.lines().line_of(static_cast<std::size_t>(static_cast<const char*>(next) - ctx.text.data()));
      for (; l < target; ++l) {
        if (ctx.scanner.at(l).kind == line_kind::blank) reported_in_block = false;
      }
    }
    const scanned_line& s = ctx.scanner.at(l);
    if (s.kind == line_kind::blank) {
      reported_in_block = false;
      continue;
    }
    if (s.kind != line_kind::text && s.kind != line_kind::atx_heading) continue;
    const std::string_view line = ctx.line(l);
    if (!in_comment && (s.indent >= 4 || std::memchr(line.data(), '<', line.size()) == nullptr)) continue;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (in_comment) {
        const std::size_t end = line.find("-->", i);
        if (end == std::string_view::npos) break;
        in_comment = false;
        i = end + 2;
        continue;
      }
      const char c = line[i];
      if (c == '`') {
        // A code span: skip to the closing run of the same length, if the line has one.
        std::size_t run = 1;
        while (i + run < line.size() && line[i + run] == '`') ++run;
        const std::string_view ticks = line.substr(i, run);
        std::size_t close = line.find(ticks, i + run);
        while (close != std::string_view::npos && close + run < line.size() && line[close + run] == '`') {
          close = line.find(ticks, close + run + 1);
        }
        i = close == std::string_view::npos ? i + run - 1 : close + run - 1;
        continue;
      }
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c != '<') continue;
      if (line.compare(i, 4, "<!--") == 0) {
        in_comment = true;
        i += 3;
        continue;
      }
      const std::size_t length = tag_at(line, i);
      if (length == 0 || reported_in_block) continue;
      reported_in_block = true;
      ctx.report(rule::raw_html, l, static_cast<std::uint32_t>(i + 1), [&] {
        return message("raw HTML `", line.substr(i, length),
                       ">` is shown as text, not rendered: notequiz escapes HTML so quizzes are safe to embed in other "
                       "pages; use markdown instead");
      });
      i += length - 1;
    }
  }
}

}  // namespace notequiz::detail
