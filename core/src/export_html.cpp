// The static pages of an export: a deck's page (every question and answer as plain HTML, taken
// over by the <note-quiz> widget when scripts run) and the site's index.
#include <set>

#include "export_text.hpp"
#include "notequiz/export.hpp"
#include "text.hpp"

namespace notequiz {

namespace {

using detail::append_escaped;
using detail::page_strings;

// The page around the quiz. The widget styles itself inside its shadow root; this only lays out
// the page, the static questions (seen without JavaScript and when printing) and the embed box.
constexpr std::string_view page_css =
    ":root{color-scheme:light dark;--nq-page-fg:#1f2328;--nq-page-bg:#fff;--nq-page-muted:#59636e;"
    "--nq-page-line:#d1d9e0;--nq-page-code:#f6f8fa;--nq-page-link:#0969da}\n"
    "@media (prefers-color-scheme:dark){:root{--nq-page-fg:#e6edf3;--nq-page-bg:#0d1117;--nq-page-muted:#9198a1;"
    "--nq-page-line:#3d444d;--nq-page-code:#151b23;--nq-page-link:#4493f8}}\n"
    "body{margin:0;color:var(--nq-page-fg);background:var(--nq-page-bg);font:16px/1.65 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,\"Helvetica Neue\",\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\","
    "\"Noto Sans CJK SC\",sans-serif}\n"
    ".nq-page{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 4rem}\n"
    "a{color:var(--nq-page-link)}\n"
    "h1{font-size:1.75rem;line-height:1.3;margin:.5rem 0 .25rem}\n"
    "h2{font-size:1.3rem;line-height:1.35;margin:2rem 0 .5rem}\n"
    "h3{font-size:1.1rem;line-height:1.4;margin:0 0 .5rem}\n"
    ".nq-meta,.nq-sections,nav{color:var(--nq-page-muted);margin:.25rem 0}\n"
    "pre{overflow-x:auto;padding:.75rem 1rem;background:var(--nq-page-code);border-radius:6px;line-height:1.5}\n"
    "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace;font-size:.9em}\n"
    "img{max-width:100%;height:auto}\n"
    "table{border-collapse:collapse}th,td{border:1px solid var(--nq-page-line);padding:.25rem .5rem}\n"
    ".nq-card{border-top:1px solid var(--nq-page-line);padding:1rem 0}\n"
    ".nq-card .task-list-item{list-style:none}.nq-card .task-list-item input{margin:0 .5em 0 -1.4em}\n"
    ".nq-empty{color:var(--nq-page-muted);font-style:italic}\n"
    ".nq-decks{list-style:none;padding:0}.nq-deck{border-top:1px solid var(--nq-page-line);padding:.5rem 0 1rem}\n"
    ".nq-deck h2{margin:.5rem 0 .25rem}\n"
    ".nq-embed{margin-top:3rem;border-top:1px solid var(--nq-page-line)}\n"
    ".nq-embed pre{white-space:pre-wrap;word-break:break-all}\n"
    ".nq-embed button{font:inherit;padding:.25rem 1rem;cursor:pointer}\n"
    "note-quiz{display:block;margin:1.5rem 0}note-quiz:not(:defined){display:none}\n"
    "note-quiz:defined~.nq-static{display:none}\n"
    "@media print{nav,.nq-embed,note-quiz{display:none!important}note-quiz~.nq-static{display:block!important}"
    "pre{white-space:pre-wrap}.nq-card{break-inside:avoid}a{color:inherit}}\n";

// Makes the embed snippet's URLs absolute for where the page is served, and adds a copy button.
constexpr std::string_view embed_script =
    "(()=>{const box=document.querySelector('.nq-embed');if(!box)return;"
    "const code=box.querySelector('code');"
    "code.textContent=code.textContent.replace(/src=\"([^\"]*)\"/g,"
    "(m,u)=>'src=\"'+new URL(u,location.href).href+'\"');"
    "if(!navigator.clipboard)return;"
    "const b=document.createElement('button');b.type='button';b.textContent=box.dataset.copy;"
    "b.addEventListener('click',()=>navigator.clipboard.writeText(code.textContent)"
    ".then(()=>{b.textContent='\\u2713 '+box.dataset.copy}));"
    "box.append(b)})();\n";

// ` name="value"`, the value escaped.
void append_attribute(std::string& h, std::string_view name, std::string_view value) {
  h += ' ';
  h += name;
  h += "=\"";
  append_escaped(h, value);
  h += '"';
}

const std::string& display_title(const deck& d) { return d.title.empty() ? d.id : d.title; }

void append_head(std::string& h, std::string_view lang, std::string_view title, std::string_view description,
                 const page_resources& r) {
  h += "<!doctype html>\n<html";
  if (!lang.empty()) append_attribute(h, "lang", lang);
  h += ">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  append_escaped(h, title);
  h += "</title>\n";
  if (!description.empty()) {
    h += "<meta name=\"description\"";
    append_attribute(h, "content", description);
    h += ">\n";
  }
  h += "<meta name=\"generator\" content=\"notequiz\">\n";
  for (const auto& url : r.stylesheet_urls) {
    h += "<link rel=\"stylesheet\"";
    append_attribute(h, "href", url);
    h += ">\n";
  }
  h += "<style>\n";
  h += page_css;
  if (!r.inline_style.empty()) {
    h += r.inline_style;
    if (r.inline_style.back() != '\n') h += '\n';
  }
  h += "</style>\n";
  if (!r.module_url.empty()) {
    h += "<script type=\"module\"";
    append_attribute(h, "src", r.module_url);
    h += "></script>\n";
  }
  if (!r.inline_module.empty()) {
    h += "<script type=\"module\">\n";
    h += r.inline_module;
    if (r.inline_module.back() != '\n') h += '\n';
    h += "</script>\n";
  }
  h += "</head>\n";
}

// "A › B", without a leading title equal to the deck's own (a note's top heading is often both).
std::string section_label(const deck& d, const std::vector<std::string>& path) {
  std::string label;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i == 0 && path.size() > 1 && path[0] == d.title) continue;
    if (!label.empty()) label += " \xE2\x80\xBA ";
    label += path[i];
  }
  return label;
}

void append_card(std::string& h, const card& c, int heading_level, const page_strings& text) {
  const char level = static_cast<char>('0' + heading_level);
  h += "<article class=\"nq-card\"";
  append_attribute(h, "id", c.id);
  h += ">\n<h";
  h += level;
  h += '>';
  h += c.title_html;
  h += "</h";
  h += level;
  h += ">\n<div class=\"nq-answer\">\n";
  if (detail::is_blank(c.answer_html)) {
    h += "<p class=\"nq-empty\">";
    h += text.no_answer;
    h += "</p>\n";
  } else {
    h += c.answer_html;
    if (c.answer_html.back() != '\n') h += '\n';
  }
  h += "</div>\n</article>\n";
}

std::string description_of(const deck& d, const page_strings& text) {
  std::string out = detail::card_count(text, d.cards.size());
  for (std::size_t i = 0; i < d.cards.size() && out.size() < 150; ++i) {
    out += i == 0 ? ": " : " · ";
    out += d.cards[i].title;
  }
  return out;
}

}  // namespace

std::string embed_snippet(std::string_view module_url, std::string_view deck_url) {
  std::string s = "<script type=\"module\"";
  append_attribute(s, "src", module_url);
  s += "></script>\n<note-quiz";
  append_attribute(s, "src", deck_url);
  s += "></note-quiz>\n";
  return s;
}

std::string deck_page_html(const deck& d, const deck_page_options& options) {
  const page_strings& text = detail::strings_for(d.lang);
  std::size_t size = 4096 + page_css.size() + options.resources.inline_module.size() +
                     options.resources.inline_style.size() + options.inline_deck_json.size();
  for (const auto& c : d.cards) size += c.title_html.size() + c.answer_html.size() + 96;
  std::string h;
  h.reserve(size);
  append_head(h, d.lang, display_title(d), description_of(d, text), options.resources);

  h += "<body>\n<div class=\"nq-page\">\n<header>\n";
  if (!options.index_url.empty()) {
    h += "<nav><a";
    append_attribute(h, "href", options.index_url);
    h += ">\xE2\x86\x90 ";
    h += text.all_decks;
    h += "</a></nav>\n";
  }
  h += "<h1>";
  append_escaped(h, display_title(d));
  h += "</h1>\n<p class=\"nq-meta\">";
  h += detail::card_count(text, d.cards.size());
  h += "</p>\n</header>\n<main>\n<note-quiz";
  if (!options.widget_src.empty()) append_attribute(h, "src", options.widget_src);
  if (!d.lang.empty()) append_attribute(h, "lang", d.lang);
  h += '>';
  if (!options.inline_deck_json.empty()) {
    h += "<script type=\"application/json\">";
    for (char c : options.inline_deck_json) {
      if (c == '<') {
        h += "\\u003c";
      } else {
        h.push_back(c);
      }
    }
    h += "</script>";
  }
  h += "</note-quiz>\n<div class=\"nq-static\">\n";

  bool any_section = false;
  for (const auto& c : d.cards) any_section = any_section || !section_label(d, c.section_path).empty();
  const std::vector<std::string>* open_path = nullptr;
  for (const auto& c : d.cards) {
    if (any_section && (open_path == nullptr || *open_path != c.section_path)) {
      if (open_path != nullptr) h += "</section>\n";
      h += "<section class=\"nq-section\">\n<h2>";
      const std::string label = section_label(d, c.section_path);
      append_escaped(h, label.empty() ? std::string_view(text.questions) : std::string_view(label));
      h += "</h2>\n";
      open_path = &c.section_path;
    }
    append_card(h, c, any_section ? 3 : 2, text);
  }
  if (open_path != nullptr) h += "</section>\n";
  h += "</div>\n";

  if (!options.embed_snippet.empty()) {
    h += "<section class=\"nq-embed\"";
    append_attribute(h, "data-copy", text.copy);
    h += ">\n<h2>";
    h += text.embed_title;
    h += "</h2>\n<p>";
    h += text.embed_help;
    h += "</p>\n<pre><code>";
    append_escaped(h, options.embed_snippet);
    h += "</code></pre>\n</section>\n";
  }
  h += "</main>\n</div>\n";
  if (!options.embed_snippet.empty()) {
    h += "<script>\n";
    h += embed_script;
    h += "</script>\n";
  }
  h += "</body>\n</html>\n";
  return h;
}

std::string site_index_html(const std::vector<index_entry>& entries, const index_options& options) {
  std::size_t total = 0;
  for (const auto& e : entries) total += e.deck->cards.size();
  const page_strings& text = detail::strings_for("en");
  std::string description = std::to_string(entries.size()) + (entries.size() == 1 ? " deck, " : " decks, ") +
                            detail::card_count(text, total);
  std::string h;
  append_head(h, "en", options.title, description, page_resources{});
  h += "<body>\n<div class=\"nq-page\">\n<header>\n<h1>";
  append_escaped(h, options.title);
  h += "</h1>\n<p class=\"nq-meta\">";
  append_escaped(h, description);
  h += "</p>\n</header>\n<main>\n<ul class=\"nq-decks\">\n";
  for (const auto& e : entries) {
    const deck& d = *e.deck;
    h += "<li class=\"nq-deck\"";
    if (!d.lang.empty()) append_attribute(h, "lang", d.lang);
    h += ">\n<h2><a";
    append_attribute(h, "href", e.url);
    h += ">";
    append_escaped(h, display_title(d));
    h += "</a></h2>\n<p class=\"nq-meta\">";
    h += detail::card_count(detail::strings_for(d.lang), d.cards.size());
    h += "</p>\n";
    std::vector<std::string> labels;
    std::set<std::string, std::less<>> seen;
    for (const auto& c : d.cards) {
      std::string label = section_label(d, c.section_path);
      if (!label.empty() && seen.insert(label).second) labels.push_back(std::move(label));
    }
    if (!labels.empty()) {
      h += "<p class=\"nq-sections\">";
      h += detail::strings_for(d.lang).sections;
      h += ": ";
      for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) h += " · ";
        append_escaped(h, labels[i]);
      }
      h += "</p>\n";
    }
    h += "</li>\n";
  }
  h += "</ul>\n";
  for (const auto& [href, label] : options.links) {
    h += "<p><a";
    append_attribute(h, "href", href);
    h += ">";
    append_escaped(h, label);
    h += "</a></p>\n";
  }
  h += "</main>\n</div>\n</body>\n</html>\n";
  return h;
}

}  // namespace notequiz
