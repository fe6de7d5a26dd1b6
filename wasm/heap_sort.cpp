// A heap sort behind the WebAssembly module's qsort (see heap_sort.hpp and qsort.cpp).
#include "heap_sort.hpp"

namespace notequiz::wasm {

void heap_sort(void* base, std::size_t count, std::size_t size, int (*compare)(const void*, const void*)) {
  char* const bytes = static_cast<char*>(base);
  const auto at = [&](std::size_t i) { return bytes + i * size; };
  const auto swap = [&](std::size_t i, std::size_t j) {
    char* a = at(i);
    char* b = at(j);
    for (std::size_t k = 0; k < size; ++k) {
      const char t = a[k];
      a[k] = b[k];
      b[k] = t;
    }
  };
  // Moves element `i` down the heap of the first `end` elements until neither child is larger.
  const auto sift_down = [&](std::size_t i, std::size_t end) {
    for (std::size_t child = 2 * i + 1; child < end; i = child, child = 2 * i + 1) {
      if (child + 1 < end && compare(at(child), at(child + 1)) < 0) ++child;
      if (compare(at(i), at(child)) >= 0) return;
      swap(i, child);
    }
  };
  for (std::size_t i = count / 2; i-- > 0;) sift_down(i, count);
  for (std::size_t end = count; end > 1; --end) {
    swap(0, end - 1);
    sift_down(0, end - 1);
  }
}

}  // namespace notequiz::wasm
