#pragma once
// What `notequiz check` needs from the file system: notes read with limits, case-sensitive
// existence checks for linked files, and the nearest `.notequiz.json` of each note.

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "notequiz/check.hpp"

namespace notequiz::cli {

// Notes larger than this are not checked: no one writes 16 MiB of notes by hand.
inline constexpr std::size_t max_note_bytes = std::size_t{16} << 20;

struct note_read {
  std::optional<std::string> content;
  std::string problem;  // why there is no content: "cannot open: ...", "binary file ...", ...
};

// Reads a note; refuses folders, files over max_note_bytes (without reading them), binary
// files and UTF-16 text, each with a reason.
note_read read_note(const std::string& path);
// The same into `content`, whose capacity is reused: "" when read, else why not (`content`
// then holds nothing useful).
std::string read_note(const std::string& path, std::string& content);

// Whether a path exists with exactly this spelling, even on case-insensitive file systems.
// Folder listings are cached, so checking thousands of notes costs a few listings. Safe to
// use from several threads at once.
class exact_paths {
 public:
  bool exists(const std::string& path);

  // Runs `change` (a note rewritten through a temporary file beside it) while no folder is
  // being listed: a listing never shows the temporary file, whatever the threads' timing.
  template <class Change>
  auto while_not_listing(Change change) {
    std::lock_guard<std::mutex> lock(mutex_);
    return change();
  }

 private:
  std::mutex mutex_;  // over the caches below, and over listing folders
  bool look_up(const std::string& path, bool found_in_some_spelling);
  // The names in `folder`, or nullptr when it cannot be listed.
  const std::unordered_set<std::string>* listing(const std::string& folder);
  std::unordered_map<std::string, std::optional<std::unordered_set<std::string>>> listings_;
  // Answers so far, by path: notes link the same images and notes over and over.
  std::unordered_map<std::string, bool> answers_;
};

struct loaded_config {
  std::string path;    // as shown in messages
  std::string folder;  // absolute, for ignore globs
  check_config config;
  std::vector<diagnostic> problems;
};

// Finds the nearest `.notequiz.json` above each note (the note's folder first), reading
// each configuration once.
class config_finder {
 public:
  // The configuration for the note at `path`, or nullptr when no folder above it has one.
  const loaded_config* for_note(const std::string& path);
  // The same, for a note's absolute_path().
  const loaded_config* for_absolute_note(const std::string& absolute);
  // Every configuration read so far, in the order they were found.
  const std::vector<std::unique_ptr<loaded_config>>& loaded() const noexcept { return configs_; }

 private:
  const loaded_config* for_folder(const std::string& folder);
  std::unordered_map<std::string, const loaded_config*> by_folder_;
  std::optional<std::pair<std::string, const loaded_config*>> last_;  // the last note's folder and answer
  std::vector<std::unique_ptr<loaded_config>> configs_;
};

// Reads a configuration file; nothing (and `error`) when the file cannot be read.
std::unique_ptr<loaded_config> load_config(const std::string& path, std::string& error);

// fs::absolute(path).lexically_normal(), '/'-separated, with the working folder read once.
std::string absolute_path(const std::string& path);

// `path` as notequiz shows it: '/'-separated, without leading `./`.
std::string display_path(const std::string& path);

// `path` relative to `folder` (both made absolute first), '/'-separated.
std::string relative_to(const std::string& path, const std::string& folder);

}  // namespace notequiz::cli
