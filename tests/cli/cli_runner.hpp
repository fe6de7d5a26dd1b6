#pragma once
// Runs the built `notequiz` binary for CLI tests: arguments in; exit code, stdout, stderr out.
// Also the scratch folders and files those tests write.

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace notequiz::testing {

struct cli_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh, empty folder for one test under the test temp folder, named `prefix` + `name`
// (each test file has its own prefix); the next run of the same test replaces it.
inline std::filesystem::path fresh_folder(const std::string& prefix, const std::string& name) {
  const std::filesystem::path p = std::filesystem::path(::testing::TempDir()) / (prefix + name);
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

// Writes `content` to `path` byte for byte, creating the folders it needs.
inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// Runs the shell words `program` with ARGS in `cwd`, with `env` prefixed (e.g. "NO_COLOR=1").
// Output is captured through temporary files named for this process, so tests running in
// parallel (ctest -j) never share one.
inline cli_result run_program(const std::string& program, const std::vector<std::string>& args, const std::string& cwd,
                              const std::string& env = "") {
  static int counter = 0;
  const std::string base = std::string(::testing::TempDir()) + "notequiz-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  std::string cmd = "cd " + shell_quote(cwd) + " && " + env + (env.empty() ? "" : " ") + program;
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " >" + shell_quote(base + ".out") + " 2>" + shell_quote(base + ".err") + " </dev/null";
  const int status = std::system(cmd.c_str());
  cli_result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(base + ".out");
  r.err = slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

// Runs `notequiz ARGS...` in `cwd` (the source tree by default), with `env` prefixed.
inline cli_result run_cli(const std::vector<std::string>& args, const std::string& cwd = NOTEQUIZ_SOURCE_DIR,
                          const std::string& env = "") {
  return run_program(shell_quote(NOTEQUIZ_CLI), args, cwd, env);
}

// Runs `notequiz ARGS...` in `cwd` as a user whom file permissions apply to. Root reads every
// file, so when the tests run as root (as in CI) the command runs as `nobody`, through
// util-linux's setpriv, from a copy of the binary in the temp folder (the build folder may
// not be open to nobody). `cwd` and what the command reads must be open to nobody.
inline cli_result run_cli_unprivileged(const std::vector<std::string>& args, const std::string& cwd) {
  if (::geteuid() != 0) return run_cli(args, cwd);
  struct binary_copy {
    std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / ("notequiz-unprivileged-" + std::to_string(::getpid()));
    binary_copy() {
      namespace fs = std::filesystem;
      fs::copy_file(NOTEQUIZ_CLI, path, fs::copy_options::overwrite_existing);
      fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    }
    ~binary_copy() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  };
  static const binary_copy copy;
  return run_program("setpriv --reuid=nobody --regid=nogroup --clear-groups " + shell_quote(copy.path.string()), args, cwd);
}

}  // namespace notequiz::testing
