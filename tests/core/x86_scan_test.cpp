// Byte loops on x86 vectors (core/src/x86_scan.cpp), with SSE2 and, where this CPU has it,
// AVX2. UTF-8 validation says what the portable byte-level code (text.cpp's
// find_invalid_utf8, checked against decoding in text_test.cpp) says and finds the same
// lines, wherever a sequence falls in its 64-byte blocks and 1 KiB stretches; the search for
// bytes to escape finds each of them wherever it falls.
#include <gtest/gtest.h>

#include "x86_scan.hpp"

#if defined(NOTEQUIZ_X86_SCAN)

#include <random>
#include <string>
#include <vector>

#include "text.hpp"

using notequiz::detail::find_invalid_utf8;
namespace x86 = notequiz::detail::x86;

namespace {

// The vectors this CPU can run: SSE2, and AVX2 where it has it.
std::vector<x86::vectors> all_widths() {
  std::vector<x86::vectors> all{x86::vectors::sse2};
  if (x86::widest() == x86::vectors::avx2) all.push_back(x86::vectors::avx2);
  return all;
}

const char* name(x86::vectors w) { return w == x86::vectors::avx2 ? "AVX2" : "SSE2"; }

bool valid_by_bytes(std::string_view text) {
  return find_invalid_utf8(text) == std::string_view::npos && text.find('\0') == std::string_view::npos;
}

// Where lines start after each newline, by searching for them (one at the very end after a
// final newline included, as valid_utf8 reports it).
std::vector<std::size_t> starts_by_search(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) starts.push_back(i + 1);
  return starts;
}

// Valid sequences, and the kinds of invalid ones; rare bytes (E0, ED, F0, F4, C0, C1, F5-FF,
// NUL) among both.
const char* const valid_pieces[] = {"a", " ", "\n", "\r\n", "é", "中", "文字", "？", "😀", "\xE0\xA0\x80", "\xED\x9F\xBF",
                                    "\xEF\xBF\xBD", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xC2\x80", "\xDF\xBF"};
const char* const invalid_pieces[] = {"\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x80\x80\x80",
                                      "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xC0\xAF", "\xC1\xBF", "\xF5\x80\x80\x80",
                                      "\xFF", "\x80", "\xBF", "\xE4\xB8", "\xF0\x9F\x98", "\xE4\x41\x80"};

}  // namespace

TEST(X86Scan, ValidatesAsTheByteLevelCheckDoesWhereverASequenceFalls) {
  const std::string tail = "bc\n中文\nxyz";
  for (const x86::vectors w : all_widths()) {
    for (std::size_t at = 0; at < 140; ++at) {
      const std::string pad(at, 'a');
      for (const char* piece : valid_pieces) {
        const std::string text = pad + piece + tail;
        std::vector<std::size_t> starts;
        ASSERT_TRUE(x86::valid_utf8(text, &starts, w)) << name(w) << " " << at << " " << piece;
        EXPECT_EQ(starts, starts_by_search(text)) << name(w) << " " << at << " " << piece;
      }
      for (const char* piece : invalid_pieces) {
        EXPECT_FALSE(x86::valid_utf8(pad + piece + tail, nullptr, w)) << name(w) << " " << at << " " << piece;
        EXPECT_FALSE(x86::valid_utf8(pad + piece, nullptr, w)) << name(w) << " " << at << " " << piece << " at the end";
      }
      EXPECT_FALSE(x86::valid_utf8(pad + std::string(1, '\0') + tail, nullptr, w)) << name(w) << " " << at;
    }
  }
}

TEST(X86Scan, ChecksTheByteAfterARareLeadAcrossStretches) {
  // A stretch is 1 KiB: a lead whose next byte has a narrower range ends one, its next byte
  // starts the next, which holds nothing else rare.
  const std::string rest(1200, 'x');
  for (const x86::vectors w : all_widths()) {
    for (std::size_t before = 1014; before < 1030; ++before) {
      const std::string pad(before, 'a');
      EXPECT_TRUE(x86::valid_utf8(pad + "\xE0\xA0\x80" + rest, nullptr, w)) << name(w) << " " << before;
      EXPECT_FALSE(x86::valid_utf8(pad + "\xE0\x80\x80" + rest, nullptr, w)) << name(w) << " " << before;
      EXPECT_FALSE(x86::valid_utf8(pad + "\xED\xA0\x80" + rest, nullptr, w)) << name(w) << " " << before;
      EXPECT_FALSE(x86::valid_utf8(pad + "\xF4\x90\x80\x80" + rest, nullptr, w)) << name(w) << " " << before;
      EXPECT_TRUE(x86::valid_utf8(pad + "\xF0\x9F\x98\x80" + rest, nullptr, w)) << name(w) << " " << before;
    }
  }
}

TEST(X86Scan, FindsEveryLineOfLongNotesLikeText) {
  std::mt19937 rng(23);
  std::uniform_int_distribution<std::size_t> valid(0, std::size(valid_pieces) - 1), invalid(0, std::size(invalid_pieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t pieces = 1 + rng() % 1500;
    for (std::size_t i = 0; i < pieces; ++i) text += valid_pieces[valid(rng)];
    if (round % 3 == 0) text.insert(rng() % (text.size() + 1), invalid_pieces[invalid(rng)]);
    for (const x86::vectors w : all_widths()) {
      std::vector<std::size_t> starts;
      const bool ok = x86::valid_utf8(text, &starts, w);
      ASSERT_EQ(ok, valid_by_bytes(text)) << name(w) << " " << round;
      if (ok) {
        ASSERT_EQ(starts, starts_by_search(text)) << name(w) << " " << round;
      }
    }
  }
}

TEST(X86Scan, TakesEmptyTextAndBlocksOfNewlinesOnly) {
  const std::string newlines(3000, '\n');  // more newlines in a block than it takes in one go
  for (const x86::vectors w : all_widths()) {
    std::vector<std::size_t> starts;
    EXPECT_TRUE(x86::valid_utf8("", &starts, w));
    EXPECT_TRUE(starts.empty());
    EXPECT_TRUE(x86::valid_utf8(newlines, &starts, w));
    EXPECT_EQ(starts, starts_by_search(newlines));
  }
}

TEST(X86Scan, FindsEachByteToEscapeWhereverItFalls) {
  for (const x86::vectors w : all_widths()) {
    for (std::size_t n = 16; n < 140; n += 7) {
      for (std::size_t at = 0; at < n; ++at) {
        for (const char special : std::string("&<>\"'")) {
          std::string text(n, 'x');
          text[at] = special;
          for (std::size_t from = 0; from <= at; from += 5) {
            EXPECT_EQ(x86::next_escaped(text.data(), from, n, w), at) << name(w) << " " << n << " " << at << " " << from;
          }
          EXPECT_EQ(x86::next_escaped(text.data(), at + 1, n, w), n) << name(w) << " " << n << " " << at;
        }
      }
      const std::string plain(n, '=');  // 0x3D: next to < and > but not them
      EXPECT_EQ(x86::next_escaped(plain.data(), 0, n, w), n) << name(w) << " " << n;
    }
  }
}

#endif
