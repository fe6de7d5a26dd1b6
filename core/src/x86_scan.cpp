#include "x86_scan.hpp"

#if defined(NOTEQUIZ_X86_SCAN)

#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

// The AVX2 functions carry this attribute (as do their helpers, so that they are inlined
// into them); they run only where widest() found AVX2. The rest of the file is SSE2. SSE
// helpers that AVX2 code uses are always inlined into it, so that they are encoded as AVX:
// SSE code run while the upper halves of the registers are in use is slow.
#define NOTEQUIZ_AVX2 __attribute__((target("avx2")))
#define NOTEQUIZ_INLINE __attribute__((always_inline)) inline

namespace notequiz::detail::x86 {

namespace {

// ---- Validation, the same steps at both widths ----------------------------------------------
//
// A block is 64 bytes, four SSE2 or two AVX2 vectors. Per block: the newlines, the high bits,
// and the leads. Leads have their top two bits set (C0-FF) and need a continuation byte after
// them; with the top three (E0-FF) a second one, with the top four (F0-FF) a third. Exactly
// the bytes some lead needs must be continuation bytes (80-BF): any other byte there, and any
// continuation byte no lead needs, makes the two masks differ. The rare bytes (NUL, the leads
// never valid: C0, C1, F5-FF, and those whose next byte has a narrower range: E0, ED, F0, F4)
// are only noted per stretch of 16 blocks, which is scanned again exactly when it has any.
// Notes in CJK or European text have none.

constexpr std::size_t block_size = 64;
constexpr std::size_t stretch_blocks = 16;
constexpr std::size_t stretch_size = block_size * stretch_blocks;

// The continuation bytes the lead masks need, from the block's first byte on, given those
// the block before still needs (`carry`); updates `carry` for the next block.
inline std::uint64_t needed_continuations(std::uint64_t lead2, std::uint64_t lead3, std::uint64_t lead4,
                                          std::uint64_t& carry) noexcept {
  const std::uint64_t needed = carry | lead2 << 1 | lead3 << 2 | lead4 << 3;
  carry = lead2 >> 63 | lead3 >> 62 | lead4 >> 61;
  return needed;
}

// The last bytes of the text, padded with spaces to a block: ASCII that ends no line and cuts
// off any sequence that the text does.
inline const char* block_at(std::string_view text, std::size_t i, char (&last)[block_size]) noexcept {
  if (text.size() - i >= block_size) return text.data() + i;
  std::memset(last, ' ', sizeof last);
  std::memcpy(last, text.data() + i, text.size() - i);
  return last;
}

namespace sse2 {

__m128i splat(int byte) noexcept { return _mm_set1_epi8(static_cast<char>(byte)); }
// All ones in the bytes equal to, at least or at most `byte` (as unsigned bytes).
__m128i equal(__m128i v, int byte) noexcept { return _mm_cmpeq_epi8(v, splat(byte)); }
__m128i at_least(__m128i v, int byte) noexcept { return _mm_cmpeq_epi8(_mm_max_epu8(v, splat(byte)), v); }
__m128i at_most(__m128i v, int byte) noexcept { return _mm_cmpeq_epi8(_mm_min_epu8(v, splat(byte)), v); }
// The high bit of each byte set where its top two, three or four bits are. psllw shifts
// 16-bit lanes: bits that cross into a lane's high byte land below its high bit.
__m128i top2(__m128i v) noexcept { return _mm_and_si128(v, _mm_slli_epi16(v, 1)); }
__m128i top3(__m128i v) noexcept { return _mm_and_si128(top2(v), _mm_slli_epi16(v, 2)); }
__m128i top4(__m128i v) noexcept { return _mm_and_si128(top3(v), _mm_slli_epi16(v, 3)); }
// Each byte's predecessor: `v` one byte on, after the last byte of `previous`.
__m128i before(__m128i v, __m128i previous) noexcept { return _mm_or_si128(_mm_slli_si128(v, 1), _mm_srli_si128(previous, 15)); }

// The bytes of `v` that are invalid for a reason the lead and continuation pattern misses
// (`b`: each byte's predecessor).
__m128i rare_errors(__m128i v, __m128i b) noexcept {
  const __m128i never = _mm_or_si128(_mm_or_si128(equal(v, 0), at_least(v, 0xF5)), equal(_mm_and_si128(v, splat(0xFE)), 0xC0));
  const __m128i overlong3 = _mm_and_si128(equal(b, 0xE0), at_most(v, 0x9F));   // E0 80-9F
  const __m128i surrogate = _mm_and_si128(equal(b, 0xED), at_least(v, 0xA0));  // ED A0-BF
  const __m128i overlong4 = _mm_and_si128(equal(b, 0xF0), at_most(v, 0x8F));   // F0 80-8F
  const __m128i too_high = _mm_and_si128(equal(b, 0xF4), at_least(v, 0x90));   // F4 90-BF
  return _mm_or_si128(_mm_or_si128(never, overlong3), _mm_or_si128(_mm_or_si128(surrogate, overlong4), too_high));
}

std::uint64_t bits(__m128i v) noexcept { return static_cast<std::uint32_t>(_mm_movemask_epi8(v)); }

// A block in four vectors, written out (an array of them would stay in memory).
struct block {
  __m128i a, b, c, d;
};
// The high bits of f(v) for the block's vectors, as one word: bit k for byte k.
template <typename F>
std::uint64_t bits_of(const block& x, F f) noexcept {
  return bits(f(x.a)) | bits(f(x.b)) << 16 | bits(f(x.c)) << 32 | bits(f(x.d)) << 48;
}

struct state {
  __m128i previous = _mm_setzero_si128();  // the last vector scanned
  std::uint64_t carry = 0;
};

// Scans the blocks of text[from, to), storing the newlines of each in `newlines` (as bits_of
// does). Returns non-zero when something is invalid; not `exact`, also when a rare byte occurs.
template <bool exact>
std::uint64_t scan(std::string_view text, std::size_t from, std::size_t to, state& s, std::uint64_t* newlines) noexcept {
  std::uint64_t bad = 0;
  __m128i lowest = splat(0xFF), highest = _mm_setzero_si128(), rare = _mm_setzero_si128();
  char last[block_size];
  for (std::size_t i = from; i < to; i += block_size) {
    const auto* at = reinterpret_cast<const __m128i*>(block_at(text, i, last));
    const block x{_mm_loadu_si128(at), _mm_loadu_si128(at + 1), _mm_loadu_si128(at + 2), _mm_loadu_si128(at + 3)};
    newlines[(i - from) / block_size] = bits_of(x, [](__m128i v) { return equal(v, '\n'); });
    if constexpr (!exact) {
      auto note = [&](__m128i v) {
        lowest = _mm_min_epu8(lowest, v);    // NUL
        highest = _mm_max_epu8(highest, v);  // F0-FF
        rare = _mm_or_si128(rare, _mm_or_si128(_mm_or_si128(equal(v, 0xE0), equal(v, 0xED)), equal(_mm_and_si128(v, splat(0xFE)), 0xC0)));
      };
      note(x.a);
      note(x.b);
      note(x.c);
      note(x.d);
    }
    const std::uint64_t high = bits_of(x, [](__m128i v) { return v; });
    if ((high | s.carry) != 0) {
      const std::uint64_t lead2 = bits_of(x, top2), lead3 = bits_of(x, top3);
      std::uint64_t lead4 = 0;  // F0-FF: rare bytes, so none unless exact
      if constexpr (exact) {
        lead4 = bits_of(x, top4);
        bad |= bits(_mm_or_si128(_mm_or_si128(rare_errors(x.a, before(x.a, s.previous)), rare_errors(x.b, before(x.b, x.a))),
                                 _mm_or_si128(rare_errors(x.c, before(x.c, x.b)), rare_errors(x.d, before(x.d, x.c)))));
      }
      bad |= needed_continuations(lead2, lead3, lead4, s.carry) ^ (high & ~lead2);
    } else if constexpr (exact) {
      bad |= bits_of(x, [](__m128i v) { return equal(v, 0); });
    }
    s.previous = x.d;
  }
  if constexpr (!exact) {
    if (bits(_mm_or_si128(_mm_or_si128(equal(lowest, 0), at_least(highest, 0xF0)), rare)) != 0) bad |= 1;
  }
  return bad;
}

struct kernel {
  using state = sse2::state;
  static std::uint64_t fast(std::string_view t, std::size_t from, std::size_t to, state& s, std::uint64_t* nl) noexcept {
    return scan<false>(t, from, to, s, nl);
  }
  static std::uint64_t exact(std::string_view t, std::size_t from, std::size_t to, state& s, std::uint64_t* nl) noexcept {
    return scan<true>(t, from, to, s, nl);
  }
};

}  // namespace sse2

namespace avx2 {

NOTEQUIZ_AVX2 inline __m256i splat(int byte) noexcept { return _mm256_set1_epi8(static_cast<char>(byte)); }
NOTEQUIZ_AVX2 inline __m256i equal(__m256i v, int byte) noexcept { return _mm256_cmpeq_epi8(v, splat(byte)); }
NOTEQUIZ_AVX2 inline __m256i at_least(__m256i v, int byte) noexcept {
  return _mm256_cmpeq_epi8(_mm256_max_epu8(v, splat(byte)), v);
}
NOTEQUIZ_AVX2 inline __m256i at_most(__m256i v, int byte) noexcept {
  return _mm256_cmpeq_epi8(_mm256_min_epu8(v, splat(byte)), v);
}
NOTEQUIZ_AVX2 inline __m256i top2(__m256i v) noexcept { return _mm256_and_si256(v, _mm256_slli_epi16(v, 1)); }
NOTEQUIZ_AVX2 inline __m256i top3(__m256i v) noexcept { return _mm256_and_si256(top2(v), _mm256_slli_epi16(v, 2)); }
NOTEQUIZ_AVX2 inline __m256i top4(__m256i v) noexcept { return _mm256_and_si256(top3(v), _mm256_slli_epi16(v, 3)); }
// alignr shifts within 128-bit halves: the permute brings the byte before each half.
NOTEQUIZ_AVX2 inline __m256i before(__m256i v, __m256i previous) noexcept {
  return _mm256_alignr_epi8(v, _mm256_permute2x128_si256(previous, v, 0x21), 15);
}

NOTEQUIZ_AVX2 inline __m256i rare_errors(__m256i v, __m256i b) noexcept {
  const __m256i never =
      _mm256_or_si256(_mm256_or_si256(equal(v, 0), at_least(v, 0xF5)), equal(_mm256_and_si256(v, splat(0xFE)), 0xC0));
  const __m256i overlong3 = _mm256_and_si256(equal(b, 0xE0), at_most(v, 0x9F));
  const __m256i surrogate = _mm256_and_si256(equal(b, 0xED), at_least(v, 0xA0));
  const __m256i overlong4 = _mm256_and_si256(equal(b, 0xF0), at_most(v, 0x8F));
  const __m256i too_high = _mm256_and_si256(equal(b, 0xF4), at_least(v, 0x90));
  return _mm256_or_si256(_mm256_or_si256(never, overlong3), _mm256_or_si256(_mm256_or_si256(surrogate, overlong4), too_high));
}

NOTEQUIZ_AVX2 inline std::uint64_t bits(__m256i v) noexcept { return static_cast<std::uint32_t>(_mm256_movemask_epi8(v)); }
NOTEQUIZ_AVX2 inline std::uint64_t bits(__m256i a, __m256i b) noexcept { return bits(a) | bits(b) << 32; }

struct state {
  char last = 0;  // the last byte scanned (no vector: the state is copied outside AVX2 code)
  std::uint64_t carry = 0;
};

// sse2::scan with a block in two vectors. (Written out again: functions of both widths
// cannot share a template, as the AVX2 ones need the target attribute.)
template <bool exact>
NOTEQUIZ_AVX2 std::uint64_t scan(std::string_view text, std::size_t from, std::size_t to, state& s,
                                 std::uint64_t* newlines) noexcept {
  std::uint64_t bad = 0;
  __m256i lowest = splat(0xFF), highest = _mm256_setzero_si256(), rare = _mm256_setzero_si256();
  __m256i previous = splat(s.last);  // only its last byte counts
  char last[block_size];
  for (std::size_t i = from; i < to; i += block_size) {
    const char* bytes = block_at(text, i, last);
    const auto* at = reinterpret_cast<const __m256i*>(bytes);
    const __m256i a = _mm256_loadu_si256(at), b = _mm256_loadu_si256(at + 1);
    newlines[(i - from) / block_size] = bits(equal(a, '\n'), equal(b, '\n'));
    if constexpr (!exact) {
      lowest = _mm256_min_epu8(lowest, _mm256_min_epu8(a, b));
      highest = _mm256_max_epu8(highest, _mm256_max_epu8(a, b));
      const __m256i fe = splat(0xFE);
      rare = _mm256_or_si256(rare, _mm256_or_si256(_mm256_or_si256(equal(a, 0xE0), equal(a, 0xED)),
                                                   equal(_mm256_and_si256(a, fe), 0xC0)));
      rare = _mm256_or_si256(rare, _mm256_or_si256(_mm256_or_si256(equal(b, 0xE0), equal(b, 0xED)),
                                                   equal(_mm256_and_si256(b, fe), 0xC0)));
    }
    const std::uint64_t high = bits(a, b);
    if ((high | s.carry) != 0) {
      const std::uint64_t lead2 = bits(top2(a), top2(b)), lead3 = bits(top3(a), top3(b));
      std::uint64_t lead4 = 0;
      if constexpr (exact) {
        lead4 = bits(top4(a), top4(b));
        bad |= bits(_mm256_or_si256(rare_errors(a, before(a, previous)), rare_errors(b, before(b, a))));
      }
      bad |= needed_continuations(lead2, lead3, lead4, s.carry) ^ (high & ~lead2);
    } else if constexpr (exact) {
      bad |= bits(equal(a, 0), equal(b, 0));
    }
    previous = b;
    s.last = bytes[block_size - 1];
  }
  if constexpr (!exact) {
    if (bits(_mm256_or_si256(_mm256_or_si256(equal(lowest, 0), at_least(highest, 0xF0)), rare)) != 0) bad |= 1;
  }
  return bad;
}

struct kernel {
  using state = avx2::state;
  NOTEQUIZ_AVX2 static std::uint64_t fast(std::string_view t, std::size_t from, std::size_t to, state& s,
                                          std::uint64_t* nl) noexcept {
    return scan<false>(t, from, to, s, nl);
  }
  NOTEQUIZ_AVX2 static std::uint64_t exact(std::string_view t, std::size_t from, std::size_t to, state& s,
                                           std::uint64_t* nl) noexcept {
    return scan<true>(t, from, to, s, nl);
  }
};

}  // namespace avx2

// Appends where lines start after the newlines of the stretch text[from, to), as the scans
// stored them. Two a block, whether there are that many or not (a branch per newline would
// be mispredicted in most blocks: lines are a few dozen bytes); a loop takes any more.
void add_line_starts(const std::uint64_t* newlines, std::size_t from, std::size_t to, std::vector<std::size_t>& starts) {
  std::uint16_t found[stretch_size + 4];  // offsets in the stretch; past `count`, junk
  std::size_t count = 0;
  for (std::size_t k = 0; from + k * block_size < to; ++k) {
    std::uint64_t nl = newlines[k];
    const auto base = static_cast<unsigned>(k * block_size + 1);
    auto take = [&] {
      // Bit 63 stands in for a missing newline, so that ctz is defined; it is not counted.
      found[count] = static_cast<std::uint16_t>(base + static_cast<unsigned>(__builtin_ctzll(nl | 1ULL << 63)));
      count += nl != 0;
      nl &= nl - 1;
    };
    take();
    take();
    while (nl != 0) take();
  }
  const std::size_t old_size = starts.size();
  starts.resize(old_size + count);
  for (std::size_t j = 0; j < count; ++j) starts[old_size + j] = from + found[j];
}

template <typename kernel>
bool valid_utf8_with(std::string_view text, std::vector<std::size_t>* starts) {
  typename kernel::state s{};
  std::uint64_t newlines[stretch_blocks];
  bool exact_next = false;
  for (std::size_t from = 0; from < text.size(); from += stretch_size) {
    const std::size_t to = std::min(text.size(), from + stretch_size);
    const typename kernel::state at_start = s;
    if (exact_next || kernel::fast(text, from, to, s, newlines) != 0) {
      s = at_start;
      if (kernel::exact(text, from, to, s, newlines) != 0) return false;
    }
    // E0, ED, F0 and F4 narrow the range of the byte after them, which the next stretch holds.
    const auto last = static_cast<unsigned char>(text[to - 1]);
    exact_next = last == 0xE0 || last == 0xED || last == 0xF0 || last == 0xF4;
    if (starts != nullptr) add_line_starts(newlines, from, to, *starts);
  }
  return s.carry == 0;
}

// ---- The bytes to escape ---------------------------------------------------------------------

// All ones in each byte append_escaped replaces. & and ' (0x26, 0x27) differ in bit 0 only,
// < and > (0x3C, 0x3E) in bit 1 only.
NOTEQUIZ_INLINE __m128i escaped(__m128i v) noexcept {
  const __m128i amp_apos = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x01)), _mm_set1_epi8(0x27));
  const __m128i lt_gt = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x02)), _mm_set1_epi8(0x3E));
  return _mm_or_si128(_mm_or_si128(amp_apos, lt_gt), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x22)));
}
NOTEQUIZ_INLINE unsigned escaped_bits(const char* p) noexcept {
  return static_cast<unsigned>(_mm_movemask_epi8(escaped(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)))));
}

// The last bytes, fewer than 32 from `i` (n >= 16), sixteen at a time. The AVX2 search ends
// with it too.
NOTEQUIZ_INLINE std::size_t next_escaped_tail(const char* p, std::size_t i, std::size_t n) noexcept {
  for (; i + 16 <= n; i += 16) {
    const unsigned bits = escaped_bits(p + i);
    if (bits != 0) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
  if (i < n) {  // the last 16 bytes, read again: only those from i on count
    const unsigned bits = escaped_bits(p + n - 16) >> (16 - (n - i));
    if (bits != 0) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
  return n;
}

// Loops that call nothing, so that everything stays in registers.
std::size_t next_escaped_sse2(const char* p, std::size_t from, std::size_t n) noexcept {
  std::size_t i = from;
  for (; i + 32 <= n; i += 32) {
    const __m128i a = escaped(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));
    const __m128i b = escaped(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16)));
    if (_mm_movemask_epi8(_mm_or_si128(a, b)) == 0) continue;
    const auto bits = static_cast<unsigned>(_mm_movemask_epi8(a)) | static_cast<unsigned>(_mm_movemask_epi8(b)) << 16;
    return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
  return next_escaped_tail(p, i, n);
}

NOTEQUIZ_AVX2 inline __m256i escaped(__m256i v) noexcept {
  const __m256i amp_apos = _mm256_cmpeq_epi8(_mm256_or_si256(v, _mm256_set1_epi8(0x01)), _mm256_set1_epi8(0x27));
  const __m256i lt_gt = _mm256_cmpeq_epi8(_mm256_or_si256(v, _mm256_set1_epi8(0x02)), _mm256_set1_epi8(0x3E));
  return _mm256_or_si256(_mm256_or_si256(amp_apos, lt_gt), _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x22)));
}

NOTEQUIZ_AVX2 std::size_t next_escaped_avx2(const char* p, std::size_t from, std::size_t n) noexcept {
  std::size_t i = from;
  for (; i + 64 <= n; i += 64) {
    const __m256i a = escaped(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
    const __m256i b = escaped(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32)));
    if (_mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b)) != 0) continue;
    const std::uint64_t bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(a)) |
                               std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(b))} << 32;
    return i + static_cast<std::size_t>(__builtin_ctzll(bits));
  }
  for (; i + 32 <= n; i += 32) {
    const auto bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(escaped(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)))));
    if (bits != 0) return i + static_cast<std::size_t>(__builtin_ctz(bits));
  }
  return next_escaped_tail(p, i, n);
}

vectors detect() noexcept {
  __builtin_cpu_init();  // in case this runs before the runtime's own initialization
  return __builtin_cpu_supports("avx2") ? vectors::avx2 : vectors::sse2;
}

// Asked once, when the library is loaded. Zero, the value before that, is SSE2.
const vectors detected = detect();

}  // namespace

vectors widest() noexcept { return detected; }

bool valid_utf8(std::string_view text, std::vector<std::size_t>* starts, vectors use) {
  return use == vectors::avx2 ? valid_utf8_with<avx2::kernel>(text, starts) : valid_utf8_with<sse2::kernel>(text, starts);
}

bool valid_utf8(std::string_view text, std::vector<std::size_t>* starts) { return valid_utf8(text, starts, detected); }

std::size_t next_escaped(const char* p, std::size_t from, std::size_t n, vectors use) noexcept {
  return use == vectors::avx2 ? next_escaped_avx2(p, from, n) : next_escaped_sse2(p, from, n);
}

std::size_t next_escaped(const char* p, std::size_t from, std::size_t n) noexcept { return next_escaped(p, from, n, detected); }

}  // namespace notequiz::detail::x86

#endif
