#include "check_note.hpp"

#include <utility>

#include "character_columns.hpp"
#include "check_inputs.hpp"

namespace notequiz::cli {

namespace {

// A thread keeps the buffer it read its last note into, up to this size: reading thousands of
// notes then costs no allocation and no zeroing per note, and one huge note is not kept.
constexpr std::size_t kept_buffer_bytes = std::size_t{1} << 20;

}  // namespace

checked_note check_note(std::string path, const check_config* config, const note_settings& settings) {
  thread_local std::string text;
  checked_note out;
  out.path = std::move(path);
  out.unreadable = read_note(out.path, text);
  if (!out.unreadable.empty()) return out;
  check_file_options options;
  options.path = out.path;
  options.config = config;
  options.file_exists = settings.file_exists;
  options.fixes = settings.fix;
  options.least_severity = settings.least_severity;
  out.report = check_file(text, options);
  if (settings.fix && !out.report.fixes.empty()) {
    fixed_note fixed = fix_note(text, std::move(out.report), options);
    out.write_problem = settings.write(out.path, fixed.text);
    if (out.write_problem.empty()) {
      out.rewritten = true;
      out.fixed = fixed.problems;
      text = std::move(fixed.text);
      out.report = std::move(fixed.report);
    } else {
      // Not written: what is reported is the note as it is on disk.
      out.report = check_file(text, options);
    }
  }
  // Before the corpus takes the links it checks at the end: their columns are converted here,
  // while the note's text is at hand.
  if (settings.columns_in_characters) count_columns_in_characters(out.report, text);
  if (text.capacity() > kept_buffer_bytes) std::string().swap(text);
  return out;
}

}  // namespace notequiz::cli
