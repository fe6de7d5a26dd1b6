// Every input a fuzz target ever failed on is committed under tests/fuzz/regressions/<target>/
// (scripts/fuzz puts it there) and replayed here through the same property the target checks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../fuzz/properties.hpp"

namespace fs = std::filesystem;
using notequiz::fuzzing::fuzz_targets;

namespace {

const fs::path regressions = fs::path(NOTEQUIZ_SOURCE_DIR) / "tests/fuzz/regressions";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(FuzzRegressions, EveryFolderIsNamedForAFuzzTarget) {
  if (!fs::exists(regressions)) return;
  for (const auto& folder : fs::directory_iterator(regressions)) {
    if (!folder.is_directory()) continue;
    const std::string name = folder.path().filename().string();
    const bool known = std::any_of(std::begin(fuzz_targets), std::end(fuzz_targets), [&](const auto& t) { return t.name == name; });
    EXPECT_TRUE(known) << folder.path() << " is not the name of a fuzz target in tests/fuzz/properties.hpp";
  }
}

TEST(FuzzRegressions, EveryCommittedFindingNowKeepsItsTargetsProperties) {
  for (const auto& target : fuzz_targets) {
    const fs::path folder = regressions / std::string(target.name);
    if (!fs::exists(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') continue;
      EXPECT_EQ(target.problem(read_bytes(entry.path())), "") << target.name << " on " << entry.path();
    }
  }
}
