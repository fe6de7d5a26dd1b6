// `notequiz export`: the four formats, determinism, and the rules that keep OUT safe.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "cli_runner.hpp"

using notequiz::testing::cli_result;
using notequiz::testing::run_cli;
using notequiz::testing::run_cli_unprivileged;
using notequiz::testing::slurp;
using notequiz::testing::write_file;

namespace fs = std::filesystem;

namespace {

const std::string source_dir = NOTEQUIZ_SOURCE_DIR;

ino_t inode_of(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

// A fresh, empty folder for one test.
fs::path fresh_folder(const std::string& name) { return notequiz::testing::fresh_folder("notequiz-export-", name); }

// Every file under `folder`, by '/'-separated relative path.
std::map<std::string, std::string> files_in(const fs::path& folder) {
  std::map<std::string, std::string> files;
  if (!fs::exists(folder)) return files;
  for (const auto& e : fs::recursive_directory_iterator(folder)) {
    if (e.is_regular_file()) files[e.path().lexically_relative(folder).generic_string()] = slurp(e.path().string());
  }
  return files;
}

std::vector<std::string> names_of(const std::map<std::string, std::string>& files) {
  std::vector<std::string> names;
  for (const auto& [name, content] : files) names.push_back(name);
  return names;
}

cli_result export_to(const fs::path& out, std::vector<std::string> args, const std::string& env = "") {
  args.insert(args.begin(), "export");
  args.push_back("-o");
  args.push_back(out.string());
  return run_cli(args, source_dir, env);
}

// The deck object of `notequiz parse --json FILE`.
std::string parsed_deck_json(const std::string& file) {
  const std::string out = run_cli({"parse", "--json", file}).out;
  const auto start = out.find("{\"deck\":") + 8;
  return out.substr(start, out.rfind(",\"diagnostics\":") - start);
}

std::vector<std::string> card_ids(const std::string& file) {
  const std::string deck = parsed_deck_json(file);
  std::vector<std::string> ids;
  const std::regex id("\\{\"id\":\"([^\"]+)\",\"pinnedId\"");
  for (std::sregex_iterator it(deck.begin(), deck.end(), id), end; it != end; ++it) ids.push_back((*it)[1]);
  return ids;
}

// Anki's reading of an import file (CSV with a tab separator, `"` quoting with `""` inside,
// lines starting with `#` skipped): one vector of fields per note.
std::vector<std::vector<std::string>> anki_records(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '#') {
      i = text.find('\n', i);
      i = i == std::string::npos ? text.size() : i + 1;
      continue;
    }
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (quoted) {
        if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          fields.back() += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          fields.back() += c;
        }
      } else if (c == '"' && fields.back().empty()) {
        quoted = true;
      } else if (c == '\t') {
        fields.emplace_back();
      } else if (c == '\n') {
        ++i;
        break;
      } else {
        fields.back() += c;
      }
    }
    records.push_back(std::move(fields));
  }
  return records;
}

}  // namespace

TEST(ExportJson, WritesTheDeckJsonOfEachNoteIntoOneFilePerDeck) {
  const fs::path out = fresh_folder("json") / "out";
  const cli_result r = export_to(out, {"content", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto files = files_in(out);
  EXPECT_EQ(names_of(files),
            (std::vector<std::string>{".notequiz-manifest.json", "go-interview.json", "go-quick-quiz.json"}));
  EXPECT_EQ(files.at("go-quick-quiz.json"), parsed_deck_json("content/go-quick-quiz.md") + "\n");
  EXPECT_EQ(files.at("go-interview.json"), parsed_deck_json("content/go-interview.md") + "\n");
  EXPECT_NE(r.out.find("exported 2 decks (32 cards)"), std::string::npos) << r.out;
}

TEST(ExportJson, TakesOptionValuesAfterAnEqualsSign) {
  const fs::path spaced = fresh_folder("json-spaced") / "out";
  const fs::path joined = fresh_folder("json-joined") / "out";
  ASSERT_EQ(export_to(spaced, {"content", "--format", "json"}).exit_code, 0);
  const cli_result r = run_cli({"export", "content", "--format=json", "--output=" + joined.string()}, source_dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files_in(joined), files_in(spaced));
}

TEST(ExportAnki, WritesTheHeaderLinesAnkiReads) {
  const fs::path out = fresh_folder("anki-header") / "out";
  ASSERT_EQ(export_to(out, {"content/go-quick-quiz.md", "--format", "anki"}).exit_code, 0);
  const std::string text = slurp((out / "go-quick-quiz.txt").string());
  EXPECT_EQ(text.substr(0, text.find("\nq")),
            "#separator:tab\n#html:true\n#notetype:Basic\n#deck:Go quick quiz\n#guid column:1\n#tags column:4");
}

TEST(ExportAnki, GivesEachCardItsIdAsGuidItsQuestionAnswerAndSectionTags) {
  const fs::path out = fresh_folder("anki-fields") / "out";
  ASSERT_EQ(export_to(out, {"content", "--format", "anki"}).exit_code, 0);
  const auto quiz = anki_records(slurp((out / "go-quick-quiz.txt").string()));
  const auto ids = card_ids("content/go-quick-quiz.md");
  ASSERT_EQ(quiz.size(), ids.size());
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    ASSERT_EQ(quiz[i].size(), 4u) << i;
    EXPECT_EQ(quiz[i][0], ids[i]);
  }
  // A single choice question: the options on the front, the right one (keeping its letter) and
  // the explanation on the back.
  EXPECT_EQ(quiz[0][1],
            "What does <code>x := 1</code> do when <code>x</code> is already declared in the same scope?"
            "<ol type=\"A\"><li>Assigns 1 to <code>x</code></li><li>It does not compile: <code>:=</code> needs at least "
            "one new variable on its left</li><li>Shadows <code>x</code> with a new variable</li></ol>");
  EXPECT_EQ(quiz[0][2],
            "<ol type=\"A\"><li value=\"2\">It does not compile: <code>:=</code> needs at least one new variable on its "
            "left</li></ol><p><code>:=</code> declares. In the same scope, <code>x, y := 1, 2</code> is fine when "
            "<code>y</code> is new; <code>x := 1</code> alone is not.</p>");
  EXPECT_EQ(quiz[0][3], "go choice Go_quick_quiz::Language_basics");
  // Multiple choice: every right option.
  EXPECT_EQ(quiz[1][2].substr(0, quiz[1][2].find("</ol>")),
            "<ol type=\"A\"><li value=\"1\">slice</li><li value=\"2\">map</li><li value=\"3\">channel</li>");
  // A flashcard with code: line breaks kept inside the quoted field.
  EXPECT_EQ(quiz[4][1], "What does <code>runtime.GOMAXPROCS</code> set?");
  EXPECT_EQ(quiz[4][3], "go choice Go_quick_quiz::Concurrency");
  EXPECT_NE(quiz[3][1].find("<pre><code class=\"language-go\">ch := make(chan int)\nclose(ch)\nch &lt;- 1\n</code></pre>"),
            std::string::npos)
      << quiz[3][1];

  // Images: referenced by their media file name, copied into OUT/media/.
  const auto interview = anki_records(slurp((out / "go-interview.txt").string()));
  const auto with_image = std::find_if(interview.begin(), interview.end(), [](const std::vector<std::string>& f) {
    return f[2].find("<img") != std::string::npos;
  });
  ASSERT_NE(with_image, interview.end());
  EXPECT_NE((*with_image)[2].find("<img src=\"go-interview-pkg-init.svg\" alt=\"Go 包初始化顺序"), std::string::npos);
  EXPECT_EQ(slurp((out / "media/go-interview-pkg-init.svg").string()), slurp(source_dir + "/content/goImages/pkg-init.svg"));
  EXPECT_EQ((*with_image)[3], "go interview");
}

TEST(ExportAnki, KeepsEveryGuidWhenAnAnswerIsEdited) {
  const fs::path dir = fresh_folder("anki-guid");
  const std::string notes = slurp(source_dir + "/content/go-quick-quiz.md");
  write_file(dir / "notes/quiz.md", notes);
  ASSERT_EQ(export_to(dir / "out", {(dir / "notes").string(), "--format", "anki"}).exit_code, 0);
  const auto before = anki_records(slurp((dir / "out/go-quick-quiz.txt").string()));

  std::string edited = notes;
  const std::string answer = "The number of operating-system threads";
  edited.replace(edited.find(answer), answer.size(), "How many OS threads");
  write_file(dir / "notes/quiz.md", edited);
  ASSERT_EQ(export_to(dir / "out", {(dir / "notes").string(), "--format", "anki"}).exit_code, 0);
  const auto after = anki_records(slurp((dir / "out/go-quick-quiz.txt").string()));

  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i][0], after[i][0]);
  EXPECT_NE(before[4][2], after[4][2]);
  EXPECT_NE(after[4][2].find("How many OS threads"), std::string::npos);
}

TEST(ExportSite, WritesAnIndexADeckPageDeckJsonImagesAndHashedWidgetFiles) {
  const fs::path out = fresh_folder("site") / "out";
  const cli_result r = export_to(out, {"content", "--index-link", "demo/index.html=Widget demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto files = files_in(out);
  std::vector<std::string> pages, assets;
  for (const auto& [name, content] : files) (name.compare(0, 7, "assets/") == 0 ? assets : pages).push_back(name);
  EXPECT_EQ(pages, (std::vector<std::string>{".notequiz-manifest.json", "go-interview/deck.json",
                                             "go-interview/goImages/pkg-init.svg", "go-interview/index.html",
                                             "go-quick-quiz/deck.json", "go-quick-quiz/index.html", "index.html"}));
  const std::regex hashed("assets/[a-z_-]+\\.[0-9a-f]{12}\\.(js|wasm)");
  for (const auto& a : assets) EXPECT_TRUE(std::regex_match(a, hashed)) << a;
  EXPECT_EQ(assets.size(), 3u);  // the entry module, the element class (with the core's loader) and the wasm

  EXPECT_EQ(files.at("go-interview/goImages/pkg-init.svg"), slurp(source_dir + "/content/goImages/pkg-init.svg"));
  EXPECT_EQ(files.at("go-quick-quiz/deck.json"), parsed_deck_json("content/go-quick-quiz.md") + "\n");
  const std::string& index = files.at("index.html");
  EXPECT_NE(index.find("<a href=\"go-interview/index.html\">Go 面试题</a>"), std::string::npos);
  EXPECT_NE(index.find("<a href=\"demo/index.html\">Widget demo</a>"), std::string::npos);

  // Each page loads the widget's entry module by its hashed name, which imports the others by theirs.
  const std::string& page = files.at("go-quick-quiz/index.html");
  std::smatch module;
  ASSERT_TRUE(std::regex_search(page, module, std::regex("<script type=\"module\" src=\"\\.\\./(assets/note-quiz\\.[0-9a-f]{12}\\.js)\">")));
  const std::string& entry = files.at(module[1]);
  std::smatch element;
  ASSERT_TRUE(std::regex_search(entry, element, std::regex("'\\./(note-quiz-element\\.[0-9a-f]{12}\\.js)'")));
  EXPECT_EQ(files.count("assets/" + element[1].str()), 1u);
  EXPECT_NE(page.find("<note-quiz src=\"deck.json\" lang=\"en\"></note-quiz>"), std::string::npos);
}

TEST(ExportSingleFile, WritesOnePageThatNeedsNothingElse) {
  const fs::path out = fresh_folder("single") / "out";
  ASSERT_EQ(export_to(out, {"content", "--format", "single-file"}).exit_code, 0);
  const auto files = files_in(out);
  EXPECT_EQ(names_of(files), (std::vector<std::string>{".notequiz-manifest.json", "go-interview.html", "go-quick-quiz.html"}));
  const std::string& page = files.at("go-interview.html");
  EXPECT_EQ(page.find(" src=\"http"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find("<script type=\"module\" src="), std::string::npos);
  // The core's loader is inside the element's text: no module of its own.
  EXPECT_EQ(page.find("data:text/javascript"), std::string::npos);
  EXPECT_NE(page.find("WebAssembly.instantiate("), std::string::npos);
  EXPECT_NE(page.find("wasmBinary: Uint8Array.from(atob(\"AGFzbQ"), std::string::npos);  // "\0asm"
  EXPECT_NE(page.find("<note-quiz lang=\"zh\"><script type=\"application/json\">{\"format\":\"notequiz-deck\""),
            std::string::npos);
  EXPECT_NE(page.find("src=\\\"data:image/svg+xml;base64,"), std::string::npos);  // in the deck JSON
  EXPECT_NE(page.find("<img src=\"data:image/svg+xml;base64,"), std::string::npos);  // in the static page
  EXPECT_EQ(page.find("src=\"./goImages/"), std::string::npos);
  EXPECT_EQ(page.find("src=\\\"./goImages/"), std::string::npos);
}

TEST(ExportFixtures, ReportTheSeedsProblemsAndShowPlaceholdersForItsMissingImages) {
  const fs::path out = fresh_folder("fixtures") / "out";
  const cli_result r = export_to(out, {"tests/fixtures"});
  EXPECT_EQ(r.exit_code, 1) << "errors in the notes, exported anyway\n" << r.err;
  EXPECT_NE(r.err.find("tests/fixtures/go-interview-notes.md:125:14: error: image `./goImages/goroutine-01.png` not found"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("[NQ001/empty-answer]"), std::string::npos);
  const auto files = files_in(out);
  const std::string& page = files.at("go-interview-notes/index.html");
  for (const char* image : {"./goImages/goroutine-01.png", "./goImages/goroutine-02.png", "./goImages/pkg-init.png"}) {
    EXPECT_NE(page.find(std::string(">Missing image: ") + image + "</span>"), std::string::npos) << image;
    EXPECT_NE(files.at("go-interview-notes/deck.json").find(std::string(">Missing image: ") + image + "</span>"),
              std::string::npos);
  }
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"nq-empty\">(no answer)</p>"), std::string::npos);
}

TEST(ExportStrict, WritesNothingWhenTheNotesHaveErrors) {
  const fs::path out = fresh_folder("strict") / "out";
  const cli_result r = export_to(out, {"tests/fixtures", "--strict", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nothing exported (--strict)"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(export_to(out, {"content", "--strict", "--format", "json"}).exit_code, 0);
}

TEST(ExportDeterminism, SameNotesGiveByteIdenticalFilesInEveryFormat) {
  const fs::path dir = fresh_folder("determinism");
  for (const char* format : {"site", "single-file", "anki", "json"}) {
    ASSERT_EQ(export_to(dir / format / "a", {"content", "--format", format}).exit_code, 0) << format;
    ASSERT_EQ(export_to(dir / format / "b", {"content", "--format", format}).exit_code, 0) << format;
    const auto a = files_in(dir / format / "a");
    EXPECT_GT(a.size(), 2u) << format;
    EXPECT_TRUE(a == files_in(dir / format / "b")) << format;
    // And again into the same folder: nothing changes.
    ASSERT_EQ(export_to(dir / format / "a", {"content", "--format", format}).exit_code, 0) << format;
    EXPECT_TRUE(a == files_in(dir / format / "a")) << format;
  }
}

TEST(ExportSafety, RefusesAnOutputFolderThatIsOrIsInsideTheContentFolder) {
  const fs::path dir = fresh_folder("inside");
  write_file(dir / "notes/a.md", "# Q?\n\nA.\n");
  for (const fs::path& out : {dir / "notes", dir / "notes/site", dir / "notes/./deep/../site"}) {
    const cli_result r = run_cli({"export", "notes", "-o", out.lexically_relative(dir).string()}, dir.string());
    EXPECT_EQ(r.exit_code, 2) << out;
    EXPECT_NE(r.err.find("refusing to export into"), std::string::npos) << r.err;
  }
  EXPECT_EQ(names_of(files_in(dir)), (std::vector<std::string>{"notes/a.md"}));
  // A notes file given by name protects its own folder.
  EXPECT_EQ(run_cli({"export", "notes/a.md", "-o", "notes"}, dir.string()).exit_code, 2);
  EXPECT_EQ(run_cli({"export", "notes/a.md", "-o", "site"}, dir.string()).exit_code, 0);
}

TEST(ExportSafety, RefusesToReplaceAFileItDidNotWrite) {
  const fs::path dir = fresh_folder("foreign-conflict");
  write_file(dir / "out/go-quick-quiz.json", "mine\n");
  const cli_result r = export_to(dir / "out", {"content", "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("go-quick-quiz.json exists and notequiz did not write it"), std::string::npos) << r.err;
  EXPECT_EQ(names_of(files_in(dir / "out")), (std::vector<std::string>{"go-quick-quiz.json"}));
  EXPECT_EQ(slurp((dir / "out/go-quick-quiz.json").string()), "mine\n");
}

TEST(ExportManifest, ListsWhatItWroteAndKeepsForeignFilesUntouched) {
  const fs::path dir = fresh_folder("manifest");
  write_file(dir / "out/README.txt", "the site's own notes\n");
  write_file(dir / "out/extra/keep.html", "<p>keep</p>\n");
  fs::create_directories(dir / "out/empty");
  ASSERT_EQ(export_to(dir / "out", {"content", "--format", "json"}).exit_code, 0);
  EXPECT_EQ(slurp((dir / "out/.notequiz-manifest.json").string()),
            "{\n  \"format\": \"notequiz-export-manifest\",\n  \"version\": 1,\n  \"exportFormat\": \"json\",\n"
            "  \"files\": [\n    \"go-interview.json\",\n    \"go-quick-quiz.json\"\n  ]\n}\n");
  const auto inode = inode_of(dir / "out/README.txt");
  ASSERT_EQ(export_to(dir / "out", {"content", "--format", "json"}).exit_code, 0);
  const auto files = files_in(dir / "out");
  EXPECT_EQ(files.at("README.txt"), "the site's own notes\n");
  EXPECT_EQ(files.at("extra/keep.html"), "<p>keep</p>\n");
  EXPECT_TRUE(fs::is_directory(dir / "out/empty"));
  EXPECT_EQ(inode_of(dir / "out/README.txt"), inode);  // the very same file, not a copy
  EXPECT_EQ(fs::hard_link_count(dir / "out/README.txt"), 1u);
}

TEST(ExportManifest, RemovesAFileItWroteBeforeThatIsNoLongerProduced) {
  const fs::path dir = fresh_folder("stale");
  write_file(dir / "notes/a.md", "---\nid: alpha\n---\n# A?\n\nYes.\n");
  write_file(dir / "notes/sub/b.md", "---\nid: beta\n---\n# B?\n\n![b](b.svg)\n");
  write_file(dir / "notes/sub/b.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
  write_file(dir / "out/mine.txt", "mine\n");
  ASSERT_EQ(run_cli({"export", "notes", "-o", "out"}, dir.string()).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir / "out/beta/b.svg"));
  fs::remove_all(dir / "notes/sub");
  const cli_result r = run_cli({"export", "notes", "-o", "out"}, dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(", 3 removed"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "out/beta"));
  EXPECT_TRUE(fs::exists(dir / "out/alpha/index.html"));
  EXPECT_EQ(slurp((dir / "out/mine.txt").string()), "mine\n");
  EXPECT_EQ(slurp((dir / "out/.notequiz-manifest.json").string()).find("beta"), std::string::npos);
}

TEST(ExportManifest, UpdatesFileByFileWhenTheOutputFolderIsTheWorkingFolder) {
  const fs::path dir = fresh_folder("in-place");
  write_file(dir / "notes/a.md", "---\nid: alpha\n---\n# A?\n\nYes.\n");
  write_file(dir / "notes/b.md", "---\nid: beta\n---\n# B?\n\nNo.\n");
  write_file(dir / "out/mine.txt", "mine\n");
  const std::string out = (dir / "out").string();
  cli_result r = run_cli({"export", "../notes", "-o", ".", "--format", "json"}, out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 files written, 0 removed (updated file by file)"), std::string::npos) << r.out;
  const auto inode = inode_of(dir / "out");
  fs::remove(dir / "notes/b.md");
  r = run_cli({"export", "../notes", "-o", ".", "--format", "json"}, out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 file written, 1 removed (updated file by file)"), std::string::npos) << r.out;
  EXPECT_EQ(inode_of(dir / "out"), inode);  // the same folder: a shell working in it stays there
  EXPECT_EQ(names_of(files_in(dir / "out")), (std::vector<std::string>{".notequiz-manifest.json", "alpha.json", "mine.txt"}));
  EXPECT_EQ(slurp((dir / "out/.notequiz-manifest.json").string()).find("beta"), std::string::npos);
  std::vector<std::string> beside;
  for (const auto& e : fs::directory_iterator(dir)) beside.push_back(e.path().filename().string());
  std::sort(beside.begin(), beside.end());
  EXPECT_EQ(beside, (std::vector<std::string>{"notes", "out"}));
}

TEST(ExportCrash, StoppingAfterTheTemporaryFolderLeavesThePreviousOutputIntact) {
  const fs::path dir = fresh_folder("crash");
  write_file(dir / "notes/a.md", "---\nid: alpha\n---\n# A?\n\nFirst answer.\n");
  ASSERT_EQ(run_cli({"export", "notes", "-o", "out"}, dir.string()).exit_code, 0);
  const auto before = files_in(dir / "out");

  write_file(dir / "notes/a.md", "---\nid: alpha\n---\n# A?\n\nSecond answer.\n");
  const cli_result r = run_cli({"export", "notes", "-o", "out"}, dir.string(), "NOTEQUIZ_EXPORT_FAIL_AFTER_TEMP=1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NOTEQUIZ_EXPORT_FAIL_AFTER_TEMP"), std::string::npos) << r.err;
  EXPECT_TRUE(files_in(dir / "out") == before);

  // The next export finishes the job and clears what the interrupted one left beside OUT.
  ASSERT_EQ(run_cli({"export", "notes", "-o", "out"}, dir.string()).exit_code, 0);
  EXPECT_NE(files_in(dir / "out").at("alpha/deck.json").find("Second answer."), std::string::npos);
  std::vector<std::string> beside;
  for (const auto& e : fs::directory_iterator(dir)) beside.push_back(e.path().filename().string());
  std::sort(beside.begin(), beside.end());
  EXPECT_EQ(beside, (std::vector<std::string>{"notes", "out"}));
}

TEST(ExportExitCodes, AreTwoForUsageErrorsAndUnreadableNotesWithNothingWritten) {
  const fs::path out = fresh_folder("usage") / "out";
  EXPECT_EQ(run_cli({"export", "content"}).exit_code, 2);
  EXPECT_EQ(export_to(out, {"content", "--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(export_to(out, {"content", "--bogus"}).exit_code, 2);
  const cli_result missing = export_to(out, {"content", "no/such/notes", "--format", "json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no/such/notes: error:"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(run_cli({"export", "--help"}).exit_code, 0);
}

TEST(ExportExitCodes, AreTwoWithNothingWrittenWhenAFolderOfNotesCannotBeRead) {
  const fs::path dir = fresh_folder("unreadable-folder");
  write_file(dir / "notes/a.md", "## Q\n\nA\n");
  write_file(dir / "notes/private/b.md", "## R\n\nB\n");
  fs::permissions(dir, fs::perms::all);  // the export may write here, as whoever it runs as
  fs::permissions(dir / "notes/private", fs::perms::none);
  const cli_result r = run_cli_unprivileged({"export", "notes", "--format", "json", "-o", "out"}, dir.string());
  fs::permissions(dir / "notes/private", fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("notes/private: error: cannot read folder: Permission denied"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(ExportAssets, AWidgetWhoseEntryModuleDoesNotLeadToTheCoreStopsTheExport) {
  const fs::path dir = fresh_folder("unlinked-assets");
  fs::create_directories(dir / "assets");
  std::ofstream(dir / "assets/note-quiz.js") << "import { NoteQuizElement } from './note-quiz-element.js';\n";
  std::ofstream(dir / "assets/note-quiz-element.js") << "export class NoteQuizElement {}\n";  // never names the core
  std::ofstream(dir / "assets/notequiz_wasm.wasm") << std::string("\0asm\1\0\0\0", 8);
  for (const char* format : {"site", "single-file"}) {
    const cli_result r = export_to(dir / format, {"content", "--format", format, "--assets", (dir / "assets").string()});
    EXPECT_EQ(r.exit_code, 2) << format << "\n" << r.err;
    EXPECT_NE(r.err.find("note-quiz.js does not lead to notequiz_wasm.wasm"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / format));
  }
}

TEST(ExportAssets, MissingWidgetFilesStopSiteAndSingleFileButNotJsonOrAnki) {
  const fs::path dir = fresh_folder("no-assets");
  for (const char* format : {"site", "single-file"}) {
    const cli_result r = export_to(dir / format, {"content", "--format", format, "--assets", (dir / "none").string()});
    EXPECT_EQ(r.exit_code, 2) << format;
    EXPECT_NE(r.err.find("the widget's files (note-quiz.js, note-quiz-element.js, notequiz_wasm.wasm) were not found"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(dir / format));
  }
  const cli_result env = export_to(dir / "env", {"content"}, "NOTEQUIZ_ASSETS=" + (dir / "none").string());
  EXPECT_EQ(env.exit_code, 2);
  EXPECT_NE(env.err.find("(NOTEQUIZ_ASSETS)"), std::string::npos) << env.err;
  for (const char* format : {"anki", "json"}) {
    EXPECT_EQ(export_to(dir / format, {"content", "--format", format, "--assets", (dir / "none").string()}).exit_code, 0);
  }
}
