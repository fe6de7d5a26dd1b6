// Bad input never crashes and always yields a deck plus diagnostics.
#include <gtest/gtest.h>

#include "notequiz/deck_json.hpp"
#include "test_support.hpp"

using namespace notequiz;
using notequiz::testing::parse;

TEST(BadInput, InvalidUtf8IsReportedWithLineAndByteAndReplaced) {
  const auto r = parse("## Q\nok\nbad \xC3\x28 byte\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "encoding");
  EXPECT_EQ(r.diagnostics[0].line, 3u);
  EXPECT_EQ(r.diagnostics[0].column, 5u);
  EXPECT_NE(r.diagnostics[0].message.find("byte 12"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_EQ(r.deck.cards[0].answer_html, "<p>ok\nbad \xEF\xBF\xBD( byte</p>\n");
  EXPECT_NE(to_json(r.deck).find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(BadInput, NulBytesAreReportedAndReplaced) {
  const auto r = parse(std::string("## Q\x00x\nA\x00\n", 11));
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].rule, "encoding");
  ASSERT_EQ(r.deck.cards.size(), 1u);
  EXPECT_EQ(r.deck.cards[0].title, "Q\xEF\xBF\xBDx");
}

TEST(BadInput, AnEmptyFileGivesAnEmptyDeck) {
  const auto r = parse("");
  EXPECT_TRUE(r.deck.cards.empty());
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.deck.id, "notes");
}

TEST(BadInput, OnlyHeadingsGiveCardsWithEmptyAnswers) {
  const auto r = parse("# A\n## B\n## C\n#\n");
  ASSERT_EQ(r.deck.cards.size(), 3u);
  EXPECT_EQ(r.deck.cards[2].title, "");
  EXPECT_EQ(r.deck.cards[2].position.line, 4u);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "empty-title");
  EXPECT_EQ(r.diagnostics[0].line, 4u);
}

TEST(BadInput, AnUnclosedFenceSwallowsTheRestIntoOneAnswer) {
  const auto r = parse("## Q1\n```go\ncode\n## Q2\nmore\n");
  ASSERT_EQ(r.deck.cards.size(), 1u);
  EXPECT_EQ(r.deck.cards[0].answer_markdown, "```go\ncode\n## Q2\nmore");
}

TEST(BadInput, TenThousandNestedListsAndBlockquotesFinish) {
  std::string lists = "## Q\n";
  std::string quotes = "## Q\n";
  for (int i = 0; i < 10000; ++i) {
    lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
    quotes += std::string(static_cast<std::size_t>(i + 1), '>') + " q\n";
  }
  const auto a = parse(lists);
  const auto b = parse(quotes);
  ASSERT_EQ(a.deck.cards.size(), 1u);
  ASSERT_EQ(b.deck.cards.size(), 1u);
  EXPECT_FALSE(b.deck.cards[0].answer_html.empty());
}

TEST(BadInput, AFiftyMegabyteFileParses) {
  std::string big;
  big.reserve(50u << 20);
  for (int i = 0; big.size() < (50u << 20); ++i) {
    big += "## Question " + std::to_string(i) + "\n\n```\n" + std::string(1000, 'x') + "\n```\n\n";
  }
  const auto r = parse(big);
  EXPECT_GT(r.deck.cards.size(), 40000u);
  EXPECT_EQ(r.deck.cards.back().title, "Question " + std::to_string(r.deck.cards.size() - 1));
}

TEST(BadInput, RandomBytesNeverCrash) {
  std::uint32_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string bytes;
    for (int i = 0; i < 400; ++i) {
      state = state * 1664525u + 1013904223u;
      static constexpr char alphabet[] = "#`~-[]()!<>*_ \n\t\r\\x:{}|0\xC3\xA9\xE4";
      bytes.push_back(alphabet[(state >> 16) % (sizeof alphabet - 1)]);
    }
    const auto r = parse(bytes);
    EXPECT_TRUE(deck_from_json(to_json(r.deck)).deck.has_value());
  }
}
