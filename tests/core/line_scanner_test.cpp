// The line scanner (core/src/line_scanner.cpp) finds fences and ATX headings as CommonMark
// defines them outside containers, whether a line is told apart by its first byte or read in
// full (indented lines, fence markers, blank lines).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "line_scanner.hpp"

using notequiz::detail::line_kind;
using notequiz::detail::line_scanner;

namespace {

std::vector<line_kind> kinds(const line_scanner& s) {
  std::vector<line_kind> out;
  for (std::uint32_t n = 1; n <= s.line_count(); ++n) out.push_back(s.at(n).kind);
  return out;
}

}  // namespace

TEST(LineScanner, TellsTextBlankHeadingAndFenceLinesApart) {
  const std::string text = "# A\n\ntext\n```go run\ncode\n\n# not a heading\n``` \n  ## B\n#hashtag\n";
  const line_scanner s(text);
  using k = line_kind;
  EXPECT_EQ(kinds(s), (std::vector<line_kind>{k::atx_heading, k::blank, k::text, k::fence_open, k::fence_content,
                                               k::fence_content, k::fence_content, k::fence_close, k::atx_heading, k::text}));
  EXPECT_EQ(s.at(1).heading_level, 1);
  EXPECT_EQ(s.at(9).heading_level, 2);
  EXPECT_EQ(s.at(9).indent, 2u);
  EXPECT_EQ(s.atx_heading_lines(), (std::vector<std::uint32_t>{1, 9}));
  ASSERT_EQ(s.fences().size(), 1u);
  EXPECT_EQ(s.fences()[0].info, "go run");
  EXPECT_EQ(s.fences()[0].open_line, 4u);
  EXPECT_EQ(s.fences()[0].close_line, 8u);
}

TEST(LineScanner, ScansTheSameWithTheMemoryOfAnEarlierScanner) {
  const std::string longer = "# A\n\n```go\nx\n```\n\n## B\n\n~~~\ny\n~~~\n\n### C\n\ntext\n";
  const std::string shorter = "```sql\nselect 1\n\n# D\n";  // its fence is never closed
  line_scanner first(longer);
  const line_scanner fresh(shorter);
  const line_scanner reusing(notequiz::detail::line_table(shorter), first.take_memory());
  EXPECT_EQ(first.line_count(), 0u);  // what it held is the new scanner's now
  EXPECT_EQ(kinds(reusing), kinds(fresh));
  EXPECT_EQ(reusing.atx_heading_lines(), fresh.atx_heading_lines());
  ASSERT_EQ(reusing.fences().size(), 1u);
  EXPECT_EQ(reusing.fences()[0].info, "sql");
  EXPECT_EQ(reusing.fences()[0].close_line, 0u);
  for (std::uint32_t n = 1; n <= fresh.line_count(); ++n) EXPECT_EQ(reusing.at(n).indent, fresh.at(n).indent);
}

TEST(LineScanner, ClosesAFenceOnlyWithItsMarkerAsLongOrLonger) {
  const std::string text = "````\n```\n`x`\n~~~~\n   ````\n~~~\n";
  const line_scanner s(text);
  using k = line_kind;
  EXPECT_EQ(kinds(s), (std::vector<line_kind>{k::fence_open, k::fence_content, k::fence_content, k::fence_content,
                                               k::fence_close, k::fence_open}));
  EXPECT_EQ(s.fences()[0].close_line, 5u);
  EXPECT_EQ(s.fences()[1].close_line, 0u) << "never closed: runs to the end";
}

TEST(LineScanner, ReadsIndentedLinesInFull) {
  const std::string text = "   # three\n    # four\n\t# tab\n \n  ```\n  x\n    ```\n  ```\n";
  const line_scanner s(text);
  using k = line_kind;
  EXPECT_EQ(kinds(s), (std::vector<line_kind>{k::atx_heading, k::text, k::text, k::blank, k::fence_open,
                                               k::fence_content, k::fence_content, k::fence_close}));
  EXPECT_EQ(s.at(3).indent, 4u);
}

TEST(LineScanner, TakesCarriageReturnLineEndings) {
  const std::string text = "# A\r\n\r\n```\r\n\r\nx\r\n```\r\n";
  const line_scanner s(text);
  using k = line_kind;
  EXPECT_EQ(kinds(s), (std::vector<line_kind>{k::atx_heading, k::blank, k::fence_open, k::fence_content, k::fence_content,
                                               k::fence_close}));
}

TEST(LineScanner, KeepsFrontMatterApart) {
  const std::string text = "---\ntitle: T\n---\n# A\n";
  const line_scanner s(text);
  using k = line_kind;
  EXPECT_EQ(kinds(s), (std::vector<line_kind>{k::front_matter, k::front_matter, k::front_matter, k::atx_heading}));
  EXPECT_EQ(s.front_matter().last_line, 3u);
}
