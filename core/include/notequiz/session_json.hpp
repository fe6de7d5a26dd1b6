#pragma once
/// The session API with JSON strings in and out: exactly what the WebAssembly module exports
/// (docs/progress.md#webassembly-api), so native callers and tests get the same bytes.
/// No function throws. Every result is a JSON object with `"ok"`; on failure it is
/// `{"ok":false,"error":"<what was wrong>"}` (parse_progress_json also has `"progress":null`).

#include <optional>
#include <string>
#include <string_view>

#include "notequiz/session.hpp"

namespace notequiz {

struct session_options_result {
  std::optional<session_options> options;  ///< set on success
  std::string error;                       ///< set on failure
};

/// Reads session options (newPerDay, utcOffsetMinutes, rolloverHour, retention,
/// maximumInterval, learningSteps, relearningSteps, weights, shortTerm, fuzz, seed). Empty
/// text or `{}` gives the defaults; an unknown key, a wrong type or a value out of range is
/// an error.
session_options_result session_options_from_json(std::string_view json);

/// sessionState: `{"ok":true,"queue":[ids],"counts":{...},"nextLearningDue":ms|null,"stats":{...}}`.
/// `progress_json` may be empty: nothing studied yet. `now_ms` is a JS time (whole ms).
std::string session_state_json(std::string_view deck_json, std::string_view progress_json, double now_ms,
                               std::string_view options_json);

/// previewCard: the outcome of each rating for one card: `{"ok":true,"card":id,"state":...,
/// "outcomes":{"again":{"due":ms,"intervalMs":n,"scheduledDays":n,"state":...},...}}`.
std::string preview_card_json(std::string_view deck_json, std::string_view progress_json,
                              std::string_view card_id, double now_ms, std::string_view options_json);

/// gradeCard: `{"ok":true,"card":id,"rating":name,"next":{schedule},"progress":{progress}}`.
/// `rating_name`: "again", "hard", "good" or "easy".
std::string grade_card_json(std::string_view deck_json, std::string_view progress_json,
                            std::string_view card_id, std::string_view rating_name, double now_ms,
                            std::string_view options_json);

/// The same three on a deck and progress already read (session_store keeps them between calls).
/// grade_card_json records the review in `p`.
std::string session_state_json(const deck& d, const progress& p, double now_ms, std::string_view options_json);
std::string preview_card_json(const deck& d, const progress& p, std::string_view card_id, double now_ms,
                              std::string_view options_json);
std::string grade_card_json(const deck& d, progress& p, std::string_view card_id, std::string_view rating_name,
                            double now_ms, std::string_view options_json);

/// parseProgress: `{"ok":true,"error":"","progress":{...}}`, the progress normalized.
std::string parse_progress_json(std::string_view progress_json, std::string_view deck_id);

/// mergeProgress: `{"ok":true,"added":n,"progress":{...}}`; `added` counts the reviews `b`
/// brought that `a` did not have. `b` must be for `a`'s deck.
std::string merge_progress_json(std::string_view a_json, std::string_view b_json,
                                std::string_view options_json);

/// emptyProgress: the progress document (no envelope) for a deck nobody has studied.
std::string empty_progress_json(std::string_view deck_id);

}  // namespace notequiz
