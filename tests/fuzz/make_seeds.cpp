// fuzz_seeds OUT NOTES.md...: inputs for scripts/fuzz, nothing of which is committed.
// - OUT/deck_json/<n>.json: the deck of each notes file, and OUT/progress/<n>-*.txt: two
//   progress records of that deck, one per line, as progress_fuzzer reads them. Made by the
//   core itself, so the seeds are exactly what the widget loads and stores.
// - OUT/check/<n>.md: each notes file after a line of configuration, as check_fuzzer reads it.
// - OUT/slow-inputs/<shape>.md: each pathological shape (tests/core/pathological_inputs.hpp) at
//   about 128 KB, which every markdown target must get through within libFuzzer's -timeout.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "../core/pathological_inputs.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/progress.hpp"
#include "notequiz/session.hpp"

namespace fs = std::filesystem;
using namespace notequiz;

namespace {

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Reviews of every `stride`-th card from `first`, spread over days, cycling through the ratings.
progress study(const deck& d, std::size_t first, std::size_t stride, std::int64_t start_ms) {
  progress p = empty_progress(d.id);
  constexpr std::int64_t day = 86'400'000;
  const rating ratings[] = {rating::good, rating::again, rating::easy, rating::hard};
  std::size_t n = 0;
  for (std::size_t i = first; i < d.cards.size(); i += stride, ++n) {
    for (std::int64_t k = 0; k < 3; ++k) {
      grade(p, d.cards[i].id, ratings[(n + static_cast<std::size_t>(k)) % 4], start_ms + static_cast<std::int64_t>(n) * 60'000 + k * day);
    }
  }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fuzz_seeds OUT NOTES.md...\n";
    return 2;
  }
  const fs::path out = argv[1];
  fs::create_directories(out / "deck_json");
  fs::create_directories(out / "progress");
  fs::create_directories(out / "check");
  fs::create_directories(out / "slow-inputs");
  for (const auto& shape : notequiz::testing::pathological_shapes) {
    const std::size_t unit = shape.make(1000).size() / 1000 + 1;
    write(out / "slow-inputs" / (std::string(shape.name) + ".md"), shape.make((128u << 10) / unit));
  }
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
      std::cerr << "fuzz_seeds: cannot read " << argv[i] << "\n";
      return 2;
    }
    parse_options options;
    options.source_path = argv[i];
    const deck d = parse_notes(text.str(), options).deck;
    const std::string n = std::to_string(i - 1);
    write(out / "deck_json" / (n + ".json"), to_json(d));
    write(out / "check" / (n + ".md"),
          R"({"rules":{"fence-language":"off","raw-html":"warning","NQ001":"info"},"ignore":["drafts/**"]})"
          "\n" + text.str());
    if (d.cards.empty()) continue;
    const progress a = study(d, 0, 2, 1'700'000'000'000);
    const progress b = study(d, 1, 3, 1'700'000'500'000);
    write(out / "progress" / (n + "-two.txt"), to_json(a) + "\n" + to_json(b));
    write(out / "progress" / (n + "-same.txt"), to_json(a) + "\n" + to_json(a));
    write(out / "progress" / (n + "-empty.txt"), to_json(empty_progress(d.id)) + "\n" + to_json(b));
  }
  return 0;
}
