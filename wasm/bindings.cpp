// The WebAssembly face of the core: plain strings in, JSON strings out (camelCase keys).
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>
#include <string>

#include "notequiz/deck_json.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/render.hpp"
#include "notequiz/version.hpp"

namespace {

std::string parse_notes_json(const std::string& markdown, const std::string& options_json) {
  return notequiz::to_json(notequiz::parse_notes(markdown, notequiz::parse_options_from_json(options_json)));
}

// `{"ok":true,"deck":...}` re-serialized through the model (so the widget always sees the
// current schema), or `{"ok":false,"error":"..."}`.
std::string read_deck_json(const std::string& json) {
  const auto result = notequiz::deck_from_json(json);
  if (!result.deck) {
    const nlohmann::ordered_json error = {{"ok", false}, {"error", result.error}};
    return error.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
  return "{\"ok\":true,\"deck\":" + notequiz::to_json(*result.deck) + "}";
}

std::string render_html(const std::string& markdown) { return notequiz::render_html(markdown); }

std::string version() { return notequiz::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(notequiz_parse) {
  emscripten::function("parseNotes", &parse_notes_json);
  emscripten::function("readDeck", &read_deck_json);
  emscripten::function("renderHtml", &render_html);
  emscripten::function("version", &version);
}
