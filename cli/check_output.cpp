#include "check_output.hpp"

#include <nlohmann/json.hpp>

#include "notequiz/check.hpp"

namespace notequiz::cli {

namespace {

using json = nlohmann::ordered_json;

std::string rule_tag(const diagnostic& d) {
  const rule_info* r = find_rule(d.rule);
  return r ? std::string(r->id) + "/" + d.rule : d.rule;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool shown(const diagnostic& d, const output_options& o) { return !o.quiet || d.severity == severity::error; }

void print_text(std::FILE* out, const check_results& results, const output_options& o) {
  const char* bold = o.colour ? "\x1b[1m" : "";
  const char* dim = o.colour ? "\x1b[2m" : "";
  const char* reset = o.colour ? "\x1b[0m" : "";
  for (const auto& file : results.files) {
    for (const auto& d : file.diagnostics) {
      if (!shown(d, o)) continue;
      std::string place = file.path;
      if (d.line > 0) place += ":" + std::to_string(d.line);
      if (d.line > 0 && d.column > 0) place += ":" + std::to_string(d.column);
      const char* colour = !o.colour                          ? ""
                           : d.severity == severity::error    ? "\x1b[1;31m"
                           : d.severity == severity::warning  ? "\x1b[1;33m"
                                                              : "\x1b[1;36m";
      std::fprintf(out, "%s%s:%s %s%s:%s %s %s[%s]%s\n", bold, place.c_str(), reset, colour, to_string(d.severity), reset,
                   d.message.c_str(), dim, rule_tag(d).c_str(), reset);
    }
  }
  if (!o.quiet) std::fprintf(out, "%s\n", summary_line(results.summary).c_str());
}

json summary_json(const check_summary& s) {
  return {{"files", s.files}, {"cards", s.cards},   {"errors", s.errors},
          {"warnings", s.warnings}, {"infos", s.infos}, {"fixed", s.fixed}};
}

void print_json(std::FILE* out, const check_results& results, const output_options& o) {
  json list = json::array();
  for (const auto& file : results.files) {
    for (const auto& d : file.diagnostics) {
      if (!shown(d, o)) continue;
      const rule_info* r = find_rule(d.rule);
      json item = {{"path", file.path}, {"line", d.line}, {"column", d.column}};
      if (d.end_line > 0) item["endLine"] = d.end_line;
      if (d.end_column > 0) item["endColumn"] = d.end_column;
      item["ruleId"] = r ? std::string(r->id) : "";
      item["ruleName"] = d.rule;
      item["severity"] = to_string(d.severity);
      item["message"] = d.message;
      item["fixable"] = r && r->fixable;
      list.push_back(std::move(item));
    }
  }
  const json doc = {{"summary", summary_json(results.summary)}, {"diagnostics", std::move(list)}};
  std::fprintf(out, "%s\n", doc.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}

// Workflow command values: `%`, CR and LF escaped; in properties also `:` and `,`.
std::string escape_data(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

void print_github(std::FILE* out, const check_results& results, const output_options& o) {
  for (const auto& file : results.files) {
    for (const auto& d : file.diagnostics) {
      if (!shown(d, o)) continue;
      const char* command = d.severity == severity::error ? "error" : d.severity == severity::warning ? "warning" : "notice";
      std::string props = "file=" + escape_data(file.path, true);
      if (d.line > 0) props += ",line=" + std::to_string(d.line);
      if (d.line > 0 && d.column > 0) props += ",col=" + std::to_string(d.column);
      if (d.end_line > 0) props += ",endLine=" + std::to_string(d.end_line);
      if (d.end_line > 0 && d.end_column > 0) props += ",endColumn=" + std::to_string(d.end_column);
      props += ",title=" + escape_data(rule_tag(d), true);
      std::fprintf(out, "::%s %s::%s\n", command, props.c_str(), escape_data(d.message, false).c_str());
    }
  }
  if (!o.quiet) std::fprintf(out, "%s\n", summary_line(results.summary).c_str());
}

}  // namespace

std::string summary_line(const check_summary& s) {
  std::string line = plural(s.files, "file", "files") + " checked, " + plural(s.cards, "card", "cards") + ": " +
                     plural(s.errors, "error", "errors") + ", " + plural(s.warnings, "warning", "warnings");
  if (s.infos > 0) line += ", " + plural(s.infos, "info", "infos");
  if (s.fixed > 0) line += "; fixed " + plural(s.fixed, "problem", "problems") + " in " + plural(s.fixed_files, "file", "files");
  return line;
}

void print_results(std::FILE* out, const check_results& results, const output_options& options) {
  switch (options.format) {
    case output_format::text: print_text(out, results, options); break;
    case output_format::json: print_json(out, results, options); break;
    case output_format::github: print_github(out, results, options); break;
    case output_format::sarif: std::fprintf(out, "%s\n", to_sarif(results, options.quiet).c_str()); break;
  }
}

}  // namespace notequiz::cli
