// SARIF 2.1.0, as GitHub code scanning reads it: every rule in tool.driver.rules (id, name,
// descriptions, helpUri, default level), every result with its rule, level, message and
// physical location (a relative URI and a region).

#include <cctype>

#include <nlohmann/json.hpp>

#include "check_output.hpp"
#include "notequiz/check.hpp"
#include "notequiz/version.hpp"

namespace notequiz::cli {

namespace {

using json = nlohmann::ordered_json;

const char* sarif_level(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "note";
  }
  return "warning";
}

// A URI reference for a path: relative paths stay relative; everything but unreserved
// characters and `/` is percent-encoded.
std::string path_uri(const std::string& path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string uri = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri;
}

json rule_descriptor(const rule_info& r) {
  const std::string url = rule_help_url(r);
  const std::string see = url.empty() ? "See notequiz's docs/rules.md, section `" + rule_anchor(r) + "`."
                                      : "See [" + std::string(r.id) + "](" + url + ").";
  json descriptor = {
      {"id", std::string(r.id)},
      {"name", std::string(r.name)},
      {"shortDescription", {{"text", std::string(r.summary)}}},
      {"fullDescription", {{"text", std::string(r.summary) + " " + std::string(r.help)}}},
      {"help", {{"text", std::string(r.help)}, {"markdown", std::string(r.help) + " " + see}}},
      {"defaultConfiguration", {{"level", sarif_level(r.default_severity)}}},
      {"properties", {{"tags", json::array({"notes"})}}},
  };
  if (!url.empty()) descriptor["helpUri"] = url;
  return descriptor;
}

}  // namespace

std::string to_sarif(const check_results& results, bool errors_only) {
  const auto& rules = check_rules();
  json descriptors = json::array();
  for (const auto& r : rules) descriptors.push_back(rule_descriptor(r));

  json list = json::array();
  for (const auto& file : results.files) {
    for (const auto& d : file.diagnostics) {
      if (errors_only && d.severity != severity::error) continue;
      const rule_info* r = find_rule(d.rule);
      json region = {{"startLine", d.line > 0 ? d.line : 1}};
      if (d.line > 0 && d.column > 0) region["startColumn"] = d.column;
      if (d.end_line > 0) region["endLine"] = d.end_line;
      if (d.end_line > 0 && d.end_column > 0) region["endColumn"] = d.end_column;
      json result = {
          {"ruleId", r ? std::string(r->id) : d.rule},
          {"level", sarif_level(d.severity)},
          {"message", {{"text", d.message}}},
          {"locations", json::array({{{"physicalLocation",
                                        {{"artifactLocation", {{"uri", path_uri(file.path)}}}, {"region", std::move(region)}}}}})},
      };
      if (r) result["ruleIndex"] = static_cast<std::size_t>(r - rules.data());
      list.push_back(std::move(result));
    }
  }
  const json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{
                   {"tool", {{"driver", {{"name", "notequiz"},
                                         {"version", version()},
                                         {"semanticVersion", version()},
                                         {"informationUri", rule_help_url(rules.front()).substr(0, rule_help_url(rules.front()).find('#'))},
                                         {"rules", std::move(descriptors)}}}}},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(list)},
               }})},
  };
  return log.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace notequiz::cli
