// message(): a diagnostic's text from pieces, in one allocation; excerpted(): source text cut
// short for it.
#include "check/message.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using notequiz::detail::excerpted;
using notequiz::detail::message;

TEST(CheckMessage, JoinsTextCharactersAndNumbersInOrder) {
  const std::string path = "a/b.md";
  const std::string_view word = "go";
  EXPECT_EQ(message("`", word, "` in ", path, ':', std::uint32_t{12}, " (", std::size_t{3}, " of ", 4u, ")"),
            "`go` in a/b.md:12 (3 of 4)");
  EXPECT_EQ(message(""), "");
  EXPECT_EQ(message('x'), "x");
}

TEST(CheckMessage, WritesNumbersAsToStringDoes) {
  for (const std::uint64_t n : {std::uint64_t{0}, std::uint64_t{7}, std::uint64_t{10}, std::uint64_t{99}, std::uint64_t{100},
                                std::uint64_t{4294967295u}, std::numeric_limits<std::uint64_t>::max()}) {
    EXPECT_EQ(message("[", n, "]"), "[" + std::to_string(n) + "]");
  }
  EXPECT_EQ(message(std::numeric_limits<std::uint32_t>::max()), "4294967295");
}

TEST(CheckMessage, ExcerptsTrimTheTextAndCutLongTextAtACharacterBoundaryWithAnEllipsis) {
  EXPECT_EQ(message('"', excerpted("  short title \t"), '"'), "\"short title\"");
  EXPECT_EQ(message(excerpted("abcdef", 6)), "abcdef");
  EXPECT_EQ(message(excerpted("abcdefg", 6)), "abcdef…");
  // "é" is two bytes: a cut after its first byte moves back before it.
  EXPECT_EQ(message(excerpted("abcd\xC3\xA9xyz", 5)), "abcd…");
  EXPECT_EQ(message(excerpted("\xE4\xB8\xAD\xE6\x96\x87", 4)), "\xE4\xB8\xAD…");
  const auto e = excerpted("  abc  ", 2);
  EXPECT_EQ(e.text, "ab");
  EXPECT_TRUE(e.cut);
}
