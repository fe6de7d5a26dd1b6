// check_file, apply_fixes and check_corpus on a note (with an optional first line of
// configuration): no crash, diagnostics and fixes in place and in order (properties.hpp).
#include <cstddef>
#include <cstdint>

#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return notequiz::fuzzing::run_property(notequiz::fuzzing::check_problem, data, size);
}
