#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "notequiz/version.hpp"

namespace {

struct command {
  const char* name;
  int (*run)(const notequiz::cli::args&);
  const char* summary;
};

constexpr command commands[] = {
    {"parse", notequiz::cli::parse_command, "print the quiz model of notes (a summary, or JSON)"},
    {"export", notequiz::cli::export_command, "write a quiz site, offline pages, Anki notes or deck JSON"},
    {"check", notequiz::cli::check_command, "check notes for problems (file:line:col diagnostics, CI formats)"},
};

void print_usage(std::FILE* to) {
  std::fprintf(to, "usage: notequiz <command> [options]\n\ncommands:\n");
  for (const auto& c : commands) std::fprintf(to, "  %-8s %s\n", c.name, c.summary);
  std::fprintf(to,
               "\n`notequiz <command> --help` describes a command.\n"
               "exit codes: 0 success, 1 problems found in the notes, 2 usage or input errors\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(stderr);
    return 2;
  }
  const std::string& name = args.front();
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("notequiz %s\n", notequiz::version());
    return 0;
  }
  for (const auto& c : commands) {
    if (name == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::fprintf(stderr, "notequiz: unknown command '%s'\n\n", name.c_str());
  print_usage(stderr);
  return 2;
}
