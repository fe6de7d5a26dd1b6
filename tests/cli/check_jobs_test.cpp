// `notequiz check --jobs N`: notes are checked on N threads, yet every byte of output, the exit
// code and what --fix writes are those of checking the notes one after the other.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"

using notequiz::testing::cli_result;
using notequiz::testing::run_cli;
using notequiz::testing::slurp;
using notequiz::testing::write_file;
namespace fs = std::filesystem;

namespace {

std::string scratch(const std::string& name) { return notequiz::testing::fresh_folder("notequiz-jobs-", name).string(); }

std::string numbered(int n) {
  std::string s = std::to_string(n);
  return std::string(3 - s.size(), '0') + s;
}

// A corpus with findings in nearly every note: questions asked in other notes, links to other
// notes' missing headings, missing images, prose in `go` fences (fixable), headings without
// their space (fixable), pinned deck ids used twice, a configuration with a mistake, notes that
// cannot be read. Sixty notes in three folders, so workers finish out of order.
void write_corpus(const fs::path& root) {
  for (int n = 1; n <= 60; ++n) {
    const std::string folder = n % 3 == 0 ? "b" : n % 5 == 0 ? "c" : "a";
    std::ostringstream note;
    if (n % 7 == 0) note << "---\nid: deck-" << n % 2 << "\n---\n";
    note << "## Question " << n << "\n\nSee [next](../a/n" << numbered(n + 1) << ".md#question-" << n + 1
         << ") and [gone](n" << numbered(n + 2) << ".md#gone) ![i](img" << n << ".png)\n\n"
         << "## Asked everywhere\n\nYes\n\n##No space " << n << "\n\n"
         << "```go\nThis sentence is prose and not code at all.\nAnd here is another English sentence.\n```\n\n"
         << "## Empty " << n << "\n\n";
    for (int q = 0; q < n % 9; ++q) note << "## Also in note " << (n + q) % 13 << "\n\nAnswer " << q << "\n\n";
    write_file(root / folder / ("n" + numbered(n) + ".md"), note.str());
  }
  write_file(root / "c/.notequiz.json", R"({"rules":{"empty-answer":"warning","no-such-rule":"off"}})");
  write_file(root / "a/zz-binary.md", std::string("\0\1\2\3binary", 10));
}


cli_result check(const fs::path& dir, const std::string& jobs, std::vector<std::string> more) {
  std::vector<std::string> args = {"check", "--jobs", jobs};
  args.insert(args.end(), more.begin(), more.end());
  return run_cli(args, dir.string());
}

void expect_same(const cli_result& serial, const cli_result& parallel, const std::string& what) {
  EXPECT_EQ(parallel.exit_code, serial.exit_code) << what;
  EXPECT_EQ(parallel.out, serial.out) << what;
  EXPECT_EQ(parallel.err, serial.err) << what;
}

// Every file under `root` and its bytes.
std::string files_and_bytes(const fs::path& root) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) found.push_back(fs::relative(entry.path(), root).generic_string());
  }
  std::sort(found.begin(), found.end());
  std::string all;
  for (const auto& f : found) all += f + "\n" + slurp((root / f).string()) + "\n";
  return all;
}

}  // namespace

TEST(CheckJobs, ParallelOutputEqualsSerialOutputInEveryFormat) {
  const fs::path dir = scratch("formats");
  write_corpus(dir);
  for (const std::string format : {"text", "json", "sarif", "github"}) {
    const std::vector<std::string> args = {"--format", format, "a", "no-such-folder", "b", "c", "a/n001.md"};
    const cli_result serial = check(dir, "1", args);
    ASSERT_EQ(serial.exit_code, 1) << serial.err;
    ASSERT_NE(serial.out.find("also asked in"), std::string::npos) << "the corpus has cross-file findings";
    ASSERT_NE(serial.out.find("has the anchor"), std::string::npos) << "and late ones";
    for (const std::string jobs : {"2", "3", "8"}) expect_same(serial, check(dir, jobs, args), format + " -j " + jobs);
  }
}

TEST(CheckJobs, QuietAndMaxWarningsGiveTheSameOutputAndExitCodeInParallel) {
  const fs::path dir = scratch("quiet");
  write_corpus(dir);
  const std::vector<std::string> args = {"--quiet", "--max-warnings", "2", "a", "b", "c"};
  expect_same(check(dir, "1", args), check(dir, "4", args), "--quiet --max-warnings 2");
}

TEST(CheckJobs, ParallelFixWritesTheSameFilesAndReportsTheSameAsSerialFix) {
  const fs::path serial_dir = scratch("fix-serial");
  const fs::path parallel_dir = scratch("fix-parallel");
  write_corpus(serial_dir);
  write_corpus(parallel_dir);
  const std::string before = files_and_bytes(serial_dir);
  const cli_result serial = check(serial_dir, "1", {"--fix", "a", "b", "c"});
  const cli_result parallel = check(parallel_dir, "4", {"--fix", "a", "b", "c"});
  expect_same(serial, parallel, "--fix");
  EXPECT_NE(serial.out.find("; fixed "), std::string::npos) << serial.out;
  EXPECT_NE(files_and_bytes(serial_dir), before);
  EXPECT_EQ(files_and_bytes(parallel_dir), files_and_bytes(serial_dir));
}

TEST(CheckJobs, ParallelFixOfOneFileUnderTwoNamesFixesItOnceThenChecksItAsFixed) {
  const fs::path serial_dir = scratch("fix-link-serial");
  const fs::path parallel_dir = scratch("fix-link-parallel");
  for (const fs::path& dir : {serial_dir, parallel_dir}) {
    write_corpus(dir);
    fs::create_symlink(fs::absolute(dir / "a/n001.md"), dir / "same.md");
  }
  const cli_result serial = check(serial_dir, "1", {"--fix", "a/n001.md", "a/n002.md", "same.md"});
  const cli_result parallel = check(parallel_dir, "4", {"--fix", "a/n001.md", "a/n002.md", "same.md"});
  expect_same(serial, parallel, "a note and a link to it");
  EXPECT_EQ(files_and_bytes(parallel_dir), files_and_bytes(serial_dir));
}

TEST(CheckJobs, RejectsAJobCountThatIsNotAPositiveNumberAsAUsageError) {
  for (const auto& args : {std::vector<std::string>{"check", "--jobs", "0"},
                           {"check", "-j", "-3"},
                           {"check", "-j", "many"},
                           {"check", "--jobs", "4x"},
                           {"check", "--jobs", "100000"},
                           {"check", "-j"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args.back();
    EXPECT_EQ(r.err.rfind("notequiz check: -", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("usage: notequiz check"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

TEST(CheckJobs, HelpDescribesJobs) {
  const auto r = run_cli({"check", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("-j, --jobs N"), std::string::npos) << r.out;
}

TEST(CheckJobs, OneJobAndTheDefaultCheckTheSameAsManyJobs) {
  const fs::path dir = scratch("default");
  write_corpus(dir);
  const cli_result serial = check(dir, "1", {"a", "b", "c"});
  const cli_result by_default = run_cli({"check", "a", "b", "c"}, dir.string());
  expect_same(serial, by_default, "the default job count");
}
