#pragma once
// The learner's day: local calendar days that start at the rollover hour.

#include <cstdint>

#include "notequiz/session.hpp"

namespace notequiz::detail {

class day_clock {
 public:
  // Out-of-range settings fall back to the defaults, as check_options documents.
  explicit day_clock(const session_options& options) {
    const std::int64_t offset = options.utc_offset_minutes >= -1439 && options.utc_offset_minutes <= 1439
                                    ? options.utc_offset_minutes
                                    : session_options{}.utc_offset_minutes;
    const std::int64_t rollover = options.rollover_hour >= 0 && options.rollover_hour <= 23
                                      ? options.rollover_hour
                                      : session_options{}.rollover_hour;
    shift_ms_ = (offset * 60 - rollover * 3600) * 1000;
  }

  std::int64_t day(std::int64_t ms) const {
    const std::int64_t local = ms + shift_ms_;
    return local / day_ms - (local % day_ms < 0 ? 1 : 0);
  }

  std::int64_t start(std::int64_t day) const { return day * day_ms - shift_ms_; }

 private:
  static constexpr std::int64_t day_ms = 86400000;
  std::int64_t shift_ms_ = 0;
};

}  // namespace notequiz::detail
