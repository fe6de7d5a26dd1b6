// The rule registry and .notequiz.json: severities, ignore globs, question level, errors.
#include <gtest/gtest.h>

#include "check_support.hpp"

using namespace notequiz;
using namespace notequiz::testing;

TEST(CheckRegistry, NumbersTheRulesInTheIssuesOrder) {
  const std::vector<std::string> expected = {
      "empty-answer", "duplicate-question", "missing-image", "broken-link", "unclosed-fence", "fence-language",
      "heading-syntax", "heading-level", "choice-no-correct", "choice-one-option", "raw-html", "unsafe-url",
      "encoding", "empty-title", "front-matter", "duplicate-id", "unknown-rule", "config", "unreadable-input"};
  ASSERT_EQ(check_rules().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    char id[24];
    std::snprintf(id, sizeof id, "NQ%03zu", i + 1);
    EXPECT_EQ(check_rules()[i].id, id);
    EXPECT_EQ(check_rules()[i].name, expected[i]);
    EXPECT_FALSE(check_rules()[i].summary.empty());
    EXPECT_FALSE(check_rules()[i].help.empty());
  }
}

TEST(CheckRegistry, FindsRulesByIdInAnyCaseOrByName) {
  EXPECT_EQ(find_rule("nq006"), &check_rules()[5]);
  EXPECT_EQ(find_rule("fence-language"), &check_rules()[5]);
  EXPECT_EQ(find_rule("fence_language"), nullptr);
  EXPECT_TRUE(check_rules()[5].fixable);
  EXPECT_TRUE(check_rules()[6].fixable);
}

TEST(CheckRegistry, LinksEachRuleToItsSectionOfTheRulesPage) {
  EXPECT_EQ(rule_anchor(check_rules()[0]), "nq001-empty-answer");
  EXPECT_EQ(rule_help_url(check_rules()[0], "https://example.org/notequiz/docs"),
            "https://example.org/notequiz/docs/rules.md#nq001-empty-answer");
  EXPECT_EQ(rule_help_url(check_rules()[1], "https://example.org/docs/"), "https://example.org/docs/rules.md#nq002-duplicate-question");
}

TEST(CheckRegistry, MakesUpNoUrlWhenItDoesNotKnowWhereTheDocsAre) {
  EXPECT_EQ(rule_help_url(check_rules()[0], ""), "");
}

TEST(CheckConfig, ReadsSeveritiesIgnoreGlobsAndTheQuestionLevel) {
  const auto r = parse_config(R"({"rules": {"fence-language": "off", "NQ001": "warning", "raw-html": "error"},
                                  "ignore": ["drafts/**"], "question-level": 5})");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_FALSE(r.config.severity_of(5).has_value());
  EXPECT_EQ(r.config.severity_of(0), severity::warning);
  EXPECT_EQ(r.config.severity_of(10), severity::error);
  EXPECT_EQ(r.config.severity_of(2), severity::error);
  EXPECT_EQ(r.config.ignore, (std::vector<std::string>{"drafts/**"}));
  EXPECT_EQ(r.config.question_level, 5);
}

TEST(CheckConfig, ReportsUnknownRulesAsUnknownRuleWhereTheyAreWritten) {
  const auto r = parse_config("{\n  \"rules\": {\n    \"empty-answers\": \"off\"\n  }\n}");
  ASSERT_EQ(found(r.diagnostics), (std::vector<std::string>{"unknown-rule@3"}));
  EXPECT_EQ(r.diagnostics[0].column, 5u);
  EXPECT_EQ(r.diagnostics[0].severity, severity::warning);
}

TEST(CheckConfig, ReportsInvalidJsonUnknownKeysAndWrongTypesAsConfig) {
  EXPECT_EQ(found(parse_config("{\n  \"rules\": {,}\n}").diagnostics), (std::vector<std::string>{"config@2"}));
  const auto r = parse_config(R"({"rule": {}, "ignore": "x", "question-level": 9, "rules": {"raw-html": "loud"}})");
  EXPECT_EQ(r.diagnostics.size(), 4u);
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.rule, "config") << d.message;
  EXPECT_EQ(found(parse_config("[]").diagnostics), (std::vector<std::string>{"config@1"}));
}

TEST(CheckConfig, AppliesSeveritiesAndTheQuestionLevelToACheck) {
  const auto config = parse_config(R"({"rules": {"empty-answer": "info", "encoding": "error"}, "question-level": 2})").config;
  const auto r = check("\xEF\xBB\xBF# Deck\n\n## Q\n\n### Part\n\ntext\n", "n.md", &config);
  ASSERT_EQ(found(r), (std::vector<std::string>{"encoding@1"}));
  EXPECT_EQ(r.diagnostics[0].severity, severity::error);
  EXPECT_EQ(r.cards, 1u);
  EXPECT_EQ(check("## Q\n", "n.md", &config).diagnostics.at(0).severity, severity::info);
}

TEST(CheckGlobs, MatchNamesAnywhereAndAnchoredPaths) {
  EXPECT_TRUE(glob_match("README.md", "docs/README.md"));
  EXPECT_TRUE(glob_match("drafts", "notes/drafts/a.md"));
  EXPECT_TRUE(glob_match("*.draft.md", "a/b.draft.md"));
  EXPECT_FALSE(glob_match("*.md", "a/b.markdown"));
  EXPECT_TRUE(glob_match("notes/*.md", "notes/a.md"));
  EXPECT_FALSE(glob_match("notes/*.md", "notes/x/a.md"));
  EXPECT_TRUE(glob_match("notes/**/*.md", "notes/a.md"));
  EXPECT_TRUE(glob_match("notes/**/*.md", "notes/x/y/a.md"));
  EXPECT_TRUE(glob_match("/notes/", "notes/x/a.md"));
  EXPECT_FALSE(glob_match("/a.md", "x/a.md"));
  EXPECT_TRUE(glob_match("./a?.md", "ab.md"));
  EXPECT_FALSE(glob_match("a?.md", "a/.md"));
}
