#include "export_writer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "files.hpp"

namespace notequiz::cli {

namespace fs = std::filesystem;

namespace {

// Beyond this many entries of its own in OUT, linking them into the new tree costs more than the
// all-at-once swap is worth: OUT is then updated file by file.
constexpr std::size_t max_foreign_entries = 1000;

std::string errno_text() { return std::strerror(errno); }

bool is_valid_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path == manifest_name) return false;
  std::size_t start = 0;
  for (;;) {
    const auto end = path.find('/', start);
    const std::string segment = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

struct manifest {
  std::set<std::string> files;
  std::string error;
};

manifest read_manifest(const fs::path& out) {
  manifest m;
  const fs::path path = out / manifest_name;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return m;
  const read_result file = read_file(path.string());
  if (!file.content) {
    m.error = path.string() + ": " + file.error;
    return m;
  }
  const auto json = nlohmann::json::parse(*file.content, nullptr, false);
  if (!json.is_object() || json.value("format", "") != "notequiz-export-manifest" || !json.contains("files") ||
      !json["files"].is_array()) {
    m.error = path.string() + " is not a notequiz export manifest";
    return m;
  }
  for (const auto& f : json["files"]) {
    if (!f.is_string() || !is_valid_path(f.get<std::string>())) {
      m.error = path.string() + " lists a path notequiz would not write: " + f.dump();
      return m;
    }
    m.files.insert(f.get<std::string>());
  }
  return m;
}

std::string manifest_json(const std::string& format, const std::set<std::string>& files) {
  // One path a line, so that a diff of two exports' manifests reads well.
  std::string out = "{\n  \"format\": \"notequiz-export-manifest\",\n  \"version\": 1,\n  \"exportFormat\": ";
  out += nlohmann::json(format).dump();
  out += ",\n  \"files\": [";
  bool first = true;
  for (const auto& f : files) {
    out += first ? "\n    " : ",\n    ";
    out += nlohmann::json(f).dump();
    first = false;
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string write_bytes(const fs::path& path, const std::string& content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return "cannot create " + path.parent_path().string() + ": " + ec.message();
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return "cannot create " + path.string() + ": " + errno_text();
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  f.close();
  if (!f) return "cannot write " + path.string() + ": " + errno_text();
  return {};
}

bool lstat_path(const fs::path& p, struct stat& st) { return ::lstat(p.c_str(), &st) == 0; }

// Why `path` cannot be written into `out`, or empty when it can.
std::string conflict_of(const fs::path& out, const std::string& path, const manifest& old) {
  struct stat st{};
  std::string prefix;
  std::size_t start = 0;
  for (;;) {
    const auto end = path.find('/', start);
    prefix = path.substr(0, end);
    const bool last = end == std::string::npos;
    if (lstat_path(out / prefix, st)) {
      if (S_ISDIR(st.st_mode)) {
        if (last) return prefix + " is a folder notequiz did not make";
      } else if (!last) {
        return prefix + " is in the way and notequiz did not write it";
      } else if (old.files.count(path) == 0) {
        return path + " exists and notequiz did not write it";
      }
    } else {
      return {};  // nothing there: the rest of the path is free too
    }
    if (last) return {};
    start = end + 1;
  }
}

void remove_stale_temporaries(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0 || name.size() == prefix.size()) continue;
    const std::string digits = name.substr(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const long pid = std::strtol(digits.c_str(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

// Entries of OUT that notequiz did not write (files, links, empty folders), relative to OUT.
// False when there are too many of them or OUT cannot be read.
bool list_foreign_entries(const fs::path& out, const manifest& old, std::vector<std::string>& foreign) {
  std::error_code ec;
  fs::recursive_directory_iterator it(out, fs::directory_options::none, ec), end;
  if (ec) return false;
  std::size_t seen = 0;
  for (; it != end; it.increment(ec)) {
    if (ec || ++seen > 100000) return false;
    const std::string rel = it->path().lexically_relative(out).generic_string();
    std::error_code type_ec;
    const bool is_dir = fs::is_directory(it->symlink_status(type_ec));
    if (is_dir) {
      if (fs::is_empty(it->path(), type_ec)) foreign.push_back(rel + "/");
      continue;
    }
    if (rel == manifest_name || old.files.count(rel) != 0) continue;
    foreign.push_back(rel);
    if (foreign.size() > max_foreign_entries) return false;
  }
  return true;
}

// Creates `dir` (relative) and its parents under `to`, with the permissions they have under `from`.
bool make_folders_like(const fs::path& from, const fs::path& to, const fs::path& dir) {
  fs::path built;
  for (const auto& part : dir) {
    built /= part;
    struct stat st{};
    if (lstat_path(to / built, st)) {
      if (!S_ISDIR(st.st_mode)) return false;
      continue;
    }
    if (::mkdir((to / built).c_str(), 0755) != 0) return false;
    if (lstat_path(from / built, st)) ::chmod((to / built).c_str(), st.st_mode & 07777);
  }
  return true;
}

// Links every foreign entry of `out` into `temp` at the same place. False if any cannot be.
bool link_foreign_entries(const fs::path& out, const fs::path& temp, const std::vector<std::string>& foreign) {
  for (const auto& rel : foreign) {
    if (rel.back() == '/') {
      if (!make_folders_like(out, temp, fs::path(rel.substr(0, rel.size() - 1)))) return false;
      continue;
    }
    const fs::path r(rel);
    if (!make_folders_like(out, temp, r.parent_path())) return false;
    if (::linkat(AT_FDCWD, (out / r).c_str(), AT_FDCWD, (temp / r).c_str(), 0) != 0) return false;
  }
  return true;
}

bool exchange(const fs::path& a, const fs::path& b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
  (void)a;
  (void)b;
  return false;
#endif
}

// After the swap `old` holds the previous OUT. Removes from it what notequiz wrote and the second
// links of foreign entries; anything else (written into OUT during the export) goes back into OUT.
void clear_previous_tree(const fs::path& old, const fs::path& out, const manifest& previous, write_report& report) {
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(old, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
  // Deepest first, so that folders are empty by the time they come up.
  std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) { return a.native() > b.native(); });
  for (const auto& p : entries) {
    struct stat st{};
    if (!lstat_path(p, st)) continue;
    const std::string rel = p.lexically_relative(old).generic_string();
    if (S_ISDIR(st.st_mode)) {
      ::rmdir(p.c_str());  // fails, harmlessly, when something was kept in it
      continue;
    }
    struct stat now{};
    const bool ours = rel == manifest_name || previous.files.count(rel) != 0;
    const bool linked = lstat_path(out / rel, now) && now.st_dev == st.st_dev && now.st_ino == st.st_ino;
    if (ours || linked) {
      ::unlink(p.c_str());
    } else if (!lstat_path(out / rel, now) && make_folders_like(old, out, fs::path(rel).parent_path()) &&
               ::rename(p.c_str(), (out / rel).c_str()) == 0) {
      report.warnings.push_back(rel + " appeared in OUT during the export and was kept");
    }
  }
  if (::rmdir(old.c_str()) != 0 && fs::exists(old, ec)) {
    report.warnings.push_back("files that appeared in OUT during the export are left in " + old.string());
  }
}

// Moves the files into OUT one at a time. A union manifest is written first, so that an
// interruption leaves every file recognisable as notequiz's for the next run.
void update_in_place(const fs::path& temp, const fs::path& out, const std::vector<export_file>& files,
                     const manifest& previous, const std::string& format, write_report& report) {
  std::set<std::string> next;
  for (const auto& f : files) next.insert(f.path);
  std::set<std::string> both = next;
  both.insert(previous.files.begin(), previous.files.end());
  report.error = write_file_atomically((out / manifest_name).string(), manifest_json(format, both));
  if (!report.error.empty()) return;
  for (const auto& f : files) {
    const fs::path to = out / f.path;
    if (!make_folders_like(temp, out, fs::path(f.path).parent_path()) ||
        ::rename((temp / f.path).c_str(), to.c_str()) != 0) {
      report.error = "cannot move " + f.path + " into " + out.string() + ": " + errno_text();
      return;
    }
  }
  for (const auto& old : previous.files) {
    if (next.count(old) != 0) continue;
    struct stat st{};
    if (!lstat_path(out / old, st) || S_ISDIR(st.st_mode)) continue;
    if (::unlink((out / old).c_str()) == 0) ++report.removed;
    for (fs::path dir = fs::path(old).parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (::rmdir((out / dir).c_str()) != 0) break;
    }
  }
  report.error = write_file_atomically((out / manifest_name).string(), manifest_json(format, next));
  std::error_code ec;
  fs::remove_all(temp, ec);
  report.atomic = false;
}

}  // namespace

write_report write_export(const std::string& out_arg, std::vector<export_file> files, const std::string& format,
                          bool swap) {
  write_report report;
  std::sort(files.begin(), files.end(), [](const export_file& a, const export_file& b) { return a.path < b.path; });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!is_valid_path(files[i].path) || (i > 0 && files[i].path == files[i - 1].path)) {
      report.error = "internal error: cannot write '" + files[i].path + "'";
      return report;
    }
  }

  std::error_code ec;
  fs::path out = fs::absolute(out_arg, ec).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  std::error_code link_ec;
  if (!ec && fs::is_symlink(fs::symlink_status(out, link_ec))) out = fs::canonical(out, ec);  // update the folder it points to
  if (ec || out == out.root_path()) {
    report.error = "cannot use '" + out_arg + "' as the output folder";
    return report;
  }
  const fs::path parent = out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    report.error = "cannot create " + parent.string() + ": " + ec.message();
    return report;
  }
  const bool out_exists = fs::exists(fs::symlink_status(out, link_ec));
  if (out_exists && !fs::is_directory(out, ec)) {
    report.error = out.string() + " exists and is not a folder";
    return report;
  }

  const manifest previous = out_exists ? read_manifest(out) : manifest{};
  if (!previous.error.empty()) {
    report.error = previous.error + "; move it away to export here";
    return report;
  }
  std::vector<std::string> conflicts;
  for (const auto& f : files) {
    std::string why = out_exists ? conflict_of(out, f.path, previous) : std::string();
    if (!why.empty()) conflicts.push_back(std::move(why));
  }
  if (!conflicts.empty()) {
    report.error = "refusing to replace what notequiz did not write in " + out.string() + ":";
    for (std::size_t i = 0; i < conflicts.size() && i < 5; ++i) report.error += "\n  " + conflicts[i];
    if (conflicts.size() > 5) report.error += "\n  … and " + std::to_string(conflicts.size() - 5) + " more";
    report.error += "\nmove those away, or export to another folder";
    return report;
  }

  const std::string temp_prefix = "." + out.filename().string() + ".notequiz-tmp-";
  remove_stale_temporaries(parent, temp_prefix);
  const fs::path temp = parent / (temp_prefix + std::to_string(::getpid()));
  fs::remove_all(temp, ec);
  if (::mkdir(temp.c_str(), 0755) != 0) {
    report.error = "cannot create " + temp.string() + ": " + errno_text();
    return report;
  }
  std::set<std::string> paths;
  for (const auto& f : files) {
    report.error = write_bytes(temp / f.path, f.content);
    if (!report.error.empty()) break;
    paths.insert(f.path);
  }
  if (report.error.empty()) report.error = write_bytes(temp / manifest_name, manifest_json(format, paths));
  if (!report.error.empty()) {
    fs::remove_all(temp, ec);
    return report;
  }
  if (const char* hook = std::getenv("NOTEQUIZ_EXPORT_FAIL_AFTER_TEMP"); hook != nullptr && std::string(hook) == "1") {
    report.error = "stopped before moving the export into place (test hook NOTEQUIZ_EXPORT_FAIL_AFTER_TEMP)";
    return report;  // the temporary folder stays, as after a crash; the next export removes it
  }
  report.written = files.size();

  if (!out_exists) {
    if (::rename(temp.c_str(), out.c_str()) != 0) {
      report.error = "cannot move the export to " + out.string() + ": " + errno_text();
      fs::remove_all(temp, ec);
    }
    return report;
  }

  for (const auto& old : previous.files) {
    if (paths.count(old) == 0 && fs::exists(fs::symlink_status(out / old, ec))) ++report.removed;
  }
  std::vector<std::string> foreign;
  struct stat out_stat{};
  if (swap && list_foreign_entries(out, previous, foreign) && link_foreign_entries(out, temp, foreign) &&
      lstat_path(out, out_stat) && ::chmod(temp.c_str(), out_stat.st_mode & 07777) == 0 && exchange(temp, out)) {
    clear_previous_tree(temp, out, previous, report);
    return report;
  }
  report.removed = 0;
  update_in_place(temp, out, files, previous, format, report);
  return report;
}

}  // namespace notequiz::cli
