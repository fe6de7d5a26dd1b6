// parse_throughput [--rounds N] FILE...: parse_notes over each file, the deck and its HTML
// built in full, timed like md4c_baseline (scripts/bench).
#include "notequiz/parse.hpp"
#include "timing.hpp"

int main(int argc, char** argv) {
  int rounds = 0;
  const auto files = notequiz::bench::read_arguments(argc, argv, rounds);
  return notequiz::bench::report_fastest(files, rounds, [](const notequiz::bench::note_file& f) {
    notequiz::parse_options options;
    options.source_path = f.path;
    const notequiz::parse_result r = notequiz::parse_notes(f.text, options);
    return r.deck.cards.size() + r.diagnostics.size();
  });
}
