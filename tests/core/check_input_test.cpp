// check_file checks a std::string where it is (its terminating NUL guards md4c's read past the
// end, as for parse_notes) and copies any other text first: both report the same, to the byte.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {

// Everything a report says, one line per diagnostic and fix.
std::string described(const file_report& r) {
  std::string out = r.path + " " + std::to_string(r.cards) + " cards\n";
  for (const diagnostic& d : r.diagnostics) {
    out += d.rule + " " + to_string(d.severity) + " " + std::to_string(d.line) + ":" + std::to_string(d.column) + "-" +
           std::to_string(d.end_line) + ":" + std::to_string(d.end_column) + " " + d.message + "\n";
  }
  for (const text_edit& f : r.fixes) {
    out += "fix " + std::to_string(f.offset) + "+" + std::to_string(f.length) + " '" + f.replacement + "' of " +
           std::to_string(f.diagnostic) + "\n";
  }
  for (const auto& q : r.facts.questions) out += "question " + std::to_string(q.key) + " " + std::string(r.facts.title(q)) + "\n";
  for (const auto& l : r.facts.links) out += "link " + l.target + "#" + l.fragment + "\n";
  return out + "deck id " + r.facts.deck_id + "\n";
}

}  // namespace

TEST(CheckInput, GivesTheSameReportForAStdStringAsForAViewOfIt) {
  check_file_options options;
  options.path = "notes.md";
  for (const std::string& markdown : text_end_samples()) {
    const file_report in_place = check_file(markdown, options);
    const file_report copied = check_file(std::string_view(markdown), options);
    EXPECT_EQ(described(in_place), described(copied)) << markdown.substr(0, 80);
  }
}
