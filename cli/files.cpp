#include "files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  const std::string temp = path + ".notequiz-tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return std::string("cannot create ") + temp + ": " + std::strerror(errno);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      return std::string("cannot write ") + temp + ": " + std::strerror(errno);
    }
  }
  std::error_code ec;
  fs::permissions(temp, fs::status(path, ec).permissions(), ec);
  fs::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    return "cannot replace " + path + ": " + ec.message();
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

std::vector<std::string> collect_notes(const std::string& path, std::string& error) {
  std::vector<std::string> files;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    error = "no such file or directory";
    return files;
  }
  if (!fs::is_directory(status)) {
    files.push_back(path);
    return files;
  }
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    error = "cannot read directory: " + ec.message();
    return files;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      error = "cannot read directory: " + ec.message();
      break;
    }
    // An entry's path is its folder's, a slash and its name: the name is what follows the last
    // slash. Taken from the string, not through fs::path, which parses the path into its parts.
    const std::string& entry = it->path().native();
    const std::string_view name = std::string_view(entry).substr(entry.rfind('/') + 1);
    if (it->is_directory(ec) && (name == "node_modules" || (name.size() > 1 && name[0] == '.'))) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_notes_name(name)) files.push_back(is_generic(entry) ? entry : it->path().generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace notequiz::cli
