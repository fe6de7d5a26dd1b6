#pragma once
// qsort's contract, as a heap sort: the WebAssembly module's qsort (qsort.cpp) and its native
// test (tests/wasm_libc/heap_sort_test.cpp).

#include <cstddef>

namespace notequiz::wasm {

/// Sorts `count` elements of `size` bytes at `base` into the order `compare` gives (negative:
/// the first goes before the second), as qsort does. O(n log n) comparisons at worst, no
/// recursion, no allocation. Not stable, as qsort need not be.
void heap_sort(void* base, std::size_t count, std::size_t size, int (*compare)(const void*, const void*));

}  // namespace notequiz::wasm
