#include "notequiz/progress.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>

#include "session/total_sort.hpp"

namespace notequiz {

bool operator==(const review_entry& a, const review_entry& b) noexcept {
  return a.time == b.time && a.card == b.card && a.rating == b.rating;
}

bool operator<(const review_entry& a, const review_entry& b) noexcept {
  return std::tie(a.time, a.card, a.rating) < std::tie(b.time, b.card, b.rating);
}

progress empty_progress(std::string deck_id) {
  progress p;
  p.deck = std::move(deck_id);
  return p;
}

card_schedule replay(std::string_view card_id, const std::vector<review_entry>& log,
                     const fsrs_params& params) {
  // Copies of one card's reviews, sorted as merge sorts whole logs: the same sort and unique
  // (one template instance each, which the WebAssembly module feels more than the copies).
  std::vector<review_entry> own;
  for (const review_entry& e : log) {
    if (e.card == card_id) own.push_back(e);
  }
  detail::sort_total_order(own);
  own.erase(std::unique(own.begin(), own.end()), own.end());
  card_schedule card;
  for (const review_entry& e : own) card = schedule_review(card, e.rating, e.time, params);
  return card;
}

progress_result merge(const progress& a, const progress& b, const fsrs_params& params) {
  if (a.deck != b.deck) {
    return {std::nullopt, "the progress is for deck \"" + b.deck + "\", not \"" + a.deck + "\""};
  }
  progress merged = empty_progress(a.deck);
  std::vector<review_entry> left = a.log;
  std::vector<review_entry> right = b.log;
  detail::sort_total_order(left);
  detail::sort_total_order(right);
  std::set_union(left.begin(), left.end(), right.begin(), right.end(), std::back_inserter(merged.log));
  merged.log.erase(std::unique(merged.log.begin(), merged.log.end()), merged.log.end());
  // One pass over the log, which is in order and without repeats: each card's schedule takes its
  // reviews as they come, as replay() would give it them.
  for (const review_entry& e : merged.log) {
    card_schedule& card = merged.cards[e.card];
    card = schedule_review(card, e.rating, e.time, params);
  }
  return {std::move(merged), {}};
}

}  // namespace notequiz
