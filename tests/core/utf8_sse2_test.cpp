// UTF-8 validation with SSE2 (core/src/utf8_sse2.cpp): it says what the portable byte-level
// code (text.cpp's find_invalid_utf8, checked against decoding in text_test.cpp) says, and
// finds the same lines, wherever a sequence falls in its 64-byte blocks and 1 KiB stretches.
#include <gtest/gtest.h>

#if defined(__SSE2__)

#include <random>
#include <string>
#include <vector>

#include "text.hpp"
#include "utf8_sse2.hpp"

using notequiz::detail::find_invalid_utf8;
using notequiz::detail::line_table;
namespace sse2 = notequiz::detail::sse2;

namespace {

bool valid_by_bytes(std::string_view text) {
  return find_invalid_utf8(text) == std::string_view::npos && text.find('\0') == std::string_view::npos;
}

// The line starts line_table finds with its own search for newlines, plus one at the very
// end after a final newline (valid_utf8 reports that one too).
std::vector<std::size_t> starts_by_search(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) starts.push_back(i + 1);
  return starts;
}

// Valid sequences and the kinds of invalid ones, rare bytes (E0, ED, F0, F4, C0, C1, F5-FF,
// NUL) among them.
const char* const valid_pieces[] = {"a", " ", "\n", "\r\n", "é", "中", "文字", "？", "😀", "\xE0\xA0\x80", "\xED\x9F\xBF",
                                    "\xEF\xBF\xBD", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xC2\x80", "\xDF\xBF"};
const char* const invalid_pieces[] = {"\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x80\x80\x80",
                                      "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xC0\xAF", "\xC1\xBF", "\xF5\x80\x80\x80",
                                      "\xFF", "\x80", "\xBF", "\xE4\xB8", "\xF0\x9F\x98", "\xE4\x41\x80"};

}  // namespace

TEST(Utf8Sse2, AgreesWithTheByteLevelCheckWhereverASequenceFalls) {
  const std::string tail = "bc\n中文\nxyz";
  for (std::size_t at = 0; at < 140; ++at) {
    for (const char* piece : valid_pieces) {
      const std::string text = std::string(at, 'a') + piece + tail;
      std::vector<std::size_t> starts;
      ASSERT_TRUE(sse2::valid_utf8(text, &starts)) << at << " " << piece;
      EXPECT_EQ(starts, starts_by_search(text)) << at << " " << piece;
    }
    for (const char* piece : invalid_pieces) {
      const std::string text = std::string(at, 'a') + piece + tail;
      EXPECT_FALSE(sse2::valid_utf8(text, nullptr)) << at << " " << piece;
      EXPECT_FALSE(sse2::valid_utf8(std::string(at, 'a') + piece, nullptr)) << at << " " << piece << " at the end";
    }
    EXPECT_FALSE(sse2::valid_utf8(std::string(at, 'a') + std::string(1, '\0') + tail, nullptr)) << at;
  }
}

TEST(Utf8Sse2, ChecksTheByteAfterARareLeadAcrossStretches) {
  // A stretch is 1 KiB: a lead whose next byte has a narrower range ends one, its next byte
  // starts the next, which holds nothing else rare.
  const std::string rest(1200, 'x');
  for (std::size_t before = 1014; before < 1030; ++before) {
    const std::string pad(before, 'a');
    EXPECT_TRUE(sse2::valid_utf8(pad + "\xE0\xA0\x80" + rest, nullptr)) << before;
    EXPECT_FALSE(sse2::valid_utf8(pad + "\xE0\x80\x80" + rest, nullptr)) << before;
    EXPECT_FALSE(sse2::valid_utf8(pad + "\xED\xA0\x80" + rest, nullptr)) << before;
    EXPECT_FALSE(sse2::valid_utf8(pad + "\xF4\x90\x80\x80" + rest, nullptr)) << before;
    EXPECT_TRUE(sse2::valid_utf8(pad + "\xF0\x9F\x98\x80" + rest, nullptr)) << before;
  }
}

TEST(Utf8Sse2, FindsEveryLineOfLongNotesLikeText) {
  std::mt19937 rng(23);
  std::uniform_int_distribution<std::size_t> valid(0, std::size(valid_pieces) - 1), invalid(0, std::size(invalid_pieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t pieces = 1 + rng() % 1500;
    for (std::size_t i = 0; i < pieces; ++i) text += valid_pieces[valid(rng)];
    if (round % 3 == 0) text.insert(rng() % (text.size() + 1), invalid_pieces[invalid(rng)]);
    std::vector<std::size_t> starts;
    const bool ok = sse2::valid_utf8(text, &starts);
    ASSERT_EQ(ok, valid_by_bytes(text)) << round;
    if (ok) {
      ASSERT_EQ(starts, starts_by_search(text)) << round;
    }
  }
}

TEST(Utf8Sse2, TakesEmptyTextAndLinesOfManyNewlines) {
  std::vector<std::size_t> starts;
  EXPECT_TRUE(sse2::valid_utf8("", &starts));
  EXPECT_TRUE(starts.empty());
  const std::string newlines(3000, '\n');  // more newlines in a block than it takes in one go
  EXPECT_TRUE(sse2::valid_utf8(newlines, &starts));
  EXPECT_EQ(starts, starts_by_search(newlines));
}

#endif
