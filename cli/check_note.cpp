#include "check_note.hpp"

#include <utility>

#include "character_columns.hpp"
#include "check_inputs.hpp"

namespace notequiz::cli {

checked_note check_note(std::string path, const check_config* config, const note_settings& settings) {
  checked_note out;
  out.path = std::move(path);
  note_read read = read_note(out.path);
  if (!read.content) {
    out.unreadable = std::move(read.problem);
    return out;
  }
  check_file_options options;
  options.path = out.path;
  options.config = config;
  options.file_exists = settings.file_exists;
  options.fixes = settings.fix;
  out.report = check_file(*read.content, options);
  if (settings.fix && !out.report.fixes.empty()) {
    fixed_note fixed = fix_note(*read.content, std::move(out.report), options);
    out.write_problem = settings.write(out.path, fixed.text);
    if (out.write_problem.empty()) {
      out.rewritten = true;
      out.fixed = fixed.problems;
      *read.content = std::move(fixed.text);
      out.report = std::move(fixed.report);
    } else {
      // Not written: what is reported is the note as it is on disk.
      out.report = check_file(*read.content, options);
    }
  }
  // Before the corpus takes the links it checks at the end: their columns are converted here,
  // while the note's text is at hand.
  if (settings.columns_in_characters) count_columns_in_characters(out.report, *read.content);
  return out;
}

}  // namespace notequiz::cli
