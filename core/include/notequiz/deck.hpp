#pragma once
/// The quiz model: a deck of cards parsed from one notes file.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace notequiz {

enum class card_kind : std::uint8_t { flashcard, single_choice, multiple_choice };

/// "flashcard", "single_choice" or "multiple_choice".
const char* to_string(card_kind k) noexcept;

/// One option of a choice question (a task-list item).
struct choice_option {
  std::string html;  ///< sanitized HTML of the item, without its checkbox
  bool correct = false;
};

/// A URL as the note wrote it, with the place it was written (line 0 when unknown,
/// e.g. for decks read back from JSON).
struct reference {
  std::string url;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// Where a card came from in its note. Lines are 1-based; an empty answer has
/// answer_end_line < answer_start_line.
struct source_position {
  std::uint32_t line = 0;    ///< the question heading's first line
  std::uint32_t column = 0;  ///< the column of its first `#` (or first character, for setext headings)
  std::uint32_t answer_start_line = 0;
  std::uint32_t answer_end_line = 0;
};

struct card {
  std::string id;                         ///< stable: see docs/format.md#card-ids
  bool pinned_id = false;                 ///< the id came from `{#id}` in the heading
  std::string title;                      ///< plain text, whitespace collapsed
  std::string title_html;                 ///< sanitized inline HTML of the heading
  std::vector<std::string> section_path;  ///< titles of the enclosing section headings, outermost first
  card_kind kind = card_kind::flashcard;
  std::string prompt_html;       ///< choice questions: the blocks before the options
  std::string answer_html;       ///< the whole answer, sanitized
  std::vector<choice_option> options;
  std::string explanation_html;  ///< choice questions: the blocks after the options
  std::vector<reference> images;          ///< image URLs as written, in order
  std::vector<reference> links;           ///< link URLs as written, in order
  std::vector<std::string> code_languages;  ///< fence info words, distinct, in order of first use
  std::string answer_markdown;            ///< the answer's source lines, verbatim
  source_position position;
};

struct deck {
  std::string id;
  std::string title;
  std::string lang;
  std::vector<std::string> tags;
  std::string source;  ///< the notes' path as given to the parser (may be empty)
  /// Front matter keys notequiz does not interpret, kept in order.
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<card> cards;
};

}  // namespace notequiz
