#pragma once
// Front matter: `---` lines around simple `key: value` pairs at the very top of a note.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "line_scanner.hpp"
#include "notequiz/diagnostic.hpp"

namespace notequiz::detail {

struct front_matter {
  std::string title;
  std::string id;
  std::string lang;
  int question_level = 0;
  std::vector<std::string> tags;
  std::vector<std::pair<std::string, std::string>> other;  // unknown keys, in order
};

// Reads the front matter the scanner found (if any); problems are appended to `diagnostics`.
front_matter read_front_matter(const line_scanner& scanner, std::vector<diagnostic>& diagnostics);

}  // namespace notequiz::detail
