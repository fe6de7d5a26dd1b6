// The scheduler against the reference implementation (ts-fsrs), and its own promises.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>
#include <string>

#include "notequiz/fsrs.hpp"
#include "notequiz/session_json.hpp"
#include "test_support.hpp"

using namespace notequiz;
using json = nlohmann::json;

namespace {

constexpr std::int64_t minute = 60 * 1000;
constexpr std::int64_t day = 24 * 60 * minute;
constexpr std::int64_t t0 = 1735732800000;  // 2025-01-01 12:00 UTC

const json& vectors() {
  static const json v =
      json::parse(notequiz::testing::read_source_file("tests/data/fsrs-vectors.json"), nullptr, false);
  return v;
}

bool close(double actual, double expected) {
  return std::abs(actual - expected) <= 1e-6 * std::max(std::abs(expected), 1e-12);
}

struct replay_summary {
  int sequences = 0;
  int steps = 0;
  std::vector<std::string> mismatches;
};

// Replays the reference sequences `which` selects; every step must agree with ts-fsrs.
template <class Filter>
replay_summary replay_vectors(Filter which) {
  replay_summary out;
  const json& seqs = vectors()["sequences"];
  for (std::size_t i = 0; i < seqs.size(); ++i) {
    const json& seq = seqs[i];
    if (!which(seq["params"])) continue;
    const auto options = session_options_from_json(seq["params"].dump());
    if (!options.options) {
      out.mismatches.push_back("sequence " + std::to_string(i) + ": " + options.error);
      continue;
    }
    ++out.sequences;
    card_schedule card;
    for (std::size_t s = 0; s < seq["steps"].size(); ++s) {
      const json& row = seq["steps"][s];
      const auto r = rating_from_string(row[1].get<std::string>());
      card = schedule_review(card, *r, row[0].get<std::int64_t>(), options.options->fsrs);
      ++out.steps;
      const bool same = card.due / 1000 == row[2].get<std::int64_t>() / 1000 &&
                        close(card.stability, row[3].get<double>()) &&
                        close(card.difficulty, row[4].get<double>()) &&
                        static_cast<int>(card.state) == row[5].get<int>() &&
                        card.scheduled_days == row[6].get<int>() && card.learning_steps == row[7].get<int>() &&
                        card.reps == row[8].get<int>() && card.lapses == row[9].get<int>() &&
                        card.elapsed_days == row[10].get<int>();
      if (!same) {
        out.mismatches.push_back("sequence " + std::to_string(i) + " step " + std::to_string(s) + ": expected " +
                                 row.dump() + ", got due " + std::to_string(card.due) + " stability " +
                                 std::to_string(card.stability) + " difficulty " + std::to_string(card.difficulty) +
                                 " state " + to_string(card.state) + " scheduled " +
                                 std::to_string(card.scheduled_days) + " step " + std::to_string(card.learning_steps));
        break;  // later steps would only repeat the difference
      }
    }
  }
  return out;
}

void expect_agreement(const replay_summary& r, int at_least) {
  EXPECT_GE(r.sequences, at_least);
  EXPECT_TRUE(r.mismatches.empty()) << r.mismatches.size() << " sequences differ, first: " << r.mismatches.front();
}

}  // namespace

TEST(FsrsReference, VectorsFileHasAtLeastAThousandSequencesFromTsFsrs5) {
  ASSERT_FALSE(vectors().is_discarded()) << "tests/data/fsrs-vectors.json is missing or not JSON";
  EXPECT_GE(vectors()["sequences"].size(), 1000u);
  EXPECT_EQ(vectors()["reference"].get<std::string>().rfind("v5.", 0), 0u);
}

TEST(FsrsReference, DefaultParametersAgreeOnEveryStep) {
  expect_agreement(replay_vectors([](const json& p) { return p.empty(); }), 500);
}

TEST(FsrsReference, FuzzedIntervalsAgreeOnEveryStep) {
  expect_agreement(replay_vectors([](const json& p) { return p.contains("fuzz"); }), 100);
}

TEST(FsrsReference, CustomParametersAgreeOnEveryStep) {
  // Retention, maximum interval, steps, short-term off and weights, alone and combined.
  for (const char* key : {"retention", "maximumInterval", "learningSteps", "relearningSteps", "shortTerm", "weights"}) {
    SCOPED_TRACE(key);
    expect_agreement(replay_vectors([&](const json& p) { return p.contains(key); }), 10);
  }
}

TEST(FsrsReference, VectorsCoverEveryStateAndRatingAndGapsFromSecondsToYears) {
  std::set<int> states;
  std::set<std::string> ratings;
  std::int64_t shortest = INT64_MAX;
  std::int64_t longest = 0;
  int early = 0;
  int overdue = 0;
  for (const json& seq : vectors()["sequences"]) {
    const json& steps = seq["steps"];
    for (std::size_t s = 0; s < steps.size(); ++s) {
      states.insert(steps[s][5].get<int>());
      ratings.insert(steps[s][1].get<std::string>());
      if (s == 0) continue;
      const std::int64_t gap = steps[s][0].get<std::int64_t>() - steps[s - 1][0].get<std::int64_t>();
      shortest = std::min(shortest, gap);
      longest = std::max(longest, gap);
      const std::int64_t due = steps[s - 1][2].get<std::int64_t>();
      if (steps[s][0].get<std::int64_t>() < due) ++early;
      if (steps[s][0].get<std::int64_t>() > due + 30 * day) ++overdue;
    }
  }
  EXPECT_EQ(states, (std::set<int>{1, 2, 3}));
  EXPECT_EQ(ratings.size(), 4u);
  EXPECT_LT(shortest, minute);
  EXPECT_GT(longest, 365 * day);
  EXPECT_GT(early, 500);
  EXPECT_GT(overdue, 500);
}

TEST(FsrsScheduler, NewCardFollowsTheLearningStepsOneAndTenMinutes) {
  const card_schedule again = schedule_review({}, rating::again, t0);
  EXPECT_EQ(again.state, card_state::learning);
  EXPECT_EQ(again.due, t0 + minute);
  const card_schedule good = schedule_review({}, rating::good, t0);
  EXPECT_EQ(good.due, t0 + 10 * minute);
  EXPECT_EQ(good.learning_steps, 1);
  const card_schedule graduated = schedule_review(good, rating::good, t0 + 10 * minute);
  EXPECT_EQ(graduated.state, card_state::review);
  EXPECT_GE(graduated.scheduled_days, 1);
}

TEST(FsrsScheduler, ForgettingAReviewCardCountsALapseAndRelearnsInTenMinutes) {
  card_schedule c = schedule_review({}, rating::easy, t0);
  ASSERT_EQ(c.state, card_state::review);
  c = schedule_review(c, rating::again, c.due);
  EXPECT_EQ(c.state, card_state::relearning);
  EXPECT_EQ(c.lapses, 1);
  EXPECT_EQ(c.due - c.last_review, 10 * minute);
}

TEST(FsrsScheduler, PreviewGivesTheSameOutcomesAsReviewingWithEachRating) {
  card_schedule c = schedule_review({}, rating::good, t0);
  c = schedule_review(c, rating::good, t0 + 10 * minute);
  const auto outcomes = preview(c, t0 + 5 * day);
  for (int r = 1; r <= 4; ++r) {
    EXPECT_EQ(outcomes[static_cast<std::size_t>(r - 1)], schedule_review(c, static_cast<rating>(r), t0 + 5 * day));
  }
  EXPECT_LT(outcomes[1].due, outcomes[2].due);
  EXPECT_LT(outcomes[2].due, outcomes[3].due);
}

TEST(FsrsScheduler, ReviewBeforeTheLastOneCountsAsNoTimeElapsed) {
  card_schedule c = schedule_review({}, rating::easy, t0);
  const card_schedule back_in_time = schedule_review(c, rating::good, t0 - 3 * day);
  EXPECT_EQ(back_in_time.elapsed_days, 0);
  EXPECT_GT(back_in_time.stability, 0);
}

TEST(FsrsFuzz, IsOffByDefault) {
  card_schedule c = schedule_review({}, rating::easy, t0);
  fsrs_params seeded;
  seeded.fuzz_seed = 99;  // a seed alone does not switch fuzz on
  for (int i = 0; i < 5; ++i) {
    const std::int64_t when = c.due + i * minute;
    EXPECT_EQ(schedule_review(c, rating::good, when), schedule_review(c, rating::good, when, seeded));
  }
}

TEST(FsrsFuzz, SameSeedGivesSameIntervalsAndOtherSeedsSpreadThem) {
  card_schedule c = schedule_review({}, rating::easy, t0);
  c = schedule_review(c, rating::good, c.due);
  const std::int64_t when = c.due + day / 3;
  fsrs_params fuzzed;
  fuzzed.fuzz = true;
  std::set<std::int32_t> intervals;
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    fuzzed.fuzz_seed = seed;
    const card_schedule first = schedule_review(c, rating::good, when, fuzzed);
    EXPECT_EQ(first, schedule_review(c, rating::good, when, fuzzed));
    intervals.insert(first.scheduled_days);
  }
  const std::int32_t plain = schedule_review(c, rating::good, when).scheduled_days;
  EXPECT_GT(intervals.size(), 2u);
  for (std::int32_t ivl : intervals) EXPECT_LE(std::abs(ivl - plain), plain / 5 + 2);
}

TEST(FsrsParams, RetentionAndMaximumIntervalChangeTheInterval) {
  card_schedule c = schedule_review({}, rating::easy, t0);
  const std::int64_t when = c.due;
  fsrs_params high;
  high.retention = 0.97;
  fsrs_params capped;
  capped.maximum_interval = 3;
  const auto plain = schedule_review(c, rating::easy, when).scheduled_days;
  EXPECT_LT(schedule_review(c, rating::easy, when, high).scheduled_days, plain);
  EXPECT_EQ(schedule_review(c, rating::hard, when, capped).scheduled_days, 3);
  // As in ts-fsrs, Good and Easy stay at least a day beyond Hard even past the maximum.
  EXPECT_EQ(schedule_review(c, rating::good, when, capped).scheduled_days, 4);
}

TEST(FsrsParams, CustomStepsAndWeightsAreUsed) {
  fsrs_params p;
  p.learning_steps = {5, 30, 120};
  card_schedule c = schedule_review({}, rating::good, t0, p);
  EXPECT_EQ(c.due, t0 + 30 * minute);
  c = schedule_review(c, rating::good, c.due, p);
  EXPECT_EQ(c.due - c.last_review, 120 * minute);
  fsrs_params heavy;
  heavy.weights[2] = 10;  // initial stability after Good
  heavy.short_term = false;
  EXPECT_EQ(schedule_review({}, rating::good, t0, heavy).stability, 10);
}

TEST(FsrsParams, InvalidSettingsAreReportedAndReplacedByDefaults) {
  fsrs_params bad;
  bad.retention = std::nan("");
  EXPECT_NE(check_params(bad), "");
  EXPECT_EQ(schedule_review({}, rating::easy, t0, bad), schedule_review({}, rating::easy, t0));
  bad = {};
  bad.maximum_interval = 0;
  EXPECT_NE(check_params(bad), "");
  bad = {};
  bad.learning_steps = {-1};
  EXPECT_NE(check_params(bad), "");
  bad = {};
  bad.weights[3] = INFINITY;
  EXPECT_NE(check_params(bad), "");
  EXPECT_EQ(check_params({}), "");
}

TEST(FsrsNames, RatingsAndStatesRoundTripThroughTheirNames) {
  for (rating r : {rating::again, rating::hard, rating::good, rating::easy}) EXPECT_EQ(rating_from_string(to_string(r)), r);
  for (card_state s : {card_state::new_card, card_state::learning, card_state::review, card_state::relearning}) {
    EXPECT_EQ(card_state_from_string(to_string(s)), s);
  }
  EXPECT_FALSE(rating_from_string("Good"));
  EXPECT_FALSE(card_state_from_string(""));
}
