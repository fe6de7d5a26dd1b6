#pragma once
// Helpers shared by the checker's tests.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "notequiz/check.hpp"
#include "test_support.hpp"

namespace notequiz::testing {

inline file_report check(const std::string& markdown, const std::string& path = "notes.md",
                         const check_config* config = nullptr, file_exists_fn exists = {}) {
  check_file_options options;
  options.path = path;
  options.config = config;
  options.file_exists = std::move(exists);
  return check_file(markdown, options);
}

// "rule@line" for each diagnostic, in order: short to compare, easy to read when it fails.
inline std::vector<std::string> found(const std::vector<diagnostic>& list) {
  std::vector<std::string> out;
  for (const auto& d : list) out.push_back(d.rule + "@" + std::to_string(d.line));
  return out;
}

inline std::vector<std::string> found(const file_report& r) { return found(r.diagnostics); }

inline std::vector<std::string> found_of(const file_report& r, const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) {
    if (d.rule == rule) out.push_back(d.rule + "@" + std::to_string(d.line));
  }
  return out;
}

inline const diagnostic* first_of(const file_report& r, const std::string& rule) {
  for (const auto& d : r.diagnostics) {
    if (d.rule == rule) return &d;
  }
  return nullptr;
}

inline bool on_disk(const std::string& path) { return std::filesystem::exists(path); }

inline std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::optional<std::string> read_from_disk(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return std::nullopt;
  return read_whole_file(path);
}

}  // namespace notequiz::testing
