// Inputs that make markdown parsers slow, deep or large: each finishes, gives a deck and
// sensible diagnostics, and the checker says something sensible about it. Memory is checked
// as a generous sanity bound on the peak resident set, never time: a shape that went
// quadratic would not finish at these sizes. Under AddressSanitizer (the sanitize preset, a
// Debug build) sizes are divided by 50, enough for what ASan looks for (memory errors, not
// scale), and memory is not checked, since ASan's shadow and quarantine are most of it
// (docs/hardening.md#pathological-inputs).
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "notequiz/check.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/render.hpp"
#include "pathological_inputs.hpp"
#include "test_support.hpp"

using namespace notequiz;
namespace nt = notequiz::testing;

namespace {

#ifdef NOTEQUIZ_UNDER_ASAN
constexpr std::size_t scale = 50;
constexpr bool check_memory = false;
#else
constexpr std::size_t scale = 1;
constexpr bool check_memory = true;
#endif

std::size_t sized(std::size_t n) { return std::max<std::size_t>(n / scale, 1); }

// The peak resident set since the last reset, in bytes. Linux resets the high-water mark on
// writing 5 to /proc/self/clear_refs; getrusage then reports the peak since that moment.
void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }
std::size_t current_memory() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096;
}
std::size_t peak_memory() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;
}

struct outcome {
  parse_result parsed;
  file_report checked;
  std::size_t memory_growth = 0;
};

// Parses and checks `text`, measuring the peak memory of both above what was resident before.
outcome run(const std::string& text) {
  outcome out;
  const std::size_t before = current_memory();
  reset_peak_memory();
  out.parsed = parse_notes(text, {});
  check_file_options options;
  options.path = "notes.md";
  out.checked = check_file(text, options);
  out.memory_growth = peak_memory() > before ? peak_memory() - before : 0;
  return out;
}

// A generous bound: the deck holds every answer's HTML and markdown (a few times the input)
// and up to four kilobytes of bookkeeping per card (the card, its diagnostics and the checker's
// copies, measured in a fresh process); anything above means memory grew out of
// proportion to the notes.
void expect_bounded_memory(const outcome& o, std::size_t input_size) {
  if (!check_memory) return;
  const std::size_t bound = 40 * input_size + 4096 * o.parsed.deck.cards.size() + (32u << 20);
  EXPECT_LT(o.memory_growth, bound) << "peak memory grew by " << (o.memory_growth >> 20) << " MiB for "
                                    << (input_size >> 10) << " KiB of notes and " << o.parsed.deck.cards.size() << " cards";
}

std::size_t count_rule(const std::vector<diagnostic>& ds, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(ds.begin(), ds.end(), [&](const diagnostic& d) { return d.rule == rule; }));
}

}  // namespace

TEST(Pathological, HundredThousandNestedBracketsGiveOneCardWithItsText) {
  const std::string text = nt::nested_brackets(sized(100'000));
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), 1u);
  EXPECT_NE(o.parsed.deck.cards[0].answer_html.find("[[[a]]]"), std::string::npos);
  EXPECT_EQ(o.checked.cards, 1u);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, HundredThousandEmphasisMarkersGiveOneCard) {
  const std::string text = nt::emphasis_markers(sized(100'000));
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), 1u);
  EXPECT_GT(o.parsed.deck.cards[0].answer_html.size(), text.size() / 2);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, AOneMegabyteLineIsOneAnswer) {
  const std::string text = nt::long_line(sized(200'000));  // "word " x 200,000: 1 MB
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), 1u);
  EXPECT_EQ(o.parsed.deck.cards[0].answer_markdown.size(), text.size() - std::string("# Long line\n").size() - 1);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, AMillionTinyQuestionsGiveAMillionCards) {
  const std::size_t n = sized(1'000'000);
  const std::string text = nt::tiny_questions(n);
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), n);
  EXPECT_EQ(o.parsed.deck.cards.back().title, "q" + std::to_string(n - 1));
  EXPECT_EQ(o.parsed.deck.cards.back().position.line, 2 * n - 1);
  EXPECT_EQ(o.checked.cards, n);
  EXPECT_EQ(count_rule(o.checked.diagnostics, "duplicate-question"), 0u);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, ThousandsOfUnclosedFencesAreReportedAtTheLastOne) {
  const std::size_t n = sized(5'000);
  const std::string text = nt::unclosed_fences(n);
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), n + 1);
  // The fences inside block quotes end with their quote; only the last one swallows the file.
  const std::uint32_t last_fence_line = static_cast<std::uint32_t>(4 * n + 2);
  ASSERT_EQ(count_rule(o.checked.diagnostics, "unclosed-fence"), 1u);
  const auto it = std::find_if(o.checked.diagnostics.begin(), o.checked.diagnostics.end(),
                               [](const diagnostic& d) { return d.rule == "unclosed-fence"; });
  EXPECT_EQ(it->line, last_fence_line);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, ATableWithThousandsOfColumnsStaysOneCard) {
  const std::string text = nt::wide_table(sized(5'000));
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), 1u);
  EXPECT_FALSE(o.parsed.deck.cards[0].answer_html.empty());
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, TenThousandNestedListsStayOneCard) {
  const std::size_t n = sized(10'000);
  const std::string text = nt::nested_lists(n);
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), 1u);
  const std::string& html = o.parsed.deck.cards[0].answer_html;
  EXPECT_EQ(static_cast<std::size_t>(std::count(html.begin(), html.end(), '<')) % 2, 0u) << "every tag closed";
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, TenThousandNestedBlockquotesStayOneCard) {
  const std::string text = nt::nested_quotes(sized(10'000));
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), 1u);
  EXPECT_NE(o.parsed.deck.cards[0].answer_html.find("<blockquote>"), std::string::npos);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, EmptyHeadingsAfterAFenceOnlyTheScannerSeesAreReportedInLinearTime) {
  // Was quadratic: each empty heading searched the rest of the file for its line.
  const std::size_t n = sized(200'000);
  const std::string text = nt::empty_headings_after_list_fence(n);
  const outcome o = run(text);
  EXPECT_EQ(o.parsed.deck.cards.size(), n);
  EXPECT_EQ(count_rule(o.parsed.diagnostics, "empty-title"), n);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, OnlyHeadingsGiveSectionsAndEmptyAnswers) {
  const std::size_t n = sized(50'000);
  const std::string text = nt::only_headings(n);
  const outcome o = run(text);
  // Each of the n runs of levels 1-6 nests down to one question, `F`, with an empty answer.
  ASSERT_EQ(o.parsed.deck.cards.size(), n);
  EXPECT_EQ(o.parsed.deck.cards[0].section_path, (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  EXPECT_EQ(count_rule(o.checked.diagnostics, "empty-answer"), n);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, InvalidUtf8IsReplacedAndReportedOnce) {
  const std::string text = nt::invalid_utf8(sized(100'000));
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), 1u);
  EXPECT_NE(o.parsed.deck.cards[0].answer_html.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_EQ(count_rule(o.parsed.diagnostics, "encoding"), 1u);
  EXPECT_EQ(o.parsed.diagnostics[0].line, 2u);
  EXPECT_GE(count_rule(o.checked.diagnostics, "encoding"), 1u);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, NulBytesBecomeReplacementCharacters) {
  const std::size_t n = sized(100'000);
  const std::string text = nt::nul_bytes(n);
  const outcome o = run(text);
  ASSERT_EQ(o.parsed.deck.cards.size(), n);
  EXPECT_EQ(o.parsed.deck.cards[0].title, "Q\xEF\xBF\xBD");
  EXPECT_EQ(count_rule(o.parsed.diagnostics, "encoding"), 1u);
  EXPECT_GE(count_rule(o.checked.diagnostics, "encoding"), 1u);
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, FiftyMegabytesOfRealNotesParseCardForCard) {
  const std::string seed = nt::read_source_file("tests/fixtures/go-interview-notes.md");
  ASSERT_FALSE(seed.empty());
  const std::size_t copies = (50u << 20) / scale / seed.size() + 1;
  const std::string text = nt::repeat(seed + "\n\n", copies);
  const outcome o = run(text);
  EXPECT_EQ(o.parsed.deck.cards.size(), 28 * copies);
  EXPECT_EQ(o.checked.cards, 28 * copies);
  EXPECT_GE(count_rule(o.checked.diagnostics, "duplicate-question"), 28 * (copies - 1));
  expect_bounded_memory(o, text.size());
}

TEST(Pathological, ANoteRepeatingOneQuestionCheckedTwiceReportsEveryRepeat) {
  // check_corpus::add was quadratic here: one sorted insert per duplicate.
  const std::size_t n = sized(100'000);
  const std::string text = nt::repeat("## Q\n\na\n", n);
  check_file_options options;
  options.path = "notes.md";
  file_report first = check_file(text, options);
  file_report second = first;
  check_corpus corpus;
  corpus.add(first);
  const std::size_t before = second.diagnostics.size();
  corpus.add(second);
  EXPECT_EQ(second.diagnostics.size() - before, n);
  EXPECT_TRUE(std::is_sorted(second.diagnostics.begin(), second.diagnostics.end(), [](const diagnostic& a, const diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  }));
}

TEST(Pathological, AnEmptyFileIsAnEmptyDeck) {
  const outcome o = run("");
  EXPECT_TRUE(o.parsed.deck.cards.empty());
  EXPECT_EQ(o.parsed.deck.id, "notes");
  EXPECT_EQ(o.checked.cards, 0u);
  EXPECT_EQ(render_html(""), "");
}

TEST(Pathological, RenderingEveryShapeFinishesWithOutput) {
  for (const auto& shape : nt::pathological_shapes) {
    EXPECT_FALSE(render_html(shape.make(sized(20'000))).empty()) << shape.name;
  }
}
