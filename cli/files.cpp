#include "files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace notequiz::cli {

namespace fs = std::filesystem;

read_result read_file(const std::string& path) {
  read_result r;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    r.error = "is a directory";
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error = std::string("cannot open: ") + std::strerror(errno);
    return r;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    r.error = std::string("cannot read: ") + std::strerror(errno);
    return r;
  }
  r.content = std::move(buffer).str();
  return r;
}

std::string write_file_atomically(const std::string& path, const std::string& content) {
  // A file reached through a symbolic link is written where the link points: the link stays.
  std::error_code ec;
  std::string target = path;
  if (fs::is_symlink(path, ec)) {
    const fs::path real = fs::canonical(path, ec);
    if (ec) return "cannot follow the link " + path + ": " + ec.message();
    target = real.string();
  }
  struct stat old {};
  const bool replacing = ::stat(target.c_str(), &old) == 0;
  // One name per process and call, created only if it is not there: two runs at once (or a
  // file left by a crash) never share a temporary file.
  static std::atomic<unsigned> calls{0};
  const std::string temp = target + ".notequiz-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(calls++);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return "cannot create " + temp + ": " + std::strerror(errno);
  const auto fail = [&](const std::string& what) {
    const std::string reason = what + temp + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(temp.c_str());
    return reason;
  };
  if (replacing) {
    // The replaced file's permissions, and its owner where this user may give it away.
    if (::fchmod(fd, old.st_mode & 07777) != 0) return fail("cannot set the permissions of ");
    if (::fchown(fd, old.st_uid, old.st_gid) != 0) errno = 0;
  }
  for (std::size_t written = 0; written < content.size();) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write ");
    written += static_cast<std::size_t>(n);
  }
  // On disk before it takes the old file's place: a crash leaves the old file or the new one.
  if (::fsync(fd) != 0) return fail("cannot write ");
  if (::close(fd) != 0) {
    const std::string reason = "cannot write " + temp + ": " + std::strerror(errno);
    ::unlink(temp.c_str());
    return reason;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const std::string reason = "cannot replace " + target + ": " + std::strerror(errno);
    ::unlink(temp.c_str());
    return reason;
  }
  return {};
}

bool is_generic(std::string_view path) noexcept {
  // On POSIX a path's generic form differs from it only where slashes are repeated.
  return fs::path::preferred_separator == '/' && path.find("//") == std::string_view::npos;
}

std::string parent_of_generic(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {};
  return std::string(path.substr(0, slash == 0 ? 1 : slash));
}

namespace {

// Whether a file name's extension (fs::path::extension(): from its last dot, unless that is its
// first character) is .md or .markdown.
bool is_notes_name(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view extension = name.substr(dot);
  return extension == ".md" || extension == ".markdown";
}

}  // namespace

namespace {

// What a folder entry is, following a symbolic link for `is_directory` and `is_regular` as
// fs::directory_entry's is_directory() and is_regular_file() do; `is_folder` is whether the
// walk goes into it (a folder itself, not a link to one, as recursive_directory_iterator).
struct entry_kind {
  bool is_folder = false;
  bool is_directory = false;
  bool is_regular = false;
};

entry_kind kind_of(int dir_fd, const char* name, unsigned char type) {
  entry_kind k;
  struct stat st {};
  if (type == DT_UNKNOWN) {
    if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return k;
    type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
  }
  if (type == DT_DIR) k.is_folder = k.is_directory = true;
  if (type == DT_REG) k.is_regular = true;
  if (type == DT_LNK && ::fstatat(dir_fd, name, &st, 0) == 0) {
    k.is_directory = S_ISDIR(st.st_mode);
    k.is_regular = S_ISREG(st.st_mode);
  }
  return k;
}

std::string cannot_read_folder(int error) { return "cannot read folder: " + std::string(std::strerror(error)); }

// Adds the notes in the open folder `dir_fd` (at `folder`) and under it to `found`, then
// closes it. Entries are opened relative to their folder, so no path is looked up twice and
// no depth is too deep for a path. Hidden folders and node_modules are passed over; a folder
// that cannot be opened or listed to its end is named in `found.unread`, and the walk goes on
// with the rest.
void walk(int dir_fd, const std::string& folder, collected_notes& found) {
  DIR* dir = ::fdopendir(dir_fd);
  if (dir == nullptr) {
    found.unread.push_back({folder, cannot_read_folder(errno)});
    ::close(dir_fd);
    return;
  }
  const std::string prefix = folder.back() == '/' ? folder : folder + '/';
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir);
    if (entry == nullptr) {
      if (errno != 0) found.unread.push_back({folder, cannot_read_folder(errno)});
      break;
    }
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    std::string path = prefix;
    path.append(name);
    const entry_kind kind = kind_of(::dirfd(dir), entry->d_name, entry->d_type);
    if (kind.is_directory && (name == "node_modules" || (name.size() > 1 && name[0] == '.'))) continue;
    if (kind.is_regular && is_notes_name(name)) found.files.push_back(is_generic(path) ? path : fs::path(path).generic_string());
    if (kind.is_folder) {
      const int inner = ::openat(::dirfd(dir), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (inner < 0) {
        found.unread.push_back({std::move(path), cannot_read_folder(errno)});
      } else {
        walk(inner, path, found);
      }
    }
  }
  ::closedir(dir);
}

}  // namespace

collected_notes collect_notes(const std::string& path) {
  collected_notes found;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    found.error = "no such file or directory";
    return found;
  }
  if (!fs::is_directory(status)) {
    found.files.push_back(path);
    return found;
  }
  const int top = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (top < 0) {
    found.error = cannot_read_folder(errno);
    return found;
  }
  walk(top, path, found);
  std::sort(found.files.begin(), found.files.end());
  std::sort(found.unread.begin(), found.unread.end(), [](const unread_folder& a, const unread_folder& b) { return a.path < b.path; });
  return found;
}

}  // namespace notequiz::cli
