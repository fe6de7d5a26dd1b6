// --fix: only the fixed spans change, every other byte is kept (CRLF included).
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {
std::string with_crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}
}  // namespace

TEST(CheckFix, ChangesOnlyTheFixedSpansOfTheSeedWithCrlfEndings) {
  const std::string seed = with_crlf(read_source_file("tests/fixtures/go-interview-notes.md"));
  const auto r = check(seed);
  ASSERT_EQ(r.fixes.size(), 19u);
  const std::string fixed = apply_fixes(seed, r.fixes);
  // Walking both texts span by span: outside the fixes, the bytes are identical.
  std::size_t in = 0, out = 0;
  for (const auto& f : r.fixes) {
    ASSERT_EQ(seed.substr(f.offset, f.length), "go");
    EXPECT_EQ(seed.substr(in, f.offset - in), fixed.substr(out, f.offset - in));
    out += f.offset - in;
    EXPECT_EQ(fixed.substr(out, f.replacement.size()), "text");
    out += f.replacement.size();
    in = f.offset + f.length;
  }
  EXPECT_EQ(seed.substr(in), fixed.substr(out));
  EXPECT_EQ(fixed.size(), seed.size() + 19 * 2);
  EXPECT_TRUE(found_of(check(fixed), "fence-language").empty());
}

TEST(CheckFix, KeepsAByteOrderMarkAndPointsPastIt) {
  const std::string notes = "\xEF\xBB\xBF##### Q\r\n\r\nA\r\n\r\n#####R\r\n\r\nB\r\n";
  const auto r = check(notes);
  ASSERT_EQ(r.fixes.size(), 1u);
  EXPECT_EQ(apply_fixes(notes, r.fixes), "\xEF\xBB\xBF##### Q\r\n\r\nA\r\n\r\n##### R\r\n\r\nB\r\n");
}

TEST(CheckFix, OffersNoFixesForAFileThatIsNotValidUtf8) {
  const auto r = check("## Q\n\n```go\n这是说明文字 \xFF\n```\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"fence-language@3", "encoding@4"}));
  EXPECT_TRUE(r.fixes.empty());
}

TEST(CheckFix, OffersNoFixForAProblemSwitchedOff) {
  const auto r = check("## Q\n\n<!-- notequiz-disable-next-line -->\n```go\n这是说明文字\n```\n");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_TRUE(r.fixes.empty());
}

TEST(CheckFix, BuildsNoEditsWhenTheCallerWillNotApplyThemAndReportsTheSame) {
  const std::string seed = read_source_file("tests/fixtures/go-interview-notes.md");
  check_file_options options;
  options.path = "notes.md";
  const file_report with_fixes = check_file(seed, options);
  options.fixes = false;
  const file_report without = check_file(seed, options);
  EXPECT_EQ(with_fixes.fixes.size(), 19u);
  EXPECT_TRUE(without.fixes.empty());
  EXPECT_EQ(found(without), found(with_fixes));
  ASSERT_EQ(without.diagnostics.size(), with_fixes.diagnostics.size());
  for (std::size_t i = 0; i < without.diagnostics.size(); ++i) {
    EXPECT_EQ(without.diagnostics[i].message, with_fixes.diagnostics[i].message);
    EXPECT_EQ(without.diagnostics[i].column, with_fixes.diagnostics[i].column);
  }
}

TEST(CheckFix, KeepsTheFirstOfTwoFixesOfOneSpan) {
  // Indented and missing its space: the line has two heading-syntax problems, one edit applies.
  const auto r = check("   ##Title\n\nText\n");
  for (std::size_t i = 1; i < r.fixes.size(); ++i) EXPECT_LE(r.fixes[i - 1].offset + r.fixes[i - 1].length, r.fixes[i].offset);
}
