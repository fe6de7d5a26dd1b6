#pragma once
/// Diagnostics: what the parser and the checker say about a note, and where.

#include <cstdint>
#include <string>

namespace notequiz {

enum class severity : std::uint8_t { error, warning, info };

/// A message anchored to a place in a note. Lines and columns are 1-based and count bytes;
/// 0 means "not known" (a whole-file message). `rule` is the rule's name, as in
/// docs/rules.md (`empty-answer`, `front-matter`, ...).
struct diagnostic {
  std::string rule;
  notequiz::severity severity = severity::error;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;
  std::string message;
};

/// "error", "warning" or "info".
const char* to_string(severity s) noexcept;

}  // namespace notequiz
