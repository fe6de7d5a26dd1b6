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

namespace {
bool is_notes_file(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".md" || ext == ".markdown";
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
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec) && (name == "node_modules" || (name.size() > 1 && name[0] == '.'))) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_notes_file(it->path())) files.push_back(it->path().generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace notequiz::cli
