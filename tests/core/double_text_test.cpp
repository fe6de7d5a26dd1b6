// Doubles' digits (core/src/double_text.hpp): natively std::to_chars gives the shortest decimal
// that reads back, and decimal_digits reads its digits out of any notation the module's JS
// engine writes too (String(): "100", "0.000123", "1.5e-7", "1e+21").
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "double_text.hpp"

using notequiz::detail::decimal_digits;
using notequiz::detail::shortest_decimal;
using notequiz::detail::shortest_decimal_size;

namespace {

std::string digits_and_exponent(std::string_view text) {
  char digits[64];
  int exponent = 99;
  const int length = decimal_digits(text, digits, exponent);
  return std::string(digits, static_cast<std::size_t>(length)) + " " + std::to_string(exponent);
}

std::string shortest(double d) {
  char text[shortest_decimal_size];
  return std::string(text, shortest_decimal(d, text));
}

}  // namespace

TEST(DecimalDigits, ReadsWholeNumbersWithTheirTrailingZerosAsAPowerOfTen) {
  EXPECT_EQ(digits_and_exponent("100"), "1 2");
  EXPECT_EQ(digits_and_exponent("1200"), "12 2");
  EXPECT_EQ(digits_and_exponent("7"), "7 0");
  EXPECT_EQ(digits_and_exponent("36500"), "365 2");
  EXPECT_EQ(digits_and_exponent("123456789012345680000"), "12345678901234568 4");
}

TEST(DecimalDigits, ReadsFractionsWithoutTheirLeadingZeros) {
  EXPECT_EQ(digits_and_exponent("0.001"), "1 -3");
  EXPECT_EQ(digits_and_exponent("0.000123"), "123 -6");
  EXPECT_EQ(digits_and_exponent("123.456"), "123456 -3");
  EXPECT_EQ(digits_and_exponent("1.5"), "15 -1");
  EXPECT_EQ(digits_and_exponent("0.0000012345678901234567"), "12345678901234567 -22");
}

TEST(DecimalDigits, ReadsExponentsAsJavaScriptAndToCharsWriteThem) {
  EXPECT_EQ(digits_and_exponent("1.5e-7"), "15 -8");
  EXPECT_EQ(digits_and_exponent("1e+21"), "1 21");
  EXPECT_EQ(digits_and_exponent("5e-324"), "5 -324");
  EXPECT_EQ(digits_and_exponent("1.7976931348623157e+308"), "17976931348623157 292");
  EXPECT_EQ(digits_and_exponent("1.5e+02"), "15 1");
  EXPECT_EQ(digits_and_exponent("2.5e-05"), "25 -6");
  EXPECT_EQ(digits_and_exponent("1e+00"), "1 0");
}

TEST(ShortestDecimal, WritesTheFewestDigitsThatReadBackAndTheNearestOfThose) {
  EXPECT_EQ(shortest(0.1), "1e-01");
  EXPECT_EQ(shortest(100), "1e+02");
  EXPECT_EQ(shortest(5e-324), "5e-324");
  // 0.3 is not 0.1 + 0.2: it takes 17 digits to tell them apart.
  EXPECT_EQ(shortest(0.1 + 0.2), "3.0000000000000004e-01");
  // Grisu2 writes 149.19555733515799 for this double; 15 digits read back.
  const double d = std::strtod("149.19555733515799", nullptr);
  EXPECT_EQ(shortest(d), "1.49195557335158e+02");
  EXPECT_EQ(std::strtod(shortest(d).c_str(), nullptr), d);
}
