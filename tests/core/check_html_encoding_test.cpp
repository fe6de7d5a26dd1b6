// raw-html, choices, encoding and the parser's own findings under the checker's rules.
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckRawHtml, FiresOncePerBlockOnRealElementsAndExplainsWhy) {
  const auto r = check("## Q\n\n<details>\n<summary>x</summary>\n</details>\n\nA <br> b\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"raw-html@3", "raw-html@7"}));
  EXPECT_EQ(r.diagnostics[0].message,
            "raw HTML `<details>` is shown as text, not rendered: notequiz escapes HTML so quizzes are safe to embed in "
            "other pages; use markdown instead");
  EXPECT_EQ(r.diagnostics[1].column, 3u);
}

TEST(CheckRawHtml, LeavesCodeCommentsAutolinksAndGenericsAlone) {
  const std::string notes =
      "## Q\n\n`<b>` and ``a `<i>` b`` and <https://go.dev> and Vec<T> and List<int>\n\n<!--\n<b>hidden</b>\n-->\n\n"
      "```html\n<div></div>\n```\n\n    <p>indented code</p>\n\n\\<b> escaped\n";
  EXPECT_TRUE(check(notes).diagnostics.empty()) << found(check(notes)).size();
}

TEST(CheckRawHtml, StartsABlockAfterEveryBlankLineEvenFarFromAnyTag) {
  const auto r = check("## Q\n\n<b>x</b>\nplain\n<i>same block</i>\n\nplain\nmore\n\n\nstill plain\n<i>new block</i>\n\n```\n<b>code\n```\n"
                       "<!-- a comment\n\n<b>inside</b>\n--> <kbd>after</kbd>\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"raw-html@3", "raw-html@12", "raw-html@20"}));
  EXPECT_EQ(r.diagnostics[2].column, 5u);
}

TEST(CheckChoices, FireOnNoCheckedOptionAndOnASingleOption) {
  EXPECT_EQ(found(check("### Q\n\n- [ ] a\n- [ ] b\n")), (std::vector<std::string>{"choice-no-correct@1"}));
  const auto one = check("### Q\n\n- [x] a\n");
  EXPECT_EQ(found(one), (std::vector<std::string>{"choice-one-option@1"}));
  EXPECT_EQ(one.diagnostics[0].severity, severity::warning);
}

TEST(CheckEncoding, ReportsInvalidUtf8AndNulBytesAsErrorsWithLineAndColumn) {
  const auto r = check(std::string("## Q\n\nok\nbad \xC3\x28 x\0y\n", 21));
  ASSERT_EQ(found(r), (std::vector<std::string>{"encoding@4", "encoding@4"}));
  EXPECT_EQ(r.diagnostics[0].column, 5u);
  EXPECT_EQ(r.diagnostics[0].severity, severity::error);
  EXPECT_NE(r.diagnostics[1].message.find("NUL"), std::string::npos);
  EXPECT_TRUE(r.fixes.empty());
}

TEST(CheckEncoding, WarnsAboutAByteOrderMark) {
  const auto r = check("\xEF\xBB\xBF## Q\n\nA\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"encoding@1"}));
  EXPECT_EQ(r.diagnostics[0].severity, severity::warning);
}

TEST(CheckEncoding, WarnsAboutMixedLineEndingsAtTheFirstOddOne) {
  const auto r = check("## Q\r\n\r\nA\r\nB\nC\r\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"encoding@4"}));
  EXPECT_EQ(r.diagnostics[0].message, "mixed line endings: 4 lines end with CRLF, 1 with LF; this is the first LF");
  EXPECT_TRUE(check("## Q\r\n\r\nA\r\n").diagnostics.empty());
  EXPECT_TRUE(check("## Q\n\nA\nno carriage return at all\n").diagnostics.empty());
  EXPECT_EQ(found(check("## Q\n\nA\nB\r\n")), (std::vector<std::string>{"encoding@4"}));
  EXPECT_EQ(found(check("## Q\n\nA\rB\n")), (std::vector<std::string>{}));  // a lone CR ends no line
}

TEST(CheckParserRules, KeepTheirNamesAndPositions) {
  const auto r = check("---\ntitle: x\nquestion-level: seven\n---\n\n##\n\nA\n\n## P {#a}\n\nB\n\n## R {#a}\n\nC\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"front-matter@3", "empty-title@6", "duplicate-id@14"}));
  EXPECT_EQ(r.diagnostics[0].severity, severity::warning);
  EXPECT_EQ(r.diagnostics[1].severity, severity::error);
}
