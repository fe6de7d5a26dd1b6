// ordered_pool: work on several threads, results back in the order the work was submitted.
#include "ordered_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using notequiz::cli::ordered_pool;

namespace {

// Later tasks finish first: task n sleeps longer the smaller n is.
int slow_then_fast(int n, int count) {
  std::this_thread::sleep_for(std::chrono::microseconds(200 * (count - n)));
  return n;
}

}  // namespace

TEST(OrderedPool, HandsResultsBackInSubmissionOrderWhateverFinishesFirst) {
  constexpr int count = 40;
  ordered_pool<int> pool(4, 8);
  std::vector<int> taken;
  for (int n = 0; n < count; ++n) {
    if (pool.full()) taken.push_back(pool.take());
    pool.submit([n] { return slow_then_fast(n, count); });
  }
  while (pool.pending() > 0) taken.push_back(pool.take());
  std::vector<int> expected(count);
  for (int n = 0; n < count; ++n) expected[n] = n;
  EXPECT_EQ(taken, expected);
}

TEST(OrderedPool, IsFullWhenItsWindowOfTasksIsSubmittedAndNotTaken) {
  std::atomic<int> started{0};
  ordered_pool<int> pool(4, 3);
  for (int n = 0; n < 3; ++n) pool.submit([&started, n] { return ++started, n; });
  EXPECT_TRUE(pool.full());
  EXPECT_EQ(pool.take(), 0);
  EXPECT_FALSE(pool.full());
  EXPECT_EQ(pool.submitted(), 3u);
  EXPECT_EQ(pool.taken(), 1u);
  while (pool.pending() > 0) pool.take();
  EXPECT_EQ(started.load(), 3);
}

TEST(OrderedPool, WithOneJobRunsEachTaskInsideSubmitOnTheCallingThread) {
  ordered_pool<std::thread::id> pool(1, 1);
  pool.submit([] { return std::this_thread::get_id(); });
  EXPECT_EQ(pool.take(), std::this_thread::get_id());
}

TEST(OrderedPool, RethrowsWhatATaskThrewWhenItsTurnComes) {
  ordered_pool<std::string> pool(2, 4);
  pool.submit([] { return std::string("first"); });
  pool.submit([]() -> std::string { throw std::runtime_error("second failed"); });
  pool.submit([] { return std::string("third"); });
  EXPECT_EQ(pool.take(), "first");
  EXPECT_THROW(pool.take(), std::runtime_error);
  EXPECT_EQ(pool.take(), "third");
}

TEST(OrderedPool, StopsCleanlyWithWorkNeverTaken) {
  std::atomic<int> finished{0};
  {
    ordered_pool<int> pool(2, 4);
    for (int n = 0; n < 4; ++n) pool.submit([&finished, n] { return ++finished, n; });
  }
  EXPECT_LE(finished.load(), 4);
}

TEST(OrderedPool, TheTakingThreadIsOneOfTheJobs) {
  // Two jobs: one thread besides the taking one. The first task cannot finish before the
  // second has run, so this ends only if the taking thread runs a task while it waits.
  ordered_pool<int> pool(2, 4);
  std::atomic<bool> second_ran{false};
  pool.submit([&] {
    while (!second_ran) std::this_thread::yield();
    return 1;
  });
  pool.submit([&] { return second_ran = true, 2; });
  EXPECT_EQ(pool.take(), 1);
  EXPECT_EQ(pool.take(), 2);
}
