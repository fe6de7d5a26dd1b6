// Card ids (core/src/card_id.cpp): they are stored in learners' progress, so the same deck and
// title give the same id in every version (docs/format.md#card-ids).
#include <gtest/gtest.h>

#include "card_id.hpp"

using notequiz::detail::card_id_maker;
using notequiz::detail::make_card_id;

TEST(CardIdMaker, IsTheSameAsIdsEarlierVersionsGave) {
  // Taken from decks parsed before the id code was last changed.
  EXPECT_EQ(make_card_id("go-quick-quiz", "What does x := 1 do when x is already declared in the same scope", 0),
            "qca3abd0b4b15506e");
  EXPECT_EQ(make_card_id("go-quick-quiz", "Which of these are reference-like types whose zero value is nil", 0),
            "q7f7369f164b6d5b3");
}

TEST(CardIdMaker, CountsRepeatedTitlesIntoTheId) {
  const std::string deck = "crash-feb894e9db288045ffbb4b6b7bd26b29637091f2";
  const std::string title = "What happens when you send on a closed channel";
  EXPECT_EQ(make_card_id(deck, title, 0), "qea749a3dd6297ae2");
  EXPECT_EQ(make_card_id(deck, title, 1), "q1de4f2210aaceca2");
  EXPECT_EQ(make_card_id(deck, title, 2), "q1de4f1210aaceaef");
}

TEST(CardIdMaker, WritesEveryHexDigitInOrder) {
  // Ids are `q` and the sixteen hex digits of the hash, most significant first: digits and
  // letters at every place, whatever the title's hash is.
  const card_id_maker ids("deck");
  for (const char* title : {"", "a", "b", "A title", "中文标题", "x 1", "x 2", "x 3"}) {
    const std::uint64_t h = ids.title_hash(title);
    std::string expected = "q";
    for (int shift = 60; shift >= 0; shift -= 4) expected += "0123456789abcdef"[(h >> shift) & 0xF];
    EXPECT_EQ(card_id_maker::id(h, 0), expected) << title;
    EXPECT_EQ(make_card_id("deck", title, 0), expected) << title;
  }
}
