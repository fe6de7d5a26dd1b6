#include "size_class_heap.hpp"

#include <cstdint>
#include <cstring>

namespace notequiz::wasm {

namespace {

// Each block starts with its class, in a header that keeps what follows aligned; a free block
// keeps the next free block of its class where its bytes start.
constexpr std::size_t header = size_class_heap::alignment;
static_assert(size_class_heap::class_bytes(0) >= header + sizeof(void*), "a free block must hold a pointer");

unsigned& class_in_header(void* bytes) { return *reinterpret_cast<unsigned*>(static_cast<char*>(bytes) - header); }
void*& next_free(void* bytes) { return *static_cast<void**>(bytes); }

}  // namespace

unsigned size_class_heap::class_of(std::size_t bytes) {
  if (bytes <= class_bytes(0)) return 0;
  if (bytes > class_bytes(class_count - 1)) return class_count;
  // 2^(bits - 1) < bytes <= 2^bits: the class is 3 * 2^(bits - 2) or 2^bits.
  unsigned bits = 0;
  for (std::uint64_t rest = bytes - 1; rest != 0; rest >>= 1) ++bits;
  return bytes <= (std::size_t{3} << (bits - 2)) ? 2 * bits - 9 : 2 * bits - 8;
}

void* size_class_heap::allocate(std::size_t size) {
  const unsigned k = class_of(size > class_bytes(class_count - 1) ? size : size + header);
  if (k == class_count) return nullptr;
  void* bytes = free_[k];
  if (bytes) {
    free_[k] = next_free(bytes);
  } else {
    void* block = more_(class_bytes(k));
    if (!block) return nullptr;
    bytes = static_cast<char*>(block) + header;
  }
  class_in_header(bytes) = k;
  return bytes;
}

void size_class_heap::release(void* bytes) {
  if (!bytes) return;
  const unsigned k = class_in_header(bytes);
  next_free(bytes) = free_[k];
  free_[k] = bytes;
}

std::size_t size_class_heap::usable_size(const void* bytes) {
  return bytes ? class_bytes(class_in_header(const_cast<void*>(bytes))) - header : 0;
}

}  // namespace notequiz::wasm
