#include "notequiz/fsrs.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "session/fsrs_fuzz.hpp"
#include "session/js_math.hpp"

// Every formula follows ts-fsrs 5.x operation for operation (same order, same rounding to 8
// decimals), because the reference vectors compare stability and due times to the last digit
// and to the second: tests/core/fsrs_test.cpp.

namespace notequiz {
namespace {

using detail::js_round;
using detail::round8;

constexpr double s_min = 0.001;
constexpr double s_max = 36500;
constexpr std::int64_t minute_ms = 60 * 1000;
constexpr std::int64_t day_ms = 24 * 60 * minute_ms;
constexpr std::int32_t max_step_minutes = 36500 * 1440;

double clamp(double v, double lo, double hi) { return std::min(std::max(v, lo), hi); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

// ts-fsrs `dateDiffInDays`: the difference of the UTC calendar dates, not of the times.
std::int32_t utc_days_between(std::int64_t from_ms, std::int64_t to_ms) {
  return static_cast<std::int32_t>(floor_div(to_ms, day_ms) - floor_div(from_ms, day_ms));
}

bool valid_steps(const std::vector<std::int32_t>& steps) {
  return std::all_of(steps.begin(), steps.end(),
                     [](std::int32_t m) { return m >= 0 && m <= max_step_minutes; });
}

bool valid_retention(double r) { return r > 0 && r <= 1; }  // false for NaN

// ts-fsrs `clipParameters`: each weight into its bound; with more than one relearning step,
// w17 and w18 are capped so that the steps cannot raise stability after a lapse.
std::array<double, 21> clip_weights(const std::array<double, 21>& w, std::size_t relearning_steps,
                                    bool short_term) {
  std::array<std::pair<double, double>, 21> bounds = {{
      {s_min, 100}, {s_min, 100}, {s_min, 100}, {s_min, 100}, {1, 10},      {0.001, 4},
      {0.001, 4},   {0.001, 0.75}, {0, 4.5},    {0, 0.8},     {0.001, 3.5}, {0.001, 5},
      {0.001, 0.25}, {0.001, 0.9}, {0, 4},      {0, 1},       {1, 6},       {0, 2},
      {0, 2},       {short_term ? 0.01 : 0, 0.8}, {0.1, 0.8},
  }};
  auto value = [&](std::size_t i) { return std::isfinite(w[i]) ? w[i] : 0.0; };
  if (relearning_steps > 1) {
    const double w11 = clamp(value(11), bounds[11].first, bounds[11].second);
    const double w13 = clamp(value(13), bounds[13].first, bounds[13].second);
    const double w14 = clamp(value(14), bounds[14].first, bounds[14].second);
    const double v = -(std::log(w11) + std::log(std::pow(2.0, w13) - 1) + w14 * 0.3) /
                     static_cast<double>(relearning_steps);
    const double ceiling = clamp(round8(std::sqrt(std::max(v, 0.0))), 0.01, 2);
    bounds[17].second = ceiling;
    bounds[18].second = ceiling;
  }
  std::array<double, 21> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = clamp(value(i), bounds[i].first, bounds[i].second);
  return out;
}

struct memory {
  double difficulty;
  double stability;
};

// The parameters made ready for use: invalid settings replaced by defaults, weights clipped,
// and the constants of the forgetting curve computed once.
class model {
 public:
  explicit model(const fsrs_params& p)
      : retention_(valid_retention(p.retention) ? p.retention : 0.9),
        maximum_interval_(p.maximum_interval >= 1 ? p.maximum_interval : 36500),
        learning_steps_(valid_steps(p.learning_steps) ? p.learning_steps : fsrs_params{}.learning_steps),
        relearning_steps_(valid_steps(p.relearning_steps) ? p.relearning_steps
                                                          : fsrs_params{}.relearning_steps),
        short_term_(p.short_term),
        fuzz_(p.fuzz),
        fuzz_seed_(p.fuzz_seed),
        w_(clip_weights(p.weights, relearning_steps_.size(), p.short_term)),
        decay_(-w_[20]),
        factor_(round8(std::exp(std::pow(decay_, -1.0) * std::log(0.9)) - 1)),
        interval_modifier_(round8((std::pow(retention_, 1 / decay_) - 1) / factor_)) {}

  double forgetting_curve(double elapsed_days, double stability) const {
    return round8(std::pow(1 + factor_ * elapsed_days / stability, decay_));
  }

  memory next_memory(memory m, double t, rating g, std::optional<double> r = std::nullopt) const {
    const double grade = static_cast<double>(g);
    if (m.difficulty == 0 && m.stability == 0) {
      return {clamp(init_difficulty(grade), 1, 10), std::max(w_[static_cast<std::size_t>(g) - 1], 0.1)};
    }
    // ts-fsrs rejects these; a hand-made schedule is brought into range instead.
    m.difficulty = clamp(m.difficulty, 1, 10);
    m.stability = clamp(m.stability, s_min, s_max);
    const double retrievability = r ? *r : forgetting_curve(t, m.stability);
    double s = 0;
    if (t == 0 && short_term_) {
      s = short_term_stability(m.stability, grade);
    } else if (g == rating::again) {
      const double after_fail = forget_stability(m.difficulty, m.stability, retrievability);
      const double w17 = short_term_ ? w_[17] : 0;
      const double w18 = short_term_ ? w_[18] : 0;
      s = clamp(round8(m.stability / std::exp(w17 * w18)), s_min, after_fail);
    } else {
      s = recall_stability(m.difficulty, m.stability, retrievability, g);
    }
    return {next_difficulty(m.difficulty, grade), s};
  }

  // Whole days until the next review for a stability (ts-fsrs `next_interval`).
  std::int32_t next_interval(double stability, std::int32_t elapsed_days, const std::string& seed) const {
    const double max_ivl = maximum_interval_;
    const double ivl = std::min(std::max(1.0, js_round(stability * interval_modifier_)), max_ivl);
    if (!fuzz_ || ivl < 2.5) return static_cast<std::int32_t>(ivl);
    return static_cast<std::int32_t>(
        detail::fuzz_interval(ivl, elapsed_days, max_ivl, detail::alea_first(seed)));
  }

  const std::vector<std::int32_t>& steps_for(card_state s) const {
    return s == card_state::review || s == card_state::relearning ? relearning_steps_ : learning_steps_;
  }
  bool short_term() const { return short_term_; }
  std::string seed(std::int64_t now_ms, std::int32_t reps) const {
    return std::to_string(fuzz_seed_) + "_" + std::to_string(now_ms) + "_" + std::to_string(reps);
  }

 private:
  double init_difficulty(double grade) const { return round8(w_[4] - std::exp((grade - 1) * w_[5]) + 1); }

  double next_difficulty(double d, double grade) const {
    const double delta = -w_[6] * (grade - 3);
    const double damped = d + round8(delta * (10 - d) / 9);
    const double reverted = round8(w_[7] * init_difficulty(4) + (1 - w_[7]) * damped);
    return clamp(reverted, 1, 10);
  }

  double recall_stability(double d, double s, double r, rating g) const {
    const double hard_penalty = g == rating::hard ? w_[15] : 1;
    const double easy_bonus = g == rating::easy ? w_[16] : 1;
    return round8(clamp(s * (1 + std::exp(w_[8]) * (11 - d) * std::pow(s, -w_[9]) *
                                     (std::exp((1 - r) * w_[10]) - 1) * hard_penalty * easy_bonus),
                        s_min, s_max));
  }

  double forget_stability(double d, double s, double r) const {
    return round8(clamp(w_[11] * std::pow(d, -w_[12]) * (std::pow(s + 1, w_[13]) - 1) *
                            std::exp((1 - r) * w_[14]),
                        s_min, s_max));
  }

  double short_term_stability(double s, double grade) const {
    const double sinc = std::pow(s, -w_[19]) * std::exp(w_[17] * (grade - 3 + w_[18]));
    const double masked = grade >= 2 ? std::max(sinc, 1.0) : sinc;
    return round8(clamp(s * masked, s_min, s_max));
  }

  double retention_;
  std::int32_t maximum_interval_;
  std::vector<std::int32_t> learning_steps_;
  std::vector<std::int32_t> relearning_steps_;
  bool short_term_;
  bool fuzz_;
  std::uint64_t fuzz_seed_;
  std::array<double, 21> w_;
  double decay_;
  double factor_;
  double interval_modifier_;
};

// One review of one card: the card as it stood, and what is already known about the review.
struct review_context {
  const model& m;
  card_schedule last;     // the card before the review
  card_schedule current;  // reps counted, last_review and elapsed_days set
  std::int64_t now;
  std::int32_t elapsed;
  std::string seed;

  card_schedule with_memory(double t, rating g, std::optional<double> r = std::nullopt) const {
    card_schedule next = current;
    const memory mem = m.next_memory({current.difficulty, current.stability}, t, g, r);
    next.difficulty = mem.difficulty;
    next.stability = mem.stability;
    return next;
  }

  void schedule_days(card_schedule& c, std::int32_t days) const {
    c.scheduled_days = days;
    c.due = now + days * day_ms;
  }
};

struct step_outcome {
  std::int32_t minutes = 0;  // 0: no step, graduate
  std::int32_t next_step = 0;
};

// ts-fsrs `BasicLearningStepsStrategy`: the step a rating leads to from the current step.
step_outcome learning_step(const model& m, card_state state, std::int32_t cur, rating g) {
  const std::vector<std::int32_t>& steps = m.steps_for(state);
  const auto count = static_cast<std::int32_t>(steps.size());
  if (count == 0 || cur >= count) return {};
  const std::int32_t first = steps[0];
  if (state == card_state::review) {
    return g == rating::again ? step_outcome{steps[static_cast<std::size_t>(std::max(0, cur))], 0}
                              : step_outcome{};
  }
  switch (g) {
    case rating::again:
      return {first, 0};
    case rating::hard: {
      const double minutes = count == 1 ? first * 1.5 : (first + steps[1]) / 2.0;
      return {static_cast<std::int32_t>(js_round(minutes)), cur};
    }
    case rating::good:
      if (cur + 1 < count && steps[static_cast<std::size_t>(cur) + 1] != 0) {
        return {steps[static_cast<std::size_t>(cur) + 1], cur + 1};
      }
      return {};
    case rating::easy:
      return {};
  }
  return {};
}

// ts-fsrs `applyLearningSteps`: a step under a day keeps the card in (re)learning; otherwise it
// graduates to review, on a step of a day or more or on FSRS's interval.
void apply_learning_steps(const review_context& ctx, card_schedule& next, rating g, card_state to_state) {
  const step_outcome step = learning_step(ctx.m, ctx.current.state, ctx.current.learning_steps, g);
  const std::int32_t minutes = std::max(0, step.minutes);
  if (minutes > 0 && minutes < 1440) {
    next.learning_steps = step.next_step;
    next.scheduled_days = 0;
    next.state = to_state;
    next.due = ctx.now + minutes * minute_ms;
    return;
  }
  next.state = card_state::review;
  if (minutes >= 1440) {
    next.learning_steps = step.next_step;
    next.due = ctx.now + minutes * minute_ms;
    next.scheduled_days = minutes / 1440;
  } else {
    next.learning_steps = 0;
    ctx.schedule_days(next, ctx.m.next_interval(next.stability, ctx.elapsed, ctx.seed));
  }
}

// Review (or, without short-term steps, any non-new card): all passing ratings are computed
// together, because Hard, Good and Easy intervals are kept apart by at least a day.
card_schedule review_state(const review_context& ctx, rating g) {
  const double t = ctx.elapsed;
  const double r = ctx.m.forgetting_curve(t, ctx.current.stability);
  card_schedule again = ctx.with_memory(t, rating::again, r);
  if (g == rating::again && ctx.m.short_term()) {
    apply_learning_steps(ctx, again, rating::again, card_state::relearning);
    again.lapses += 1;
    return again;
  }
  card_schedule hard = ctx.with_memory(t, rating::hard, r);
  card_schedule good = ctx.with_memory(t, rating::good, r);
  card_schedule easy = ctx.with_memory(t, rating::easy, r);
  std::int32_t again_ivl = 0;  // without short-term steps, Again is scheduled in days too
  std::int32_t hard_ivl = ctx.m.next_interval(hard.stability, ctx.elapsed, ctx.seed);
  std::int32_t good_ivl = ctx.m.next_interval(good.stability, ctx.elapsed, ctx.seed);
  std::int32_t easy_ivl = ctx.m.next_interval(easy.stability, ctx.elapsed, ctx.seed);
  if (ctx.m.short_term()) {
    hard_ivl = std::min(hard_ivl, good_ivl);
  } else {
    again_ivl = std::min(ctx.m.next_interval(again.stability, ctx.elapsed, ctx.seed), hard_ivl);
    hard_ivl = std::max(hard_ivl, again_ivl + 1);
  }
  good_ivl = std::max(good_ivl, hard_ivl + 1);
  easy_ivl = std::max(easy_ivl, good_ivl + 1);
  card_schedule* chosen = &again;
  std::int32_t days = again_ivl;
  switch (g) {
    case rating::again: break;
    case rating::hard: chosen = &hard; days = hard_ivl; break;
    case rating::good: chosen = &good; days = good_ivl; break;
    case rating::easy: chosen = &easy; days = easy_ivl; break;
  }
  ctx.schedule_days(*chosen, days);
  chosen->state = card_state::review;
  chosen->learning_steps = 0;
  if (g == rating::again) chosen->lapses += 1;
  return *chosen;
}

// Without short-term steps a new card goes straight to review (ts-fsrs `LongTermScheduler`).
card_schedule long_term_new(review_context ctx, rating g) {
  ctx.current.scheduled_days = 0;
  ctx.current.elapsed_days = 0;
  std::array<card_schedule, 4> next;
  std::array<std::int32_t, 4> ivl{};
  for (std::size_t i = 0; i < 4; ++i) {
    next[i] = ctx.with_memory(0, static_cast<rating>(i + 1));
    ivl[i] = ctx.m.next_interval(next[i].stability, 0, ctx.seed);
  }
  ivl[0] = std::min(ivl[0], ivl[1]);
  for (std::size_t i = 1; i < 4; ++i) ivl[i] = std::max(ivl[i], ivl[i - 1] + 1);
  const auto i = static_cast<std::size_t>(g) - 1;
  ctx.schedule_days(next[i], ivl[i]);
  next[i].state = card_state::review;
  next[i].learning_steps = 0;
  return next[i];
}

review_context start_review(const model& m, const card_schedule& card, std::int64_t now_ms) {
  review_context ctx{m, card, card, now_ms, 0, {}};
  if (card.state != card_state::new_card) {
    ctx.elapsed = std::max<std::int32_t>(0, utc_days_between(card.last_review, now_ms));
  }
  ctx.current.last_review = now_ms;
  ctx.current.elapsed_days = ctx.elapsed;
  ctx.current.reps += 1;
  ctx.current.learning_steps = std::max(0, ctx.current.learning_steps);
  ctx.seed = m.seed(now_ms, ctx.current.reps);
  return ctx;
}

card_schedule review_with(const model& m, const card_schedule& card, rating r, std::int64_t now_ms) {
  const review_context ctx = start_review(m, card, now_ms);
  switch (card.state) {
    case card_state::new_card:
      if (!m.short_term()) return long_term_new(ctx, r);
      break;
    case card_state::learning:
    case card_state::relearning:
      if (!m.short_term()) return review_state(ctx, r);
      break;
    case card_state::review:
      return review_state(ctx, r);
  }
  card_schedule next = ctx.with_memory(ctx.elapsed, r);
  apply_learning_steps(ctx, next, r,
                       card.state == card_state::new_card ? card_state::learning : card.state);
  return next;
}

}  // namespace

const char* to_string(rating r) noexcept {
  switch (r) {
    case rating::again: return "again";
    case rating::hard: return "hard";
    case rating::good: return "good";
    case rating::easy: return "easy";
  }
  return "good";
}

const char* to_string(card_state s) noexcept {
  switch (s) {
    case card_state::new_card: return "new";
    case card_state::learning: return "learning";
    case card_state::review: return "review";
    case card_state::relearning: return "relearning";
  }
  return "new";
}

std::optional<rating> rating_from_string(std::string_view name) noexcept {
  for (rating r : {rating::again, rating::hard, rating::good, rating::easy}) {
    if (name == to_string(r)) return r;
  }
  return std::nullopt;
}

std::optional<card_state> card_state_from_string(std::string_view name) noexcept {
  for (card_state s : {card_state::new_card, card_state::learning, card_state::review, card_state::relearning}) {
    if (name == to_string(s)) return s;
  }
  return std::nullopt;
}

bool operator==(const card_schedule& a, const card_schedule& b) noexcept {
  return a.state == b.state && a.due == b.due && a.stability == b.stability &&
         a.difficulty == b.difficulty && a.elapsed_days == b.elapsed_days &&
         a.scheduled_days == b.scheduled_days && a.learning_steps == b.learning_steps &&
         a.reps == b.reps && a.lapses == b.lapses && a.last_review == b.last_review;
}

std::string check_params(const fsrs_params& params) {
  if (!valid_retention(params.retention)) return "retention must be a number above 0 and at most 1";
  if (params.maximum_interval < 1) return "maximumInterval must be at least 1 day";
  if (!std::all_of(params.weights.begin(), params.weights.end(), [](double w) { return std::isfinite(w); })) {
    return "weights must be 21 finite numbers";
  }
  if (!valid_steps(params.learning_steps) || !valid_steps(params.relearning_steps)) {
    return "learning and relearning steps must be between 0 minutes and 36500 days";
  }
  return {};
}

card_schedule schedule_review(const card_schedule& card, rating r, std::int64_t now_ms,
                              const fsrs_params& params) {
  return review_with(model(params), card, r, now_ms);
}

std::array<card_schedule, 4> preview(const card_schedule& card, std::int64_t now_ms,
                                     const fsrs_params& params) {
  const model m(params);
  return {review_with(m, card, rating::again, now_ms), review_with(m, card, rating::hard, now_ms),
          review_with(m, card, rating::good, now_ms), review_with(m, card, rating::easy, now_ms)};
}

double retrievability(const card_schedule& card, std::int64_t now_ms, const fsrs_params& params) {
  if (card.state == card_state::new_card || card.stability <= 0) return 0;
  const std::int64_t days = std::max<std::int64_t>(0, floor_div(now_ms - card.last_review, day_ms));
  return model(params).forgetting_curve(static_cast<double>(days), card.stability);
}

}  // namespace notequiz
