#pragma once
/// Checking notes: what `notequiz check` reports (docs/rules.md), its configuration
/// (docs/check.md#configuration) and the corpus that finds problems across files.
///
/// One file at a time: `check_file` parses a note once and reports its problems;
/// `check_corpus::add` then compares it with the files added before, keeping only small
/// facts (a hash and a line per question, a pinned deck id, links into other notes), so
/// memory does not grow with the size of the notes. The core never touches the file system: whether a linked file
/// exists is asked through a callback.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "notequiz/diagnostic.hpp"

namespace notequiz {

/// A rule of the checker. Ids and names are stable: a rule is never renumbered or renamed.
struct rule_info {
  std::string_view id;        ///< "NQ001"
  std::string_view name;      ///< "empty-answer": what the rule finds
  severity default_severity;  ///< used unless the configuration says otherwise
  bool fixable;               ///< `notequiz check --fix` rewrites what it reports
  std::string_view summary;   ///< one sentence: what it reports
  std::string_view help;      ///< one sentence: what to do about it
};

/// Every rule, in id order (NQ001 first). The list lives as long as the program.
const std::vector<rule_info>& check_rules();

/// The rule with this id ("NQ001", any case) or name ("empty-answer"); nullptr when none has it.
const rule_info* find_rule(std::string_view id_or_name) noexcept;

/// The rule's section in docs/rules.md, e.g. "nq001-empty-answer".
std::string rule_anchor(const rule_info& rule);

/// The absolute URL of that section (for SARIF's helpUri): NOTEQUIZ_DOCS_URL + "rules.md#" + anchor
/// when the build sets CMake's NOTEQUIZ_DOCS_URL (the folder docs/ is published at), else "".
std::string rule_help_url(const rule_info& rule);

/// The same for docs published at `docs_url` ("" when unknown gives "").
std::string rule_help_url(const rule_info& rule, std::string_view docs_url);

/// What a configuration says about one rule.
enum class rule_level : std::uint8_t { default_level, error, warning, info, off };

/// A `.notequiz.json` file, read.
struct check_config {
  /// Per rule, indexed like check_rules(); missing entries mean default_level.
  std::vector<rule_level> levels;
  /// Globs of files not to check, relative to the configuration file's folder (docs/check.md#ignore).
  std::vector<std::string> ignore;
  /// Level of question headings, 1-6, or 0 to decide per heading (parse_options::question_level).
  int question_level = 0;

  /// The severity the rule reports with, or nothing when it is off.
  std::optional<severity> severity_of(std::size_t rule_index) const noexcept;
};

struct config_result {
  check_config config;  ///< what could be read; the defaults for anything that could not
  /// Problems in the text, positioned in it: rule `config` for invalid JSON, unknown keys and
  /// wrong types; `unknown-rule` for rule names that do not exist.
  std::vector<diagnostic> diagnostics;
};

/// Reads a configuration: `{"rules": {"NAME-or-ID": "error"|"warning"|"info"|"off"},
/// "ignore": ["glob", ...], "question-level": 1-6}`. Never throws.
config_result parse_config(std::string_view json);

/// Whether `relative_path` ('/'-separated, relative to the configuration's folder) matches one
/// of its ignore globs.
bool is_ignored(const check_config& config, std::string_view relative_path);

/// Glob matching as `ignore` uses it: `*` and `?` never match `/`, `**` matches any number of
/// folders, a pattern without `/` matches the file name or any folder name, a leading `/`
/// anchors the pattern, a trailing `/` matches everything under a folder.
bool glob_match(std::string_view pattern, std::string_view relative_path);

/// Answers whether a file or folder exists with exactly this name (case-sensitively). `path`
/// is the note's folder joined with the link's path, '.' and '..' segments resolved.
using file_exists_fn = std::function<bool(const std::string& path)>;

struct check_file_options {
  /// The note's path, '/'-separated: shown in messages and used to resolve relative links.
  std::string path;
  /// The configuration to apply; nullptr: every rule at its default severity. Not owned.
  const check_config* config = nullptr;
  /// Empty: missing-image and broken-link do not look for files (fragments are still checked).
  file_exists_fn file_exists;
  /// Whether file_report::fixes is filled in. A caller that never applies fixes (`notequiz
  /// check` without --fix) saves building an edit per fixable problem; the diagnostics are the same.
  bool fixes = true;
  /// The least severe problems to report: less severe ones are only counted, in
  /// file_report::left_out, and their messages are never built (`notequiz check --quiet`
  /// prints errors only). Ignored while `fixes` is true: every fix belongs to a diagnostic.
  severity least_severity = severity::info;
};

/// A mechanical fix: replace `length` bytes at `offset` (into the checked bytes) by `replacement`.
struct text_edit {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string replacement;
  std::size_t diagnostic = 0;  ///< index in file_report::diagnostics of the problem it fixes
};

/// What cross-file rules need to know about one file. Small: hashes and positions, no text
/// but the titles, the deck id and the targets of links into other notes.
struct cross_file_facts {
  struct question {
    std::uint64_t key = 0;  ///< hash of the normalized title
    std::uint32_t line = 0, column = 0;
    std::size_t title_at = 0, title_size = 0;  ///< where its title is in `titles`
    std::optional<severity> report_as;  ///< how to report it as a duplicate; nothing: off or disabled there
  };
  /// The questions' titles, one after another: one string for the whole note, so that handing
  /// a note's facts to another thread hands over one allocation, not one per question.
  std::string titles;
  /// The question's title (throws std::out_of_range when `q` points past `titles`).
  std::string_view title(const question& q) const { return std::string_view(titles).substr(q.title_at, q.title_size); }
  struct fragment_link {
    std::string target;    ///< the linked note, resolved like file_exists paths
    std::string fragment;  ///< as written (percent-encoded), without `#`
    std::uint32_t line = 0, column = 0;
    severity report_as = severity::error;
  };
  std::string deck_id;  ///< the front matter `id`; empty when the note does not pin one
  std::uint32_t deck_id_line = 0;
  std::optional<severity> deck_id_report_as;
  std::vector<question> questions;
  std::vector<fragment_link> links;  ///< links with a `#fragment` into other notes
};

struct file_report {
  std::string path;
  std::vector<diagnostic> diagnostics;  ///< sorted by line, then column
  std::vector<text_edit> fixes;         ///< sorted by offset, never overlapping
  std::size_t cards = 0;
  cross_file_facts facts;
  /// How many problems were left out as less severe than check_file_options::least_severity,
  /// indexed by severity (error, warning, info); all 0 when nothing was left out.
  std::array<std::size_t, 3> left_out{};
};

/// Checks one note (any bytes; a BOM and CRLF are understood). Parses it once. Never throws.
/// Diagnostics carry rule names (docs/rules.md); severities are the configured ones, and
/// problems switched off by the configuration or by `<!-- notequiz-disable ... -->`
/// comments are left out.
file_report check_file(std::string_view markdown, const check_file_options& options);

namespace detail {
/// check_file for text whose byte after the end is a readable NUL (a std::string's).
file_report check_terminated_file(std::string_view markdown, const check_file_options& options);
}  // namespace detail

/// The same for a std::string: like parse_notes, the note is parsed where it is, not copied
/// first. A template, so that it is chosen for std::string only.
template <typename String, typename = std::enable_if_t<std::is_same_v<String, std::string>>>
file_report check_file(const String& markdown, const check_file_options& options) {
  return detail::check_terminated_file(markdown, options);
}

/// `markdown` with `fixes` applied; every other byte is kept as it was.
std::string apply_fixes(std::string_view markdown, const std::vector<text_edit>& fixes);

/// A note with every mechanical fix applied (`notequiz check --fix`).
struct fixed_note {
  std::string text;            ///< the note after the fixes
  std::size_t problems = 0;    ///< how many problems the fixes solved
  file_report report;          ///< check_file of `text`
};

/// Applies fixes round after round, checking again after each, until no fix is left (at most
/// `max_fix_rounds`): one fix can make another problem fixable, e.g. a heading repaired can
/// change the level the note's questions are at. `report` is check_file(markdown, options).
fixed_note fix_note(std::string_view markdown, file_report report, const check_file_options& options);
inline constexpr int max_fix_rounds = 8;

/// A diagnostic and the file it belongs to.
struct located_diagnostic {
  std::string path;
  diagnostic problem;
};

/// Reads a note that a link points to but that was not checked; nothing when it cannot be read.
using read_note_fn = std::function<std::optional<std::string>(const std::string& path)>;

/// The files checked together, for rules that look across files: duplicate-question,
/// duplicate-id (deck ids pinned in front matter) and broken-link (`other.md#fragment`).
/// Per file it keeps the path, a hash and line per question, and the pinned deck id; the
/// notes that links point into are read again by finish(), only for their headings.
class check_corpus {
 public:
  check_corpus();
  ~check_corpus();
  check_corpus(check_corpus&&) noexcept;
  check_corpus& operator=(check_corpus&&) noexcept;

  /// Adds a checked file: appends to `report.diagnostics` its clashes with the files added
  /// before (keeping them sorted), remembers its questions and deck id, and keeps its links
  /// into other notes for finish(). `report.facts` is emptied.
  void add(file_report& report);

  /// Checks the `#fragment`s of links between notes, once every file has been added: each
  /// linked note is read once through `read_note` for its headings (may be empty: the links
  /// are then not checked). Returns the problems in the order the links were added.
  std::vector<located_diagnostic> finish(const read_note_fn& read_note);

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace notequiz
