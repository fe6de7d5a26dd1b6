#pragma once
// JavaScript's rounding, which the scheduler must reproduce to agree with ts-fsrs.

#include <cmath>

namespace notequiz::detail {

/// Math.round: to the nearest integer, halves towards +infinity (std::round takes -2.5 to -3).
inline double js_round(double x) noexcept {
  const double down = std::floor(x);
  return x - down >= 0.5 ? down + 1 : down;  // x - floor(x) is exact
}

/// ts-fsrs `roundTo(x, 8)`.
inline double round8(double x) noexcept { return js_round(x * 1e8) / 1e8; }

}  // namespace notequiz::detail
