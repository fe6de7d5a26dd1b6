// The study session: queue order, the learner's day, grading, statistics, and the JSON API
// the WebAssembly module exports.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include "notequiz/deck_json.hpp"
#include "notequiz/session.hpp"
#include "notequiz/session_json.hpp"
#include "test_support.hpp"

using namespace notequiz;
using json = nlohmann::ordered_json;

namespace {

constexpr std::int64_t minute = 60 * 1000;
constexpr std::int64_t hour = 60 * minute;
constexpr std::int64_t day = 24 * hour;
constexpr std::int64_t noon = 1735732800000;  // 2025-01-01 12:00 UTC

deck make_deck(int cards) {
  deck d;
  d.id = "go-notes";
  d.title = "Go notes";
  for (int i = 1; i <= cards; ++i) {
    card c;
    c.id = "c" + std::to_string(i);
    c.title = "Question " + std::to_string(i);
    d.cards.push_back(c);
  }
  return d;
}

// A card in review state due at `due`.
void put_in_review(progress& p, const std::string& id, std::int64_t due) {
  const std::int64_t first = due - 30 * day;
  grade(p, id, rating::easy, first);
  grade(p, id, rating::good, p.cards[id].due);
  // Shift the schedule so the test controls the due time; replay is not asked here.
  p.cards[id].due = due;
}

session_options offset_options(std::int32_t offset_minutes, std::int32_t rollover) {
  session_options o;
  o.utc_offset_minutes = offset_minutes;
  o.rollover_hour = rollover;
  return o;
}

}  // namespace

TEST(SessionQueue, PutsDueLearningCardsBeforeDueReviews) {
  const deck d = make_deck(3);
  progress p = empty_progress(d.id);
  put_in_review(p, "c1", noon - day);
  grade(p, "c2", rating::again, noon - 5 * minute);  // learning, due a minute later
  const session_queue q = build_queue(d, p, noon, {});
  ASSERT_GE(q.cards.size(), 2u);
  EXPECT_EQ(q.cards[0], "c2");
  EXPECT_EQ(q.cards[1], "c1");
  EXPECT_EQ(q.counts.learning, 1);
  EXPECT_EQ(q.counts.due, 1);
  EXPECT_EQ(q.counts.new_cards, 1);
}

TEST(SessionQueue, OrdersDueReviewsMostOverdueFirst) {
  const deck d = make_deck(3);
  progress p = empty_progress(d.id);
  put_in_review(p, "c1", noon - day);
  put_in_review(p, "c2", noon - 9 * day);
  put_in_review(p, "c3", noon - 3 * day);
  const session_queue q = build_queue(d, p, noon, {});
  EXPECT_EQ(q.cards, (std::vector<std::string>{"c2", "c3", "c1"}));
}

TEST(SessionQueue, CountsReviewsDueLaterTodayButNotTomorrow) {
  const deck d = make_deck(2);
  progress p = empty_progress(d.id);
  put_in_review(p, "c1", noon + 10 * hour);  // 22:00 UTC, before the 04:00 rollover
  put_in_review(p, "c2", noon + 17 * hour);  // 05:00 the next morning
  const session_queue q = build_queue(d, p, noon, {});
  EXPECT_EQ(q.cards, (std::vector<std::string>{"c1"}));
}

TEST(SessionQueue, TakesNewCardsInNoteOrderUpToTheDailyLimit) {
  const deck d = make_deck(30);
  const session_queue q = build_queue(d, empty_progress(d.id), noon, {});
  ASSERT_EQ(q.cards.size(), 20u);
  for (std::size_t i = 0; i < q.cards.size(); ++i) EXPECT_EQ(q.cards[i], "c" + std::to_string(i + 1));
  EXPECT_EQ(q.counts.new_cards, 20);
}

TEST(SessionQueue, CountsNewCardsIntroducedTodayAgainstTheLimit) {
  const deck d = make_deck(10);
  session_options o;
  o.new_per_day = 3;
  progress p = empty_progress(d.id);
  grade(p, "c1", rating::easy, noon - 2 * day);  // introduced on an earlier day
  grade(p, "c2", rating::good, noon - hour);
  grade(p, "c3", rating::good, noon - hour);
  const session_queue q = build_queue(d, p, noon, o);
  EXPECT_EQ(q.counts.new_cards, 1);
  EXPECT_EQ(q.cards.back(), "c4");
}

TEST(SessionQueue, LeavesOutLearningCardsNotDueYetAndSaysWhenToLookAgain) {
  const deck d = make_deck(1);
  progress p = empty_progress(d.id);
  const card_schedule c = grade(p, "c1", rating::good, noon);  // due in 10 minutes
  const session_queue q = build_queue(d, p, noon + minute, {});
  EXPECT_TRUE(q.cards.empty());
  ASSERT_TRUE(q.next_learning_due);
  EXPECT_EQ(*q.next_learning_due, c.due);
  EXPECT_EQ(build_queue(d, p, c.due, {}).cards, (std::vector<std::string>{"c1"}));
}

TEST(SessionQueue, IgnoresProgressOfCardsNoLongerInTheDeckAndQueuesDuplicatesOnce) {
  deck d = make_deck(2);
  progress p = empty_progress(d.id);
  put_in_review(p, "deleted", noon - day);
  d.cards.push_back(d.cards[0]);
  const session_queue q = build_queue(d, p, noon, {});
  EXPECT_EQ(q.cards, (std::vector<std::string>{"c1", "c2"}));
}

TEST(LearnerDay, StartsAtTheRolloverHourInLocalTime) {
  const session_options berlin_summer = offset_options(120, 4);
  const std::int64_t start = learner_day_start(learner_day(noon, berlin_summer), berlin_summer);
  EXPECT_EQ(start, noon - 10 * hour);  // 04:00 local is 02:00 UTC
  EXPECT_EQ(learner_day(start - 1, berlin_summer) + 1, learner_day(start, berlin_summer));
  EXPECT_EQ(learner_day(start + day - 1, berlin_summer), learner_day(start, berlin_summer));
}

TEST(LearnerDay, NegativeOffsetsAndMidnightRolloverMoveTheBoundary) {
  const session_options new_york = offset_options(-300, 0);
  EXPECT_EQ(learner_day_start(learner_day(noon, new_york), new_york), noon - 7 * hour);  // 05:00 UTC
  const session_options utc_midnight = offset_options(0, 0);
  EXPECT_EQ(learner_day(noon, utc_midnight), noon / day);
  EXPECT_EQ(learner_day(-1, utc_midnight), -1);
}

TEST(LearnerDay, NewCardLimitResetsWhenTheLearnersDayChanges) {
  const deck d = make_deck(5);
  session_options tokyo = offset_options(540, 4);
  tokyo.new_per_day = 1;
  progress p = empty_progress(d.id);
  const std::int64_t evening = noon + 6 * hour;  // 03:00 in Tokyo: still the learner's previous day
  grade(p, "c1", rating::easy, evening);
  EXPECT_EQ(build_queue(d, p, evening + 59 * minute, tokyo).counts.new_cards, 0);
  EXPECT_EQ(build_queue(d, p, evening + hour, tokyo).counts.new_cards, 1);  // 04:00 Tokyo
}

TEST(SessionGrade, AddsOneReviewAndTheCardsNewState) {
  progress p = empty_progress("go-notes");
  const card_schedule c = grade(p, "c1", rating::good, noon);
  ASSERT_EQ(p.log.size(), 1u);
  EXPECT_EQ(p.log[0].card, "c1");
  EXPECT_EQ(p.log[0].time, noon);
  EXPECT_EQ(p.log[0].rating, rating::good);
  EXPECT_EQ(p.cards.at("c1"), c);
  EXPECT_EQ(c, schedule_review({}, rating::good, noon));
}

TEST(SessionGrade, GradingTheSameReviewTwiceRecordsItOnce) {
  progress p = empty_progress("go-notes");
  grade(p, "c1", rating::good, noon);
  const progress once = p;
  grade(p, "c1", rating::good, noon);
  EXPECT_EQ(to_json(p), to_json(once));
}

TEST(SessionGrade, AReviewBackInTimeTakesItsPlaceInTheHistory) {
  progress p = empty_progress("go-notes");
  grade(p, "c1", rating::good, noon);
  grade(p, "c1", rating::good, noon + 2 * day);
  const card_schedule c = grade(p, "c1", rating::again, noon + day);
  EXPECT_EQ(p.log[1].rating, rating::again);
  card_schedule expected;
  for (auto [r, t] : {std::pair{rating::good, noon}, {rating::again, noon + day}, {rating::good, noon + 2 * day}}) {
    expected = schedule_review(expected, r, t);
  }
  EXPECT_EQ(c, expected);
}

TEST(ChoiceGrading, FirstAnswerRightIsGoodAndWrongIsAgain) {
  EXPECT_EQ(choice_rating(true), rating::good);
  EXPECT_EQ(choice_rating(false), rating::again);
}

TEST(SessionStats, CountsCardsByStateAndWhenTheyAreDue) {
  const deck d = make_deck(6);
  progress p = empty_progress(d.id);
  put_in_review(p, "c1", noon - 2 * day);  // overdue: due today
  put_in_review(p, "c2", noon + day);      // tomorrow
  put_in_review(p, "c3", noon + 7 * day);  // in a week
  put_in_review(p, "c4", noon + 8 * day);  // beyond the week
  grade(p, "c5", rating::again, noon);     // learning
  put_in_review(p, "gone", noon);          // not in the deck
  const session_stats s = compute_stats(d, p, noon, {});
  EXPECT_EQ(s.cards_by_state, (std::array<std::int32_t, 4>{1, 1, 4, 0}));
  EXPECT_EQ(s.due_today, 2);
  EXPECT_EQ(s.due_next_days, (std::array<std::int32_t, 7>{1, 0, 0, 0, 0, 0, 1}));
}

TEST(SessionStats, RetentionIsTheShareOfReviewStateReviewsNotForgottenInThirtyDays) {
  const deck d = make_deck(3);
  progress p = empty_progress(d.id);
  grade(p, "c1", rating::easy, noon - 60 * day);          // new -> review
  grade(p, "c1", rating::again, noon - 40 * day);         // too long ago to count
  grade(p, "c2", rating::easy, noon - 20 * day);          // new: not counted
  grade(p, "c2", rating::good, noon - 10 * day);          // review, passed
  grade(p, "c2", rating::again, noon - 2 * day);          // review, forgotten
  grade(p, "c2", rating::good, noon - 2 * day + minute);  // relearning: not counted
  grade(p, "c3", rating::easy, noon - 5 * day);
  grade(p, "c3", rating::hard, noon);                     // review, passed
  const session_stats s = compute_stats(d, p, noon, {});
  EXPECT_EQ(s.retention_reviews, 3);
  ASSERT_TRUE(s.retention);
  EXPECT_DOUBLE_EQ(*s.retention, 2.0 / 3.0);
  EXPECT_EQ(s.reviews_today, 1);
  EXPECT_FALSE(compute_stats(d, empty_progress(d.id), noon, {}).retention);
}

TEST(SessionStats, StreakCountsConsecutiveDaysEndingTodayOrYesterday) {
  const deck d = make_deck(1);
  progress p = empty_progress(d.id);
  for (int i : {9, 4, 3, 2, 1}) grade(p, "c1", rating::good, noon - i * day);
  EXPECT_EQ(compute_stats(d, p, noon, {}).streak_days, 4);  // nothing yet today: still alive
  grade(p, "c1", rating::good, noon);
  EXPECT_EQ(compute_stats(d, p, noon, {}).streak_days, 5);
  EXPECT_EQ(compute_stats(d, p, noon + 2 * day, {}).streak_days, 0);
}


TEST(SessionStats, StreakCountsEachDayOnceAndLeavesOutDaysAfterNow) {
  const deck d = make_deck(2);
  progress p = empty_progress(d.id);
  for (int i : {6, 5, 5, 4, 3, 3, 3}) grade(p, "c1", rating::good, noon - i * day + i * minute);
  grade(p, "c2", rating::good, noon - 3 * day + hour);
  EXPECT_EQ(compute_stats(d, p, noon - 3 * day + 2 * hour, {}).streak_days, 4);  // days 6 to 3
  EXPECT_EQ(compute_stats(d, p, noon - 2 * day, {}).streak_days, 4);             // through yesterday
  EXPECT_EQ(compute_stats(d, p, noon - 5 * day, {}).streak_days, 2);             // days after now left out
  EXPECT_EQ(compute_stats(d, p, noon - 7 * day, {}).streak_days, 0);
  EXPECT_EQ(compute_stats(d, p, noon - day, {}).streak_days, 0);                 // a day missed
}

TEST(SessionStats, StreakIsTheRunOfDaysWithAReviewForRandomLogs) {
  const deck d = make_deck(3);
  std::mt19937 random(23);
  for (int round = 0; round < 300; ++round) {
    progress p = empty_progress(d.id);
    for (int n = static_cast<int>(random() % 12); n > 0; --n) {
      grade(p, "c" + std::to_string(1 + random() % 3), rating::good, noon - static_cast<std::int64_t>(random() % 10) * day);
    }
    const std::int64_t now = noon - static_cast<std::int64_t>(random() % 4) * day;
    // Every review and now are at noon: a review's day is a whole number of days from today. The
    // days up to today with a review, counted back from today, or from yesterday when today has none.
    std::set<std::int64_t> days;
    for (const review_entry& e : p.log) {
      if (e.time <= now) days.insert((e.time - now) / day);
    }
    std::int64_t at = days.count(0) ? 0 : -1;
    std::int32_t expected = 0;
    while (days.count(at)) ++expected, --at;
    EXPECT_EQ(compute_stats(d, p, now, {}).streak_days, expected) << round;
  }
}

TEST(SessionOptions, ReadsEveryOptionFromJson) {
  const auto r = session_options_from_json(
      R"({"newPerDay":5,"utcOffsetMinutes":-300,"rolloverHour":0,"retention":0.85,"maximumInterval":365,)"
      R"("learningSteps":["2m","1h",30],"relearningSteps":["1d"],"shortTerm":false,"fuzz":true,"seed":42,)"
      R"("weights":[0.2,1.3,2.3,8.3,6.4,0.8,3.0,0.001,1.9,0.17,0.8,1.5,0.06,0.26,1.6,0.6,1.9,0.54,0.09,0.07,0.15]})");
  ASSERT_TRUE(r.options) << r.error;
  const session_options& o = *r.options;
  EXPECT_EQ(o.new_per_day, 5);
  EXPECT_EQ(o.utc_offset_minutes, -300);
  EXPECT_EQ(o.rollover_hour, 0);
  EXPECT_EQ(o.fsrs.retention, 0.85);
  EXPECT_EQ(o.fsrs.maximum_interval, 365);
  EXPECT_EQ(o.fsrs.learning_steps, (std::vector<std::int32_t>{2, 60, 30}));
  EXPECT_EQ(o.fsrs.relearning_steps, (std::vector<std::int32_t>{1440}));
  EXPECT_FALSE(o.fsrs.short_term);
  EXPECT_TRUE(o.fsrs.fuzz);
  EXPECT_EQ(o.fsrs.fuzz_seed, 42u);
  EXPECT_EQ(o.fsrs.weights[20], 0.15);
  EXPECT_TRUE(session_options_from_json("").options);
  EXPECT_TRUE(session_options_from_json(" {} ").options);
}

TEST(SessionOptions, RejectsUnknownKeysWrongTypesAndValuesOutOfRange) {
  for (const char* bad : {R"({"newPerdDay":5})", R"({"newPerDay":"5"})", R"({"newPerDay":-1})",
                          R"({"newPerDay":2.5})", R"({"retention":0})", R"({"retention":1.5})",
                          R"({"utcOffsetMinutes":1440})", R"({"rolloverHour":24})", R"({"learningSteps":["5s"]})",
                          R"({"learningSteps":"1m"})", R"({"weights":[1,2,3]})", R"({"fuzz":1})", R"({"seed":-1})",
                          R"({"maximumInterval":0})", "[]", "{", "null"}) {
    const auto r = session_options_from_json(bad);
    EXPECT_FALSE(r.options) << bad;
    EXPECT_FALSE(r.error.empty()) << bad;
  }
}

TEST(SessionOptions, NamesTheRangeOfAWholeNumberInWholeNumbersAndTakesItsEnds) {
  EXPECT_EQ(session_options_from_json(R"({"newPerDay":-1})").error, "newPerDay must be a whole number from 0 to 100000");
  EXPECT_EQ(session_options_from_json(R"({"utcOffsetMinutes":1440})").error,
            "utcOffsetMinutes must be a whole number from -1439 to 1439");
  EXPECT_EQ(session_options_from_json(R"({"seed":0.5})").error, "seed must be a whole number from 0 to 9007199254740991");
  const auto r = session_options_from_json(
      R"({"newPerDay":100000,"utcOffsetMinutes":-1439,"rolloverHour":23,"maximumInterval":1,"seed":9007199254740991})");
  ASSERT_TRUE(r.options) << r.error;
  EXPECT_EQ(r.options->new_per_day, 100000);
  EXPECT_EQ(r.options->utc_offset_minutes, -1439);
  EXPECT_EQ(r.options->rollover_hour, 23);
  EXPECT_EQ(r.options->fsrs.maximum_interval, 1);
  EXPECT_EQ(r.options->fsrs.fuzz_seed, 9007199254740991u);
}

TEST(SessionJson, GradeCardReportsUnknownCardsRatingsAndTimes) {
  const std::string d = to_json(make_deck(2));
  auto error_of = [](const std::string& result) {
    const json j = json::parse(result);
    EXPECT_FALSE(j["ok"].get<bool>()) << result;
    return j["error"].get<std::string>();
  };
  EXPECT_NE(error_of(grade_card_json(d, "", "nope", "good", 1e12, "")).find("no card"), std::string::npos);
  EXPECT_NE(error_of(grade_card_json(d, "", "c1", "Good", 1e12, "")).find("rating"), std::string::npos);
  EXPECT_NE(error_of(grade_card_json(d, "", "c1", "good", -1, "")).find("now"), std::string::npos);
  EXPECT_NE(error_of(grade_card_json(d, "", "c1", "good", NAN, "")).find("now"), std::string::npos);
  EXPECT_NE(error_of(grade_card_json("{", "", "c1", "good", 1e12, "")).find("deck"), std::string::npos);
  EXPECT_NE(error_of(session_state_json(d, empty_progress_json("other"), 1e12, "")).find("progress"), std::string::npos);
  EXPECT_NE(error_of(preview_card_json(d, "", "c1", 1e12, "{\"x\":1}")).find("options"), std::string::npos);
}

TEST(SessionJson, PreviewShowsAllFourOutcomesOfANewCard) {
  const std::string d = to_json(make_deck(1));
  const json j = json::parse(preview_card_json(d, "", "c1", static_cast<double>(noon), ""));
  ASSERT_TRUE(j["ok"].get<bool>()) << j.dump();
  EXPECT_EQ(j["state"], "new");
  EXPECT_EQ(j["outcomes"]["again"]["intervalMs"], minute);
  EXPECT_EQ(j["outcomes"]["hard"]["intervalMs"], 6 * minute);
  EXPECT_EQ(j["outcomes"]["good"]["intervalMs"], 10 * minute);
  EXPECT_EQ(j["outcomes"]["easy"]["state"], "review");
  EXPECT_EQ(j["outcomes"]["easy"]["due"].get<std::int64_t>(),
            noon + j["outcomes"]["easy"]["scheduledDays"].get<std::int64_t>() * day);
}

// The committed tests/data/session-script.expected.json is this test's output; the node test
// tests/wasm/session.test.mjs must get the same from the WebAssembly module. Regenerate it
// with NOTEQUIZ_UPDATE_EXPECTED=1 (docs/progress.md#testing).
namespace {

struct script_run {
  json steps = json::array();
  std::string progress;
  std::vector<std::string> snapshots;  // progress after each step
  std::int64_t last_time = 0;
};

script_run run_script(const json& script, const std::string& deck_json, const json& steps, std::string progress) {
  const std::string options = script["options"].dump();
  script_run run;
  for (const json& step : steps) {
    const std::int64_t time = script["start"].get<std::int64_t>() + step["at"].get<std::int64_t>() * minute;
    const auto now = static_cast<double>(time);
    json state = json::parse(session_state_json(deck_json, progress, now, options));
    std::string card = step["card"].get<std::string>();
    if (card == "next") {
      EXPECT_FALSE(state["queue"].empty()) << "nothing to study at minute " << step["at"];
      if (state["queue"].empty()) break;
      card = state["queue"][0].get<std::string>();
    }
    std::string rating = step["rating"].get<std::string>();
    if (rating == "right" || rating == "wrong") rating = to_string(choice_rating(rating == "right"));
    json preview = json::parse(preview_card_json(deck_json, progress, card, now, options));
    json graded = json::parse(grade_card_json(deck_json, progress, card, rating, now, options));
    EXPECT_TRUE(graded["ok"].get<bool>()) << graded.dump();
    progress = graded["progress"].dump();
    run.snapshots.push_back(progress);
    run.last_time = time;
    run.steps.push_back(json{{"time", time}, {"card", card}, {"rating", rating}, {"state", std::move(state)},
                             {"preview", std::move(preview)}, {"grade", std::move(graded)}});
  }
  run.progress = progress;
  return run;
}

}  // namespace

TEST(SessionParity, ScriptedSessionGivesTheCommittedExpectedOutput) {
  const json script = json::parse(notequiz::testing::read_source_file("tests/data/session-script.json"), nullptr, false);
  ASSERT_TRUE(script.is_object());
  deck d;
  d.id = script["deckId"].get<std::string>();
  d.title = "Parity deck";
  for (const json& c : script["cards"]) {
    card k;
    k.id = c["id"].get<std::string>();
    k.title = k.id;
    const std::string kind = c["kind"].get<std::string>();
    k.kind = kind == "single_choice" ? card_kind::single_choice
             : kind == "multiple_choice" ? card_kind::multiple_choice
                                          : card_kind::flashcard;
    d.cards.push_back(k);
  }
  const std::string deck_json = to_json(d);
  const script_run main_run = run_script(script, deck_json, script["steps"], "");
  const auto from = script["branch"]["from"].get<std::size_t>();
  ASSERT_LT(from, main_run.snapshots.size() + 1);
  const script_run branch = run_script(script, deck_json, script["branch"]["steps"], main_run.snapshots[from - 1]);
  const std::string options = script["options"].dump();
  json merged = json::parse(merge_progress_json(main_run.progress, branch.progress, options));
  ASSERT_TRUE(merged["ok"].get<bool>()) << merged.dump();
  EXPECT_EQ(json::parse(merge_progress_json(branch.progress, main_run.progress, options))["progress"],
            merged["progress"]);
  const json after = json::parse(session_state_json(deck_json, merged["progress"].dump(),
                                                    static_cast<double>(main_run.last_time), options));
  const json result = {{"deck", json::parse(deck_json)},
                       {"steps", main_run.steps},
                       {"branch", branch.steps},
                       {"merge", merged},
                       {"parse", json::parse(parse_progress_json(main_run.progress, d.id))},
                       {"afterMerge", after},
                       {"empty", json::parse(empty_progress_json(d.id))}};
  const std::string text = result.dump(1) + "\n";
  const std::string path = std::string(NOTEQUIZ_SOURCE_DIR) + "/tests/data/session-script.expected.json";
  if (std::getenv("NOTEQUIZ_UPDATE_EXPECTED")) {
    std::ofstream(path, std::ios::binary) << text;
  }
  EXPECT_EQ(notequiz::testing::read_source_file("tests/data/session-script.expected.json"), text)
      << "regenerate with NOTEQUIZ_UPDATE_EXPECTED=1 and review the diff";
}
