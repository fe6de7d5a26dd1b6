#pragma once
// Interval fuzz, bit for bit as ts-fsrs computes it: its Alea generator and fuzz ranges.

#include <cstdint>
#include <string_view>

namespace notequiz::detail {

/// The first number, in [0, 1), of the Alea generator seeded with `seed` (ts-fsrs `alea`).
double alea_first(std::string_view seed) noexcept;

/// `interval` (days, at least 2.5) spread by `fuzz_factor` in [0, 1) over the reference's
/// fuzz range, never beyond `maximum_interval` (ts-fsrs `apply_fuzz`).
double fuzz_interval(double interval, double elapsed_days, double maximum_interval,
                     double fuzz_factor) noexcept;

}  // namespace notequiz::detail
