#include "character_columns.hpp"

#include <cstdint>
#include <vector>

namespace notequiz::cli {

namespace {

// Byte columns to character columns, one note at a time. The line starts are found only when
// a column needs them.
class character_columns {
 public:
  explicit character_columns(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  std::uint32_t operator()(std::uint32_t line, std::uint32_t column) {
    if (column <= 1 || line == 0) return column;
    if (starts_.empty()) {
      starts_.push_back(0);
      for (std::size_t i = text_.find('\n'); i != std::string_view::npos; i = text_.find('\n', i + 1)) starts_.push_back(i + 1);
    }
    if (line > starts_.size()) return column;
    std::uint32_t characters = 1;
    const std::size_t start = starts_[line - 1];
    for (std::size_t i = start; i < start + column - 1 && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++characters;
    }
    return characters;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace

void count_columns_in_characters(file_report& report, std::string_view text) {
  character_columns to_characters(text);
  for (auto& d : report.diagnostics) {
    d.column = to_characters(d.line, d.column);
    d.end_column = to_characters(d.end_line, d.end_column);
  }
  for (auto& link : report.facts.links) link.column = to_characters(link.line, link.column);
}

}  // namespace notequiz::cli
