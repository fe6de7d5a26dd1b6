// unclosed-fence and fence-language, including the threshold between prose and code.
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckUnclosedFence, ReportsTheOpeningLineAndNamesTheSwallowedHeadings) {
  const auto r = check("## Q1\n\n  ```go\nx := 1\n\n## Q2\n\nA\n\n## Q3\n\nB\n");
  ASSERT_EQ(found_of(r, "unclosed-fence"), (std::vector<std::string>{"unclosed-fence@3"}));
  const diagnostic* d = first_of(r, "unclosed-fence");
  EXPECT_EQ(d->column, 3u);
  EXPECT_EQ(d->message, "code fence is never closed: it runs to the end of the file and swallows 2 headings: \"Q2\", \"Q3\"");
}

TEST(CheckUnclosedFence, CountsHeadingsBeyondTheThirdWithoutNamingThem) {
  std::string notes = "## Q\n\n~~~\n";
  for (int i = 1; i <= 5; ++i) notes += "## H" + std::to_string(i) + "\n";
  const auto r = check(notes);
  const diagnostic* d = first_of(r, "unclosed-fence");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "code fence is never closed: it runs to the end of the file and swallows 5 headings: \"H1\", \"H2\", \"H3\" and 2 more");
}

TEST(CheckUnclosedFence, StaysQuietWhenALongerFenceClosesIt) {
  EXPECT_TRUE(check("## Q\n\n````\n```\n## not a heading\n`````\n").diagnostics.empty());
}

TEST(CheckFenceLanguage, FiresOnChineseProseInAGoFenceAndPointsAtTheLabel) {
  const auto r = check("##### Q\n\n```go\n值类型直接存储值\n引用类型存储地址\n```\n");
  ASSERT_EQ(found(r), (std::vector<std::string>{"fence-language@3"}));
  EXPECT_EQ(r.diagnostics[0].column, 4u);
  EXPECT_EQ(r.diagnostics[0].severity, severity::warning);
  EXPECT_EQ(r.diagnostics[0].message, "`go` fence holds prose, not code (2 of 2 lines); label it `text`");
  ASSERT_EQ(r.fixes.size(), 1u);
  EXPECT_EQ(r.fixes[0].offset, 12u);
  EXPECT_EQ(r.fixes[0].length, 2u);
  EXPECT_EQ(r.fixes[0].replacement, "text");
}

TEST(CheckFenceLanguage, FiresOnEnglishSentencesInAPythonFence) {
  const auto r = check("## Q\n\n```python\nThis function returns the sum of the list.\nIt never raises on an empty list.\n```\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"fence-language@3"}));
}

TEST(CheckFenceLanguage, FiresOnALinkListInAGoFence) {
  const auto r = check("## Links\n\n```go\n社区实践\nhttps://example.com/a\n规范设计\nhttps://example.com/b\n```\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"fence-language@3"}));
}

TEST(CheckFenceLanguage, FiresAtThreeProseLinesInFour) {
  const auto r = check("## Q\n\n```go\nx := 1\n第一行说明\n第二行说明\n第三行说明\n```\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"fence-language@3"}));
}

TEST(CheckFenceLanguage, StaysQuietAtTwoProseLinesInThree) {
  EXPECT_TRUE(check("## Q\n\n```go\nx := 1\n第一行说明\n第二行说明\n```\n").diagnostics.empty());
}

TEST(CheckFenceLanguage, StaysQuietOnCodeWithChineseCommentsAndStrings) {
  const auto r = check("## Q\n\n```go\n// 说明\nfmt.Println(\"你好，世界\") // 打印\nx := `多行\n字符串`\n# 注释\n```\n");
  EXPECT_TRUE(r.diagnostics.empty()) << found(r).size();
}

TEST(CheckFenceLanguage, CountsChineseAfterStringsAsProseButNotInAnUnclosedStringOrATrailingComment) {
  const std::string prose = "fmt.Println(\"你好\") 世界\n\"引号\" 然后中文\n`反引号` 中文\nx := 1\n";
  EXPECT_EQ(found(check("## Q\n\n```go\n" + prose + "```\n")), (std::vector<std::string>{"fence-language@3"}));
  const std::string code = "s := \"未闭合 中文\nx := 1 // 中文\ny := 2\t# 中文\nz := `反引号 中文` // 注释\n";
  EXPECT_TRUE(check("## Q\n\n```go\n" + code + "```\n").diagnostics.empty());
}

TEST(CheckFenceLanguage, StaysQuietOnTheBundledSliceAnswerAStructWithItsExplanation) {
  const std::string deck = read_source_file("content/go-interview.md");
  const auto r = check(deck, "content/go-interview.md");
  EXPECT_TRUE(found_of(r, "fence-language").empty());
  const std::string seed = read_source_file("tests/fixtures/go-interview-notes.md");
  const auto at = seed.find("##### slice");
  ASSERT_NE(at, std::string::npos);
  const auto slice = seed.substr(at, seed.find("##### MPG \n") - at);
  EXPECT_TRUE(found_of(check(slice), "fence-language").empty()) << slice;
}

TEST(CheckFenceLanguage, LeavesUnlabelledTextAndDataFencesAlone) {
  for (const std::string label : {"", "text", "json", "yaml", "markdown", "html"}) {
    EXPECT_TRUE(check("## Q\n\n```" + label + "\n这是一段说明文字\n```\n").diagnostics.empty()) << label;
  }
}

TEST(CheckFenceLanguage, KnowsLanguagesInAnyCaseAndWithAttributes) {
  EXPECT_EQ(found(check("## Q\n\n```Go {title=x}\n这是一段说明文字\n```\n")), (std::vector<std::string>{"fence-language@3"}));
}

TEST(CheckFenceLanguage, JudgesEachFenceByItsOwnLabelWhenLabelsRepeatAndChange) {
  const std::string prose = "\n值类型直接存储值\n引用类型存储地址\n```\n\n";
  const auto r = check("## Q\n\n```go" + prose + "```go" + prose + "```text" + prose + "```Go" + prose + "```yaml" + prose +
                       "```go" + prose);
  EXPECT_EQ(found(r), (std::vector<std::string>{"fence-language@3", "fence-language@8", "fence-language@18",
                                                "fence-language@28"}));
}
