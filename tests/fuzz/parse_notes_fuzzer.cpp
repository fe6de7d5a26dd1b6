// parse_notes on any bytes: no crash, safe HTML, positions inside the file, a deck that
// survives its JSON round trip (properties.hpp).
#include <cstddef>
#include <cstdint>

#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return notequiz::fuzzing::run_property(notequiz::fuzzing::parse_notes_problem, data, size);
}
