// question_places: the table of where each question of a corpus was first asked.
#include "check/question_places.hpp"

#include <gtest/gtest.h>

#include <cstdint>

using notequiz::detail::question_place;
using notequiz::detail::question_places;

namespace {

// Keys shaped like title hashes: spread over all 64 bits.
std::uint64_t key_of(std::uint64_t n) {
  n += 0x9E3779B97F4A7C15ull;
  n = (n ^ (n >> 30)) * 0xBF58476D1CE4E5B9ull;
  n = (n ^ (n >> 27)) * 0x94D049BB133111EBull;
  return n ^ (n >> 31);
}

}  // namespace

TEST(QuestionPlaces, KeepsThePlaceWhereAQuestionWasFirstAsked) {
  question_places places;
  const auto first = places.emplace(42, {0, 7});
  EXPECT_TRUE(first.second);
  const auto again = places.emplace(42, {3, 9});
  EXPECT_FALSE(again.second);
  EXPECT_EQ(again.first.file, 0u);
  EXPECT_EQ(again.first.line, 7u);
  EXPECT_EQ(places.size(), 1u);
}

TEST(QuestionPlaces, FindsEveryRepeatAfterGrowingToHundredsOfThousandsOfQuestions) {
  question_places places;
  constexpr std::uint32_t count = 300000;
  for (std::uint32_t n = 0; n < count; ++n) ASSERT_TRUE(places.emplace(key_of(n), {n / 28, n}).second) << n;
  for (std::uint32_t n = 0; n < count; n += 7) {
    const auto repeat = places.emplace(key_of(n), {count, 1});
    ASSERT_FALSE(repeat.second) << n;
    EXPECT_EQ(repeat.first.line, n);
  }
  EXPECT_EQ(places.size(), count);
}

TEST(QuestionPlaces, PrefetchingAKeyStoresNothingEvenInAnEmptyTable) {
  question_places places;
  places.prefetch(key_of(1));
  EXPECT_EQ(places.size(), 0u);
  EXPECT_TRUE(places.emplace(key_of(1), {0, 3}).second);
  for (std::uint32_t n = 0; n < 1000; ++n) places.prefetch(key_of(n));
  EXPECT_EQ(places.size(), 1u);
  EXPECT_FALSE(places.emplace(key_of(1), {1, 5}).second);
  EXPECT_TRUE(places.emplace(key_of(2), {1, 6}).second);
}

TEST(QuestionPlaces, HoldsAQuestionInLessThanTwoSlotsOfSixteenBytes) {
  question_places places;
  for (std::uint32_t n = 0; n < 56000; ++n) places.emplace(key_of(n), {n / 28, n % 28});
  EXPECT_LT(static_cast<double>(places.capacity()) / static_cast<double>(places.size()), 1.9);
  EXPECT_EQ(sizeof(question_places::slot), 16u);
}
