// `notequiz check`: every note under the given paths, one at a time, then what was found.

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "check_inputs.hpp"
#include "check_output.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "notequiz/check.hpp"

namespace notequiz::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* check_usage =
    "usage: notequiz check [PATH...] [--config FILE] [--format text|json|sarif|github]\n"
    "                      [--max-warnings N] [--fix] [--quiet]\n"
    "\n"
    "Checks notes (files, and *.md / *.markdown under folders; default `.`) and prints\n"
    "path:line:col: severity: message [NQ001/rule-name] for each problem (docs/rules.md).\n"
    "\n"
    "  --config FILE      use this configuration for every note instead of the nearest\n"
    "                     .notequiz.json above it\n"
    "  --format F         text (default), json, sarif (GitHub code scanning) or github\n"
    "                     (workflow commands that annotate pull requests)\n"
    "  --max-warnings N   also fail when there are more than N warnings\n"
    "  --fix              fix what can be fixed mechanically (fence-language, heading-syntax)\n"
    "                     in place, then report what is left\n"
    "  --quiet            print errors only, and no summary\n"
    "\n"
    "exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or nothing readable\n";

struct check_options {
  std::vector<std::string> paths;
  std::string config_path;
  output_options output;
  long max_warnings = -1;
  bool fix = false;
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "notequiz check: %s\n\n%s", message.c_str(), check_usage);
  return 2;
}

// Fills `o`; returns -1 to go on, else the exit code.
int read_arguments(const args& a, check_options& o) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string& arg = a[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= a.size()) return false;
      into = a[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      std::fputs(check_usage, stdout);
      return 0;
    } else if (arg == "--fix") {
      o.fix = true;
    } else if (arg == "--quiet" || arg == "-q") {
      o.output.quiet = true;
    } else if (arg == "--config") {
      if (!value(o.config_path)) return usage_error("--config needs a file");
    } else if (arg == "--format") {
      if (!value(v)) return usage_error("--format needs text, json, sarif or github");
      if (v == "text") o.output.format = output_format::text;
      else if (v == "json") o.output.format = output_format::json;
      else if (v == "sarif") o.output.format = output_format::sarif;
      else if (v == "github") o.output.format = output_format::github;
      else return usage_error("unknown format '" + v + "' (text, json, sarif or github)");
    } else if (arg == "--max-warnings") {
      if (!value(v)) return usage_error("--max-warnings needs a number");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < -1) return usage_error("--max-warnings takes a number of warnings, not '" + v + "'");
      o.max_warnings = n;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "'");
    } else {
      o.paths.push_back(arg);
    }
  }
  if (o.paths.empty()) o.paths.push_back(".");
  return -1;
}

diagnostic input_problem(std::string message) {
  diagnostic d;
  d.rule = "unreadable-input";
  d.severity = severity::error;
  d.message = std::move(message);
  return d;
}

// Columns counted in characters rather than bytes, for the formats GitHub reads. The line
// starts are found only when a column needs them.
class character_columns {
 public:
  explicit character_columns(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  std::uint32_t operator()(std::uint32_t line, std::uint32_t column) {
    if (column <= 1 || line == 0) return column;
    if (starts_.empty()) {
      starts_.push_back(0);
      for (std::size_t i = text_.find('\n'); i != std::string_view::npos; i = text_.find('\n', i + 1)) starts_.push_back(i + 1);
    }
    if (line > starts_.size()) return column;
    std::uint32_t characters = 1;
    const std::size_t start = starts_[line - 1];
    for (std::size_t i = start; i < start + column - 1 && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++characters;
    }
    return characters;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// The report's diagnostics, and the links the corpus checks at the end, in character columns.
void count_columns_in_characters(file_report& report, std::string_view text) {
  character_columns to_characters(text);
  for (auto& d : report.diagnostics) {
    d.column = to_characters(d.line, d.column);
    d.end_column = to_characters(d.end_line, d.end_column);
  }
  for (auto& link : report.facts.links) link.column = to_characters(link.line, link.column);
}

void count(check_summary& s, const std::vector<diagnostic>& list) {
  for (const auto& d : list) {
    switch (d.severity) {
      case severity::error: ++s.errors; break;
      case severity::warning: ++s.warnings; break;
      case severity::info: ++s.infos; break;
    }
  }
}

}  // namespace

int check_command(const args& a) {
  check_options o;
  if (const int exit_code = read_arguments(a, o); exit_code >= 0) return exit_code;
  o.output.colour = o.output.format == output_format::text && isatty(fileno(stdout)) != 0 &&
                    (std::getenv("NO_COLOR") == nullptr || std::getenv("NO_COLOR")[0] == '\0');
  const bool in_characters = o.output.format == output_format::sarif || o.output.format == output_format::github;

  // Text and GitHub output is printed file by file as the files are checked, so memory does
  // not grow with the corpus; JSON and SARIF are one document, kept until the end.
  check_results results;
  const auto report = [&](std::string path, std::vector<diagnostic> list) {
    count(results.summary, list);
    if (list.empty()) return;
    checked_file file{std::move(path), std::move(list)};
    if (whole_document(o.output.format)) {
      results.files.push_back(std::move(file));
    } else {
      print_file(stdout, file, o.output);
    }
  };
  std::unique_ptr<loaded_config> explicit_config;
  if (!o.config_path.empty()) {
    std::string error;
    explicit_config = load_config(o.config_path, error);
    if (!explicit_config) return usage_error("cannot read the configuration " + o.config_path + ": " + error);
    // Problems in a configuration come before the notes it governs: they change how those were checked.
    report(explicit_config->path, explicit_config->problems);
  }
  config_finder finder;
  exact_paths paths;
  const file_exists_fn exists = [&paths](const std::string& p) { return paths.exists(p); };
  check_corpus corpus;
  std::unordered_set<std::string> seen;
  std::size_t unreadable = 0;
  bool write_failed = false;

  for (const auto& input : o.paths) {
    std::string error;
    const std::vector<std::string> notes = collect_notes(input, error);
    if (!error.empty() || notes.empty()) {
      ++unreadable;
      report(display_path(input), {input_problem(!error.empty() ? error : "no notes (*.md, *.markdown) in this folder")});
      continue;
    }
    for (const auto& note : notes) {
      const std::string path = display_path(note);
      const std::string absolute = absolute_path(path);
      if (!seen.insert(absolute).second) continue;
      const loaded_config* config = explicit_config.get();
      if (!config) {
        const std::size_t known = finder.loaded().size();
        config = finder.for_absolute_note(absolute);
        for (std::size_t i = known; i < finder.loaded().size(); ++i) report(finder.loaded()[i]->path, finder.loaded()[i]->problems);
      }
      if (config && is_ignored(config->config, relative_to(path, config->folder))) continue;

      note_read read = read_note(path);
      if (!read.content) {
        ++unreadable;
        report(path, {input_problem(read.problem)});
        continue;
      }
      check_file_options options;
      options.path = path;
      options.config = config ? &config->config : nullptr;
      options.file_exists = exists;
      file_report checked = check_file(*read.content, options);
      if (o.fix && !checked.fixes.empty()) {
        fixed_note fixed = fix_note(*read.content, checked, options);
        const std::string problem = write_file_atomically(path, fixed.text);
        if (!problem.empty()) {
          std::fprintf(stderr, "%s: error: cannot write fixes: %s\n", path.c_str(), problem.c_str());
          write_failed = true;
        } else {
          results.summary.fixed += fixed.problems;
          ++results.summary.fixed_files;
          *read.content = std::move(fixed.text);
          checked = std::move(fixed.report);
        }
      }
      // Before the corpus takes the links it checks at the end: their columns are converted here,
      // while the note's text is at hand.
      if (in_characters) count_columns_in_characters(checked, *read.content);
      corpus.add(checked);
      ++results.summary.files;
      results.summary.cards += checked.cards;
      report(path, std::move(checked.diagnostics));
    }
  }

  // Links into other notes whose #fragment is missing are known only now: printed after every
  // file, grouped by file in the order the files were checked, each group by line and column.
  const read_note_fn read_linked = [](const std::string& p) -> std::optional<std::string> { return read_note(p).content; };
  std::vector<located_diagnostic> late = corpus.finish(read_linked);
  for (auto group = late.begin(); group != late.end();) {
    const auto end = std::find_if(group, late.end(), [&](const located_diagnostic& l) { return l.path != group->path; });
    std::stable_sort(group, end, [](const located_diagnostic& x, const located_diagnostic& y) {
      return x.problem.line != y.problem.line ? x.problem.line < y.problem.line : x.problem.column < y.problem.column;
    });
    std::vector<diagnostic> list;
    for (auto it = group; it != end; ++it) list.push_back(std::move(it->problem));
    report(group->path, std::move(list));
    group = end;
  }

  if (whole_document(o.output.format)) {
    print_results(stdout, results, o.output);
  } else {
    print_summary(stdout, results.summary, o.output);
  }
  std::fflush(stdout);

  if (write_failed || (results.summary.files == 0 && unreadable > 0)) return 2;
  if (results.summary.errors > 0) return 1;
  if (o.max_warnings >= 0 && results.summary.warnings > static_cast<std::size_t>(o.max_warnings)) {
    if (o.output.format == output_format::text || o.output.format == output_format::github) {
      std::fprintf(stderr, "notequiz check: %zu warnings, more than --max-warnings %ld\n", results.summary.warnings, o.max_warnings);
    }
    return 1;
  }
  return 0;
}

}  // namespace notequiz::cli
