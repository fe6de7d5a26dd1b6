// Inline comments: <!-- notequiz-disable / -enable / -disable-line / -disable-next-line -->.
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {
const std::string two_empty = "## Q1\n\n## Q2\n\nA\n";
}

TEST(CheckDirectives, DisableSwitchesARuleOffUntilEnable) {
  const auto r = check("<!-- notequiz-disable empty-answer -->\n## Q1\n\n<!-- notequiz-enable empty-answer -->\n## Q2\n\n## Q3\n\nA\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"empty-answer@5"}));
}

TEST(CheckDirectives, DisableNextLineCoversOnlyTheNextLine) {
  const auto r = check("<!-- notequiz-disable-next-line empty-answer -->\n## Q1\n## Q2\n\nA\n## Q3\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"empty-answer@6"}));
}

TEST(CheckDirectives, DisableLineCoversItsOwnLine) {
  EXPECT_TRUE(check("## Q1 <!-- notequiz-disable-line NQ001 -->\n\n## Q2\n\nA\n").diagnostics.empty());
}

TEST(CheckDirectives, NoRuleNamesMeansEveryRule) {
  EXPECT_TRUE(check("<!-- notequiz-disable -->\n## Q1\n\n<b>x</b>\n\n## Q1\n\nA\n").diagnostics.empty());
}

TEST(CheckDirectives, AcceptIdsNamesAndCommas) {
  const auto r = check("<!-- notequiz-disable NQ001, raw-html -->\n## Q1\n\n## Q2\n\n<b>x</b>\n");
  EXPECT_TRUE(r.diagnostics.empty()) << found(r).size();
}

TEST(CheckDirectives, ReportUnknownRulesAndDirectivesWhereTheyAreWritten) {
  const auto r = check("<!-- notequiz-disable empty-answers raw-html -->\n<!-- notequiz-disabel -->\n## Q\n\nA\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"unknown-rule@1", "unknown-rule@2"}));
  EXPECT_EQ(r.diagnostics[0].column, 23u);
  EXPECT_EQ(r.diagnostics[0].message, "unknown rule `empty-answers` in a notequiz-disable comment (docs/rules.md lists them)");
  EXPECT_EQ(r.diagnostics[1].message,
            "unknown directive `notequiz-disabel` (use notequiz-disable, -enable, -disable-line or -disable-next-line)");
}

TEST(CheckDirectives, AreIgnoredInsideCode) {
  EXPECT_EQ(found(check("## Q0\n\n```\n<!-- notequiz-disable -->\n```\n\n## Q1\n")), (std::vector<std::string>{"empty-answer@7"}));
}

TEST(CheckDirectives, LeaveTheSkipCommentToTheParser) {
  EXPECT_TRUE(check("<!-- notequiz: skip -->\n## Q1\n\n## Q2\n\nA\n").diagnostics.empty());
}

TEST(CheckDirectives, TreatACommentThatClosesInsideTheMarkerAsAPlainComment) {
  // `<!-- notequiz-->`: the comment ends in "notequiz-"'s dash (found by check_fuzzer).
  EXPECT_EQ(found(check("## Q1 <!-- notequiz-->\n\n## Q2\n\nA\n")), (std::vector<std::string>{"empty-answer@1"}));
  // One more dash leaves `notequiz-` with no directive after it: reported, not ignored.
  EXPECT_EQ(found(check("<!-- notequiz--->\n## Q\n\nA\n")), (std::vector<std::string>{"unknown-rule@1"}));
}

TEST(CheckDirectives, AreFoundAfterSpacesAndTabsOnlyRightInsideTheirComment) {
  EXPECT_TRUE(check("<!--\t notequiz-disable-next-line empty-answer -->\n## Q1\n\n## Q2\n\nA\n").diagnostics.empty());
  EXPECT_TRUE(check("<!--<!--notequiz-disable empty-answer -->\n## Q1\n\n## Q2\n\nA\n").diagnostics.empty());
  // Other text before the marker makes it a plain comment.
  EXPECT_EQ(found(check("<!-- x notequiz-disable empty-answer -->\n## Q1\n\n## Q2\n\nA\n")),
            (std::vector<std::string>{"empty-answer@2"}));
  EXPECT_EQ(found(check("<!--\nnotequiz-disable empty-answer -->\n## Q1\n\n## Q2\n\nA\n")),
            (std::vector<std::string>{"empty-answer@3"}));
  EXPECT_EQ(found(check("## Q1\n\nA\n<!-- notequiz-disable empty-answer")), (std::vector<std::string>{}));
}
