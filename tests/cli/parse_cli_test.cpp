// `notequiz parse`: the readable summary, JSON, and what happens with files that cannot be read.
#include <gtest/gtest.h>

#include "cli_runner.hpp"

using notequiz::testing::run_cli;

TEST(ParseCommand, SummarizesTheBundledDeck) {
  const auto r = run_cli({"parse", "content/go-quick-quiz.md"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "content/go-quick-quiz.md: \"Go quick quiz\" (id go-quick-quiz), 5 cards: 1 flashcard, 3 single_choice, 1 multiple_choice");
  EXPECT_NE(r.out.find("  § Go quick quiz › Concurrency\n"), std::string::npos) << r.out;
}

TEST(ParseCommand, PrintsOneJsonObjectPerFile) {
  const auto r = run_cli({"parse", "--json", "content/go-quick-quiz.md", "tests/fixtures/go-interview-notes.md"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto first_newline = r.out.find('\n');
  ASSERT_NE(first_newline, std::string::npos);
  EXPECT_EQ(r.out.rfind("{\"deck\":{\"format\":\"notequiz-deck\"", 0), 0u);
  EXPECT_EQ(r.out.find("{\"deck\":{\"format\":\"notequiz-deck\"", first_newline + 1), first_newline + 1);
  EXPECT_EQ(r.out.back(), '\n');
}

TEST(ParseCommand, NamesAMissingFileExitsTwoAndStillParsesTheOthers) {
  const auto r = run_cli({"parse", "no/such/notes.md", "content/go-quick-quiz.md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no/such/notes.md: error: cannot open"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("content/go-quick-quiz.md: \"Go quick quiz\""), std::string::npos) << r.out;
}

TEST(ParseCommand, RefusesADirectoryWithAClearMessage) {
  const auto r = run_cli({"parse", "content"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("content: error: is a directory"), std::string::npos) << r.err;
}

TEST(ParseCommand, PrintsDiagnosticsAsPathLineColumn) {
  const auto r = run_cli({"parse", "tests/format/data/front-matter-unclosed.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("tests/format/data/front-matter-unclosed.md:1:1: warning: front matter opened with `---` is never closed"),
            std::string::npos)
      << r.err;
}

TEST(Cli, AnswersHelpAndVersionAndRejectsUnknownCommands) {
  EXPECT_EQ(run_cli({"--version"}).out, std::string("notequiz 0.1.0\n"));
  const auto help = run_cli({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("parse"), std::string::npos);
  EXPECT_EQ(run_cli({"parse", "--help"}).exit_code, 0);
  EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_cli({}).exit_code, 2);
  EXPECT_EQ(run_cli({"parse", "--bogus", "x.md"}).exit_code, 2);
}
