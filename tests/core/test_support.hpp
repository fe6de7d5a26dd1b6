#pragma once
// Helpers shared by the core tests.

#include <fstream>
#include <sstream>
#include <string>

#include "notequiz/parse.hpp"

namespace notequiz::testing {

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(NOTEQUIZ_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
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
