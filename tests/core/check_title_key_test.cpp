// title_key: what duplicate-question compares titles by, within and across notes.
#include "check/title_key.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

using notequiz::detail::title_key;
using namespace std::string_literals;

TEST(CheckTitleKey, GivesTheSameTitleTheSameKey) {
  const std::string title = "什么是 goroutine 泄漏";
  EXPECT_EQ(title_key(title), title_key(std::string(title)));
  EXPECT_EQ(title_key(""), title_key(std::string()));
}

TEST(CheckTitleKey, TellsTitlesThatDifferInAByteOrInLengthApart) {
  const std::string base = "What does the scheduler do when a goroutine blocks";
  std::set<std::uint64_t> keys = {title_key(base)};
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = static_cast<char>(changed[i] ^ 1);
    EXPECT_TRUE(keys.insert(title_key(changed)).second) << i;
  }
  for (std::size_t n = 0; n < base.size(); ++n) EXPECT_TRUE(keys.insert(title_key(base.substr(0, n))).second) << n;
  // Padding with NUL bytes is not the same title.
  EXPECT_NE(title_key("a"), title_key("a\0"s));
  EXPECT_NE(title_key("abcdefgh"), title_key("abcdefgh\0"s));
}

TEST(CheckTitleKey, GivesManySimilarTitlesDistinctKeys) {
  std::set<std::uint64_t> keys;
  for (int n = 0; n < 100000; ++n) keys.insert(title_key("问题 " + std::to_string(n)));
  EXPECT_EQ(keys.size(), 100000u);
}
