// parse_progress and merge on two progress records separated by a newline: no crash, a
// lossless round trip, merge commutative and idempotent (properties.hpp).
#include <cstddef>
#include <cstdint>

#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return notequiz::fuzzing::run_property(notequiz::fuzzing::progress_problem, data, size);
}
