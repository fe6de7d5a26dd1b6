#pragma once
/// A study session: which card comes next, grading it, and the learner's statistics
/// (docs/scheduling.md). Times are milliseconds since the Unix epoch.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notequiz/deck.hpp"
#include "notequiz/fsrs.hpp"
#include "notequiz/progress.hpp"

namespace notequiz {

struct session_options {
  fsrs_params fsrs;
  std::int32_t new_per_day = 20;  ///< new cards introduced per learner day, 0 to 100000
  /// The learner's local time minus UTC, in minutes, -1439 to 1439 (e.g. 120 in Berlin in
  /// summer, -300 in New York in winter): JavaScript's `-new Date().getTimezoneOffset()`.
  std::int32_t utc_offset_minutes = 0;
  std::int32_t rollover_hour = 4;  ///< local hour, 0 to 23, at which a learner day starts
};

/// What is wrong with the options, or "" when they are valid. The session functions never
/// fail: an invalid option is replaced by its default there.
std::string check_options(const session_options& options);

/// The learner's day number for a time: days since 1970-01-01 of the local calendar, each
/// day starting at `rollover_hour` local time.
std::int64_t learner_day(std::int64_t ms, const session_options& options);

/// When a learner day starts, in ms.
std::int64_t learner_day_start(std::int64_t day, const session_options& options);

struct session_counts {
  std::int32_t new_cards = 0;  ///< new cards in the queue
  std::int32_t learning = 0;   ///< learning and relearning cards due now
  std::int32_t due = 0;        ///< review cards due today
};

struct session_queue {
  /// Card ids to study now, in order: learning and relearning cards due by `now` (earliest
  /// first), then review cards due before the learner's next day starts (most overdue first),
  /// then new cards in note order up to what is left of today's new-card limit.
  std::vector<std::string> cards;
  session_counts counts;
  /// The earliest due time of a learning card not due yet, if there is one: when to look again.
  std::optional<std::int64_t> next_learning_due;
};

/// The queue for `deck` at `now_ms`. Only cards in the deck are queued; a card id appearing
/// twice in the deck is queued once.
session_queue build_queue(const deck& d, const progress& p, std::int64_t now_ms,
                          const session_options& options = {});

/// Records a review of `card_id` in `p` and returns the card's new schedule. Grading the same
/// card with the same rating at the same time again changes nothing (one review, not two). A
/// review earlier than the card's last one is put in its place in the history. `p` is
/// updated even for a card id not in the deck. An empty `card_id` or a time outside 0 to
/// 8,640,000,000,000,000 ms (JavaScript's dates) records nothing and returns `{}`.
card_schedule grade(progress& p, std::string_view card_id, rating r, std::int64_t now_ms,
                    const fsrs_params& params = {});

/// How a choice question grades itself: the learner's first answer right is Good, wrong Again.
rating choice_rating(bool first_answer_correct) noexcept;

struct session_stats {
  /// Cards of the deck by state (index: card_state): new, learning, review, relearning.
  std::array<std::int32_t, 4> cards_by_state{};
  std::int32_t due_today = 0;  ///< deck cards not new, due before the next learner day starts
  std::array<std::int32_t, 7> due_next_days{};  ///< deck cards due on each of the next 7 learner days
  std::int32_t reviews_today = 0;  ///< reviews (of any card) on the current learner day
  /// Reviews in the last 30 learner days (today included) of cards that were in review state.
  std::int32_t retention_reviews = 0;
  /// The share of those not rated Again, 0 to 1; nothing when there were none.
  std::optional<double> retention;
  /// Consecutive learner days with at least one review, ending today, or yesterday while
  /// today has no review yet.
  std::int32_t streak_days = 0;
};

session_stats compute_stats(const deck& d, const progress& p, std::int64_t now_ms,
                            const session_options& options = {});

}  // namespace notequiz
