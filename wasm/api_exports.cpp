// The functions only the API module (notequiz_api.wasm) exports: the core's version, and the
// functions that take whole documents (notes, a deck's JSON, progress JSON) on every call and
// keep nothing, for tools and pages that do not keep a deck open
// (docs/progress.md#webassembly-api). The widget's module does without them: the widget keeps
// its deck open by handle (exports.cpp).
#include <cstddef>
#include <string_view>

#include "exports.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/render.hpp"
#include "notequiz/session_json.hpp"
#include "notequiz/version.hpp"

using notequiz::wasm::give;
using text = std::string_view;

extern "C" {

NQ_EXPORT(version) const char* nq_version() { return give(notequiz::version()); }

NQ_EXPORT(parseNotes) const char* nq_parse_notes(const char* md, std::size_t md_size, const char* options,
                                                 std::size_t options_size) {
  const text options_json(options, options_size);
  const auto parsed = notequiz::parse_notes(text(md, md_size), notequiz::parse_options_from_json(options_json));
  return give(notequiz::to_json(parsed, notequiz::deck_json_options_from_json(options_json)));
}

// `{"ok":true,"deck":...}` re-serialized through the model (so the widget always sees the
// current schema), or `{"ok":false,"error":"..."}`.
NQ_EXPORT(readDeck) const char* nq_read_deck(const char* json, std::size_t size) {
  return give(notequiz::read_deck_json(text(json, size)));
}

NQ_EXPORT(renderHtml) const char* nq_render_html(const char* md, std::size_t size) {
  return give(notequiz::render_html(text(md, size)));
}

NQ_EXPORT(sessionState) const char* nq_session_state(const char* deck, std::size_t deck_size, const char* progress,
                                                     std::size_t progress_size, double now_ms, const char* options,
                                                     std::size_t options_size) {
  return give(notequiz::session_state_json(text(deck, deck_size), text(progress, progress_size), now_ms,
                                           text(options, options_size)));
}

NQ_EXPORT(previewCard) const char* nq_preview_card(const char* deck, std::size_t deck_size, const char* progress,
                                                   std::size_t progress_size, const char* card, std::size_t card_size,
                                                   double now_ms, const char* options, std::size_t options_size) {
  return give(notequiz::preview_card_json(text(deck, deck_size), text(progress, progress_size), text(card, card_size),
                                          now_ms, text(options, options_size)));
}

NQ_EXPORT(gradeCard) const char* nq_grade_card(const char* deck, std::size_t deck_size, const char* progress,
                                               std::size_t progress_size, const char* card, std::size_t card_size,
                                               const char* rating, std::size_t rating_size, double now_ms,
                                               const char* options, std::size_t options_size) {
  return give(notequiz::grade_card_json(text(deck, deck_size), text(progress, progress_size), text(card, card_size),
                                        text(rating, rating_size), now_ms, text(options, options_size)));
}

NQ_EXPORT(parseProgress) const char* nq_parse_progress(const char* progress, std::size_t size, const char* deck_id,
                                                       std::size_t deck_id_size) {
  return give(notequiz::parse_progress_json(text(progress, size), text(deck_id, deck_id_size)));
}

}  // extern "C"
