#pragma once
// One note of `notequiz check`, start to finish on its own: read, checked, fixed (--fix) and
// put in the columns of the output format. Nothing here touches what other notes share but
// through `note_settings`, so worker threads run it side by side (check_command.cpp).

#include <cstddef>
#include <functional>
#include <string>

#include "notequiz/check.hpp"

namespace notequiz::cli {

struct note_settings {
  bool fix = false;                    // --fix: rewrite the note with its mechanical fixes
  bool columns_in_characters = false;  // SARIF and github output
  severity least_severity = severity::info;  // less severe problems are only counted (--quiet)
  file_exists_fn file_exists;          // shared by every note: must be safe to call from any thread
  // Writes a fixed note over the old one; "" on success, else why not.
  std::function<std::string(const std::string& path, const std::string& text)> write;
};

struct checked_note {
  std::string path;
  std::string unreadable;  // why the note could not be read; "" when it was checked
  file_report report;      // its diagnostics, cards and cross-file facts (after the fixes)
  bool rewritten = false;  // --fix wrote the note
  std::size_t fixed = 0;   // problems the fixes solved, when rewritten
  std::string write_problem;  // --fix could not write the note: why
};

// `config` is the note's configuration (nullptr: the defaults); not owned.
checked_note check_note(std::string path, const check_config* config, const note_settings& settings);

}  // namespace notequiz::cli
