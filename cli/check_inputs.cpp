#include "check_inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "files.hpp"

namespace notequiz::cli {

namespace fs = std::filesystem;

namespace {

// Git's idea of binary (a NUL in the first 8 KiB), made tolerant of a stray control byte:
// more than one byte in 64 there must be a control character other than tab, newline,
// carriage return or form feed. Text without NUL bytes, nearly every note, costs one memchr.
bool looks_binary(const std::string& bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
  if (std::memchr(bytes.data(), '\0', n) == nullptr) return false;
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 64 > n;
}

std::string megabytes(std::uintmax_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buffer;
}

std::string too_large(std::uintmax_t bytes) {
  return "file is " + megabytes(bytes) + ", over the " + std::to_string(max_note_bytes >> 20) +
         " MiB limit for a note; not checked";
}

}  // namespace

namespace {

// Why `path`, which could not be opened, gives nothing: a folder or a note over the limit say
// so, anything else is `open_error`.
std::string unopenable(const std::string& path, int open_error) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return "is a folder";
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > max_note_bytes) {
    return too_large(static_cast<std::uintmax_t>(st.st_size));
  }
  return std::string("cannot open: ") + std::strerror(open_error);
}

#if defined(O_PATH)
constexpr int folder_flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
#else
constexpr int folder_flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
#endif

// Opens a note for reading, as open(2) would. Notes come folder after folder, so each thread
// keeps the folder of its last note open and opens the next note there by name: the kernel
// then looks up one name instead of walking every folder of the path again, note after note.
int open_note(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash + 1 == path.size()) return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct open_folder {
    std::string path;
    int fd = -1;  // -1 also when the folder could not be opened: then notes are opened by path
    bool known = false;
    ~open_folder() {
      if (fd >= 0) ::close(fd);
    }
  };
  thread_local open_folder folder;
  const std::string_view name = slash == 0 ? std::string_view("/") : std::string_view(path).substr(0, slash);
  if (!folder.known || folder.path != name) {
    if (folder.fd >= 0) ::close(folder.fd);
    folder.path.assign(name);
    folder.fd = ::open(folder.path.c_str(), folder_flags);
    folder.known = true;
  }
  if (folder.fd < 0) return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  return ::openat(folder.fd, path.c_str() + slash + 1, O_RDONLY | O_CLOEXEC);
}

}  // namespace

std::string read_note(const std::string& path, std::string& content) {
  // open, fstat, read, close: thousands of notes are read, so no more system calls than these.
  const int fd = open_note(path);
  if (fd < 0) return unopenable(path, errno);
  struct stat st {};
  std::uintmax_t size = 0;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return "is a folder";
    }
    if (S_ISREG(st.st_mode)) size = static_cast<std::uintmax_t>(st.st_size);
    if (size > max_note_bytes) {
      ::close(fd);
      return too_large(size);
    }
  }
  // Read straight into the string, whose capacity a caller may reuse from note to note (only
  // bytes past its old size are zeroed first); a file that grows meanwhile is read to its end.
  // The read asks for one byte more than the file holds: a regular file gives fewer bytes than
  // asked only at its end, so no further read is needed to see the end (one system call fewer
  // a note); a file that grew fills the spare byte and is read on.
  const bool regular = S_ISREG(st.st_mode);
  content.resize(static_cast<std::size_t>(size) + 1);
  std::size_t length = 0;
  int error = 0;
  auto read_some = [&](char* into, std::size_t capacity) -> std::size_t {
    for (;;) {
      const ssize_t got = ::read(fd, into, capacity);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) {
        error = errno;
        return 0;
      }
    }
  };
  bool at_end = false;
  while (length < content.size()) {
    const std::size_t got = read_some(content.data() + length, content.size() - length);
    if (got == 0) {
      at_end = true;
      break;
    }
    length += got;
    if (regular && length == size) {  // fewer bytes than asked for
      at_end = true;
      break;
    }
  }
  content.resize(length);
  if (!at_end && error == 0) {
    char buffer[65536];
    for (std::size_t got; (got = read_some(buffer, sizeof buffer)) > 0;) {
      content.append(buffer, got);
      if (content.size() > max_note_bytes) break;
    }
  }
  ::close(fd);
  if (error != 0) return std::string("cannot read: ") + std::strerror(error);
  if (content.size() > max_note_bytes) {
    return "file is over the " + std::to_string(max_note_bytes >> 20) + " MiB limit for a note; not checked";
  }
  if (content.compare(0, 2, "\xFF\xFE") == 0 || content.compare(0, 2, "\xFE\xFF") == 0) {
    return "file is UTF-16 text; save it as UTF-8";
  }
  if (looks_binary(content)) return "binary file (control bytes in its first 8 KiB); not checked";
  return {};
}

note_read read_note(const std::string& path) {
  note_read r;
  std::string content;
  r.problem = read_note(path, content);
  if (r.problem.empty()) r.content = std::move(content);
  return r;
}

const std::unordered_set<std::string>* exact_paths::listing(const std::string& folder) {
  auto it = listings_.find(folder);
  if (it != listings_.end()) return it->second ? &*it->second : nullptr;
  std::optional<std::unordered_set<std::string>> names(std::in_place);
  std::error_code ec;
  for (fs::directory_iterator entry(folder, ec), end; !ec && entry != end; entry.increment(ec)) {
    names->insert(entry->path().filename().string());
  }
  if (ec) names.reset();
  const auto& kept = listings_.emplace(folder, std::move(names)).first->second;
  return kept ? &*kept : nullptr;
}

bool exact_paths::exists(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto known = answers_.find(path);
  if (known != answers_.end()) return known->second;
  // A path the system cannot find in any spelling is not there in this one either: no folder
  // need be listed for it (most lookups are of missing images). Other errors, such as a
  // folder that can be listed but not entered, are left to the listings.
  // (Only for a path that ends in a name: look_up() does not ask whether "a/." is a folder.)
  const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
  struct stat st {};
  const bool ends_in_name = !name.empty() && name != "." && name != "..";
  const bool stat_found = ::lstat(path.c_str(), &st) == 0;
  const bool missing = ends_in_name && !stat_found && (errno == ENOENT || errno == ENOTDIR);
  const bool found = !missing && look_up(path, stat_found);
  answers_.emplace(path, found);
  return found;
}

bool exact_paths::look_up(const std::string& path, bool found_in_some_spelling) {
  std::string folder = !path.empty() && path[0] == '/' ? "/" : ".";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string part = path.substr(start, slash - start);
    start = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      const std::unordered_set<std::string>* names = listing(folder);
      // A folder that may be entered but not listed: its names cannot be compared, and the
      // system's answer is all there is.
      if (names == nullptr) return found_in_some_spelling;
      if (names->count(part) == 0) return false;
    }
    folder = folder == "." ? part : folder == "/" ? "/" + part : folder + "/" + part;
  }
  return true;
}

std::unique_ptr<loaded_config> load_config(const std::string& path, std::string& error) {
  const read_result file = read_file(path);
  if (!file.content) {
    error = file.error;
    return nullptr;
  }
  auto loaded = std::make_unique<loaded_config>();
  loaded->path = display_path(path);
  std::error_code ec;
  loaded->folder = fs::absolute(path, ec).lexically_normal().parent_path().generic_string();
  config_result parsed = parse_config(*file.content);
  loaded->config = std::move(parsed.config);
  loaded->problems = std::move(parsed.diagnostics);
  return loaded;
}

const loaded_config* config_finder::for_folder(const std::string& folder) {
  const auto cached = by_folder_.find(folder);
  if (cached != by_folder_.end()) return cached->second;
  const loaded_config* found = nullptr;
  const fs::path candidate = fs::path(folder) / ".notequiz.json";
  std::error_code ec;
  if (fs::is_regular_file(candidate, ec)) {
    std::string error;
    std::string shown = relative_to(candidate.generic_string(), fs::current_path(ec).generic_string());
    if (shown.compare(0, 3, "../") == 0) shown = candidate.generic_string();
    auto loaded = load_config(shown.empty() ? candidate.generic_string() : shown, error);
    if (!loaded) {
      loaded = std::make_unique<loaded_config>();
      loaded->path = shown;
      loaded->folder = folder;
      diagnostic d;
      d.rule = "config";
      d.message = "cannot read the configuration: " + error + "; the defaults apply";
      loaded->problems.push_back(std::move(d));
    }
    configs_.push_back(std::move(loaded));
    found = configs_.back().get();
  } else {
    const fs::path parent = fs::path(folder).parent_path();
    if (!parent.empty() && parent != fs::path(folder)) found = for_folder(parent.generic_string());
  }
  by_folder_.emplace(folder, found);
  return found;
}

const loaded_config* config_finder::for_note(const std::string& path) { return for_absolute_note(absolute_path(path)); }

const loaded_config* config_finder::for_absolute_note(const std::string& absolute) {
  std::string folder = is_generic(absolute) ? parent_of_generic(absolute) : fs::path(absolute).parent_path().generic_string();
  // Notes come folder by folder: the last answer is the likely one.
  if (last_ && folder == last_->first) return last_->second;
  const loaded_config* config = for_folder(folder);
  last_.emplace(std::move(folder), config);
  return config;
}

std::string absolute_path(const std::string& path) {
  // fs::absolute asks the system for the working folder on every call.
  static const fs::path working_folder = [] {
    std::error_code ec;
    return fs::current_path(ec);
  }();
  // A plain path (no `.` or `..` segment, no doubled or trailing slash), as folder listings
  // give, is normal already: as it is when absolute, once joined when relative. fs::path's
  // normalization is the slow part (about 2% of checking a folder of notes named absolutely).
  static const std::string working = working_folder.generic_string();
  const auto has_dot_segment = [&] {
    for (std::size_t start = 0; start <= path.size();) {
      const std::size_t end = std::min(path.find('/', start), path.size());
      const std::string_view segment(path.data() + start, end - start);
      if (segment == "." || segment == "..") return true;
      start = end + 1;
    }
    return false;
  };
  const bool plain = !path.empty() && path.back() != '/' && path.find("//") == std::string::npos && !has_dot_segment();
  if (plain && path[0] == '/') return path;
  if (plain && !working.empty() && working != "/") {
    std::string joined;
    joined.reserve(working.size() + 1 + path.size());
    joined.append(working).append(1, '/').append(path);
    return joined;
  }
  const fs::path p(path);
  return (p.is_absolute() || working_folder.empty() ? p : working_folder / p).lexically_normal().generic_string();
}

std::string display_path(const std::string& path) {
  std::string shown = is_generic(path) ? path : fs::path(path).generic_string();
  while (shown.compare(0, 2, "./") == 0 && shown.size() > 2) shown.erase(0, 2);
  return shown;
}

std::string relative_to(const std::string& path, const std::string& folder) {
  std::error_code ec;
  const fs::path a = fs::absolute(path, ec).lexically_normal();
  const fs::path b = fs::absolute(folder, ec).lexically_normal();
  return a.lexically_relative(b).generic_string();
}

}  // namespace notequiz::cli
