#pragma once
// JSON text read strictly (RFC 8259) and reported to a handler through nlohmann's SAX calls:
// json_text.cpp's DOM builder. read_json tells only whether text is JSON, never why not, so it
// has no use for nlohmann's lexer and parser, which with their error messages and exception
// types are ~5 KB of the WebAssembly module gzip-compressed; this is ~2 KB (docs/benchmarks.md).
// nlohmann still makes every value and writes every document.
//
// It reads what nlohmann's parser reads, as the same value: a UTF-8 BOM before the value is
// skipped; whitespace is space, tab, CR and LF; strings are valid UTF-8 without control
// characters, and \u escapes pair surrogates; an integer is unsigned when it has no minus sign,
// and a number that is not an integer in 64 bits is a double, which must be finite. One
// difference is by design: nlohmann takes a NUL byte for the end of the text, as in a C string,
// and ignores what follows; this reads to the end, so a second document after a NUL is not
// dropped unseen. Nesting is followed with a stack, not recursion, so depth is limited only by
// memory. tests/core/json_reader_test.cpp and the deck JSON fuzz target
// (tests/fuzz/properties.hpp) compare it with nlohmann's parser.

#include <clocale>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text.hpp"

namespace notequiz::detail {

template <class Handler>
class json_reader {
 public:
  json_reader(std::string_view text, Handler& handler)
      : p_(text.data()), end_(text.data() + text.size()), handler_(handler) {}

  /// Reads the whole text: true when it is one JSON value, surrounded by whitespace at most, and
  /// the handler took every call.
  bool read() {
    if (p_ != end_ && byte(*p_) == 0xEF) {
      if (end_ - p_ < 3 || byte(p_[1]) != 0xBB || byte(p_[2]) != 0xBF) return false;
      p_ += 3;
    }
    std::string open;  // '{' or '[' for each object or array being read, innermost last
    for (;;) {
      skip_space();
      if (p_ == end_) return false;
      const char c = *p_;
      if (c == '{' || c == '[') {
        ++p_;
        const bool object = c == '{';
        if (!(object ? handler_.start_object(unknown_size) : handler_.start_array(unknown_size))) return false;
        skip_space();
        if (p_ == end_ || *p_ != (object ? '}' : ']')) {
          open.push_back(c);
          if (object && !key()) return false;
          continue;  // to its first value
        }
        ++p_;
        if (!(object ? handler_.end_object() : handler_.end_array())) return false;
      } else if (!scalar()) {
        return false;
      }
      // A value has been read: next comes another in the same object or array, its end, or the
      // end of the text.
      for (;;) {
        skip_space();
        if (open.empty()) return p_ == end_;
        if (p_ == end_) return false;
        const char next = *p_++;
        if (next == ',') {
          if (open.back() == '{' && !key()) return false;
          break;
        }
        const bool object = open.back() == '{';
        if (next != (object ? '}' : ']')) return false;
        open.pop_back();
        if (!(object ? handler_.end_object() : handler_.end_array())) return false;
      }
    }
  }

 private:
  static constexpr std::size_t unknown_size = static_cast<std::size_t>(-1);  // as nlohmann passes it

  static unsigned byte(char c) { return static_cast<unsigned char>(c); }
  static bool digit(char c) { return c >= '0' && c <= '9'; }

  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  // A member's key and the colon after it.
  bool key() {
    skip_space();
    if (p_ == end_ || *p_ != '"' || !string() || !handler_.key(text_)) return false;
    skip_space();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    return true;
  }

  bool scalar() {
    switch (*p_) {
      case '"': return string() && handler_.string(text_);
      case 't': return literal("true") && handler_.boolean(true);
      case 'f': return literal("false") && handler_.boolean(false);
      case 'n': return literal("null") && handler_.null();
      default: return number();
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  bool digits() {
    if (p_ == end_ || !digit(*p_)) return false;
    while (p_ != end_ && digit(*p_)) ++p_;
    return true;
  }

  bool number() {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ != end_ && *p_ == '0') {
      ++p_;
    } else if (!digits()) {
      return false;
    }
    const char* integer_end = p_;
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!digits()) return false;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digits()) return false;
    }
    if (p_ == integer_end) {
      // An integer, as strtoull (no sign) or strtoll (minus) reads it; past 64 bits, a double.
      std::uint64_t magnitude = 0;
      bool fits = true;
      for (const char* d = start + (negative ? 1 : 0); d != p_ && fits; ++d) {
        const auto v = static_cast<std::uint64_t>(*d - '0');
        fits = magnitude <= (UINT64_MAX - v) / 10;
        magnitude = magnitude * 10 + v;
      }
      if (fits && !negative) return handler_.number_unsigned(magnitude);
      if (fits && magnitude <= std::uint64_t{1} << 63) {
        return handler_.number_integer(magnitude == std::uint64_t{1} << 63 ? INT64_MIN
                                                                          : -static_cast<std::int64_t>(magnitude));
      }
    }
    text_.assign(start, p_);
    // strtod reads the decimal point of the C locale, which a host program may have set; nlohmann
    // writes that point into the number before it calls strtod, and so does this.
    const char point = *std::localeconv()->decimal_point;
    double value = 0;
    if (point == '.') {
      value = std::strtod(text_.c_str(), nullptr);
    } else {
      std::string local = text_;
      for (char& c : local) c = c == '.' ? point : c;
      value = std::strtod(local.c_str(), nullptr);
    }
    if (!std::isfinite(value)) return false;  // nlohmann: "number overflow"
    return handler_.number_float(value, text_);
  }

  // A string, its opening quote at p_, decoded into text_.
  bool string() {
    ++p_;
    text_.clear();
    for (;;) {
      const char* run = p_;
      while (p_ != end_ && byte(*p_) >= 0x20 && byte(*p_) < 0x80 && *p_ != '"' && *p_ != '\\') ++p_;
      text_.append(run, p_);
      if (p_ == end_) return false;
      const unsigned c = byte(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!escape()) return false;
      } else if (!utf8_sequence()) {
        return false;
      }
    }
  }

  bool escape() {
    if (++p_ == end_) return false;
    const char c = *p_++;
    switch (c) {
      case '"': case '\\': case '/': text_.push_back(c); return true;
      case 'b': text_.push_back('\b'); return true;
      case 'f': text_.push_back('\f'); return true;
      case 'n': text_.push_back('\n'); return true;
      case 'r': text_.push_back('\r'); return true;
      case 't': text_.push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    std::uint32_t code = 0;
    if (!hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate first
    if (code >= 0xD800 && code <= 0xDBFF) {
      std::uint32_t low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(text_, code);
    return true;
  }

  bool hex4(std::uint32_t& code) {
    if (end_ - p_ < 4) return false;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      const int v = digit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) return false;
      code = code * 16 + static_cast<std::uint32_t>(v);
    }
    return true;
  }

  // One UTF-8 encoded character of two to four bytes, lead byte at p_ (RFC 3629: no overlong
  // forms, no surrogates, nothing past U+10FFFF), copied into text_.
  bool utf8_sequence() {
    const unsigned lead = byte(*p_);
    int more = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF;  // the range of the byte after the lead
    if (lead >= 0xC2 && lead <= 0xDF) {
      more = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      more = 2;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      more = 3;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (end_ - p_ <= more) return false;
    for (int i = 1; i <= more; ++i) {
      const unsigned b = byte(p_[i]);
      if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF)) return false;
    }
    text_.append(p_, p_ + more + 1);
    p_ += more + 1;
    return true;
  }

  const char* p_;
  const char* end_;
  Handler& handler_;
  std::string text_;  // the string, key or number being read; handlers may move from it
};

}  // namespace notequiz::detail
