#include "check_output.hpp"

#include <cstdint>
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

void append_number(std::string& out, std::uint32_t n) {
  char digits[10];
  char* at = digits + sizeof digits;
  do {
    *--at = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  out.append(at, digits + sizeof digits);
}

void append_text(std::string& out, const checked_file& file, const output_options& o) {
  const char* bold = o.colour ? "\x1b[1m" : "";
  const char* dim = o.colour ? "\x1b[2m" : "";
  const char* reset = o.colour ? "\x1b[0m" : "";
  for (const auto& d : file.diagnostics) {
    if (!shown(d, o)) continue;
    const char* colour = !o.colour                          ? ""
                         : d.severity == severity::error    ? "\x1b[1;31m"
                         : d.severity == severity::warning  ? "\x1b[1;33m"
                                                            : "\x1b[1;36m";
    out += bold;
    out += file.path;
    if (d.line > 0) {
      out += ':';
      append_number(out, d.line);
      if (d.column > 0) {
        out += ':';
        append_number(out, d.column);
      }
    }
    out += ':';
    out += reset;
    out += ' ';
    out += colour;
    out += to_string(d.severity);
    out += ':';
    out += reset;
    out += ' ';
    out += d.message;
    out += ' ';
    out += dim;
    out += '[';
    out += rule_tag(d);
    out += ']';
    out += reset;
    out += '\n';
  }
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

void append_github(std::string& out, const checked_file& file, const output_options& o) {
  for (const auto& d : file.diagnostics) {
    if (!shown(d, o)) continue;
    out += "::";
    out += d.severity == severity::error ? "error" : d.severity == severity::warning ? "warning" : "notice";
    out += " file=";
    out += escape_data(file.path, true);
    if (d.line > 0) {
      out += ",line=";
      append_number(out, d.line);
      if (d.column > 0) {
        out += ",col=";
        append_number(out, d.column);
      }
    }
    if (d.end_line > 0) {
      out += ",endLine=";
      append_number(out, d.end_line);
      if (d.end_column > 0) {
        out += ",endColumn=";
        append_number(out, d.end_column);
      }
    }
    out += ",title=";
    out += escape_data(rule_tag(d), true);
    out += "::";
    out += escape_data(d.message, false);
    out += '\n';
  }
}

}  // namespace

std::string summary_line(const check_summary& s) {
  std::string line = plural(s.files, "file", "files") + " checked, " + plural(s.cards, "card", "cards") + ": " +
                     plural(s.errors, "error", "errors") + ", " + plural(s.warnings, "warning", "warnings");
  if (s.infos > 0) line += ", " + plural(s.infos, "info", "infos");
  if (s.fixed > 0) line += "; fixed " + plural(s.fixed, "problem", "problems") + " in " + plural(s.fixed_files, "file", "files");
  return line;
}

void print_file(std::FILE* out, const checked_file& file, const output_options& options) {
  std::string lines;
  if (options.format == output_format::text) append_text(lines, file, options);
  if (options.format == output_format::github) append_github(lines, file, options);
  std::fwrite(lines.data(), 1, lines.size(), out);
}

void print_summary(std::FILE* out, const check_summary& summary, const output_options& options) {
  if (!options.quiet) std::fprintf(out, "%s\n", summary_line(summary).c_str());
}

void print_results(std::FILE* out, const check_results& results, const output_options& options) {
  switch (options.format) {
    case output_format::text:
    case output_format::github:
      for (const auto& file : results.files) print_file(out, file, options);
      print_summary(out, results.summary, options);
      break;
    case output_format::json: print_json(out, results, options); break;
    case output_format::sarif: std::fprintf(out, "%s\n", to_sarif(results, options.quiet).c_str()); break;
  }
}

}  // namespace notequiz::cli
