#pragma once
// The text parse_notes actually parsed, and its line scan, kept for the checker: it reads the
// same lines, so it need not validate and scan the note a second time.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "line_scanner.hpp"
#include "notequiz/parse.hpp"

namespace notequiz::detail {

// A top-level heading of the notes' body, as md4c reported it.
struct heading_place {
  std::uint32_t line = 0;  // the line of its first text; for a heading without text, a guess
  int level = 0;           // 1-6
  bool located = false;    // it has text: `line` is where md4c put it
  bool question = false;   // it starts a card of the deck
};

struct parsed_text {
  std::string_view text;  // the note without its BOM, valid UTF-8 (points into `valid` or the input)
  bool own_bytes = true;  // false when `text` is not the input's bytes (invalid UTF-8 replaced, too large)
  std::string valid;      // the copy md4c parsed (invalid UTF-8 and NUL bytes replaced, if any)
  std::optional<line_scanner> scanner;  // `text`'s lines
  line_scanner_memory spare;            // memory for `scanner` to reuse (a caller's, from an earlier note)
  std::vector<heading_place> headings;  // in order
};

// How parse_notes is asked to parse by callers inside the core, beyond parse_options.
struct parse_extras {
  // markdown.data()[markdown.size()] is a readable NUL, so md4c may parse the bytes where they are.
  bool nul_terminated = false;
  // The cards' title_html even when options.card_content is false.
  bool title_html = false;
  // false: the cards' code_languages are left empty (the checker reads fences from the line
  // scan; a note has a fence every few lines, and each made a string and grew a vector).
  bool code_languages = true;
};

// parse_notes, also filling `out` (which must outlive nothing but its own use: `text` may
// point into `markdown`).
parse_result parse_notes(std::string_view markdown, const parse_options& options, parsed_text& out,
                         const parse_extras& extras = {});

// The card whose heading's first text is on line `line` of `lines`, parsed as notes with
// question level `level` and without front matter; with its content, without an id. `lines`
// must be valid UTF-8 without a BOM. nullopt when no card starts on that line.
std::optional<card> parse_card(const std::string& lines, int level, std::uint32_t line);

// A card's answer_markdown: the lines `position` gives, from `text` (whose lines are `lines`).
std::string_view answer_markdown(std::string_view text, const line_table& lines, const source_position& position);

}  // namespace notequiz::detail
