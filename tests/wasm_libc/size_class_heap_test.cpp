// The WebAssembly module's heap (wasm/size_class_heap.cpp), compiled natively on an arena of
// its own: blocks are aligned, hold what was asked for, never overlap, keep their bytes, come
// back for the next request of their class, and a heap out of memory or asked for too much says
// so with nullptr.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <random>
#include <vector>

#include "size_class_heap.hpp"

using notequiz::wasm::size_class_heap;

namespace {

// The memory the heap grows into: `capacity` bytes, handed out from the start.
std::vector<unsigned char> arena;
std::size_t arena_used = 0;

void* from_arena(std::size_t bytes) {
  if (bytes > arena.size() - arena_used) return nullptr;
  void* start = arena.data() + arena_used;
  arena_used += bytes;
  return start;
}

size_class_heap fresh_heap(std::size_t capacity) {
  arena.assign(capacity + size_class_heap::alignment, 0);
  // The arena's first byte at a multiple of the alignment, as the module's heap starts.
  arena_used = (size_class_heap::alignment - reinterpret_cast<std::uintptr_t>(arena.data()) % size_class_heap::alignment) %
               size_class_heap::alignment;
  return size_class_heap(from_arena);
}

}  // namespace

TEST(SizeClassHeap, ClassesGrowByAHalfThenByAThird) {
  const std::vector<std::size_t> first = {16, 24, 32, 48, 64, 96, 128, 192, 256};
  for (unsigned k = 0; k < first.size(); ++k) EXPECT_EQ(size_class_heap::class_bytes(k), first[k]);
  EXPECT_EQ(size_class_heap::class_bytes(size_class_heap::class_count - 1), std::size_t{3} << 30);
  for (unsigned k = 0; k < size_class_heap::class_count; ++k) {
    const std::size_t bytes = size_class_heap::class_bytes(k);
    EXPECT_EQ(bytes % size_class_heap::alignment, 0u) << k;
    EXPECT_EQ(size_class_heap::class_of(bytes), k) << bytes;
    if (k > 0) {
      EXPECT_EQ(size_class_heap::class_of(size_class_heap::class_bytes(k - 1) + 1), k) << bytes;
    }
  }
  EXPECT_EQ(size_class_heap::class_of(1), 0u);
  EXPECT_EQ(size_class_heap::class_of((std::size_t{3} << 30) + 1), size_class_heap::class_count);
}

TEST(SizeClassHeap, GivesAlignedBlocksThatHoldWhatWasAskedAndAtMostHalfAgainAsMuch) {
  size_class_heap heap = fresh_heap(1 << 24);
  for (std::size_t size = 0; size <= 5000; ++size) {
    void* block = heap.allocate(size);
    ASSERT_NE(block, nullptr) << size;
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block) % size_class_heap::alignment, 0u) << size;
    const std::size_t usable = size_class_heap::usable_size(block);
    EXPECT_GE(usable, size);
    if (size > 16) {
      EXPECT_LE(usable + 8, (size + 8) * 3 / 2) << size;  // the class above is at most 1.5x
    }
    std::memset(block, 0xAB, usable);
  }
  EXPECT_EQ(size_class_heap::usable_size(nullptr), 0u);
}

TEST(SizeClassHeap, GivesAFreedBlockToTheNextRequestOfItsClassAndOnlyOfItsClass) {
  size_class_heap heap = fresh_heap(1 << 20);
  void* a = heap.allocate(100);
  void* b = heap.allocate(100);
  heap.release(a);
  heap.release(b);
  EXPECT_EQ(heap.allocate(90), b);  // the last freed first
  EXPECT_NE(heap.allocate(20), a);  // another class
  EXPECT_EQ(heap.allocate(110), a);
  const std::size_t used = arena_used;
  heap.release(nullptr);
  EXPECT_EQ(arena_used, used);
}

TEST(SizeClassHeap, RandomRequestsAndReleasesNeverOverlapAndKeepTheirBytes) {
  size_class_heap heap = fresh_heap(std::size_t{1} << 26);
  std::mt19937 random(11);
  std::map<std::uintptr_t, std::pair<std::size_t, unsigned char>> live;  // start -> size, fill byte
  std::vector<void*> blocks;
  for (int step = 0; step < 300000; ++step) {
    if (blocks.empty() || random() % 2 == 0) {
      // Mostly small, now and then up to 64 KB, as notes' strings and md4c's buffers are.
      const std::size_t size = random() % 10 == 0 ? random() % 65536 : random() % 200;
      auto* block = static_cast<unsigned char*>(heap.allocate(size));
      ASSERT_NE(block, nullptr);
      const auto start = reinterpret_cast<std::uintptr_t>(block);
      auto next = live.lower_bound(start);
      if (next != live.end()) {
        ASSERT_LE(start + size, next->first) << "overlaps the block after";
      }
      if (next != live.begin()) {
        const auto before = std::prev(next);
        ASSERT_LE(before->first + before->second.first, start) << "overlaps the block before";
      }
      const auto fill = static_cast<unsigned char>(random());
      std::memset(block, fill, size);
      live[start] = {size, fill};
      blocks.push_back(block);
    } else {
      const std::size_t i = random() % blocks.size();
      auto* block = static_cast<unsigned char*>(blocks[i]);
      const auto [size, fill] = live.at(reinterpret_cast<std::uintptr_t>(block));
      for (std::size_t k = 0; k < size; ++k) ASSERT_EQ(block[k], fill) << "byte " << k << " of a live block changed";
      live.erase(reinterpret_cast<std::uintptr_t>(block));
      heap.release(block);
      blocks[i] = blocks.back();
      blocks.pop_back();
    }
  }
}

TEST(SizeClassHeap, SaysNullptrWhenMemoryRunsOutOrTheRequestIsTooLarge) {
  size_class_heap heap = fresh_heap(4096);
  std::size_t given = 0;
  while (heap.allocate(100) != nullptr) ++given;
  EXPECT_EQ(given, 4096u / 128);
  EXPECT_EQ(heap.allocate(SIZE_MAX), nullptr);
  EXPECT_EQ(heap.allocate((std::size_t{3} << 30) - 7), nullptr);  // with its header, more than the largest class
  EXPECT_EQ(heap.allocate(8), nullptr);  // out of memory for a class never used too
}
