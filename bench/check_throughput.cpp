// check_throughput [--rounds N] FILE...: check_file over each note already in memory, with
// every rule at its default severity, messages built for errors only and no file lookups, as
// `notequiz check --quiet` does, timed like md4c_baseline (scripts/bench): the checking work
// of the command without reading or printing.
#include "notequiz/check.hpp"
#include "timing.hpp"

int main(int argc, char** argv) {
  int rounds = 0;
  const auto files = notequiz::bench::read_arguments(argc, argv, rounds);
  return notequiz::bench::report_fastest(files, rounds, [](const notequiz::bench::note_file& f) {
    notequiz::check_file_options options;
    options.path = f.path;
    options.fixes = false;
    options.least_severity = notequiz::severity::error;
    const notequiz::file_report r = notequiz::check_file(f.text, options);
    return r.cards + r.diagnostics.size();
  });
}
