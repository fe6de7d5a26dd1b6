#include "notequiz/progress.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>

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

namespace {

// `reviews`: one card's reviews, sorted, without duplicates.
card_schedule replay_sorted(const std::vector<const review_entry*>& reviews, const fsrs_params& params) {
  card_schedule card;
  for (const review_entry* e : reviews) card = schedule_review(card, e->rating, e->time, params);
  return card;
}

}  // namespace

card_schedule replay(std::string_view card_id, const std::vector<review_entry>& log,
                     const fsrs_params& params) {
  // Copies of one card's reviews, sorted as merge sorts whole logs: the same sort and unique
  // (one template instance each, which the WebAssembly module feels more than the copies).
  std::vector<review_entry> own;
  for (const review_entry& e : log) {
    if (e.card == card_id) own.push_back(e);
  }
  std::sort(own.begin(), own.end());
  own.erase(std::unique(own.begin(), own.end()), own.end());
  std::vector<const review_entry*> reviews;
  reviews.reserve(own.size());
  for (const review_entry& e : own) reviews.push_back(&e);
  return replay_sorted(reviews, params);
}

progress_result merge(const progress& a, const progress& b, const fsrs_params& params) {
  if (a.deck != b.deck) {
    return {std::nullopt, "the progress is for deck \"" + b.deck + "\", not \"" + a.deck + "\""};
  }
  progress merged = empty_progress(a.deck);
  std::vector<review_entry> left = a.log;
  std::vector<review_entry> right = b.log;
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  std::set_union(left.begin(), left.end(), right.begin(), right.end(), std::back_inserter(merged.log));
  merged.log.erase(std::unique(merged.log.begin(), merged.log.end()), merged.log.end());
  // One pass per card over its own reviews: the log is already in time order.
  std::map<std::string, std::vector<const review_entry*>> by_card;
  for (const review_entry& e : merged.log) by_card[e.card].push_back(&e);
  for (const auto& [id, reviews] : by_card) merged.cards.emplace(id, replay_sorted(reviews, params));
  return {std::move(merged), {}};
}

}  // namespace notequiz
