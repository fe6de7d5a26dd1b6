// One test per rule of docs/format.md.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace notequiz;
using notequiz::testing::find_card;
using notequiz::testing::parse;

namespace {
std::vector<std::string> titles(const deck& d) {
  std::vector<std::string> out;
  for (const auto& c : d.cards) out.push_back(c.title);
  return out;
}
}  // namespace

// a. Front matter
TEST(FrontMatter, SetsTitleIdLangAndTagsAndKeepsUnknownKeys) {
  const auto r = parse("---\ntitle: Go 面试题\nid: go\nlang: zh\ntags: [go, interview]\nauthor: \"Ann\"\n---\n## Q\nA\n");
  EXPECT_EQ(r.deck.title, "Go 面试题");
  EXPECT_EQ(r.deck.id, "go");
  EXPECT_EQ(r.deck.lang, "zh");
  EXPECT_EQ(r.deck.tags, (std::vector<std::string>{"go", "interview"}));
  ASSERT_EQ(r.deck.meta.size(), 1u);
  EXPECT_EQ(r.deck.meta[0], (std::pair<std::string, std::string>{"author", "Ann"}));
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.deck.cards.size(), 1u);
  EXPECT_EQ(r.deck.cards[0].position.line, 8u);
}

TEST(FrontMatter, ThatIsMalformedGivesDiagnosticsNotACrash) {
  const auto r = parse("---\ntitle: T\nthis line has no colon\nquestion-level: nine\n---\n## Q\nA\n");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].rule, "front-matter");
  EXPECT_EQ(r.diagnostics[0].line, 3u);
  EXPECT_EQ(r.diagnostics[1].line, 4u);
  EXPECT_EQ(r.deck.title, "T");
  EXPECT_EQ(r.deck.cards.size(), 1u);
}

TEST(FrontMatter, ThatIsNeverClosedIsReportedAndReadAsNotes) {
  const auto r = parse("---\ntitle: T\n## Q\nA\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "front-matter");
  EXPECT_EQ(r.diagnostics[0].line, 1u);
  EXPECT_EQ(titles(r.deck), std::vector<std::string>{"Q"});
}

TEST(DeckIdentity, ComesFromTheFileNameWhenThereIsNoFrontMatter) {
  const auto r = parse("## Q\nA\n", "notes/Go Interview.md");
  EXPECT_EQ(r.deck.id, "go-interview");
  EXPECT_EQ(r.deck.title, "Go Interview");
  EXPECT_EQ(r.deck.source, "notes/Go Interview.md");
}

// b. Questions and sections
TEST(Questions, AreHeadingsNotFollowedByADeeperHeading) {
  const auto r = parse("# Go\n## Basics\n### Q1\nA1\n### Q2\nA2\n## Runtime\n### Q3\nA3\n## Loose question\nA4\n");
  EXPECT_EQ(titles(r.deck), (std::vector<std::string>{"Q1", "Q2", "Q3", "Loose question"}));
  EXPECT_EQ(find_card(r.deck, "Q1")->section_path, (std::vector<std::string>{"Go", "Basics"}));
  EXPECT_EQ(find_card(r.deck, "Q3")->section_path, (std::vector<std::string>{"Go", "Runtime"}));
  EXPECT_EQ(find_card(r.deck, "Loose question")->section_path, (std::vector<std::string>{"Go"}));
}

TEST(Questions, AtAFixedLevelMakeDeeperHeadingsPartOfTheAnswer) {
  const auto r = parse("---\nquestion-level: 2\n---\n# Part\n## Q\nIntro\n### Detail\nMore\n## Q2\nA2\n");
  EXPECT_EQ(titles(r.deck), (std::vector<std::string>{"Q", "Q2"}));
  const card* q = find_card(r.deck, "Q");
  EXPECT_EQ(q->section_path, std::vector<std::string>{"Part"});
  EXPECT_EQ(q->answer_html, "<p>Intro</p>\n<h3>Detail</h3>\n<p>More</p>\n");
  EXPECT_EQ(q->answer_markdown, "Intro\n### Detail\nMore");
}

TEST(Questions, AtALevelGivenAsAnOptionWhenFrontMatterIsSilent) {
  parse_options options;
  options.question_level = 3;
  const auto r = parse_notes("## S\n### Q\n#### Sub\nx\n", options);
  EXPECT_EQ(titles(r.deck), std::vector<std::string>{"Q"});
}

TEST(Questions, InsideBlockquotesOrListsAreNotQuestions) {
  const auto r = parse("## Q\n> ## quoted heading\n- ## listed heading\n");
  EXPECT_EQ(titles(r.deck), std::vector<std::string>{"Q"});
}

TEST(Questions, MayBeSetextHeadings) {
  const auto r = parse("Question one\n------------\nAnswer\n\nQuestion two\n---\nAnswer two\n");
  EXPECT_EQ(titles(r.deck), (std::vector<std::string>{"Question one", "Question two"}));
  EXPECT_EQ(r.deck.cards[0].position.line, 1u);
  EXPECT_EQ(r.deck.cards[0].position.answer_start_line, 3u);
  EXPECT_EQ(r.deck.cards[0].answer_markdown, "Answer");
  EXPECT_EQ(r.deck.cards[1].position.line, 5u);
}

// c. Answers
TEST(Answers, RunToTheNextQuestionAndKeepTheirMarkdown) {
  const auto r = parse("## Q1\n\nSome *text*.\n\n```go\nfmt.Println(1)\n```\n\n## Q2\nB\n");
  const card* q = find_card(r.deck, "Q1");
  EXPECT_EQ(q->answer_markdown, "Some *text*.\n\n```go\nfmt.Println(1)\n```");
  EXPECT_EQ(q->answer_html,
            "<p>Some <em>text</em>.</p>\n<pre><code class=\"language-go\">fmt.Println(1)\n</code></pre>\n");
  EXPECT_EQ(q->code_languages, std::vector<std::string>{"go"});
  EXPECT_EQ(q->position.answer_start_line, 3u);
  EXPECT_EQ(q->position.answer_end_line, 7u);
}

TEST(Answers, EscapeRawHtmlInsteadOfPassingItThrough) {
  const auto r = parse("## Q\n<script>alert(1)</script>\n\nInline <b onclick=\"x()\">bold</b>.\n");
  EXPECT_EQ(r.deck.cards[0].answer_html,
            "<pre class=\"raw-html\"><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n"
            "<p>Inline &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;.</p>\n");
}

TEST(Answers, DropDangerousLinkAndImageUrls) {
  const auto r = parse(
      "## Q\n[a](javascript:alert(1)) [b](JaVaScRiPt&colon;x) [c](vbscript:x) [d](data:text/html,x) "
      "![e](data:image/png;base64,AAAA) ![f](javascript:x) [g](https://go.dev)\n");
  EXPECT_EQ(r.deck.cards[0].answer_html,
            "<p>a b c d <img src=\"data:image/png;base64,AAAA\" alt=\"e\"> <img alt=\"f\"> "
            "<a href=\"https://go.dev\" rel=\"nofollow noopener\">g</a></p>\n");
}

TEST(Answers, KeepLineBreaksOfProseInsideFences) {
  const auto r = parse("## Q\n```\n第一行\n第二行\n```\n");
  EXPECT_EQ(r.deck.cards[0].answer_html, "<pre><code>第一行\n第二行\n</code></pre>\n");
}

TEST(Answers, ListImagesAndLinksAsWrittenWithTheirLines) {
  const auto r = parse("## Q\ntext\n![diagram](./img/a.png \"t\")\nsee [b](other.md#x)\n");
  const card& c = r.deck.cards[0];
  ASSERT_EQ(c.images.size(), 1u);
  EXPECT_EQ(c.images[0].url, "./img/a.png");
  EXPECT_EQ(c.images[0].line, 3u);
  ASSERT_EQ(c.links.size(), 1u);
  EXPECT_EQ(c.links[0].url, "other.md#x");
  EXPECT_EQ(c.links[0].line, 4u);
}

// d. Choice questions
TEST(ChoiceQuestions, WithOneCheckedItemAreSingleChoice) {
  const auto r = parse("## Q\nRead this:\n\n```go\nx := 1\n```\n\n- [ ] one\n- [x] **two**\n- [ ] three\n\nBecause.\n");
  const card& c = r.deck.cards[0];
  EXPECT_EQ(c.kind, card_kind::single_choice);
  EXPECT_EQ(c.prompt_html, "<p>Read this:</p>\n<pre><code class=\"language-go\">x := 1\n</code></pre>\n");
  ASSERT_EQ(c.options.size(), 3u);
  EXPECT_EQ(c.options[1].html, "<strong>two</strong>");
  EXPECT_FALSE(c.options[0].correct);
  EXPECT_TRUE(c.options[1].correct);
  EXPECT_EQ(c.explanation_html, "<p>Because.</p>\n");
}

TEST(ChoiceQuestions, WithSeveralCheckedItemsAreMultipleChoice) {
  const auto r = parse("## Q\n- [x] a\n- [X] b\n- [ ] c\n");
  EXPECT_EQ(r.deck.cards[0].kind, card_kind::multiple_choice);
  EXPECT_EQ(r.deck.cards[0].explanation_html, "");
}

TEST(ChoiceQuestions, NeedATaskListNotJustAnyList) {
  const auto r = parse("## Q\n- a\n- b\n");
  EXPECT_EQ(r.deck.cards[0].kind, card_kind::flashcard);
  EXPECT_TRUE(r.deck.cards[0].options.empty());
}

// e. Pinned ids and skipped cards
TEST(PinnedIds, ComeFromTheHeadingAndLeaveTheTitle) {
  const auto r = parse("## What is a goroutine? {#goroutine}\nA\n");
  EXPECT_EQ(r.deck.cards[0].id, "goroutine");
  EXPECT_TRUE(r.deck.cards[0].pinned_id);
  EXPECT_EQ(r.deck.cards[0].title, "What is a goroutine?");
  EXPECT_EQ(r.deck.cards[0].title_html, "What is a goroutine?");
}

TEST(PinnedIds, ThatClashAreReportedAndKeptApart) {
  const auto r = parse("## A {#x}\n1\n## B {#x}\n2\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "duplicate-id");
  EXPECT_EQ(r.diagnostics[0].line, 3u);
  EXPECT_NE(r.deck.cards[0].id, r.deck.cards[1].id);
}

TEST(PinnedIds, ThatClashPointAtTheCardThatPinnedTheIdFirst) {
  // B becomes x-3, which D pins again after C pinned it: D's clash is with C (line 5), not B.
  const auto r = parse("## A {#x}\n1\n## B {#x}\n2\n## C {#x-3}\n3\n## D {#x-3}\n4\n## E {#x}\n5\n");
  ASSERT_EQ(r.diagnostics.size(), 3u);
  EXPECT_NE(r.diagnostics[0].message.find("already pinned at line 1;"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_NE(r.diagnostics[1].message.find("already pinned at line 5;"), std::string::npos) << r.diagnostics[1].message;
  EXPECT_NE(r.diagnostics[2].message.find("already pinned at line 1;"), std::string::npos) << r.diagnostics[2].message;
}

TEST(SkipComment, LeavesTheNextCardOut) {
  const auto r = parse("## Keep\nA\n\n<!-- notequiz: skip -->\n## Links\nhttp://x\n## Also keep\nB\n");
  EXPECT_EQ(titles(r.deck), (std::vector<std::string>{"Keep", "Also keep"}));
  EXPECT_EQ(find_card(r.deck, "Keep")->answer_markdown, "A");
  EXPECT_EQ(find_card(r.deck, "Keep")->answer_html, "<p>A</p>\n");
}

TEST(SkipComment, OnASectionLeavesOutEveryQuestionInIt) {
  const auto r = parse("<!-- notequiz: skip -->\n# Drafts\n## Q1\nA\n# Real\n## Q2\nB\n");
  EXPECT_EQ(titles(r.deck), std::vector<std::string>{"Q2"});
}

// f. Card ids
TEST(CardIds, IgnoreWhitespaceAndATrailingQuestionMark) {
  const auto a = parse("## What is   a slice?\nA\n");
  const auto b = parse("##   What is a slice？  \nB\n");
  EXPECT_EQ(a.deck.cards[0].id, b.deck.cards[0].id);
  EXPECT_EQ(normalize_title("  a  b ？?"), "a b");
}

TEST(CardIds, NumberIdenticalTitles) {
  const auto r = parse("## Q\n1\n## Q\n2\n");
  EXPECT_NE(r.deck.cards[0].id, r.deck.cards[1].id);
}

TEST(CardIds, StayTheSameWhenQuestionsAreReorderedEditedOrInserted) {
  const auto before = parse("## Alpha\nA\n## Beta\nB\n## Gamma\nC\n");
  const auto after = parse("## Gamma\nC, edited\n## New one\nN\n## Alpha\nA\n## Beta\nB plus more\n");
  for (const auto& old_card : before.deck.cards) {
    const card* now = find_card(after.deck, old_card.title);
    ASSERT_NE(now, nullptr) << old_card.title;
    EXPECT_EQ(now->id, old_card.id) << old_card.title;
  }
}

TEST(CardIds, DependOnTheDeck) {
  const auto a = parse("## Q\nA\n", "a.md");
  const auto b = parse("## Q\nA\n", "b.md");
  EXPECT_NE(a.deck.cards[0].id, b.deck.cards[0].id);
}

// Line endings and byte order mark
TEST(LineEndings, CrlfAndABomParseLikeLf) {
  const auto lf = parse("## Q1\nline one\nline two\n## Q2\nB\n");
  const auto crlf = parse("\xEF\xBB\xBF## Q1\r\nline one\r\nline two\r\n## Q2\r\nB\r\n");
  ASSERT_EQ(crlf.deck.cards.size(), 2u);
  EXPECT_EQ(crlf.deck.cards[0].title, "Q1");
  EXPECT_EQ(crlf.deck.cards[0].id, lf.deck.cards[0].id);
  EXPECT_EQ(crlf.deck.cards[0].position.line, 1u);
  EXPECT_EQ(crlf.deck.cards[0].position.column, 1u);
  EXPECT_EQ(crlf.deck.cards[1].position.line, 4u);
  EXPECT_EQ(crlf.deck.cards[0].answer_markdown, "line one\r\nline two");
}
