// parse_notes parses a std::string where it is (its terminating NUL guards md4c's read past the
// end) and copies any other text first: both give the same result, to the byte.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "notequiz/deck_json.hpp"
#include "test_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {

std::string parsed(const parse_result& r) { return to_json(r); }

}  // namespace

TEST(ParseInput, GivesTheSameResultForAStdStringAsForAViewOfIt) {
  parse_options options;
  options.source_path = "notes.md";
  for (const std::string& markdown : text_end_samples()) {
    const parse_result in_place = parse_notes(markdown, options);
    const parse_result copied = parse_notes(std::string_view(markdown), options);
    EXPECT_EQ(parsed(in_place), parsed(copied)) << markdown.substr(0, 80);
  }
}
