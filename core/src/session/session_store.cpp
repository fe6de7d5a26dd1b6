#include "notequiz/session_store.hpp"

#include <cmath>
#include <memory>
#include <utility>

#include "lazy_content.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/session_json.hpp"
#include "session/progress_json.hpp"

namespace notequiz {

struct session_store::entry {
  notequiz::deck deck;
  notequiz::progress progress;
  detail::lazy_content content;  // not lazy() for decks read from JSON: their cards have it all
};

session_store::session_store() = default;
session_store::~session_store() = default;

using detail::dump;
using detail::blank_json;
using detail::failure_json;
using detail::json;

namespace {

// What set_progress and load_progress read; blank is nothing studied yet.
progress_result read_progress(std::string_view progress_json, const std::string& deck_id) {
  if (blank_json(progress_json)) return {empty_progress(deck_id), {}};
  return parse_progress(progress_json, deck_id);
}

std::string no_deck(double handle) {
  return failure_json("no open deck with handle " + dump(json(handle)));
}

}  // namespace

session_store::entry* session_store::find(double handle) {
  // Checked as a double first: a NaN, fraction or huge number must not reach the integer cast.
  if (!(handle >= 1 && handle <= static_cast<double>(open_.size())) || handle != std::floor(handle)) return nullptr;
  return open_[static_cast<std::size_t>(handle) - 1].get();
}

session_store::entry& session_store::add() { return *open_.emplace_back(std::make_unique<entry>()); }

std::string session_store::keep(entry& e, std::string_view rest) {
  std::string out = "{\"ok\":true,\"handle\":" + std::to_string(open_.size()) + ",\"deck\":" + deck_summary_json(e.deck);
  out += rest;
  out += '}';
  e.progress = empty_progress(e.deck.id);
  return out;
}

std::string session_store::open_notes(std::string_view markdown, std::string_view options_json) {
  entry& e = add();
  parse_result parsed = e.content.open(markdown, parse_options_from_json(options_json));
  e.deck = std::move(parsed.deck);
  return keep(e, ",\"diagnostics\":" + diagnostics_json(parsed));
}

std::string session_store::open_deck(std::string_view deck_json) {
  deck_json_result read = deck_from_json(deck_json);
  if (!read.deck) return failure_json(read.error);
  entry& e = add();
  e.deck = std::move(*read.deck);
  return keep(e, {});
}

std::string session_store::close(double handle) {
  if (!find(handle)) return no_deck(handle);
  // The slot stays, empty, so the handle is never given out again.
  open_[static_cast<std::size_t>(handle) - 1].reset();
  return R"({"ok":true})";
}

std::string session_store::card(double handle, std::string_view card_id) {
  entry* e = find(handle);
  if (!e) return no_deck(handle);
  std::vector<notequiz::card>& cards = e->deck.cards;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    if (cards[i].id != card_id) continue;
    e->content.fill(e->deck, i);
    return "{\"ok\":true,\"card\":" + to_json(cards[i], deck_json_options{true}) + "}";
  }
  return failure_json("the deck has no card " + dump(json(std::string(card_id))));
}

std::string session_store::set_progress(double handle, std::string_view progress_json) {
  entry* e = find(handle);
  if (!e) return no_deck(handle);
  progress_result read = read_progress(progress_json, e->deck.id);
  std::string out = detail::progress_result_json(read);
  if (read.progress) e->progress = std::move(*read.progress);
  return out;
}

std::string session_store::load_progress(double handle, std::string_view progress_json) {
  entry* e = find(handle);
  if (!e) return no_deck(handle);
  progress_result read = read_progress(progress_json, e->deck.id);
  if (!read.progress) return detail::progress_result_json(read);
  e->progress = std::move(*read.progress);
  return R"({"ok":true})";
}

std::string session_store::kept_progress(double handle) {
  entry* e = find(handle);
  return e ? detail::kept_progress_json(e->progress) : no_deck(handle);
}

std::string session_store::session_state(double handle, double now_ms, std::string_view options_json) {
  entry* e = find(handle);
  return e ? session_state_json(e->deck, e->progress, now_ms, options_json) : no_deck(handle);
}

std::string session_store::preview_card(double handle, std::string_view card_id, double now_ms,
                                        std::string_view options_json) {
  entry* e = find(handle);
  return e ? preview_card_json(e->deck, e->progress, card_id, now_ms, options_json) : no_deck(handle);
}

std::string session_store::grade_card(double handle, std::string_view card_id, std::string_view rating, double now_ms,
                                      std::string_view options_json) {
  entry* e = find(handle);
  if (!e) return no_deck(handle);
  return grade_card_json(e->deck, e->progress, card_id, rating, now_ms, options_json);
}

}  // namespace notequiz
