// malloc, free, calloc, realloc and malloc_usable_size for the WebAssembly module: a heap of
// size classes (size_class_heap.hpp) on the memory after the module's data and stack, grown as
// needed, in place of emscripten's emmalloc and sbrk (-sMALLOC=none in wasm/CMakeLists.txt).
//
// emmalloc splits and merges blocks to use memory tightly; with its sbrk it made the module 540
// bytes larger gzip-compressed than this heap does (docs/benchmarks.md#widget-size). The module's
// allocations are many small strings and vectors, and md4c's buffers, which it grows by half
// again each time (realloc below: a new block when the old one's class is full), over and over
// in the same sizes; a block per size class serves them, at most half again as large as asked
// for, and as fast. tests/wasm_libc/size_class_heap_test.cpp tests the heap natively; every wasm
// and browser test runs on it.

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "size_class_heap.hpp"

extern "C" {
// Defined by the linker: the first byte after the module's static data and stack.
extern unsigned char __heap_base;
// Imported from wasm/loader.js.
__attribute__((import_module("env"), import_name("emscripten_notify_memory_growth"))) void emscripten_notify_memory_growth(
    std::size_t memory);
}

namespace {

using notequiz::wasm::size_class_heap;

static_assert(alignof(std::max_align_t) <= size_class_heap::alignment, "malloc must align for every type");

constexpr std::size_t page = 65536;  // WebAssembly's unit of memory

// The end of what the heap has taken; the heap starts where the linker put __heap_base.
std::uintptr_t heap_end = 0;

void* more_memory(std::size_t bytes) {
  if (heap_end == 0) {
    heap_end = (reinterpret_cast<std::uintptr_t>(&__heap_base) + size_class_heap::alignment - 1) &
               ~std::uintptr_t{size_class_heap::alignment - 1};
  }
  const std::uintptr_t start = heap_end;
  if (bytes > UINTPTR_MAX - start) return nullptr;
  const std::uintptr_t end = start + bytes;
  const std::size_t pages = __builtin_wasm_memory_size(0);
  const std::uint64_t have = std::uint64_t{pages} * page;  // 4 GiB does not fit a 32-bit size_t
  if (end > have) {
    // A quarter more at least, as emscripten's sbrk grows it: fewer, larger steps.
    const auto needed = static_cast<std::size_t>((end - have + page - 1) / page);
    const std::size_t more = needed > pages / 4 ? needed : pages / 4;
    if (__builtin_wasm_memory_grow(0, more) == SIZE_MAX && __builtin_wasm_memory_grow(0, needed) == SIZE_MAX) {
      return nullptr;
    }
    emscripten_notify_memory_growth(0);  // loader.js renews its view of the memory
  }
  heap_end = end;
  return reinterpret_cast<void*>(start);
}

size_class_heap heap(more_memory);  // constant-initialized: ready before any constructor runs

}  // namespace

extern "C" {

void* malloc(std::size_t size) { return heap.allocate(size); }

void free(void* block) { heap.release(block); }

std::size_t malloc_usable_size(void* block) { return size_class_heap::usable_size(block); }

void* calloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return nullptr;
  void* block = heap.allocate(count * size);
  if (block) std::memset(block, 0, count * size);  // a reused block holds what it held
  return block;
}

void* realloc(void* old, std::size_t size) {
  if (!old) return heap.allocate(size);
  if (size == 0) {  // as emmalloc did: the block is freed
    heap.release(old);
    return nullptr;
  }
  const std::size_t usable = size_class_heap::usable_size(old);
  if (size <= usable) return old;
  void* block = heap.allocate(size);
  if (block) {  // on failure, the old block stays as it was
    std::memcpy(block, old, usable);
    heap.release(old);
  }
  return block;
}

}  // extern "C"
