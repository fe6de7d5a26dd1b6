#pragma once
// Options and their values, however they are written: a command's parser then reads
// `NAME VALUE` only.

#include <initializer_list>
#include <string_view>

#include "commands.hpp"

namespace notequiz::cli {

// `given` with each value as a word of its own: `NAME=VALUE` becomes `NAME VALUE` for the
// options in `with_value` (`--format=json`, `-o=out`), and `-xVALUE` becomes `-x VALUE` for
// the short option `attached`, when there is one (`-j4`). Other words are kept as they are
// (`--fix=yes` stays one word, and an unknown option).
args spelled_out(const args& given, std::initializer_list<std::string_view> with_value, std::string_view attached = {});

}  // namespace notequiz::cli
