// The verbatim seed notes: the most realistic input we have.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace notequiz;
using notequiz::testing::find_card;

namespace {

const parse_result& seed() {
  static const parse_result result =
      notequiz::testing::parse(notequiz::testing::read_source_file("tests/fixtures/go-interview-notes.md"),
                               "tests/fixtures/go-interview-notes.md");
  return result;
}

}  // namespace

TEST(SeedNotes, GiveTwentyEightCardsWithTheirTitlesInOrder) {
  const std::vector<std::string> expected = {
      "= 和 := 有什么区别",
      "nil切片和空切片指向的地址一样吗？这个代码会输出什么？",
      "字符串转成byte数组，会发生内存拷贝吗？",
      "什么是指针和指针变量",
      "有异常类型吗",
      "new 和 make 的区别",
      "数组和切片",
      "值传递和地址传递",
      "defer 的执行顺序是什么？ defer 的作用和特 点是什么？",
      "闭包",
      "GC垃圾回收方式",
      "GC触发时机",
      "进程",
      "协程",
      "线程",
      "原子操作",
      "MPG并发模型",
      "HTTP面试题",
      "详细介绍一下 TCP 的四次挥手机制",
      "死锁",
      "优雅的启停",
      "Painc 、Recover",
      "slice",
      "MPG",
      "内存泄露问题",
      "程序初始化",
      "面向并发的内存模型 不要通过共享内存来通信，而应通过通信来共享内存",
      "相关连接",
  };
  const auto& cards = seed().deck.cards;
  ASSERT_EQ(cards.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(cards[i].title, expected[i]) << "card " << i;
    EXPECT_EQ(cards[i].kind, card_kind::flashcard) << cards[i].title;
    EXPECT_TRUE(cards[i].section_path.empty()) << cards[i].title;
  }
}

TEST(SeedNotes, LeaveExactlyTheTwoKnownAnswersEmptyOfText) {
  const card* no_answer = find_card(seed().deck, "有异常类型吗");
  ASSERT_NE(no_answer, nullptr);
  EXPECT_EQ(no_answer->answer_markdown, "");
  EXPECT_EQ(no_answer->answer_html, "");

  const card* empty_fence = find_card(seed().deck, "HTTP面试题");
  ASSERT_NE(empty_fence, nullptr);
  EXPECT_EQ(empty_fence->answer_markdown, "```go\n\n\n```");
  EXPECT_EQ(empty_fence->answer_html, "<pre><code class=\"language-go\">\n\n</code></pre>\n");
}

TEST(SeedNotes, ListTheThreeImagesAsWrittenWithTheirLines) {
  std::vector<std::pair<std::string, std::uint32_t>> images;
  for (const auto& c : seed().deck.cards) {
    for (const auto& img : c.images) images.emplace_back(img.url, img.line);
  }
  const std::vector<std::pair<std::string, std::uint32_t>> expected = {
      {"./goImages/goroutine-01.png", 125},
      {"./goImages/goroutine-02.png", 126},
      {"./goImages/pkg-init.png", 264},
  };
  EXPECT_EQ(images, expected);
}

TEST(SeedNotes, PointEveryCardAtItsHeadingAndAnswerLines) {
  const card* first = find_card(seed().deck, "= 和 := 有什么区别");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->position.line, 1u);
  EXPECT_EQ(first->position.column, 1u);
  EXPECT_EQ(first->position.answer_start_line, 3u);
  EXPECT_EQ(first->position.answer_end_line, 7u);

  const card* defer = find_card(seed().deck, "defer 的执行顺序是什么？ defer 的作用和特 点是什么？");
  ASSERT_NE(defer, nullptr);
  EXPECT_EQ(defer->position.line, 70u);

  const card* last = find_card(seed().deck, "相关连接");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->position.line, 278u);
  EXPECT_EQ(last->position.answer_start_line, 279u);
}

TEST(SeedNotes, KeepProseInsideFencesWithItsLineBreaks) {
  const card* c = find_card(seed().deck, "= 和 := 有什么区别");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->answer_html,
            "<pre><code>= 是赋值\n:= 是声明并赋值\n"
            "一个变量只能声明一次，使用多次 := 是不允许的，而当你声明一次后，却可以赋值多次，没有限制。\n"
            "</code></pre>\n");
  EXPECT_EQ(c->code_languages, std::vector<std::string>{});
  const card* closure = find_card(seed().deck, "闭包");
  ASSERT_NE(closure, nullptr);
  EXPECT_EQ(closure->code_languages, std::vector<std::string>{"go"});
}
