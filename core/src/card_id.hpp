#pragma once
// Stable card ids: docs/format.md#card-ids.

#include <cstdint>
#include <string>
#include <string_view>

namespace notequiz::detail {

// normalize_title() of a title that is whitespace-collapsed already (collapse_whitespace):
// a prefix of it, no copy.
std::string_view normalize_collapsed_title(std::string_view title) noexcept;

// The id of the `occurrence`-th (0-based) card titled `normalized_title` in deck `deck_id`.
std::string make_card_id(std::string_view deck_id, std::string_view normalized_title, unsigned occurrence);

// make_card_id for the many cards of one deck: the deck id is hashed once, and the hash of a
// title (which callers may also use to find repeated titles) once per card.
class card_id_maker {
 public:
  explicit card_id_maker(std::string_view deck_id) noexcept;

  // The hash a card's id is made from, before its occurrence is added.
  std::uint64_t title_hash(std::string_view normalized_title) const noexcept;
  // make_card_id(deck_id, title, occurrence), given title_hash(title).
  static std::string id(std::uint64_t title_hash, unsigned occurrence);

 private:
  std::uint64_t deck_hash_;  // the deck id and the separator after it
};

// A URL- and storage-key-friendly slug: ASCII lower-cased, runs of other ASCII turned into
// one `-`, UTF-8 letters kept. Empty when nothing is left.
std::string slugify(std::string_view text);

}  // namespace notequiz::detail
