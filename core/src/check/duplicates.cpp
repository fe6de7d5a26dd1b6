// duplicate-question inside one note, and the facts the corpus needs to find duplicates
// across notes: question title hashes and a deck id pinned in front matter.

#include <algorithm>
#include <vector>

#include "card_id.hpp"
#include "check_context.hpp"
#include "text.hpp"
#include "title_key.hpp"

namespace notequiz::detail {

namespace {

// The line of the front matter's `id:` key, or 0.
std::uint32_t pinned_deck_id_line(const check_context& ctx) {
  const front_matter_range& fm = ctx.scanner.front_matter();
  if (fm.first_line == 0 || fm.last_line == 0) return 0;
  for (std::uint32_t l = fm.first_line + 1; l < fm.last_line; ++l) {
    const std::string_view line = ctx.line(l);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && trim(line.substr(0, colon)) == "id") return l;
  }
  return 0;
}

}  // namespace

void check_duplicates(check_context& ctx) {
  const bool report_here = ctx.enabled(rule::duplicate_question);
  const auto& cards = ctx.parsed.deck.cards;
  // (title key, card index), sorted: a repeated question finds the first card asking it
  // without a hash table node per card.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  keyed.reserve(cards.size());
  for (std::uint32_t i = 0; i < cards.size(); ++i) {
    // Card titles come whitespace-collapsed from the parser.
    const std::string_view normalized = normalize_collapsed_title(cards[i].title);
    if (!normalized.empty()) keyed.emplace_back(title_key(normalized), i);
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_key = keyed;
  std::sort(by_key.begin(), by_key.end());
  std::vector<std::uint32_t> first_asked(cards.size());
  for (std::size_t k = 0; k < by_key.size(); ++k) {
    first_asked[by_key[k].second] = k > 0 && by_key[k - 1].first == by_key[k].first ? first_asked[by_key[k - 1].second]
                                                                                     : by_key[k].second;
  }
  ctx.facts.questions.reserve(keyed.size());
  ctx.question_cards.reserve(keyed.size());
  for (const auto& [key, i] : keyed) {
    const card& c = cards[i];
    if (report_here && first_asked[i] != i) {
      const card& first = cards[first_asked[i]];
      ctx.report(rule::duplicate_question, c.position.line, c.position.column, [&] {
        return message("question \"", excerpted(c.title), "\" is also asked at line ", first.position.line);
      });
    }
    ctx.facts.questions.push_back({key, c.position.line, c.position.column, 0, 0,  // the title comes at the end (check.cpp)
                                   ctx.effective(rule::duplicate_question, c.position.line)});
    ctx.question_cards.push_back(i);
  }
  if (const std::uint32_t line = pinned_deck_id_line(ctx)) {
    ctx.facts.deck_id = ctx.parsed.deck.id;
    ctx.facts.deck_id_line = line;
    ctx.facts.deck_id_report_as = ctx.effective(rule::duplicate_id, line);
  }
}

}  // namespace notequiz::detail
