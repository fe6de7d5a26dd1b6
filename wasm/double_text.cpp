// detail::shortest_decimal (core/src/double_text.hpp) for the WebAssembly module: the JS engine
// writes the digits.
//
// The core's JSON writer is its only caller, for the doubles of progress files and session
// states. Natively std::to_chars writes them; emscripten's libc++ has no std::to_chars for
// doubles, and nlohmann's Grisu2, which the module used before, cost 2.3 KB gzip-compressed
// (its table of cached powers of ten does not compress). String() in wasm/loader.js gives the
// same digits: ECMAScript's Number::toString gives the shortest decimal that reads back and
// recommends the nearest of those (ties: even), which V8, SpiderMonkey and JavaScriptCore give.
// tests/wasm/progress_numbers.test.mjs holds the module to it.

#include <cstddef>

#include "double_text.hpp"

// Imported from wasm/loader.js: writes String(value), ASCII, at `out`; returns its length.
extern "C" __attribute__((import_module("env"), import_name("nq_shortest_decimal"))) std::size_t nq_shortest_decimal(
    double value, char* out);

namespace notequiz::detail {

std::size_t shortest_decimal(double value, char* out) { return nq_shortest_decimal(value, out); }

}  // namespace notequiz::detail
