#pragma once
/// The library's version.

namespace notequiz {

/// "MAJOR.MINOR.PATCH".
const char* version() noexcept;

}  // namespace notequiz
