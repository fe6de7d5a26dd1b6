// deck_from_json on any bytes: no crash, and a deck that reads back writes the same JSON
// (properties.hpp).
#include <cstddef>
#include <cstdint>

#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return notequiz::fuzzing::run_property(notequiz::fuzzing::deck_json_problem, data, size);
}
