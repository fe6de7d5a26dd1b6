#include "question_places.hpp"

#include <algorithm>

namespace notequiz::detail {

namespace {

// Title hashes are already well mixed, but a multiply spreads any that are not.
std::uint64_t mix(std::uint64_t key) noexcept { return key * 0x9E3779B97F4A7C15ull; }

// A slot from 32 bits of the mixed hash, for a table of any size (not only powers of two).
std::size_t home(std::uint64_t mixed, std::size_t size) noexcept {
  return static_cast<std::size_t>(((mixed & 0xFFFFFFFFull) * size) >> 32);
}

}  // namespace

question_places::slot& question_places::find(std::vector<slot>& slots, std::uint64_t key) {
  const std::size_t size = slots.size();
  for (std::size_t i = home(mix(key), size);; i = i + 1 == size ? 0 : i + 1) {
    if (slots[i].where.file == empty || slots[i].key == key) return slots[i];
  }
}

void question_places::grow(table& t) {
  std::vector<slot> old = std::move(t.slots);
  t.slots.assign(old.empty() ? 8 : old.size() + old.size() / 2, slot{});
  for (const slot& s : old) {
    if (s.where.file != empty) find(t.slots, s.key) = s;
  }
}

std::pair<question_place, bool> question_places::emplace(std::uint64_t key, question_place where) {
  table& t = tables_[mix(key) >> (64 - table_bits)];
  if ((t.count + 1) * 5 > t.slots.size() * 4) grow(t);
  slot& s = find(t.slots, key);
  if (s.where.file != empty) return {s.where, false};
  s = {key, where};
  ++t.count;
  ++count_;
  return {where, true};
}

void question_places::prefetch(std::uint64_t key) const noexcept {
  const table& t = tables_[mix(key) >> (64 - table_bits)];
  if (t.slots.empty()) return;
  // The search goes on past the home slot about as often as not at these loads: the line after
  // it too, when the next three slots reach into it.
  const std::size_t at = home(mix(key), t.slots.size());
  __builtin_prefetch(&t.slots[at]);
  __builtin_prefetch(&t.slots[std::min(at + 3, t.slots.size() - 1)]);
}

std::size_t question_places::capacity() const noexcept {
  std::size_t slots = 0;
  for (const table& t : tables_) slots += t.slots.size();
  return slots;
}

}  // namespace notequiz::detail
