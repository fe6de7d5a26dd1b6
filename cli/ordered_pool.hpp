#pragma once
// Work done on a few threads, results handed back in the order the work was submitted.
//
// `notequiz check` reads and checks notes on several threads but prints and cross-checks them
// on one thread in input order, so its output never depends on which thread finished first.
// At most `window` tasks are submitted and not yet taken: memory stays bounded however many
// notes there are, and a slow note holds back only that many results.
//
// The thread that submits and takes is one of the `jobs`: while the result it needs is not
// ready it runs queued tasks itself instead of sleeping, so `jobs` threads are busy, not
// `jobs` + 1, and handing results over costs few context switches.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace notequiz::cli {

template <class Result>
class ordered_pool {
 public:
  // `jobs` 0 or 1: every task runs inside submit(), on the calling thread, as a plain loop would.
  ordered_pool(unsigned jobs, std::size_t window) : slots_(window < 1 ? 1 : window), inline_(jobs <= 1) {
    for (unsigned i = 1; i < jobs; ++i) threads_.emplace_back([this] { work(); });
  }

  ~ordered_pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_workers_.notify_all();
    for (auto& t : threads_) t.join();
  }

  ordered_pool(const ordered_pool&) = delete;
  ordered_pool& operator=(const ordered_pool&) = delete;

  // Tasks submitted and taken so far: task n (from 0) is taken once taken() > n.
  std::size_t submitted() const noexcept { return submitted_; }
  std::size_t taken() const noexcept { return taken_; }
  std::size_t pending() const noexcept { return submitted_ - taken_; }
  // submit() may be called only when the window has room: take() first otherwise.
  bool full() const noexcept { return pending() == slots_.size(); }

  void submit(std::function<Result()> task) {
    slot& s = slots_[submitted_ % slots_.size()];
    ++submitted_;
    if (inline_) {
      run(s, task);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      s.task = std::move(task);
      queue_.push_back(&s);
    }
    wake_workers_.notify_one();
  }

  // The result of the oldest task not yet taken, running queued tasks until it is ready;
  // rethrows what the task threw.
  Result take() {
    slot& s = slots_[taken_ % slots_.size()];
    ++taken_;
    if (!inline_) {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!s.done) {
        if (head_ < queue_.size()) {
          run_next(lock);
        } else {
          result_ready_.wait(lock);
        }
      }
    }
    s.done = false;
    if (s.failure) std::rethrow_exception(std::exchange(s.failure, nullptr));
    Result r = std::move(*s.result);
    s.result.reset();
    return r;
  }

 private:
  struct slot {
    std::function<Result()> task;
    std::optional<Result> result;
    std::exception_ptr failure;
    bool done = false;  // guarded by mutex_ unless inline_
  };

  static void run(slot& s, std::function<Result()>& task) {
    try {
      s.result.emplace(task());
    } catch (...) {
      s.failure = std::current_exception();
    }
    task = nullptr;
    s.done = true;
  }

  // Runs the oldest queued task outside the lock, which `lock` holds before and after.
  void run_next(std::unique_lock<std::mutex>& lock) {
    slot& s = *queue_[head_++];
    if (head_ == queue_.size()) queue_.clear(), head_ = 0;
    std::function<Result()> task = std::move(s.task);
    lock.unlock();
    slot done;
    run(done, task);
    lock.lock();
    s.result = std::move(done.result);
    s.failure = done.failure;
    s.done = true;
  }

  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_workers_.wait(lock, [&] { return stopping_ || head_ < queue_.size(); });
      // Stopping early (the submitter threw): tasks not started are dropped, as what they
      // refer to is going away.
      if (stopping_) return;
      run_next(lock);
      result_ready_.notify_one();  // the submitting thread is the only one waiting for results
    }
  }

  std::vector<slot> slots_;  // a ring: task n lives in slots_[n % window] until taken
  std::size_t submitted_ = 0, taken_ = 0;  // only the submitting thread touches these
  const bool inline_;

  std::mutex mutex_;
  std::condition_variable wake_workers_, result_ready_;
  std::vector<slot*> queue_;  // submitted, not yet started: queue_[head_] is next
  std::size_t head_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;  // last: started once everything above exists
};

}  // namespace notequiz::cli
