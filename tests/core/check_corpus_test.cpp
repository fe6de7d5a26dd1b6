// Rules across files: duplicate questions, pinned deck ids, fragments of links between notes.
#include <gtest/gtest.h>

#include <map>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckCorpus, ReportsAQuestionAskedInAnEarlierFileWithThatPlace) {
  check_corpus corpus;
  auto a = check("## Q1\n\nA\n\n## What is Go?\n\nB\n", "a.md");
  auto b = check("## What is Go\n\nC\n", "sub/b.md");
  corpus.add(a);
  corpus.add(b);
  EXPECT_TRUE(a.diagnostics.empty());
  ASSERT_EQ(found(b), (std::vector<std::string>{"duplicate-question@1"}));
  EXPECT_EQ(b.diagnostics[0].message, "question \"What is Go\" is also asked in a.md:5");
}

TEST(CheckCorpus, RespectsInlineCommentsAndConfigurationForCrossFileDuplicates) {
  check_corpus corpus;
  auto a = check("## Q\n\nA\n", "a.md");
  auto b = check("<!-- notequiz-disable duplicate-question -->\n## Q\n\nB\n", "b.md");
  const auto config = parse_config(R"({"rules": {"duplicate-question": "error"}})").config;
  auto c = check("## Q\n\nC\n", "c.md", &config);
  corpus.add(a);
  corpus.add(b);
  corpus.add(c);
  EXPECT_TRUE(b.diagnostics.empty());
  ASSERT_EQ(found(c), (std::vector<std::string>{"duplicate-question@1"}));
  EXPECT_EQ(c.diagnostics[0].severity, severity::error);
}

TEST(CheckCorpus, ReportsTwoNotesPinningTheSameDeckId) {
  check_corpus corpus;
  auto a = check("---\nid: go\n---\n## Q1\n\nA\n", "a.md");
  auto b = check("---\ntitle: B\nid: go\n---\n## Q2\n\nB\n", "b.md");
  auto c = check("## Q3\n\nC\n", "go.md");  // derived, not pinned: may share
  corpus.add(a);
  corpus.add(b);
  corpus.add(c);
  ASSERT_EQ(found(b), (std::vector<std::string>{"duplicate-id@3"}));
  EXPECT_EQ(b.diagnostics[0].message, "deck id `go` is also pinned in a.md:2; progress of the two decks would be mixed up");
  EXPECT_TRUE(c.diagnostics.empty());
}

TEST(CheckCorpus, ChecksFragmentsOfLinksBetweenNotesOnceAllAreAdded) {
  const std::map<std::string, std::string> notes = {
      {"a.md", "## Q\n\n[ok](b.md#what-is-go) [bad](b.md#what-is-rust) [out](c/c.md#there) [gone](c/c.md#nope) "
               "[again](b.md#what-is-go) [lost](d.md#x)\n"},
      {"b.md", "## What is Go?\n\nA language.\n"},
      {"c/c.md", "# There\n"},
  };
  check_corpus corpus;
  auto a = check(notes.at("a.md"), "a.md");
  auto b = check(notes.at("b.md"), "b.md");
  corpus.add(a);
  corpus.add(b);
  std::map<std::string, int> reads;
  const auto late = corpus.finish([&](const std::string& path) -> std::optional<std::string> {
    ++reads[path];
    const auto it = notes.find(path);
    if (it == notes.end()) return std::nullopt;
    return it->second;
  });
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0].path, "a.md");
  EXPECT_EQ(late[0].problem.rule, "broken-link");
  EXPECT_EQ(late[0].problem.message, "no heading in b.md has the anchor `#what-is-rust`");
  EXPECT_EQ(late[0].problem.column, 29u);
  EXPECT_EQ(late[1].problem.message, "no heading in c/c.md has the anchor `#nope`");
  // Each linked note is read once, for its headings; a note that cannot be read is not judged.
  EXPECT_EQ(reads, (std::map<std::string, int>{{"b.md", 1}, {"c/c.md", 1}, {"d.md", 1}}));
}

TEST(CheckCorpus, EmptiesTheFactsOfEachFileItAdds) {
  check_corpus corpus;
  auto a = check("## Q\n\n[x](b.md#y)\n", "a.md");
  EXPECT_FALSE(a.facts.questions.empty());
  corpus.add(a);
  EXPECT_TRUE(a.facts.questions.empty());
  EXPECT_TRUE(a.facts.links.empty());
}

TEST(CheckCorpus, FindsEachRepeatAmongThousandsOfQuestions) {
  // Enough questions that the corpus's table of them grows many times over.
  check_corpus corpus;
  for (int file = 0; file < 200; ++file) {
    std::string notes;
    for (int q = 0; q < 20; ++q) notes += "## Question " + std::to_string(file * 20 + q) + "\n\nA\n\n";
    if (file > 0) notes += "## Question " + std::to_string((file - 1) * 20 + file % 20) + "\n\nA\n";  // line 81
    auto report = check(notes, "n" + std::to_string(file) + ".md");
    corpus.add(report);
    if (file == 0) {
      EXPECT_TRUE(report.diagnostics.empty());
      continue;
    }
    ASSERT_EQ(found(report), (std::vector<std::string>{"duplicate-question@81"})) << file;
    EXPECT_EQ(report.diagnostics[0].message, "question \"Question " + std::to_string((file - 1) * 20 + file % 20) +
                                                 "\" is also asked in n" + std::to_string(file - 1) + ".md:" +
                                                 std::to_string(1 + 4 * (file % 20)));
  }
}
