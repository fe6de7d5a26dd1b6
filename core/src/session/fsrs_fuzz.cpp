#include "session/fsrs_fuzz.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "session/js_math.hpp"

namespace notequiz::detail {
namespace {

constexpr double two_pow_32 = 4294967296.0;
constexpr double two_pow_minus_32 = 2.3283064365386963e-10;

// ECMAScript ToUint32 / ToInt32 for finite numbers: Alea's arithmetic relies on them.
double to_uint32(double x) noexcept { return js_to_uint32(x); }

double to_int32(double x) noexcept {
  double m = to_uint32(x);
  return m >= two_pow_32 / 2 ? m - two_pow_32 : m;
}

// Johannes Baagoe's Mash hash, which keeps its state between calls.
class mash {
 public:
  double operator()(std::string_view data) noexcept {
    for (unsigned char c : data) {
      n_ += c;
      double h = 0.02519603282416938 * n_;
      n_ = to_uint32(h);
      h -= n_;
      h *= n_;
      n_ = to_uint32(h);
      h -= n_;
      n_ += h * two_pow_32;
    }
    return to_uint32(n_) * two_pow_minus_32;
  }

 private:
  double n_ = 4022871197.0;
};

struct fuzz_range {
  double start;
  double end;
  double factor;
};

constexpr fuzz_range fuzz_ranges[] = {
    {2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, HUGE_VAL, 0.05}};

}  // namespace

double alea_first(std::string_view seed) noexcept {
  mash m;
  double s0 = m(" ");
  double s1 = m(" ");
  double s2 = m(" ");
  s0 -= m(seed);
  if (s0 < 0) s0 += 1;
  s1 -= m(seed);
  if (s1 < 0) s1 += 1;
  s2 -= m(seed);
  if (s2 < 0) s2 += 1;
  // The first step of the generator; s1 and s2 would feed later numbers.
  const double t = 2091639 * s0 + 1 * two_pow_minus_32;
  return t - to_int32(t);
}

double fuzz_interval(double interval, double elapsed_days, double maximum_interval,
                     double fuzz_factor) noexcept {
  double delta = 1;
  for (const fuzz_range& r : fuzz_ranges) {
    delta += r.factor * std::max(std::min(interval, r.end) - r.start, 0.0);
  }
  interval = std::min(interval, maximum_interval);
  double min_ivl = std::max(2.0, js_round(interval - delta));
  const double max_ivl = std::min(js_round(interval + delta), maximum_interval);
  if (interval > elapsed_days) min_ivl = std::max(min_ivl, elapsed_days + 1);
  min_ivl = std::min(min_ivl, max_ivl);
  return std::floor(fuzz_factor * (max_ivl - min_ivl + 1) + min_ivl);
}

}  // namespace notequiz::detail
