#pragma once
// printf's integer and text conversions, for the WebAssembly module's snprintf (snprintf.cpp).

#include <cstdarg>
#include <cstddef>

namespace notequiz::wasm {

/// vsnprintf for the conversions d i u o x X c s and %%, with the flags - 0 + space #, a width
/// and a precision (digits or *), and the length modifiers hh h l ll j z t. The result is what
/// vsnprintf returns: the length of the whole output, of which at most size - 1 bytes are kept
/// in buffer, followed by a terminating zero when size > 0; -1 when that length is over INT_MAX.
/// A conversion it does not have (a float's, %n, %p, ...) stops it: it returns `unsupported`.
constexpr int unsupported = -2;
int format_integers(char* buffer, std::size_t size, const char* format, std::va_list args) noexcept;

}  // namespace notequiz::wasm
