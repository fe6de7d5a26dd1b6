// qsort for the WebAssembly module: a heap sort (heap_sort.cpp) instead of musl's smoothsort,
// ~0.4 KB less gzip-compressed (docs/benchmarks.md#widget-size).
//
// md4c is the only caller: it sorts the link reference definitions that share a hash bucket,
// with a comparison that orders equal labels by address, so any correct sort gives the same
// order. The worst case stays O(n log n): notes full of colliding definitions cannot make it
// quadratic. tests/wasm_libc/heap_sort_test.cpp holds the heap sort to std::sort.
//
// A plain definition of the C function: the link takes it instead of musl's.

#include <cstddef>

#include "heap_sort.hpp"

extern "C" void qsort(void* base, std::size_t count, std::size_t size, int (*compare)(const void*, const void*)) {
  notequiz::wasm::heap_sort(base, count, size, compare);
}
