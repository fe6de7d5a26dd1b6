#pragma once
// The subcommands. Each takes its arguments (without the subcommand's name) and returns the
// process exit code: 0 success, 1 problems found in the notes, 2 usage or input errors.

#include <string>
#include <vector>

namespace notequiz::cli {

using args = std::vector<std::string>;

int parse_command(const args& a);
int export_command(const args& a);
int check_command(const args& a);

}  // namespace notequiz::cli
