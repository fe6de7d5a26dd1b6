#include "lazy_content.hpp"

#include <algorithm>
#include <utility>

#include "line_scanner.hpp"
#include "parsed_text.hpp"

// Why a card parsed from a few lines of the notes gets the content a parse of the whole notes
// gives it.
//
// A card's content is the HTML of its heading and of the blocks md4c reports after it, up to the
// next top-level heading of its level or a lower number (deeper headings in between are parts of
// its answer). So it depends only on md4c's callbacks for those lines and on the headings'
// levels, which a parse with the card's level as the question level sorts the same way.
//
// md4c reads notes line by line, matching each line against the containers and blocks still
// open; the inlines of a block come from that block's lines, read once every line is. md4c
// reads a run of lines as the whole notes do when
// - it starts where nothing is open: at the start of the body (after front matter), or at a
//   top-level ATX heading: one md4c reports with text, so that its line is the line of its first
//   text, on a line the line scanner reads as an ATX heading of that level too. Such a line
//   closes every container and block before it and is a block of its own; what md4c keeps from
//   line to line besides (a list's looseness, a fence's length, an HTML block's kind) is reset
//   by a line like it or read only inside an open block. md4c is then where it is after reading
//   that line as the first of a document, and so is the line scanner, whose blank lines decide
//   which `skip` directive belongs to which heading. The run starts at the card's heading when
//   that is such a line, else (a setext heading) at the last such place before it. A heading
//   without text has no known line: its card is rendered with the whole notes;
// - it ends with a top-level ATX heading of the card's level or a lower number, the first after
//   the card, or with the notes: the card's blocks end by then, closed by the same lines;
// - nothing else in the notes counts: only link reference definitions do, and any `]:` (which
//   every definition has after its label) makes the notes parse whole;
// - lines are the same lines: md4c ends a line at a \r alone too, the line table does not, so
//   a \r alone makes the notes parse whole.
// The card is then the run's card whose heading is on the card's line. The run's text is cut
// from the notes as parse_notes reads them: without the BOM (notes with a second one parse
// whole, as it would be taken for one), invalid UTF-8 and NUL bytes replaced. The parser and
// html_writer carry nothing from one top-level heading to what follows it: an image left open
// is closed at the end of every block and heading, and a task list is looked for afresh in
// each answer.
//
// A card missing from its run, or with another title, title HTML, kind or number of options
// than in the whole parse, would make the notes render whole; neither has been seen. Every card
// of every note in the repository (tests/core/lazy_content_test.cpp) and of every input of the
// parse_notes fuzz target (docs/hardening.md) is rendered both ways and compared.

namespace notequiz::detail {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Whether cards of `text` (the notes without their BOM) may be parsed from their own lines.
bool cards_stand_alone(std::string_view text) {
  if (text.find("]:") != std::string_view::npos || text.substr(0, bom.size()) == bom) return false;
  for (std::size_t r = text.find('\r'); r != std::string_view::npos; r = text.find('\r', r + 1)) {
    if (r + 1 == text.size() || text[r + 1] != '\n') return false;
  }
  return true;
}

// Whether `alone`, parsed from a run of lines, has the heading and the kind of answer of the
// card `whole`: a check on the argument above, which the tests and the fuzz target check in full.
bool same_structure(const card& alone, const card& whole) {
  return alone.title == whole.title && alone.title_html == whole.title_html && alone.kind == whole.kind &&
         alone.options.size() == whole.options.size();
}

void take_content(card& to, card& from) {
  to.prompt_html = std::move(from.prompt_html);
  to.answer_html = std::move(from.answer_html);
  for (std::size_t k = 0; k < to.options.size() && k < from.options.size(); ++k) {
    to.options[k].html = std::move(from.options[k].html);
  }
  to.explanation_html = std::move(from.explanation_html);
  to.answer_markdown = std::move(from.answer_markdown);
}

}  // namespace

parse_result lazy_content::open(std::string_view markdown, const parse_options& options) {
  parse_options how = options;
  how.card_content = true;
  question_level_ = options.question_level;
  const std::string_view text = markdown.substr(0, bom.size()) == bom ? markdown.substr(bom.size()) : markdown;
  if (!cards_stand_alone(text)) return parse_notes(markdown, how);

  how.card_content = false;
  parsed_text source;
  parse_result result = detail::parse_notes(markdown, how, source, {false, true});
  const std::vector<card>& cards = result.deck.cards;
  const line_table& lines = source.scanner->lines();
  const std::uint32_t line_count = static_cast<std::uint32_t>(lines.line_count());
  const auto start = [&](std::uint32_t line) { return line <= line_count ? lines.line_start(line) : source.text.size(); };
  // Top-level ATX headings, where md4c has nothing open (see above).
  const line_scanner& scanner = *source.scanner;
  const auto fresh = [&](const heading_place& h) {
    return h.located && h.line <= line_count && scanner.at(h.line).kind == line_kind::atx_heading &&
           scanner.at(h.line).heading_level == h.level;
  };
  const std::vector<heading_place>& headings = source.headings;
  pieces_.resize(cards.size());
  // Backwards, for where runs end: per level, the next fresh heading of that level or lower.
  std::uint32_t next[7] = {0, line_count, line_count, line_count, line_count, line_count, line_count};
  std::size_t k = pieces_.size();
  for (auto h = headings.rbegin(); h != headings.rend(); ++h) {
    if (h->question && k > 0) {
      piece& p = pieces_[--k];
      p.end = start(next[h->level] + 1);
      p.line = h->line;
      p.level = h->level;
      p.alone = h->located;
    }
    if (fresh(*h)) std::fill(next + h->level, next + 7, h->line);
  }
  // Forwards, for where they start, and how much they hold together.
  std::uint32_t first_line = source.scanner->front_matter().last_line + 1;
  std::size_t total = 0;
  for (const heading_place& h : headings) {
    if (fresh(h)) first_line = h.line;
    if (!h.question || k == pieces_.size()) continue;
    piece& p = pieces_[k];
    p.begin = start(first_line);
    p.line -= first_line - 1;
    const std::string_view answer = answer_markdown(source.text, lines, cards[k++].position);
    p.answer_begin = answer.empty() ? 0 : static_cast<std::size_t>(answer.data() - source.text.data());
    p.answer_size = answer.size();
    total += p.end - p.begin;
  }
  // Runs overlap where setext headings stand between ATX ones, so rendering every card (the
  // widget's browse view) reads some lines more than once. Past three times the notes in all,
  // the cards are rendered with the whole notes instead, parsed once.
  if (total > 3 * source.text.size() + 4096) pieces_.clear();
  text_ = std::move(source.valid);  // what source.text is in: parse_notes's copy (a guard NUL for md4c)
  lazy_ = true;
  return result;
}

void lazy_content::fill(deck& d, std::size_t index) {
  if (!lazy_ || index >= d.cards.size() || (index < pieces_.size() && pieces_[index].filled)) return;
  if (index >= pieces_.size() || !pieces_[index].alone) return fill_all(d);
  piece& p = pieces_[index];
  card& c = d.cards[index];
  // A copy: md4c may read the byte after the lines (see parse_notes), which must be a NUL.
  std::optional<card> alone = parse_card(text_.substr(p.begin, p.end - p.begin), p.level, p.line);
  if (!alone || !same_structure(*alone, c)) return fill_all(d);
  alone->answer_markdown.assign(text_, p.answer_begin, p.answer_size);
  take_content(c, *alone);
  p.filled = true;
}

void lazy_content::fill_all(deck& d) {
  parse_result whole = parse_notes(text_, parse_options{{}, {}, question_level_});
  for (std::size_t i = 0; i < d.cards.size() && i < whole.deck.cards.size(); ++i) {
    if (i < pieces_.size() && pieces_[i].filled) continue;
    take_content(d.cards[i], whole.deck.cards[i]);
  }
  lazy_ = false;
}

}  // namespace notequiz::detail
