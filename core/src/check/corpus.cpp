// The files checked together: duplicate questions and deck ids across notes, and the
// #fragments of links between notes. Only hashes and positions are kept per file; linked
// notes are read again at the end, for their headings only.

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "anchors.hpp"
#include "check_context.hpp"
#include "paths.hpp"
#include "question_places.hpp"
#include "text.hpp"

namespace notequiz {

using detail::question_place;
using detail::question_places;

namespace {

// Where a deck id was first pinned.
using place = question_place;

struct pending_link {
  std::uint32_t file = 0;
  cross_file_facts::fragment_link link;
};

diagnostic make(detail::rule r, severity s, std::uint32_t line, std::uint32_t column, std::string message) {
  diagnostic d;
  d.rule = std::string(check_rules()[detail::index_of(r)].name);
  d.severity = s;
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  return d;
}

// Adds `added` to the sorted `list`, each after the ones already there at its place. One merge,
// not an insert per diagnostic: a file repeating thousands of questions made that quadratic.
void merge_sorted(std::vector<diagnostic>& list, std::vector<diagnostic> added) {
  const auto before = [](const diagnostic& a, const diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  };
  std::stable_sort(added.begin(), added.end(), before);
  const auto middle = static_cast<std::ptrdiff_t>(list.size());
  list.insert(list.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  std::inplace_merge(list.begin(), list.begin() + middle, list.end(), before);
}

std::vector<std::uint64_t> anchors_of(std::string_view markdown) {
  if (markdown.substr(0, 3) == "\xEF\xBB\xBF") markdown.remove_prefix(3);
  std::string valid;
  if (detail::find_invalid_utf8(markdown) != std::string_view::npos) {
    valid = detail::to_valid_utf8(markdown);
    markdown = valid;
  }
  return detail::heading_anchor_keys(detail::line_scanner(markdown));
}

}  // namespace

struct check_corpus::state {
  std::vector<std::string> paths;
  question_places questions;
  std::unordered_map<std::string, place> deck_ids;
  std::unordered_map<std::string, std::vector<std::uint64_t>> anchors;  // of linked notes, read by finish()
  std::vector<pending_link> links;
};

check_corpus::check_corpus() : state_(std::make_unique<state>()) {}
check_corpus::~check_corpus() = default;
check_corpus::check_corpus(check_corpus&&) noexcept = default;
check_corpus& check_corpus::operator=(check_corpus&&) noexcept = default;

void check_corpus::add(file_report& report) {
  state& s = *state_;
  const auto file = static_cast<std::uint32_t>(s.paths.size());
  s.paths.push_back(report.path);
  cross_file_facts& facts = report.facts;
  std::vector<diagnostic> added;

  for (const auto& q : facts.questions) s.questions.prefetch(q.key);
  for (const auto& q : facts.questions) {
    const auto [first, fresh] = s.questions.emplace(q.key, place{file, q.line});
    if (fresh || first.file == file || !q.report_as) continue;
    added.push_back(make(detail::rule::duplicate_question, *q.report_as, q.line, q.column,
                         detail::message("question \"", detail::excerpted(facts.title(q)), "\" is also asked in ", s.paths[first.file],
                                         ':', first.line)));
  }
  if (!facts.deck_id.empty()) {
    const auto [it, fresh] = s.deck_ids.emplace(facts.deck_id, place{file, facts.deck_id_line});
    if (!fresh && it->second.file != file && facts.deck_id_report_as) {
      added.push_back(make(detail::rule::duplicate_id, *facts.deck_id_report_as, facts.deck_id_line, 1,
                           detail::message("deck id `", facts.deck_id, "` is also pinned in ", s.paths[it->second.file], ':',
                                           it->second.line, "; progress of the two decks would be mixed up")));
    }
  }
  merge_sorted(report.diagnostics, std::move(added));
  for (auto& link : facts.links) s.links.push_back({file, std::move(link)});
  facts = cross_file_facts{};
}

std::vector<located_diagnostic> check_corpus::finish(const read_note_fn& read_note) {
  state& s = *state_;
  std::vector<located_diagnostic> found;
  for (const auto& pending : s.links) {
    const auto& link = pending.link;
    auto it = s.anchors.find(link.target);
    if (it == s.anchors.end()) {
      if (!read_note) continue;
      const std::optional<std::string> text = read_note(link.target);
      if (!text) continue;
      it = s.anchors.emplace(link.target, anchors_of(*text)).first;
    }
    if (std::binary_search(it->second.begin(), it->second.end(), detail::fragment_key(link.fragment))) continue;
    found.push_back({s.paths[pending.file],
                     make(detail::rule::broken_link, link.report_as, link.line, link.column,
                          detail::message("no heading in ", link.target, " has the anchor `#", detail::excerpted(link.fragment, 60),
                                          '`'))});
  }
  s.links.clear();
  return found;
}

}  // namespace notequiz
