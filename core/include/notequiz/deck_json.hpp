#pragma once
/// The deck's JSON form (docs/schema.md): what the widget loads and `notequiz parse --json` prints.

#include <optional>
#include <string>
#include <string_view>

#include "notequiz/deck.hpp"

namespace notequiz {

inline constexpr int deck_schema_version = 1;

/// Serializes a deck as compact JSON (object keys in a fixed order, camelCase).
std::string to_json(const deck& d);

struct deck_json_result {
  std::optional<notequiz::deck> deck;  ///< set on success
  std::string error;                   ///< set on failure: what was wrong, and where
};

/// Reads a deck back. Bad JSON, a wrong schema version or wrong types give an error,
/// never an exception or an abort.
deck_json_result deck_from_json(std::string_view json);

}  // namespace notequiz

#include "notequiz/parse.hpp"

namespace notequiz {

/// `{"deck": <to_json(deck)>, "diagnostics": [{rule, severity, line, column, endLine, endColumn, message}]}`:
/// what `notequiz parse --json` prints and the WebAssembly `parseNotes` returns, byte for byte.
std::string to_json(const parse_result& result);

/// Reads parse options from JSON (`{"sourcePath", "deckId", "questionLevel"}`, all optional);
/// anything unreadable is ignored and leaves the default.
parse_options parse_options_from_json(std::string_view json);

}  // namespace notequiz
