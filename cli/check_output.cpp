#include "check_output.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>

#include "notequiz/check.hpp"

namespace notequiz::cli {

namespace {

using json = nlohmann::ordered_json;

// The rule's id, for `[NQ001/empty-answer]`; empty for a name no rule has. Diagnostics come
// rule after rule, so the last answer is asked first.
std::string_view rule_id(const diagnostic& d) {
  thread_local const rule_info* last = nullptr;
  if (last == nullptr || last->name != d.rule) last = find_rule(d.rule);
  return last ? last->id : std::string_view();
}

// A number's decimal digits, in a buffer of its own.
class digits {
 public:
  explicit digits(std::uint32_t n) {
    do {
      *--begin_ = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n > 0);
  }
  operator std::string_view() const noexcept { return {begin_, static_cast<std::size_t>(buffer_ + sizeof buffer_ - begin_)}; }

 private:
  char buffer_[10];
  char* begin_ = buffer_ + sizeof buffer_;
};

// Appends the pieces in one step: a line of output is a dozen short pieces, and appending them
// one by one was most of the time spent printing.
void append(std::string& out, std::initializer_list<std::string_view> pieces) {
  const std::size_t at = out.size();
  std::size_t size = at;
  for (std::string_view p : pieces) size += p.size();
  if (size > out.capacity()) out.reserve(std::max(size, 2 * out.capacity()));
  out.resize(size);
  char* to = out.data() + at;
  for (std::string_view p : pieces) {
    if (p.size() >= 16) {
      std::memcpy(to, p.data(), p.size());
      to += p.size();
    } else {
      for (char c : p) *to++ = c;
    }
  }
}

std::string rule_tag(const diagnostic& d) {
  const std::string_view id = rule_id(d);
  return id.empty() ? d.rule : std::string(id) + "/" + d.rule;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool shown(const diagnostic& d, const output_options& o) { return !o.quiet || d.severity == severity::error; }

void append_text(std::string& out, const checked_file& file, const output_options& o) {
  const std::string_view bold = o.colour ? "\x1b[1m" : "";
  const std::string_view dim = o.colour ? "\x1b[2m" : "";
  const std::string_view reset = o.colour ? "\x1b[0m" : "";
  for (const auto& d : file.diagnostics) {
    if (!shown(d, o)) continue;
    const std::string_view colour = !o.colour                          ? ""
                                    : d.severity == severity::error    ? "\x1b[1;31m"
                                    : d.severity == severity::warning  ? "\x1b[1;33m"
                                                                       : "\x1b[1;36m";
    const digits line(d.line), column(d.column);
    const bool has_line = d.line > 0, has_column = has_line && d.column > 0;
    const std::string_view id = rule_id(d);
    append(out, {bold, file.path, has_line ? ":" : "", has_line ? line : std::string_view(), has_column ? ":" : "",
                 has_column ? column : std::string_view(), ":", reset, " ", colour, to_string(d.severity), ":", reset, " ",
                 d.message, " ", dim, "[", id, id.empty() ? "" : "/", d.rule, "]", reset, "\n"});
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
  const std::string escaped_path = escape_data(file.path, true);
  for (const auto& d : file.diagnostics) {
    if (!shown(d, o)) continue;
    const digits line(d.line), column(d.column), end_line(d.end_line), end_column(d.end_column);
    const bool has_line = d.line > 0, has_column = has_line && d.column > 0;
    const bool has_end_line = d.end_line > 0, has_end_column = has_end_line && d.end_column > 0;
    append(out, {"::", d.severity == severity::error ? "error" : d.severity == severity::warning ? "warning" : "notice",
                 " file=", escaped_path, has_line ? ",line=" : "", has_line ? line : std::string_view(),
                 has_column ? ",col=" : "", has_column ? column : std::string_view(), has_end_line ? ",endLine=" : "",
                 has_end_line ? end_line : std::string_view(), has_end_column ? ",endColumn=" : "",
                 has_end_column ? end_column : std::string_view(), ",title=", escape_data(rule_tag(d), true), "::",
                 escape_data(d.message, false), "\n"});
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
  // One buffer for every file printed: its capacity is kept from file to file.
  thread_local std::string lines;
  lines.clear();
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
