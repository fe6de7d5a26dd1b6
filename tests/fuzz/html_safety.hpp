#pragma once
// Checks that HTML from the renderer cannot run script when put inside someone else's page.
// Shared by the fuzz targets and the GoogleTest that replays their regressions.
//
// The renderer writes a small, fixed set of tags and escapes everything else, so the check is
// strict: every `<` must open a tag the renderer writes, every attribute must be one it writes,
// and no attribute may carry an executable URL. Stricter than "no <script": anything the
// renderer was not designed to emit is a finding.

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>

namespace notequiz::fuzzing {

namespace html_safety_detail {

inline bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The attribute value as a browser sees it: character references decoded (only the ones that can
// spell a scheme matter, and numeric ones can spell anything).
inline std::string decode_references(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '&') {
      out.push_back(v[i]);
      continue;
    }
    const std::size_t semi = v.find(';', i);
    const std::string_view ref = semi == std::string_view::npos ? std::string_view{} : v.substr(i + 1, semi - i - 1);
    unsigned long cp = 0;
    bool known = true;
    if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      const std::string digits(ref.substr(hex ? 2 : 1));
      char* end = nullptr;
      cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      known = !digits.empty() && end != nullptr && *end == '\0';
    } else if (ref == "amp") cp = '&';
    else if (ref == "lt") cp = '<';
    else if (ref == "gt") cp = '>';
    else if (ref == "quot") cp = '"';
    else if (ref == "apos") cp = '\'';
    else if (ref == "colon") cp = ':';
    else if (ref == "Tab") cp = '\t';
    else if (ref == "NewLine") cp = '\n';
    else known = false;
    if (!known || cp > 0x7F) {
      out.push_back('&');  // non-ASCII results cannot form a scheme; keep the text as is
      continue;
    }
    out.push_back(static_cast<char>(cp));
    i = semi;
  }
  return out;
}

// The URL's scheme as browsers read it (ASCII whitespace and controls ignored, case folded),
// or "" for a relative URL.
inline std::string scheme_of(std::string_view url) {
  std::string squeezed;
  for (char c : url) {
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) {
      squeezed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  const std::size_t colon = squeezed.find(':');
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(squeezed[0]))) return {};
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = squeezed[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return {};
  }
  return squeezed.substr(0, colon + 1) + squeezed.substr(colon + 1, 6);  // "data:image/" keeps its type
}

}  // namespace html_safety_detail

/// What makes `html` unsafe, as a sentence with the byte offset, or "" when it is safe.
inline std::string html_safety_problem(std::string_view html) {
  using namespace html_safety_detail;
  const auto at = [](std::size_t i) { return " at byte " + std::to_string(i); };
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<') continue;
    const std::size_t tag_start = i++;
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    const std::size_t name_start = i;
    while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) ++i;
    const std::string name = lower(html.substr(name_start, i - name_start));
    if (name.empty()) return "a raw `<` that is not part of a tag" + at(tag_start);
    if (name == "script") return "a <script> tag" + at(tag_start);
    if (!is_one_of(name, {"p", "em", "strong", "u", "del", "code", "pre", "a", "img", "ul", "ol", "li", "input",
                          "blockquote", "hr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
                          "tr", "th", "td"})) {
      return "a <" + name + "> tag, which the renderer never writes" + at(tag_start);
    }
    // Attributes, until the tag ends.
    for (;;) {
      while (i < html.size() && is_html_space(html[i])) ++i;
      if (i >= html.size()) return "a tag that never ends" + at(tag_start);
      if (html[i] == '>') break;
      if (html[i] == '/' && i + 1 < html.size() && html[i + 1] == '>') {
        ++i;
        break;
      }
      const std::size_t attr_start = i;
      while (i < html.size() && !is_html_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
      if (i == attr_start) return "a stray `/` in a tag" + at(attr_start);
      const std::string attr = lower(html.substr(attr_start, i - attr_start));
      if (closing) return "an attribute on a closing tag" + at(attr_start);
      if (attr.size() > 2 && attr.compare(0, 2, "on") == 0) return "an event handler attribute `" + attr + "`" + at(attr_start);
      if (!is_one_of(attr, {"href", "src", "title", "alt", "class", "rel", "type", "disabled", "checked", "start", "align"})) {
        return "an attribute `" + attr + "` the renderer never writes" + at(attr_start);
      }
      std::string value;
      while (i < html.size() && is_html_space(html[i])) ++i;
      if (i < html.size() && html[i] == '=') {
        ++i;
        while (i < html.size() && is_html_space(html[i])) ++i;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
          const char quote = html[i++];
          const std::size_t end = html.find(quote, i);
          if (end == std::string_view::npos) return "an attribute value that never ends" + at(attr_start);
          value = decode_references(html.substr(i, end - i));
          i = end + 1;
        } else {
          const std::size_t v = i;
          while (i < html.size() && !is_html_space(html[i]) && html[i] != '>') ++i;
          value = decode_references(html.substr(v, i - v));
        }
      }
      if (attr == "href" || attr == "src") {
        const std::string scheme = scheme_of(value);
        if (scheme.compare(0, 11, "javascript:") == 0 || scheme.compare(0, 9, "vbscript:") == 0) {
          return "a script URL in " + attr + "=\"" + value + "\"" + at(attr_start);
        }
        if (scheme.compare(0, 5, "data:") == 0 && (attr == "href" || scheme != "data:image/")) {
          return "a data: URL in " + attr + "=\"" + value + "\"" + at(attr_start);
        }
      }
    }
  }
  return {};
}

}  // namespace notequiz::fuzzing
