// The checker on the notes it was built for: the verbatim seed and the bundled decks.
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckSeed, FindsExactlyTheKnownProblemsOfTheVerbatimSeed) {
  const std::string path = std::string(NOTEQUIZ_SOURCE_DIR) + "/tests/fixtures/go-interview-notes.md";
  const auto r = check(read_whole_file(path), path, nullptr, on_disk);
  const std::vector<std::string> expected = {
      "empty-answer@37",       // 有异常类型吗: nothing under it
      "fence-language@43",     // new 和 make 的区别
      "fence-language@55",     // 数组和切片
      "fence-language@72",     // defer
      "fence-language@89",     // 闭包
      "fence-language@100",    // GC垃圾回收方式
      "fence-language@118",    // 进程
      "missing-image@125",     // ./goImages/goroutine-01.png
      "missing-image@126",     // ./goImages/goroutine-02.png
      "fence-language@127",    // 协程
      "fence-language@136",    // 线程
      "fence-language@144",    // 原子操作
      "fence-language@151",    // MPG并发模型
      "empty-answer@169",      // HTTP面试题: an empty go fence
      "fence-language@178",    // TCP 的四次挥手机制
      "fence-language@185",    // 死锁
      "fence-language@195",    // 优雅的启停
      "fence-language@205",    // Painc 、Recover
      "fence-language@234",    // MPG
      "fence-language@245",    // 内存泄露问题
      "missing-image@264",     // ./goImages/pkg-init.png
      "fence-language@265",    // 程序初始化
      "fence-language@270",    // 面向并发的内存模型
      "fence-language@279",    // 相关连接: titles and URLs
  };
  EXPECT_EQ(found(r), expected);
  EXPECT_EQ(r.cards, 28u);
}

TEST(CheckSeed, FindsNothingInTheBundledDecks) {
  for (const std::string file : {"content/go-interview.md", "content/go-quick-quiz.md"}) {
    const std::string path = std::string(NOTEQUIZ_SOURCE_DIR) + "/" + file;
    const auto r = check(read_whole_file(path), path, nullptr, on_disk);
    EXPECT_TRUE(r.diagnostics.empty()) << file << ": " << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  }
}
