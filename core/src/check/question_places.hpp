#pragma once
// Where each question of a corpus was first asked, by the hash of its title: the one thing
// `notequiz check` keeps per question of every file it checked (duplicate-question across
// files), so its size per question is what memory grows by with the corpus.

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace notequiz::detail {

struct question_place {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
};

// Open addressing over 16-byte slots (the 64-bit hash, the file's index, the line), split into
// 256 tables by the hash's top byte. Each table grows by half when 4 slots in 5 are taken, so
// on average two slots in three hold a question (24 bytes a question); and as each table grows
// on its own, growing copies 1/256 of the questions at a time instead of briefly holding two
// copies of the whole table.
class question_places {
 public:
  // The place already stored for `key` (and false), or `where` newly stored (and true).
  std::pair<question_place, bool> emplace(std::uint64_t key, question_place where);
  // Starts loading the memory an emplace of `key` looks at first, and returns at once. The
  // table is far larger than a core's cache and keys land anywhere in it: a note's questions
  // prefetched before they are emplaced wait for memory together instead of one after another.
  void prefetch(std::uint64_t key) const noexcept;
  std::size_t size() const noexcept { return count_; }
  // Slots held, over all tables: what the places cost is this times sizeof(slot).
  std::size_t capacity() const noexcept;

  struct slot {
    std::uint64_t key = 0;
    question_place where{empty, 0};
  };
  static_assert(sizeof(slot) == 16, "a question costs one slot of 16 bytes");

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;  // as a file index: no file is that
  static constexpr unsigned table_bits = 8;

  struct table {
    std::vector<slot> slots;
    std::size_t count = 0;
  };

  static slot& find(std::vector<slot>& slots, std::uint64_t mixed);
  static void grow(table& t);

  table tables_[std::size_t{1} << table_bits];
  std::size_t count_ = 0;
};

}  // namespace notequiz::detail
