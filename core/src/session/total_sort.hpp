#pragma once
// Sorting for the session code's orders, which are total: the review log (time, card, rating;
// equal entries are the same review) and the queue (due, then note order).

#include <algorithm>
#include <vector>

namespace notequiz::detail {

/// Sorts `v` by operator<, which must be a total order: then the result is the one any sort
/// gives. A heap sort, after a check that skips it for input already in order (logs are stored
/// in order): the WebAssembly module carries one small heap template per type instead of
/// introsort's, 0.5 KB less gzip-compressed (docs/benchmarks.md#widget-size).
template <typename T>
void sort_total_order(std::vector<T>& v) {
  if (std::is_sorted(v.begin(), v.end())) return;
  std::make_heap(v.begin(), v.end());
  std::sort_heap(v.begin(), v.end());
}

}  // namespace notequiz::detail
