// The progress format: round trip, merge, and input that must never be half-applied.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "notequiz/deck_json.hpp"
#include "notequiz/progress.hpp"
#include "notequiz/session.hpp"
#include "notequiz/session_json.hpp"

using namespace notequiz;

namespace {

constexpr std::int64_t minute = 60 * 1000;
constexpr std::int64_t day = 24 * 60 * minute;
constexpr std::int64_t noon = 1735732800000;  // 2025-01-01 12:00 UTC

progress sample_progress() {
  progress p = empty_progress("go-notes");
  grade(p, "new-vs-make", rating::good, noon);
  grade(p, "new-vs-make", rating::good, noon + 10 * minute);
  grade(p, "defer-order", rating::again, noon + 11 * minute);
  grade(p, "new-vs-make", rating::hard, noon + 3 * day);
  grade(p, "\"quoted\" id, ünïcödé", rating::easy, noon + 4 * day);
  return p;
}

// Random progress: reviews of a few cards at random times, some shared with `base`.
progress random_progress(std::mt19937& rng, const progress& base, const fsrs_params& params) {
  progress p = base;
  std::uniform_int_distribution<int> cards(0, 5);
  std::uniform_int_distribution<int> ratings(1, 4);
  std::uniform_int_distribution<std::int64_t> gap(0, 40 * day);
  std::uniform_int_distribution<int> count(0, 25);
  std::int64_t t = noon;
  for (int i = count(rng); i > 0; --i) {
    t += gap(rng) / (1 + cards(rng) * 50);  // minutes to weeks apart
    grade(p, "card-" + std::to_string(cards(rng)), static_cast<rating>(ratings(rng)), t, params);
  }
  return p;
}

void expect_rejected(std::string_view text, std::string_view deck = "go-notes") {
  const progress_result r = parse_progress(text, deck);
  EXPECT_FALSE(r.progress) << text;
  EXPECT_FALSE(r.error.empty()) << text;
}

// A valid document with one value replaced (the text from `from` to the next `,` or `}`).
std::string with_value(const std::string& key, const std::string& value) {
  std::string text = to_json(sample_progress());
  const std::size_t at = text.find("\"" + key + "\":");
  const std::size_t start = at + key.size() + 3;
  std::size_t end = start;
  int depth = 0;
  for (; end < text.size(); ++end) {
    const char c = text[end];
    if (c == '[' || c == '{') ++depth;
    if ((c == ']' || c == '}') && depth-- == 0) break;
    if (c == ',' && depth == 0) break;
  }
  return text.substr(0, start) + value + text.substr(end);
}

}  // namespace

TEST(ProgressFormat, RoundTripsThroughJsonByteForByte) {
  const progress p = sample_progress();
  const std::string text = to_json(p);
  const progress_result back = parse_progress(text, "go-notes");
  ASSERT_TRUE(back.progress) << back.error;
  EXPECT_EQ(to_json(*back.progress), text);
  EXPECT_EQ(back.progress->cards, p.cards);
  EXPECT_EQ(back.progress->log, p.log);
}

TEST(ProgressFormat, IsTheDocumentedShape) {
  progress p = empty_progress("go-notes");
  grade(p, "defer-order", rating::good, noon);
  EXPECT_EQ(to_json(p),
            R"({"format":"notequiz-progress","version":1,"deck":"go-notes","cards":{"defer-order":)"
            R"({"state":"learning","due":1735733400000,"stability":2.3065,"difficulty":2.11810397,)"
            R"("elapsedDays":0,"scheduledDays":0,"learningSteps":1,"reps":1,"lapses":0,"lastReview":1735732800000}},)"
            R"("log":[{"card":"defer-order","time":1735732800000,"rating":"good"}]})");
  EXPECT_EQ(to_json(empty_progress("go-notes")),
            R"({"format":"notequiz-progress","version":1,"deck":"go-notes","cards":{},"log":[]})");
}

TEST(ProgressParse, SortsTheLogAndCountsAnExactDuplicateOnce) {
  progress p = empty_progress("d");
  grade(p, "a", rating::good, noon);
  grade(p, "b", rating::good, noon + minute);
  std::string text = to_json(p);
  const std::string first = R"({"card":"a","time":1735732800000,"rating":"good"})";
  const std::string second = R"({"card":"b","time":1735732860000,"rating":"good"})";
  const std::size_t log = text.find("\"log\":[");
  text = text.substr(0, log) + "\"log\":[" + second + "," + first + "," + second + "]}";
  const progress_result r = parse_progress(text, "d");
  ASSERT_TRUE(r.progress) << r.error;
  EXPECT_EQ(r.progress->log, p.log);
}

TEST(ProgressParse, RejectsEveryTruncationOfAValidFile) {
  const std::string text = to_json(sample_progress());
  for (std::size_t n = 0; n < text.size(); ++n) expect_rejected(text.substr(0, n));
}

TEST(ProgressParse, RejectsWrongTypes) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"deck", "5"}, {"cards", "[]"}, {"log", "{}"}, {"time", "\"1735732800000\""}, {"rating", "3"},
           {"stability", "\"2.3\""}, {"state", "2"}, {"reps", "true"}, {"due", "null"}, {"card", "[]"},
           {"lastReview", "{}"}}) {
    SCOPED_TRACE(key + " = " + value);
    expect_rejected(with_value(key, value));
  }
  expect_rejected("[]");
  expect_rejected("\"progress\"");
  expect_rejected("");
}

TEST(ProgressParse, RejectsHugeNegativeAndNotANumberValues) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"time", "-1"}, {"time", "1e300"}, {"time", "99999999999999999999999"}, {"time", "8640000000000001"},
           {"time", "1735732800000.5"}, {"due", "18446744073709551615"}, {"due", "-9223372036854775808"},
           {"stability", "1e400"}, {"stability", "-2"}, {"stability", "0"}, {"difficulty", "11"},
           {"difficulty", "NaN"}, {"difficulty", "\"NaN\""}, {"stability", "Infinity"}, {"reps", "-1"},
           {"reps", "4294967296"}, {"lapses", "99"}, {"elapsedDays", "-3"}, {"learningSteps", "1.5"}}) {
    SCOPED_TRACE(key + " = " + value);
    expect_rejected(with_value(key, value));
  }
}

TEST(ProgressParse, RejectsUnknownVersionsFormatsAndOtherDecks) {
  expect_rejected(with_value("version", "2"));
  expect_rejected(with_value("version", "\"1\""));
  expect_rejected(with_value("format", "\"notequiz-deck\""));
  expect_rejected(to_json(sample_progress()), "another-deck");
  EXPECT_NE(parse_progress(to_json(sample_progress()), "another-deck").error.find("another-deck"), std::string::npos);
  EXPECT_TRUE(parse_progress(to_json(sample_progress())).progress) << "no deck asked: any deck";
}

TEST(ProgressParse, RejectsCardStatesTheLogDoesNotAccountFor) {
  expect_rejected(with_value("log", "[]"));                    // states without reviews
  expect_rejected(with_value("cards", "{}"));                  // reviews without states
  expect_rejected(with_value("reps", "7"));                    // more reps than reviews
  expect_rejected(with_value("lastReview", "1735732800001"));  // not the last review's time
  expect_rejected(with_value("state", "\"new\""));
  expect_rejected(with_value("rating", "\"Good\""));
}

TEST(ProgressParse, ErrorLeavesTheExistingProgressUntouched) {
  deck d;
  d.id = "go-notes";
  d.cards.push_back(card{});
  d.cards.back().id = "new-vs-make";
  const std::string deck_json = to_json(d);
  const progress existing = sample_progress();
  const std::string before = to_json(existing);
  progress current = existing;
  for (const std::string& bad : {with_value("time", "-1"), std::string("{\"format\":\"notequiz-progress\""),
                                 to_json(empty_progress("another-deck"))}) {
    const progress_result r = parse_progress(bad, "go-notes");
    if (r.progress) current = *r.progress;  // the caller's pattern: replace only on success
    EXPECT_EQ(to_json(current), before);
    // The JSON API says the same, and grading against bad progress changes nothing either.
    EXPECT_EQ(parse_progress_json(bad, "go-notes").rfind(R"({"ok":false,"error":")", 0), 0u);
    EXPECT_EQ(grade_card_json(deck_json, bad, "new-vs-make", "good", 1e12, "").rfind(R"({"ok":false,"error":")", 0), 0u);
  }
}

TEST(ProgressParse, NeverCrashesOnRandomlyDamagedFiles) {
  std::mt19937 rng(7);
  const std::string text = to_json(sample_progress());
  std::uniform_int_distribution<std::size_t> pos(0, text.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  int accepted = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string damaged = text;
    for (int k = i % 3; k >= 0; --k) damaged[pos(rng)] = static_cast<char>(byte(rng));
    const progress_result r = parse_progress(damaged, "go-notes");
    EXPECT_NE(r.progress.has_value(), !r.error.empty());
    if (!r.progress) continue;
    ++accepted;
    const progress_result again = parse_progress(to_json(*r.progress), "go-notes");
    ASSERT_TRUE(again.progress) << again.error;
    EXPECT_EQ(to_json(*again.progress), to_json(*r.progress));
  }
  EXPECT_LT(accepted, 3000);
}

TEST(ProgressMerge, IsCommutativeAndIdempotentOnRandomInputs) {
  std::mt19937 rng(20250601);
  fsrs_params params;
  params.fuzz = true;
  params.fuzz_seed = 11;
  for (int i = 0; i < 300; ++i) {
    const progress shared = random_progress(rng, empty_progress("go-notes"), params);
    const progress a = random_progress(rng, shared, params);
    const progress b = random_progress(rng, i % 4 == 0 ? empty_progress("go-notes") : shared, params);
    const progress_result ab = merge(a, b, params);
    const progress_result ba = merge(b, a, params);
    ASSERT_TRUE(ab.progress && ba.progress);
    EXPECT_EQ(to_json(*ab.progress), to_json(*ba.progress)) << "merge is not commutative";
    EXPECT_EQ(to_json(*merge(*ab.progress, *ab.progress, params).progress), to_json(*ab.progress));
    EXPECT_EQ(to_json(*merge(a, a, params).progress), to_json(a)) << "merge is not idempotent";
    EXPECT_EQ(to_json(*merge(*ab.progress, b, params).progress), to_json(*ab.progress));
    for (const progress* side : {&a, &b}) {
      for (const review_entry& e : side->log) {
        EXPECT_TRUE(std::binary_search(ab.progress->log.begin(), ab.progress->log.end(), e)) << "a review was lost";
      }
    }
    for (const auto& [id, card] : ab.progress->cards) {
      EXPECT_EQ(card, replay(id, ab.progress->log, params)) << "card " << id << " is not its reviews replayed";
    }
  }
}

TEST(ProgressMerge, RecomputesEachCardFromTheMergedLog) {
  progress a = empty_progress("go-notes");
  progress b = empty_progress("go-notes");
  grade(a, "defer-order", rating::easy, noon);
  grade(b, "defer-order", rating::easy, noon);  // the same review, seen by both browsers
  grade(a, "defer-order", rating::good, noon + 5 * day);
  grade(b, "defer-order", rating::again, noon + 9 * day);
  const progress m = *merge(a, b).progress;
  ASSERT_EQ(m.log.size(), 3u);
  card_schedule expected = schedule_review({}, rating::easy, noon);
  expected = schedule_review(expected, rating::good, noon + 5 * day);
  expected = schedule_review(expected, rating::again, noon + 9 * day);
  EXPECT_EQ(m.cards.at("defer-order"), expected);
  EXPECT_EQ(replay("defer-order", m.log), expected);
}

TEST(ProgressMerge, KeepsReviewsThatDifferOnlyInRatingOrCard) {
  progress a = empty_progress("go-notes");
  progress b = empty_progress("go-notes");
  grade(a, "x", rating::good, noon);
  grade(b, "x", rating::hard, noon);
  grade(b, "y", rating::good, noon);
  EXPECT_EQ(merge(a, b).progress->log.size(), 3u);
}

TEST(ProgressMerge, RefusesProgressOfAnotherDeck) {
  const progress_result r = merge(empty_progress("go-notes"), empty_progress("rust-notes"));
  EXPECT_FALSE(r.progress);
  EXPECT_NE(r.error.find("rust-notes"), std::string::npos);
}

TEST(DeletedCards, KeepTheirHistoryAndComeBackWithIt) {
  deck d;
  d.id = "go-notes";
  for (const char* id : {"new-vs-make", "defer-order"}) {
    card c;
    c.id = id;
    d.cards.push_back(c);
  }
  progress p = empty_progress(d.id);
  grade(p, "defer-order", rating::easy, noon);
  const card_schedule before = p.cards.at("defer-order");

  deck without = d;
  without.cards.pop_back();  // the question is deleted from the notes
  const std::int64_t later = before.due;
  EXPECT_EQ(build_queue(without, p, later).cards, (std::vector<std::string>{"new-vs-make"}));
  const progress saved = *parse_progress(to_json(p), d.id).progress;  // and the progress is saved
  EXPECT_EQ(saved.cards.at("defer-order"), before);

  // Restored: due as before, with its history, not new; a card never seen starts new.
  const session_queue q = build_queue(d, saved, later);
  EXPECT_EQ(q.cards, (std::vector<std::string>{"defer-order", "new-vs-make"}));
  EXPECT_EQ(q.counts.due, 1);
  EXPECT_EQ(q.counts.new_cards, 1);
}
