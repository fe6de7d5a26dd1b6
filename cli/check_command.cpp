// `notequiz check`: every note under the given paths, one at a time, then what was found.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unordered_set>

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

// Columns counted in characters rather than bytes, for the formats GitHub reads.
void count_columns_in_characters(std::vector<diagnostic>& list, std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (std::none_of(list.begin(), list.end(), [](const diagnostic& d) { return d.column > 1 || d.end_column > 1; })) return;
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) starts.push_back(i + 1);
  auto to_characters = [&](std::uint32_t line, std::uint32_t column) -> std::uint32_t {
    if (column <= 1 || line == 0 || line > starts.size()) return column;
    std::uint32_t characters = 1;
    for (std::size_t i = starts[line - 1]; i < starts[line - 1] + column - 1 && i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++characters;
    }
    return characters;
  };
  for (auto& d : list) {
    d.column = to_characters(d.line, d.column);
    d.end_column = to_characters(d.end_line, d.end_column);
  }
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
  const bool character_columns = o.output.format == output_format::sarif || o.output.format == output_format::github;

  check_results results;
  std::unique_ptr<loaded_config> explicit_config;
  if (!o.config_path.empty()) {
    std::string error;
    explicit_config = load_config(o.config_path, error);
    if (!explicit_config) return usage_error("cannot read the configuration " + o.config_path + ": " + error);
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
      results.files.push_back({display_path(input),
                               {input_problem(!error.empty() ? error : "no notes (*.md, *.markdown) in this folder")}});
      continue;
    }
    for (const auto& note : notes) {
      const std::string path = display_path(note);
      const std::string absolute = absolute_path(path);
      if (!seen.insert(absolute).second) continue;
      const loaded_config* config = explicit_config ? explicit_config.get() : finder.for_absolute_note(absolute);
      if (config && is_ignored(config->config, relative_to(path, config->folder))) continue;

      note_read read = read_note(path);
      if (!read.content) {
        ++unreadable;
        results.files.push_back({path, {input_problem(read.problem)}});
        continue;
      }
      check_file_options options;
      options.path = path;
      options.config = config ? &config->config : nullptr;
      options.file_exists = exists;
      file_report report = check_file(*read.content, options);
      if (o.fix && !report.fixes.empty()) {
        const std::string fixed = apply_fixes(*read.content, report.fixes);
        const std::string problem = write_file_atomically(path, fixed);
        if (!problem.empty()) {
          std::fprintf(stderr, "%s: error: cannot write fixes: %s\n", path.c_str(), problem.c_str());
          write_failed = true;
        } else {
          std::unordered_set<std::size_t> problems;  // one problem may need two edits
          for (const auto& f : report.fixes) problems.insert(f.diagnostic);
          results.summary.fixed += problems.size();
          ++results.summary.fixed_files;
          *read.content = fixed;
          report = check_file(*read.content, options);
        }
      }
      corpus.add(report);
      if (character_columns) count_columns_in_characters(report.diagnostics, *read.content);
      ++results.summary.files;
      results.summary.cards += report.cards;
      results.files.push_back({path, std::move(report.diagnostics)});
    }
  }

  const read_note_fn read_linked = [](const std::string& p) -> std::optional<std::string> { return read_note(p).content; };
  for (auto& late : corpus.finish(read_linked)) {
    auto file = std::find_if(results.files.begin(), results.files.end(), [&](const checked_file& f) { return f.path == late.path; });
    if (file == results.files.end()) continue;
    auto& list = file->diagnostics;
    const auto at = std::upper_bound(list.begin(), list.end(), late.problem, [](const diagnostic& x, const diagnostic& y) {
      return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    list.insert(at, std::move(late.problem));
  }

  // Problems in configuration files come first: they change how everything else was checked.
  std::vector<checked_file> configs;
  if (explicit_config && !explicit_config->problems.empty()) configs.push_back({explicit_config->path, explicit_config->problems});
  for (const auto& c : finder.loaded()) {
    if (!c->problems.empty()) configs.push_back({c->path, c->problems});
  }
  results.files.insert(results.files.begin(), configs.begin(), configs.end());
  for (const auto& f : results.files) count(results.summary, f.diagnostics);

  print_results(stdout, results, o.output);
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
