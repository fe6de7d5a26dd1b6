// `.notequiz.json`: rule severities, ignore globs, the question level.

#include <nlohmann/json.hpp>

#include "notequiz/check.hpp"
#include "rules.hpp"

namespace notequiz {

namespace {

using json = nlohmann::json;

// Finds where a parse failed: nlohmann reports the position only through SAX.
class error_locator final : public nlohmann::json_sax<json> {
 public:
  std::size_t position = 0;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception&) override {
    position = at;
    return false;
  }
};

std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

// Where `"key"` is written (the first time), for positioning a problem with it.
std::pair<std::uint32_t, std::uint32_t> where_key(std::string_view text, const std::string& key) {
  const std::string quoted = json(key).dump(-1, ' ', false, json::error_handler_t::replace);
  const std::size_t at = text.find(quoted);
  if (at == std::string_view::npos) return {1, 1};
  return line_column(text, at);
}

diagnostic config_problem(detail::rule r, std::pair<std::uint32_t, std::uint32_t> at, std::string message) {
  diagnostic d;
  d.rule = std::string(check_rules()[detail::index_of(r)].name);
  d.severity = check_rules()[detail::index_of(r)].default_severity;
  d.line = at.first;
  d.column = at.second;
  d.message = std::move(message);
  return d;
}

std::optional<rule_level> level_named(const json& value) {
  if (value.is_boolean()) return value.get<bool>() ? rule_level::default_level : rule_level::off;
  if (!value.is_string()) return std::nullopt;
  const std::string& s = value.get_ref<const std::string&>();
  if (s == "error") return rule_level::error;
  if (s == "warning") return rule_level::warning;
  if (s == "info") return rule_level::info;
  if (s == "off") return rule_level::off;
  if (s == "default") return rule_level::default_level;
  return std::nullopt;
}

// Matches `pattern` against all of `text`.
bool match_from(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      while (!p.empty() && p.front() == '*') p.remove_prefix(1);
      if (p.empty()) return true;
      if (p.front() == '/') {
        // `**/` is zero or more whole folders.
        const std::string_view rest = p.substr(1);
        if (match_from(rest, s)) return true;
        for (std::size_t i = 0; i < s.size(); ++i) {
          if (s[i] == '/' && match_from(rest, s.substr(i + 1))) return true;
        }
        return false;
      }
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (match_from(p, s.substr(i))) return true;
      }
      return false;
    }
    if (p.front() == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (match_from(p, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p.front() == '?' ? s.front() == '/' : p.front() != s.front()) return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

std::optional<severity> check_config::severity_of(std::size_t rule_index) const noexcept {
  const rule_level level = rule_index < levels.size() ? levels[rule_index] : rule_level::default_level;
  switch (level) {
    case rule_level::error: return severity::error;
    case rule_level::warning: return severity::warning;
    case rule_level::info: return severity::info;
    case rule_level::off: return std::nullopt;
    case rule_level::default_level: break;
  }
  return check_rules()[rule_index].default_severity;
}

config_result parse_config(std::string_view text) {
  config_result result;
  result.config.levels.assign(detail::rule_count, rule_level::default_level);
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    error_locator locator;
    json::sax_parse(text, &locator);
    result.diagnostics.push_back(
        config_problem(detail::rule::config, line_column(text, locator.position > 0 ? locator.position - 1 : 0), "not valid JSON"));
    return result;
  }
  if (!doc.is_object()) {
    result.diagnostics.push_back(config_problem(detail::rule::config, {1, 1}, "the configuration must be a JSON object"));
    return result;
  }
  for (const auto& [key, value] : doc.items()) {
    if (key == "$schema") continue;
    if (key == "rules") {
      if (!value.is_object()) {
        result.diagnostics.push_back(config_problem(detail::rule::config, where_key(text, key),
                                                    "`rules` must be an object of rule names to \"error\", \"warning\", \"info\" or \"off\""));
        continue;
      }
      for (const auto& [name, setting] : value.items()) {
        const rule_info* r = find_rule(name);
        if (!r) {
          result.diagnostics.push_back(config_problem(detail::rule::unknown_rule, where_key(text, name),
                                                      "unknown rule `" + name + "` (docs/rules.md lists them)"));
          continue;
        }
        const auto level = level_named(setting);
        if (!level) {
          result.diagnostics.push_back(config_problem(detail::rule::config, where_key(text, name),
                                                      "rule `" + name + "` must be \"error\", \"warning\", \"info\" or \"off\""));
          continue;
        }
        result.config.levels[static_cast<std::size_t>(r - check_rules().data())] = *level;
      }
    } else if (key == "ignore") {
      bool ok = value.is_array();
      if (ok) {
        for (const auto& g : value) ok = ok && g.is_string();
      }
      if (!ok) {
        result.diagnostics.push_back(config_problem(detail::rule::config, where_key(text, key), "`ignore` must be an array of glob strings"));
        continue;
      }
      for (const auto& g : value) result.config.ignore.push_back(g.get<std::string>());
    } else if (key == "question-level") {
      if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 6) {
        result.diagnostics.push_back(config_problem(detail::rule::config, where_key(text, key), "`question-level` must be a heading level from 1 to 6"));
        continue;
      }
      result.config.question_level = static_cast<int>(value.get<long long>());
    } else {
      result.diagnostics.push_back(config_problem(detail::rule::config, where_key(text, key),
                                                  "unknown key `" + key + "` (known: rules, ignore, question-level)"));
    }
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), [](const diagnostic& a, const diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return result;
}

bool glob_match(std::string_view pattern, std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  if (pattern.empty()) return false;
  std::string full(pattern);
  if (full.back() == '/') full += "**";
  if (full.front() == '/') return match_from(std::string_view(full).substr(1), path);
  if (full.find('/') != std::string::npos) return match_from(full, path);
  // No folder in the pattern: it may name the file or any folder on the way.
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    if (match_from(full, path.substr(0, slash))) return true;
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return false;
}

bool is_ignored(const check_config& config, std::string_view relative_path) {
  for (const auto& g : config.ignore) {
    if (glob_match(g, relative_path)) return true;
  }
  return false;
}

}  // namespace notequiz
