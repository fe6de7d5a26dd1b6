// The rule table: ids, names, default severities and help, as docs/rules.md describes them.

#include <cctype>

#include "notequiz/check.hpp"
#include "rules.hpp"

namespace notequiz {

namespace {

// Where docs/rules.md is published, if the build was told (CMake's NOTEQUIZ_DOCS_URL); the
// project has no canonical address, so by default none is made up.
#ifdef NOTEQUIZ_DOCS_URL
constexpr std::string_view docs_url = NOTEQUIZ_DOCS_URL;
#else
constexpr std::string_view docs_url;
#endif

std::vector<rule_info> make_rules() {
  using s = severity;
  std::vector<rule_info> r = {
      {"NQ001", "empty-answer", s::error, false, "A question has no answer, or only an empty code block, whitespace or a placeholder such as TODO.",
       "Write the answer under the heading, or remove the question."},
      {"NQ002", "duplicate-question", s::warning, false, "The same question (after normalization) is asked twice, in one note or across the notes checked.",
       "Merge the two answers into one question, or reword one of them."},
      {"NQ003", "missing-image", s::error, false, "A local image does not exist at the path the note gives (checked case-sensitively).",
       "Fix the path or add the image; paths are relative to the note's folder."},
      {"NQ004", "broken-link", s::error, false, "A relative link points to a file that does not exist, or to a #fragment that no heading of the target produces.",
       "Fix the path or the fragment; fragments are the headings' GitHub-style anchors."},
      {"NQ005", "unclosed-fence", s::error, false, "A code fence is never closed, so it runs to the end of the file and swallows the questions after it.",
       "Close the fence with a line of the same backticks or tildes."},
      {"NQ006", "fence-language", s::warning, true, "A fence labelled with a programming language holds prose, not code.",
       "Label the fence `text` (notequiz check --fix does this), or remove the label."},
      {"NQ007", "heading-syntax", s::error, true, "A line looks like a question heading but is not one: no space after the #'s, or indented by four or more spaces.",
       "Put a space after the #'s and start the line at the margin (notequiz check --fix does this)."},
      {"NQ008", "heading-level", s::warning, false, "Sibling questions are at different heading levels, or a heading is more than one level deeper than the one before it.",
       "Use one heading level for the questions of a section, and step down one level at a time."},
      {"NQ009", "choice-no-correct", s::error, false, "A choice question (a task list) has no checked option, so no answer is right.",
       "Check the right option(s) with [x]."},
      {"NQ010", "choice-one-option", s::warning, false, "A choice question has a single option, so there is nothing to choose.",
       "Add the wrong options, or turn the question into a flashcard."},
      {"NQ011", "raw-html", s::warning, false, "A note contains HTML, which notequiz shows as text: quizzes are embedded in other pages and raw HTML would be unsafe there.",
       "Use markdown instead of HTML (emphasis, lists, images, tables)."},
      {"NQ012", "unsafe-url", s::error, false, "A link or image uses a javascript:, vbscript:, non-image data: or other URL that the renderer drops.",
       "Use an http(s), mailto or relative URL."},
      {"NQ013", "encoding", s::error, false, "The file is not clean UTF-8: invalid bytes or NUL bytes (errors), a byte order mark or mixed line endings (warnings).",
       "Save the file as UTF-8 without BOM, with one kind of line ending."},
      {"NQ014", "empty-title", s::error, false, "A question heading has no text.", "Write the question in the heading, or remove it."},
      {"NQ015", "front-matter", s::warning, false, "The front matter is not closed, has a line that is not `key: value`, or an invalid value.",
       "Close the front matter with `---` and write one `key: value` per line."},
      {"NQ016", "duplicate-id", s::error, false, "A pinned card id `{#id}` is used twice in a note, or two notes pin the same deck id in their front matter.",
       "Give each card and each deck its own id."},
      {"NQ017", "unknown-rule", s::warning, false, "A configuration file or a notequiz comment names a rule or directive that does not exist.",
       "Use a rule id or name from docs/rules.md, and notequiz-disable, -enable, -disable-line or -disable-next-line."},
      {"NQ018", "config", s::error, false, "A .notequiz.json file is not valid JSON, has an unknown key or a value of the wrong type.",
       "Fix the file as docs/check.md#configuration describes; until then the defaults apply."},
      {"NQ019", "unreadable-input", s::error, false, "A path gave nothing to check: it cannot be read, is binary, is too large, or is a folder without notes.",
       "Check the path, or exclude it with an `ignore` glob."},
  };
  return r;
}

char lower(char c) noexcept { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

const std::vector<rule_info>& check_rules() {
  static const std::vector<rule_info> rules = make_rules();
  return rules;
}

const rule_info* find_rule(std::string_view id_or_name) noexcept {
  for (const auto& r : check_rules()) {
    if (r.name == id_or_name || equal_ignoring_case(r.id, id_or_name)) return &r;
  }
  return nullptr;
}

std::string rule_anchor(const rule_info& rule) {
  std::string anchor;
  for (char c : rule.id) anchor.push_back(lower(c));
  anchor += '-';
  anchor += rule.name;
  return anchor;
}

std::string rule_help_url(const rule_info& rule, std::string_view docs) {
  if (docs.empty()) return {};
  std::string url(docs);
  if (url.back() != '/') url += '/';
  return url + "rules.md#" + rule_anchor(rule);
}

std::string rule_help_url(const rule_info& rule) { return rule_help_url(rule, docs_url); }

}  // namespace notequiz
