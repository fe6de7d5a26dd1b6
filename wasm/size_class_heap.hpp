#pragma once
// The WebAssembly module's heap (malloc.cpp), and its native test
// (tests/wasm_libc/size_class_heap_test.cpp).

#include <cstddef>

namespace notequiz::wasm {

/// Blocks in 56 size classes, two to each power of two (16, 24, 32, 48, 64, 96, ... 3 GiB bytes,
/// an 8-byte header included), each class with a list of its free blocks. A request takes the
/// smallest class that holds it: a free block of that class if there is one, else new memory.
/// Freeing a block puts it on its class's list, for the next request of that class. Both are a
/// few instructions. Blocks are never split, merged or given back: a block is at most half again
/// as large as asked for (its header included), and memory freed in one class serves only that
/// class again, which suits the module, whose memory can only grow anyway and whose work
/// (parsing notes, keeping decks) asks for blocks of the same sizes over and over.
class size_class_heap {
 public:
  /// Memory for new blocks: `bytes` more, right after what it gave before or anywhere else, at
  /// an address that is a multiple of `alignment`; nullptr when there is no more.
  using more_memory = void* (*)(std::size_t bytes);

  static constexpr std::size_t alignment = 8;
  static constexpr unsigned class_count = 56;

  explicit constexpr size_class_heap(more_memory more) : more_(more) {}

  /// A block of at least `size` bytes, at a multiple of `alignment`, or nullptr (no memory, or
  /// more than the largest class holds).
  void* allocate(std::size_t size);
  /// Puts the block `allocate` gave back on its class's free list; nullptr does nothing.
  void release(void* block);
  /// How many bytes the block holds (at least what was asked for); 0 for nullptr.
  static std::size_t usable_size(const void* block);

  /// The bytes of class `k`, header included.
  static constexpr std::size_t class_bytes(unsigned k) { return std::size_t{k % 2 ? 3u : 2u} << (k / 2 + 3); }
  /// The smallest class of at least `bytes` bytes (header included); class_count when none is.
  static unsigned class_of(std::size_t bytes);

 private:
  more_memory more_;
  void* free_[class_count] = {};
};

}  // namespace notequiz::wasm
