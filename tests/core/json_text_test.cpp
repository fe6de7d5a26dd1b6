// The core's JSON reader (core/src/json_text.cpp) makes the value nlohmann's own parser makes,
// for every document: objects small and large (where it indexes the keys), repeated keys,
// nesting, and text that is not JSON.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "json_text.hpp"
#include "test_support.hpp"

using notequiz::detail::append_new_member;
using notequiz::detail::dump;
using notequiz::detail::json;
using notequiz::detail::read_json;

namespace {

// What nlohmann's parser makes of `text`: the reference.
json nlohmann_reads(const std::string& text) { return json::parse(text, nullptr, /*allow_exceptions=*/false); }

void expect_same_as_nlohmann(const std::string& text) {
  const json ours = read_json(text);
  const json theirs = nlohmann_reads(text);
  ASSERT_EQ(ours.is_discarded(), theirs.is_discarded()) << text.substr(0, 200);
  if (!ours.is_discarded()) {
    // Written by nlohmann's own serializer, which keeps member order, as == on ordered_json
    // also compares (the core's writer has its own proof: json_writer_test.cpp).
    const auto written = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
    EXPECT_EQ(written(ours), written(theirs)) << text.substr(0, 200);
  }
}

std::string object_with_keys(const std::vector<std::string>& keys) {
  std::string text = "{";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i) text += ',';
    text += '"' + keys[i] + "\":" + std::to_string(i);
  }
  return text + "}";
}

}  // namespace

TEST(ReadJson, ReadsTheRepositorysJsonFilesAsNlohmannDoes) {
  for (const char* name : {"tests/data/fsrs-vectors.json", "tests/data/session-script.json",
                           "tests/data/session-script.expected.json", "package.json"}) {
    const std::string text = notequiz::testing::read_source_file(name);
    ASSERT_FALSE(text.empty()) << name;
    expect_same_as_nlohmann(text);
  }
}

TEST(ReadJson, KeepsARepeatedKeyInItsFirstPlaceWithItsLastValue) {
  const json j = read_json(R"({"a":1,"b":2,"a":3})");
  EXPECT_EQ(dump(j), R"({"a":3,"b":2})");
  expect_same_as_nlohmann(R"({"a":1,"b":{"x":[1,{"a":2,"a":3}]},"a":{"y":4},"c":5,"b":6})");
}

TEST(ReadJson, ReadsLargeObjectsWithRepeatedKeysAsNlohmannDoes) {
  // Objects past the size at which the reader indexes their keys, with repeats before and after
  // that size, of the first key, the key at the edge, and the last.
  std::mt19937 random(7);
  for (const std::size_t size : {15, 16, 17, 40, 1000}) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < size; ++i) keys.push_back("k" + std::to_string(i));
    expect_same_as_nlohmann(object_with_keys(keys));
    for (int round = 0; round < 20; ++round) {
      std::vector<std::string> with_repeats = keys;
      for (int r = 0; r < 5; ++r) {
        const std::size_t from = random() % keys.size();
        const std::size_t to = random() % (with_repeats.size() + 1);
        with_repeats.insert(with_repeats.begin() + static_cast<std::ptrdiff_t>(to), keys[from]);
      }
      with_repeats.push_back(keys.front());
      with_repeats.push_back(keys[std::min<std::size_t>(15, size - 1)]);
      with_repeats.push_back(keys.back());
      expect_same_as_nlohmann(object_with_keys(with_repeats));
      expect_same_as_nlohmann("[" + object_with_keys(with_repeats) + ",{\"inner\":" + object_with_keys(with_repeats) + "}]");
    }
  }
}

TEST(ReadJson, ReadsEveryKindOfValueAndNesting) {
  for (const char* text : {"null", "true", "false", "0", "-1", "18446744073709551615", "1.5e300", "-0.0", "\"\\u00e9\\n\"",
                           "[]", "{}", "[[[]],{}]", R"({"":{"":[null,{"x":[]}]}})", "  [1, 2 , 3]  ", "\"\xe4\xb8\xad\""}) {
    expect_same_as_nlohmann(text);
  }
}

TEST(ReadJson, DiscardsWhatIsNotExactlyOneJsonValue) {
  for (const char* text : {"", " ", "{", "}", "[1,]", R"({"a":})", R"({"a" 1})", "1 2", "nul", "\"\x01\"", "[1]x",
                           R"({"a":1,})", "\"\xff\""}) {
    EXPECT_TRUE(read_json(text).is_discarded()) << text;
    expect_same_as_nlohmann(text);
  }
}

TEST(ReadJson, ReadsRandomTextAsNlohmannDoes) {
  // Random documents made of JSON's own tokens, most of them invalid somewhere.
  const std::vector<std::string> tokens = {"{", "}", "[", "]", ",", ":", "\"a\"", "\"b\"", "\"k7\"", "1", "null", "true", " "};
  std::mt19937 random(11);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 40);
    for (int k = 0; k < length; ++k) text += tokens[random() % tokens.size()];
    expect_same_as_nlohmann(text);
  }
}

TEST(AppendNewMember, AddsMembersInOrderAsAssignmentWould) {
  json appended = json::object();
  json assigned = json::object();
  for (const char* key : {"b", "a", "c"}) {
    append_new_member(appended, key, json(key));
    assigned[key] = key;
  }
  EXPECT_EQ(appended, assigned);
  EXPECT_EQ(dump(appended), R"({"b":"b","a":"a","c":"c"})");
  EXPECT_EQ(appended.find("a")->get<std::string>(), "a");
}
