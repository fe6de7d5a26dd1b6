#pragma once
// Doubles as text: the shortest decimal that reads back as the same double, and its digits.

#include <cstddef>
#include <string_view>

namespace notequiz::detail {

/// Room `shortest_decimal` may write into.
constexpr std::size_t shortest_decimal_size = 32;

/// Writes `value` (finite, greater than 0) as the shortest decimal that reads back as `value`,
/// and of those the nearest to it (ties: the even last digit), and returns its length. The text
/// is in a notation strtod reads: digits with or without a point, and maybe an exponent.
/// Natively std::to_chars writes it (double_text.cpp); in the WebAssembly module the JS engine's
/// String() does (wasm/double_text.cpp), whose digits ECMAScript defines so.
std::size_t shortest_decimal(double value, char* out);

/// The significant digits of a decimal in any notation shortest_decimal writes ("0.00123",
/// "1200", "1.5e-7", "1.2e+03"), without leading or trailing zeros, into `digits` (as many bytes
/// as `text` has), and in `exponent` the power of ten of the last one: "1200" gives "12" and 2.
/// Returns how many digits.
int decimal_digits(std::string_view text, char* digits, int& exponent);

}  // namespace notequiz::detail
