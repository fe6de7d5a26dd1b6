// snprintf for the WebAssembly module: the integer and text conversions only.
//
// nlohmann calls snprintf for the \u escapes of control characters it writes ("\\u%04x") and for
// the token in a parse error ("<U+%.4X>"); nothing else in the module calls it, and nothing
// formats a float with it (nlohmann writes doubles with its own to_chars). musl's snprintf is
// 4.7 KB of code with a FILE stream behind it and, once a float formatter is linked, 1.8 KB more
// (gzip-compressed). format_integers (integer_format.cpp) does what these calls need in under a
// third of that; tests/wasm_libc/integer_format_test.cpp compares it with the C library's snprintf.
// A conversion it does not have stops the module (abort), so none can be written wrongly.
#include <cstdarg>
#include <cstddef>
#include <cstdlib>

#include "integer_format.hpp"

extern "C" int snprintf(char* buffer, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int written = notequiz::wasm::format_integers(buffer, size, format, args);
  va_end(args);
  if (written == notequiz::wasm::unsupported) std::abort();
  return written;
}
