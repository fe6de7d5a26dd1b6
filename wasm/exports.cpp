// The WebAssembly face of the core: plain C functions over UTF-8 buffers in wasm memory.
// wasm/loader.js turns them into the JS API (docs/progress.md#webassembly-api): strings in, JSON
// strings out (camelCase keys). Embind would do the same in a third more bytes.
//
// These are the functions both modules have: decks kept open by handle, and what else the
// widget calls. The API module (notequiz_api.wasm) also has the functions that take whole
// documents on every call (api_exports.cpp); the widget's module (notequiz_wasm.wasm, what
// pages download) does without them (wasm/CMakeLists.txt).
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "exports.hpp"
#include "notequiz/fsrs.hpp"
#include "notequiz/session_json.hpp"
#include "notequiz/session_store.hpp"

namespace {

// The last result: JS reads it (resultSize() bytes at the returned pointer) before the next call.
std::string result;

// The decks the page has open (openNotes/openDeck), one per widget: handles keep them apart.
notequiz::session_store decks;

}  // namespace

namespace notequiz::wasm {

const char* give(std::string text) {
  result = std::move(text);
  return result.c_str();
}

}  // namespace notequiz::wasm

using notequiz::wasm::give;
using text = std::string_view;

extern "C" {

NQ_EXPORT(alloc) void* nq_alloc(std::size_t size) { return std::malloc(size ? size : 1); }
NQ_EXPORT(free) void nq_free(void* p) { std::free(p); }
NQ_EXPORT(resultSize) std::size_t nq_result_size() { return result.size(); }

NQ_EXPORT(mergeProgress) const char* nq_merge_progress(const char* a, std::size_t a_size, const char* b,
                                                       std::size_t b_size, const char* options,
                                                       std::size_t options_size) {
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
                                                            double now_ms, const char* options,
                                                            std::size_t options_size) {
  return give(decks.preview_card(handle, text(card, card_size), now_ms, text(options, options_size)));
}

NQ_EXPORT(deckGradeCard) const char* nq_deck_grade_card(double handle, const char* card, std::size_t card_size,
                                                        const char* rating, std::size_t rating_size, double now_ms,
                                                        const char* options, std::size_t options_size) {
  return give(decks.grade_card(handle, text(card, card_size), text(rating, rating_size), now_ms,
                               text(options, options_size)));
}

}  // extern "C"
