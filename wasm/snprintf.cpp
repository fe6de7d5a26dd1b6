// snprintf for the WebAssembly module: musl's formatting without its floating-point half.
//
// nlohmann calls snprintf for the \u escapes of control characters it writes ("\\u%04x") and for
// the token in a parse error ("<U+%.4X>"); nothing in the module formats a float with it (nlohmann
// writes doubles with its own to_chars). musl's snprintf still links fmt_fp, the %e/%f/%g/%a
// formatter: 1.8 KB of the module, gzip-compressed. emscripten's libc has the integer-only
// formatter as vfiprintf (newlib's name). Its vsniprintf would be the direct path, but in 3.1.6
// it loses track of the buffer once the output is longer than the space given, so the output
// goes through a cookie stream that keeps what fits and counts the rest, as snprintf does.
// A float conversion here would call the missing formatter, a null function: the module traps.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE  // fopencookie
#endif
#include <cerrno>
#include <climits>
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <sys/types.h>

extern "C" int vfiprintf(FILE* stream, const char* format, va_list args);

namespace {

struct bounded_text {
  char* next;
  std::size_t room;  // bytes left before the terminating zero
};

ssize_t keep_what_fits(void* cookie, const char* bytes, std::size_t size) {
  auto* out = static_cast<bounded_text*>(cookie);
  const std::size_t kept = size < out->room ? size : out->room;
  if (kept) std::memcpy(out->next, bytes, kept);  // the final flush passes no bytes at all
  out->next += kept;
  out->room -= kept;
  return static_cast<ssize_t>(size);  // the rest is dropped, not failed: snprintf counts it
}

}  // namespace

extern "C" int snprintf(char* buffer, std::size_t size, const char* format, ...) {
  if (size > INT_MAX) {
    errno = EOVERFLOW;
    return -1;
  }
  // One stream for every call, pointed at this call's buffer. Unbuffered, vfiprintf hands over
  // all of its output before it returns, so the stream never needs fflush or fclose (which would
  // bring stdout's and stderr's writers, and their JS imports, into the module).
  static bounded_text out;
  static FILE* const stream = [] {
    FILE* s = fopencookie(&out, "w", cookie_io_functions_t{nullptr, keep_what_fits, nullptr, nullptr});
    if (s) std::setvbuf(s, nullptr, _IONBF, 0);
    return s;
  }();
  if (!stream) return -1;
  out = bounded_text{buffer, size ? size - 1 : 0};
  va_list args;
  va_start(args, format);
  const int written = vfiprintf(stream, format, args);
  va_end(args);
  if (size) *out.next = '\0';
  return written;
}
