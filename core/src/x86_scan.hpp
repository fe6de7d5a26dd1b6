#pragma once
// The byte loops of text.cpp on x86 vectors: UTF-8 validation (with the line starts found in
// the same pass) and the search for bytes to escape. Notes are validated before md4c sees
// them and most of their text is escaped once into card HTML, so these loops run over every
// byte. SSE2 (every x86-64 has it), or AVX2 where the CPU has it, asked once. Other targets
// use text.cpp's eight-bytes-at-a-time code.

#include <cstddef>
#include <string_view>
#include <vector>

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define NOTEQUIZ_X86_SCAN 1
#endif

#if defined(NOTEQUIZ_X86_SCAN)

namespace notequiz::detail::x86 {

enum class vectors { sse2, avx2 };

// AVX2 if this CPU (and its operating system) has it, else SSE2.
vectors widest() noexcept;

// Whether `text` is valid UTF-8 without NUL bytes. With `starts`, the same pass appends the
// offset after each newline, in order (one at the very end of the text included).
bool valid_utf8(std::string_view text, std::vector<std::size_t>* starts);

// The first byte at or after `from` that append_escaped replaces (& < > " '), or `n`.
// `n` is at least 16: the last 16 bytes are read again for the tail.
std::size_t next_escaped(const char* p, std::size_t from, std::size_t n) noexcept;

// The same with the vectors given (tests try both).
bool valid_utf8(std::string_view text, std::vector<std::size_t>* starts, vectors use);
std::size_t next_escaped(const char* p, std::size_t from, std::size_t n, vectors use) noexcept;

}  // namespace notequiz::detail::x86

#endif
