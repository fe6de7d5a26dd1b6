// The core's JSON tokens (core/src/json_reader.hpp) read as nlohmann's parser reads them:
// every string byte and escape, the edges of UTF-8 and of 64-bit integers, numbers a double
// cannot hold, byte order marks, whitespace, and nesting deeper than any stack.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "json_text.hpp"

using notequiz::detail::dump;
using notequiz::detail::json;
using notequiz::detail::read_json;

namespace {

// Whether read_json and nlohmann's parser agree on `text`: both reject it, or both read the
// same value (the same JSON written out, which also shows integer, unsigned and double apart).
// One difference is by design: nlohmann takes a NUL byte outside a string for the end of the
// text and ignores what follows, while read_json reads to the end; so where only nlohmann reads
// `text`, read_json must read what comes before its first NUL as nlohmann reads `text`.
::testing::AssertionResult reads_as_nlohmann(const std::string& text) {
  const json ours = read_json(text);
  const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto same = [&](const json& a) { return dump(a) == dump(theirs) && a.type() == theirs.type(); };
  if (!ours.is_discarded()) {
    if (!theirs.is_discarded() && same(ours)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << ::testing::PrintToString(text) << " reads as " << dump(ours)
                                         << ", nlohmann: " << (theirs.is_discarded() ? "not JSON" : dump(theirs));
  }
  if (theirs.is_discarded()) return ::testing::AssertionSuccess();
  const std::size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    const json before = read_json(text.substr(0, nul));
    if (!before.is_discarded() && same(before)) return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "only nlohmann reads " << ::testing::PrintToString(text);
}

std::string in_quotes(const std::string& inside) { return "\"" + inside + "\""; }

}  // namespace

TEST(JsonReader, ReadsEveryPairOfBytesInAStringAsNlohmannDoes) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string pair{static_cast<char>(a), static_cast<char>(b)};
      ASSERT_TRUE(reads_as_nlohmann(in_quotes(pair)));
    }
  }
}

TEST(JsonReader, AcceptsOnlyWellFormedUtf8OfThreeAndFourBytes) {
  // Each lead byte with the edges of the range its second byte may have, then the edges of a
  // continuation byte: overlong forms, surrogates and code points past U+10FFFF are rejected.
  const std::vector<int> edges = {0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  for (int lead = 0xE0; lead <= 0xFF; ++lead) {
    for (int second : edges) {
      for (int third : edges) {
        const std::string three{static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)};
        ASSERT_TRUE(reads_as_nlohmann(in_quotes(three)));
        ASSERT_TRUE(reads_as_nlohmann(in_quotes(three + "x")));
        for (int fourth : {0x7F, 0x80, 0xBF, 0xC0}) {
          ASSERT_TRUE(reads_as_nlohmann(in_quotes(three + static_cast<char>(fourth))));
        }
      }
    }
  }
  EXPECT_EQ(read_json(in_quotes("\xF0\x9F\x98\x80")).get<std::string>(), "\xF0\x9F\x98\x80");
  EXPECT_TRUE(read_json(in_quotes("\xED\xA0\x80")).is_discarded()) << "a surrogate written in UTF-8";
}

TEST(JsonReader, ReadsEveryEscapeAsNlohmannDoes) {
  for (int c = 0; c < 256; ++c) ASSERT_TRUE(reads_as_nlohmann(in_quotes(std::string("\\") + static_cast<char>(c))));
  for (const char* text : {"\\u0000", "\\u00e9", "\\u00E9", "\\uFFFF", "\\u12", "\\u12g4", "\\uD83D\\uDE00", "\\uD83D",
                           "\\uD83Dx", "\\uD83D\\u0041", "\\uD83D\\uD83D", "\\uDE00", "\\uDBFF\\uDFFF", "\\uD800\\uDC00",
                           "\\uDC00\\uD800", "\\u", "\\", "a\\/b"}) {
    EXPECT_TRUE(reads_as_nlohmann(in_quotes(text)));
  }
  EXPECT_EQ(read_json(in_quotes("\\uD83D\\uDE00")).get<std::string>(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(read_json(in_quotes("\\u0000")).get<std::string>(), std::string(1, '\0'));
}

TEST(JsonReader, ReadsNumbersAtEveryEdgeAsNlohmannDoes) {
  for (const char* text :
       {"0", "-0", "00", "01", "-", "-01", "1.", "1.0", ".1", "-.1", "1e", "1e+", "1e-", "1e5", "1E-5", "1.5e+3", "-1.5e-300",
        "1e400", "-1e400", "1e-400", "1.7976931348623157e308", "1.8e308", "18446744073709551615", "18446744073709551616",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "-123456789012345678901234567890", "+1", "0x10", "Infinity", "-Infinity", "NaN",
        "1 ", "[1e2,-0.0,0E0]", "1_000", "１"}) {
    EXPECT_TRUE(reads_as_nlohmann(text));
  }
  EXPECT_TRUE(read_json("18446744073709551615").is_number_unsigned());
  EXPECT_TRUE(read_json("-9223372036854775808").is_number_integer());
  EXPECT_TRUE(read_json("18446744073709551616").is_number_float()) << "past 64 bits, a double";
  EXPECT_TRUE(read_json("1e400").is_discarded()) << "a double cannot hold it";
}

TEST(JsonReader, ReadsToTheEndOfTheTextPastANulByte) {
  using namespace std::string_literals;
  EXPECT_TRUE(read_json("1\0"s).is_discarded());
  EXPECT_TRUE(read_json("{\"a\":1}\0{\"b\":2}"s).is_discarded()) << "a second document is not dropped unseen";
  EXPECT_FALSE(json::parse("{\"a\":1}\0{\"b\":2}"s, nullptr, false).is_discarded()) << "nlohmann stops at the NUL";
  EXPECT_EQ(read_json("\"a\\u0000b\""s).get<std::string>(), "a\0b"s);
}

TEST(JsonReader, SkipsOneByteOrderMarkAndOnlyJsonWhitespace) {
  for (const char* text : {"\xEF\xBB\xBF" "1", "\xEF\xBB\xBF", "\xEF\xBB" "1", "\xEF" "1", "1\xEF\xBB\xBF",
                           " \xEF\xBB\xBF" "1", "\xEF\xBB\xBF\xEF\xBB\xBF" "1", " \t\r\n1\n", "\v1", "\f1", "\xC2\xA0" "1",
                           "[1\t,\r2\n]", "{ \"a\" : 1 }"}) {
    EXPECT_TRUE(reads_as_nlohmann(text));
  }
}

TEST(JsonReader, ReadsNestingDeeperThanAnyCallStack) {
  // Deeper than a reader calling itself per level could go in the WebAssembly module's 5 MiB
  // stack (tests/wasm/deck_handles.test.mjs reads the same there).
  const std::size_t depth = 200000;
  const json deep = read_json(std::string(depth, '[') + std::string(depth, ']'));
  ASSERT_TRUE(deep.is_array());
  EXPECT_EQ(deep.size(), 1u);
  EXPECT_TRUE(read_json(std::string(depth, '[') + std::string(depth - 1, ']')).is_discarded());
  // nlohmann writes nesting out recursively: compare at a depth its writer can take.
  EXPECT_TRUE(reads_as_nlohmann(std::string(300, '[') + std::string(300, ']')));
  std::string objects;
  for (int i = 0; i < 300; ++i) objects += "{\"k\":";
  objects += "null" + std::string(300, '}');
  EXPECT_TRUE(reads_as_nlohmann(objects));
}

TEST(JsonReader, ReadsRandomBytesAsNlohmannDoes) {
  // Random text from the bytes that decide how JSON reads: quotes, escapes, digits and number
  // signs, literal letters, brackets, whitespace, a NUL, and UTF-8 lead and continuation bytes.
  std::string alphabet = "\"\\/u0189eE+-.tfnrlsa{}[],: \t\n\xEF\xBB\xBF\xC3\xA9\xF0\x80\xED";
  alphabet += '\0';
  std::mt19937 random(5);
  for (int i = 0; i < 40000; ++i) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 16);
    for (int k = 0; k < length; ++k) text += alphabet[random() % alphabet.size()];
    ASSERT_TRUE(reads_as_nlohmann(text));
    ASSERT_TRUE(reads_as_nlohmann(in_quotes(text)));
    ASSERT_TRUE(reads_as_nlohmann("[" + text + "]"));
  }
}
