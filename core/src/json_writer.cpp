// detail::dump (json_text.hpp): JSON text out of the core's documents, written as nlohmann's
// serializer writes it, except that doubles get the shortest digits that read back
// (append_double; tests/core/json_writer_test.cpp holds the two to the same bytes otherwise).

#include "json_text.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "double_text.hpp"
#include "text.hpp"

namespace notequiz::detail {

namespace {

constexpr char hex_digits[] = "0123456789abcdef";

// `s` as a JSON string, as nlohmann's serializer writes it without ensure_ascii: ", \ and the
// control characters escaped (\b \t \n \f \r by name, the others as \u00xx), everything else
// as it is, and each maximal invalid UTF-8 subpart replaced by one U+FFFD (error_handler_t::replace).
void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;  // the bytes from here to i are copied as they are
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    const utf8_sequence sequence = c >= 0x80 ? utf8_sequence_at(s, i) : utf8_sequence{1, true};
    if (c >= 0x80 && sequence.valid) {
      i += sequence.length;
      continue;
    }
    out.append(s, run, i - run);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\t': out.append("\\t"); break;
      case '\n': out.append("\\n"); break;
      case '\f': out.append("\\f"); break;
      case '\r': out.append("\\r"); break;
      default:
        if (c >= 0x80) {
          out.append("\xEF\xBF\xBD");  // U+FFFD for the invalid subpart
        } else {
          out.append("\\u00");
          out.push_back(hex_digits[c >> 4]);
          out.push_back(hex_digits[c & 15]);
        }
    }
    i += sequence.length;
    run = i;
  }
  out.append(s, run, i - run);
  out.push_back('"');
}

template <typename Integer>
void append_integer(std::string& out, Integer n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// A double as nlohmann lays it out (its format_buffer: fixed notation from 1e-4 to below 1e15,
// else d.ddde-xx; a whole number ends in ".0"; not finite: null), with the shortest digits that
// read back as `d` (shortest_decimal). nlohmann's own Grisu2 picks the same digits for all but
// about 1 double in 1,000, where its digits are longer or not the nearest.
void append_double(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out.append("null");
    return;
  }
  if (std::signbit(d)) {
    out.push_back('-');
    d = -d;
  }
  if (d == 0) {
    out.append("0.0");
    return;
  }
  char text[shortest_decimal_size];
  char digits[shortest_decimal_size];  // format_buffer lays them out in place: 24 bytes at most
  int exponent = 0;
  const int length = decimal_digits(std::string_view(text, shortest_decimal(d, text)), digits, exponent);
  out.append(digits, nlohmann::detail::dtoa_impl::format_buffer(digits, length, exponent, -4, std::numeric_limits<double>::digits10));
}

// A value that holds no other: everything but a non-empty object or array.
void append_leaf(std::string& out, const json& v) {
  switch (v.type()) {
    case json::value_t::null: out.append("null"); break;
    case json::value_t::boolean: out.append(v.get<bool>() ? "true" : "false"); break;
    case json::value_t::number_integer: append_integer(out, v.get<json::number_integer_t>()); break;
    case json::value_t::number_unsigned: append_integer(out, v.get<json::number_unsigned_t>()); break;
    case json::value_t::number_float: append_double(out, v.get<double>()); break;
    case json::value_t::string: append_string(out, v.get_ref<const std::string&>()); break;
    case json::value_t::object: out.append("{}"); break;
    case json::value_t::array: out.append("[]"); break;
    case json::value_t::binary: {
      const auto& b = v.get_binary();
      out.append("{\"bytes\":[");
      for (std::size_t k = 0; k < b.size(); ++k) {
        if (k > 0) out.push_back(',');
        append_integer(out, b[k]);
      }
      out.append("],\"subtype\":");
      if (b.has_subtype()) append_integer(out, b.subtype());
      else out.append("null");
      out.push_back('}');
      break;
    }
    case json::value_t::discarded: out.append("<discarded>"); break;
  }
}

}  // namespace

std::string dump(const json& root) {
  // What root.dump(-1, ' ', false, error_handler_t::replace) writes, byte for byte but for
  // doubles' digits (tests/core/json_writer_test.cpp compares the two), without nlohmann's
  // serializer: in the WebAssembly module that serializer, its output adapters and its snprintf
  // escapes were 2.8 KB of the gzip size (docs/benchmarks.md#widget-size). Doubles keep
  // nlohmann's layout (append_double). Nesting is kept in vectors, not on the call stack: a value
  // read from deep input is written back without running out of stack. (Two vectors of a pointer
  // and an index rather than one of a struct: the module has their code already.)
  std::string out;
  std::vector<const json*> open;  // the objects and arrays being written, innermost last
  std::vector<std::size_t> next;  // for each, its member or element to write next
  const json* v = &root;
  while (v) {
    if ((v->is_object() || v->is_array()) && !v->empty()) {
      out.push_back(v->is_object() ? '{' : '[');
      open.push_back(v);
      next.push_back(0);
    } else {
      append_leaf(out, *v);
    }
    v = nullptr;
    while (!v && !open.empty()) {
      const json& container = *open.back();
      const bool object = container.is_object();
      std::size_t& i = next.back();
      if (i == container.size()) {
        out.push_back(object ? '}' : ']');
        open.pop_back();
        next.pop_back();
        continue;
      }
      if (i > 0) out.push_back(',');
      if (object) {
        const auto& member = container.get_ptr<const json::object_t*>()->begin()[static_cast<std::ptrdiff_t>(i)];
        append_string(out, member.first);
        out.push_back(':');
        v = &member.second;
      } else {
        v = &(*container.get_ptr<const json::array_t*>())[i];
      }
      ++i;
    }
  }
  return out;
}

}  // namespace notequiz::detail
