// The deck's JSON form round-trips, and bad JSON is an error, never an abort.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "notequiz/deck_json.hpp"
#include "test_support.hpp"

using namespace notequiz;
using namespace std::string_literals;

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

namespace {

// The summary as nlohmann writes it: the lean deck with each card cut down to its summary fields.
std::string summary_through_nlohmann(const deck& d) {
  auto j = nlohmann::ordered_json::parse(to_json(d, deck_json_options{true}));
  for (auto& c : j["cards"]) {
    nlohmann::ordered_json kept;
    for (const char* key : {"id", "title", "titleHtml", "sectionPath", "kind"}) kept[key] = c[key];
    c = std::move(kept);
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

TEST(DeckJson, SummaryIsTheLeanDeckWithOnlyEachCardsSummaryFieldsByteForByte) {
  std::vector<deck> decks;
  for (const char* folder : {"tests/format", "tests/rules", "content", "tests/fixtures"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(NOTEQUIZ_SOURCE_DIR) + "/" + folder)) {
      if (entry.path().extension() != ".md") continue;
      decks.push_back(notequiz::testing::parse(notequiz::testing::read_source_file(folder + ("/" + entry.path().filename().string()))).deck);
    }
  }
  ASSERT_GT(decks.size(), 30u);
  // Strings the parser never makes: every escape, invalid UTF-8, NUL, DEL, CJK and emoji.
  deck odd;
  odd.id = "d\"\\";
  odd.meta = {{"k", "v"}, {"k", "w"}};
  for (const std::string& s : {""s, "plain"s, "a \"quote\" and a \\ backslash"s, "tab\tnew\nline\r\b\f"s, "nul \0 and \x1f"s,
                              "del \x7f"s, "bad \xff byte"s, "cut \xe4\xb8"s, "overlong \xc0\xaf"s, "surrogate \xed\xa0\x80"s,
                              "问题 \xf0\x9f\x98\x80 emoji"s, "</script>&<b>"s}) {
    card c;
    c.id = s;
    c.title = s;
    c.title_html = s;
    c.section_path = {s, "outer"};
    decks.push_back(odd);
    odd.cards.push_back(c);
  }
  decks.push_back(odd);
  for (const deck& d : decks) EXPECT_EQ(deck_summary_json(d), summary_through_nlohmann(d)) << d.source;
}
