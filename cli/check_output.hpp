#pragma once
// How `notequiz check` prints what it found: text, JSON, SARIF 2.1.0 or GitHub workflow
// commands (docs/check.md#output-formats).

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "notequiz/diagnostic.hpp"

namespace notequiz::cli {

struct checked_file {
  std::string path;  // as shown: relative to the working folder where the user gave it so
  std::vector<diagnostic> diagnostics;
};

struct check_summary {
  std::size_t files = 0;  // notes checked
  std::size_t cards = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t fixed = 0;        // problems fixed by --fix
  std::size_t fixed_files = 0;  // files rewritten by --fix
};

struct check_results {
  std::vector<checked_file> files;  // in the order they were checked; config files too
  check_summary summary;
};

enum class output_format { text, json, sarif, github };

struct output_options {
  output_format format = output_format::text;
  bool colour = false;  // text only
  bool quiet = false;   // errors only, no summary
};

void print_results(std::FILE* out, const check_results& results, const output_options& options);

// Text and GitHub output line by line, for `notequiz check` to print each file as soon as it
// is checked: one file's diagnostics (already counted in the summary), then the summary line.
void print_file(std::FILE* out, const checked_file& file, const output_options& options);
void print_summary(std::FILE* out, const check_summary& summary, const output_options& options);

// Whether the format is one document (JSON, SARIF) rather than a line per problem.
inline bool whole_document(output_format f) { return f == output_format::json || f == output_format::sarif; }

// "2 files checked, 56 cards: 2 errors, 19 warnings".
std::string summary_line(const check_summary& s);

// The SARIF 2.1.0 log (sarif.cpp).
std::string to_sarif(const check_results& results, bool errors_only);

}  // namespace notequiz::cli
