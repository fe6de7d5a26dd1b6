// Anki's import text: header lines, then id, front, back and tags per card.
#include <gtest/gtest.h>

#include "notequiz/export.hpp"
#include "test_support.hpp"

using namespace notequiz;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST(AnkiNotes, StartWithTheHeaderLinesAnkiReads) {
  const deck d = notequiz::testing::parse("---\ntitle: Go::Basics\ntags: [go, interview prep]\n---\n# A?\n\nB.\n", "a.md").deck;
  const auto lines = lines_of(anki_notes(d));
  ASSERT_GE(lines.size(), 7u);
  EXPECT_EQ(std::vector<std::string>(lines.begin(), lines.begin() + 6),
            (std::vector<std::string>{"#separator:tab", "#html:true", "#notetype:Basic", "#deck:Go::Basics",
                                      "#guid column:1", "#tags column:4"}));
}

TEST(AnkiNotes, GiveOneLineAFlashcardWithItsIdFrontBackAndTags) {
  const deck d = notequiz::testing::parse("---\ntags: [go, interview prep]\n---\n# Go notes\n\n## Basic types\n\n"
                                "### What is `rune`?\n\nAn alias for int32.\n",
                                "a.md")
                     .deck;
  const auto lines = lines_of(anki_notes(d));
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[6], d.cards[0].id + "\tWhat is <code>rune</code>?\t<p>An alias for int32.</p>\t"
                                      "go interview_prep Go_notes::Basic_types");
}

TEST(AnkiNotes, QuoteFieldsWithLineBreaksTabsOrQuotesAndDoubleTheQuotes) {
  const deck d = notequiz::testing::parse("# Code?\n\nA\ttab.\n\n```go\nfmt.Println(\"a\")\nx := 1\n```\n", "a.md").deck;
  const std::string text = anki_notes(d);
  EXPECT_NE(text.find("\tCode?\t\"<p>A\ttab.</p>\n<pre><code class=\"\"language-go\"\">fmt.Println(&quot;a&quot;)\n"
                      "x := 1\n</code></pre>\"\t\n"),
            std::string::npos)
      << text;
}

TEST(AnkiNotes, TurnAChoiceQuestionIntoOptionsOnTheFrontAndTheRightOnesOnTheBack) {
  const deck d = notequiz::testing::parse("# Which are maps?\n\nPick all.\n\n- [x] map\n- [ ] slice\n- [x] sync.Map\n\n"
                                "Both hold key-value pairs.\n",
                                "a.md")
                     .deck;
  const std::string text = anki_notes(d);
  EXPECT_EQ(text.substr(text.find(d.cards[0].id)),
            d.cards[0].id +
                "\t\"Which are maps?<p>Pick all.</p>\n<ol type=\"\"A\"\"><li>map</li><li>slice</li>"
                "<li>sync.Map</li></ol>\"\t\"<ol type=\"\"A\"\"><li value=\"\"1\"\">map</li>"
                "<li value=\"\"3\"\">sync.Map</li></ol><p>Both hold key-value pairs.</p>\"\t\n");
}

TEST(AnkiNotes, QuoteAnIdThatWouldReadAsAComment) {
  deck d;
  d.title = "t";
  d.cards.emplace_back();
  d.cards[0].id = "#1";
  d.cards[0].title_html = "Q";
  EXPECT_NE(anki_notes(d).find("\n\"#1\"\tQ\t\t\n"), std::string::npos);
}
