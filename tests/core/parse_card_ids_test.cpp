// parse_options::card_ids: leaving the ids made from titles out (what `notequiz check` does)
// empties those ids and changes nothing else, pinned ids and their diagnostics included.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "notequiz/deck_json.hpp"
#include "test_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {

parse_result parse_with(const std::string& markdown, bool card_ids) {
  parse_options options;
  options.source_path = "notes.md";
  options.card_ids = card_ids;
  return parse_notes(markdown, options);
}

}  // namespace

TEST(ParseCardIds, AreMadeUnlessLeftOut) {
  EXPECT_TRUE(parse_options{}.card_ids);
  const parse_result r = parse(read_source_file("tests/fixtures/go-interview-notes.md"));
  ASSERT_FALSE(r.deck.cards.empty());
  for (const card& c : r.deck.cards) EXPECT_FALSE(c.id.empty()) << c.title;
}

TEST(ParseCardIds, LeavingThemOutEmptiesOnlyTheIdsMadeFromTitles) {
  const std::vector<std::string> notes = structure_samples();
  ASSERT_GT(notes.size(), 30u);
  for (const std::string& markdown : notes) {
    parse_result full = parse_with(markdown, true);
    const parse_result bare = parse_with(markdown, false);
    ASSERT_EQ(bare.deck.cards.size(), full.deck.cards.size());
    for (std::size_t i = 0; i < bare.deck.cards.size(); ++i) {
      card& c = full.deck.cards[i];
      if (c.pinned_id) {
        EXPECT_EQ(bare.deck.cards[i].id, c.id);
      } else {
        EXPECT_TRUE(bare.deck.cards[i].id.empty()) << c.title;
        c.id.clear();  // the one field that may differ: the rest is compared below, all of it
      }
    }
    EXPECT_EQ(to_json(bare), to_json(full)) << markdown.substr(0, 200);
  }
}

TEST(ParseCardIds, KeepPinnedIdsAndReportTheirDuplicates) {
  const parse_result r = parse_with("# A {#same}\n\nx\n\n# B {#same}\n\ny\n\n# C\n\nz\n", false);
  ASSERT_EQ(r.deck.cards.size(), 3u);
  EXPECT_EQ(r.deck.cards[0].id, "same");
  EXPECT_EQ(r.deck.cards[1].id, "same-5");
  EXPECT_TRUE(r.deck.cards[2].id.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "duplicate-id");
}
