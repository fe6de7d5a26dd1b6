// missing-image, broken-link and unsafe-url: what the cards point at.
#include <gtest/gtest.h>

#include <set>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {
// A file system with exactly these paths.
file_exists_fn only(std::set<std::string> paths) {
  return [paths](const std::string& p) { return paths.count(p) > 0; };
}
}  // namespace

TEST(CheckMissingImage, ResolvesAgainstTheNotesFolderAndNamesThePathItLookedFor) {
  const auto r = check("## Q\n\n![a](./img/a.png) ![b](img/b%20c.png) ![c](../shared/c.png)\n", "notes/go.md", nullptr,
                       only({"notes/img/a.png", "notes/img/b c.png"}));
  ASSERT_EQ(found(r), (std::vector<std::string>{"missing-image@3"}));
  EXPECT_EQ(r.diagnostics[0].message, "image `../shared/c.png` not found (looked for shared/c.png)");
  EXPECT_EQ(r.diagnostics[0].column, 44u);
}

TEST(CheckMissingImage, NeverLooksForRemoteOrDataImages) {
  const auto r = check("## Q\n\n![a](https://example.com/a.png) ![b](data:image/png;base64,AAAA) ![c](//cdn/x.png)\n", "n.md",
                       nullptr, only({}));
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(CheckMissingImage, IsSkippedWithoutAFileSystem) {
  EXPECT_TRUE(check("## Q\n\n![a](./nowhere.png)\n").diagnostics.empty());
}

TEST(CheckBrokenLink, FiresOnAMissingFileAndIgnoresQueriesAndRemoteLinks) {
  const auto r = check("## Q\n\n[a](other.md) [b](there.md?x=1) [c](https://example.com/none.md) [d](mailto:a@b.c)\n", "n.md",
                       nullptr, only({"there.md"}));
  ASSERT_EQ(found(r), (std::vector<std::string>{"broken-link@3"}));
  EXPECT_EQ(r.diagnostics[0].message, "link target `other.md` not found (looked for other.md)");
}

TEST(CheckBrokenLink, ChecksFragmentsIntoTheSameNoteAgainstGithubAnchors) {
  const std::string notes =
      "## What is Go?\n\nSee [x](#what-is-go) [y](#nowhere) [z](n.md#a-b--c) [w](#%E9%97%AD%E5%8C%85)\n\n## A b & c\n\nx\n\n## 闭包\n\ny\n";
  const auto r = check(notes, "n.md");
  ASSERT_EQ(found(r), (std::vector<std::string>{"broken-link@3"}));
  EXPECT_EQ(r.diagnostics[0].message, "no heading in this note has the anchor `#nowhere`");
}

TEST(CheckBrokenLink, NumbersRepeatedHeadingsAndAcceptsPinnedIds) {
  const std::string notes = "## Q\n\n[a](#q-1) [b](#q-2) [c](#mine)\n\n## Q\n\nx\n\n## R {#mine}\n\ny\n";
  const auto r = check(notes);
  EXPECT_EQ(found(r), (std::vector<std::string>{"broken-link@3", "duplicate-question@5"}));
  EXPECT_NE(first_of(r, "broken-link")->message.find("#q-2"), std::string::npos);
}

TEST(CheckUnsafeUrl, FiresOnScriptUrlsAndDataLinksButNotDataImages) {
  const auto r = check("## Q\n\n[a](javascript:alert(1)) [b](VBScript:x) [c](data:text/html,x) ![d](data:image/png;base64,AA)\n");
  EXPECT_EQ(found(r), (std::vector<std::string>{"unsafe-url@3", "unsafe-url@3", "unsafe-url@3"}));
  EXPECT_EQ(r.diagnostics[0].message,
            "link URL `javascript:alert(1)` uses `javascript:`, which the quiz drops; only http(s), mailto, tel, ftp, relative URLs are kept");
}
