#pragma once
/// FSRS-6 spaced repetition, scheduling exactly as the reference implementation ts-fsrs 5.x
/// does (docs/scheduling.md). All times are milliseconds since the Unix epoch, UTC, as
/// JavaScript's `Date.getTime()` gives them.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notequiz {

/// How well the learner remembered. The values are FSRS's grades 1-4.
enum class rating : std::uint8_t { again = 1, hard = 2, good = 3, easy = 4 };

/// Where a card is in FSRS's state machine.
enum class card_state : std::uint8_t { new_card = 0, learning = 1, review = 2, relearning = 3 };

/// "again", "hard", "good" or "easy".
const char* to_string(rating r) noexcept;
/// "new", "learning", "review" or "relearning".
const char* to_string(card_state s) noexcept;
/// The rating named as `to_string` names it; nothing for any other text.
std::optional<rating> rating_from_string(std::string_view name) noexcept;
/// The state named as `to_string` names it; nothing for any other text.
std::optional<card_state> card_state_from_string(std::string_view name) noexcept;

/// A card's memory and schedule (ts-fsrs's `Card`). A card never reviewed is `card_schedule{}`.
struct card_schedule {
  card_state state = card_state::new_card;
  std::int64_t due = 0;             ///< ms; when the card should be reviewed next (0 while new)
  double stability = 0;             ///< days until recall probability falls to 90%; 0 while new
  double difficulty = 0;            ///< 1 (easiest) to 10 (hardest); 0 while new
  std::int32_t elapsed_days = 0;    ///< UTC calendar days between the last review and the one before
  std::int32_t scheduled_days = 0;  ///< whole days from the last review to `due` (0 inside a step)
  std::int32_t learning_steps = 0;  ///< index of the current (re)learning step
  std::int32_t reps = 0;            ///< reviews so far
  std::int32_t lapses = 0;          ///< times forgotten while in review
  std::int64_t last_review = 0;     ///< ms; meaningful once reps > 0
};

bool operator==(const card_schedule& a, const card_schedule& b) noexcept;
inline bool operator!=(const card_schedule& a, const card_schedule& b) noexcept { return !(a == b); }

/// FSRS-6's 21 default weights (ts-fsrs `default_w`).
inline constexpr std::array<double, 21> fsrs_default_weights = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

/// The scheduler's settings; the defaults are ts-fsrs's.
struct fsrs_params {
  double retention = 0.9;                 ///< desired probability of recall at due time, in (0, 1]
  std::int32_t maximum_interval = 36500;  ///< days, at least 1
  /// FSRS-6 weights. Used after clamping each to the reference's bounds, as ts-fsrs does.
  std::array<double, 21> weights = fsrs_default_weights;
  std::vector<std::int32_t> learning_steps = {1, 10};  ///< minutes, each 0 to 52,560,000 (100 years)
  std::vector<std::int32_t> relearning_steps = {10};   ///< minutes, same range
  bool short_term = true;  ///< false: no steps, every review is scheduled in whole days
  bool fuzz = false;       ///< spread review intervals of 3 days and more by a few percent
  /// With `fuzz`, the source of randomness: the same seed, card history and review time
  /// always give the same interval (docs/scheduling.md#fuzz).
  std::uint64_t fuzz_seed = 0;
};

/// What is wrong with the settings, or "" when they are valid. The scheduling functions
/// never fail: each invalid setting (retention outside (0, 1], NaN, a maximum interval
/// below 1, a step out of range) is replaced by its default there.
std::string check_params(const fsrs_params& params);

/// The card's schedule after a review rated `r` at `now_ms`. A `now_ms` before the card's
/// last review counts as no time elapsed; a stability or difficulty out of range (from a
/// hand-made schedule) is clamped into it first.
card_schedule schedule_review(const card_schedule& card, rating r, std::int64_t now_ms,
                              const fsrs_params& params = {});

/// The four possible outcomes of a review at `now_ms`, indexed by rating - 1 (again first).
std::array<card_schedule, 4> preview(const card_schedule& card, std::int64_t now_ms,
                                     const fsrs_params& params = {});

/// Probability of recalling the card at `now_ms`, 0 to 1, as ts-fsrs `get_retrievability`
/// computes it (by whole UTC days); 0 for a new card.
double retrievability(const card_schedule& card, std::int64_t now_ms, const fsrs_params& params = {});

}  // namespace notequiz
