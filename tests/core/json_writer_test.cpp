// The core's JSON writer (dump, core/src/json_writer.cpp) writes what nlohmann's serializer
// writes, byte for byte (j.dump(-1, ' ', false, error_handler_t::replace)): every string of one
// and two bytes, UTF-8 valid and not, every escape, numbers at their edges and at random, every
// kind of value, random documents and the repository's JSON files. It also writes nesting
// deeper than a call stack holds, which nlohmann's recursive serializer cannot.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "json_text.hpp"
#include "test_support.hpp"

using notequiz::detail::dump;
using notequiz::detail::json;

namespace {

// The reference: what nlohmann's own serializer writes.
std::string nlohmann_writes(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void expect_written_as_nlohmann_does(const json& j) { EXPECT_EQ(dump(j), nlohmann_writes(j)) << nlohmann_writes(j).substr(0, 200); }

// Strings of bytes that UTF-8 decoding finds hard: ASCII, control characters, continuation
// bytes, lead bytes of every length, and the bytes no sequence may hold.
std::string random_bytes(std::mt19937& random, std::size_t max_length) {
  static const std::vector<unsigned char> alphabet = {
      'a', ' ', '"', '\\', '/', 0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
      0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4, 0xB8, 0xAD, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  std::string s(random() % (max_length + 1), '\0');
  for (char& c : s) c = static_cast<char>(alphabet[random() % alphabet.size()]);
  return s;
}

double random_double(std::mt19937_64& random) {
  const std::uint64_t bits = random();
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// A random value nested at most `depth` deep, with random keys and strings.
json random_value(std::mt19937& random, std::mt19937_64& numbers, int depth) {
  switch (random() % (depth > 0 ? 9 : 7)) {
    case 0: return nullptr;
    case 1: return random() % 2 == 0;
    case 2: return static_cast<std::int64_t>(numbers());
    case 3: return numbers();
    case 4: return random_double(numbers);
    case 5: return static_cast<double>(static_cast<std::int32_t>(random())) / 1000;
    case 6: return random_bytes(random, 8);
    case 7: {
      json a = json::array();
      for (std::size_t n = random() % 5; n > 0; --n) a.push_back(random_value(random, numbers, depth - 1));
      return a;
    }
    default: {
      json o = json::object();
      for (std::size_t n = random() % 5; n > 0; --n) o[random_bytes(random, 4)] = random_value(random, numbers, depth - 1);
      return o;
    }
  }
}

}  // namespace

TEST(JsonWriter, WritesEveryStringOfOneAndTwoBytesAsNlohmannDoes) {
  for (int a = 0; a < 256; ++a) {
    expect_written_as_nlohmann_does(json(std::string(1, static_cast<char>(a))));
    for (int b = 0; b < 256; ++b) {
      const std::string s{static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(dump(json(s)), nlohmann_writes(json(s))) << a << " " << b;
    }
  }
}

TEST(JsonWriter, WritesUtf8AtTheEdgesOfEachRangeAndCutShortAsNlohmannDoes) {
  const std::vector<std::string> sequences = {
      "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF\xBF",
      "\xF0\x90\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80"};
  for (const std::string& sequence : sequences) {
    for (std::size_t cut = 0; cut <= sequence.size(); ++cut) {
      for (const char* after : {"", "a", "\x80", "\xE4\xB8\xAD", "\""}) {
        expect_written_as_nlohmann_does(json(sequence.substr(0, cut) + after));
        expect_written_as_nlohmann_does(json("x" + sequence.substr(0, cut) + after + sequence));
      }
    }
  }
}

TEST(JsonWriter, WritesRandomBytesAsNlohmannDoes) {
  std::mt19937 random(5);
  for (int i = 0; i < 100000; ++i) {
    const json s = random_bytes(random, 12);
    ASSERT_EQ(dump(s), nlohmann_writes(s));
  }
}

TEST(JsonWriter, WritesNumbersAtTheirEdgesAndAtRandomAsNlohmannDoes) {
  using limits = std::numeric_limits<double>;
  for (const std::int64_t n : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{7}, std::numeric_limits<std::int64_t>::min(),
                               std::numeric_limits<std::int64_t>::max()}) {
    expect_written_as_nlohmann_does(json(n));
  }
  for (const std::uint64_t n : {std::uint64_t{0}, std::uint64_t{10}, std::numeric_limits<std::uint64_t>::max()}) {
    expect_written_as_nlohmann_does(json(n));
  }
  for (const double d : {0.0, -0.0, 1.0, -1.5, 0.1, 1e21, 1e-7, 123456789012345680.0, limits::min(), limits::denorm_min(),
                         limits::max(), limits::lowest(), limits::epsilon(), limits::infinity(), -limits::infinity(),
                         limits::quiet_NaN()}) {
    expect_written_as_nlohmann_does(json(d));
  }
  std::mt19937_64 numbers(3);
  for (int i = 0; i < 100000; ++i) {
    const json d = random_double(numbers);
    ASSERT_EQ(dump(d), nlohmann_writes(d));
  }
}

TEST(JsonWriter, WritesEveryKindOfValueAsNlohmannDoes) {
  expect_written_as_nlohmann_does(json(nullptr));
  expect_written_as_nlohmann_does(json(true));
  expect_written_as_nlohmann_does(json(false));
  expect_written_as_nlohmann_does(json::object());
  expect_written_as_nlohmann_does(json::array());
  expect_written_as_nlohmann_does(json::array({json::object(), json::array(), json::array({json::array()})}));
  expect_written_as_nlohmann_does(json::binary({}));
  expect_written_as_nlohmann_does(json::binary({1, 2, 255}));
  expect_written_as_nlohmann_does(json::binary({0}, 42));
  expect_written_as_nlohmann_does(json(json::value_t::discarded));
  json o;
  o["b"] = 1;
  o["a"] = json::array({"x", nullptr, 2.5});
  o["\xE4\xB8\xAD\n"] = json::object();
  EXPECT_EQ(dump(o), "{\"b\":1,\"a\":[\"x\",null,2.5],\"\xE4\xB8\xAD\\n\":{}}");
  expect_written_as_nlohmann_does(o);
}

TEST(JsonWriter, WritesRandomDocumentsAsNlohmannDoes) {
  std::mt19937 random(17);
  std::mt19937_64 numbers(19);
  for (int i = 0; i < 20000; ++i) {
    const json j = random_value(random, numbers, 4);
    ASSERT_EQ(dump(j), nlohmann_writes(j));
  }
}

TEST(JsonWriter, WritesTheRepositorysJsonFilesAsNlohmannDoes) {
  for (const char* name : {"tests/data/fsrs-vectors.json", "tests/data/session-script.json",
                           "tests/data/session-script.expected.json", "package.json", "package-lock.json"}) {
    const json j = json::parse(notequiz::testing::read_source_file(name));
    expect_written_as_nlohmann_does(j);
  }
}

TEST(JsonWriter, WritesNestingDeeperThanAnyCallStack) {
  constexpr std::size_t depth = 1000000;
  json nested = json::array();
  for (std::size_t i = 1; i < depth; ++i) {
    json outer = json::array();
    outer.push_back(std::move(nested));
    nested = std::move(outer);
  }
  EXPECT_EQ(dump(nested), std::string(depth, '[') + std::string(depth, ']'));
}
