// `notequiz check`: the seed and the bundled decks, every output format, exit codes,
// configuration precedence, inline comments, colour, --fix and bad input.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "notequiz/check.hpp"

using notequiz::testing::run_cli;
using notequiz::testing::run_cli_unprivileged;
using notequiz::testing::slurp;
using notequiz::testing::write_file;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const std::string seed = "tests/fixtures/go-interview-notes.md";

// A fresh folder for one test, removed by the next run of the same test.
// The names in a folder, sorted.
std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string scratch(const std::string& name) { return notequiz::testing::fresh_folder("notequiz-check-", name).string(); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// "line rule-id/rule-name" for each diagnostic line of text output.
std::vector<std::string> places(const std::string& out, const std::string& path) {
  std::vector<std::string> found;
  for (const auto& line : lines_of(out)) {
    if (line.rfind(path + ":", 0) != 0) continue;
    const std::size_t number = path.size() + 1;
    const std::size_t tag = line.rfind('[');
    found.push_back(line.substr(number, line.find(':', number) - number) + " " + line.substr(tag + 1, line.size() - tag - 2));
  }
  return found;
}

}  // namespace

TEST(CheckCommand, ReportsExactlyTheKnownProblemsOfTheVerbatimSeed) {
  const auto r = run_cli({"check", seed});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::vector<std::string> expected = {
      "37 NQ001/empty-answer",    "43 NQ006/fence-language",  "55 NQ006/fence-language",  "72 NQ006/fence-language",
      "89 NQ006/fence-language",  "100 NQ006/fence-language", "118 NQ006/fence-language", "125 NQ003/missing-image",
      "126 NQ003/missing-image",  "127 NQ006/fence-language", "136 NQ006/fence-language", "144 NQ006/fence-language",
      "151 NQ006/fence-language", "169 NQ001/empty-answer",   "178 NQ006/fence-language", "185 NQ006/fence-language",
      "195 NQ006/fence-language", "205 NQ006/fence-language", "234 NQ006/fence-language", "245 NQ006/fence-language",
      "264 NQ003/missing-image",  "265 NQ006/fence-language", "270 NQ006/fence-language", "279 NQ006/fence-language",
  };
  EXPECT_EQ(places(r.out, seed), expected) << r.out;
  EXPECT_NE(r.out.find(seed + ":37:1: error: question \"有异常类型吗\" has no answer [NQ001/empty-answer]\n"), std::string::npos);
  EXPECT_NE(r.out.find(seed + ":125:14: error: image `./goImages/goroutine-01.png` not found (looked for "
                           "tests/fixtures/goImages/goroutine-01.png) [NQ003/missing-image]\n"),
            std::string::npos);
  EXPECT_NE(r.out.find(seed + ":43:4: warning: `go` fence holds prose, not code (5 of 5 lines); label it `text` [NQ006/fence-language]\n"),
            std::string::npos);
  EXPECT_EQ(lines_of(r.out).back(), "1 file checked, 28 cards: 5 errors, 19 warnings");
}

TEST(CheckCommand, FindsNothingInTheBundledContent) {
  const auto r = run_cli({"check", "content/"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "2 files checked, 32 cards: 0 errors, 0 warnings\n");
}

TEST(CheckCommand, ChecksTheWorkingFolderByDefault) {
  const std::string dir = scratch("default");
  write_file(dir + "/a.md", "## Q\n\nA\n");
  write_file(dir + "/sub/b.markdown", "## R\n");
  write_file(dir + "/.hidden/c.md", "## S\n");
  const auto r = run_cli({"check"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "sub/b.markdown:1:1: error: question \"R\" has no answer [NQ001/empty-answer]\n"
                   "2 files checked, 2 cards: 1 error, 0 warnings\n");
}

TEST(CheckCommand, ChecksANoteNamedSeveralWaysOnce) {
  const std::string dir = fs::absolute(scratch("named-twice")).lexically_normal().generic_string();
  write_file(dir + "/a.md", "## Q\n\nA\n");
  write_file(dir + "/sub/b.md", "## R\n\nB\n");
  // The folder, then a.md by its absolute name, as written with a dot segment, and relatively.
  const auto r = run_cli({"check", dir, dir + "/a.md", dir + "/sub/../a.md", "./a.md"}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "2 files checked, 2 cards: 0 errors, 0 warnings\n");
}

TEST(CheckCommand, PrintsJsonWithOneObjectPerDiagnostic) {
  const auto r = run_cli({"check", "--format", "json", seed});
  EXPECT_EQ(r.exit_code, 1);
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["summary"], json::parse(R"({"files":1,"cards":28,"errors":5,"warnings":19,"infos":0,"fixed":0})"));
  ASSERT_EQ(doc["diagnostics"].size(), 24u);
  EXPECT_EQ(doc["diagnostics"][0], json::parse(R"({"path":"tests/fixtures/go-interview-notes.md","line":37,"column":1,
      "ruleId":"NQ001","ruleName":"empty-answer","severity":"error","message":"question \"有异常类型吗\" has no answer","fixable":false})"));
  EXPECT_EQ(doc["diagnostics"][1]["fixable"], true);
}

TEST(CheckCommand, PrintsSarifThatGithubCodeScanningAccepts) {
  const auto r = run_cli({"check", "--format", "sarif", seed});
  EXPECT_EQ(r.exit_code, 1);
  const json log = json::parse(r.out);
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "notequiz");
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 19u);
  EXPECT_EQ(rules[0]["id"], "NQ001");
  EXPECT_EQ(rules[0]["name"], "empty-answer");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[5]["defaultConfiguration"]["level"], "warning");
  for (const auto& rule : rules) {
    EXPECT_TRUE(rule["shortDescription"]["text"].is_string());
    EXPECT_TRUE(rule["help"]["text"].is_string());
    // Each rule points at its section of docs/rules.md: by URL when the build knows where the
    // docs are published (NOTEQUIZ_DOCS_URL), else by name in the help text, never a made-up URL.
    const std::string anchor = std::string(rule["id"]).replace(0, 2, "nq") + "-" + std::string(rule["name"]);
    const std::string markdown = rule["help"]["markdown"];
    EXPECT_NE(markdown.find(anchor), std::string::npos) << markdown;
    EXPECT_EQ(rule.value("helpUri", ""), notequiz::rule_help_url(*notequiz::find_rule(std::string(rule["id"]))));
  }
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 24u);
  for (const auto& result : results) {
    const json& index = result["ruleIndex"];
    EXPECT_EQ(rules[index.get<std::size_t>()]["id"], result["ruleId"]);
    EXPECT_TRUE(result["level"] == "error" || result["level"] == "warning") << result;
    EXPECT_TRUE(result["message"]["text"].is_string());
    const json& location = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uri"], seed);
    EXPECT_GE(location["region"]["startLine"].get<int>(), 1);
    EXPECT_GE(location["region"]["startColumn"].get<int>(), 1);
  }
  EXPECT_EQ(results[0]["ruleId"], "NQ001");
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"], json::parse(R"({"startLine":37,"startColumn":1})"));
}

TEST(CheckCommand, PrintsGithubWorkflowCommands) {
  const auto r = run_cli({"check", "--format", "github", seed});
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 25u);
  EXPECT_EQ(lines[0], "::error file=tests/fixtures/go-interview-notes.md,line=37,col=1,title=NQ001/empty-answer::"
                      "question \"有异常类型吗\" has no answer");
  EXPECT_EQ(lines[1].rfind("::warning file=tests/fixtures/go-interview-notes.md,line=43,col=4,title=NQ006/fence-language::", 0), 0u);
  EXPECT_EQ(lines.back(), "1 file checked, 28 cards: 5 errors, 19 warnings");
}

TEST(CheckCommand, CountsColumnsInCharactersForGithubAndInBytesForText) {
  const std::string dir = scratch("columns");
  write_file(dir + "/n.md", "## 问题\n\n答案 [x](javascript:x), 100%\n");
  const auto text = run_cli({"check", "n.md"}, dir);
  EXPECT_EQ(lines_of(text.out)[0].rfind("n.md:3:12: error: link URL `javascript:x`", 0), 0u) << text.out;
  const auto github = run_cli({"check", "--format", "github", "n.md"}, dir);
  EXPECT_EQ(lines_of(github.out)[0].rfind("::error file=n.md,line=3,col=8,title=NQ012/unsafe-url::link URL", 0), 0u) << github.out;
}

TEST(CheckCommand, ExitsOneWhenWarningsExceedMaxWarnings) {
  const auto quiet = run_cli({"check", "--max-warnings", "0", "content"});
  EXPECT_EQ(quiet.exit_code, 0);
  const std::string dir = scratch("max-warnings");
  write_file(dir + "/n.md", "## Q\n\n```go\n这是说明文字\n```\n");
  EXPECT_EQ(run_cli({"check", "n.md"}, dir).exit_code, 0);
  EXPECT_EQ(run_cli({"check", "--max-warnings", "1", "n.md"}, dir).exit_code, 0);
  const auto over = run_cli({"check", "--max-warnings", "0", "n.md"}, dir);
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_EQ(over.err, "notequiz check: 1 warnings, more than --max-warnings 0\n");
}

TEST(CheckCommand, ExitsTwoOnUsageErrors) {
  for (const auto& args : {std::vector<std::string>{"check", "--format", "xml"},
                                              {"check", "--max-warnings", "many"},
                                              {"check", "--bogus"},
                                              {"check", "--config"},
                                              {"check", "--config", "no/such.json", "content"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args.back();
    EXPECT_EQ(r.err.rfind("notequiz check: ", 0), 0u) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
  EXPECT_EQ(run_cli({"check", "--help"}).exit_code, 0);
}

TEST(CheckCommand, QuietPrintsErrorsOnly) {
  const auto r = run_cli({"check", "--quiet", seed});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines_of(r.out).size(), 5u) << r.out;
  EXPECT_EQ(r.out.find("warning"), std::string::npos);
}

TEST(CheckCommand, QuietStillCountsTheWarningsItDoesNotPrint) {
  const auto loud = run_cli({"check", "--format", "json", seed});
  const auto quiet = run_cli({"check", "--quiet", "--format", "json", seed});
  EXPECT_EQ(json::parse(quiet.out)["summary"], json::parse(loud.out)["summary"]) << quiet.out;
  EXPECT_GT(json::parse(quiet.out)["summary"]["warnings"].get<int>(), 0);
  const std::string dir = scratch("quiet-warnings");
  write_file(dir + "/w.md", "## Q\n\n```go\n这是一段说明文字\n```\n\n<b>x</b>\n");
  const auto over = run_cli({"check", "--quiet", "--max-warnings", "1", "w.md"}, dir);
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_EQ(over.out, "");
  EXPECT_EQ(over.err, "notequiz check: 2 warnings, more than --max-warnings 1\n");
  EXPECT_EQ(run_cli({"check", "--quiet", "--max-warnings", "2", "w.md"}, dir).exit_code, 0);
}

TEST(CheckCommand, UsesColourOnATerminalOnlyAndNeverWithNoColor) {
  // `script` gives the command a terminal; its output comes back through a pipe.
  auto on_terminal = [](const std::string& env) {
    const std::string command = "cd " + notequiz::testing::shell_quote(NOTEQUIZ_SOURCE_DIR) + " && " + env + " " +
                                notequiz::testing::shell_quote(NOTEQUIZ_CLI) + " check " + seed;
    std::FILE* pipe = popen(("script -qec " + notequiz::testing::shell_quote(command) + " /dev/null").c_str(), "r");
    std::string out;
    char buffer[4096];
    for (std::size_t got; pipe && (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, got);
    if (pipe) pclose(pipe);
    return out;
  };
  const std::string tty = on_terminal("");
  EXPECT_NE(tty.find("\x1b[1;31merror"), std::string::npos) << tty.substr(0, 200);
  const std::string no_color = on_terminal("NO_COLOR=1");
  EXPECT_NE(no_color.find("error: question"), std::string::npos) << no_color.substr(0, 200);
  EXPECT_EQ(no_color.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_cli({"check", seed}).out.find("\x1b["), std::string::npos);
}

TEST(CheckCommand, TakesTheNearestConfigurationAndLetsConfigOverrideIt) {
  const std::string dir = scratch("config");
  const std::string prose = "## Q\n\n```go\n这是说明文字\n```\n\n## Empty\n";
  write_file(dir + "/.notequiz.json", R"({"rules": {"fence-language": "off"}})");
  write_file(dir + "/a.md", prose);
  write_file(dir + "/sub/.notequiz.json", R"({"rules": {"empty-answer": "warning"}})");
  write_file(dir + "/sub/b.md", "## Q2\n\n```go\n这是说明文字\n```\n\n## Empty too\n");
  write_file(dir + "/strict.json", R"({"rules": {"fence-language": "error", "empty-answer": "off"}})");

  const auto nearest = run_cli({"check", "--format", "json", "."}, dir);
  const json found = json::parse(nearest.out)["diagnostics"];
  ASSERT_EQ(found.size(), 3u) << nearest.out;
  EXPECT_EQ(found[0]["path"], "a.md");  // the root configuration: fence-language off
  EXPECT_EQ(found[0]["ruleName"], "empty-answer");
  EXPECT_EQ(found[0]["severity"], "error");
  EXPECT_EQ(found[1]["path"], "sub/b.md");  // only the nearest configuration: fence-language back on
  EXPECT_EQ(found[1]["ruleName"], "fence-language");
  EXPECT_EQ(found[2]["ruleName"], "empty-answer");
  EXPECT_EQ(found[2]["severity"], "warning");
  EXPECT_EQ(nearest.exit_code, 1);

  const auto forced = run_cli({"check", "--config", "strict.json", "--format", "json", "."}, dir);
  const json both = json::parse(forced.out)["diagnostics"];
  ASSERT_EQ(both.size(), 2u) << forced.out;
  for (const auto& d : both) {
    EXPECT_EQ(d["ruleName"], "fence-language");
    EXPECT_EQ(d["severity"], "error");
  }
}

TEST(CheckCommand, SkipsIgnoredFilesAndReportsBadConfiguration) {
  const std::string dir = scratch("ignore");
  write_file(dir + "/.notequiz.json", R"({"ignore": ["drafts/", "*.wip.md"], "rules": {"fence-languages": "off"}})");
  write_file(dir + "/drafts/a.md", "## Empty\n");
  write_file(dir + "/b.wip.md", "## Empty\n");
  write_file(dir + "/c.md", "## Q\n\nA\n");
  write_file(dir + "/broken/.notequiz.json", "{\"rules\": [}");
  write_file(dir + "/broken/d.md", "## Q2\n\nA\n");
  const auto r = run_cli({"check"}, dir);
  EXPECT_EQ(r.out,
            ".notequiz.json:1:47: warning: unknown rule `fence-languages` (docs/rules.md lists them) [NQ017/unknown-rule]\n"
            "broken/.notequiz.json:1:12: error: not valid JSON [NQ018/config]\n"
            "2 files checked, 2 cards: 1 error, 1 warning\n");
  EXPECT_EQ(r.exit_code, 1);
}

TEST(CheckCommand, HonoursInlineComments) {
  const std::string dir = scratch("inline");
  write_file(dir + "/n.md",
        "<!-- notequiz-disable-next-line empty-answer -->\n## Later\n\n## Q\n\n<!-- notequiz-disable raw-html -->\n<b>x</b>\n"
        "<!-- notequiz-enable raw-html -->\n\n<i>y</i>\n\n<!-- notequiz-disable nonsense -->\n");
  const auto r = run_cli({"check", "n.md"}, dir);
  EXPECT_EQ(places(r.out, "n.md"), (std::vector<std::string>{"10 NQ011/raw-html", "12 NQ017/unknown-rule"})) << r.out;
  EXPECT_EQ(r.exit_code, 0);
}

TEST(CheckCommand, FixGoesOnUntilNoFixIsLeft) {
  // Repairing `##h` makes level 2 the note's question level, and only then is the indented
  // `##` above it a question heading to repair (found by check_fuzzer): one run does both.
  const std::string dir = scratch("fix-rounds");
  write_file(dir + "/n.md", "#\n\t##\n##h");
  const auto r = run_cli({"check", "--fix", "n.md"}, dir);
  EXPECT_EQ(slurp(dir + "/n.md"), "#\n##\n## h");
  EXPECT_EQ(r.out.find("heading-syntax"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("; fixed 2 problems in 1 file\n"), std::string::npos) << r.out;
}

TEST(CheckCommand, FixRewritesOnlyTheFixedSpansOfACrlfSeed) {
  const std::string dir = scratch("fix");
  std::string original;
  for (char c : slurp(std::string(NOTEQUIZ_SOURCE_DIR) + "/" + seed)) {
    if (c == '\n') original += '\r';
    original += c;
  }
  original.insert(original.find("##### GC垃圾回收方式"), "    #####Indented and unspaced\r\n\r\nA\r\n\r\n");
  write_file(dir + "/seed.md", original);
  const auto r = run_cli({"check", "--fix", "seed.md"}, dir);
  EXPECT_EQ(r.exit_code, 1);  // the empty answers and missing images need a person
  EXPECT_EQ(r.out.find("fence-language"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("heading-syntax"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("; fixed 20 problems in 1 file\n"), std::string::npos) << r.out;
  // Fixes never add or remove lines, so comparing line by line (endings included) shows
  // every changed byte: only the fixed spans may differ.
  const auto before = lines_of(original);
  const auto after = lines_of(slurp(dir + "/seed.md"));
  ASSERT_EQ(before.size(), after.size());
  std::size_t labels = 0, headings = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] == after[i]) continue;
    if (before[i] == "```go\r" && after[i] == "```text\r") {
      ++labels;
    } else if (before[i] == "    #####Indented and unspaced\r" && after[i] == "##### Indented and unspaced\r") {
      ++headings;
    } else {
      ADD_FAILURE() << "line " << i + 1 << " changed: " << before[i] << " -> " << after[i];
    }
  }
  EXPECT_EQ(labels, 19u);
  EXPECT_EQ(headings, 1u);
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"seed.md"}));  // no temporary file left
}

TEST(CheckCommand, FixWritesThroughALinkAndKeepsTheFilesPermissions) {
  const std::string dir = scratch("fix-link");
  write_file(dir + "/notes/real.md", "## Q\n\n```go\n这是一个句子，不是代码。\n```\n");
  fs::permissions(dir + "/notes/real.md", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::create_symlink("notes/real.md", dir + "/link.md");
  const auto r = run_cli({"check", "--fix", "link.md"}, dir);
  EXPECT_NE(r.out.find("; fixed 1 problem in 1 file\n"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::is_symlink(dir + "/link.md"));
  EXPECT_EQ(slurp(dir + "/notes/real.md"), "## Q\n\n```text\n这是一个句子，不是代码。\n```\n");
  EXPECT_EQ(fs::status(dir + "/notes/real.md").permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(names_in(dir + "/notes"), (std::vector<std::string>{"real.md"}));
}

TEST(CheckCommand, ReportsBadInputsByPathAndStillChecksTheOthers) {
  const std::string dir = scratch("bad");
  write_file(dir + "/good.md", "## Q\n\nA\n");
  write_file(dir + "/invalid.md", "## Q2\n\nbad \xC3\x28 byte\n");
  write_file(dir + "/image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 29));
  write_file(dir + "/utf16.md", std::string("\xFF\xFE#\0#\0", 6));
  {
    std::ofstream(dir + "/huge.md");
    fs::resize_file(dir + "/huge.md", 100'000'000);  // sparse: nothing is written or read
  }
  fs::create_directories(dir + "/empty");
  fs::create_symlink(dir + "/nowhere.md", dir + "/dangling.md");
  const auto r = run_cli({"check", ".", "empty", "dangling.md", "missing.md"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "huge.md: error: file is 100.0 MB, over the 16 MiB limit for a note; not checked [NQ019/unreadable-input]\n"
            "image.md: error: binary file (control bytes in its first 8 KiB); not checked [NQ019/unreadable-input]\n"
            "invalid.md:3:5: error: invalid UTF-8 at byte 11; it is shown as U+FFFD [NQ013/encoding]\n"
            "utf16.md: error: file is UTF-16 text; save it as UTF-8 [NQ019/unreadable-input]\n"
            "empty: error: no notes (*.md, *.markdown) in this folder [NQ019/unreadable-input]\n"
            "dangling.md: error: no such file or directory [NQ019/unreadable-input]\n"
            "missing.md: error: no such file or directory [NQ019/unreadable-input]\n"
            "2 files checked, 2 cards: 7 errors, 0 warnings\n");
}

TEST(CheckCommand, FindsNotesInFoldersAsTheyAreNamedSkippingHiddenFoldersAndNodeModules) {
  const std::string dir = scratch("walk");
  for (const char* name : {"a.md", "b.markdown", "sub/c.md", "sub/deeper/d.md", ".e.md", ".md", "f.MD", "g.md.txt",
                           ".hidden/h.md", "node_modules/i.md", "sub/node_modules/j.md", "sub/.k/l.md"}) {
    write_file(dir + "/notes/" + name, "## Q\n");  // an empty answer: an error that names the file
  }
  fs::create_symlink("sub", dir + "/notes/linked");
  fs::create_symlink("a.md", dir + "/notes/alias.md");
  const std::vector<std::string> expected = {"notes/.e.md", "notes/a.md", "notes/alias.md", "notes/b.markdown", "notes/sub/c.md",
                                             "notes/sub/deeper/d.md"};
  for (const std::string input : {"notes", "notes/", "notes//", "./notes", "notes/./"}) {
    const auto r = run_cli({"check", input}, dir);
    std::vector<std::string> paths;
    for (const auto& line : lines_of(r.out)) {
      if (line.find(": error:") != std::string::npos) paths.push_back(line.substr(0, line.find(':')));
    }
    std::vector<std::string> shown = expected;
    if (input == "notes/./") {
      for (auto& p : shown) p.insert(6, "./");
    }
    EXPECT_EQ(paths, shown) << input << "\n" << r.out;
  }
}

TEST(CheckCommand, ExitsTwoWhenNothingCouldBeRead) {
  const std::string dir = scratch("nothing");
  fs::create_directories(dir + "/empty");
  EXPECT_EQ(run_cli({"check", "missing.md"}, dir).exit_code, 2);
  EXPECT_EQ(run_cli({"check", "empty"}, dir).exit_code, 2);
  EXPECT_EQ(run_cli({"check"}, dir + "/empty").exit_code, 2);
}

TEST(CheckCommand, ReportsAnUnreadableFileWhenPermissionsApply) {
  const std::string dir = scratch("unreadable");
  write_file(dir + "/locked.md", "## Q\n\nA\n");
  write_file(dir + "/open.md", "## R\n\nB\n");
  fs::permissions(dir + "/locked.md", fs::perms::none);
  const auto r = run_cli_unprivileged({"check", "."}, dir);
  EXPECT_EQ(r.out, "locked.md: error: cannot open: Permission denied [NQ019/unreadable-input]\n"
                   "1 file checked, 1 card: 1 error, 0 warnings\n");
  EXPECT_EQ(r.exit_code, 1);
  fs::permissions(dir + "/locked.md", fs::perms::owner_all);
}

TEST(CheckCommand, NamesEveryFolderItCannotReadAndChecksTheNotesAroundIt) {
  const std::string dir = scratch("unreadable-folders");
  write_file(dir + "/a.md", "## Q\n\nA\n");
  write_file(dir + "/b/locked/deep.md", "## R\n\nB\n");
  write_file(dir + "/b/open.md", "## S\n\nC\n");
  write_file(dir + "/c/shut/x.md", "## T\n\nD\n");
  write_file(dir + "/d.md", "## U\n\nE\n");
  fs::permissions(dir + "/b/locked", fs::perms::none);
  fs::permissions(dir + "/c/shut", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec);  // entered, not listed
  const auto r = run_cli_unprivileged({"check", "."}, dir);
  EXPECT_EQ(r.out,
            "b/locked: error: cannot read folder: Permission denied; the notes in it are not checked [NQ019/unreadable-input]\n"
            "c/shut: error: cannot read folder: Permission denied; the notes in it are not checked [NQ019/unreadable-input]\n"
            "3 files checked, 3 cards: 2 errors, 0 warnings\n");
  EXPECT_EQ(r.exit_code, 1);
  const auto only = run_cli_unprivileged({"check", "b/locked"}, dir);
  EXPECT_EQ(only.out, "b/locked: error: cannot read folder: Permission denied [NQ019/unreadable-input]\n"
                      "0 files checked, 0 cards: 1 error, 0 warnings\n");
  EXPECT_EQ(only.exit_code, 2);
  fs::permissions(dir + "/b/locked", fs::perms::owner_all);
  fs::permissions(dir + "/c/shut", fs::perms::owner_all);
}

TEST(CheckCommand, TakesOptionValuesAfterAnEqualsSignAndJobsRightAfterJ) {
  const auto spaced = run_cli({"check", "--format", "json", "--jobs", "1", "--max-warnings", "0", "tests/fixtures"});
  for (const auto& args : {std::vector<std::string>{"check", "--format=json", "--jobs=1", "--max-warnings=0", "tests/fixtures"},
                           {"check", "--format=json", "-j1", "--max-warnings=0", "tests/fixtures"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, spaced.exit_code) << args[2];
    EXPECT_EQ(r.out, spaced.out) << args[2];
  }
  EXPECT_EQ(run_cli({"check", "--fix=yes", "content"}).exit_code, 2);
  EXPECT_EQ(run_cli({"check", "-jx", "content"}).err.rfind("notequiz check: -j takes a number of threads", 0), 0u);
}

TEST(CheckCommand, ChecksLinksBetweenNotesAcrossTheCorpus) {
  const std::string dir = scratch("links");
  write_file(dir + "/a.md", "## Q\n\n[ok](sub/b.md#what-is-go) [bad](sub/b.md#what-is-rust) [img](sub/Pic.png)\n");
  write_file(dir + "/sub/b.md", "## What is Go?\n\nA language; asked again in [a](../a.md#q).\n");
  write_file(dir + "/sub/pic.png", "not really");
  const auto r = run_cli({"check", "."}, dir);
  EXPECT_EQ(places(r.out, "a.md"), (std::vector<std::string>{"3 NQ004/broken-link", "3 NQ004/broken-link"})) << r.out;
  EXPECT_NE(r.out.find("no heading in sub/b.md has the anchor `#what-is-rust`"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("link target `sub/Pic.png` not found (looked for sub/Pic.png)"), std::string::npos) << r.out;
}

TEST(CheckCommand, FindsLinkedFilesByTheirExactNamesWhetherOrNotTheyAreThere) {
  const std::string dir = scratch("exact-names");
  write_file(dir + "/a.md",
             "## Q\n\n![here](img/here.png) ![case](img/Here.png) ![gone](img/gone.png) ![no folder](none/x.png)\n"
             "![under a file](a.md/x.png) ![dangling](img/dangling.png) ![up](../notequiz-check-exact-names/img/here.png)\n");
  write_file(dir + "/img/here.png", "not really");
  fs::create_symlink("nowhere.png", dir + "/img/dangling.png");
  const auto r = run_cli({"check", "a.md"}, dir);
  EXPECT_EQ(places(r.out, "a.md"), (std::vector<std::string>{"3 NQ003/missing-image", "3 NQ003/missing-image",
                                                             "3 NQ003/missing-image", "4 NQ003/missing-image"}))
      << r.out;
  for (const char* missing : {"img/Here.png", "img/gone.png", "none/x.png", "a.md/x.png"}) {
    EXPECT_NE(r.out.find(std::string("(looked for ") + missing + ")"), std::string::npos) << missing << "\n" << r.out;
  }
}

TEST(CheckCommand, TakesTheSystemsWordForImagesInAFolderThatCanBeEnteredButNotListed) {
  const std::string dir = scratch("unlisted-images");
  write_file(dir + "/a.md", "## Q\n\n![here](img/here.png) ![gone](img/gone.png)\n");
  write_file(dir + "/img/here.png", "not really");
  fs::permissions(dir + "/img", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec);
  const auto r = run_cli_unprivileged({"check", "a.md"}, dir);
  fs::permissions(dir + "/img", fs::perms::owner_all);
  EXPECT_EQ(places(r.out, "a.md"), (std::vector<std::string>{"3 NQ003/missing-image"})) << r.out;
  EXPECT_NE(r.out.find("`img/gone.png`"), std::string::npos) << r.out;
}

TEST(CheckCommand, PrintsEachFileAsCheckedThenLateCrossFileFindingsGroupedByFileThenTheSummary) {
  const std::string dir = scratch("order");
  write_file(dir + "/a.md", "## Q1\n\n[gone](c.md#gone) <b>a</b>\n\n[also gone](c.md#missing)\n");
  write_file(dir + "/b.md", "## Q2\n\n[gone](c.md#nowhere)\n\n## Empty\n");
  write_file(dir + "/c.md", "## Here\n\nA\n");
  const auto r = run_cli({"check", "a.md", "b.md", "c.md"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "a.md:3:19: warning: raw HTML `<b>` is shown as text, not rendered: notequiz escapes HTML so quizzes are safe to "
            "embed in other pages; use markdown instead [NQ011/raw-html]\n"
            "b.md:5:1: error: question \"Empty\" has no answer [NQ001/empty-answer]\n"
            "a.md:3:8: error: no heading in c.md has the anchor `#gone` [NQ004/broken-link]\n"
            "a.md:5:13: error: no heading in c.md has the anchor `#missing` [NQ004/broken-link]\n"
            "b.md:3:8: error: no heading in c.md has the anchor `#nowhere` [NQ004/broken-link]\n"
            "3 files checked, 4 cards: 4 errors, 1 warning\n");
}

TEST(CheckCommand, CountsColumnsOfLateLinkFindingsInCharactersForGithub) {
  const std::string dir = scratch("late-columns");
  write_file(dir + "/n.md", "## 问题\n\n答案 [x](other.md#missing)\n");
  write_file(dir + "/other.md", "## Other\n\nA\n");
  const auto text = run_cli({"check", "n.md", "other.md"}, dir);
  EXPECT_EQ(lines_of(text.out)[0].rfind("n.md:3:12: error: no heading in other.md has the anchor `#missing`", 0), 0u) << text.out;
  const auto github = run_cli({"check", "--format", "github", "n.md", "other.md"}, dir);
  EXPECT_EQ(lines_of(github.out)[0].rfind("::error file=n.md,line=3,col=8,title=NQ004/broken-link::no heading in other.md", 0), 0u)
      << github.out;
  const auto sarif = json::parse(run_cli({"check", "--format", "sarif", "n.md", "other.md"}, dir).out);
  EXPECT_EQ(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 8) << sarif.dump();
}
