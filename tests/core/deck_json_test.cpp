// The deck's JSON form round-trips, and bad JSON is an error, never an abort.
#include <gtest/gtest.h>

#include "notequiz/deck_json.hpp"
#include "test_support.hpp"

using namespace notequiz;

TEST(DeckJson, RoundTripsEveryFieldTheParserFills) {
  const auto parsed = notequiz::testing::parse(
      "---\ntitle: T\nid: t\nlang: en\ntags: [a]\nx: y\n---\n# S\n## Q {#pin}\nP\n\n- [x] a\n- [ ] b\n\nE ![i](i.png) [l](l.md)\n");
  const std::string json = to_json(parsed.deck);
  const auto read = deck_from_json(json);
  ASSERT_TRUE(read.deck) << read.error;
  EXPECT_EQ(to_json(*read.deck), json);
  EXPECT_EQ(read.deck->cards[0].options.size(), 2u);
  EXPECT_EQ(read.deck->cards[0].position.line, 9u);
}

TEST(DeckJson, StartsWithItsFormatAndSchemaVersion) {
  const std::string json = to_json(notequiz::testing::parse("## Q\nA\n").deck);
  EXPECT_EQ(json.rfind("{\"format\":\"notequiz-deck\",\"schemaVersion\":1,", 0), 0u) << json;
}

TEST(DeckJson, ReportsWhatIsWrongInsteadOfThrowing) {
  EXPECT_EQ(deck_from_json("{").error, "not valid JSON");
  EXPECT_EQ(deck_from_json("[]").error, "a deck must be a JSON object");
  EXPECT_EQ(deck_from_json(R"({"format":"notequiz-deck","schemaVersion":2})").error, "deck.schemaVersion must be 1");
  EXPECT_EQ(deck_from_json(R"({"format":"notequiz-deck","schemaVersion":1,"id":"d","title":"t","cards":[{"id":"c","title":7}]})").error,
            "deck.cards[0].title must be a string");
  EXPECT_EQ(deck_from_json(R"({"format":"notequiz-deck","schemaVersion":1,"id":"d","title":"t","cards":[{"id":"c","title":"x","kind":"essay"}]})").error,
            "deck.cards[0].kind `essay` is not flashcard, single_choice or multiple_choice");
  EXPECT_EQ(deck_from_json(R"({"format":"notequiz-deck","schemaVersion":1,"id":"d","title":"t","cards":[{"id":"c","title":"x","position":{"line":-1}}]})").error,
            "deck.cards[0].position.line must be a line number");
  EXPECT_FALSE(deck_from_json(std::string(100000, '[')).deck);
}

TEST(DeckJson, RefusesTwoCardsWithOneIdBecauseProgressIsKeptById) {
  const auto read = deck_from_json(R"({"format":"notequiz-deck","schemaVersion":1,"id":"d","title":"t","cards":[
      {"id":"a","title":"A"},{"id":"b","title":"B"},{"id":"a","title":"C"}]})");
  EXPECT_FALSE(read.deck);
  EXPECT_EQ(read.error, "deck.cards[2].id `a` repeats deck.cards[0].id; card ids must be unique (progress is kept by id)");
}
