// word_list: the checker's fixed lists of languages and HTML elements, looked up without case.
#include "check/word_lists.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <string_view>

using notequiz::detail::word_list;
using namespace std::string_literals;

namespace {

constexpr std::string_view words[] = {"c", "c#", "c++", "go", "objective-c", "python3", "sixteen-letters!", "zsh"};
constexpr word_list<std::size(words)> list(words);

}  // namespace

TEST(WordList, FindsEveryWordInAnyAsciiCase) {
  for (std::string_view w : words) EXPECT_TRUE(list.contains(w)) << w;
  EXPECT_TRUE(list.contains("Go"));
  EXPECT_TRUE(list.contains("GO"));
  EXPECT_TRUE(list.contains("Objective-C"));
  EXPECT_TRUE(list.contains("PYTHON3"));
}

TEST(WordList, RejectsPrefixesExtensionsAndOtherWords) {
  for (std::string_view w : {"", "g", "goo", "c+", "c##", "python", "objective", "zs", "zsh ", " go", "a", "zz"}) {
    EXPECT_FALSE(list.contains(w)) << '"' << w << '"';
  }
}

TEST(WordList, RejectsWordsLongerThanSixteenBytesAndWordsWithNulBytes) {
  EXPECT_FALSE(list.contains("sixteen-letters!x"));
  EXPECT_FALSE(list.contains("c\0"s));
  EXPECT_FALSE(list.contains("go\0\0"s));
}

TEST(WordList, FoldsOnlyAsciiLetters) {
  EXPECT_FALSE(list.contains("\xC3\x87"));  // Ç is not C
  EXPECT_FALSE(list.contains("c\xC2\xA3"));
}
