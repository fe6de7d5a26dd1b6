#pragma once
/// Parsing notes: markdown in, a deck and diagnostics out.

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "notequiz/deck.hpp"
#include "notequiz/diagnostic.hpp"

namespace notequiz {

struct parse_options {
  /// The notes' path, kept in the deck and used for its default id and title. Optional.
  std::string source_path;
  /// Overrides the deck id derived from the path; front matter `id` still wins. Optional.
  std::string deck_id;
  /// Level of question headings (1-6). 0: decide per heading (docs/format.md#questions).
  /// Front matter `question-level` wins over this.
  int question_level = 0;
  /// false: leave out what only a reader of the cards needs, which is faster. title_html,
  /// prompt_html, answer_html, explanation_html, the options' html and answer_markdown are
  /// then empty; ids, titles, kinds, options, positions, links, images and diagnostics are the
  /// same. For callers that need only the deck's structure (`notequiz check`).
  bool card_content = true;
  /// false: cards without a pinned id (`{#id}` in the heading) get an empty id instead of the
  /// one derived from their title, which saves hashing every title. Pinned ids, and the
  /// duplicate-id diagnostics about them, are the same. For callers that never read the cards'
  /// ids (`notequiz check`).
  bool card_ids = true;
};

struct parse_result {
  notequiz::deck deck;
  std::vector<diagnostic> diagnostics;
};

/// Parses notes. Accepts any bytes: invalid UTF-8 is replaced by U+FFFD (and reported), a BOM
/// and CRLF line endings are understood. Never throws; problems become diagnostics.
parse_result parse_notes(std::string_view markdown, const parse_options& options = {});

namespace detail {
/// parse_notes for text whose byte after the end is a readable NUL (a std::string's).
parse_result parse_terminated_notes(std::string_view markdown, const parse_options& options);
}  // namespace detail

/// The same for a std::string: its terminating NUL is the guard md4c needs after the text (see
/// docs/hardening.md), so the notes are parsed where they are, not copied first. A template,
/// so that it is chosen for std::string only: other arguments still convert to string_view.
template <typename String, typename = std::enable_if_t<std::is_same_v<String, std::string>>>
parse_result parse_notes(const String& markdown, const parse_options& options = {}) {
  return detail::parse_terminated_notes(markdown, options);
}

/// The normalized form of a question title used for card ids and duplicate detection:
/// whitespace collapsed to one space, trimmed, a trailing `?` or `？` removed.
std::string normalize_title(std::string_view title);

}  // namespace notequiz
