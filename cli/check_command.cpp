// `notequiz check`: every note under the given paths, checked on --jobs threads and printed one
// at a time in input order, then what was found across them.

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "arguments.hpp"
#include "check_inputs.hpp"
#include "check_note.hpp"
#include "check_output.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "notequiz/check.hpp"
#include "ordered_pool.hpp"

namespace notequiz::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* check_usage =
    "usage: notequiz check [PATH...] [--config FILE] [--format text|json|sarif|github]\n"
    "                      [--max-warnings N] [--fix] [--quiet] [--jobs N]\n"
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
    "  -j, --jobs N       check N notes at a time (default: one per CPU core); the output is\n"
    "                     the same for every N\n"
    "  An option's value may also follow an equals sign (--format=json), and -j its number (-j4).\n"
    "\n"
    "exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or nothing readable\n";

// One worker per core the system reports (it may not know: then one).
unsigned default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

// More threads than this is a typo, not a machine.
constexpr long max_jobs = 1024;

// Notes read and checked ahead of the one being printed, per worker: enough that a worker
// never waits for the printing thread, even while that thread is off the CPU for a time slice
// on a busy machine (a few milliseconds, a hundred notes: with 4 a worker, the worker of
// `-j 2` sat idle for 100-400 ms of a 2,000-note run on a loaded two-core machine); few enough
// that memory does not grow with the corpus (with --jobs 8, 3 MB more than with 4).
constexpr std::size_t notes_ahead_per_worker = 64;

struct check_options {
  std::vector<std::string> paths;
  std::string config_path;
  output_options output;
  long max_warnings = -1;
  bool fix = false;
  unsigned jobs = default_jobs();
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "notequiz check: %s\n\n%s", message.c_str(), check_usage);
  return 2;
}

// Fills `o`; returns -1 to go on, else the exit code.
int read_arguments(const args& given, check_options& o) {
  const args a = spelled_out(given, {"--config", "--format", "--max-warnings", "--jobs", "-j"}, "-j");
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
    } else if (arg == "--jobs" || arg == "-j") {
      if (!value(v)) return usage_error(arg + " needs a number of threads");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > max_jobs) {
        return usage_error(arg + " takes a number of threads from 1 to " + std::to_string(max_jobs) + ", not '" + v + "'");
      }
      o.jobs = static_cast<unsigned>(n);
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

// Which note was last submitted for each file on disk, by device and inode, so --fix never
// checks one file twice at once under two names.
class same_file_order {
 public:
  static constexpr std::size_t none = SIZE_MAX;

  // The ticket `path`'s file was last submitted under (none if never or unknown), recording
  // `ticket` as its latest.
  std::size_t last_submitted(const std::string& path, std::size_t ticket) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return none;  // the worker will say why it cannot read it
    const auto [it, fresh] = tickets_.emplace(std::make_pair(st.st_dev, st.st_ino), ticket);
    return fresh ? none : std::exchange(it->second, ticket);
  }

 private:
  std::map<std::pair<dev_t, ino_t>, std::size_t> tickets_;
};

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
  note_settings settings;
  settings.fix = o.fix;
  settings.columns_in_characters = o.output.format == output_format::sarif || o.output.format == output_format::github;
  // --quiet prints errors only: the others are counted (the summary and --max-warnings need
  // them) but not built.
  if (o.output.quiet) settings.least_severity = severity::error;
  settings.file_exists = [&paths](const std::string& p) { return paths.exists(p); };
  settings.write = [&paths](const std::string& path, const std::string& text) {
    return paths.while_not_listing([&] { return write_file_atomically(path, text); });
  };
  check_corpus corpus;
  std::unordered_set<std::string> seen;
  std::size_t unreadable = 0;
  bool write_failed = false;

  // Each note as it comes back from the workers, in input order: printed, counted and added to
  // the corpus exactly as if the notes had been checked one after the other.
  const auto take_note = [&](checked_note note) {
    if (!note.unreadable.empty()) {
      ++unreadable;
      report(std::move(note.path), {input_problem(std::move(note.unreadable))});
      return;
    }
    if (!note.write_problem.empty()) {
      std::fprintf(stderr, "%s: error: cannot write fixes: %s\n", note.path.c_str(), note.write_problem.c_str());
      write_failed = true;
    } else if (note.rewritten) {
      results.summary.fixed += note.fixed;
      ++results.summary.fixed_files;
    }
    corpus.add(note.report);
    ++results.summary.files;
    results.summary.cards += note.report.cards;
    results.summary.warnings += note.report.left_out[static_cast<std::size_t>(severity::warning)];
    results.summary.infos += note.report.left_out[static_cast<std::size_t>(severity::info)];
    report(std::move(note.path), std::move(note.report.diagnostics));
  };
  // Declared after everything its tasks use, so it stops its threads before those go away.
  ordered_pool<checked_note> pool(o.jobs, o.jobs <= 1 ? 1 : notes_ahead_per_worker * o.jobs);
  const auto take_oldest = [&] { take_note(pool.take()); };
  // What this thread reports itself (a path that cannot be read, a configuration's problems)
  // goes after every note met before it: those are taken first.
  const auto report_in_order = [&](std::string path, std::vector<diagnostic> list) {
    while (pool.pending() > 0) take_oldest();
    report(std::move(path), std::move(list));
  };
  same_file_order same_file;

  for (std::size_t at = 0; at < o.paths.size(); ++at) {
    const std::string& input = o.paths[at];
    // The notes of the last path are not remembered for skipping repeats: no path comes after
    // them, and one folder lists each note once. With a single path, `seen` stays empty.
    const bool last_input = at + 1 == o.paths.size();
    const collected_notes found = collect_notes(input);
    // A folder that cannot be read is named (its notes would otherwise be passed over without a
    // word), before the notes found beside it.
    for (const auto& folder : found.unread) {
      ++unreadable;
      report_in_order(display_path(folder.path), {input_problem(folder.reason + "; the notes in it are not checked")});
    }
    if (!found.error.empty() || (found.files.empty() && found.unread.empty())) {
      ++unreadable;
      report_in_order(display_path(input),
                      {input_problem(!found.error.empty() ? found.error : "no notes (*.md, *.markdown) in this folder")});
      continue;
    }
    for (const auto& note : found.files) {
      std::string path = display_path(note);
      const std::string absolute = absolute_path(path);
      if (last_input ? seen.count(absolute) > 0 : !seen.insert(absolute).second) continue;
      const loaded_config* config = explicit_config.get();
      if (!config) {
        const std::size_t known = finder.loaded().size();
        config = finder.for_absolute_note(absolute);
        for (std::size_t i = known; i < finder.loaded().size(); ++i) {
          report_in_order(finder.loaded()[i]->path, finder.loaded()[i]->problems);
        }
      }
      if (config && is_ignored(config->config, relative_to(path, config->folder))) continue;

      // --fix rewrites notes: one reached again under another name (a link) waits until the
      // first is written, and is then checked as fixed, as one after the other would.
      if (o.fix) {
        const std::size_t earlier = same_file.last_submitted(path, pool.submitted());
        while (earlier != same_file.none && pool.taken() <= earlier) take_oldest();
      }
      if (pool.full()) take_oldest();
      const check_config* rules = config ? &config->config : nullptr;
      pool.submit([path = std::move(path), rules, &settings]() mutable { return check_note(std::move(path), rules, settings); });
    }
  }
  while (pool.pending() > 0) take_oldest();

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
