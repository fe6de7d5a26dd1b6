// md4c_baseline [--rounds N] FILE...: a bare md_parse of each file with callbacks that do
// nothing, with the flags notequiz parses with. The reference parse_throughput and
// `notequiz check` are measured against (scripts/bench).
// md4c_baseline --stream FILE...: md4c as a command: reads each file into one buffer and parses
// it, then the next, as check streams notes; scripts/bench times the whole process.
#include <md4c.h>

#include "html_writer.hpp"
#include "timing.hpp"

#include <string_view>

namespace {
int on_block(MD_BLOCKTYPE, void*, void*) { return 0; }
int on_span(MD_SPANTYPE, void*, void*) { return 0; }
int on_text(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) { return 0; }
}  // namespace

int main(int argc, char** argv) {
  MD_PARSER parser{};
  parser.flags = notequiz::detail::md_flags;
  parser.enter_block = on_block;
  parser.leave_block = on_block;
  parser.enter_span = on_span;
  parser.leave_span = on_span;
  parser.text = on_text;
  if (argc > 1 && std::string_view(argv[1]) == "--stream") {
    std::string text;
    int sink = 0;
    for (int i = 2; i < argc; ++i) {
      notequiz::bench::read_into(argv[i], text);
      sink += md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, nullptr) + 1;
    }
    std::printf("files=%d sink=%d\n", argc - 2, sink % 10);
    return 0;
  }
  int rounds = 0;
  const auto files = notequiz::bench::read_arguments(argc, argv, rounds);
  return notequiz::bench::report_fastest(files, rounds, [&](const notequiz::bench::note_file& f) {
    return static_cast<std::size_t>(md_parse(f.text.data(), static_cast<MD_SIZE>(f.text.size()), &parser, nullptr) + 1);
  });
}
