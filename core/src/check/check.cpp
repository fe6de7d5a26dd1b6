// check_file: one parse, one line scan, then every rule over what they produced.

#include <algorithm>
#include <cstdint>

#include "check_context.hpp"
#include "parsed_text.hpp"
#include "text.hpp"

namespace notequiz {

namespace detail {

check_context::check_context(std::string_view checked_text, std::size_t offset_in_file, bool can_fix,
                             const line_scanner& s, const parse_result& p, const check_file_options& o)
    : text(checked_text), base_offset(offset_in_file), fixes_allowed(can_fix), scanner(s), parsed(p), options(o) {
  for (std::size_t i = 0; i < rule_count; ++i) {
    severities_[i] = options.config ? options.config->severity_of(i) : check_rules()[i].default_severity;
  }
}

std::optional<severity> check_context::effective(rule r, std::uint32_t line) const noexcept {
  const auto s = configured(r);
  if (!s || disabled.suppressed(r, line)) return std::nullopt;
  return s;
}

std::optional<severity> check_context::effective(rule r, std::uint32_t line,
                                                 std::optional<severity> default_override) const noexcept {
  const std::optional<severity> s = effective(r, line);
  if (!s || !default_override) return s;
  const bool default_level = !options.config || options.config->levels.size() <= index_of(r) ||
                             options.config->levels[index_of(r)] == rule_level::default_level;
  return default_level ? default_override : s;
}

bool check_context::leaves_out(rule r, std::uint32_t line, std::optional<severity> default_override) {
  last_left_out_ = false;
  if (!suppressions_known) return false;
  const std::optional<severity> s = effective(r, line, default_override);
  if (s && only_counted(*s)) ++left_out[static_cast<std::size_t>(*s)];
  last_left_out_ = !s || only_counted(*s);
  return last_left_out_;
}

found_problem* check_context::report(rule r, std::uint32_t line, std::uint32_t column, std::string message,
                                     std::optional<severity> default_override) {
  if (leaves_out(r, line, default_override)) return nullptr;
  return &add(r, line, column, std::move(message), default_override);
}

found_problem& check_context::add(rule r, std::uint32_t line, std::uint32_t column, std::string message,
                                  std::optional<severity> default_override) {
  // Notes with problems tend to have several: room for a few from the first one on.
  if (found.capacity() == 0) found.reserve(16);
  found_problem& p = found.emplace_back();
  p.which = r;
  p.default_override = default_override;
  p.problem.rule = check_rules()[index_of(r)].name;
  p.problem.line = line;
  p.problem.column = column;
  p.problem.message = std::move(message);
  return p;
}

void check_context::fix_last(std::size_t offset, std::size_t length, std::string_view replacement) {
  if (!fixes_allowed || found.empty() || last_left_out_) return;
  fixes.push_back({base_offset + offset, length, std::string(replacement), found.size() - 1});
}

excerpt_piece excerpted(std::string_view text, std::size_t max_bytes) noexcept {
  text = trim(text);
  if (text.size() <= max_bytes) return {text, false};
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return {text.substr(0, cut), true};
}

std::string excerpt(std::string_view text, std::size_t max_bytes) { return message(excerpted(text, max_bytes)); }

namespace {

// The parser's own findings, under the rule of the same name.
void take_parser_diagnostics(check_context& ctx) {
  for (const auto& d : ctx.parsed.diagnostics) {
    const rule_info* info = find_rule(d.rule);
    if (!info) continue;
    const auto r = static_cast<rule>(info - check_rules().data());
    if (found_problem* p = ctx.report(r, d.line, d.column, [&] { return d.message; }, d.severity)) {
      p->problem.end_line = d.end_line;
      p->problem.end_column = d.end_column;
    }
  }
}

file_report build_report(check_context& ctx, const check_file_options& options) {
  file_report report;
  report.path = options.path;
  report.cards = ctx.parsed.deck.cards.size();
  // The problems kept (not off, not disabled where they are), by line, then column, then the
  // order they were found in: one sort of small keys, no temporary buffer.
  struct kept_problem {
    std::uint64_t place;  // line, then column
    std::size_t index;    // in ctx.found
  };
  std::vector<kept_problem> order;
  order.reserve(ctx.found.size());
  bool in_order = true;
  for (std::size_t i = 0; i < ctx.found.size(); ++i) {
    found_problem& p = ctx.found[i];
    const std::optional<severity> s = ctx.effective(p.which, p.problem.line, p.default_override);
    if (!s) continue;
    if (ctx.only_counted(*s)) {
      ++ctx.left_out[static_cast<std::size_t>(*s)];
      continue;
    }
    p.problem.severity = *s;
    const std::uint64_t place = (std::uint64_t{p.problem.line} << 32) | p.problem.column;
    if (!order.empty() && place < order.back().place) in_order = false;
    order.push_back({place, i});
  }
  if (!in_order) {
    std::sort(order.begin(), order.end(), [](const kept_problem& a, const kept_problem& b) {
      return a.place != b.place ? a.place < b.place : a.index < b.index;
    });
  }
  report.diagnostics.reserve(order.size());
  std::vector<std::size_t> kept_as(ctx.fixes.empty() ? 0 : ctx.found.size(), SIZE_MAX);
  for (const kept_problem& k : order) {
    if (!kept_as.empty()) kept_as[k.index] = report.diagnostics.size();
    report.diagnostics.push_back(std::move(ctx.found[k.index].problem));
  }
  report.fixes.reserve(ctx.fixes.size());
  for (auto& f : ctx.fixes) {
    if (kept_as[f.diagnostic] == SIZE_MAX) continue;
    f.diagnostic = kept_as[f.diagnostic];
    report.fixes.push_back(std::move(f));
  }
  std::sort(report.fixes.begin(), report.fixes.end(), [](const text_edit& a, const text_edit& b) { return a.offset < b.offset; });
  // Two fixes of one span (a line both indented and missing its space) cannot both apply:
  // the first is kept, in place.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < report.fixes.size(); ++i) {
    if (kept > 0 && report.fixes[kept - 1].offset + report.fixes[kept - 1].length > report.fixes[i].offset) continue;
    if (kept != i) report.fixes[kept] = std::move(report.fixes[i]);
    ++kept;
  }
  report.fixes.erase(report.fixes.begin() + static_cast<std::ptrdiff_t>(kept), report.fixes.end());
  report.facts = std::move(ctx.facts);
  report.left_out = ctx.left_out;
  return report;
}

}  // namespace

}  // namespace detail

namespace {

// A thread keeps the memory of its last note's line scan, up to about this many lines: checking
// thousands of notes then allocates it about once, and one huge note is not kept.
constexpr std::size_t kept_scan_lines = std::size_t{1} << 16;

file_report check_text(std::string_view markdown, const check_file_options& options, bool nul_terminated) {
  thread_local detail::line_scanner_memory kept;
  parse_options parse;
  parse.source_path = options.path;
  parse.card_content = false;  // no rule reads the cards' HTML or markdown
  parse.card_ids = false;      // nor the ids made from titles (duplicate pinned ids are the parser's findings)
  if (options.config) parse.question_level = options.config->question_level;
  // Rules read the same valid UTF-8 and the same lines the parser read, without a BOM; fixes
  // need the file's own bytes, so there are none when the parser had to replace some.
  detail::parsed_text source;
  source.spare = std::move(kept);
  detail::parse_extras extras;
  extras.nul_terminated = nul_terminated;
  extras.code_languages = false;  // fence-language reads the fences' info strings from the line scan
  parse_result parsed = detail::parse_notes(markdown, parse, source, extras);
  const std::size_t offset = markdown.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;

  detail::check_context ctx(source.text, offset, source.own_bytes && options.fixes, *source.scanner, parsed, options);
  detail::read_directives(ctx);
  ctx.suppressions_known = true;
  detail::take_parser_diagnostics(ctx);
  detail::check_encoding(ctx, markdown);
  detail::check_answers(ctx);
  detail::check_duplicates(ctx);
  detail::check_references(ctx);
  detail::check_fences(ctx);
  detail::check_headings(ctx);
  detail::check_choices(ctx);
  detail::check_raw_html(ctx);
  // The corpus keeps the questions' titles, copied into one string now that no rule reads them.
  std::size_t title_bytes = 0;
  for (const std::uint32_t c : ctx.question_cards) title_bytes += parsed.deck.cards[c].title.size();
  ctx.facts.titles.reserve(title_bytes);
  for (std::size_t i = 0; i < ctx.facts.questions.size(); ++i) {
    const std::string& title = parsed.deck.cards[ctx.question_cards[i]].title;
    ctx.facts.questions[i].title_at = ctx.facts.titles.size();
    ctx.facts.questions[i].title_size = title.size();
    ctx.facts.titles += title;
  }
  file_report report = detail::build_report(ctx, options);
  kept = source.scanner->take_memory();
  if (kept.lines.capacity() > kept_scan_lines || kept.line_starts.capacity() > kept_scan_lines) kept = {};
  return report;
}

}  // namespace

file_report check_file(std::string_view markdown, const check_file_options& options) {
  return check_text(markdown, options, false);
}

file_report detail::check_terminated_file(std::string_view markdown, const check_file_options& options) {
  return check_text(markdown, options, true);
}

std::string apply_fixes(std::string_view markdown, const std::vector<text_edit>& fixes) {
  std::string out;
  out.reserve(markdown.size() + fixes.size() * 4);
  std::size_t at = 0;
  for (const auto& f : fixes) {
    if (f.offset < at || f.offset + f.length > markdown.size()) continue;
    out.append(markdown.substr(at, f.offset - at));
    out.append(f.replacement);
    at = f.offset + f.length;
  }
  out.append(markdown.substr(at));
  return out;
}

fixed_note fix_note(std::string_view markdown, file_report report, const check_file_options& options) {
  fixed_note out;
  out.text.assign(markdown);
  out.report = std::move(report);
  for (int round = 0; round < max_fix_rounds && !out.report.fixes.empty(); ++round) {
    std::vector<std::size_t> problems;  // one problem may need two edits
    for (const auto& f : out.report.fixes) problems.push_back(f.diagnostic);
    std::sort(problems.begin(), problems.end());
    out.problems += static_cast<std::size_t>(std::unique(problems.begin(), problems.end()) - problems.begin());
    out.text = apply_fixes(out.text, out.report.fixes);
    out.report = check_file(out.text, options);
  }
  return out;
}

}  // namespace notequiz
