// render_html on any bytes: no crash, and HTML that cannot run script (properties.hpp).
#include <cstddef>
#include <cstdint>

#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return notequiz::fuzzing::run_property(notequiz::fuzzing::render_problem, data, size);
}
