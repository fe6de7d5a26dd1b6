// parse_options::card_content: leaving the cards' HTML and markdown out (what `notequiz check`
// does) changes nothing else in the deck or the diagnostics.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {

parse_result parse_with(const std::string& markdown, bool card_content) {
  parse_options options;
  options.source_path = "notes.md";
  options.card_content = card_content;
  return parse_notes(markdown, options);
}

// Every field but the content ones, as text, so a failure shows what differs.
std::string structure_of(const parse_result& r) {
  std::string s = "deck " + r.deck.id + "|" + r.deck.title + "|" + r.deck.lang + "|" + r.deck.source + "\n";
  for (const auto& t : r.deck.tags) s += "tag " + t + "\n";
  for (const auto& [k, v] : r.deck.meta) s += "meta " + k + "=" + v + "\n";
  for (const card& c : r.deck.cards) {
    s += "card " + c.id + (c.pinned_id ? " pinned " : " ") + to_string(c.kind) + " " + c.title + " @" +
         std::to_string(c.position.line) + ":" + std::to_string(c.position.column) + " answer " +
         std::to_string(c.position.answer_start_line) + "-" + std::to_string(c.position.answer_end_line) + "\n";
    for (const auto& p : c.section_path) s += "  section " + p + "\n";
    for (const auto& o : c.options) s += std::string("  option ") + (o.correct ? "[x]" : "[ ]") + "\n";
    for (const auto& i : c.images) s += "  image " + i.url + " @" + std::to_string(i.line) + ":" + std::to_string(i.column) + "\n";
    for (const auto& l : c.links) s += "  link " + l.url + " @" + std::to_string(l.line) + ":" + std::to_string(l.column) + "\n";
    for (const auto& g : c.code_languages) s += "  code " + g + "\n";
  }
  for (const auto& d : r.diagnostics) {
    s += "diagnostic " + d.rule + " " + to_string(d.severity) + " @" + std::to_string(d.line) + ":" +
         std::to_string(d.column) + " " + d.message + "\n";
  }
  return s;
}

}  // namespace

TEST(ParseCardContent, IsBuiltUnlessLeftOut) {
  EXPECT_TRUE(parse_options{}.card_content);
  const parse_result r = parse(read_source_file("tests/fixtures/go-interview-notes.md"));
  ASSERT_FALSE(r.deck.cards.empty());
  EXPECT_FALSE(r.deck.cards[0].title_html.empty());
  EXPECT_FALSE(r.deck.cards[0].answer_html.empty());
  EXPECT_FALSE(r.deck.cards[0].answer_markdown.empty());
}

TEST(ParseCardContent, LeavingItOutEmptiesOnlyTheContentFields) {
  const std::vector<std::string> notes = structure_samples();
  ASSERT_GT(notes.size(), 30u);
  for (const std::string& markdown : notes) {
    const parse_result full = parse_with(markdown, true);
    const parse_result bare = parse_with(markdown, false);
    EXPECT_EQ(structure_of(bare), structure_of(full)) << markdown.substr(0, 200);
    for (const card& c : bare.deck.cards) {
      EXPECT_TRUE(c.title_html.empty() && c.prompt_html.empty() && c.answer_html.empty() && c.explanation_html.empty() &&
                  c.answer_markdown.empty())
          << c.title;
      for (const auto& o : c.options) EXPECT_TRUE(o.html.empty());
    }
  }
}
