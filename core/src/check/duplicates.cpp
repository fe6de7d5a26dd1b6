// duplicate-question inside one note, and the facts the corpus needs to find duplicates
// across notes: question title hashes and a deck id pinned in front matter.

#include <unordered_map>

#include "anchors.hpp"
#include "check_context.hpp"
#include "text.hpp"

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
  std::unordered_map<std::uint64_t, std::uint32_t> first_line;
  ctx.facts.questions.reserve(ctx.parsed.deck.cards.size());
  for (const card& c : ctx.parsed.deck.cards) {
    const std::string normalized = normalize_title(c.title);
    if (normalized.empty()) continue;
    const std::uint64_t key = hash_key(normalized);
    const auto [it, fresh] = first_line.emplace(key, c.position.line);
    if (!fresh && report_here) {
      ctx.report(rule::duplicate_question, c.position.line, c.position.column,
                 "question \"" + excerpt(c.title) + "\" is also asked at line " + std::to_string(it->second));
    }
    ctx.facts.questions.push_back({key, c.position.line, c.position.column, c.title,
                                   ctx.effective(rule::duplicate_question, c.position.line)});
  }
  if (const std::uint32_t line = pinned_deck_id_line(ctx)) {
    ctx.facts.deck_id = ctx.parsed.deck.id;
    ctx.facts.deck_id_line = line;
    ctx.facts.deck_id_report_as = ctx.effective(rule::duplicate_id, line);
  }
}

}  // namespace notequiz::detail
