#pragma once
// The key a question is known by across the files of a corpus (duplicate-question): a 64-bit
// hash of its normalized title. Only ever compared with keys made by the same build, never
// stored, so it is free to read eight bytes at a time, in the machine's byte order: every
// question of every note is hashed, and FNV-1a's multiply per byte was most of that rule's time.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace notequiz::detail {

inline std::uint64_t title_key(std::string_view title) noexcept {
  constexpr std::uint64_t length_factor = 0x9E3779B97F4A7C15ull;  // odd: lengths stay apart
  constexpr std::uint64_t word_factor = 0xBF58476D1CE4E5B9ull;
  constexpr std::uint64_t final_factor = 0x94D049BB133111EBull;
  // Each step, for a given key so far, maps a word to a key one to one (xor, multiply by an
  // odd number, xor-shift), so titles of one length that differ in a single word never share
  // a key; titles of different lengths start from different keys.
  std::uint64_t key = title.size() * length_factor;
  const auto mix_in = [&key](std::uint64_t word) {
    key = (key ^ word) * word_factor;
    key ^= key >> 29;
  };
  std::size_t at = 0;
  for (; at + 8 <= title.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, title.data() + at, sizeof word);
    mix_in(word);
  }
  if (at < title.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, title.data() + at, title.size() - at);
    mix_in(word);
  }
  key ^= key >> 32;
  key *= final_factor;
  return key ^ (key >> 29);
}

}  // namespace notequiz::detail
