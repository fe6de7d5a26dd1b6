#include "notequiz/session.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "session/learner_day.hpp"
#include "session/total_sort.hpp"

namespace notequiz {

namespace {

constexpr std::int64_t max_time_ms = 8640000000000000;  // JavaScript's last Date

}  // namespace

std::string check_options(const session_options& options) {
  if (std::string problem = check_params(options.fsrs); !problem.empty()) return problem;
  if (options.new_per_day < 0 || options.new_per_day > 100000) return "newPerDay must be from 0 to 100000";
  if (options.utc_offset_minutes < -1439 || options.utc_offset_minutes > 1439) {
    return "utcOffsetMinutes must be from -1439 to 1439";
  }
  if (options.rollover_hour < 0 || options.rollover_hour > 23) return "rolloverHour must be from 0 to 23";
  return {};
}

std::int64_t learner_day(std::int64_t ms, const session_options& options) {
  return detail::day_clock(options).day(ms);
}

std::int64_t learner_day_start(std::int64_t day, const session_options& options) {
  return detail::day_clock(options).start(day);
}

session_queue build_queue(const deck& d, const progress& p, std::int64_t now_ms,
                          const session_options& options) {
  const detail::day_clock clock(options);
  const std::int64_t today = clock.day(now_ms);
  const std::int64_t tomorrow_starts = clock.start(today + 1);

  // Cards introduced today: those whose first review falls on today (the log is sorted).
  std::set<std::string_view> seen;
  std::int32_t introduced_today = 0;
  for (const review_entry& e : p.log) {
    if (seen.insert(e.card).second && clock.day(e.time) == today) ++introduced_today;
  }

  using due_card = std::tuple<std::int64_t, std::size_t, const std::string*>;  // due, note order
  std::vector<due_card> learning;
  std::vector<due_card> reviews;
  std::vector<const std::string*> fresh;
  session_queue q;
  std::set<std::string_view> queued;
  for (std::size_t i = 0; i < d.cards.size(); ++i) {
    const std::string& id = d.cards[i].id;
    if (!queued.insert(id).second) continue;
    const auto it = p.cards.find(id);
    if (it == p.cards.end() || it->second.state == card_state::new_card) {
      fresh.push_back(&id);
      continue;
    }
    const card_schedule& c = it->second;
    if (c.state == card_state::review) {
      if (c.due < tomorrow_starts) reviews.emplace_back(c.due, i, &id);
    } else if (c.due <= now_ms) {
      learning.emplace_back(c.due, i, &id);
    } else if (!q.next_learning_due || c.due < *q.next_learning_due) {
      q.next_learning_due = c.due;
    }
  }
  detail::sort_total_order(learning);
  detail::sort_total_order(reviews);
  const std::int32_t new_per_day = options.new_per_day >= 0 && options.new_per_day <= 100000
                                       ? options.new_per_day
                                       : session_options{}.new_per_day;
  const auto new_slots = static_cast<std::size_t>(std::max(0, new_per_day - introduced_today));
  fresh.resize(std::min(fresh.size(), new_slots));

  for (const auto& [due, order, id] : learning) q.cards.push_back(*id);
  for (const auto& [due, order, id] : reviews) q.cards.push_back(*id);
  for (const std::string* id : fresh) q.cards.push_back(*id);
  q.counts.learning = static_cast<std::int32_t>(learning.size());
  q.counts.due = static_cast<std::int32_t>(reviews.size());
  q.counts.new_cards = static_cast<std::int32_t>(fresh.size());
  return q;
}

card_schedule grade(progress& p, std::string_view card_id, rating r, std::int64_t now_ms,
                    const fsrs_params& params) {
  if (card_id.empty() || now_ms < 0 || now_ms > max_time_ms) return {};  // not storable
  review_entry entry{std::string(card_id), now_ms, r};
  const auto at = std::lower_bound(p.log.begin(), p.log.end(), entry);
  if (at != p.log.end() && *at == entry) {
    const auto known = p.cards.find(entry.card);
    return known != p.cards.end() ? known->second : p.cards[entry.card] = replay(card_id, p.log, params);
  }
  const bool latest = std::none_of(at, p.log.end(), [&](const review_entry& e) { return e.card == card_id; });
  p.log.insert(at, entry);
  card_schedule& card = p.cards[entry.card];
  // A review in the past changes everything after it: replay the card's whole history.
  card = latest ? schedule_review(card, r, now_ms, params) : replay(card_id, p.log, params);
  return card;
}

rating choice_rating(bool first_answer_correct) noexcept {
  return first_answer_correct ? rating::good : rating::again;
}

}  // namespace notequiz
