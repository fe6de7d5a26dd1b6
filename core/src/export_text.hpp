#pragma once
// Text shared by the export pages and files: the few words they show, in the deck's language.

#include <string>
#include <string_view>

namespace notequiz::detail {

struct page_strings {
  const char* lang;
  const char* missing_image;
  const char* no_answer;
  const char* all_decks;
  const char* one_card;
  const char* card_count;  // "%zu" is replaced by the number
  const char* questions;
  const char* sections;
  const char* embed_title;
  const char* embed_help;
  const char* copy;
};

// The strings for a deck's `lang` (`zh…` gives Chinese, anything else English).
const page_strings& strings_for(std::string_view lang) noexcept;

// `text` with the five entities append_escaped writes turned back into characters.
std::string unescape_html(std::string_view text);

// "1 card", "27 cards", "27 张卡片".
std::string card_count(const page_strings& text, std::size_t count);

}  // namespace notequiz::detail
