#include "notequiz/parse.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

#include "card_id.hpp"
#include "front_matter.hpp"
#include "html_writer.hpp"
#include "line_scanner.hpp"
#include "parsed_text.hpp"
#include "text.hpp"

namespace notequiz {

namespace {

using detail::line_kind;

// What a heading is to the cards: a section heading, a question, or part of the answer above.
enum class heading_role : std::uint8_t { section, question, answer_part };

// What md4c reported under one top-level heading, up to the next top-level heading.
struct segment {
  // User-provided, so emplace_back() runs the member initializers below instead of first
  // zeroing the whole (large) struct.
  segment() {}  // NOLINT(modernize-use-equals-default)

  int level = 0;  // 0: the text before the first heading
  std::string title;
  std::string title_html;
  std::size_t title_offset = std::string_view::npos;  // first byte of the heading's text
  std::size_t title_end_offset = std::string_view::npos;
  std::uint32_t title_line = 0;  // the line of title_offset
  std::uint32_t line = 0;
  std::uint32_t end_line = 0;  // the heading's last line (setext headings span two or more)
  std::uint32_t column = 1;
  std::string html;
  std::vector<std::pair<std::string, std::size_t>> images, links;
  std::vector<std::string> code_languages;
  // The first top-level task list, as byte ranges of `html`.
  bool has_task_list = false;
  std::size_t list_begin = 0, list_end = 0;
  struct option_range {
    std::size_t begin = 0, end = 0;
    bool correct = false;
  };
  std::vector<option_range> options;
  // Set once md4c is done.
  heading_role role = heading_role::section;
  bool skipped = false;  // a `<!-- notequiz: skip -->` line right above the heading
};

class notes_builder final : public detail::html_listener {
 public:
  // `build_html`: every card's HTML; `build_title_html`: the headings' HTML at least;
  // `keep_languages`: the code languages of each segment.
  notes_builder(std::string_view text, const detail::line_scanner& scanner, bool build_html, bool build_title_html,
                bool keep_languages)
      : text_(text),
        scanner_(scanner),
        writer_(text, nullptr, this, build_html),
        build_html_(build_html),
        build_title_html_(build_html || build_title_html),
        keep_languages_(keep_languages) {
    segments_.reserve(scanner.atx_heading_lines().size() + 1);
    segments_.emplace_back();
    writer_.set_output(&segments_.back().html);
  }

  // The segments, once md4c is done.
  std::vector<segment>& segments() {
    writer_.flush();
    return segments_;
  }

  void on_image(std::string url, std::size_t offset) override { current().images.emplace_back(std::move(url), anchor(offset)); }
  void on_link(std::string url, std::size_t offset) override { current().links.emplace_back(std::move(url), anchor(offset)); }
  void on_code_language(std::string_view lang) override {
    if (!keep_languages_) return;
    auto& langs = current().code_languages;
    if (std::find(langs.begin(), langs.end(), lang) == langs.end()) langs.emplace_back(lang);
  }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    writer_.flush();  // the sizes of the HTML read below count its pending text
    const int depth = depth_++;
    if (depth == 1 && type == MD_BLOCK_H) {
      in_heading_ = true;
      segments_.emplace_back();
      segment& s = segments_.back();
      s.level = static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
      writer_.set_output(&s.title_html);
      if (build_title_html_ && !build_html_) writer_.set_write_html(true);
      return;  // the heading's own <hN> is not part of any HTML we keep
    }
    segment& s = current();
    if (depth == 1 && type == MD_BLOCK_UL && !s.has_task_list) {
      list_candidate_ = true;
      candidate_begin_ = s.html.size();
    }
    if (depth == 1 && type != MD_BLOCK_UL) list_candidate_ = false;
    if (depth == 2 && type == MD_BLOCK_LI && list_candidate_) {
      const auto* li = static_cast<const MD_BLOCK_LI_DETAIL*>(detail);
      if (s.options.empty() && !li->is_task) list_candidate_ = false;
      if (list_candidate_) {
        writer_.enter_block(type, detail);
        s.options.push_back({s.html.size(), s.html.size(), li->is_task && li->task_mark != ' '});
        return;
      }
    }
    writer_.enter_block(type, detail);
  }

  void leave_block(MD_BLOCKTYPE type, void* detail) {
    writer_.flush();
    const int depth = --depth_;
    if (depth == 1 && type == MD_BLOCK_H && in_heading_) {
      in_heading_ = false;
      writer_.close_image();  // into the title: what follows starts afresh, as in the card's own lines
      if (build_title_html_ && !build_html_) writer_.set_write_html(false);
      finish_heading(segments_.back());
      reserve_html(segments_.back());
      writer_.set_output(&segments_.back().html);
      return;
    }
    segment& s = current();
    if (depth == 2 && type == MD_BLOCK_LI && list_candidate_ && !s.options.empty()) {
      s.options.back().end = s.html.size();
    }
    writer_.leave_block(type, detail);
    if (depth == 1 && type == MD_BLOCK_UL && list_candidate_) {
      list_candidate_ = false;
      if (!s.options.empty()) {
        s.has_task_list = true;
        s.list_begin = candidate_begin_;
        s.list_end = s.html.size();
      }
    } else if (depth == 1 && type == MD_BLOCK_UL && !s.has_task_list) {
      s.options.clear();
    }
  }

  void enter_span(MD_SPANTYPE type, void* detail) { writer_.enter_span(type, detail); }
  void leave_span(MD_SPANTYPE type, void* detail) { writer_.leave_span(type, detail); }

  void text(MD_TEXTTYPE type, const MD_CHAR* t, MD_SIZE size) {
    const std::size_t offset = writer_.offset_of(t);
    if (offset != std::string_view::npos && offset > cursor_) cursor_ = offset;
    if (in_heading_) {
      heading_text(type, t, size, offset);
      return;
    }
    writer_.text(type, t, size);
  }

 private:
  // The text of a heading, which also makes its title. Out of line, so that the common case
  // above needs no registers saved: most text is not a heading's.
  [[gnu::noinline]] void heading_text(MD_TEXTTYPE type, const MD_CHAR* t, MD_SIZE size, std::size_t offset) {
    segment& s = segments_.back();
    if (offset != std::string_view::npos) {
      if (s.title_offset == std::string_view::npos) {
        s.title_offset = offset;
        s.title_line = title_line_of(offset);
        // The title is about as long as the rest of its line: one allocation, not several.
        const std::size_t rest = scanner_.lines().line(s.title_line).size();
        s.title.reserve(rest);
        if (build_title_html_) s.title_html.reserve(rest + rest / 4);
      }
      s.title_end_offset = offset + size;
    }
    switch (type) {
      case MD_TEXT_NULLCHAR: s.title += "\xEF\xBF\xBD"; break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: s.title += ' '; break;
      case MD_TEXT_ENTITY: detail::append_decoded_entity(s.title, std::string_view(t, size)); break;
      default: s.title.append(t, size); break;
    }
    writer_.text(type, t, size);
  }

  segment& current() { return segments_.back(); }

  std::size_t anchor(std::size_t offset) const { return offset != std::string_view::npos ? offset : cursor_; }

  // The line of a heading's first text byte. An ATX heading's text is on the heading's line,
  // the last ATX heading line at or before it in the scanner's list: it is checked there, not
  // searched for in all lines (a setext heading's line is searched for).
  std::uint32_t title_line_of(std::size_t offset) {
    const std::vector<std::uint32_t>& atx = scanner_.atx_heading_lines();
    const auto& lines = scanner_.lines();
    std::size_t& k = title_atx_heading_;  // titles arrive in order: the index only moves forward
    while (k < atx.size() && lines.line_start(atx[k]) <= offset) ++k;
    if (k > 0) {
      const std::uint32_t line = atx[k - 1];
      const std::size_t end = line < scanner_.line_count() ? lines.line_start(line + 1) : text_.size();
      if (offset < end) return line;
    }
    return lines.line_of(offset);
  }

  void finish_heading(segment& s) {
    const auto& lines = scanner_.lines();
    std::uint32_t line = 0;
    if (s.title_offset != std::string_view::npos) {
      line = s.title_line;
    } else {
      // An empty heading has no text to point at: take the next ATX heading line of its level.
      const std::uint32_t from = std::max<std::uint32_t>(last_heading_line_ + 1, lines.line_of(cursor_));
      std::uint32_t& none_from = no_heading_from_[static_cast<std::size_t>(std::clamp(s.level, 1, 6))];
      for (std::uint32_t n = from; n <= scanner_.line_count() && (none_from == 0 || n < none_from); ++n) {
        if (scanner_.at(n).kind == line_kind::atx_heading && scanner_.at(n).heading_level == s.level) {
          line = n;
          break;
        }
      }
      // Remember a failed search, or every later empty heading of this level would repeat it
      // (quadratic time when the line scanner and md4c disagree about a fence).
      if (line == 0 && (none_from == 0 || from < none_from)) none_from = from;
      if (line == 0) line = std::min<std::uint32_t>(last_heading_line_ + 1, scanner_.line_count());
    }
    s.line = std::max<std::uint32_t>(line, 1);
    if (s.line <= scanner_.line_count() && scanner_.at(s.line).kind == line_kind::atx_heading) {
      s.end_line = s.line;
      std::size_t content_start = 0;
      detail::indent_width(lines.line(s.line), &content_start);
      s.column = static_cast<std::uint32_t>(content_start + 1);
    } else {
      // A setext heading: its underline follows the last line of its text.
      const std::uint32_t last_text =
          s.title_end_offset != std::string_view::npos ? lines.line_of(s.title_end_offset - 1) : s.line;
      s.end_line = std::min<std::uint32_t>(last_text + 1, scanner_.line_count());
      std::size_t content_start = 0;
      if (s.line <= scanner_.line_count()) detail::indent_width(lines.line(s.line), &content_start);
      s.column = static_cast<std::uint32_t>(content_start + 1);
    }
    last_heading_line_ = s.end_line;
    detail::collapse_whitespace_in_place(s.title);
  }

  // Reserves the HTML of the text under a heading to about the size of that text, so it is
  // not copied over and over as it grows.
  void reserve_html(segment& s) {
    if (!build_html_) return;
    // Headings arrive in line order, so the search for the next one only moves forward.
    const std::vector<std::uint32_t>& atx = scanner_.atx_heading_lines();
    std::size_t& k = next_atx_heading_;
    while (k < atx.size() && atx[k] <= s.end_line) ++k;
    const std::uint32_t next = k < atx.size() ? atx[k] : scanner_.line_count() + 1;
    const auto& lines = scanner_.lines();
    const std::size_t from = s.end_line < scanner_.line_count() ? lines.line_start(s.end_line + 1) : text_.size();
    const std::size_t to = next <= scanner_.line_count() ? lines.line_start(next) : text_.size();
    if (to > from) s.html.reserve(to - from + (to - from) / 8 + 64);
  }

  std::string_view text_;
  const detail::line_scanner& scanner_;
  detail::html_writer writer_;
  bool build_html_;
  bool build_title_html_;
  bool keep_languages_;
  std::size_t next_atx_heading_ = 0;  // index into the scanner's ATX heading lines
  std::size_t title_atx_heading_ = 0;  // the same, for title_line_of
  std::vector<segment> segments_;
  int depth_ = 0;
  bool in_heading_ = false;
  bool list_candidate_ = false;
  std::size_t candidate_begin_ = 0;
  std::size_t cursor_ = 0;
  std::uint32_t last_heading_line_ = 0;
  // Per heading level: no ATX heading of that level on any line from here on (0: not known).
  std::array<std::uint32_t, 7> no_heading_from_{};
};

int enter_block_cb(MD_BLOCKTYPE type, void* detail, void* user) {
  static_cast<notes_builder*>(user)->enter_block(type, detail);
  return 0;
}
int leave_block_cb(MD_BLOCKTYPE type, void* detail, void* user) {
  static_cast<notes_builder*>(user)->leave_block(type, detail);
  return 0;
}
int enter_span_cb(MD_SPANTYPE type, void* detail, void* user) {
  static_cast<notes_builder*>(user)->enter_span(type, detail);
  return 0;
}
int leave_span_cb(MD_SPANTYPE type, void* detail, void* user) {
  static_cast<notes_builder*>(user)->leave_span(type, detail);
  return 0;
}
int text_cb(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  static_cast<notes_builder*>(user)->text(type, text, size);
  return 0;
}

bool is_directive_comment(std::string_view line, std::string_view directive) {
  // Most lines asked about are answer text: the first byte after the indent rules them out.
  std::size_t first = 0;
  while (first < line.size() && (line[first] == ' ' || line[first] == '\t')) ++first;
  if (first < line.size() && line[first] != '<' && static_cast<unsigned char>(line[first]) > ' ') return false;
  line = detail::trim(line);
  if (line.substr(0, 4) != "<!--" || line.size() < 7 || line.substr(line.size() - 3) != "-->") return false;
  std::string_view inner = detail::trim(line.substr(4, line.size() - 7));
  if (inner.substr(0, 8) != "notequiz") return false;
  if (directive.empty()) return true;
  inner = detail::trim(inner.substr(8));
  if (inner.empty() || inner.front() != ':') return false;
  return detail::trim(inner.substr(1)) == directive;
}

// is_directive_comment for line `l` of `text`, most of whose lines are ruled out by their first
// byte before the line is looked for.
bool is_directive_line(std::string_view text, const detail::line_table& lines, std::uint32_t l, std::string_view directive) {
  const std::size_t at = lines.line_start(l);
  const auto first = static_cast<unsigned char>(at < text.size() ? text[at] : '\n');
  if (first > ' ' && first != '<') return false;
  return is_directive_comment(lines.line(l), directive);
}

// `Title {#pinned-id}`: the id, and the title without it.
std::optional<std::string> take_pinned_id(std::string& title, std::string& title_html) {
  if (title.empty() || title.back() != '}') return std::nullopt;
  const std::size_t open = title.rfind("{#");
  if (open == std::string::npos) return std::nullopt;
  const std::string id = title.substr(open + 2, title.size() - open - 3);
  if (id.empty()) return std::nullopt;
  for (unsigned char c : id) {
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == ':' || c == '.')) return std::nullopt;
  }
  const std::string suffix = title.substr(open);
  title = std::string(detail::trim(std::string_view(title).substr(0, open)));
  const std::size_t html_at = title_html.rfind(suffix);
  if (html_at != std::string::npos) {
    title_html.erase(html_at, suffix.size());
    while (!title_html.empty() && title_html.back() == ' ') title_html.pop_back();
  }
  return id;
}

diagnostic make_diagnostic(std::string rule, severity sev, std::uint32_t line, std::uint32_t column, std::string message) {
  diagnostic d;
  d.rule = std::move(rule);
  d.severity = sev;
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  return d;
}

void report_encoding(std::string_view raw, const detail::line_table& lines, std::vector<diagnostic>& out) {
  std::size_t at = detail::find_invalid_utf8(raw);
  if (at != std::string_view::npos) {
    const std::uint32_t line = lines.line_of(at);
    out.push_back(make_diagnostic("encoding", severity::error, line, static_cast<std::uint32_t>(at - lines.line_start(line) + 1),
                                  "invalid UTF-8 at byte " + std::to_string(at) + "; it is shown as U+FFFD"));
  }
  at = raw.find('\0');
  if (at != std::string_view::npos) {
    const std::uint32_t line = lines.line_of(at);
    out.push_back(make_diagnostic("encoding", severity::error, line, static_cast<std::uint32_t>(at - lines.line_start(line) + 1),
                                  "NUL byte at byte " + std::to_string(at) + "; it is shown as U+FFFD"));
  }
}

// How often each title came before, for card ids: an open-addressing table sized once per
// deck (one allocation, where a std::unordered_map allocates for every title).
class title_counter {
 public:
  explicit title_counter(std::size_t titles) {
    std::size_t size = 8;
    while (size < 2 * titles) size *= 2;  // at most half full: probes stay short
    slots_.resize(size);
  }

  // The number of earlier calls with `title`; `hash` is the same for the same title.
  unsigned next(std::string_view title, std::uint64_t hash) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      slot& s = slots_[i];
      if (s.count == 0) {
        s = {title, hash, 1};
        return 0;
      }
      if (s.hash == hash && s.title == title) return s.count++;
    }
  }

 private:
  struct slot {
    std::string_view title;
    std::uint64_t hash = 0;
    unsigned count = 0;  // 0: free
  };
  std::vector<slot> slots_;
};

std::string file_stem(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path);
}

// What parse_notes renders of each card.
struct rendering {
  bool content = true;         // the cards' HTML and answer markdown
  bool titles = true;          // their title_html (always, with `content`)
  bool code_languages = true;  // their code_languages
};

// The cards of `text` (whose lines `scanner` has) from line `body_line` on, appended to
// `d.cards` without their ids, and every top-level heading to `headings` (when not null).
void build_cards(std::string_view text, const detail::line_scanner& scanner, std::uint32_t body_line, int question_level,
                 rendering what, deck& d, std::vector<diagnostic>& diagnostics,
                 std::vector<detail::heading_place>* headings) {
  const auto& lines = scanner.lines();
  notes_builder builder(text, scanner, what.content, what.titles, what.code_languages);
  MD_PARSER parser{};
  parser.flags = detail::md_flags;
  parser.enter_block = enter_block_cb;
  parser.leave_block = leave_block_cb;
  parser.enter_span = enter_span_cb;
  parser.leave_span = leave_span_cb;
  parser.text = text_cb;
  const std::string_view body = text.substr(body_line <= lines.line_count() ? lines.line_start(body_line) : text.size());
  md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &builder);

  std::vector<segment>& segs = builder.segments();
  const std::size_t n = segs.size();  // segs[0] is the text before the first heading
  if (headings) {
    headings->reserve(n - 1);
    for (std::size_t i = 1; i < n; ++i) {
      headings->push_back({segs[i].line, segs[i].level, segs[i].title_offset != std::string_view::npos, false});
    }
  }
  auto line_col = [&](std::size_t offset) {
    const std::uint32_t line = lines.line_of(offset);
    return std::pair<std::uint32_t, std::uint32_t>(line, static_cast<std::uint32_t>(offset - lines.line_start(line) + 1));
  };

  // Which headings are questions, sections or part of an answer.
  using role = heading_role;
  for (std::size_t i = 1; i < n; ++i) {
    if (question_level > 0) {
      segs[i].role = segs[i].level == question_level ? role::question
                     : segs[i].level < question_level ? role::section
                                                      : role::answer_part;
    } else {
      segs[i].role = (i + 1 < n && segs[i + 1].level > segs[i].level) ? role::section : role::question;
    }
  }

  for (std::size_t i = 1; i < n; ++i) {
    for (std::uint32_t l = segs[i].line; l > body_line;) {
      --l;
      if (scanner.at(l).kind == line_kind::blank) continue;
      segs[i].skipped = is_directive_line(text, lines, l, "skip");
      break;
    }
  }

  struct open_section {
    int level;
    std::string_view title;  // the section segment's, which stays where it is: no copy per section
    bool skipped;
  };
  std::vector<open_section> sections;
  std::set<std::string_view> pinned_ids;  // of cards in d.cards, which never reallocates here
  const std::uint32_t last_line = static_cast<std::uint32_t>(lines.line_count());
  d.cards.reserve(n - 1);  // at most one card per heading

  for (std::size_t i = 1; i < n; ++i) {
    segment& s = segs[i];
    if (s.role == role::answer_part) {
      s.role = role::question;  // a deeper heading with no question above it to belong to
    }
    while (!sections.empty() && sections.back().level >= s.level) sections.pop_back();
    const bool parent_skipped = !sections.empty() && sections.back().skipped;
    if (s.role == role::section) {
      sections.push_back({s.level, s.title, s.skipped || parent_skipped});
      continue;
    }
    // A question: its answer runs to the next question or section heading.
    std::size_t end = i + 1;
    while (end < n && segs[end].role == role::answer_part && segs[end].level > s.level) ++end;
    if (s.skipped || parent_skipped) {
      i = end - 1;
      continue;
    }

    // Each segment belongs to one card at most: its strings are moved, not copied. The card
    // is built where it stays, not moved there.
    card& c = d.cards.emplace_back();
    if (headings) (*headings)[i - 1].question = true;
    c.title = std::move(s.title);
    c.title_html = std::move(s.title_html);
    if (auto pinned = take_pinned_id(c.title, c.title_html)) {
      c.pinned_id = true;
      c.id = *pinned;
      if (const auto added = pinned_ids.insert(c.id); !added.second) {
        // The set views the id of the card that pinned it first, still in place with its
        // position. Only a repeated id pays for this search.
        const char* const first_id = added.first->data();
        const auto first = std::find_if(d.cards.begin(), d.cards.end(),
                                         [first_id](const card& other) { return other.id.data() == first_id; });
        diagnostics.push_back(make_diagnostic(
            "duplicate-id", severity::error, s.line, s.column,
            "card id `" + c.id + "` is already pinned at line " + std::to_string(first->position.line) +
                "; this card gets `" + c.id + "-" + std::to_string(s.line) + "` until one of them changes"));
        c.id += "-" + std::to_string(s.line);
      }
    }
    if (c.title.empty()) {
      diagnostics.push_back(make_diagnostic("empty-title", severity::error, s.line, s.column, "question heading has no text"));
    }
    c.section_path.reserve(sections.size());
    for (const auto& sec : sections) c.section_path.emplace_back(sec.title);

    if (s.has_task_list) {
      const std::size_t correct = static_cast<std::size_t>(
          std::count_if(s.options.begin(), s.options.end(), [](const auto& o) { return o.correct; }));
      c.kind = correct >= 2 ? card_kind::multiple_choice : card_kind::single_choice;
      c.prompt_html = s.html.substr(0, s.list_begin);
      c.options.reserve(s.options.size());
      for (const auto& o : s.options) {
        c.options.push_back({std::string(detail::trim(std::string_view(s.html).substr(o.begin, o.end - o.begin))), o.correct});
      }
    }
    c.answer_html = std::move(s.html);
    for (std::size_t k = i + 1; k < end && what.content; ++k) {
      const segment& part = segs[k];
      const char tag = static_cast<char>('0' + part.level);  // md4c's levels are 1-6
      c.answer_html.append("<h").append(1, tag).append(">").append(part.title_html);
      c.answer_html.append("</h").append(1, tag).append(">\n").append(part.html);
    }
    if (s.has_task_list) c.explanation_html = c.answer_html.substr(s.list_end);
    c.code_languages = std::move(s.code_languages);  // distinct already
    for (std::size_t k = i; k < end; ++k) {
      for (auto& [url, offset] : segs[k].images) {
        auto [line, col] = line_col(offset);
        c.images.push_back({std::move(url), line, col});
      }
      for (auto& [url, offset] : segs[k].links) {
        auto [line, col] = line_col(offset);
        c.links.push_back({std::move(url), line, col});
      }
      for (auto& lang : segs[k].code_languages) {
        if (std::find(c.code_languages.begin(), c.code_languages.end(), lang) == c.code_languages.end()) {
          c.code_languages.push_back(std::move(lang));
        }
      }
    }

    // The answer's source lines, without blank lines or notequiz directives at either end.
    std::uint32_t first = s.end_line + 1;
    std::uint32_t last = end < n ? segs[end].line - 1 : last_line;
    auto trimmable = [&](std::uint32_t l) {
      return scanner.at(l).kind == line_kind::blank || is_directive_line(text, lines, l, {});
    };
    while (first <= last && trimmable(first)) ++first;
    while (last >= first && trimmable(last)) --last;
    c.position = {s.line, s.column, first, last};
    if (what.content) c.answer_markdown = std::string(detail::answer_markdown(text, lines, c.position));
    i = end - 1;
  }

}

}  // namespace

std::string_view detail::answer_markdown(std::string_view text, const line_table& lines, const source_position& position) {
  const std::uint32_t first = position.answer_start_line;
  const std::uint32_t last = position.answer_end_line;
  if (first > last) return {};
  const std::size_t from = lines.line_start(first);
  std::size_t to = last < lines.line_count() ? lines.line_start(last + 1) : text.size();
  while (to > from && (text[to - 1] == '\n' || text[to - 1] == '\r')) --to;
  return text.substr(from, to - from);
}

std::optional<card> detail::parse_card(const std::string& lines, int level, std::uint32_t line) {
  const line_scanner scanner(lines);
  deck d;
  std::vector<diagnostic> diagnostics;
  build_cards(lines, scanner, 1, level, {}, d, diagnostics, nullptr);
  for (card& c : d.cards) {
    if (c.position.line == line) return std::move(c);
  }
  return std::nullopt;
}

parse_result parse_notes(std::string_view markdown, const parse_options& options) {
  detail::parsed_text source;
  return detail::parse_notes(markdown, options, source);
}

parse_result detail::parse_terminated_notes(std::string_view markdown, const parse_options& options) {
  detail::parsed_text source;
  detail::parse_extras extras;
  extras.nul_terminated = true;
  return detail::parse_notes(markdown, options, source, extras);
}

parse_result detail::parse_notes(std::string_view markdown, const parse_options& options, parsed_text& source,
                                 const parse_extras& extras) {
  parse_result result;
  deck& d = result.deck;
  d.source = options.source_path;

  std::string_view text = markdown;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Line starts are offsets, so they hold for the copy md4c may parse below as well.
  std::vector<std::size_t>& line_starts = source.spare.line_starts;
  const bool valid = detail::valid_utf8_line_starts(text, line_starts);
  if (!valid) {
    report_encoding(text, detail::line_table(text), result.diagnostics);
    source.valid = detail::to_valid_utf8(text);
    source.own_bytes = false;
    text = source.valid;
  }
  if (source.valid.empty() && !text.empty() && !extras.nul_terminated) {
    // md4c 0.4.8 can read past the end of what it is given (permissive autolinks; found by
    // render_fuzzer). It parses a copy: the std::string's terminating NUL stops it there.
    // (A caller's std::string has that NUL already; the BOM is cut from the front only.)
    source.valid.assign(text);
    text = source.valid;
  }
  if (text.size() > 0xFFFFFFF0u) {
    result.diagnostics.push_back(make_diagnostic("encoding", severity::error, 0, 0, "file is larger than 4 GiB and was not parsed"));
    source.own_bytes = false;
    source.text = {};
    source.scanner.emplace(source.text);
    return result;
  }

  source.text = text;
  const detail::line_scanner& scanner = source.scanner.emplace(
      valid ? detail::line_table(text, std::move(line_starts)) : detail::line_table(text), std::move(source.spare));
  const detail::front_matter fm = detail::read_front_matter(scanner, result.diagnostics);
  const std::uint32_t body_line = scanner.front_matter().last_line + 1;

  const std::string stem = file_stem(options.source_path);
  d.title = !fm.title.empty() ? fm.title : !stem.empty() ? stem : "Notes";
  d.id = !fm.id.empty() ? fm.id : !options.deck_id.empty() ? options.deck_id : detail::slugify(stem);
  if (d.id.empty()) d.id = detail::slugify(d.title);
  if (d.id.empty()) d.id = "notes";
  d.lang = fm.lang;
  d.tags = fm.tags;
  d.meta = fm.other;
  const int question_level = fm.question_level != 0 ? fm.question_level : std::clamp(options.question_level, 0, 6);

  build_cards(text, scanner, body_line, question_level,
              {options.card_content, options.card_content || extras.title_html, extras.code_languages}, d,
              result.diagnostics, &source.headings);

  // Ids of cards without a pinned one, once every card is in place: the counts of repeated
  // titles can then refer to the titles where they are, without copies. Titles are
  // whitespace-collapsed already, so their normalized form is a prefix of them.
  if (!options.card_ids) return result;
  const detail::card_id_maker ids(d.id);
  title_counter occurrences(d.cards.size());
  for (card& c : d.cards) {
    if (c.pinned_id) continue;
    const std::string_view normalized = detail::normalize_collapsed_title(c.title);
    const std::uint64_t hash = ids.title_hash(normalized);
    c.id = detail::card_id_maker::id(hash, occurrences.next(normalized, hash));
  }
  return result;
}

}  // namespace notequiz
