// lazy_content: a card rendered from its own lines when it is first asked for has the content
// a parse of the whole notes gives it, and the deck before that has the same summary.
#include "lazy_content.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "notequiz/deck_json.hpp"
#include "test_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;
using namespace std::string_literals;

namespace {

parse_options at_level(int question_level) {
  parse_options options;
  options.source_path = "notes.md";
  options.question_level = question_level;
  return options;
}

// Opens `markdown` lazily and checks it against a whole parse: the summary and diagnostics
// before any card is filled, then every card, filled last to first. Returns lazy() at the end
// (false when the notes were parsed whole from the start or once a card did not check out).
bool lazy_matches_whole(const std::string& markdown, const parse_options& options, const std::string& name) {
  const parse_result whole = parse_notes(markdown, options);
  detail::lazy_content content;
  parse_result lazy = content.open(markdown, options);
  EXPECT_EQ(deck_summary_json(lazy.deck), deck_summary_json(whole.deck)) << name;
  EXPECT_EQ(diagnostics_json(lazy), diagnostics_json(whole)) << name;
  if (lazy.deck.cards.size() != whole.deck.cards.size()) return false;
  for (std::size_t i = lazy.deck.cards.size(); i-- > 0;) {
    content.fill(lazy.deck, i);
    EXPECT_EQ(to_json(lazy.deck.cards[i]), to_json(whole.deck.cards[i])) << name << ", card " << i;
  }
  return content.lazy();
}

// Every markdown file in the repository (the build trees and node_modules left out).
std::vector<std::filesystem::path> repository_notes() {
  namespace fs = std::filesystem;
  std::vector<fs::path> found;
  const fs::path root(NOTEQUIZ_SOURCE_DIR);
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name == "build" || name == "node_modules" || name.front() == '.')) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file() && it->path().extension() == ".md") {
      found.push_back(fs::relative(it->path(), root));
    }
  }
  return found;
}

}  // namespace

TEST(LazyContent, GivesEveryCardOfEveryNoteInTheRepositoryWhatAWholeParseGives) {
  const auto notes = repository_notes();
  ASSERT_GT(notes.size(), 40u);
  std::size_t cards = 0, card_by_card = 0;
  for (const auto& path : notes) {
    const std::string markdown = read_source_file(path.generic_string());
    for (const int level : {0, 1, 2, 3}) {
      const bool stays_lazy = lazy_matches_whole(markdown, at_level(level), path.generic_string());
      // Rendered card by card, unless the note has a `]:` (the docs that describe this do) or
      // a question heading without text.
      const parse_result whole = parse_notes(markdown, at_level(level));
      const bool empty_title = std::any_of(whole.diagnostics.begin(), whole.diagnostics.end(),
                                           [](const diagnostic& d) { return d.rule == "empty-title"; });
      EXPECT_TRUE(stays_lazy || empty_title || markdown.find("]:") != std::string::npos)
          << path << " at question level " << level;
      card_by_card += stays_lazy && level == 0 ? 1 : 0;
    }
    cards += parse_notes(markdown).deck.cards.size();
  }
  EXPECT_GT(cards, 200u);
  EXPECT_GT(card_by_card, 40u);
}

TEST(LazyContent, AgreesWithTheWholeParseOnRandomNotesOfAwkwardLines) {
  // Lines that open, close or continue blocks in ways md4c and the line scanner may read
  // differently, shuffled into short notes (the same ones every run).
  const std::vector<std::string> lines = {
      "# H1", "## H2", "### H3", "#### H4", "#", "## ", "Title", "===", "---", "- - -", "***", "", "", "", "- item",
      "- [x] yes", "- [ ] no", "1. one", "2) two", "  - nested", "    indented", "  cont", "> quote", "> ## qh", ">",
      "```", "```go", "~~~", "````", "<div>", "</div>", "<!-- c -->", "<!-- notequiz -->", "<!-- notequiz: skip -->",
      "<!--", "-->", "<pre>", "</pre>", "<?x", "?>", "<![CDATA[", "]]>", "| a | b |", "| - | - |", "a | b", "text *em",
      "em* **str", "`code", "code`", "[link](u)", "![img](i.png)", "![](x)", "www.example.com", "a\\", "foo  ",
      "&amp; &#65;", "- ```", "  ```", "   ## indented h", "\t## tab", "- # list h", "# Q {#pin}", "x <!-- y",
      "\xEF\xBB\xBF" "b", "\xC3(", "+ plus", "    - code?"};
  std::mt19937 random(5);
  int lazy = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string notes;
    const bool crlf = random() % 10 == 0;
    const std::size_t count = 1 + random() % 30;
    for (std::size_t i = 0; i < count; ++i) notes += lines[random() % lines.size()] + (crlf ? "\r\n" : "\n");
    for (const int level : {0, 2}) lazy += lazy_matches_whole(notes, at_level(level), notes) ? 1 : 0;
  }
  EXPECT_GT(lazy, 4000);  // most are rendered card by card
}

TEST(LazyContent, RendersSetextHeadingsOfOneAndSeveralLines) {
  EXPECT_TRUE(lazy_matches_whole("Intro\n\nFirst *question*\n===\n\nAnswer one.\n\nSecond\nquestion\n---\nAnswer two.\n"
                                 "## Third\n\n- a\n- b\nFourth\n-----\n\n> quote\n",
                                 at_level(0), "setext"));
  EXPECT_TRUE(lazy_matches_whole("# A\n\ntext\n\nB `code`\nwith more\n=========\n\n    indented\nC\n===\n", at_level(1),
                                 "setext at level 1"));
}

TEST(LazyContent, StartsASetextCardAtTheTopLevelAtxHeadingBeforeIt) {
  // Read from its own first line on, each of these setext headings would be something else: an
  // image without alt text has no title text (its line is the next one's), and "```go" after a
  // list item's fence is paragraph text in the notes but a fence at the start of a document.
  EXPECT_TRUE(lazy_matches_whole("# Q\n\nA\n\n![](x)\n    indented\n-\ntext\n# R\n", at_level(0), "image first"));
  EXPECT_TRUE(lazy_matches_whole(">\r\n- ```\r\n```go\r\n-\r\n  - nested\r\n## H2\r\n", at_level(2), "fence first"));
  EXPECT_TRUE(lazy_matches_whole("Intro\n\nFirst\n===\n\nOne\n\nSecond\n===\n\nTwo\n", at_level(0), "from the body's start"));
}

TEST(LazyContent, KeepsCrlfLineEndingsAndTheirAnswerMarkdown) {
  EXPECT_TRUE(lazy_matches_whole("# Q1\r\n\r\nA *b*\r\nc\r\n\r\n# Q2\r\n```\r\ncode\r\n```\r\nQ3\r\n==\r\nd\r\n", at_level(0),
                                 "crlf"));
}

TEST(LazyContent, ParsesNotesWithALoneCarriageReturnWhole) {
  // md4c ends a line at a lone \r; the lines a card is cut into do not.
  EXPECT_FALSE(lazy_matches_whole("```\ncode\n```\r## Q\nA\n## R\rB\n", at_level(0), "lone CR"));
}

TEST(LazyContent, ReadsPastABomButParsesNotesWithASecondOneWhole) {
  EXPECT_TRUE(lazy_matches_whole("\xEF\xBB\xBF# Q\n\nA\n# R\nB\n", at_level(0), "BOM"));
  EXPECT_FALSE(lazy_matches_whole("\xEF\xBB\xBF\xEF\xBB\xBFQ\n===\nA\n# R\nB\n", at_level(0), "two BOMs"));
}

TEST(LazyContent, TakesTheQuestionLevelFromFrontMatter) {
  const std::string notes =
      "---\ntitle: T\nquestion-level: 3\n---\n# Part\n\n### Q1\n\nA\n\n#### Detail\n\nmore\n\n##### Deeper\n\nx\n\n"
      "## Chapter\n\n### Q2\n\n- [x] yes\n- [ ] no\n\nWhy\n\n#### Why not\n\nbecause\n\n#### Orphan? no: part of Q2\n";
  EXPECT_TRUE(lazy_matches_whole(notes, at_level(0), "front matter question-level"));
  EXPECT_TRUE(lazy_matches_whole("---\nquestion-level: 2\n---\n#### Orphan\n\n##### Part\n\ntext\n\n#### Next\n", at_level(0),
                                 "deeper heading without a question above it"));
}

TEST(LazyContent, ParsesNotesWithALinkReferenceDefinitionWhole) {
  const std::string notes = "# Q1\n\nSee [the spec][spec].\n\n# Q2\n\n[spec]: https://example.org/spec\n";
  EXPECT_FALSE(lazy_matches_whole(notes, at_level(0), "reference definition"));
  // A `]:` that defines nothing is enough to parse the notes whole: the test is conservative.
  EXPECT_FALSE(lazy_matches_whole("# Q\n\n`a]:b`\n", at_level(0), "]: in code"));
}

TEST(LazyContent, ReplacesNulBytesAndInvalidUtf8AsAWholeParseDoes) {
  EXPECT_TRUE(lazy_matches_whole("# Q\0one\n\nA \xff\xfe b\0\n\n# \xc3\n\n\xe2\x82 c\n"s, at_level(0), "NUL and invalid UTF-8"));
}

TEST(LazyContent, KeepsDeeperHeadingsInAnswers) {
  const std::string notes = "# Part\n\n## Q\n\nA\n\n### Sub\n\ntext\n\n#### Subsub\n\n## R\n\n### only a part\n";
  EXPECT_TRUE(lazy_matches_whole(notes, at_level(2), "parts at level 2"));
  EXPECT_TRUE(lazy_matches_whole(notes, at_level(0), "sections at level 0"));
  EXPECT_TRUE(lazy_matches_whole("- ## in a list\n\n> # in a quote\n\n# Q\n\n- ## not a card\n> ### nor this\n\n# R\n",
                                 at_level(0), "headings inside containers"));
}

TEST(LazyContent, SplitsChoiceQuestionsIntoPromptOptionsAndExplanation) {
  const std::string notes =
      "## Pick *one*\n\nWhich holds?\n\n- [x] **this**\n- [ ] that\n\nBecause.\n\n## Pick two {#two}\n\n- [x] a\n  more\n- [X] b\n"
      "- [ ] c\n\n- [x] a second list\n\n```\nexplained\n```\n";
  EXPECT_TRUE(lazy_matches_whole(notes, at_level(0), "choices"));
}

TEST(LazyContent, LeavesEmptyAnswersEmpty) {
  EXPECT_TRUE(lazy_matches_whole("# Q1\n# Q2\n\n\n# Q3\n<!-- notequiz: skip -->\n# Q4\n\n# Q5", at_level(0), "empty answers"));
}

TEST(LazyContent, RunsAnUnclosedFenceToTheEndOfTheNotes) {
  EXPECT_TRUE(lazy_matches_whole("# Q1\n\nA\n\n# Q2\n\n```go\ncode\n# not a heading\n<!-- notequiz -->\n\n", at_level(0),
                                 "unclosed fence"));
  EXPECT_TRUE(lazy_matches_whole("# Q1\n\n    code\n    <!-- notequiz -->\n\n# Q2\n\n- ```\n  code\n\n# Q3\n~~~", at_level(0),
                                 "indented code, a fence closed by its list"));
}

TEST(LazyContent, SkipsWhatTheWholeParseSkips) {
  const std::string notes =
      "# Q1\n\nA\n\n<!-- notequiz: skip -->\n# Skipped\n\nB\n\n## Its part\n\n# Section\n\n## Q2\n\nC\n\n<!-- notequiz: skip -->\n"
      "# Skipped section\n\n## Q3\n\n# Q4\n\nD\n";
  EXPECT_TRUE(lazy_matches_whole(notes, at_level(0), "skipped, level 0"));
  EXPECT_TRUE(lazy_matches_whole(notes, at_level(1), "skipped, level 1"));
}

TEST(LazyContent, RendersTheCardOfAnEmptyQuestionHeadingWithTheWholeNotes) {
  // An empty heading's line is a guess (the line scanner's), not md4c's word.
  EXPECT_FALSE(lazy_matches_whole("# Q\n\nA\n\n#\n\nB\n\n# R\n", at_level(0), "empty heading"));
}

TEST(LazyContent, ReadsSkipDirectivesAsTheWholeParseDoesAfterAFenceOnlyTheLineScannerSees) {
  // The line scanner takes the `~~~` in the HTML block for an unclosed fence, so to it the
  // blank lines after the directive are fence lines and the card below is not skipped. A run
  // that started at `## indented h` would read them as blank; it starts where the line scanner
  // agrees that nothing is open, at the start of the notes.
  const std::string notes =
      "<pre>\n~~~\n</pre>\n\n   ## indented h\n<!-- notequiz: skip -->\n\n\n`code\n-\n## Q\n";
  EXPECT_TRUE(lazy_matches_whole(notes, at_level(0), "skip after a fence only the scanner sees"));
  EXPECT_EQ(parse_notes(notes).deck.cards.size(), 3u);
}

TEST(LazyContent, RendersEachCardOnceAndLeavesTheOthersAlone) {
  const std::string notes = "# Q1\n\nA\n\n# Q2\n\nB\n";
  detail::lazy_content content;
  parse_result lazy = content.open(notes, at_level(0));
  ASSERT_TRUE(content.lazy());
  ASSERT_EQ(lazy.deck.cards.size(), 2u);
  EXPECT_FALSE(lazy.deck.cards[0].title_html.empty());
  EXPECT_TRUE(lazy.deck.cards[0].answer_html.empty());
  content.fill(lazy.deck, 1);
  EXPECT_EQ(lazy.deck.cards[1].answer_html, "<p>B</p>\n");
  EXPECT_EQ(lazy.deck.cards[1].answer_markdown, "B");
  EXPECT_TRUE(lazy.deck.cards[0].answer_html.empty());
  lazy.deck.cards[1].answer_html = "kept";
  content.fill(lazy.deck, 1);  // filled already: not rendered again
  EXPECT_EQ(lazy.deck.cards[1].answer_html, "kept");
  content.fill(lazy.deck, 7);  // no such card: nothing happens
}
