#pragma once
// Link targets as paths: which URLs point at local files, and where those files are.

#include <string>
#include <string_view>

namespace notequiz::detail {

struct local_target {
  bool local = false;         // a relative URL: no scheme, not `//host`, not `/site-root`
  std::string_view path;      // before `?` and `#`, still percent-encoded; empty for `#fragment`
  bool has_fragment = false;
  std::string_view fragment;  // after `#`, still percent-encoded
};

local_target split_local_url(std::string_view url) noexcept;

// %XX sequences decoded; malformed ones kept as written.
std::string percent_decode(std::string_view text);

// The folder part of a '/'-separated path: "a/b.md" -> "a", "b.md" -> "".
std::string_view parent_folder(std::string_view path) noexcept;

// `folder` joined with `relative`, '.' and '..' segments resolved lexically (a leading '..'
// that cannot be resolved is kept; an absolute folder stays absolute).
std::string join_path(std::string_view folder, std::string_view relative);

// True for `.md` and `.markdown` paths: their #fragments are heading anchors.
bool is_notes_path(std::string_view path) noexcept;

}  // namespace notequiz::detail
