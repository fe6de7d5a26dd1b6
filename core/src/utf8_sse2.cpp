#include "utf8_sse2.hpp"

#if defined(__SSE2__)

#include <emmintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace notequiz::detail::sse2 {

namespace {

__m128i splat(int byte) noexcept { return _mm_set1_epi8(static_cast<char>(byte)); }

// All ones in the bytes equal to, at least or at most `byte` (as unsigned bytes).
__m128i bytes_equal(__m128i v, int byte) noexcept { return _mm_cmpeq_epi8(v, splat(byte)); }
__m128i bytes_at_least(__m128i v, int byte) noexcept { return _mm_cmpeq_epi8(_mm_max_epu8(v, splat(byte)), v); }
__m128i bytes_at_most(__m128i v, int byte) noexcept { return _mm_cmpeq_epi8(_mm_min_epu8(v, splat(byte)), v); }

// The high bit of each byte set where its top two bits are (C0-FF: a lead that needs a
// continuation byte after it), its top three (E0-FF: a second one), its top four (F0-FF: a
// third). psllw shifts 16-bit lanes: bits that cross into a lane's high byte land below its
// high bit.
__m128i top2(__m128i v) noexcept { return _mm_and_si128(v, _mm_slli_epi16(v, 1)); }
__m128i top3(__m128i v) noexcept { return _mm_and_si128(top2(v), _mm_slli_epi16(v, 2)); }
__m128i top4(__m128i v) noexcept { return _mm_and_si128(top3(v), _mm_slli_epi16(v, 3)); }

// Each byte's predecessor: `v` one byte on, after the last byte of `previous`.
__m128i bytes_before(__m128i v, __m128i previous) noexcept {
  return _mm_or_si128(_mm_slli_si128(v, 1), _mm_srli_si128(previous, 15));
}

// The bytes of `v` that are invalid for a reason other than the lead and continuation
// pattern: NUL, the leads never valid (C0, C1, F5-FF), and the second bytes out of the
// narrower ranges E0, ED, F0 and F4 allow (`before` holds each byte's predecessor).
__m128i rare_errors(__m128i v, __m128i before) noexcept {
  const __m128i never = _mm_or_si128(_mm_or_si128(bytes_equal(v, 0), bytes_at_least(v, 0xF5)),
                                     bytes_equal(_mm_and_si128(v, splat(0xFE)), 0xC0));
  const __m128i overlong3 = _mm_and_si128(bytes_equal(before, 0xE0), bytes_at_most(v, 0x9F));   // E0 80-9F
  const __m128i surrogate = _mm_and_si128(bytes_equal(before, 0xED), bytes_at_least(v, 0xA0));  // ED A0-BF
  const __m128i overlong4 = _mm_and_si128(bytes_equal(before, 0xF0), bytes_at_most(v, 0x8F));   // F0 80-8F
  const __m128i too_high = _mm_and_si128(bytes_equal(before, 0xF4), bytes_at_least(v, 0x90));   // F4 90-BF
  return _mm_or_si128(_mm_or_si128(never, overlong3), _mm_or_si128(_mm_or_si128(surrogate, overlong4), too_high));
}

constexpr std::size_t block_size = 64;
constexpr std::size_t stretch_blocks = 16;
constexpr std::size_t stretch_size = block_size * stretch_blocks;

// A block of 64 bytes in four vectors, each written out (a loop over an array of them would
// keep them in memory).
struct block {
  __m128i a, b, c, d;
};

std::uint64_t mask16(__m128i v) noexcept { return static_cast<std::uint32_t>(_mm_movemask_epi8(v)); }

// The high bits of f(v) for the four vectors of a block, as one word: bit k for byte k.
template <typename F>
std::uint64_t bits_of(const block& x, F f) noexcept {
  return mask16(f(x.a)) | mask16(f(x.b)) << 16 | mask16(f(x.c)) << 32 | mask16(f(x.d)) << 48;
}

struct scan_state {
  __m128i previous = _mm_setzero_si128();  // the last sixteen bytes scanned
  std::uint64_t carry = 0;  // the continuation bytes needed at the start of the next block, from bit 0
};

// Scans the blocks of text[from, to) (`to` - `from` a multiple of the block size, unless `to`
// is the end), storing the newlines of each in `newlines` (as bits_of does). Returns non-zero
// when something is invalid. Not `exact`, it checks only the lead and continuation pattern,
// and also returns non-zero when a rare byte occurs (one rare_errors looks at, or F0-FF): the
// caller then scans the stretch again, exactly. Rare bytes are few or none in most notes.
template <bool exact>
std::uint64_t scan_stretch(std::string_view text, std::size_t from, std::size_t to, scan_state& s,
                           std::uint64_t* newlines) noexcept {
  const char* const p = text.data();
  const std::size_t n = text.size();
  std::uint64_t bad = 0;
  __m128i lowest = splat(0xFF), highest = _mm_setzero_si128(), rare = _mm_setzero_si128();
  char last[block_size];
  for (std::size_t i = from; i < to; i += block_size) {
    const char* bytes = p + i;
    if (n - i < block_size) {
      // The last bytes, padded with spaces: ASCII that ends no line and cuts off any
      // sequence that the text does. In the loop, so that its body is inlined once.
      std::memset(last, ' ', sizeof last);
      std::memcpy(last, bytes, n - i);
      bytes = last;
    }
    const auto* at = reinterpret_cast<const __m128i*>(bytes);
    const block x{_mm_loadu_si128(at), _mm_loadu_si128(at + 1), _mm_loadu_si128(at + 2), _mm_loadu_si128(at + 3)};
    newlines[(i - from) / block_size] = bits_of(x, [](__m128i v) { return bytes_equal(v, '\n'); });
    if constexpr (!exact) {
      auto note = [&](__m128i v) {
        lowest = _mm_min_epu8(lowest, v);    // NUL
        highest = _mm_max_epu8(highest, v);  // F0-FF
        rare = _mm_or_si128(rare, _mm_or_si128(_mm_or_si128(bytes_equal(v, 0xE0), bytes_equal(v, 0xED)),
                                               bytes_equal(_mm_and_si128(v, splat(0xFE)), 0xC0)));
      };
      note(x.a);
      note(x.b);
      note(x.c);
      note(x.d);
    }
    const std::uint64_t high = bits_of(x, [](__m128i v) { return v; });
    if ((high | s.carry) != 0) {
      // Exactly the bytes some lead needs must be continuation bytes (80-BF): any other byte
      // there, and any continuation byte no lead needs, makes the two masks differ.
      const std::uint64_t lead2 = bits_of(x, top2), lead3 = bits_of(x, top3);
      std::uint64_t lead4 = 0;  // F0-FF: rare bytes, so none unless exact
      if constexpr (exact) {
        lead4 = bits_of(x, top4);
        const __m128i errors =
            _mm_or_si128(_mm_or_si128(rare_errors(x.a, bytes_before(x.a, s.previous)), rare_errors(x.b, bytes_before(x.b, x.a))),
                         _mm_or_si128(rare_errors(x.c, bytes_before(x.c, x.b)), rare_errors(x.d, bytes_before(x.d, x.c))));
        bad |= mask16(errors);
      }
      bad |= (s.carry | lead2 << 1 | lead3 << 2 | lead4 << 3) ^ (high & ~lead2);
      s.carry = lead2 >> 63 | lead3 >> 62 | lead4 >> 61;
    } else if constexpr (exact) {
      bad |= bits_of(x, [](__m128i v) { return bytes_equal(v, 0); });
    }
    s.previous = x.d;
  }
  if constexpr (!exact) {
    const __m128i any = _mm_or_si128(_mm_or_si128(bytes_equal(lowest, 0), bytes_at_least(highest, 0xF0)), rare);
    if (_mm_movemask_epi8(any) != 0) bad |= 1;
  }
  return bad;
}

// Appends where lines start after the newlines of the stretch text[from, to), as
// scan_stretch stored them. Four a block, whether there are that many or not (a branch per
// newline would be mispredicted in most blocks); a loop takes any more.
void add_line_starts(const std::uint64_t* newlines, std::size_t from, std::size_t to, std::vector<std::size_t>& starts) {
  std::uint16_t found[stretch_size + 4];  // offsets in the stretch; past `count`, junk
  std::size_t count = 0;
  for (std::size_t k = 0; from + k * block_size < to; ++k) {
    std::uint64_t bits = newlines[k];
    const auto base = static_cast<unsigned>(k * block_size + 1);
    auto take = [&] {
      // Bit 63 stands in for a missing newline, so that ctz is defined; it is not counted.
      found[count] = static_cast<std::uint16_t>(base + static_cast<unsigned>(__builtin_ctzll(bits | 1ULL << 63)));
      count += bits != 0;
      bits &= bits - 1;
    };
    take();
    take();
    take();
    take();
    while (bits != 0) take();
  }
  const std::size_t old_size = starts.size();
  starts.resize(old_size + count);
  for (std::size_t j = 0; j < count; ++j) starts[old_size + j] = from + found[j];
}

}  // namespace

bool valid_utf8(std::string_view text, std::vector<std::size_t>* starts) {
  scan_state s;
  std::uint64_t newlines[stretch_blocks];
  bool exact_next = false;
  for (std::size_t from = 0; from < text.size(); from += stretch_size) {
    const std::size_t to = std::min(text.size(), from + stretch_size);
    const scan_state before = s;
    if (exact_next || scan_stretch<false>(text, from, to, s, newlines) != 0) {
      s = before;
      if (scan_stretch<true>(text, from, to, s, newlines) != 0) return false;
    }
    // E0, ED, F0 and F4 narrow the range of the byte after them, which the next stretch holds.
    const auto last = static_cast<unsigned char>(text[to - 1]);
    exact_next = last == 0xE0 || last == 0xED || last == 0xF0 || last == 0xF4;
    if (starts != nullptr) add_line_starts(newlines, from, to, *starts);
  }
  return s.carry == 0;
}

}  // namespace notequiz::detail::sse2

#endif
