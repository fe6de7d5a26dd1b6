#include "notequiz/render.hpp"

#include "html_writer.hpp"
#include "text.hpp"

namespace notequiz {

std::string render_html(std::string_view markdown) {
  std::string valid;
  if (detail::find_invalid_utf8(markdown) != std::string_view::npos) {
    valid = detail::to_valid_utf8(markdown);
    markdown = valid;
  }
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 4);
  detail::html_writer writer(markdown, &out);
  detail::md_parse_to_writer(markdown, writer);
  return out;
}

}  // namespace notequiz
