#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "notequiz/progress.hpp"
#include "session/progress_json.hpp"
#include "session/total_sort.hpp"

namespace notequiz {

using detail::append_new_member;
using detail::dump;
using detail::json;
using detail::read_json;

namespace {

constexpr const char* format_name = "notequiz-progress";
constexpr std::int64_t format_version = 1;

}  // namespace

namespace detail {

// Objects are built by assignment rather than from initializer lists: the same JSON in less
// WebAssembly (tests/browser/size_budget.test.mjs).
json schedule_to_json(const card_schedule& c) {
  json j;
  j["state"] = to_string(c.state);
  j["due"] = c.due;
  j["stability"] = c.stability;
  j["difficulty"] = c.difficulty;
  j["elapsedDays"] = c.elapsed_days;
  j["scheduledDays"] = c.scheduled_days;
  j["learningSteps"] = c.learning_steps;
  j["reps"] = c.reps;
  j["lapses"] = c.lapses;
  j["lastReview"] = c.last_review;
  return j;
}

json progress_to_json(const progress& p) {
  json cards = json(json::value_t::object);
  cards.get_ptr<json::object_t*>()->reserve(p.cards.size());
  for (const auto& [id, card] : p.cards) append_new_member(cards, id, schedule_to_json(card));  // a map's keys
  json log = json(json::value_t::array);
  log.get_ptr<json::array_t*>()->reserve(p.log.size());
  for (const review_entry& e : p.log) {
    json& entry = log.emplace_back();
    entry["card"] = e.card;
    entry["time"] = e.time;
    entry["rating"] = to_string(e.rating);
  }
  json j;
  j["format"] = format_name;
  j["version"] = format_version;
  j["deck"] = p.deck;
  j["cards"] = std::move(cards);
  j["log"] = std::move(log);
  return j;
}

std::string progress_result_json(const progress_result& r) {
  if (r.progress) return kept_progress_json(*r.progress);
  json j;
  j["ok"] = false;
  j["error"] = r.error;
  j["progress"] = nullptr;
  return dump(j);
}

std::string kept_progress_json(const progress& p) {
  json j;
  j["ok"] = true;
  j["error"] = std::string();
  j["progress"] = progress_to_json(p);
  return dump(j);
}

std::string failure_json(const std::string& message) {
  // Built by assignment: an initializer list costs more code in the wasm build, at every use.
  json j;
  j["ok"] = false;
  j["error"] = message;
  return dump(j);
}

}  // namespace detail

namespace {

constexpr std::int64_t max_time_ms = 8640000000000000;  // JavaScript's last Date
constexpr std::int64_t max_due_ms = 9007199254740991;   // due may lie past it; JS numbers still exact

std::string quote(const std::string& s) { return dump(json(s)); }

// Reads the checked JSON into the model; every access checks the type first, because the
// WebAssembly build cannot catch exceptions.
class reader {
 public:
  std::string error;

  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }

  const json* member(const json& obj, const char* key, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
      fail(where + "." + key + " is missing");
      return nullptr;
    }
    return &*it;
  }

  bool integer(const json& obj, const char* key, const std::string& where, std::int64_t lo,
               std::int64_t hi, std::int64_t& out) {
    const json* v = member(obj, key, where);
    if (!v) return false;
    bool ok = false;
    if (v->is_number_unsigned()) {
      const auto u = v->get<std::uint64_t>();
      ok = u <= static_cast<std::uint64_t>(hi);
      out = ok ? static_cast<std::int64_t>(u) : 0;
    } else if (v->is_number_integer()) {
      out = v->get<std::int64_t>();
      ok = true;
    }
    if (!ok || out < lo || out > hi) {
      return fail(where + "." + key + " must be a whole number from " + std::to_string(lo) + " to " +
                  std::to_string(hi));
    }
    return true;
  }

  bool int32(const json& obj, const char* key, const std::string& where, std::int32_t lo,
             std::int32_t hi, std::int32_t& out) {
    std::int64_t v = 0;
    if (!integer(obj, key, where, lo, hi, v)) return false;
    out = static_cast<std::int32_t>(v);
    return true;
  }

  bool real(const json& obj, const char* key, const std::string& where, double lo, double hi, double& out) {
    const json* v = member(obj, key, where);
    if (!v) return false;
    if (!v->is_number() || !std::isfinite(out = v->get<double>()) || out < lo || out > hi) {
      return fail(where + "." + key + " must be a number from " + dump(json(lo)) + " to " + dump(json(hi)));
    }
    return true;
  }

  bool string(const json& obj, const char* key, const std::string& where, std::string& out) {
    const json* v = member(obj, key, where);
    if (!v) return false;
    if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
      return fail(where + "." + key + " must be a non-empty string");
    }
    out = v->get_ref<const std::string&>();
    return true;
  }

  bool schedule(const json& v, const std::string& where, card_schedule& c) {
    if (!v.is_object()) return fail(where + " must be an object");
    std::string state;
    if (!string(v, "state", where, state)) return false;
    const auto s = card_state_from_string(state);
    if (!s || *s == card_state::new_card) {
      return fail(where + ".state must be \"learning\", \"review\" or \"relearning\"");
    }
    c.state = *s;
    constexpr std::int32_t most = std::numeric_limits<std::int32_t>::max();
    return integer(v, "due", where, 0, max_due_ms, c.due) &&
           real(v, "stability", where, 0.001, 36500, c.stability) &&
           real(v, "difficulty", where, 1, 10, c.difficulty) &&
           int32(v, "elapsedDays", where, 0, most, c.elapsed_days) &&
           int32(v, "scheduledDays", where, 0, most, c.scheduled_days) &&
           int32(v, "learningSteps", where, 0, most, c.learning_steps) &&
           int32(v, "reps", where, 1, most, c.reps) && int32(v, "lapses", where, 0, c.reps, c.lapses) &&
           integer(v, "lastReview", where, 0, max_time_ms, c.last_review);
  }

  bool review(const json& v, const std::string& where, review_entry& e) {
    if (!v.is_object()) return fail(where + " must be an object");
    if (!string(v, "card", where, e.card) || !integer(v, "time", where, 0, max_time_ms, e.time)) return false;
    const json* r = member(v, "rating", where);
    if (!r) return false;
    const auto parsed = r->is_string() ? rating_from_string(r->get_ref<const std::string&>()) : std::nullopt;
    if (!parsed) return fail(where + ".rating must be \"again\", \"hard\", \"good\" or \"easy\"");
    e.rating = *parsed;
    return true;
  }
};

// The cards must be what the log says: one state per reviewed card, with as many reps as it
// has reviews and its last review's time.
std::string check_consistency(const progress& p) {
  std::map<std::string, std::pair<std::int32_t, std::int64_t>> seen;  // reviews, last time
  for (const review_entry& e : p.log) {
    auto& [count, last] = seen[e.card];
    ++count;
    last = e.time;
  }
  for (const auto& [id, card] : p.cards) {
    const auto it = seen.find(id);
    const std::int32_t count = it == seen.end() ? 0 : it->second.first;
    if (count != card.reps) {
      return "cards[" + quote(id) + "].reps is " + std::to_string(card.reps) + " but the log has " +
             std::to_string(count) + " reviews of it";
    }
    if (it->second.second != card.last_review) {
      return "cards[" + quote(id) + "].lastReview is not the time of its last review in the log";
    }
  }
  for (const auto& [id, stats] : seen) {
    if (p.cards.count(id) == 0) return "the log reviews " + quote(id) + " but cards has no state for it";
  }
  return {};
}

}  // namespace

std::string to_json(const progress& p) { return dump(detail::progress_to_json(p)); }

progress_result parse_progress(std::string_view text, std::string_view deck_id) {
  const json j = read_json(text);
  if (j.is_discarded()) return {std::nullopt, "the progress is not valid JSON (is the file complete?)"};
  if (!j.is_object()) return {std::nullopt, "the progress must be a JSON object"};
  const auto format = j.find("format");
  if (format == j.end() || !format->is_string() || format->get_ref<const std::string&>() != format_name) {
    return {std::nullopt, "this is not a notequiz progress file (format is not \"notequiz-progress\")"};
  }
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer() || version->get<std::int64_t>() != format_version) {
    const std::string v = version == j.end() ? "missing" : dump(*version);
    return {std::nullopt, "unsupported progress version " + v + "; this notequiz reads version 1"};
  }
  reader r;
  progress p;
  if (!r.string(j, "deck", "progress", p.deck)) return {std::nullopt, r.error};
  if (!deck_id.empty() && p.deck != deck_id) {
    return {std::nullopt, "this progress is for deck " + quote(p.deck) + ", not " + quote(std::string(deck_id))};
  }
  const json* cards = r.member(j, "cards", "progress");
  const json* log = r.member(j, "log", "progress");
  if (!cards || !log) return {std::nullopt, r.error};
  if (!cards->is_object()) return {std::nullopt, "progress.cards must be an object"};
  if (!log->is_array()) return {std::nullopt, "progress.log must be an array"};
  for (const auto& [id, value] : detail::members(*cards)) {
    if (id.empty()) return {std::nullopt, "progress.cards has an empty card id"};
    card_schedule c;
    if (!r.schedule(value, "cards[" + quote(id) + "]", c)) return {std::nullopt, r.error};
    p.cards.emplace(id, c);
  }
  p.log.reserve(log->size());
  for (std::size_t i = 0; i < log->size(); ++i) {
    review_entry e;
    if (!r.review((*log)[i], "log[" + std::to_string(i) + "]", e)) return {std::nullopt, r.error};
    p.log.push_back(std::move(e));
  }
  detail::sort_total_order(p.log);
  p.log.erase(std::unique(p.log.begin(), p.log.end()), p.log.end());
  if (std::string problem = check_consistency(p); !problem.empty()) return {std::nullopt, problem};
  return {std::move(p), {}};
}

}  // namespace notequiz
