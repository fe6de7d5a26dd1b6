// strtod for the WebAssembly module: the JS engine reads the digits.
//
// The module's only strtod caller is the core's JSON reader (core/src/json_reader.hpp), reading
// the numbers of decks, progress files and options. musl's strtod reads decimals with 128-bit long double arithmetic, which
// WebAssembly only has in software (__multf3, __divtf3, __addtf3, fmodl, scalbnl, ...): 6.7 KB
// of the module, gzip-compressed. Number() (in wasm/loader.js) gives the same double: ECMAScript rounds a decimal to
// the nearest double, ties to even, as musl does (engines do it at any length, though the
// standard lets them cut past 20 significant digits), so progress files read back bit for bit
// (tests/wasm/progress_numbers.test.mjs).
//
// The link wraps strtod (-Wl,--wrap=strtod in wasm/CMakeLists.txt): every call to it comes
// here as __wrap_strtod. musl's strtod.o still joins the link, because libc++'s string.o refers
// to strtof and strtold, but nothing calls those, so link-time optimization leaves none of it.

#include <cstddef>
#include <cstdlib>

// Decimal text only (sign, digits, point, exponent), ASCII: what the C side below has matched.
// Imported from wasm/loader.js, which reads it with Number().
extern "C" __attribute__((import_module("env"), import_name("nq_decimal_number"))) double nq_decimal_number(
    const char* text, std::size_t size);

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }  // isspace in the C locale
bool starts_with_letters(const char* p, const char* lower) {
  for (; *lower; ++p, ++lower) {
    if ((*p | 0x20) != *lower) return false;
  }
  return true;
}

}  // namespace

// Called as strtod (see the top of the file).
extern "C" double __wrap_strtod(const char* text, char** end) {
  const char* p = text;
  while (is_space(*p)) ++p;
  const char* const number = p;
  if (*p == '+' || *p == '-') ++p;
  // C99's hexadecimal floats, infinities and NaNs are no JSON numbers, so nothing here asks for
  // them; reading them would be code the module never runs. Stop rather than read them as
  // anything other than what native code reads.
  if ((p[0] == '0' && (p[1] | 0x20) == 'x' && (is_hex_digit(p[2]) || (p[2] == '.' && is_hex_digit(p[3])))) ||
      starts_with_letters(p, "inf") || starts_with_letters(p, "nan")) {
    std::abort();
  }
  std::size_t digits = 0;
  for (; is_digit(*p); ++p) ++digits;
  if (*p == '.') {
    for (++p; is_digit(*p); ++p) ++digits;
  }
  if (digits == 0) {  // no number at all: nothing is read
    if (end) *end = const_cast<char*>(text);
    return 0;
  }
  if ((*p | 0x20) == 'e') {  // an exponent only counts with at least one digit
    const char* e = p + 1;
    if (*e == '+' || *e == '-') ++e;
    if (is_digit(*e)) {
      while (is_digit(*e)) ++e;
      p = e;
    }
  }
  if (end) *end = const_cast<char*>(p);
  return nq_decimal_number(number, static_cast<std::size_t>(p - number));
}
