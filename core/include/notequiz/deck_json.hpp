#pragma once
/// The deck's JSON form (docs/schema.md): what the widget loads and `notequiz parse --json` prints.

#include <optional>
#include <string>
#include <string_view>

#include "notequiz/deck.hpp"

namespace notequiz {

inline constexpr int deck_schema_version = 1;

/// How much of a deck to write.
struct deck_json_options {
  /// Leave out what a quiz never shows: each card's pinnedId, images, links, codeLanguages and
  /// position. The result still reads back with deck_from_json (those fields are optional).
  bool lean = false;
};

/// Serializes a deck as compact JSON (object keys in a fixed order, camelCase).
std::string to_json(const deck& d, const deck_json_options& options = {});

/// One card exactly as to_json(deck) writes it inside `cards`.
std::string to_json(const card& c, const deck_json_options& options = {});

/// What a quiz needs before it shows a card: the deck's own fields as to_json writes them,
/// each card with only `id`, `title`, `titleHtml`, `sectionPath` and `kind` (no content).
std::string deck_summary_json(const deck& d);

struct deck_json_result {
  std::optional<notequiz::deck> deck;  ///< set on success
  std::string error;                   ///< set on failure: what was wrong, and where
};

/// Reads a deck back. Bad JSON, a wrong schema version or wrong types give an error,
/// never an exception or an abort.
deck_json_result deck_from_json(std::string_view json);

/// Reads a deck and writes it back through the model, so the caller always sees the current
/// schema: `{"ok":true,"deck":<to_json(deck)>}`, or `{"ok":false,"error":"..."}` for anything
/// deck_from_json rejects. What the WebAssembly `readDeck` returns.
std::string read_deck_json(std::string_view json);

}  // namespace notequiz

#include "notequiz/parse.hpp"

namespace notequiz {

/// `{"deck": <to_json(deck)>, "diagnostics": [{rule, severity, line, column, endLine, endColumn, message}]}`:
/// what `notequiz parse --json` prints and the WebAssembly `parseNotes` returns, byte for byte.
std::string to_json(const parse_result& result, const deck_json_options& options = {});

/// The `diagnostics` array of to_json(parse_result).
std::string diagnostics_json(const parse_result& result);

/// Reads `{"lean": true}` (the WebAssembly parseNotes options); anything else leaves the default.
deck_json_options deck_json_options_from_json(std::string_view json);

/// Reads parse options from JSON (`{"sourcePath", "deckId", "questionLevel"}`, all optional);
/// anything unreadable is ignored and leaves the default.
parse_options parse_options_from_json(std::string_view json);

}  // namespace notequiz
