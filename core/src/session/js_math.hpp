#pragma once
// JavaScript's rounding and integer conversion, which the scheduler must reproduce to agree with
// ts-fsrs.

#include <cmath>

namespace notequiz::detail {

/// Math.round: to the nearest integer, halves towards +infinity (std::round takes -2.5 to -3).
inline double js_round(double x) noexcept {
  const double down = std::floor(x);
  return x - down >= 0.5 ? down + 1 : down;  // x - floor(x) is exact
}

/// ECMAScript's ToUint32 for a finite number (`x >>> 0`): the integer part modulo 2^32, in
/// [0, 2^32). Exact in doubles: t / 2^32 and k * 2^32 only scale by a power of two, and
/// t - k * 2^32 is an integer below 2^32, which a double holds, so nothing is rounded. (No fmod:
/// the WebAssembly module would carry musl's.)
inline double js_to_uint32(double x) noexcept {
  const double t = std::trunc(x);
  return t - std::floor(t / 4294967296.0) * 4294967296.0;
}

/// ts-fsrs `roundTo(x, 8)`.
inline double round8(double x) noexcept { return js_round(x * 1e8) / 1e8; }

}  // namespace notequiz::detail
