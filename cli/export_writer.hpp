#pragma once
// Putting an export in place safely (docs/export.md#safety): the files are written into a
// temporary folder beside OUT, then swapped in; a manifest in OUT lists what notequiz wrote,
// and only those files are ever replaced or removed.

#include <string>
#include <vector>

namespace notequiz::cli {

/// One file of an export: its path inside OUT ('/'-separated, no `.` or `..` segments) and
/// its bytes.
struct export_file {
  std::string path;
  std::string content;
};

inline constexpr const char* manifest_name = ".notequiz-manifest.json";

struct write_report {
  std::string error;       ///< empty on success; else why nothing (or, see `partial`, not all) was changed
  std::size_t written = 0;
  std::size_t removed = 0;  ///< files of the previous export no longer produced
  bool atomic = true;       ///< false when OUT was updated file by file (docs/export.md#safety)
  std::vector<std::string> warnings;
};

/// Puts `files` in folder `out` (created with its parents when missing) and records them in
/// OUT/.notequiz-manifest.json with `format`. Refuses, changing nothing, when a file would
/// replace one notequiz did not write. An existing OUT is swapped for the new tree in one step
/// unless `swap` is false (OUT holds the working folder or the notes: their folders must stay
/// the same folders), then it is updated file by file. Environment
/// NOTEQUIZ_EXPORT_FAIL_AFTER_TEMP=1 (a test hook) stops after the temporary folder is written,
/// as a crash there would.
write_report write_export(const std::string& out, std::vector<export_file> files, const std::string& format,
                          bool swap = true);

}  // namespace notequiz::cli
