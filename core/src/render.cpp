#include "notequiz/render.hpp"

#include "html_writer.hpp"
#include "text.hpp"

namespace notequiz {

std::string render_html(std::string_view markdown) {
  // Always a copy: md4c 0.4.8 can read past the end of what it is given (permissive
  // autolinks; found by render_fuzzer), and the std::string's terminating NUL stops it there.
  const std::string valid =
      detail::find_invalid_utf8(markdown) != std::string_view::npos ? detail::to_valid_utf8(markdown) : std::string(markdown);
  markdown = valid;
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 4);
  detail::html_writer writer(markdown, &out);
  detail::md_parse_to_writer(markdown, writer);
  return out;
}

}  // namespace notequiz
