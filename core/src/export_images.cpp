// Deck names for export folders and the rewriting of image URLs in exported HTML.
#include <set>

#include "card_id.hpp"
#include "check/paths.hpp"
#include "export_text.hpp"
#include "notequiz/export.hpp"
#include "text.hpp"

namespace notequiz {

std::vector<std::string> export_slugs(const std::vector<std::string>& deck_ids) {
  std::set<std::string, std::less<>> taken = {"assets", "media", "index"};
  std::vector<std::string> slugs;
  slugs.reserve(deck_ids.size());
  for (const auto& id : deck_ids) {
    std::string base = detail::slugify(id);
    if (base.empty()) base = "deck";
    std::string slug = base;
    for (int n = 2; taken.count(slug) != 0; ++n) slug = base + "-" + std::to_string(n);
    taken.insert(slug);
    slugs.push_back(std::move(slug));
  }
  return slugs;
}

std::optional<std::string> local_image_path(std::string_view url) {
  // The same notion of "local" as the missing-image rule, so the check and the export agree.
  const detail::local_target target = detail::split_local_url(detail::trim(url));
  if (!target.local || target.path.empty()) return std::nullopt;
  std::string path = detail::percent_decode(target.path);
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return path;
}

namespace {

// The attribute's value in an `<img …>` tag written by html_writer (double-quoted, escaped).
std::string_view attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const auto start = tag.find(key);
  if (start == std::string_view::npos) return {};
  const auto value = start + key.size();
  const auto end = tag.find('"', value);
  return end == std::string_view::npos ? std::string_view{} : tag.substr(value, end - value);
}

std::string missing_image_placeholder(std::string_view escaped_url, std::string_view escaped_alt,
                                      const detail::page_strings& text) {
  std::string out = "<span class=\"notequiz-missing-image\" role=\"img\" aria-label=\"";
  out += text.missing_image;
  if (!escaped_alt.empty()) {
    out += ": ";
    out += escaped_alt;
  }
  out +=
      "\" style=\"display:inline-block;padding:.5em .75em;border:2px dashed #c0392b;border-radius:4px;"
      "color:#c0392b;font-size:.875em\">";
  out += text.missing_image;
  out += ": ";
  out += escaped_url;
  out += "</span>";
  return out;
}

// Rewrites the `<img>` tags of one HTML field. Only html_writer's own tags occur in card HTML
// (raw HTML in notes is escaped), so a tag is exactly `<img` up to the next `>`.
void rewrite_field(std::string& html, const image_rewrites& rewrites, const detail::page_strings& text) {
  if (html.find("<img") == std::string::npos) return;
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  for (;;) {
    const auto open = html.find("<img", pos);
    const auto close = open == std::string::npos ? std::string::npos : html.find('>', open);
    if (close == std::string::npos) break;
    out.append(html, pos, open - pos);
    const std::string_view tag(html.data() + open, close + 1 - open);
    const std::string_view escaped_src = attribute(tag, "src");
    const auto found = escaped_src.empty() ? rewrites.end() : rewrites.find(detail::unescape_html(escaped_src));
    if (found == rewrites.end()) {
      out.append(tag);
    } else if (found->second.empty()) {
      out += missing_image_placeholder(escaped_src, attribute(tag, "alt"), text);
    } else {
      const std::size_t value_start = tag.find(" src=\"") + 6;
      out.append(tag.substr(0, value_start));
      detail::append_escaped(out, found->second);
      out.append(tag.substr(value_start + escaped_src.size()));
    }
    pos = close + 1;
  }
  out.append(html, pos, std::string::npos);
  html = std::move(out);
}

}  // namespace

deck rewrite_images(deck d, const image_rewrites& rewrites) {
  if (rewrites.empty()) return d;
  const detail::page_strings& text = detail::strings_for(d.lang);
  for (auto& c : d.cards) {
    rewrite_field(c.title_html, rewrites, text);
    rewrite_field(c.prompt_html, rewrites, text);
    rewrite_field(c.answer_html, rewrites, text);
    rewrite_field(c.explanation_html, rewrites, text);
    for (auto& o : c.options) rewrite_field(o.html, rewrites, text);
  }
  return d;
}

}  // namespace notequiz
