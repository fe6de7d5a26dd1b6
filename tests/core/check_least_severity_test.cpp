// check_file_options::least_severity: less severe problems are counted, not built; the rest of
// the report is what a check of every severity would give.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {

// An empty answer (error), a fence of prose (warning), raw HTML (warning), a BOM (encoding, a
// warning by default) and a second empty answer disabled by a comment.
const std::string notes =
    "\xEF\xBB\xBF## Q1\n\n## Q2\n\n```go\n这是一段说明文字\n```\n\n<b>x</b>\n\n"
    "<!-- notequiz-disable-next-line empty-answer -->\n## Q3\n\n## Q4\n\nA\n";

file_report check_with(const std::string& markdown, severity least, bool fixes = false, const check_config* config = nullptr) {
  check_file_options options;
  options.path = "notes.md";
  options.fixes = fixes;
  options.least_severity = least;
  options.config = config;
  return check_file(markdown, options);
}

std::vector<diagnostic> of_severity(const std::vector<diagnostic>& all, severity s) {
  std::vector<diagnostic> out;
  for (const diagnostic& d : all) {
    if (d.severity == s) out.push_back(d);
  }
  return out;
}

}  // namespace

TEST(CheckLeastSeverity, CountsLessSevereProblemsInsteadOfReportingThem) {
  const file_report all = check_with(notes, severity::info);
  ASSERT_EQ(found(all), (std::vector<std::string>{"encoding@1", "empty-answer@1", "fence-language@5", "raw-html@9"}));
  EXPECT_EQ(all.left_out, (std::array<std::size_t, 3>{0, 0, 0}));

  const file_report errors = check_with(notes, severity::error);
  EXPECT_EQ(found(errors), found(of_severity(all.diagnostics, severity::error)));
  EXPECT_EQ(errors.diagnostics[0].message, all.diagnostics[1].message);
  EXPECT_EQ(errors.left_out, (std::array<std::size_t, 3>{0, 3, 0}));  // the disabled one is not counted
  EXPECT_EQ(errors.cards, all.cards);
  EXPECT_EQ(errors.facts.questions.size(), all.facts.questions.size());

  const file_report warnings = check_with(notes, severity::warning);
  EXPECT_EQ(found(warnings), found(all));
}

TEST(CheckLeastSeverity, JudgesEachProblemByTheSeverityItWouldHave) {
  check_config config;
  config.levels.assign(check_rules().size(), rule_level::default_level);
  config.levels[5] = rule_level::error;  // fence-language
  config.levels[10] = rule_level::info;  // raw-html
  config.levels[12] = rule_level::off;   // encoding
  const file_report r = check_with(notes, severity::error, false, &config);
  EXPECT_EQ(found(r), (std::vector<std::string>{"empty-answer@1", "fence-language@5"}));
  EXPECT_EQ(r.left_out, (std::array<std::size_t, 3>{0, 0, 1}));
}

TEST(CheckLeastSeverity, KeepsEveryProblemWhileFixing) {
  // Every fix belongs to a diagnostic: with fixes wanted, nothing is left out.
  const file_report r = check_with(notes + "\n##No space\n", severity::error, true);
  EXPECT_EQ(found(r), (std::vector<std::string>{"encoding@1", "empty-answer@1", "fence-language@5", "raw-html@9",
                                                "heading-syntax@18"}));
  EXPECT_EQ(r.fixes.size(), 2u);
  EXPECT_EQ(r.left_out, (std::array<std::size_t, 3>{0, 0, 0}));
}
