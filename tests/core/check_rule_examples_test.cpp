// Every rule against its examples in tests/rules/: `<rule>.fail.md` must make it fire, and
// `<rule>.pass.md` (the same note, fixed) must be clean of every rule. docs/rules.md shows
// the same examples.
#include <gtest/gtest.h>

#include <filesystem>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

namespace {

const std::string rules_folder = std::string(NOTEQUIZ_SOURCE_DIR) + "/tests/rules";

// Rules about configuration files and command-line inputs have no note to show.
bool has_note_example(std::string_view rule) { return rule != "config" && rule != "unreadable-input"; }

std::vector<std::string> rule_names() {
  std::vector<std::string> names;
  for (const auto& r : check_rules()) {
    if (has_note_example(r.name)) names.emplace_back(r.name);
  }
  return names;
}

// Checks one example as `notequiz check` would, with a corpus for cross-file links.
std::vector<diagnostic> check_example(const std::string& file) {
  const std::string path = rules_folder + "/" + file;
  file_report report = check(read_whole_file(path), path, nullptr, on_disk);
  check_corpus corpus;
  corpus.add(report);
  for (auto& late : corpus.finish(read_from_disk)) report.diagnostics.push_back(late.problem);
  return report.diagnostics;
}

std::string describe(const std::vector<diagnostic>& list) {
  std::string s;
  for (const auto& d : list) s += "  " + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.rule + ": " + d.message + "\n";
  return s;
}

class RuleExample : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(RuleExample, FiresOnItsFailingExample) {
  const auto list = check_example(GetParam() + ".fail.md");
  const auto hits = std::count_if(list.begin(), list.end(), [&](const diagnostic& d) { return d.rule == GetParam(); });
  EXPECT_GE(hits, 1) << describe(list);
}

TEST_P(RuleExample, IsQuietOnItsFixedExample) {
  const auto list = check_example(GetParam() + ".pass.md");
  EXPECT_TRUE(list.empty()) << describe(list);
}

INSTANTIATE_TEST_SUITE_P(EveryRule, RuleExample, ::testing::ValuesIn(rule_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

TEST(RuleExamples, ExistForEveryRuleANoteCanBreakAndForNoOther) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(rules_folder)) {
    if (entry.path().extension() != ".md") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    const std::string rule = name.substr(0, name.find('.'));
    EXPECT_NE(find_rule(rule), nullptr) << name << " is not named after a rule";
  }
  for (const auto& name : rule_names()) {
    EXPECT_TRUE(std::filesystem::exists(rules_folder + "/" + name + ".fail.md")) << name;
    EXPECT_TRUE(std::filesystem::exists(rules_folder + "/" + name + ".pass.md")) << name;
  }
  EXPECT_EQ(files, 2 * rule_names().size());
}
