// The HTML writer (core/src/html_writer.cpp) escapes text md4c hands over in pieces as one
// run where the pieces follow each other in the source, and writes exactly what it would
// have written piece by piece.
#include <gtest/gtest.h>

#include <string>

#include "html_writer.hpp"
#include "notequiz/render.hpp"

using notequiz::render_html;
using notequiz::detail::html_writer;

TEST(HtmlWriter, WritesPiecesThatFollowEachOtherInTheSourceAsOneRun) {
  const std::string source = "a < b\nc & d\n";
  std::string out;
  html_writer writer(source, &out);
  writer.text(MD_TEXT_CODE, source.data(), 5);  // "a < b"
  writer.text(MD_TEXT_CODE, "\n", 1);           // md4c's own "\n", where the source has one
  writer.text(MD_TEXT_CODE, source.data() + 6, 5);
  writer.text(MD_TEXT_CODE, "\n", 1);
  EXPECT_EQ(out, "") << "the run is pending until something else is written";
  writer.flush();
  EXPECT_EQ(out, "a &lt; b\nc &amp; d\n");
}

TEST(HtmlWriter, WritesPiecesThatSkipSourceBytesAsTheyCame) {
  const std::string source = "  x<\r\n  y>";
  std::string out;
  html_writer writer(source, &out);
  writer.text(MD_TEXT_NORMAL, source.data() + 2, 2);  // "x<", an indent left out before it
  writer.text(MD_TEXT_SOFTBR, "\n", 1);               // the source has "\r\n" there
  writer.text(MD_TEXT_NORMAL, source.data() + 8, 2);  // "y>"
  writer.flush();
  EXPECT_EQ(out, "x&lt;\ny&gt;");
}

TEST(HtmlWriter, WritesTextFromOutsideTheSourceWhereItCame) {
  const std::string source = "ab";
  const std::string elsewhere = "<&>";
  std::string out;
  html_writer writer(source, &out);
  writer.text(MD_TEXT_NORMAL, source.data(), 1);
  writer.text(MD_TEXT_NORMAL, elsewhere.data(), 3);
  writer.text(MD_TEXT_NORMAL, source.data() + 1, 1);
  writer.flush();
  EXPECT_EQ(out, "a&lt;&amp;&gt;b");
}

TEST(HtmlWriter, WritesThePendingRunBeforeAnythingElseAndWhereItBelongs) {
  const std::string source = "one two";
  std::string first, second;
  html_writer writer(source, &first);
  writer.text(MD_TEXT_NORMAL, source.data(), 3);
  writer.enter_span(MD_SPAN_EM, nullptr);
  writer.text(MD_TEXT_NORMAL, source.data() + 3, 4);  // continues the source, not the run before the tag
  writer.leave_span(MD_SPAN_EM, nullptr);
  writer.text(MD_TEXT_NORMAL, source.data(), 3);
  writer.set_output(&second);
  writer.text(MD_TEXT_NORMAL, source.data() + 3, 4);
  writer.flush();
  EXPECT_EQ(first, "one<em> two</em>one");
  EXPECT_EQ(second, " two");
}

TEST(HtmlWriter, RendersLineBreaksAsBeforeRunsWereJoined) {
  EXPECT_EQ(render_html("a <\nb &\n"), "<p>a &lt;\nb &amp;</p>\n");
  EXPECT_EQ(render_html("a <\r\nb &\r\n"), "<p>a &lt;\nb &amp;</p>\n");
  EXPECT_EQ(render_html("![a\nb](x.png)\n"), "<p><img src=\"x.png\" alt=\"a b\"></p>\n");
  EXPECT_EQ(render_html("```\nx < 1\n\n  y\n```\n"), "<pre><code>x &lt; 1\n\n  y\n</code></pre>\n");
  EXPECT_EQ(render_html("    code\r\n    more\r\n"), "<pre><code>code\nmore\n</code></pre>\n");
}
