#include "double_text.hpp"

#include <charconv>

namespace notequiz::detail {

// Natively std::to_chars without a precision gives the shortest decimal that reads back, the
// nearest of those. emscripten's libc++ has no std::to_chars for doubles: the WebAssembly module
// has its own shortest_decimal (wasm/double_text.cpp).
#ifndef __EMSCRIPTEN__
std::size_t shortest_decimal(double value, char* out) {
  return static_cast<std::size_t>(std::to_chars(out, out + shortest_decimal_size, value, std::chars_format::scientific).ptr - out);
}
#endif

int decimal_digits(std::string_view text, char* digits, int& exponent) {
  int length = 0;
  exponent = 0;
  bool point = false;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != 'e'; ++i) {
    if (text[i] == '.') {
      point = true;
    } else {
      if (length > 0 || text[i] != '0') digits[length++] = text[i];
      if (point) --exponent;
    }
  }
  if (i < text.size()) {
    ++i;
    const bool negative = text[i] == '-';
    if (text[i] == '-' || text[i] == '+') ++i;
    int e = 0;
    for (; i < text.size(); ++i) e = e * 10 + (text[i] - '0');
    exponent += negative ? -e : e;
  }
  for (; length > 1 && digits[length - 1] == '0'; --length) ++exponent;
  return length;
}

}  // namespace notequiz::detail
