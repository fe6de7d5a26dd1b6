#include <notequiz/notequiz.hpp>

#include <cstdio>

int main() {
  const auto result = notequiz::parse_notes("## What is notequiz?\n\nQuizzes from notes.\n");
  if (result.deck.cards.size() != 1 || result.deck.cards[0].answer_html != "<p>Quizzes from notes.</p>\n") return 1;
  std::printf("consumer parsed %zu card with notequiz %s\n", result.deck.cards.size(), notequiz::version());
  return 0;
}
