#include <cstdio>
#include <map>

#include "commands.hpp"
#include "files.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/parse.hpp"

namespace notequiz::cli {

namespace {

constexpr const char* parse_usage =
    "usage: notequiz parse FILE... [--json] [--question-level N]\n"
    "\n"
    "Prints the quiz model of each notes file: a readable summary (deck, sections, cards and\n"
    "their kinds), or with --json one JSON object per file and line:\n"
    "{\"deck\": ..., \"diagnostics\": [...]} (docs/schema.md).\n"
    "Diagnostics go to standard error as path:line:col: severity: message [rule].\n"
    "A file that cannot be read is reported and skipped; the exit code is then 2.\n";

void print_summary(const std::string& path, const deck& d) {
  std::map<card_kind, int> kinds;
  for (const auto& c : d.cards) ++kinds[c.kind];
  std::printf("%s: \"%s\" (id %s), %zu cards", path.c_str(), d.title.c_str(), d.id.c_str(), d.cards.size());
  const char* sep = ": ";
  for (const auto& [kind, count] : kinds) {
    std::printf("%s%d %s", sep, count, to_string(kind));
    sep = ", ";
  }
  std::printf("\n");
  std::vector<std::string> last_path;
  for (std::size_t i = 0; i < d.cards.size(); ++i) {
    const card& c = d.cards[i];
    if (c.section_path != last_path) {
      std::string joined;
      for (const auto& s : c.section_path) joined += (joined.empty() ? "" : " › ") + s;
      std::printf("  § %s\n", joined.empty() ? "(no section)" : joined.c_str());
      last_path = c.section_path;
    }
    std::printf("  %3zu. %s  [%s, line %u%s]\n", i + 1, c.title.c_str(), to_string(c.kind), c.position.line,
                c.answer_markdown.empty() ? ", empty answer" : "");
  }
}

}  // namespace

int parse_command(const args& a) {
  bool as_json = false;
  parse_options base;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == "--help" || a[i] == "-h") {
      std::fputs(parse_usage, stdout);
      return 0;
    }
    if (a[i] == "--json") {
      as_json = true;
    } else if (a[i] == "--question-level" && i + 1 < a.size()) {
      const std::string& v = a[++i];
      if (v.size() != 1 || v[0] < '1' || v[0] > '6') {
        std::fprintf(stderr, "notequiz parse: --question-level takes 1 to 6, not '%s'\n", v.c_str());
        return 2;
      }
      base.question_level = v[0] - '0';
    } else if (!a[i].empty() && a[i][0] == '-' && a[i] != "-") {
      std::fprintf(stderr, "notequiz parse: unknown option '%s'\n%s", a[i].c_str(), parse_usage);
      return 2;
    } else {
      paths.push_back(a[i]);
    }
  }
  if (paths.empty()) {
    std::fputs(parse_usage, stderr);
    return 2;
  }
  int status = 0;
  for (const auto& path : paths) {
    const read_result file = read_file(path);
    if (!file.content) {
      std::fprintf(stderr, "%s: error: %s\n", path.c_str(), file.error.c_str());
      status = 2;
      continue;
    }
    parse_options options = base;
    options.source_path = path;
    const parse_result result = parse_notes(*file.content, options);
    for (const auto& d : result.diagnostics) {
      std::fprintf(stderr, "%s:%u:%u: %s: %s [%s]\n", path.c_str(), d.line, d.column, to_string(d.severity),
                   d.message.c_str(), d.rule.c_str());
    }
    if (as_json) {
      std::printf("%s\n", to_json(result).c_str());
    } else {
      print_summary(path, result.deck);
    }
  }
  return status;
}

}  // namespace notequiz::cli
