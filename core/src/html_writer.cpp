#include "html_writer.hpp"

#include <cstdlib>

#include "notequiz/render.hpp"
#include "text.hpp"

namespace notequiz::detail {

namespace {

// A character reference's code point as HTML5 reads it: NUL, surrogates and anything past
// U+10FFFF become U+FFFD.
void append_code_point(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  append_utf8(out, static_cast<std::uint32_t>(cp));
}

struct named_entity {
  std::string_view name;
  unsigned long code_point;
};

// The entities notes commonly use; others pass through as written (always safe in text).
constexpr named_entity known_entities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},     {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},  {"hellip", 0x2026},
    {"mdash", 0x2014},  {"ndash", 0x2013},  {"laquo", 0xAB},    {"raquo", 0xBB},    {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"times", 0xD7},    {"divide", 0xF7},
    {"middot", 0xB7},   {"bull", 0x2022},   {"deg", 0xB0},      {"plusmn", 0xB1},   {"para", 0xB6},
    {"sect", 0xA7},     {"euro", 0x20AC},   {"yen", 0xA5},      {"pound", 0xA3},    {"cent", 0xA2},
    {"larr", 0x2190},   {"rarr", 0x2192},   {"uarr", 0x2191},   {"darr", 0x2193},   {"harr", 0x2194},
    {"le", 0x2264},     {"ge", 0x2265},     {"ne", 0x2260},     {"colon", ':'},     {"lpar", '('},
    {"rpar", ')'},      {"sol", '/'},       {"Tab", '\t'},      {"NewLine", '\n'},  {"num", '#'},
};

bool is_comment_only(std::string_view html) {
  html = trim(html);
  while (!html.empty()) {
    if (html.substr(0, 4) != "<!--") return false;
    const std::size_t end = html.find("-->", 4);
    if (end == std::string_view::npos) return false;
    html = trim(html.substr(end + 3));
  }
  return true;
}

const char* align_attribute(MD_ALIGN align) noexcept {
  switch (align) {
    case MD_ALIGN_LEFT: return " align=\"left\"";
    case MD_ALIGN_CENTER: return " align=\"center\"";
    case MD_ALIGN_RIGHT: return " align=\"right\"";
    default: return "";
  }
}

}  // namespace

void append_decoded_entity(std::string& out, std::string_view entity) {
  if (entity.size() >= 4 && entity[1] == '#') {
    const bool hex = entity[2] == 'x' || entity[2] == 'X';
    const std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
    if (digits.empty() || digits.size() > 8) {
      append_code_point(out, 0xFFFD);
      return;
    }
    append_code_point(out, std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
    return;
  }
  const std::string_view name = entity.size() > 2 ? entity.substr(1, entity.size() - 2) : std::string_view{};
  for (const auto& e : known_entities) {
    if (e.name == name) {
      append_code_point(out, e.code_point);
      return;
    }
  }
  out.append(entity);
}

std::string attribute_text(const MD_ATTRIBUTE& attr) {
  std::string out;
  if (attr.text == nullptr || attr.substr_offsets == nullptr) return out;
  for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
    const MD_OFFSET begin = attr.substr_offsets[i];
    const MD_OFFSET end = attr.substr_offsets[i + 1];
    const std::string_view part(attr.text + begin, end - begin);
    switch (attr.substr_types[i]) {
      case MD_TEXT_ENTITY: append_decoded_entity(out, part); break;
      case MD_TEXT_NULLCHAR: append_code_point(out, 0xFFFD); break;
      default: out.append(part); break;
    }
  }
  return out;
}

std::string_view attribute_view(const MD_ATTRIBUTE& attr, std::string& storage) {
  if (attr.text == nullptr || attr.substr_offsets == nullptr || attr.size == 0) return {};
  if (attr.substr_offsets[0] == 0 && attr.substr_offsets[1] == attr.size && attr.substr_types[0] == MD_TEXT_NORMAL) {
    return std::string_view(attr.text, attr.size);
  }
  storage = attribute_text(attr);
  return storage;
}

void html_writer::append_attribute(const MD_ATTRIBUTE& attr) { append_escaped(*out_, attribute_text(attr)); }

void html_writer::enter_block(MD_BLOCKTYPE type, void* detail) {
  flush();
  if (!write_html_) {
    if (type == MD_BLOCK_CODE && listener_) {
      std::string storage;
      const std::string_view lang = attribute_view(static_cast<const MD_BLOCK_CODE_DETAIL*>(detail)->lang, storage);
      if (!lang.empty()) listener_->on_code_language(lang);
    }
    return;
  }
  std::string& o = *out_;
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: o += "<blockquote>\n"; break;
    case MD_BLOCK_UL: o += "<ul>\n"; break;
    case MD_BLOCK_OL: {
      const auto* d = static_cast<const MD_BLOCK_OL_DETAIL*>(detail);
      if (d->start == 1) {
        o += "<ol>\n";
      } else {
        o += "<ol start=\"" + std::to_string(d->start) + "\">\n";
      }
      break;
    }
    case MD_BLOCK_LI: {
      const auto* d = static_cast<const MD_BLOCK_LI_DETAIL*>(detail);
      if (d->is_task) {
        o += d->task_mark == ' ' ? "<li class=\"task-list-item\"><input type=\"checkbox\" disabled>"
                                 : "<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked>";
      } else {
        o += "<li>";
      }
      break;
    }
    case MD_BLOCK_HR: o += "<hr>\n"; break;
    case MD_BLOCK_H: o += "<h" + std::to_string(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level) + ">"; break;
    case MD_BLOCK_CODE: {
      const auto* d = static_cast<const MD_BLOCK_CODE_DETAIL*>(detail);
      std::string storage;
      const std::string_view lang = attribute_view(d->lang, storage);
      if (!lang.empty()) {
        o += "<pre><code class=\"language-";
        append_escaped(o, lang);
        o += '"';
        if (listener_) listener_->on_code_language(lang);
      } else {
        o += "<pre><code";
      }
      o += '>';
      break;
    }
    case MD_BLOCK_HTML:
      in_html_block_ = true;
      html_block_.clear();
      break;
    case MD_BLOCK_P: o += "<p>"; break;
    case MD_BLOCK_TABLE: o += "<table>\n"; break;
    case MD_BLOCK_THEAD: o += "<thead>\n"; break;
    case MD_BLOCK_TBODY: o += "<tbody>\n"; break;
    case MD_BLOCK_TR: o += "<tr>"; break;
    case MD_BLOCK_TH: o += "<th"; o += align_attribute(static_cast<const MD_BLOCK_TD_DETAIL*>(detail)->align); o += '>'; break;
    case MD_BLOCK_TD: o += "<td"; o += align_attribute(static_cast<const MD_BLOCK_TD_DETAIL*>(detail)->align); o += '>'; break;
  }
}

void html_writer::close_image() {
  flush();  // the alt text still pending goes in before the attribute ends
  if (image_nesting_ > 0) {
    if (write_html_) *out_ += "\">";
    image_nesting_ = 0;
  }
}

void html_writer::leave_block(MD_BLOCKTYPE type, void* detail) {
  // Spans never cross blocks, yet md4c can leave a block with an image's span still open
  // (found by render_fuzzer): close the alt text here, or it would swallow what follows.
  close_image();
  if (!write_html_) return;
  std::string& o = *out_;
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: o += "</blockquote>\n"; break;
    case MD_BLOCK_UL: o += "</ul>\n"; break;
    case MD_BLOCK_OL: o += "</ol>\n"; break;
    case MD_BLOCK_LI: o += "</li>\n"; break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H: o += "</h" + std::to_string(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level) + ">\n"; break;
    case MD_BLOCK_CODE: o += "</code></pre>\n"; break;
    case MD_BLOCK_HTML:
      // Raw HTML is shown as text, never passed through: notes end up inside other
      // people's pages. Comments are invisible in any renderer, so they stay invisible.
      in_html_block_ = false;
      if (!is_comment_only(html_block_)) {
        o += "<pre class=\"raw-html\"><code>";
        append_escaped(o, html_block_);
        o += "</code></pre>\n";
      }
      html_block_.clear();
      break;
    case MD_BLOCK_P: o += "</p>\n"; break;
    case MD_BLOCK_TABLE: o += "</table>\n"; break;
    case MD_BLOCK_THEAD: o += "</thead>\n"; break;
    case MD_BLOCK_TBODY: o += "</tbody>\n"; break;
    case MD_BLOCK_TR: o += "</tr>\n"; break;
    case MD_BLOCK_TH: o += "</th>"; break;
    case MD_BLOCK_TD: o += "</td>"; break;
  }
}

void html_writer::enter_span(MD_SPANTYPE type, void* detail) {
  flush();
  if (image_nesting_ > 0) {
    // Inside an image only the alt text's characters count.
    if (type == MD_SPAN_IMG) ++image_nesting_;
    return;
  }
  if (!write_html_) {
    if (type == MD_SPAN_A && listener_) {
      const auto* d = static_cast<const MD_SPAN_A_DETAIL*>(detail);
      listener_->on_link(attribute_text(d->href), offset_of(d->href.text));
    } else if (type == MD_SPAN_IMG) {
      const auto* d = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
      if (listener_) listener_->on_image(attribute_text(d->src), offset_of(d->src.text));
      image_nesting_ = 1;
    }
    return;
  }
  std::string& o = *out_;
  switch (type) {
    case MD_SPAN_EM: o += "<em>"; break;
    case MD_SPAN_STRONG: o += "<strong>"; break;
    case MD_SPAN_U: o += "<u>"; break;
    case MD_SPAN_DEL: o += "<del>"; break;
    case MD_SPAN_CODE: o += "<code>"; break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK: break;
    case MD_SPAN_A: {
      const auto* d = static_cast<const MD_SPAN_A_DETAIL*>(detail);
      std::string href = attribute_text(d->href);
      const bool safe = is_safe_url(href, false);
      link_open_.push_back(safe);
      if (safe) {
        o += "<a href=\"";
        append_escaped(o, href);
        o += '"';
        if (d->title.size > 0) {
          o += " title=\"";
          append_attribute(d->title);
          o += '"';
        }
        o += " rel=\"nofollow noopener\">";
      }
      if (listener_) listener_->on_link(std::move(href), offset_of(d->href.text));  // written: no copy needed
      break;
    }
    case MD_SPAN_IMG: {
      const auto* d = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
      std::string src = attribute_text(d->src);
      o += "<img";
      if (is_safe_url(src, true)) {
        o += " src=\"";
        append_escaped(o, src);
        o += '"';
      }
      if (d->title.size > 0) {
        o += " title=\"";
        append_attribute(d->title);
        o += '"';
      }
      o += " alt=\"";
      image_nesting_ = 1;
      if (listener_) listener_->on_image(std::move(src), offset_of(d->src.text));  // written: no copy needed
      break;
    }
  }
}

void html_writer::leave_span(MD_SPANTYPE type, void* /*detail*/) {
  flush();
  if (image_nesting_ > 0) {
    if (type == MD_SPAN_IMG && --image_nesting_ == 0 && write_html_) *out_ += "\">";
    return;
  }
  if (!write_html_) return;
  std::string& o = *out_;
  switch (type) {
    case MD_SPAN_EM: o += "</em>"; break;
    case MD_SPAN_STRONG: o += "</strong>"; break;
    case MD_SPAN_U: o += "</u>"; break;
    case MD_SPAN_DEL: o += "</del>"; break;
    case MD_SPAN_CODE: o += "</code>"; break;
    case MD_SPAN_A:
      if (!link_open_.empty()) {
        if (link_open_.back()) o += "</a>";
        link_open_.pop_back();
      }
      break;
    default: break;
  }
}

void html_writer::other_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
  flush();
  if (!write_html_) return;
  const std::string_view t(text, size);
  if (in_html_block_) {
    html_block_.append(t);
    return;
  }
  std::string& o = *out_;
  switch (type) {
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE: {
      // Text that does not continue the pending run starts the next one, if it is the
      // source's; md4c's own bytes are written at once.
      const std::size_t at = offset_of(text);
      if (at != std::string_view::npos && size <= source_.size() - at) {
        pending_begin_ = at;
        pending_end_ = at + size;
      } else {
        append_escaped(o, t);
      }
      break;
    }
    case MD_TEXT_NULLCHAR: append_code_point(o, 0xFFFD); break;
    case MD_TEXT_BR: o += image_nesting_ > 0 ? " " : "<br>\n"; break;
    case MD_TEXT_SOFTBR: o += image_nesting_ > 0 ? " " : "\n"; break;
    case MD_TEXT_ENTITY: {
      std::string decoded;
      append_decoded_entity(decoded, t);
      if (decoded == t) {
        o.append(t);  // an entity we do not know: the browser decodes it, and it is only text
      } else {
        append_escaped(o, decoded);
      }
      break;
    }
    case MD_TEXT_HTML:
      if (!is_comment_only(t)) append_escaped(o, t);
      break;
    default: append_escaped(o, t); break;
  }
}

namespace {
int enter_block_cb(MD_BLOCKTYPE type, void* detail, void* user) {
  static_cast<html_writer*>(user)->enter_block(type, detail);
  return 0;
}
int leave_block_cb(MD_BLOCKTYPE type, void* detail, void* user) {
  static_cast<html_writer*>(user)->leave_block(type, detail);
  return 0;
}
int enter_span_cb(MD_SPANTYPE type, void* detail, void* user) {
  static_cast<html_writer*>(user)->enter_span(type, detail);
  return 0;
}
int leave_span_cb(MD_SPANTYPE type, void* detail, void* user) {
  static_cast<html_writer*>(user)->leave_span(type, detail);
  return 0;
}
int text_cb(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  static_cast<html_writer*>(user)->text(type, text, size);
  return 0;
}
}  // namespace

int md_parse_to_writer(std::string_view text, html_writer& writer) {
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = md_flags;
  parser.enter_block = enter_block_cb;
  parser.leave_block = leave_block_cb;
  parser.enter_span = enter_span_cb;
  parser.leave_span = leave_span_cb;
  parser.text = text_cb;
  const int status = md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &writer);
  writer.flush();  // md4c ends with leaving the document, which flushes; unless it fails
  return status;
}

}  // namespace notequiz::detail
