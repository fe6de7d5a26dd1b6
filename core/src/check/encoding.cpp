// encoding, beyond what the parser finds (invalid UTF-8, NUL): a byte order mark and mixed
// line endings. Both are warnings by default: the notes still read correctly.

#include <cstring>

#include "check_context.hpp"

namespace notequiz::detail {

void check_encoding(check_context& ctx, std::string_view file) {
  if (!ctx.enabled(rule::encoding)) return;
  if (file.substr(0, 3) == "\xEF\xBB\xBF") {
    ctx.report(
        rule::encoding, 1, 1, [] { return std::string("the file starts with a byte order mark; save it as UTF-8 without BOM"); },
        severity::warning);
  }
  // Without a carriage return no line ends with CRLF, so the endings cannot be mixed: most notes
  // need only this one memchr.
  if (ctx.text.empty() || std::memchr(ctx.text.data(), '\r', ctx.text.size()) == nullptr) return;
  const auto& lines = ctx.scanner.lines();
  const auto count = static_cast<std::uint32_t>(lines.line_count());
  std::uint32_t crlf = 0, lf = 0, first_crlf = 0, first_lf = 0;
  for (std::uint32_t n = 1; n < count; ++n) {
    const std::size_t newline = lines.line_start(n + 1) - 1;
    if (newline > 0 && ctx.text[newline - 1] == '\r') {
      if (crlf++ == 0) first_crlf = n;
    } else {
      if (lf++ == 0) first_lf = n;
    }
  }
  if (count > 0 && !ctx.text.empty() && ctx.text.back() == '\n') {  // the last line's ending
    const std::size_t newline = ctx.text.size() - 1;
    if (newline > 0 && ctx.text[newline - 1] == '\r') {
      if (crlf++ == 0) first_crlf = count;
    } else {
      if (lf++ == 0) first_lf = count;
    }
  }
  if (crlf == 0 || lf == 0) return;
  const bool lf_is_odd = lf <= crlf;
  ctx.report(rule::encoding, lf_is_odd ? first_lf : first_crlf, 1,
             [&] {
               return message("mixed line endings: ", crlf, " lines end with CRLF, ", lf, " with LF; this is the first ",
                              lf_is_odd ? "LF" : "CRLF");
             },
             severity::warning);
}

}  // namespace notequiz::detail
