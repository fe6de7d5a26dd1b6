// md4c_baseline [--rounds N] FILE...: a bare md_parse of each file with callbacks that do
// nothing, with the flags notequiz parses with. The reference parse_throughput and
// `notequiz check` are measured against (scripts/bench).
#include <md4c.h>

#include "html_writer.hpp"
#include "timing.hpp"

namespace {
int on_block(MD_BLOCKTYPE, void*, void*) { return 0; }
int on_span(MD_SPANTYPE, void*, void*) { return 0; }
int on_text(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) { return 0; }
}  // namespace

int main(int argc, char** argv) {
  int rounds = 0;
  const auto files = notequiz::bench::read_arguments(argc, argv, rounds);
  MD_PARSER parser{};
  parser.flags = notequiz::detail::md_flags;
  parser.enter_block = on_block;
  parser.leave_block = on_block;
  parser.enter_span = on_span;
  parser.leave_span = on_span;
  parser.text = on_text;
  return notequiz::bench::report_fastest(files, rounds, [&](const notequiz::bench::note_file& f) {
    return static_cast<std::size_t>(md_parse(f.text.data(), static_cast<MD_SIZE>(f.text.size()), &parser, nullptr) + 1);
  });
}
