#pragma once
// Cards whose content is rendered when it is first asked for (docs/progress.md#decks-kept-open).
// The notes are parsed for their structure and the titles' HTML only; a card's HTML comes later
// from a parse of a few lines around the card, which gives what a parse of the whole notes
// gives (the argument is in lazy_content.cpp). Where that cannot be shown, the whole notes are
// parsed: when they are opened, or when such a card is first asked for.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "notequiz/parse.hpp"

namespace notequiz::detail {

class lazy_content {
 public:
  // Parses notes as parse_notes(markdown, options) does (whose card_content is ignored). The
  // cards have every field but their content; they have that too when lazy() is false.
  parse_result open(std::string_view markdown, const parse_options& options);

  // Whether cards' content is left to fill(): false when open() rendered it all, or once a card
  // had to be rendered with the whole notes (every card was, then).
  bool lazy() const noexcept { return lazy_; }

  // Gives card `index` of `d`, the deck open() returned, its content, unless it has it.
  void fill(deck& d, std::size_t index);

 private:
  // The lines a card is rendered from (lazy_content.cpp says which), and its answer's markdown.
  struct piece {
    std::size_t begin = 0, end = 0;                 // bytes of text_
    std::size_t answer_begin = 0, answer_size = 0;  // bytes of text_
    std::uint32_t line = 0;  // the card's heading's line, counted from `begin`
    int level = 0;           // its level
    bool alone = false;      // false: the card is rendered with the whole notes
    bool filled = false;
  };

  void fill_all(deck& d);

  bool lazy_ = false;
  int question_level_ = 0;
  std::string text_;  // the notes as parsed: without a BOM, valid UTF-8
  std::vector<piece> pieces_;  // one per card
};

}  // namespace notequiz::detail
