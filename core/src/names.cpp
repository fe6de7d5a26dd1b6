#include "notequiz/deck.hpp"
#include "notequiz/diagnostic.hpp"
#include "notequiz/version.hpp"

namespace notequiz {

const char* to_string(severity s) noexcept {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "info";
  }
  return "error";
}

const char* to_string(card_kind k) noexcept {
  switch (k) {
    case card_kind::flashcard: return "flashcard";
    case card_kind::single_choice: return "single_choice";
    case card_kind::multiple_choice: return "multiple_choice";
  }
  return "flashcard";
}

const char* version() noexcept { return NOTEQUIZ_VERSION; }

}  // namespace notequiz
