#pragma once
/// Decks kept open between calls, each with its learner's progress, addressed by a handle: what
/// the WebAssembly module's deck functions use (docs/progress.md#decks-kept-open), so a session
/// call does not read the deck and progress JSON again. Every function returns a JSON object
/// with `"ok"`; an unknown, closed or malformed handle (not a whole number) gives
/// `{"ok":false,"error":"no open deck with handle <h>"}`. No function throws.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "notequiz/deck.hpp"
#include "notequiz/progress.hpp"

namespace notequiz {

class session_store {
 public:
  session_store();
  ~session_store();
  session_store(const session_store&) = delete;
  session_store& operator=(const session_store&) = delete;

  /// Parses notes (`options_json` as parse_options_from_json reads it) and keeps the deck, with
  /// empty progress: `{"ok":true,"handle":h,"deck":<deck_summary_json>,"diagnostics":[...]}`.
  /// A card's content is rendered when card() first asks for it, the same as a parse of the
  /// whole notes would render it (docs/progress.md#decks-kept-open); the notes are kept for that.
  std::string open_notes(std::string_view markdown, std::string_view options_json);

  /// Reads a deck (as deck_from_json) and keeps it, with empty progress:
  /// `{"ok":true,"handle":h,"deck":<deck_summary_json>}`, or the reading error.
  std::string open_deck(std::string_view deck_json);

  /// Forgets the deck and its progress: `{"ok":true}`. The handle is never given out again.
  std::string close(double handle);

  /// One card's content: `{"ok":true,"card":<to_json(card), lean>}`.
  std::string card(double handle, std::string_view card_id);

  /// Replaces the deck's progress. `progress_json` as parse_progress_json reads it (for this
  /// deck), or blank for nothing studied yet; returns what parse_progress_json returns. On
  /// failure the progress kept is unchanged.
  std::string set_progress(double handle, std::string_view progress_json);

  /// set_progress for a caller that keeps the text it passed (the widget's stored progress):
  /// on success it returns `{"ok":true}` instead of the progress written out again, which costs
  /// a third of the call; failures are set_progress's.
  std::string load_progress(double handle, std::string_view progress_json);

  /// The kept progress, as set_progress returns it on success.
  std::string kept_progress(double handle);

  /// session_state_json, preview_card_json and grade_card_json on the kept deck and progress;
  /// grading updates the kept progress.
  std::string session_state(double handle, double now_ms, std::string_view options_json);
  std::string preview_card(double handle, std::string_view card_id, double now_ms, std::string_view options_json);
  std::string grade_card(double handle, std::string_view card_id, std::string_view rating, double now_ms,
                         std::string_view options_json);

 private:
  struct entry;  ///< a deck, its progress and what renders its cards' content
  entry* find(double handle);
  entry& add();  ///< a new, empty entry under the next handle
  std::string keep(entry& e, std::string_view rest);

  std::vector<std::unique_ptr<entry>> open_;  ///< by handle - 1; null once closed
};

}  // namespace notequiz
