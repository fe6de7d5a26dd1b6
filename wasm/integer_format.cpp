// The integer half of printf (see integer_format.hpp). Each conversion is built in a small
// buffer, then the field is written through one bounded output that counts what does not fit.

#include "integer_format.hpp"

#include <climits>
#include <cstdint>
#include <cstring>

namespace notequiz::wasm {
namespace {

class bounded_output {
 public:
  bounded_output(char* buffer, std::size_t size) noexcept
      : next_(buffer), room_(size ? size - 1 : 0), has_buffer_(size > 0) {}

  void put(const char* bytes, std::size_t n) noexcept {
    const std::size_t kept = n < room_ ? n : room_;
    if (kept) std::memcpy(next_, bytes, kept);
    next_ += kept;
    room_ -= kept;
    length_ += n;
  }
  void repeat(char c, std::size_t n) noexcept {
    for (; n; --n) put(&c, 1);
  }
  // The length of the whole output, or -1 when it does not fit in an int.
  int finish() noexcept {
    if (has_buffer_) *next_ = '\0';
    return length_ > static_cast<std::size_t>(INT_MAX) ? -1 : static_cast<int>(length_);
  }

 private:
  char* next_;
  std::size_t room_;  // bytes left before the terminating zero
  bool has_buffer_;
  std::size_t length_ = 0;
};

struct spec {
  bool left = false;   // -
  bool zero = false;   // 0
  bool plus = false;   // +
  bool space = false;  // ' '
  bool alt = false;    // #
  std::size_t width = 0;
  int precision = -1;  // none
};

enum class length { none, hh, h, l, ll, j, z, t };

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::size_t read_number(const char*& p) noexcept {
  std::size_t n = 0;
  for (; is_digit(*p); ++p) n = n < 100000 ? n * 10 + static_cast<std::size_t>(*p - '0') : n;
  return n;
}

std::uintmax_t unsigned_arg(length len, std::va_list& args) noexcept {
  switch (len) {
    case length::hh: return static_cast<unsigned char>(va_arg(args, unsigned));
    case length::h: return static_cast<unsigned short>(va_arg(args, unsigned));
    case length::l: return va_arg(args, unsigned long);
    case length::ll: return va_arg(args, unsigned long long);
    case length::j: return va_arg(args, std::uintmax_t);
    case length::z: return va_arg(args, std::size_t);
    case length::t: return static_cast<std::uintmax_t>(va_arg(args, std::ptrdiff_t));
    case length::none: break;
  }
  return va_arg(args, unsigned);
}

std::intmax_t signed_arg(length len, std::va_list& args) noexcept {
  switch (len) {
    case length::hh: return static_cast<signed char>(va_arg(args, int));
    case length::h: return static_cast<short>(va_arg(args, int));
    case length::l: return va_arg(args, long);
    case length::ll: return va_arg(args, long long);
    case length::j: return va_arg(args, std::intmax_t);
    case length::z: return static_cast<std::intmax_t>(va_arg(args, std::size_t));
    case length::t: return va_arg(args, std::ptrdiff_t);
    case length::none: break;
  }
  return va_arg(args, int);
}

// One field: sign or prefix, then zeros, then the digits or text, padded to the width.
void put_field(bounded_output& out, const spec& s, const char* prefix, std::size_t prefix_size,
               std::size_t zeros, const char* body, std::size_t body_size) noexcept {
  const std::size_t used = prefix_size + zeros + body_size;
  const std::size_t pad = s.width > used ? s.width - used : 0;
  if (!s.left && !s.zero) out.repeat(' ', pad);
  out.put(prefix, prefix_size);
  if (!s.left && s.zero) out.repeat('0', pad);
  out.repeat('0', zeros);
  out.put(body, body_size);
  if (s.left) out.repeat(' ', pad);
}

void put_integer(bounded_output& out, spec s, char conversion, std::uintmax_t magnitude, bool negative) noexcept {
  const unsigned base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
  const char* digits = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char buffer[sizeof(std::uintmax_t) * CHAR_BIT];
  char* const end = buffer + sizeof buffer;
  char* p = end;
  for (std::uintmax_t v = magnitude; v; v /= base) *--p = digits[v % base];
  std::size_t size = static_cast<std::size_t>(end - p);
  if (s.precision >= 0) s.zero = false;  // a precision turns the 0 flag off
  const std::size_t wanted = s.precision >= 0 ? static_cast<std::size_t>(s.precision) : 1;
  std::size_t zeros = wanted > size ? wanted - size : 0;
  if (s.precision == 0 && magnitude == 0) zeros = 0;  // "%.0d" of 0 prints nothing
  char prefix[2];
  std::size_t prefix_size = 0;
  if (conversion == 'd' || conversion == 'i') {
    if (negative) prefix[prefix_size++] = '-';
    else if (s.plus) prefix[prefix_size++] = '+';
    else if (s.space) prefix[prefix_size++] = ' ';
  } else if (s.alt && base == 16 && magnitude != 0) {
    prefix[prefix_size++] = '0';
    prefix[prefix_size++] = conversion;
  } else if (s.alt && base == 8 && zeros == 0 && (size == 0 || *p != '0')) {
    zeros = 1;  // # makes the first octal digit a zero
  }
  put_field(out, s, prefix, prefix_size, zeros, p, size);
}

}  // namespace

int format_integers(char* buffer, std::size_t size, const char* format, std::va_list args_in) noexcept {
  if (size > static_cast<std::size_t>(INT_MAX)) return -1;
  bounded_output out(buffer, size);
  std::va_list args;
  va_copy(args, args_in);
  int result = 0;
  for (const char* p = format; *p;) {
    if (*p != '%') {
      const char* text = p;
      while (*p && *p != '%') ++p;
      out.put(text, static_cast<std::size_t>(p - text));
      continue;
    }
    ++p;
    if (*p == '%') {
      out.put(p++, 1);
      continue;
    }
    spec s;
    for (;; ++p) {
      if (*p == '-') s.left = true;
      else if (*p == '0') s.zero = true;
      else if (*p == '+') s.plus = true;
      else if (*p == ' ') s.space = true;
      else if (*p == '#') s.alt = true;
      else break;
    }
    if (*p == '*') {
      ++p;
      const int w = va_arg(args, int);
      if (w < 0) s.left = true;
      s.width = w < 0 ? -static_cast<std::size_t>(w) : static_cast<std::size_t>(w);
    } else {
      s.width = read_number(p);
    }
    if (*p == '.') {
      ++p;
      if (*p == '*') {
        ++p;
        const int prec = va_arg(args, int);
        s.precision = prec < 0 ? -1 : prec;
      } else {
        s.precision = static_cast<int>(read_number(p));
      }
    }
    if (s.width > static_cast<std::size_t>(INT_MAX)) {
      result = -1;  // as vsnprintf's EOVERFLOW
      break;
    }
    if (s.left) s.zero = false;
    length len = length::none;
    if (*p == 'h') len = *++p == 'h' ? (++p, length::hh) : length::h;
    else if (*p == 'l') len = *++p == 'l' ? (++p, length::ll) : length::l;
    else if (*p == 'j') ++p, len = length::j;
    else if (*p == 'z') ++p, len = length::z;
    else if (*p == 't') ++p, len = length::t;
    const char conversion = *p++;
    switch (conversion) {
      case 'd':
      case 'i': {
        const std::intmax_t v = signed_arg(len, args);
        const std::uintmax_t magnitude = v < 0 ? 0 - static_cast<std::uintmax_t>(v) : static_cast<std::uintmax_t>(v);
        put_integer(out, s, conversion, magnitude, v < 0);
        break;
      }
      case 'u':
      case 'o':
      case 'x':
      case 'X': put_integer(out, s, conversion, unsigned_arg(len, args), false); break;
      case 'c': {
        const char c = static_cast<char>(va_arg(args, int));
        s.zero = false;
        put_field(out, s, nullptr, 0, 0, &c, 1);
        break;
      }
      case 's': {
        const char* text = va_arg(args, const char*);
        if (!text) text = "(null)";
        std::size_t n = 0;
        while ((s.precision < 0 || n < static_cast<std::size_t>(s.precision)) && text[n]) ++n;
        s.zero = false;
        put_field(out, s, nullptr, 0, 0, text, n);
        break;
      }
      default: result = unsupported; break;
    }
    if (result < 0) break;
  }
  va_end(args);
  const int length = out.finish();
  return result < 0 ? result : length;
}

}  // namespace notequiz::wasm
