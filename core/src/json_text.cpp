#include "json_text.hpp"

namespace notequiz::detail {

// nlohmann's DOM parser straight through sax_parse, as json::parse does when it is given no
// callback. json::parse(first, last, nullptr, false) makes the same value, but because its callback
// is a run-time std::function it also compiles the callback-filtering parser (about 4 KB of
// WebAssembly, with std::vector<bool> and std::function) that a null callback never runs.
json read_json(std::string_view text) {
  json result;
  nlohmann::detail::json_sax_dom_parser<json> dom(result, /*allow_exceptions=*/false);
  if (!json::sax_parse(text.begin(), text.end(), &dom) || dom.is_errored()) return json(json::value_t::discarded);
  return result;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace notequiz::detail
