// docs/rules.md and docs/check.md describe what the checker does: every rule has its section
// with the examples the tests use, every option of `notequiz check` is documented.
#include <gtest/gtest.h>

#include <filesystem>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckDocs, GiveEveryRuleASectionWithItsAnchorSeverityAndExamples) {
  const std::string page = read_source_file("docs/rules.md");
  for (const auto& r : check_rules()) {
    const std::string heading = "\n## " + std::string(r.id) + " " + std::string(r.name) + "\n";
    const std::size_t at = page.find(heading);
    ASSERT_NE(at, std::string::npos) << heading;
    const std::size_t end = page.find("\n## NQ", at + heading.size());
    const std::string section = page.substr(at, end == std::string::npos ? std::string::npos : end - at);
    EXPECT_NE(section.find("Default severity: **" + std::string(to_string(r.default_severity)) + "**"), std::string::npos) << r.name;
    EXPECT_NE(page.find("(#" + rule_anchor(r) + ")"), std::string::npos) << r.name;
    for (const std::string kind : {"fail", "pass"}) {
      const std::string example = "tests/rules/" + std::string(r.name) + "." + kind + ".md";
      if (!std::filesystem::exists(std::string(NOTEQUIZ_SOURCE_DIR) + "/" + example)) continue;
      if (r.name == "encoding" && kind == "fail") continue;  // its invalid bytes are spelt out in the page
      EXPECT_NE(section.find("````markdown\n" + read_source_file(example) + "````"), std::string::npos) << example;
    }
  }
}

TEST(CheckDocs, DescribeEveryOptionOfTheCommand) {
  const std::string page = read_source_file("docs/check.md");
  for (const std::string option : {"--config", "--format", "--max-warnings", "--fix", "--quiet", "NO_COLOR", ".notequiz.json",
                                   "notequiz-disable", "notequiz-enable", "notequiz-disable-line", "notequiz-disable-next-line",
                                   "question-level", "ignore", "sarif", "github", "json"}) {
    EXPECT_NE(page.find(option), std::string::npos) << option;
  }
}
