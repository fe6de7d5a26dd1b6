#pragma once
// Helpers shared by the core tests.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "notequiz/parse.hpp"

namespace notequiz::testing {

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(NOTEQUIZ_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Notes whose end matters: parse_notes and check_file read a std::string where it is (its NUL
// guards md4c's read past the end) and copy anything else; both must give the same on these.
inline std::vector<std::string> text_end_samples() {
  using namespace std::string_literals;
  return {
      read_source_file("tests/fixtures/go-interview-notes.md"),
      "",
      "# Only a question?",
      "\xEF\xBB\xBF# A BOM, then a question?\r\n\r\nand CRLF\n",
      "[a](b0+]-:;",  // md4c 0.4.8 reads past the end of this one (docs/hardening.md)
      "# Q?\n\ntext \xff bad \0 nul, then <b>html</b> and a [link](x.md#y) at the very end"s,
      "# Q?\n\n```go\nan unclosed fence to the end\\",
      "# Q?\n\n```go\nThis fence holds an English sentence, not any code at all\n```\n\n##No space\n",
      "---\nid: d\n---\n# Q?\n\n- [x] yes\n- [ ] no <",
  };
}

// Notes for tests that leave part of a parse out (parse_options::card_content, card_ids) and
// compare it with the whole: the seed notes, one note of every structure (front matter, pinned
// and repeated ids, choices, sections, links, images, invalid UTF-8) and every note under
// tests/rules, tests/format and content.
inline std::vector<std::string> structure_samples() {
  using namespace std::string_literals;
  std::vector<std::string> notes = {
      read_source_file("tests/fixtures/go-interview-notes.md"),
      "---\ntitle: T\nid: t\ntags: [a, b]\nextra: x\n---\n# Part\n\n## Pick one {#pinned}\n\n- [x] right\n- [ ] wrong\n\n"
      "after\n\n## Pick one {#pinned}\n\n- [ ] a\n- [x] *b*\n- [x] c\n\n## Same?\n\nA [link](other.md#x) and "
      "![alt ![inner](in.png)](out.png)\n\n### Deeper\n\n```go\nx\n```\n\n## Same\n\n<div>raw</div>\n\n"
      "Setext\n------\n\ntext \xff bad \0 nul\n"s,  // a std::string literal, so the NUL stays in
  };
  for (const char* folder : {"tests/rules", "tests/format", "content"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(NOTEQUIZ_SOURCE_DIR) + "/" + folder)) {
      if (entry.path().extension() == ".md") notes.push_back(read_source_file(folder + ("/" + entry.path().filename().string())));
    }
  }
  return notes;
}

inline parse_result parse(const std::string& markdown, const std::string& path = "notes.md") {
  parse_options options;
  options.source_path = path;
  return parse_notes(markdown, options);
}

inline const card* find_card(const deck& d, const std::string& title) {
  for (const auto& c : d.cards) {
    if (c.title == title) return &c;
  }
  return nullptr;
}

}  // namespace notequiz::testing
