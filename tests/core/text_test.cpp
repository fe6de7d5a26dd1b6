// Byte-level text helpers (core/src/text.cpp): their word-at-a-time fast paths agree with the
// plain byte-by-byte definitions, wherever the interesting bytes fall in a word.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "text.hpp"

using notequiz::detail::append_escaped;
using notequiz::detail::collapse_whitespace;
using notequiz::detail::collapse_whitespace_in_place;
using notequiz::detail::find_invalid_utf8;
using notequiz::detail::is_valid_utf8_without_nul;
using notequiz::detail::line_table;
using notequiz::detail::valid_utf8_line_starts;

namespace {

// The first invalid UTF-8 byte by decoding code points (RFC 3629): no overlong forms, no
// surrogates, nothing above U+10FFFF.
std::size_t first_invalid_by_decoding(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > text.size()) return i;
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (b & 0x3F);
    }
    const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string escaped_byte_by_byte(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Notes-like bytes: ASCII words and whitespace, CJK, the five escaped characters, and the
// sequences UTF-8 forbids or restricts (overlong, surrogate, truncated, stray continuation).
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const char* const parts[] = {
      "a",          "word ",        " ",            "\t",           "\n",           "\r\n",       "\v",     "\f",
      "&",          "<",            ">",            "\"",           "'",            "中",         "文字",   "？",
      "\xC3\xA9",   "\xF0\x9F\x98\x80", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEF\xBF\xBD", "\xE0\x80\x80", "\xED\xA0\x80",
      "\xC0\xAF",   "\x80",         "\xE4\xB8",     "\xF4\x90\x80\x80", "\xFF",     "\xE4",       "0123456789",
  };
  std::uniform_int_distribution<std::size_t> pick(0, std::size(parts) - 1);
  std::string out;
  for (std::size_t i = 0; i < pieces; ++i) out += parts[pick(rng)];
  return out;
}

}  // namespace

TEST(TextEscaping, EscapesTheFiveCharactersWhereverTheyFallInAWord) {
  for (std::size_t at = 0; at < 24; ++at) {
    for (char special : std::string("&<>\"'")) {
      std::string text(24, 'x');
      text[at] = special;
      std::string out = "kept:";
      append_escaped(out, text);
      EXPECT_EQ(out, "kept:" + escaped_byte_by_byte(text)) << "at " << at;
    }
  }
}

TEST(TextEscaping, AgreesWithTheByteByByteDefinitionOnNotesLikeText) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng, round % 40);
    std::string out;
    append_escaped(out, text);
    ASSERT_EQ(out, escaped_byte_by_byte(text)) << text;
  }
}

TEST(TextUtf8, FindsTheFirstInvalidByteInsideRunsOfCjkText) {
  const std::string cjk = "中文字符串很长的一段";  // three-byte sequences only
  EXPECT_EQ(find_invalid_utf8(cjk + cjk), std::string_view::npos);
  for (const std::string bad : {"\xED\xA0\x80", "\xE0\x80\x80", "\xE4\xB8", "\x80", "\xE4\x41\x80", "\xFF"}) {
    for (std::size_t cut = 0; cut <= cjk.size(); cut += 3) {
      const std::string text = cjk.substr(0, cut) + bad + cjk;
      EXPECT_EQ(find_invalid_utf8(text), cut) << "after " << cut << " bytes";
    }
  }
  EXPECT_EQ(find_invalid_utf8(cjk + "\xE4\xB8"), cjk.size());  // cut off at the end
  EXPECT_EQ(find_invalid_utf8("\xE0\xA0\x80\xED\x9F\xBF" + cjk), std::string_view::npos);  // E0, ED at their bounds
}

TEST(TextUtf8, AgreesWithDecodingOnNotesLikeText) {
  std::mt19937 rng(11);
  for (int round = 0; round < 5000; ++round) {
    const std::string text = random_text(rng, round % 30);
    ASSERT_EQ(find_invalid_utf8(text), first_invalid_by_decoding(text)) << text;
  }
}

TEST(TextUtf8, FindsTheLinesOfValidTextInTheSamePass) {
  std::mt19937 rng(17);
  for (int round = 0; round < 5000; ++round) {
    const std::string text = random_text(rng, round % 30);
    std::vector<std::size_t> starts;
    const bool valid = valid_utf8_line_starts(text, starts);
    ASSERT_EQ(valid, is_valid_utf8_without_nul(text)) << text;
    if (!valid) continue;
    const line_table expected(text);
    const line_table lines(text, starts);
    ASSERT_EQ(lines.line_count(), expected.line_count()) << text;
    for (std::uint32_t n = 1; n <= lines.line_count(); ++n) ASSERT_EQ(lines.line_start(n), expected.line_start(n)) << text;
  }
  for (std::size_t at = 0; at < 20; ++at) {  // a newline at every place in a word, before ASCII and CJK
    for (const std::string after : {"x", "中", ""}) {
      const std::string text = std::string(at, 'a') + "\n" + after + std::string(9, 'b');
      std::vector<std::size_t> starts;
      ASSERT_TRUE(valid_utf8_line_starts(text, starts)) << at;
      const line_table lines(text, starts);
      ASSERT_EQ(lines.line_count(), 2u) << at;
      EXPECT_EQ(lines.line_start(2), at + 1) << at;
    }
  }
  std::vector<std::size_t> starts;
  EXPECT_FALSE(valid_utf8_line_starts(std::string("a\nb\0c", 5), starts));
}

TEST(TextUtf8, FindsTheSameLinesIntoAVectorUsedBefore) {
  std::mt19937 rng(19);
  std::vector<std::size_t> reused;
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng, round % 30);
    std::vector<std::size_t> fresh;
    const bool valid = valid_utf8_line_starts(text, fresh);
    ASSERT_EQ(valid_utf8_line_starts(text, reused), valid) << text;
    if (valid) {
      ASSERT_EQ(reused, fresh) << text;
    }
  }
  reused.assign(100, 7);
  ASSERT_TRUE(valid_utf8_line_starts("a\nb\n", reused));
  EXPECT_EQ(reused, (std::vector<std::size_t>{0, 2}));
  EXPECT_FALSE(valid_utf8_line_starts(std::string("a\nb\0c", 5), reused));
}

TEST(TextWhitespace, CollapsesInPlaceExactlyAsACopyDoes) {
  std::mt19937 rng(13);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng, round % 20);
    std::string in_place = text;
    collapse_whitespace_in_place(in_place);
    ASSERT_EQ(in_place, collapse_whitespace(text)) << text;
  }
  std::string text = "  a \t\n b  ";
  collapse_whitespace_in_place(text);
  EXPECT_EQ(text, "a b");
  for (std::size_t at = 0; at + 1 < 24; ++at) {  // whitespace at every place in a word, after single spaces
    for (const std::string ws : {" ", "  ", "\t", "\n ", "\x01"}) {
      std::string words = "ab cd ef gh ij kl mn op";
      const std::string expected = collapse_whitespace(words.replace(at, 1, ws));
      collapse_whitespace_in_place(words);
      ASSERT_EQ(words, expected) << at;
    }
  }
}
