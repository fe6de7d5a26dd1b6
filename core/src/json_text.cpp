#include "json_text.hpp"

#include <map>
#include <utility>
#include <vector>

#include "json_reader.hpp"

namespace notequiz::detail {

namespace {

// The value nlohmann's DOM parser (detail::json_sax_dom_parser) makes, built from the same SAX
// events (json_reader.hpp's, which reads JSON as nlohmann's parser does), but with each
// object's keys looked up in an index once the object has more than a few. nlohmann's
// ordered_map finds a key by walking every key before it, so reading an object of n members
// costs n²/2 string comparisons: a progress file with 5,000 cards took over a second in the
// WebAssembly build. As nlohmann's parser does, a repeated key keeps its first place and takes
// its last value.
class indexed_dom_builder {
 public:
  explicit indexed_dom_builder(json& root) : root_(root) {}

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return value(v); }
  bool string(json::string_t& v) { return value(std::move(v)); }

  bool start_object(std::size_t) {
    open_.push_back({place(json::value_t::object), {}});
    return true;
  }

  bool key(json::string_t& name) {  // nlohmann lets a handler move the key
    frame& f = open_.back();
    // The object's members as the vector ordered_map is: its own operator[] takes a key.
    member_list& members = *f.value->get_ptr<json::object_t*>();
    std::size_t at = members.size();
    if (!f.index.empty()) {
      const auto it = f.index.find(name);
      if (it != f.index.end()) at = it->second;
    } else {
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (members[i].first == name) {
          at = i;
          break;
        }
      }
    }
    if (at == members.size()) {
      // A new key, appended without ordered_map's own search: the lines above have done it.
      members.emplace_back(name, nullptr);
      if (!f.index.empty()) {
        f.index.emplace(std::move(name), at);
      } else if (members.size() == indexed_from) {
        for (std::size_t i = 0; i < members.size(); ++i) f.index.emplace(members[i].first, i);
      }
    }
    member_ = &members[at].second;
    return true;
  }

  bool end_object() {
    open_.pop_back();
    return true;
  }

  bool start_array(std::size_t) {
    open_.push_back({place(json::value_t::array), {}});
    return true;
  }

  bool end_array() {
    open_.pop_back();
    return true;
  }

 private:
  // Objects with up to this many members are searched key by key, as ordered_map does; at this
  // size an object gets an index of its keys.
  static constexpr std::size_t indexed_from = 16;

  using member_list = json::object_t::Container;

  struct frame {
    json* value;                               // the object or array being read
    std::map<std::string, std::size_t> index;  // an object's keys and places, once it is large
  };

  template <typename Value>
  bool value(Value&& v) {
    place(std::forward<Value>(v));
    return true;
  }

  // Puts a value where the document has it: the root, the next element of the array being read,
  // or the member whose key came last. Returns where it went.
  template <typename Value>
  json* place(Value&& v) {
    if (open_.empty()) {
      root_ = json(std::forward<Value>(v));
      return &root_;
    }
    json& parent = *open_.back().value;
    if (parent.is_array()) {
      auto& elements = *parent.get_ptr<json::array_t*>();
      elements.emplace_back(std::forward<Value>(v));
      return &elements.back();
    }
    *member_ = json(std::forward<Value>(v));
    return member_;
  }

  json& root_;
  std::vector<frame> open_;
  json* member_ = nullptr;
};

}  // namespace

json read_json(std::string_view text) {
  json result;
  indexed_dom_builder builder(result);
  if (!json_reader<indexed_dom_builder>(text, builder).read()) return json(json::value_t::discarded);
  return result;
}

}  // namespace notequiz::detail
