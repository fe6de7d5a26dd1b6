#pragma once
/// A learner's progress on one deck: the scheduling state of every card reviewed and the log
/// of every review, in the JSON format of docs/progress.md.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notequiz/fsrs.hpp"

namespace notequiz {

/// One review. A review is identified by all three fields: two reviews with the same card,
/// time and rating are the same review.
struct review_entry {
  std::string card;             ///< the card's id
  std::int64_t time = 0;        ///< ms since the Unix epoch
  notequiz::rating rating = rating::good;
};

bool operator==(const review_entry& a, const review_entry& b) noexcept;
/// The log's order: by time, then card id, then rating.
bool operator<(const review_entry& a, const review_entry& b) noexcept;

struct progress {
  std::string deck;  ///< the deck's id
  /// Every card reviewed at least once (whether or not still in the deck), by card id. Each
  /// is what replaying the card's reviews in `log` gives.
  std::map<std::string, card_schedule> cards;
  /// Every review, sorted by `operator<`, without duplicates.
  std::vector<review_entry> log;
};

/// Progress for a deck nobody has studied yet.
progress empty_progress(std::string deck_id);

/// Serializes progress as compact JSON, keys in a fixed order: equal progress gives equal bytes.
std::string to_json(const progress& p);

struct progress_result {
  std::optional<notequiz::progress> progress;  ///< set on success
  std::string error;                           ///< set on failure: what was wrong, and where
};

/// Reads progress. Fails, without throwing and without a partial result, on: invalid or
/// truncated JSON, another format or version, another deck than `deck_id` (any deck when
/// `deck_id` is empty), wrong types, numbers out of range (negative or beyond year 275760
/// times, NaN, infinities), a card state that disagrees with the log's count of its reviews.
/// The log is sorted and exact duplicates are dropped.
progress_result parse_progress(std::string_view json, std::string_view deck_id = {});

/// The card's schedule, replayed from its reviews in `log` (any order; duplicates count once).
card_schedule replay(std::string_view card_id, const std::vector<review_entry>& log,
                     const fsrs_params& params = {});

/// Both progress records as one, for importing progress from another browser: the logs'
/// union (no review lost, none counted twice), every card recomputed by `replay`. Commutative,
/// and idempotent when both came from the same parameters. Fails only when the decks differ.
progress_result merge(const progress& a, const progress& b, const fsrs_params& params = {});

}  // namespace notequiz
