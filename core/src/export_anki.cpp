// Anki's text import format: a few `#key:value` header lines, then one tab-separated line per
// note. Anki reads it as CSV (quotes allowed, `"` doubled inside them, `#` lines are comments).
#include "notequiz/export.hpp"

namespace notequiz {

namespace {

void append_field(std::string& out, std::string_view field) {
  // A line starting with `#` would be a comment, so a first field starting with one is quoted.
  if (field.find_first_of("\t\n\r\"") == std::string_view::npos && (field.empty() || field[0] != '#')) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// Anki splits tags at whitespace: keep each name whole.
std::string tag_name(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      out.push_back('_');
    } else if (text.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
      out.push_back('_');
      i += 1;
    } else if (text.compare(i, 3, "\xE3\x80\x80") == 0) {  // ideographic space
      out.push_back('_');
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string tags_of(const deck& d, const card& c) {
  std::string tags;
  for (const auto& t : d.tags) {
    const std::string name = tag_name(t);
    if (name.empty()) continue;
    if (!tags.empty()) tags.push_back(' ');
    tags += name;
  }
  std::string section;
  for (const auto& s : c.section_path) {
    const std::string name = tag_name(s);
    if (name.empty()) continue;
    if (!section.empty()) section += "::";
    section += name;
  }
  if (!section.empty()) {
    if (!tags.empty()) tags.push_back(' ');
    tags += section;
  }
  return tags;
}

// Options as an `<ol type="A">`; with `correct_only`, only the correct ones, keeping their letters.
void append_options(std::string& out, const card& c, bool correct_only) {
  out += "<ol type=\"A\">";
  for (std::size_t i = 0; i < c.options.size(); ++i) {
    if (correct_only && !c.options[i].correct) continue;
    out += correct_only ? "<li value=\"" + std::to_string(i + 1) + "\">" : std::string("<li>");
    out += c.options[i].html;
    out += "</li>";
  }
  out += "</ol>";
}

}  // namespace

std::string anki_notes(const deck& d) {
  std::string out = "#separator:tab\n#html:true\n#notetype:Basic\n#deck:";
  for (char c : d.title.empty() ? d.id : d.title) out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  out += "\n#guid column:1\n#tags column:4\n";
  std::string front, back;
  for (const auto& c : d.cards) {
    front = c.title_html;
    if (c.kind == card_kind::flashcard) {
      back = c.answer_html;
    } else {
      front += c.prompt_html;
      append_options(front, c, false);
      back.clear();
      append_options(back, c, true);
      back += c.explanation_html;
    }
    // The renderer ends blocks with a line break; inside Anki's fields it is only noise.
    while (!front.empty() && front.back() == '\n') front.pop_back();
    while (!back.empty() && back.back() == '\n') back.pop_back();
    append_field(out, c.id);
    out.push_back('\t');
    append_field(out, front);
    out.push_back('\t');
    append_field(out, back);
    out.push_back('\t');
    append_field(out, tags_of(d, c));
    out.push_back('\n');
  }
  return out;
}

}  // namespace notequiz
