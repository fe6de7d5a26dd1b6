// The WebAssembly face of the core: plain C functions over UTF-8 buffers in wasm memory.
// wasm/loader.js turns them into the JS API (docs/progress.md#webassembly-api): strings in, JSON
// strings out (camelCase keys). Embind would do the same in a third more bytes.
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "notequiz/deck_json.hpp"
#include "notequiz/fsrs.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/render.hpp"
#include "notequiz/session_json.hpp"
#include "notequiz/session_store.hpp"
#include "notequiz/version.hpp"

namespace {

// The last result: JS reads it (nq_result_size bytes at the returned pointer) before the next call.
std::string result;

const char* give(std::string text) {
  result = std::move(text);
  return result.c_str();
}

using text = std::string_view;

// The decks the page has open (openNotes/openDeck), one per widget: handles keep them apart.
notequiz::session_store decks;

}  // namespace

// Each function is exported under its name in the JS API (loader.js), which is all the loader
// needs to know of it.
#define NQ_EXPORT(name) __attribute__((used, export_name(#name)))

extern "C" {

NQ_EXPORT(alloc) void* nq_alloc(std::size_t size) { return std::malloc(size ? size : 1); }
NQ_EXPORT(free) void nq_free(void* p) { std::free(p); }
NQ_EXPORT(resultSize) std::size_t nq_result_size() { return result.size(); }

NQ_EXPORT(parseNotes) const char* nq_parse_notes(const char* md, std::size_t md_size, const char* options,
                                                std::size_t options_size) {
  const text options_json(options, options_size);
  return give(notequiz::to_json(notequiz::parse_notes(text(md, md_size), notequiz::parse_options_from_json(options_json)),
                                notequiz::deck_json_options_from_json(options_json)));
}

// `{"ok":true,"deck":...}` re-serialized through the model (so the widget always sees the
// current schema), or `{"ok":false,"error":"..."}`.
NQ_EXPORT(readDeck) const char* nq_read_deck(const char* json, std::size_t size) {
  return give(notequiz::read_deck_json(text(json, size)));
}

NQ_EXPORT(renderHtml) const char* nq_render_html(const char* md, std::size_t size) {
  return give(notequiz::render_html(text(md, size)));
}

NQ_EXPORT(version) const char* nq_version() { return give(notequiz::version()); }

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

NQ_EXPORT(mergeProgress) const char* nq_merge_progress(const char* a, std::size_t a_size, const char* b, std::size_t b_size,
                                                   const char* options, std::size_t options_size) {
  return give(notequiz::merge_progress_json(text(a, a_size), text(b, b_size), text(options, options_size)));
}

NQ_EXPORT(emptyProgress) const char* nq_empty_progress(const char* deck_id, std::size_t size) {
  return give(notequiz::empty_progress_json(text(deck_id, size)));
}

NQ_EXPORT(choiceRating) const char* nq_choice_rating(int first_answer_correct) {
  return give(notequiz::to_string(notequiz::choice_rating(first_answer_correct != 0)));
}

NQ_EXPORT(openNotes) const char* nq_open_notes(const char* md, std::size_t md_size, const char* options,
                                               std::size_t options_size) {
  return give(decks.open_notes(text(md, md_size), text(options, options_size)));
}

NQ_EXPORT(openDeck) const char* nq_open_deck(const char* json, std::size_t size) {
  return give(decks.open_deck(text(json, size)));
}

NQ_EXPORT(closeDeck) const char* nq_close_deck(double handle) { return give(decks.close(handle)); }

NQ_EXPORT(deckCard) const char* nq_deck_card(double handle, const char* card, std::size_t card_size) {
  return give(decks.card(handle, text(card, card_size)));
}

NQ_EXPORT(deckSetProgress) const char* nq_deck_set_progress(double handle, const char* progress, std::size_t size) {
  return give(decks.set_progress(handle, text(progress, size)));
}

NQ_EXPORT(deckLoadProgress) const char* nq_deck_load_progress(double handle, const char* progress, std::size_t size) {
  return give(decks.load_progress(handle, text(progress, size)));
}

NQ_EXPORT(deckProgress) const char* nq_deck_progress(double handle) { return give(decks.kept_progress(handle)); }

NQ_EXPORT(deckSessionState) const char* nq_deck_session_state(double handle, double now_ms, const char* options,
                                                       std::size_t options_size) {
  return give(decks.session_state(handle, now_ms, text(options, options_size)));
}

NQ_EXPORT(deckPreviewCard) const char* nq_deck_preview_card(double handle, const char* card, std::size_t card_size,
                                                      double now_ms, const char* options, std::size_t options_size) {
  return give(decks.preview_card(handle, text(card, card_size), now_ms, text(options, options_size)));
}

NQ_EXPORT(deckGradeCard) const char* nq_deck_grade_card(double handle, const char* card, std::size_t card_size,
                                                    const char* rating, std::size_t rating_size, double now_ms,
                                                    const char* options, std::size_t options_size) {
  return give(decks.grade_card(handle, text(card, card_size), text(rating, rating_size), now_ms,
                               text(options, options_size)));
}

}  // extern "C"
