// Choice questions (task lists): choice-no-correct and choice-one-option.

#include <algorithm>

#include "check_context.hpp"

namespace notequiz::detail {

void check_choices(check_context& ctx) {
  const bool no_correct = ctx.enabled(rule::choice_no_correct);
  const bool one_option = ctx.enabled(rule::choice_one_option);
  for (const card& c : ctx.parsed.deck.cards) {
    if (c.kind == card_kind::flashcard) continue;
    const auto& p = c.position;
    if (no_correct && std::none_of(c.options.begin(), c.options.end(), [](const choice_option& o) { return o.correct; })) {
      ctx.report(rule::choice_no_correct, p.line, p.column,
                 [&] {
                   return message("choice question \"", excerpted(c.title),
                                  "\" has no checked option: mark the right one(s) with [x]");
                 });
    }
    if (one_option && c.options.size() == 1) {
      ctx.report(rule::choice_one_option, p.line, p.column,
                 [&] {
                   return message("choice question \"", excerpted(c.title), "\" has a single option: there is nothing to choose");
                 });
    }
  }
}

}  // namespace notequiz::detail
