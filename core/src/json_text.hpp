#pragma once
// JSON text in and out of the core's documents (decks, progress, options): one reader and one
// writer, so every format reads bad input and writes odd strings the same way.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace notequiz::detail {

using json = nlohmann::ordered_json;

/// The value `text` holds, or a discarded value (`is_discarded()`) when `text` is not exactly one
/// JSON value (surrounding whitespace allowed). Never throws.
json read_json(std::string_view text);

/// Compact, never throwing: invalid UTF-8 is replaced.
std::string dump(const json& j);

}  // namespace notequiz::detail
