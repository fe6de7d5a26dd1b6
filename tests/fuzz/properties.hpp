#pragma once
// The properties every fuzz target checks on every input, as functions from the input to a
// description of what went wrong ("" when nothing did). The fuzz targets abort on a non-empty
// answer; tests/core/fuzz_regressions_test.cpp replays the committed findings through the same
// functions, found by the target's name in `fuzz_targets`.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html_safety.hpp"
#include "json_text.hpp"
#include "lazy_content.hpp"  // core/src: the fuzz targets and the core tests see the core's details
#include "notequiz/check.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/progress.hpp"
#include "notequiz/render.hpp"

namespace notequiz::fuzzing {

using property = std::string (*)(std::string_view input);

namespace properties_detail {

inline std::string where(const card& c) { return "card `" + c.title + "` (line " + std::to_string(c.position.line) + "): "; }

inline std::string card_html_problem(const card& c) {
  const std::pair<const char*, const std::string*> fields[] = {{"titleHtml", &c.title_html},
                                                               {"promptHtml", &c.prompt_html},
                                                               {"answerHtml", &c.answer_html},
                                                               {"explanationHtml", &c.explanation_html}};
  for (const auto& [name, html] : fields) {
    if (std::string p = html_safety_problem(*html); !p.empty()) return where(c) + name + " has " + p;
  }
  for (const auto& o : c.options) {
    if (std::string p = html_safety_problem(o.html); !p.empty()) return where(c) + "an option has " + p;
  }
  return {};
}

// Lines of the text as the parser counts them: a final line after the last newline, even if empty.
inline std::uint32_t line_count(std::string_view text) {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
}

inline std::string positions_problem(const parse_result& r, std::uint32_t lines) {
  const auto out_of_range = [&](std::uint32_t line) { return line > lines; };
  for (const card& c : r.deck.cards) {
    const source_position& p = c.position;
    if (p.line == 0 || out_of_range(p.line)) return where(c) + "heading line outside 1.." + std::to_string(lines);
    if (p.column == 0) return where(c) + "heading column 0";
    if (p.answer_start_line > lines + 1 || out_of_range(p.answer_end_line)) {
      return where(c) + "answer lines " + std::to_string(p.answer_start_line) + ".." + std::to_string(p.answer_end_line) +
             " outside 1.." + std::to_string(lines);
    }
    for (const auto* refs : {&c.images, &c.links}) {
      for (const reference& ref : *refs) {
        if (ref.line == 0 || out_of_range(ref.line)) return where(c) + "URL `" + ref.url + "` placed on line " + std::to_string(ref.line);
      }
    }
  }
  for (const diagnostic& d : r.diagnostics) {
    if (out_of_range(d.line) || out_of_range(d.end_line)) {
      return "diagnostic [" + d.rule + "] at line " + std::to_string(d.line) + " outside 1.." + std::to_string(lines);
    }
    if (d.message.empty()) return "diagnostic [" + d.rule + "] without a message";
  }
  return {};
}

// A deck written as JSON reads back and writes the same bytes again.
inline std::string round_trip_problem(const deck& d) {
  const std::string first = to_json(d);
  const deck_json_result back = deck_from_json(first);
  if (!back.deck) return "to_json output does not read back: " + back.error;
  if (to_json(*back.deck) != first) return "a deck read back from JSON writes different JSON";
  return {};
}

// The first content field in which two parses of one card differ, by its JSON name ("" if none).
inline std::string content_difference(const card& lazy, const card& whole) {
  if (lazy.title_html != whole.title_html) return "titleHtml";
  if (lazy.prompt_html != whole.prompt_html) return "promptHtml";
  if (lazy.answer_html != whole.answer_html) return "answerHtml";
  if (lazy.explanation_html != whole.explanation_html) return "explanationHtml";
  if (lazy.answer_markdown != whole.answer_markdown) return "answerMarkdown";
  if (lazy.options.size() != whole.options.size()) return "options";
  for (std::size_t k = 0; k < lazy.options.size(); ++k) {
    if (lazy.options[k].html != whole.options[k].html) return "options[" + std::to_string(k) + "].html";
  }
  return {};
}

// A deck opened with lazily rendered content (what the WebAssembly module's openNotes does)
// is the deck `whole` (parse_notes with `options`): the same summary at once, then every card,
// rendered on its own, the same content. Cards are filled first to last or, for inputs of odd
// size, last to first.
inline std::string lazy_content_problem(std::string_view input, const parse_options& options, const parse_result& whole,
                                        bool compare_json) {
  detail::lazy_content content;
  parse_result lazy = content.open(input, options);
  const std::string mode = content.lazy() ? "lazily rendered" : "rendered whole";
  if (lazy.deck.cards.size() != whole.deck.cards.size()) return "a deck opened for lazy content has another number of cards";
  if (compare_json && deck_summary_json(lazy.deck) != deck_summary_json(whole.deck)) {
    return "a deck opened for lazy content has another summary (" + mode + ")";
  }
  const std::size_t n = lazy.deck.cards.size();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = input.size() % 2 == 0 ? k : n - 1 - k;
    content.fill(lazy.deck, i);
    if (std::string field = content_difference(lazy.deck.cards[i], whole.deck.cards[i]); !field.empty()) {
      return where(whole.deck.cards[i]) + field + " " + mode + " differs from the whole parse's";
    }
  }
  return {};
}

}  // namespace properties_detail

/// Inputs larger than this skip parse_notes_problem's JSON round trip (fuzzing's own inputs are
/// at most 4 KB; this is for the pathological inputs scripts/fuzz feeds in).
inline constexpr std::size_t max_json_checked_input = 64 * 1024;

/// parse_notes: never crashes; every HTML field is safe; every position lies in the file; the
/// deck survives a JSON round trip; `to_json(parse_result)` is valid JSON; each card rendered
/// lazily, from its own lines, has the content the whole parse gives it (lazy_content). The
/// structure and lazy content are checked with the question level decided per heading and with
/// a fixed level taken from the input's size; the JSON only with the first, and only up to
/// max_json_checked_input.
inline std::string parse_notes_problem(std::string_view input) {
  using namespace properties_detail;
  for (const int level : {0, static_cast<int>(input.size() % 6) + 1}) {
    parse_options options;
    options.source_path = "fuzz.md";
    options.question_level = level;
    const parse_result r = parse_notes(input, options);
    const std::string context = " (question level " + std::to_string(level) + ")";
    for (const card& c : r.deck.cards) {
      if (std::string p = card_html_problem(c); !p.empty()) return p + context;
    }
    if (std::string p = positions_problem(r, line_count(input)); !p.empty()) return p + context;
    const bool compare_json = level == 0 && input.size() <= max_json_checked_input;
    if (std::string p = lazy_content_problem(input, options, r, compare_json); !p.empty()) return p + context;
    // The JSON checks are about strings, not structure: once is enough, and not for the large
    // pathological inputs, which are there for time and would spend it all in JSON.
    if (level != 0 || input.size() > max_json_checked_input) continue;
    if (std::string p = round_trip_problem(r.deck); !p.empty()) return p + context;
    if (nlohmann::json::parse(to_json(r), nullptr, false).is_discarded()) return "to_json(parse_result) is not JSON" + context;
  }
  return {};
}

/// render_html: never crashes, and its output is safe.
inline std::string render_problem(std::string_view input) {
  if (std::string p = html_safety_problem(render_html(input)); !p.empty()) return "render_html output has " + p;
  return {};
}

/// What nlohmann's own serializer writes of `j`: the reference for both the core's reader and
/// its writer.
inline std::string nlohmann_writes(const detail::json& j) { return j.dump(-1, ' ', false, detail::json::error_handler_t::replace); }

/// The core's JSON reader (core/src/json_reader.hpp) makes the value nlohmann's parser makes, and
/// the core's writer (detail::dump) writes text that nlohmann reads back as that value, never
/// longer than nlohmann's serializer writes it (the same but for doubles, whose digits are the
/// shortest that read back). By design the reader reads past a NUL byte, where nlohmann stops:
/// where only nlohmann reads the input, read_json must read what comes before the first NUL as
/// nlohmann reads the whole.
inline std::string json_reader_problem(std::string_view input) {
  const detail::json ours = detail::read_json(input);
  const detail::json theirs = detail::json::parse(input.begin(), input.end(), nullptr, /*allow_exceptions=*/false);
  if (!ours.is_discarded() && theirs.is_discarded()) return "read_json reads what nlohmann's parser does not";
  if (!ours.is_discarded()) {
    const std::string written = nlohmann_writes(ours);
    if (written != nlohmann_writes(theirs)) return "read_json reads another value than nlohmann";
    const std::string dumped = detail::dump(ours);
    const detail::json again = detail::json::parse(dumped, nullptr, /*allow_exceptions=*/false);
    if (again.is_discarded() || nlohmann_writes(again) != written) return "dump writes text that does not read back as the value";
    return dumped.size() <= written.size() ? "" : "dump writes more than nlohmann's serializer";
  }
  if (theirs.is_discarded()) return {};
  const std::size_t nul = input.find('\0');
  const detail::json before = nul == std::string_view::npos ? ours : detail::read_json(input.substr(0, nul));
  if (before.is_discarded() || nlohmann_writes(before) != nlohmann_writes(theirs)) return "nlohmann's parser reads what read_json does not";
  return {};
}

/// Decks: the JSON reader agrees with nlohmann (above), deck_from_json never crashes, and a
/// deck that reads back writes the same JSON.
inline std::string deck_json_problem(std::string_view input) {
  if (std::string p = json_reader_problem(input); !p.empty()) return p;
  const deck_json_result r = deck_from_json(input);
  if (r.deck.has_value() == !r.error.empty()) return "deck_from_json gave both or neither of a deck and an error";
  if (!r.deck) return {};
  return properties_detail::round_trip_problem(*r.deck);
}

/// Progress: the input is two progress records separated by the first newline. parse_progress
/// never crashes, and what it reads writes back unchanged; merge is commutative, idempotent and
/// absorbs either side.
inline std::string progress_problem(std::string_view input) {
  const std::size_t newline = input.find('\n');
  const std::string_view texts[2] = {input.substr(0, newline),
                                     newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1)};
  std::optional<progress> records[2];
  for (int k = 0; k < 2; ++k) {
    progress_result r = parse_progress(texts[k]);
    if (r.progress.has_value() == !r.error.empty()) return "parse_progress gave both or neither of progress and an error";
    if (!r.progress) continue;
    const std::string written = to_json(*r.progress);
    const progress_result again = parse_progress(written, r.progress->deck);
    if (!again.progress) return "to_json(progress) does not read back: " + again.error;
    if (to_json(*again.progress) != written) return "progress read back from JSON writes different JSON";
    records[k] = std::move(r.progress);
  }
  if (!records[0] || !records[1]) return {};
  const progress& a = *records[0];
  const progress& b = *records[1];
  const progress_result ab = merge(a, b);
  const progress_result ba = merge(b, a);
  if (a.deck != b.deck) return ab.progress || ba.progress ? "progress of two decks merged" : "";
  if (!ab.progress || !ba.progress) return "merge of the same deck failed: " + ab.error + ba.error;
  const std::string merged = to_json(*ab.progress);
  if (merged != to_json(*ba.progress)) return "merge(a, b) differs from merge(b, a)";
  const progress& m = *ab.progress;
  if (const progress_result mm = merge(m, m); !mm.progress || to_json(*mm.progress) != merged) return "merge(m, m) differs from m";
  if (const progress_result ma = merge(m, a); !ma.progress || to_json(*ma.progress) != merged) return "merge(merge(a, b), a) differs";
  if (const progress_result mb = merge(b, m); !mb.progress || to_json(*mb.progress) != merged) return "merge(b, merge(a, b)) differs";
  if (const progress_result back = parse_progress(merged, m.deck); !back.progress) return "merged progress does not read back: " + back.error;
  for (const auto& [id, card] : m.cards) {
    if (!(card == replay(id, m.log))) return "a merged card is not its reviews replayed";
  }
  return {};
}

namespace properties_detail {

inline std::string diagnostics_problem(const std::vector<diagnostic>& ds, std::uint32_t lines, const char* what) {
  for (std::size_t i = 0; i < ds.size(); ++i) {
    const diagnostic& d = ds[i];
    const std::string at = std::string(what) + " diagnostic [" + d.rule + "] at " + std::to_string(d.line) + ":" +
                           std::to_string(d.column) + ": ";
    if (d.line > lines || d.end_line > lines) return at + "line outside 1.." + std::to_string(lines);
    if (d.message.empty()) return at + "no message";
    if (i > 0 && (ds[i - 1].line > d.line || (ds[i - 1].line == d.line && ds[i - 1].column > d.column))) {
      return at + "out of order";
    }
  }
  return {};
}

inline std::string fixes_problem(const file_report& r, std::size_t size) {
  std::size_t end = 0;
  for (const text_edit& f : r.fixes) {
    if (f.offset < end) return "fixes overlap or are out of order at byte " + std::to_string(f.offset);
    if (f.offset > size || f.length > size - f.offset) return "a fix past the end of the note at byte " + std::to_string(f.offset);
    if (f.diagnostic >= r.diagnostics.size()) return "a fix for a diagnostic that is not reported";
    end = f.offset + f.length;
  }
  return {};
}

// Leaving out what is less severe than errors (what --quiet asks) only counts it: the errors
// are those of a check of everything, message for message, and the counts are its warnings
// and infos.
inline std::string least_severity_problem(std::string_view note, check_file_options options) {
  options.fixes = false;
  const file_report everything = check_file(note, options);
  options.least_severity = severity::error;
  const file_report errors = check_file(note, options);
  std::array<std::size_t, 3> counted{};
  std::vector<const diagnostic*> kept;
  for (const diagnostic& d : everything.diagnostics) {
    if (d.severity == severity::error) {
      kept.push_back(&d);
    } else {
      ++counted[static_cast<std::size_t>(d.severity)];
    }
  }
  if (errors.left_out != counted) return "errors only: the problems left out are not the warnings and infos";
  if (errors.diagnostics.size() != kept.size()) return "errors only: not the same errors";
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const diagnostic& a = *kept[i];
    const diagnostic& b = errors.diagnostics[i];
    if (a.rule != b.rule || a.line != b.line || a.column != b.column || a.end_line != b.end_line ||
        a.end_column != b.end_column || a.message != b.message) {
      return "errors only: error " + std::to_string(i) + " [" + a.rule + "] differs";
    }
  }
  return {};
}

}  // namespace properties_detail

/// check_file and check_corpus. The input is a note, optionally preceded by one line of
/// `.notequiz.json` when it starts with `{`. Never crashes; config and note diagnostics lie in
/// their text, in order, with known rule names; fixes are in order, disjoint and inside the
/// note; the fixed note offers no further fix; the corpus reports a file checked twice; errors
/// only (least_severity) is a check of everything with the rest counted.
inline std::string check_problem(std::string_view input) {
  using namespace properties_detail;
  std::string_view note = input;
  std::optional<config_result> config;
  if (!input.empty() && input.front() == '{') {
    const std::size_t newline = input.find('\n');
    const std::string_view json = input.substr(0, newline);
    note = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    config = parse_config(json);
    if (std::string p = diagnostics_problem(config->diagnostics, line_count(json), "config"); !p.empty()) return p;
  }
  check_file_options options;
  options.path = "notes/fuzz.md";
  options.config = config ? &config->config : nullptr;
  // Some links resolve and some do not, the same way every time.
  options.file_exists = [](const std::string& path) { return std::hash<std::string>{}(path) % 2 == 0; };
  file_report report = check_file(note, options);
  for (const diagnostic& d : report.diagnostics) {
    if (find_rule(d.rule) == nullptr) return "diagnostic with an unknown rule [" + d.rule + "]";
  }
  if (std::string p = diagnostics_problem(report.diagnostics, line_count(note), "note"); !p.empty()) return p;
  if (std::string p = fixes_problem(report, note.size()); !p.empty()) return p;
  if (std::string p = least_severity_problem(note, options); !p.empty()) return p;
  if (!report.fixes.empty()) {
    const fixed_note fixed = fix_note(note, report, options);
    const file_report& again = fixed.report;
    if (!again.fixes.empty()) {
      return "the note still has a fix after " + std::to_string(max_fix_rounds) + " rounds of fixes, at byte " +
             std::to_string(again.fixes.front().offset) + " for [" + again.diagnostics[again.fixes.front().diagnostic].rule + "]";
    }
  }
  file_report copy = report;
  const bool reports_duplicates = std::any_of(copy.facts.questions.begin(), copy.facts.questions.end(),
                                              [](const auto& q) { return q.report_as.has_value(); });
  check_corpus corpus;
  corpus.add(report);
  const std::size_t before = copy.diagnostics.size();
  corpus.add(copy);
  if (std::string p = diagnostics_problem(copy.diagnostics, line_count(note), "corpus"); !p.empty()) return p;
  if (reports_duplicates && copy.diagnostics.size() == before) return "a note checked twice shows no duplicate-question";
  corpus.finish([](const std::string&) { return std::optional<std::string>{}; });
  return {};
}

struct fuzz_target {
  std::string_view name;  ///< the executable, and its folder in tests/fuzz/regressions/
  property problem;
};

/// Every fuzz target and the property it checks.
inline constexpr fuzz_target fuzz_targets[] = {
    {"parse_notes_fuzzer", parse_notes_problem},
    {"render_fuzzer", render_problem},
    {"deck_json_fuzzer", deck_json_problem},
    {"progress_fuzzer", progress_problem},
    {"check_fuzzer", check_problem},
};

/// The body of every LLVMFuzzerTestOneInput: checks `problem` and aborts with its message, so
/// libFuzzer saves the input.
inline int run_property(property problem, const std::uint8_t* data, std::size_t size) {
  const std::string p = problem(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!p.empty()) {
    std::fprintf(stderr, "property violated: %s\n", p.c_str());
    std::abort();
  }
  return 0;
}

}  // namespace notequiz::fuzzing
