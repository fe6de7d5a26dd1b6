#pragma once
// Reading and writing files for the CLI: whole-file reads with clear errors, atomic writes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notequiz::cli {

struct read_result {
  std::optional<std::string> content;
  std::string error;  // "cannot open: No such file or directory", ...
};

read_result read_file(const std::string& path);

// Writes `content` to a new temporary file beside `path` (`path.notequiz-tmp-PID-N`), flushes it
// to disk, then renames it over `path`, keeping the old file's permissions (and owner, where
// allowed); through a symbolic link, over the file it points to. Returns an empty string on
// success, else the reason; the temporary file is gone either way.
std::string write_file_atomically(const std::string& path, const std::string& content);

// Whether `path` is its own generic form (fs::path(path).generic_string()), as nearly every
// path is on POSIX; then parent_of_generic(path) is fs::path(path).parent_path()'s. Both
// without building an fs::path, which parses the path into its parts.
bool is_generic(std::string_view path) noexcept;
std::string parent_of_generic(std::string_view path);

// A folder that collect_notes could not open or list to its end: the notes in it may be missing.
struct unread_folder {
  std::string path;
  std::string reason;  // "cannot read folder: Permission denied"
};

struct collected_notes {
  std::vector<std::string> files;     // sorted
  std::vector<unread_folder> unread;  // folders under the path, sorted by path
  std::string error;                  // why the path itself gives nothing: "no such file or directory", ...
};

// Markdown files under `path` (recursively, `*.md` and `*.markdown`, not in hidden folders or
// node_modules), or `path` itself when it is a file.
collected_notes collect_notes(const std::string& path);

}  // namespace notequiz::cli
