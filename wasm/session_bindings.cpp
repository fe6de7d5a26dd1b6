// The session, scheduler and progress functions for the widget: JSON strings in and out,
// documented in docs/progress.md#webassembly-api. Times cross as JS numbers (ms).
#include <emscripten/bind.h>

#include <string>

#include "notequiz/fsrs.hpp"
#include "notequiz/session.hpp"
#include "notequiz/session_json.hpp"

namespace {

std::string session_state(const std::string& deck, const std::string& progress, double now_ms,
                          const std::string& options) {
  return notequiz::session_state_json(deck, progress, now_ms, options);
}

std::string preview_card(const std::string& deck, const std::string& progress, const std::string& card_id,
                         double now_ms, const std::string& options) {
  return notequiz::preview_card_json(deck, progress, card_id, now_ms, options);
}

std::string grade_card(const std::string& deck, const std::string& progress, const std::string& card_id,
                       const std::string& rating, double now_ms, const std::string& options) {
  return notequiz::grade_card_json(deck, progress, card_id, rating, now_ms, options);
}

std::string parse_progress(const std::string& progress, const std::string& deck_id) {
  return notequiz::parse_progress_json(progress, deck_id);
}

std::string merge_progress(const std::string& a, const std::string& b, const std::string& options) {
  return notequiz::merge_progress_json(a, b, options);
}

std::string empty_progress(const std::string& deck_id) { return notequiz::empty_progress_json(deck_id); }

std::string choice_rating(bool first_answer_correct) {
  return notequiz::to_string(notequiz::choice_rating(first_answer_correct));
}

}  // namespace

EMSCRIPTEN_BINDINGS(notequiz_session) {
  emscripten::function("sessionState", &session_state);
  emscripten::function("previewCard", &preview_card);
  emscripten::function("gradeCard", &grade_card);
  emscripten::function("parseProgress", &parse_progress);
  emscripten::function("mergeProgress", &merge_progress);
  emscripten::function("emptyProgress", &empty_progress);
  emscripten::function("choiceRating", &choice_rating);
}
