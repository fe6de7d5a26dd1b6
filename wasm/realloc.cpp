// realloc for the WebAssembly module: a new block, a copy and the old block freed, instead of
// emmalloc's realloc, which first tries to grow or shrink the block where it lies (~1.2 KB of
// code, ~0.4 KB gzip-compressed: docs/benchmarks.md#widget-size).
//
// md4c is the only caller. It grows each of its buffers by half again whenever one is full, so
// the copies add up to a few times the size a buffer ends at, within the parse's own linear
// time. tests/wasm/parse_parity.test.mjs parses the same notes in the module and natively.
//
// A plain definition of the C function: emmalloc's realloc is weak, so the link takes this one.

#include <malloc.h>

#include <cstdlib>
#include <cstring>

extern "C" void* realloc(void* old, std::size_t size) {
  if (!old) return std::malloc(size);
  if (size == 0) {  // as emmalloc: the block is freed
    std::free(old);
    return nullptr;
  }
  const std::size_t usable = malloc_usable_size(old);
  if (size <= usable) return old;
  void* block = std::malloc(size);
  if (block) {  // on failure, the old block stays as it was
    std::memcpy(block, old, usable);
    std::free(old);
  }
  return block;
}
