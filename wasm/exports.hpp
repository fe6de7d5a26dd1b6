#pragma once
// What the files of exported functions share (exports.cpp, api_exports.cpp).

#include <string>

// Each function is exported under its name in the JS API (loader.js), which is all the loader
// needs to know of it.
#define NQ_EXPORT(name) __attribute__((used, export_name(#name)))

namespace notequiz::wasm {

/// Keeps `text` as the last result and returns it for JS to read (resultSize() bytes), before
/// the next call replaces it.
const char* give(std::string text);

}  // namespace notequiz::wasm
