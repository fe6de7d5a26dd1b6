#pragma once
// What both benchmark tools share: the files read into memory once, untimed, then the same
// work repeated over all of them; the fastest round's CPU time is reported (CPU, not wall
// time, so other processes on a busy machine do not count), as one line scripts/bench reads:
// `bytes=N files=N rounds=N seconds=S mb_per_s=X` (MB = 10^6 bytes).

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace notequiz::bench {

struct note_file {
  std::string path;
  std::string text;
};

// Reads a file's bytes into `text` with the system calls `notequiz check` makes for a note:
// open, fstat for the size, read, close. Exits with a message when it cannot.
inline void read_into(const std::string& path, std::string& text) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  bool ok = fd >= 0 && ::fstat(fd, &st) == 0;
  if (ok) {
    text.resize(static_cast<std::size_t>(st.st_size));
    std::size_t length = 0;
    while (ok && length < text.size()) {
      const ssize_t got = ::read(fd, text.data() + length, text.size() - length);
      ok = got > 0;
      if (ok) length += static_cast<std::size_t>(got);
    }
  }
  if (fd >= 0) ::close(fd);
  if (!ok) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
}

// Usage: TOOL [--rounds N] FILE...
inline std::vector<note_file> read_arguments(int argc, char** argv, int& rounds) {
  std::vector<note_file> files;
  rounds = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    files.push_back({arg, {}});
    read_into(arg, files.back().text);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s [--rounds N] FILE...\n", argv[0]);
    std::exit(2);
  }
  return files;
}

// Runs `work` over every file `rounds` times; prints the fastest round. `work` returns a value
// that depends on the result, so the compiler cannot drop it.
template <typename Work>
int report_fastest(const std::vector<note_file>& files, int rounds, Work work) {
  std::size_t bytes = 0;
  for (const auto& f : files) bytes += f.text.size();
  double best = 1e300;
  std::size_t sink = 0;
  for (int r = 0; r < rounds; ++r) {
    const std::clock_t start = std::clock();
    for (const auto& f : files) sink += work(f);
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  std::printf("bytes=%zu files=%zu rounds=%d seconds=%.6f mb_per_s=%.2f sink=%zu\n", bytes, files.size(), rounds, best,
              static_cast<double>(bytes) / 1e6 / best, sink % 10);
  return 0;
}

}  // namespace notequiz::bench
