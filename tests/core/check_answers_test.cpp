// empty-answer and duplicate-question inside one note.
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckEmptyAnswer, FiresOnAQuestionWithNothingUnderIt) {
  const auto r = check("##### Q1\n\n##### Q2\n\nA\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"empty-answer@1"}));
  EXPECT_EQ(r.diagnostics[0].message, "question \"Q1\" has no answer");
  EXPECT_EQ(r.diagnostics[0].severity, severity::error);
  EXPECT_EQ(r.diagnostics[0].column, 1u);
}

TEST(CheckEmptyAnswer, FiresOnAnEmptyFence) {
  const auto r = check("##### Q\n\n```go\n\n\n```\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"empty-answer@1"}));
  EXPECT_EQ(r.diagnostics[0].message, "question \"Q\" has only an empty code block for an answer");
}

TEST(CheckEmptyAnswer, FiresOnPlaceholdersInEnglishAndChinese) {
  for (const std::string answer : {"TODO", "tbd.", "- TODO: explain GC", "**待补充**", "（待完善）", "...", "…", "FIXME!"}) {
    const auto r = check("##### Q\n\n" + answer + "\n");
    ASSERT_EQ(found(r), (std::vector<std::string>{"empty-answer@1"})) << answer;
    EXPECT_NE(r.diagnostics[0].message.find("only a placeholder"), std::string::npos) << answer;
  }
}

TEST(CheckEmptyAnswer, FindsPlaceholdersWithinAnyDecorationAndAfterLongColonPrefixes) {
  for (const std::string answer : {"- > **_TODO_**:", "1. 【未完待续】。", "`???`", "tba：也许以后再写这一段很长很长的说明", "*wip: later, much later*",
                                   "xxx: and a very long explanation that goes on for more than forty bytes of text"}) {
    const auto r = check("##### Q\n\n" + answer + "\n");
    ASSERT_EQ(found(r), (std::vector<std::string>{"empty-answer@1"})) << answer;
  }
  for (const std::string answer : {"TODOs are kept in a list", "todo list", "xxxx", "未完待续。还有很多", "?!?", "....."}) {
    EXPECT_TRUE(check("##### Q\n\n" + answer + "\n").diagnostics.empty()) << answer;
  }
}

TEST(CheckEmptyAnswer, StaysQuietOnShortRealAnswers) {
  for (const std::string answer : {"无", "No.", "Todo lists are kept in a slice.", "`nil`", "```\nx\n```"}) {
    EXPECT_TRUE(check("##### Q\n\n" + answer + "\n").diagnostics.empty()) << answer;
  }
}

TEST(CheckEmptyAnswer, IgnoresCommentsAroundNothing) {
  EXPECT_EQ(found(check("##### Q\n\n<!-- later -->\n\n##### R\n\nA\n")), (std::vector<std::string>{"empty-answer@1"}));
}

TEST(CheckEmptyAnswer, LeavesChoiceQuestionsToTheChoiceRules) {
  EXPECT_TRUE(check("### Pick\n\n- [x] a\n- [ ] b\n").diagnostics.empty());
}

TEST(CheckDuplicateQuestion, NamesTheFirstPlaceInTheSameNote) {
  const auto r = check("## What is Go?\n\nA language.\n\n## What is Go\n\nA language by Google.\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"duplicate-question@5"}));
  EXPECT_EQ(r.diagnostics[0].message, "question \"What is Go\" is also asked at line 1");
  EXPECT_EQ(r.diagnostics[0].severity, severity::warning);
}

TEST(CheckDuplicateQuestion, ComparesNormalizedTitles) {
  EXPECT_EQ(found(check("## a   b？\n\nx\n\n## a b\n\ny\n")), (std::vector<std::string>{"duplicate-question@5"}));
  EXPECT_TRUE(check("## a b\n\nx\n\n## a c\n\ny\n").diagnostics.empty());
}
