#include "arguments.hpp"

#include <algorithm>
#include <string>

namespace notequiz::cli {

args spelled_out(const args& given, std::initializer_list<std::string_view> with_value, std::string_view attached) {
  args out;
  out.reserve(given.size());
  for (const std::string& arg : given) {
    const std::size_t eq = arg.find('=');
    const std::string_view name = std::string_view(arg).substr(0, eq);
    if (!arg.empty() && arg[0] == '-' && eq != std::string::npos && std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
      out.emplace_back(name);
      out.push_back(arg.substr(eq + 1));
    } else if (!attached.empty() && arg.size() > attached.size() && arg.compare(0, attached.size(), attached) == 0) {
      out.emplace_back(attached);
      out.push_back(arg.substr(attached.size()));
    } else {
      out.push_back(arg);
    }
  }
  return out;
}

}  // namespace notequiz::cli
