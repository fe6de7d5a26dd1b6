#pragma once
// JSON text in and out of the core's documents (decks, progress, options): one reader
// (json_text.cpp, on json_reader.hpp) and one writer (json_writer.cpp), so every format reads bad
// input and writes odd strings the same way.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace notequiz::detail {

using json = nlohmann::ordered_json;
// Empty objects and arrays are made as json(json::value_t::object) and json(json::value_t::array),
// not with json::object() and json::array(): those go through the initializer-list constructor,
// which brings nlohmann's copy constructor into the WebAssembly module (0.5 KB gzip-compressed).

/// The value `text` holds, or a discarded value (`is_discarded()`) when `text` is not exactly one
/// JSON value (surrounding whitespace allowed). Never throws.
json read_json(std::string_view text);

/// Adds `key` to `object`, which must not have it yet, after its other members. ordered_map's
/// own insertion looks at every key before it, n²/2 comparisons for n members; this does not
/// look (for keys that are known to be distinct, such as a std::map's).
inline void append_new_member(json& object, std::string key, json value) {
  object.get_ptr<json::object_t*>()->json::object_t::Container::emplace_back(std::move(key), std::move(value));
}

/// The members of `object`, which must be an object, in order: what items() walks, without its
/// iteration proxy (less code in the WebAssembly module).
inline const json::object_t& members(const json& object) { return *object.get_ptr<const json::object_t*>(); }

/// Compact, never throwing, as nlohmann writes it (invalid UTF-8 replaced), but each double in
/// the shortest digits that read back as it (json_writer.cpp).
std::string dump(const json& j);

}  // namespace notequiz::detail
