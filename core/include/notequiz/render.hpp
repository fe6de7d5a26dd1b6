#pragma once
/// Rendering markdown to HTML that is safe to put inside someone else's page.

#include <string>
#include <string_view>

namespace notequiz {

/// Renders a markdown fragment to sanitized HTML: raw HTML is escaped (HTML comments are
/// dropped), link and image URLs outside the allowed schemes (docs/format.md#safety) are
/// dropped, fenced code keeps its language as `class="language-…"`. Never throws.
std::string render_html(std::string_view markdown);

/// True when a URL, as an HTML attribute value would carry it, may appear in output:
/// relative URLs and http, https, mailto, tel, ftp; `data:image/` only when `for_image`.
bool is_safe_url(std::string_view url, bool for_image) noexcept;

}  // namespace notequiz
