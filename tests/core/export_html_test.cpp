// The static pages of an export, the deck folder names and the image rewriting.
#include <gtest/gtest.h>

#include "notequiz/export.hpp"
#include "test_support.hpp"

using namespace notequiz;

namespace {

const char* const quiz_notes =
    "---\n"
    "id: Go Quiz!\n"
    "title: Go <quiz> & more\n"
    "lang: en\n"
    "---\n"
    "# Go <quiz> & more\n"
    "\n"
    "## Basics\n"
    "\n"
    "### What does `make` return?\n"
    "\n"
    "An initialized value, not a pointer.\n"
    "\n"
    "![diagram](./img/make%20chart.png)\n"
    "\n"
    "### Which are reference types?\n"
    "\n"
    "- [x] map\n"
    "- [ ] array\n"
    "\n"
    "## Concurrency\n"
    "\n"
    "### What is a goroutine?\n"
    "\n";

deck quiz_deck() { return notequiz::testing::parse(quiz_notes, "notes/go.md").deck; }

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

deck_page_options site_page() {
  deck_page_options o;
  o.resources.module_url = "../assets/note-quiz.0123456789ab.js";
  o.widget_src = "deck.json";
  o.index_url = "../index.html";
  o.embed_snippet = embed_snippet(o.resources.module_url, "deck.json");
  return o;
}

}  // namespace

TEST(ExportSlugs, AreTheDeckIdsAsFolderNames) {
  EXPECT_EQ(export_slugs({"go-interview", "Go Quiz!"}), (std::vector<std::string>{"go-interview", "go-quiz"}));
}

TEST(ExportSlugs, NumberClashesAndAvoidTheNamesTheExportUsesItself) {
  EXPECT_EQ(export_slugs({"notes", "Notes", "assets", "media", "!!!"}),
            (std::vector<std::string>{"notes", "notes-2", "assets-2", "media-2", "deck"}));
}

TEST(LocalImagePath, DecodesPercentEscapesAndDropsQueryAndFragment) {
  EXPECT_EQ(local_image_path("./img/make%20chart.png?v=2#top"), "./img/make chart.png");
  EXPECT_EQ(local_image_path("../shared/a.svg"), "../shared/a.svg");
}

TEST(LocalImagePath, IsNothingForRemoteRootedAndDataUrls) {
  EXPECT_FALSE(local_image_path("https://example.com/a.png"));
  EXPECT_FALSE(local_image_path("//cdn.example.com/a.png"));
  EXPECT_FALSE(local_image_path("/static/a.png"));
  EXPECT_FALSE(local_image_path("data:image/png;base64,AAAA"));
  EXPECT_FALSE(local_image_path("#fragment"));
  EXPECT_FALSE(local_image_path("a%00b.png"));
}

TEST(RewriteImages, PointsAListedImageAtItsNewSource) {
  const deck d = rewrite_images(quiz_deck(), {{"./img/make%20chart.png", "data:image/png;base64,AAAA"}});
  EXPECT_NE(d.cards[0].answer_html.find("<img src=\"data:image/png;base64,AAAA\" alt=\"diagram\">"), std::string::npos)
      << d.cards[0].answer_html;
  EXPECT_EQ(d.cards[0].images[0].url, "./img/make%20chart.png");  // the reference keeps what the note wrote
}

TEST(RewriteImages, ReplacesAMissingImageWithAVisiblePlaceholderNamingIt) {
  const deck d = rewrite_images(quiz_deck(), {{"./img/make%20chart.png", ""}});
  const std::string& html = d.cards[0].answer_html;
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("class=\"notequiz-missing-image\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Missing image: diagram\""), std::string::npos);
  EXPECT_NE(html.find(">Missing image: ./img/make%20chart.png</span>"), std::string::npos) << html;
}

TEST(RewriteImages, LeavesImagesThatAreNotListedAsTheyAre) {
  const deck original = quiz_deck();
  const deck d = rewrite_images(original, {{"./other.png", ""}});
  EXPECT_EQ(d.cards[0].answer_html, original.cards[0].answer_html);
}

TEST(DeckPage, HoldsEveryQuestionAndAnswerAsStaticHtml) {
  const deck d = quiz_deck();
  const std::string html = deck_page_html(d, site_page());
  for (const auto& c : d.cards) {
    EXPECT_NE(html.find("<article class=\"nq-card\" id=\"" + c.id + "\">"), std::string::npos) << c.title;
    EXPECT_NE(html.find(c.title_html), std::string::npos) << c.title;
  }
  EXPECT_NE(html.find("An initialized value, not a pointer."), std::string::npos);
  EXPECT_NE(html.find("<input type=\"checkbox\" disabled checked>map"), std::string::npos);
  EXPECT_EQ(count_of(html, "<article class=\"nq-card\""), d.cards.size());
}

TEST(DeckPage, GroupsCardsUnderTheirSectionsWithoutRepeatingTheDeckTitle) {
  const std::string html = deck_page_html(quiz_deck(), site_page());
  EXPECT_NE(html.find("<h2>Basics</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Concurrency</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h3>What does <code>make</code> return?</h3>"), std::string::npos);
  EXPECT_EQ(count_of(html, "<section class=\"nq-section\">"), 2u);
}

TEST(DeckPage, SaysSoWhenAQuestionHasNoAnswer) {
  const std::string html = deck_page_html(quiz_deck(), site_page());
  EXPECT_NE(html.find("<p class=\"nq-empty\">(no answer)</p>"), std::string::npos);
}

TEST(DeckPage, EscapesTheTitleAndUsesTheDeckLanguage) {
  const std::string html = deck_page_html(quiz_deck(), site_page());
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Go &lt;quiz&gt; &amp; more</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1>Go &lt;quiz&gt; &amp; more</h1>"), std::string::npos);
  EXPECT_EQ(html.find("<quiz>"), std::string::npos);
}

TEST(DeckPage, LoadsTheWidgetAndPointsItAtTheDeck) {
  const std::string html = deck_page_html(quiz_deck(), site_page());
  EXPECT_NE(html.find("<script type=\"module\" src=\"../assets/note-quiz.0123456789ab.js\"></script>"),
            std::string::npos);
  EXPECT_NE(html.find("<note-quiz src=\"deck.json\" lang=\"en\"></note-quiz>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"../index.html\">"), std::string::npos);
  // Once the widget runs it takes over from the static questions; printing shows them again.
  EXPECT_NE(html.find("note-quiz:defined~.nq-static{display:none}"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(DeckPage, ShowsACopyableEmbedSnippet) {
  const std::string html = deck_page_html(quiz_deck(), site_page());
  EXPECT_NE(html.find("<h2>Embed this deck</h2>"), std::string::npos);
  EXPECT_NE(html.find("<pre><code>&lt;script type=&quot;module&quot; src=&quot;../assets/note-quiz.0123456789ab.js"
                      "&quot;&gt;&lt;/script&gt;\n&lt;note-quiz src=&quot;deck.json&quot;&gt;&lt;/note-quiz&gt;\n"
                      "</code></pre>"),
            std::string::npos);
}

TEST(DeckPage, PutsAnInlineDeckInsideTheWidgetSoNothingInItCanEndTheScript) {
  deck_page_options o;
  o.resources.inline_module = "console.log(1)";
  o.inline_deck_json = R"({"answerMarkdown":"</script><script>alert(1)</script>"})";
  const std::string html = deck_page_html(quiz_deck(), o);
  EXPECT_NE(html.find("<note-quiz lang=\"en\"><script type=\"application/json\">"
                      R"({"answerMarkdown":"\u003c/script>\u003cscript>alert(1)\u003c/script>"})"
                      "</script></note-quiz>"),
            std::string::npos);
  EXPECT_NE(html.find("<script type=\"module\">\nconsole.log(1)\n</script>"), std::string::npos);
  EXPECT_EQ(html.find("Embed this deck"), std::string::npos);
  EXPECT_EQ(html.find("<nav>"), std::string::npos);
}

TEST(DeckPage, IsByteForByteTheSameForTheSameDeck) {
  EXPECT_EQ(deck_page_html(quiz_deck(), site_page()), deck_page_html(quiz_deck(), site_page()));
}

TEST(DeckPage, SpeaksChineseForAChineseDeck) {
  deck d = quiz_deck();
  d.lang = "zh";
  const std::string html = deck_page_html(d, site_page());
  EXPECT_NE(html.find("全部卡组"), std::string::npos);
  EXPECT_NE(html.find("3 张卡片"), std::string::npos);
  EXPECT_NE(html.find("（暂无答案）"), std::string::npos);
}

TEST(SiteIndex, ListsEveryDeckWithItsTitleCardCountSectionsAndLink) {
  const deck quiz = quiz_deck();
  const deck plain = notequiz::testing::parse("# One?\n\nYes.\n", "one.md").deck;
  index_options o;
  o.links = {{"demo/index.html", "The widget's demo page"}};
  const std::string html = site_index_html({{&quiz, "go-quiz/index.html"}, {&plain, "one/index.html"}}, o);
  EXPECT_NE(html.find("<h2><a href=\"go-quiz/index.html\">Go &lt;quiz&gt; &amp; more</a></h2>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"nq-meta\">3 cards</p>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"nq-sections\">Sections: Basics · Concurrency</p>"), std::string::npos);
  EXPECT_NE(html.find("<h2><a href=\"one/index.html\">one</a></h2>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"nq-meta\">1 card</p>"), std::string::npos);
  EXPECT_NE(html.find("2 decks, 4 cards"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"demo/index.html\">The widget&#39;s demo page</a>"), std::string::npos);
  EXPECT_LT(html.find("go-quiz/index.html"), html.find("one/index.html"));
}
