#pragma once
// Stable card ids: docs/format.md#card-ids.

#include <string>
#include <string_view>

namespace notequiz::detail {

// normalize_title() of a title that is whitespace-collapsed already (collapse_whitespace):
// a prefix of it, no copy.
std::string_view normalize_collapsed_title(std::string_view title) noexcept;

// The id of the `occurrence`-th (0-based) card titled `normalized_title` in deck `deck_id`.
std::string make_card_id(std::string_view deck_id, std::string_view normalized_title, unsigned occurrence);

// A URL- and storage-key-friendly slug: ASCII lower-cased, runs of other ASCII turned into
// one `-`, UTF-8 letters kept. Empty when nothing is left.
std::string slugify(std::string_view text);

}  // namespace notequiz::detail
