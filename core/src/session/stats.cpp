#include <algorithm>
#include <map>
#include <set>

#include "notequiz/session.hpp"
#include "session/learner_day.hpp"

namespace notequiz {

namespace {

constexpr std::int64_t retention_window_days = 30;

struct retention_count {
  std::int32_t reviews = 0;
  std::int32_t passed = 0;
};

// Reviews of cards in review state over the window, found by replaying each card's history
// (the log stores no states, so that merging logs cannot disagree about them).
retention_count count_retention(const progress& p, const detail::day_clock& clock, std::int64_t today,
                                const fsrs_params& params) {
  retention_count out;
  std::map<std::string, card_schedule> cards;  // the type of progress::cards: one instance of its code
  for (const review_entry& e : p.log) {
    card_schedule& card = cards[e.card];
    const std::int64_t day = clock.day(e.time);
    if (card.state == card_state::review && day <= today && day > today - retention_window_days) {
      ++out.reviews;
      if (e.rating != rating::again) ++out.passed;
    }
    card = schedule_review(card, e.rating, e.time, params);
  }
  return out;
}

// Consecutive days with a review, ending today or, before today's first review, yesterday. The
// log is in time order, so from its end its days come latest first: no set of days is needed.
std::int32_t count_streak(const progress& p, const detail::day_clock& clock, std::int64_t today) {
  std::int64_t next = today;  // the day that would continue the streak
  std::int32_t streak = 0;
  for (auto e = p.log.rbegin(); e != p.log.rend(); ++e) {
    const std::int64_t day = clock.day(e->time);
    if (day > next) continue;  // after today, or a day already counted
    if (day == next || (streak == 0 && day == today - 1)) {
      ++streak;
      next = day - 1;
      continue;
    }
    break;
  }
  return streak;
}

}  // namespace

session_stats compute_stats(const deck& d, const progress& p, std::int64_t now_ms,
                            const session_options& options) {
  const detail::day_clock clock(options);
  const std::int64_t today = clock.day(now_ms);
  session_stats s;
  std::set<std::string_view> counted;
  for (const card& c : d.cards) {
    if (!counted.insert(c.id).second) continue;
    const auto it = p.cards.find(c.id);
    const card_schedule fresh;
    const card_schedule& schedule = it == p.cards.end() ? fresh : it->second;
    ++s.cards_by_state[static_cast<std::size_t>(schedule.state)];
    if (schedule.state == card_state::new_card) continue;
    const std::int64_t due_day = std::max(clock.day(schedule.due), today);
    if (due_day == today) {
      ++s.due_today;
    } else if (due_day - today <= 7) {
      ++s.due_next_days[static_cast<std::size_t>(due_day - today - 1)];
    }
  }
  for (const review_entry& e : p.log) {
    if (clock.day(e.time) == today) ++s.reviews_today;
  }
  const retention_count r = count_retention(p, clock, today, options.fsrs);
  s.retention_reviews = r.reviews;
  if (r.reviews > 0) s.retention = static_cast<double>(r.passed) / r.reviews;
  s.streak_days = count_streak(p, clock, today);
  return s;
}

}  // namespace notequiz
