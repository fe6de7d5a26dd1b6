// detail::parse_extras: what the core's own callers ask of the parser beyond parse_options.
// Leaving the cards' code languages out (what `notequiz check` does) changes nothing else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "notequiz/deck_json.hpp"
#include "parsed_text.hpp"
#include "test_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {

parse_result parse_with(const std::string& markdown, bool code_languages) {
  parse_options options;
  options.source_path = "notes.md";
  detail::parse_extras extras;
  extras.code_languages = code_languages;
  detail::parsed_text source;
  return detail::parse_notes(markdown, options, source, extras);
}

}  // namespace

TEST(ParseExtras, KeepCodeLanguagesUnlessAskedNotTo) {
  EXPECT_TRUE(detail::parse_extras{}.code_languages);
  const parse_result r = parse_with("# Q\n\n```go\nx := 1\n```\n\n```sql\nselect 1\n```\n", true);
  ASSERT_EQ(r.deck.cards.size(), 1u);
  EXPECT_EQ(r.deck.cards[0].code_languages, (std::vector<std::string>{"go", "sql"}));
}

TEST(ParseExtras, LeavingCodeLanguagesOutEmptiesOnlyThem) {
  const std::vector<std::string> notes = structure_samples();
  ASSERT_GT(notes.size(), 30u);
  bool some_had_languages = false;
  for (const std::string& markdown : notes) {
    parse_result full = parse_with(markdown, true);
    const parse_result bare = parse_with(markdown, false);
    ASSERT_EQ(bare.deck.cards.size(), full.deck.cards.size());
    for (std::size_t i = 0; i < bare.deck.cards.size(); ++i) {
      EXPECT_TRUE(bare.deck.cards[i].code_languages.empty()) << bare.deck.cards[i].title;
      some_had_languages = some_had_languages || !full.deck.cards[i].code_languages.empty();
      full.deck.cards[i].code_languages.clear();  // the one field that may differ: the rest is compared below
    }
    EXPECT_EQ(to_json(bare), to_json(full)) << markdown.substr(0, 200);
    EXPECT_EQ(bare.diagnostics.size(), full.diagnostics.size());
  }
  EXPECT_TRUE(some_had_languages);
}
