// The WebAssembly module's qsort (wasm/heap_sort.cpp), compiled natively and held to std::sort:
// the same order for elements of several sizes, with and without repeated keys, sorted,
// reversed and random, and for the shape md4c gives it (pointers ordered by what they point
// to, then by address).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "heap_sort.hpp"

using notequiz::wasm::heap_sort;

namespace {

int compare_ints(const void* a, const void* b) {
  const int x = *static_cast<const int*>(a);
  const int y = *static_cast<const int*>(b);
  return x < y ? -1 : x > y;
}

// Seven-byte records ordered by their first byte, then by the rest: no padding, no alignment.
using record = std::array<unsigned char, 7>;
int compare_records(const void* a, const void* b) { return std::memcmp(a, b, sizeof(record)); }

// md4c's comparison of reference definitions: by label, equal labels by address.
int compare_labels_then_addresses(const void* a, const void* b) {
  const std::string* x = *static_cast<const std::string* const*>(a);
  const std::string* y = *static_cast<const std::string* const*>(b);
  if (const int c = x->compare(*y)) return c < 0 ? -1 : 1;
  return x < y ? -1 : x > y;
}

}  // namespace

TEST(HeapSort, SortsIntsAsStdSortDoesWhateverTheirFirstOrder) {
  std::mt19937 random(1);
  for (std::size_t n : {0, 1, 2, 3, 4, 5, 7, 8, 16, 31, 100, 1000, 4097}) {
    for (int shape = 0; shape < 4; ++shape) {
      std::vector<int> values(n);
      for (std::size_t i = 0; i < n; ++i) {
        values[i] = shape == 0 ? static_cast<int>(i) : shape == 1 ? static_cast<int>(n - i)
                  : shape == 2 ? static_cast<int>(random() % 5) : static_cast<int>(random());
      }
      std::vector<int> expected = values;
      std::sort(expected.begin(), expected.end());
      heap_sort(values.data(), values.size(), sizeof(int), compare_ints);
      EXPECT_EQ(values, expected) << "n=" << n << " shape=" << shape;
    }
  }
}

TEST(HeapSort, SortsRecordsOfAnOddSizeByteForByte) {
  std::mt19937 random(2);
  std::vector<record> records(777);
  for (record& r : records) {
    for (unsigned char& b : r) b = static_cast<unsigned char>(random() % 3);
  }
  std::vector<record> expected = records;
  std::sort(expected.begin(), expected.end());
  heap_sort(records.data(), records.size(), sizeof(record), compare_records);
  EXPECT_EQ(records, expected);
}

TEST(HeapSort, GivesMd4cTheOrderAnySortGivesReferenceDefinitions) {
  std::mt19937 random(3);
  std::vector<std::string> labels(3000);
  for (std::string& label : labels) label = "label " + std::to_string(random() % 40);
  std::vector<const std::string*> defs;
  for (const std::string& label : labels) defs.push_back(&label);
  std::shuffle(defs.begin(), defs.end(), random);
  std::vector<const std::string*> expected = defs;
  std::sort(expected.begin(), expected.end(), [](const std::string* a, const std::string* b) {
    return compare_labels_then_addresses(&a, &b) < 0;
  });
  heap_sort(defs.data(), defs.size(), sizeof(const std::string*), compare_labels_then_addresses);
  EXPECT_EQ(defs, expected);
}
