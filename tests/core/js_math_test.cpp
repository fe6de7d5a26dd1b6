// JavaScript's arithmetic as the scheduler reproduces it (core/src/session/js_math.hpp).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

#include "session/js_math.hpp"

using notequiz::detail::js_round;
using notequiz::detail::js_to_uint32;

namespace {

// ToUint32 as ECMAScript defines it: the integer part, then its remainder modulo 2^32 taken
// towards minus infinity.
double spec_to_uint32(double x) {
  const double m = std::fmod(std::trunc(x), 4294967296.0);
  return m < 0 ? m + 4294967296.0 : m;
}

}  // namespace

TEST(JsMath, ToUint32KeepsTheIntegerPartModulo2To32AsJavaScriptsUnsignedShiftDoes) {
  EXPECT_EQ(js_to_uint32(0.0), 0.0);
  EXPECT_EQ(js_to_uint32(-0.5), 0.0);
  EXPECT_EQ(js_to_uint32(7.9), 7.0);
  EXPECT_EQ(js_to_uint32(-1.0), 4294967295.0);
  EXPECT_EQ(js_to_uint32(4294967296.0), 0.0);
  EXPECT_EQ(js_to_uint32(4294967301.75), 5.0);
  EXPECT_EQ(js_to_uint32(-4294967297.0), 4294967295.0);
  EXPECT_EQ(js_to_uint32(9007199254740993.0 * 4), spec_to_uint32(9007199254740993.0 * 4));
  // Every magnitude and sign: finite doubles from random bits.
  std::mt19937_64 random(7);
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t bits = random();
    double x;
    std::memcpy(&x, &bits, sizeof x);
    if (!std::isfinite(x)) continue;
    ASSERT_EQ(js_to_uint32(x), spec_to_uint32(x)) << x;
    const double scaled = std::ldexp(static_cast<double>(static_cast<std::int64_t>(bits)), -static_cast<int>(bits % 40));
    ASSERT_EQ(js_to_uint32(scaled), spec_to_uint32(scaled)) << scaled;
  }
}

TEST(JsMath, RoundTakesHalvesTowardsPlusInfinity) {
  EXPECT_EQ(js_round(2.5), 3.0);
  EXPECT_EQ(js_round(-2.5), -2.0);
  EXPECT_EQ(js_round(-2.6), -3.0);
  EXPECT_EQ(js_round(0.49999999999999994), 0.0);
}
