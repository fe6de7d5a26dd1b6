#include "notequiz/session_json.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "notequiz/deck_json.hpp"
#include "session/progress_json.hpp"

namespace notequiz {

using detail::dump;
using detail::blank_json;
using detail::failure_json;
using detail::json;
using detail::read_json;

namespace {

constexpr double max_time_ms = 8640000000000000.0;  // JavaScript's last Date

std::optional<double> whole_number(const json& v, double lo, double hi) {
  if (!v.is_number()) return std::nullopt;
  const double d = v.get<double>();
  if (!std::isfinite(d) || d != std::floor(d) || d < lo || d > hi) return std::nullopt;
  return d;
}

// A step as ts-fsrs writes it ("1m", "10m", "1h", "2d") or a number of minutes.
std::optional<std::int32_t> step_minutes(const json& v) {
  constexpr double most = 36500.0 * 1440;
  if (v.is_number()) {
    const auto m = whole_number(v, 0, most);
    return m ? std::optional<std::int32_t>(static_cast<std::int32_t>(*m)) : std::nullopt;
  }
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() < 2 || s.size() > 10) return std::nullopt;
  double count = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    count = count * 10 + (s[i] - '0');
  }
  const double unit = s.back() == 'm' ? 1 : s.back() == 'h' ? 60 : s.back() == 'd' ? 1440 : 0;
  if (unit == 0 || count * unit > most) return std::nullopt;
  return static_cast<std::int32_t>(count * unit);
}

std::optional<std::vector<std::int32_t>> steps(const json& v) {
  if (!v.is_array()) return std::nullopt;
  std::vector<std::int32_t> out;
  for (const json& step : v) {
    const auto m = step_minutes(step);
    if (!m) return std::nullopt;
    out.push_back(*m);
  }
  return out;
}

// The options that are whole numbers, and their ranges.
struct whole_option {
  std::string_view name;
  std::int64_t lo, hi;
};
constexpr whole_option whole_options[] = {{"newPerDay", 0, 100000},       {"utcOffsetMinutes", -1439, 1439},
                                          {"rolloverHour", 0, 23},        {"maximumInterval", 1, 36500},
                                          {"seed", 0, 9007199254740991}};  // JavaScript's largest exact integer

// One option into `o`; the error for a bad value, "" when it was read.
std::string read_option(const std::string& key, const json& v, session_options& o) {
  fsrs_params& f = o.fsrs;
  for (std::size_t i = 0; i < std::size(whole_options); ++i) {
    const whole_option& w = whole_options[i];
    if (key != w.name) continue;
    const auto d = whole_number(v, static_cast<double>(w.lo), static_cast<double>(w.hi));
    if (!d) return key + " must be a whole number from " + std::to_string(w.lo) + " to " + std::to_string(w.hi);
    const auto n = static_cast<std::int64_t>(*d);
    switch (i) {
      case 0: o.new_per_day = static_cast<std::int32_t>(n); break;
      case 1: o.utc_offset_minutes = static_cast<std::int32_t>(n); break;
      case 2: o.rollover_hour = static_cast<std::int32_t>(n); break;
      case 3: f.maximum_interval = static_cast<std::int32_t>(n); break;
      default: f.fuzz_seed = static_cast<std::uint64_t>(n); break;
    }
    return {};
  }
  if (key == "retention") {
    if (!v.is_number() || !(v.get<double>() > 0 && v.get<double>() <= 1)) return "retention must be a number above 0 and at most 1";
    f.retention = v.get<double>();
    return {};
  }
  if (key == "shortTerm" || key == "fuzz") {
    if (!v.is_boolean()) return key + " must be true or false";
    (key == "fuzz" ? f.fuzz : f.short_term) = v.get<bool>();
    return {};
  }
  if (key == "learningSteps" || key == "relearningSteps") {
    const auto s = steps(v);
    if (!s) return key + " must be an array of steps like \"1m\", \"10m\", \"1h\", \"1d\" (or minutes), up to 36500 days";
    (key == "learningSteps" ? f.learning_steps : f.relearning_steps) = *s;
    return {};
  }
  if (key == "weights") {
    if (!v.is_array() || v.size() != f.weights.size() ||
        !std::all_of(v.begin(), v.end(), [](const json& w) { return w.is_number() && std::isfinite(w.get<double>()); })) {
      return "weights must be an array of 21 finite numbers (FSRS-6)";
    }
    for (std::size_t i = 0; i < f.weights.size(); ++i) f.weights[i] = v[i].get<double>();
    return {};
  }
  return "unknown option " + dump(json(key));
}

std::optional<std::int64_t> read_now(double now_ms) {
  if (!std::isfinite(now_ms) || now_ms < 0 || now_ms > max_time_ms) return std::nullopt;
  return static_cast<std::int64_t>(std::floor(now_ms));
}

struct inputs {
  notequiz::deck deck;
  notequiz::progress progress;
};

// The deck and progress of a call, or the first problem with them.
std::optional<inputs> read_inputs(std::string_view deck_json, std::string_view progress_json, std::string& error) {
  inputs in;
  auto d = deck_from_json(deck_json);
  if (!d.deck) {
    error = "deck: " + d.error;
    return std::nullopt;
  }
  in.deck = std::move(*d.deck);
  if (blank_json(progress_json)) {
    in.progress = empty_progress(in.deck.id);
  } else {
    auto p = parse_progress(progress_json, in.deck.id);
    if (!p.progress) {
      error = "progress: " + p.error;
      return std::nullopt;
    }
    in.progress = std::move(*p.progress);
  }
  return in;
}

struct settings {
  session_options options;
  std::int64_t now = 0;
};

// The options and time of a call, or the first problem with them.
std::optional<settings> read_settings(double now_ms, std::string_view options_json, std::string& error) {
  auto o = session_options_from_json(options_json);
  if (!o.options) {
    error = "options: " + o.error;
    return std::nullopt;
  }
  const auto now = read_now(now_ms);
  if (!now) {
    error = "now must be a time in ms from 0 to 8640000000000000";
    return std::nullopt;
  }
  return settings{std::move(*o.options), *now};
}

bool has_card(const deck& d, std::string_view id) {
  return std::any_of(d.cards.begin(), d.cards.end(), [&](const card& c) { return c.id == id; });
}

std::string no_card(std::string_view id) { return "the deck has no card " + dump(json(std::string(id))); }

std::string text(std::string_view s) { return std::string(s); }

json stats_to_json(const session_stats& s) {
  json cards = json(json::value_t::object);
  for (std::size_t i = 0; i < s.cards_by_state.size(); ++i) {
    cards[to_string(static_cast<card_state>(i))] = s.cards_by_state[i];
  }
  // Assignments rather than one initializer list: the same JSON in less wasm.
  json j;
  j["cards"] = std::move(cards);
  j["dueToday"] = s.due_today;
  j["dueNext7Days"] = s.due_next_days;
  j["reviewsToday"] = s.reviews_today;
  j["retention"] = s.retention ? json(*s.retention) : json(nullptr);
  j["retentionReviews"] = s.retention_reviews;
  j["streakDays"] = s.streak_days;
  return j;
}

}  // namespace

session_options_result session_options_from_json(std::string_view text) {
  session_options o;
  if (blank_json(text)) return {o, {}};
  const json j = read_json(text);
  if (j.is_discarded() || !j.is_object()) return {std::nullopt, "the options must be a JSON object"};
  for (const auto& [key, value] : detail::members(j)) {
    if (std::string problem = read_option(key, value, o); !problem.empty()) return {std::nullopt, problem};
  }
  if (std::string problem = check_options(o); !problem.empty()) return {std::nullopt, problem};
  return {o, {}};
}

std::string session_state_json(const deck& d, const progress& p, double now_ms, std::string_view options_json) {
  std::string error;
  const auto in = read_settings(now_ms, options_json, error);
  if (!in) return failure_json(error);
  const session_queue q = build_queue(d, p, in->now, in->options);
  json counts;
  counts["new"] = q.counts.new_cards;
  counts["learning"] = q.counts.learning;
  counts["due"] = q.counts.due;
  json result;
  result["ok"] = true;
  result["queue"] = q.cards;
  result["counts"] = std::move(counts);
  result["nextLearningDue"] = q.next_learning_due ? json(*q.next_learning_due) : json(nullptr);
  result["stats"] = stats_to_json(compute_stats(d, p, in->now, in->options));
  return dump(result);
}

std::string preview_card_json(const deck& d, const progress& p, std::string_view card_id, double now_ms,
                              std::string_view options_json) {
  std::string error;
  const auto in = read_settings(now_ms, options_json, error);
  if (!in) return failure_json(error);
  if (!has_card(d, card_id)) return failure_json(no_card(card_id));
  const auto it = p.cards.find(std::string(card_id));
  const card_schedule card = it == p.cards.end() ? card_schedule{} : it->second;
  const auto outcomes = preview(card, in->now, in->options.fsrs);
  json by_rating = json(json::value_t::object);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const card_schedule& next = outcomes[i];
    json& outcome = by_rating[to_string(static_cast<rating>(i + 1))];
    outcome["due"] = next.due;
    outcome["intervalMs"] = next.due - in->now;
    outcome["scheduledDays"] = next.scheduled_days;
    outcome["state"] = to_string(next.state);
  }
  json result;
  result["ok"] = true;
  result["card"] = text(card_id);
  result["state"] = to_string(card.state);
  result["outcomes"] = std::move(by_rating);
  return dump(result);
}

std::string grade_card_json(const deck& d, progress& p, std::string_view card_id, std::string_view rating_name,
                            double now_ms, std::string_view options_json) {
  std::string error;
  const auto in = read_settings(now_ms, options_json, error);
  if (!in) return failure_json(error);
  if (!has_card(d, card_id)) return failure_json(no_card(card_id));
  const auto r = rating_from_string(rating_name);
  if (!r) return failure_json("the rating must be \"again\", \"hard\", \"good\" or \"easy\"");
  const card_schedule next = grade(p, card_id, *r, in->now, in->options.fsrs);
  json result;
  result["ok"] = true;
  result["card"] = text(card_id);
  result["rating"] = to_string(*r);
  result["next"] = detail::schedule_to_json(next);
  result["progress"] = detail::progress_to_json(p);
  return dump(result);
}

std::string session_state_json(std::string_view deck_json, std::string_view progress_json, double now_ms,
                               std::string_view options_json) {
  std::string error;
  const auto in = read_inputs(deck_json, progress_json, error);
  return in ? session_state_json(in->deck, in->progress, now_ms, options_json) : failure_json(error);
}

std::string preview_card_json(std::string_view deck_json, std::string_view progress_json,
                              std::string_view card_id, double now_ms, std::string_view options_json) {
  std::string error;
  const auto in = read_inputs(deck_json, progress_json, error);
  return in ? preview_card_json(in->deck, in->progress, card_id, now_ms, options_json) : failure_json(error);
}

std::string grade_card_json(std::string_view deck_json, std::string_view progress_json,
                            std::string_view card_id, std::string_view rating_name, double now_ms,
                            std::string_view options_json) {
  std::string error;
  auto in = read_inputs(deck_json, progress_json, error);
  return in ? grade_card_json(in->deck, in->progress, card_id, rating_name, now_ms, options_json) : failure_json(error);
}

std::string parse_progress_json(std::string_view progress_json, std::string_view deck_id) {
  return detail::progress_result_json(parse_progress(progress_json, deck_id));
}

std::string merge_progress_json(std::string_view a_json, std::string_view b_json, std::string_view options_json) {
  const progress_result a = parse_progress(a_json);
  if (!a.progress) return failure_json("first progress: " + a.error);
  const progress_result b = parse_progress(b_json, a.progress->deck);
  if (!b.progress) return failure_json("second progress: " + b.error);
  const auto o = session_options_from_json(options_json);
  if (!o.options) return failure_json("options: " + o.error);
  const progress_result merged = merge(*a.progress, *b.progress, o.options->fsrs);
  if (!merged.progress) return failure_json(merged.error);
  const auto added = merged.progress->log.size() - a.progress->log.size();
  json result;
  result["ok"] = true;
  result["added"] = added;
  result["progress"] = detail::progress_to_json(*merged.progress);
  return dump(result);
}

std::string empty_progress_json(std::string_view deck_id) {
  return to_json(empty_progress(std::string(deck_id)));
}

}  // namespace notequiz
