// heading-syntax (with its fixes) and heading-level.
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckHeadingSyntax, FiresOnHashesWithoutASpaceAndFixesByInsertingOne) {
  const std::string notes = "##### Q1\n\nA\n\n#####Q2\n\nB\n";
  const auto r = check(notes);
  ASSERT_EQ(found(r), (std::vector<std::string>{"heading-syntax@5"}));
  EXPECT_EQ(r.diagnostics[0].message, "`#####Q2` is not a heading: put a space after the #'s");
  EXPECT_EQ(apply_fixes(notes, r.fixes), "##### Q1\n\nA\n\n##### Q2\n\nB\n");
}

TEST(CheckHeadingSyntax, FiresOnAnIndentedQuestionAndFixesByRemovingTheIndent) {
  const std::string notes = "##### Q1\n\nA\n\n    ##### Q2\n\nB\n";
  const auto r = check(notes);
  ASSERT_EQ(found(r), (std::vector<std::string>{"heading-syntax@5"}));
  EXPECT_EQ(r.diagnostics[0].column, 5u);
  EXPECT_EQ(apply_fixes(notes, r.fixes), "##### Q1\n\nA\n\n##### Q2\n\nB\n");
}

TEST(CheckHeadingSyntax, FixesALineThatIsBothIndentedAndMissingItsSpace) {
  const std::string notes = "##### Q1\n\nA\n\n\t#####Q2\n";
  const auto r = check(notes);
  ASSERT_EQ(found(r), (std::vector<std::string>{"heading-syntax@5"}));
  EXPECT_EQ(apply_fixes(notes, r.fixes), "##### Q1\n\nA\n\n##### Q2\n");
}

TEST(CheckHeadingSyntax, LeavesTagsCodeAndOtherIndentedLevelsAlone) {
  EXPECT_TRUE(check("##### Q\n\n#tag and #another\n\n```\n#####x\n```\n\n    ## code comment\n").diagnostics.empty());
}

TEST(CheckHeadingLevel, FiresOnAJumpOfTwoLevels) {
  const auto r = check("# Deck\n\n### Q\n\nA\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"heading-level@3"}));
  EXPECT_EQ(r.diagnostics[0].message, "heading level jumps from h1 to h3 (go one level deeper at a time)");
}

TEST(CheckHeadingLevel, FiresOnSiblingQuestionsAtDifferentLevels) {
  const auto r = check("### Q1\n\nA\n\n## Q2\n\nB\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"heading-level@5"}));
  EXPECT_EQ(r.diagnostics[0].message, "question \"Q2\" is an h2 but \"Q1\" (line 1) in the same section is an h3");
}

TEST(CheckHeadingLevel, AcceptsAnyFirstLevelAndSetextHeadings) {
  EXPECT_TRUE(check("##### Q1\n\nA\n\n##### Q2\n\nB\n").diagnostics.empty());
  EXPECT_TRUE(check("Deck\n====\n\nSection\n-------\n\n### Q\n\nA\n").diagnostics.empty());
}
