#pragma once
// The progress format's JSON values, shared by the progress file and the session JSON API.

#include <string>
#include <string_view>

#include "json_text.hpp"
#include "notequiz/progress.hpp"

namespace notequiz::detail {

/// A card's schedule as the progress format writes it (docs/progress.md).
json schedule_to_json(const card_schedule& c);

/// The whole progress document.
json progress_to_json(const progress& p);

/// `{"ok":true,"error":"","progress":{...}}` or `{"ok":false,"error":"...","progress":null}`:
/// parseProgress's result.
std::string progress_result_json(const progress_result& r);

/// progress_result_json of a successful read of `p`, without copying it.
std::string kept_progress_json(const progress& p);

/// `{"ok":false,"error":"<message>"}`: how every session call reports a problem.
std::string failure_json(const std::string& message);

/// Nothing but JSON whitespace (space, tab, CR, LF): what the session API reads as "none given".
inline bool blank_json(std::string_view text) noexcept {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace notequiz::detail
