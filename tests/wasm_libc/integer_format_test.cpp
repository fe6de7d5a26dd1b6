// The WebAssembly module's snprintf (wasm/integer_format.cpp), compiled natively and held to the
// C library's vsnprintf: same text, same length, same truncation, for every format it claims.
#include "integer_format.hpp"

#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

struct formatted {
  int length;
  std::string text;
};

formatted ours(std::size_t size, const char* format, ...) {
  std::vector<char> buffer(size + 1, '#');
  va_list args;
  va_start(args, format);
  const int length = notequiz::wasm::format_integers(size ? buffer.data() : nullptr, size, format, args);
  va_end(args);
  return {length, size ? std::string(buffer.data()) : std::string()};
}

formatted libc(std::size_t size, const char* format, ...) {
  std::vector<char> buffer(size + 1, '#');
  va_list args;
  va_start(args, format);
  const int length = std::vsnprintf(size ? buffer.data() : nullptr, size, format, args);
  va_end(args);
  return {length, size ? std::string(buffer.data()) : std::string()};
}

#define EXPECT_SAME_AS_LIBC(size, ...)                                         \
  do {                                                                         \
    const formatted a = ours(size, __VA_ARGS__);                               \
    const formatted b = libc(size, __VA_ARGS__);                               \
    EXPECT_EQ(a.length, b.length) << #__VA_ARGS__ << " into " << (size);       \
    EXPECT_EQ(a.text, b.text) << #__VA_ARGS__ << " into " << (size);           \
  } while (0)

constexpr std::size_t sizes[] = {0, 1, 2, 5, 64};

TEST(IntegerFormat, WritesNlohmannsEscapesAndTokensAsTheCLibraryDoes) {
  for (std::size_t size : sizes) {
    for (unsigned c : {0u, 7u, 0x1fu, 0x7fu, 0xffu, 0xd83du, 0xffffu}) {
      EXPECT_SAME_AS_LIBC(size, "\\u%04x", c);
      EXPECT_SAME_AS_LIBC(size, "\\u%04x\\u%04x", c, c + 1);
      EXPECT_SAME_AS_LIBC(size, "<U+%.4X>", c);
    }
  }
}

TEST(IntegerFormat, AgreesWithTheCLibraryOnEveryFlagWidthAndPrecision) {
  const char* formats[] = {
      "%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%-+6d|", "%.3d", "%8.3d", "%08.3d",
      "%.0d", "%-.0d|", "%x", "%X", "%#x", "%#X", "%#08x", "%#.6x", "%o", "%#o", "%#.0o", "%.0x",
      "%u", "%10u", "%-10u|", "%%d%d%%",
  };
  const int values[] = {0, 1, -1, 7, 42, -42, 255, 4096, 65535, -65536, 2147483647, -2147483647 - 1};
  for (const char* format : formats) {
    for (int v : values) {
      for (std::size_t size : sizes) EXPECT_SAME_AS_LIBC(size, format, v);
    }
  }
}

TEST(IntegerFormat, ReadsEachLengthModifiersArgument) {
  for (std::size_t size : sizes) {
    EXPECT_SAME_AS_LIBC(size, "%hhd %hhu %hhx", 300, 300, -1);
    EXPECT_SAME_AS_LIBC(size, "%hd %hu %hx", 70000, 70000, -1);
    EXPECT_SAME_AS_LIBC(size, "%ld %lu %lx", -9000000000L, 9000000000UL, -1L);
    EXPECT_SAME_AS_LIBC(size, "%lld %llu %llX", -9223372036854775807LL - 1, 18446744073709551615ULL, 1ULL << 63);
    EXPECT_SAME_AS_LIBC(size, "%jd %ju", static_cast<std::intmax_t>(-5), static_cast<std::uintmax_t>(5));
    EXPECT_SAME_AS_LIBC(size, "%zu %zx", static_cast<std::size_t>(123456789), static_cast<std::size_t>(0xbeef));
    EXPECT_SAME_AS_LIBC(size, "%td", static_cast<std::ptrdiff_t>(-77));
  }
}

TEST(IntegerFormat, WritesCharactersAndStringsWithWidthAndPrecision) {
  for (std::size_t size : sizes) {
    EXPECT_SAME_AS_LIBC(size, "[%c]", 'q');
    EXPECT_SAME_AS_LIBC(size, "[%3c][%-3c]", 'a', 'b');
    EXPECT_SAME_AS_LIBC(size, "[%s]", "notequiz");
    EXPECT_SAME_AS_LIBC(size, "[%12s][%-12s]", "right", "left");
    EXPECT_SAME_AS_LIBC(size, "[%.3s][%8.2s]", "abcdef", "xyz");
    EXPECT_SAME_AS_LIBC(size, "[%*d][%-*d][%.*d]", 6, 42, 6, 42, 4, 7);
    EXPECT_SAME_AS_LIBC(size, "[%*d]", -6, 42);
    EXPECT_SAME_AS_LIBC(size, "[%.*s]", -1, "negative precision is none");
    EXPECT_SAME_AS_LIBC(size, "plain text, no conversion at all");
    EXPECT_SAME_AS_LIBC(size, "");
  }
}

TEST(IntegerFormat, StopsAtAConversionItDoesNotHave) {
  EXPECT_EQ(ours(64, "%f", 1.5).length, notequiz::wasm::unsupported);
  EXPECT_EQ(ours(64, "%g", 1.5).length, notequiz::wasm::unsupported);
  EXPECT_EQ(ours(64, "%d then %e", 1, 2.5).length, notequiz::wasm::unsupported);
  EXPECT_EQ(ours(64, "%p", static_cast<void*>(nullptr)).length, notequiz::wasm::unsupported);
  EXPECT_EQ(ours(64, "ends in %").length, notequiz::wasm::unsupported);
}

}  // namespace
