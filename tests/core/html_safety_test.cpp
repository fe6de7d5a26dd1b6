// The checker every fuzz target applies to rendered HTML (tests/fuzz/html_safety.hpp): it must
// pass what the renderer writes and catch each way HTML can run script.
#include <gtest/gtest.h>

#include "../fuzz/html_safety.hpp"
#include "notequiz/render.hpp"
#include "test_support.hpp"

using notequiz::fuzzing::html_safety_problem;

TEST(HtmlSafety, PassesEverythingTheRendererWritesForTheBundledNotes) {
  for (const char* file : {"content/go-interview.md", "content/go-quick-quiz.md", "tests/fixtures/go-interview-notes.md"}) {
    EXPECT_EQ(html_safety_problem(notequiz::render_html(notequiz::testing::read_source_file(file))), "") << file;
  }
}

TEST(HtmlSafety, PassesLinksImagesTablesAndTaskLists) {
  EXPECT_EQ(html_safety_problem(notequiz::render_html(
                "[a](https://x.org \"t\") ![i](data:image/png;base64,AA) <mailto:a@b.c>\n\n| a |\n|:-:|\n| 1 |\n\n- [x] y\n")),
            "");
}

TEST(HtmlSafety, FindsAScriptTagInAnyCase) {
  EXPECT_NE(html_safety_problem("<p>x</p><ScRiPt>alert(1)</script>"), "");
}

TEST(HtmlSafety, FindsAnEventHandlerAttribute) {
  EXPECT_NE(html_safety_problem("<img src=\"a.png\" onerror=\"alert(1)\">"), "");
  EXPECT_NE(html_safety_problem("<p ONCLICK=x>"), "");
}

TEST(HtmlSafety, FindsScriptUrlsEvenWhenHiddenByEntitiesOrWhitespace) {
  EXPECT_NE(html_safety_problem("<a href=\"javascript:alert(1)\">"), "");
  EXPECT_NE(html_safety_problem("<a href=\"&#106;ava&#x09;script&colon;x\">"), "");
  EXPECT_NE(html_safety_problem("<img src=\" VBScript:x\">"), "");
}

TEST(HtmlSafety, FindsADataUrlInALinkButAllowsDataImagesInImages) {
  EXPECT_NE(html_safety_problem("<a href=\"data:text/html,x\">"), "");
  EXPECT_NE(html_safety_problem("<a href=\"data:image/svg+xml,x\">"), "");
  EXPECT_NE(html_safety_problem("<img src=\"data:text/html,x\">"), "");
  EXPECT_EQ(html_safety_problem("<img src=\"data:image/png;base64,AA\" alt=\"\">"), "");
}

TEST(HtmlSafety, FindsTagsAndAttributesTheRendererNeverWrites) {
  EXPECT_NE(html_safety_problem("<iframe src=\"x\">"), "");
  EXPECT_NE(html_safety_problem("<svg>"), "");
  EXPECT_NE(html_safety_problem("<a style=\"x\">"), "");
  EXPECT_NE(html_safety_problem("a < b"), "");
  EXPECT_NE(html_safety_problem("<p class=\"x"), "");
}
