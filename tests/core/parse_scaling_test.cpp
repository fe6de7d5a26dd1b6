// Linear-ish work: for every pathological shape, 8 times the input gives at most 12 times the
// work. Tests never time themselves, so "work" is measured by deterministic proxies: the
// events md4c reports for the input, the bytes of what the parser produces (deck and
// diagnostics as JSON) and the bytes of what the checker reports. Quadratic CPU with linear
// output is caught elsewhere: pathological_test.cpp runs the same shapes at sizes where
// quadratic time would not finish, and scripts/fuzz feeds them to the fuzz targets under
// libFuzzer's -timeout (docs/hardening.md#linear-time).
#include <gtest/gtest.h>

#include <md4c.h>

#include <cstdint>
#include <functional>
#include <string>

#include "html_writer.hpp"
#include "notequiz/check.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/parse.hpp"
#include "pathological_inputs.hpp"

using namespace notequiz;
using notequiz::testing::pathological_shapes;

namespace {

#ifdef NOTEQUIZ_UNDER_ASAN
constexpr std::size_t small_n = 200;  // the sanitize preset is a Debug build: smaller, same ratio
#else
constexpr std::size_t small_n = 2'000;
#endif
constexpr std::size_t growth = 8;
constexpr std::size_t allowed = 12;  // 8x input, 1.5x slack for fixed costs; quadratic would be 64x

std::uint64_t md4c_events(const std::string& text) {
  std::uint64_t count = 0;
  MD_PARSER parser{};
  parser.flags = detail::md_flags;
  parser.enter_block = [](MD_BLOCKTYPE, void*, void* u) { return ++*static_cast<std::uint64_t*>(u), 0; };
  parser.leave_block = [](MD_BLOCKTYPE, void*, void* u) { return ++*static_cast<std::uint64_t*>(u), 0; };
  parser.enter_span = [](MD_SPANTYPE, void*, void* u) { return ++*static_cast<std::uint64_t*>(u), 0; };
  parser.leave_span = [](MD_SPANTYPE, void*, void* u) { return ++*static_cast<std::uint64_t*>(u), 0; };
  parser.text = [](MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void* u) { return ++*static_cast<std::uint64_t*>(u), 0; };
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &count);
  return count;
}

std::uint64_t parser_output_bytes(const std::string& text) { return to_json(parse_notes(text)).size(); }

std::uint64_t checker_output_bytes(const std::string& text) {
  check_file_options options;
  options.path = "notes.md";
  const file_report report = check_file(text, options);
  std::uint64_t bytes = 0;
  for (const auto& d : report.diagnostics) bytes += d.rule.size() + d.message.size() + 16;
  for (const auto& f : report.fixes) bytes += f.replacement.size() + 16;
  return bytes;
}

void expect_linear(const char* what, const std::function<std::uint64_t(const std::string&)>& work) {
  for (const auto& shape : pathological_shapes) {
    const std::uint64_t small = work(shape.make(small_n));
    const std::uint64_t large = work(shape.make(small_n * growth));
    EXPECT_LE(large, allowed * small + 1024) << what << " for " << shape.name << ": " << small << " at n=" << small_n
                                              << ", " << large << " at n=" << small_n * growth;
  }
}

}  // namespace

TEST(ParseScaling, Md4cEventsGrowLinearlyForEveryShape) { expect_linear("md4c events", md4c_events); }

TEST(ParseScaling, ParserOutputGrowsLinearlyForEveryShape) { expect_linear("parse_notes JSON bytes", parser_output_bytes); }

TEST(ParseScaling, CheckerFindingsGrowLinearlyForEveryShape) { expect_linear("check_file report bytes", checker_output_bytes); }
