#include "notequiz/deck_json.hpp"

#include <set>
#include <string_view>

#include "json_text.hpp"
#include "text.hpp"

namespace notequiz {

using detail::dump;
using detail::json;
using detail::read_json;

namespace {

json strings(const std::vector<std::string>& v) {
  json a = json(json::value_t::array);
  for (const auto& s : v) a.push_back(s);
  return a;
}

json urls(const std::vector<reference>& v) {
  json a = json(json::value_t::array);
  for (const auto& r : v) a.push_back(r.url);
  return a;
}

json card_to_json(const card& c, const deck_json_options& how) {
  json jc;
  jc["id"] = c.id;
  if (!how.lean) jc["pinnedId"] = c.pinned_id;
  jc["title"] = c.title;
  jc["titleHtml"] = c.title_html;
  jc["sectionPath"] = strings(c.section_path);
  jc["kind"] = to_string(c.kind);
  jc["promptHtml"] = c.prompt_html;
  jc["answerHtml"] = c.answer_html;
  json options = json(json::value_t::array);
  for (const auto& o : c.options) {
    json& option = options.emplace_back();
    option["html"] = o.html;
    option["correct"] = o.correct;
  }
  jc["options"] = std::move(options);
  jc["explanationHtml"] = c.explanation_html;
  if (!how.lean) {
    jc["images"] = urls(c.images);
    jc["links"] = urls(c.links);
    jc["codeLanguages"] = strings(c.code_languages);
  }
  jc["answerMarkdown"] = c.answer_markdown;
  if (!how.lean) {
    json& position = jc["position"];
    position["line"] = c.position.line;
    position["column"] = c.position.column;
    position["answerStartLine"] = c.position.answer_start_line;
    position["answerEndLine"] = c.position.answer_end_line;
  }
  return jc;
}

// The deck's own fields; `cards` is added by the caller.
json deck_head_json(const deck& d) {
  json j;
  j["format"] = "notequiz-deck";
  j["schemaVersion"] = deck_schema_version;
  j["id"] = d.id;
  j["title"] = d.title;
  j["lang"] = d.lang;
  j["tags"] = strings(d.tags);
  j["source"] = d.source;
  json meta = json(json::value_t::object);
  for (const auto& [k, v] : d.meta) meta[k] = v;
  j["meta"] = std::move(meta);
  return j;
}

// A string as dump() writes it. Nearly every string in a deck is valid UTF-8 with no quote,
// backslash or control character, which nlohmann writes as it is: those are copied without
// building a json value; the rest go through nlohmann.
void append_quoted(std::string& out, const std::string& s) {
  bool plain = true;
  bool ascii = true;
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    plain = plain && b >= 0x20 && b != '"' && b != '\\';
    ascii = ascii && b < 0x80;
  }
  if (plain && (ascii || detail::find_invalid_utf8(s) == std::string_view::npos)) {
    out += '"';
    out += s;
    out += '"';
  } else {
    out += dump(json(s));
  }
}

// What deck_summary_json keeps of card_to_json(c, lean), as dump() writes it, but appended
// without building the object: the widget waits for the summary of every card (openNotes)
// before it shows the first one.
void append_card_summary(std::string& out, const card& c) {
  out += "{\"id\":";
  append_quoted(out, c.id);
  out += ",\"title\":";
  append_quoted(out, c.title);
  out += ",\"titleHtml\":";
  append_quoted(out, c.title_html);
  out += ",\"sectionPath\":[";
  for (std::size_t i = 0; i < c.section_path.size(); ++i) {
    if (i) out += ',';
    append_quoted(out, c.section_path[i]);
  }
  out += "],\"kind\":\"";
  out += to_string(c.kind);
  out += "\"}";
}

}  // namespace

std::string to_json(const deck& d, const deck_json_options& how) {
  json j = deck_head_json(d);
  json cards = json(json::value_t::array);
  for (const card& c : d.cards) cards.push_back(card_to_json(c, how));
  j["cards"] = std::move(cards);
  return dump(j);
}

std::string to_json(const card& c, const deck_json_options& options) { return dump(card_to_json(c, options)); }

std::string deck_summary_json(const deck& d) {
  std::string out = dump(deck_head_json(d));
  out.pop_back();  // the head's closing brace: the cards come before it
  out += ",\"cards\":[";
  for (std::size_t i = 0; i < d.cards.size(); ++i) {
    if (i) out += ',';
    append_card_summary(out, d.cards[i]);
  }
  out += "]}";
  return out;
}

namespace {

// Reads JSON into the model without exceptions: every access checks the type first.
class reader {
 public:
  std::string error;

  bool string(const json& obj, const char* key, std::string& out, const std::string& where, bool required = true) {
    const auto it = obj.find(key);
    if (it == obj.end()) return !required || fail(where + "." + key + " is missing");
    if (!it->is_string()) return fail(where + "." + key + " must be a string");
    out = it->get_ref<const std::string&>();
    return true;
  }

  bool boolean(const json& obj, const char* key, bool& out, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_boolean()) return fail(where + "." + key + " must be true or false");
    out = it->get<bool>();
    return true;
  }

  bool line(const json& obj, const char* key, std::uint32_t& out, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_number_unsigned() || it->get<std::uint64_t>() > 0xFFFFFFFFu) {
      return fail(where + "." + key + " must be a line number");
    }
    out = static_cast<std::uint32_t>(it->get<std::uint64_t>());
    return true;
  }

  bool string_list(const json& obj, const char* key, std::vector<std::string>& out, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_array()) return fail(where + "." + key + " must be an array of strings");
    for (const auto& v : *it) {
      if (!v.is_string()) return fail(where + "." + key + " must be an array of strings");
      out.push_back(v.get_ref<const std::string&>());
    }
    return true;
  }

  bool reference_list(const json& obj, const char* key, std::vector<reference>& out, const std::string& where) {
    std::vector<std::string> list;
    if (!string_list(obj, key, list, where)) return false;
    for (auto& url : list) out.push_back({std::move(url), 0, 0});
    return true;
  }

  bool fail(std::string message) {
    error = std::move(message);
    return false;
  }
};

bool read_card(reader& r, const json& jc, card& c, const std::string& where) {
  if (!jc.is_object()) return r.fail(where + " must be an object");
  std::string kind = "flashcard";
  if (!r.string(jc, "id", c.id, where) || !r.string(jc, "title", c.title, where) ||
      !r.boolean(jc, "pinnedId", c.pinned_id, where) || !r.string(jc, "titleHtml", c.title_html, where, false) ||
      !r.string_list(jc, "sectionPath", c.section_path, where) || !r.string(jc, "kind", kind, where, false) ||
      !r.string(jc, "promptHtml", c.prompt_html, where, false) || !r.string(jc, "answerHtml", c.answer_html, where, false) ||
      !r.string(jc, "explanationHtml", c.explanation_html, where, false) ||
      !r.reference_list(jc, "images", c.images, where) || !r.reference_list(jc, "links", c.links, where) ||
      !r.string_list(jc, "codeLanguages", c.code_languages, where) ||
      !r.string(jc, "answerMarkdown", c.answer_markdown, where, false)) {
    return false;
  }
  if (c.id.empty()) return r.fail(where + ".id must not be empty");
  if (kind == "flashcard") c.kind = card_kind::flashcard;
  else if (kind == "single_choice") c.kind = card_kind::single_choice;
  else if (kind == "multiple_choice") c.kind = card_kind::multiple_choice;
  else return r.fail(where + ".kind `" + kind + "` is not flashcard, single_choice or multiple_choice");
  if (const auto it = jc.find("options"); it != jc.end()) {
    if (!it->is_array()) return r.fail(where + ".options must be an array");
    std::size_t k = 0;
    for (const auto& jo : *it) {
      const std::string ow = where + ".options[" + std::to_string(k++) + "]";
      if (!jo.is_object()) return r.fail(ow + " must be an object");
      choice_option o;
      if (!r.string(jo, "html", o.html, ow) || !r.boolean(jo, "correct", o.correct, ow)) return false;
      c.options.push_back(std::move(o));
    }
  }
  if (const auto it = jc.find("position"); it != jc.end()) {
    if (!it->is_object()) return r.fail(where + ".position must be an object");
    const std::string pw = where + ".position";
    if (!r.line(*it, "line", c.position.line, pw) || !r.line(*it, "column", c.position.column, pw) ||
        !r.line(*it, "answerStartLine", c.position.answer_start_line, pw) ||
        !r.line(*it, "answerEndLine", c.position.answer_end_line, pw)) {
      return false;
    }
  }
  return true;
}

}  // namespace

deck_json_result deck_from_json(std::string_view text) {
  deck_json_result result;
  const json j = read_json(text);
  if (j.is_discarded()) {
    result.error = "not valid JSON";
    return result;
  }
  reader r;
  if (!j.is_object()) {
    result.error = "a deck must be a JSON object";
    return result;
  }
  std::string format;
  if (!r.string(j, "format", format, "deck") || format != "notequiz-deck") {
    result.error = r.error.empty() ? "deck.format must be \"notequiz-deck\"" : r.error;
    return result;
  }
  const auto version = j.find("schemaVersion");
  if (version == j.end() || !version->is_number_integer() || version->get<std::int64_t>() != deck_schema_version) {
    result.error = "deck.schemaVersion must be " + std::to_string(deck_schema_version);
    return result;
  }
  deck d;
  if (!r.string(j, "id", d.id, "deck") || !r.string(j, "title", d.title, "deck") ||
      !r.string(j, "lang", d.lang, "deck", false) || !r.string_list(j, "tags", d.tags, "deck") ||
      !r.string(j, "source", d.source, "deck", false)) {
    result.error = r.error;
    return result;
  }
  if (const auto it = j.find("meta"); it != j.end()) {
    if (!it->is_object()) {
      result.error = "deck.meta must be an object";
      return result;
    }
    for (const auto& [k, v] : detail::members(*it)) {
      if (!v.is_string()) {
        result.error = "deck.meta." + k + " must be a string";
        return result;
      }
      d.meta.emplace_back(k, v.get_ref<const std::string&>());
    }
  }
  const auto cards = j.find("cards");
  if (cards == j.end() || !cards->is_array()) {
    result.error = "deck.cards must be an array";
    return result;
  }
  std::size_t k = 0;
  for (const auto& jc : *cards) {
    card c;
    if (!read_card(r, jc, c, "deck.cards[" + std::to_string(k++) + "]")) {
      result.error = r.error;
      return result;
    }
    d.cards.push_back(std::move(c));
  }
  // Progress is kept by card id: two cards with one id would share a schedule.
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < d.cards.size(); ++i) {
    if (ids.insert(d.cards[i].id).second) continue;
    std::size_t first = 0;
    while (d.cards[first].id != d.cards[i].id) ++first;
    result.error = "deck.cards[" + std::to_string(i) + "].id `" + d.cards[i].id + "` repeats deck.cards[" +
                   std::to_string(first) + "].id; card ids must be unique (progress is kept by id)";
    return result;
  }
  result.deck = std::move(d);
  return result;
}

std::string read_deck_json(std::string_view text) {
  const auto result = deck_from_json(text);
  if (!result.deck) {
    json failure;
    failure["ok"] = false;
    failure["error"] = result.error;
    return dump(failure);
  }
  return "{\"ok\":true,\"deck\":" + to_json(*result.deck) + "}";
}

}  // namespace notequiz

namespace notequiz {

namespace {
json diagnostic_json(const diagnostic& d) {
  json j;
  j["rule"] = d.rule;
  j["severity"] = to_string(d.severity);
  j["line"] = d.line;
  j["column"] = d.column;
  j["endLine"] = d.end_line;
  j["endColumn"] = d.end_column;
  j["message"] = d.message;
  return j;
}
}  // namespace

std::string diagnostics_json(const parse_result& result) {
  json diags = json(json::value_t::array);
  for (const auto& d : result.diagnostics) diags.push_back(diagnostic_json(d));
  return dump(diags);
}

std::string to_json(const parse_result& result, const deck_json_options& options) {
  return "{\"deck\":" + to_json(result.deck, options) + ",\"diagnostics\":" + diagnostics_json(result) + "}";
}

deck_json_options deck_json_options_from_json(std::string_view text) {
  deck_json_options options;
  const json j = read_json(text);
  if (!j.is_object()) return options;
  if (const auto it = j.find("lean"); it != j.end() && it->is_boolean()) options.lean = it->get<bool>();
  return options;
}

parse_options parse_options_from_json(std::string_view text) {
  parse_options options;
  const json j = read_json(text);
  if (!j.is_object()) return options;
  if (const auto it = j.find("sourcePath"); it != j.end() && it->is_string()) options.source_path = it->get<std::string>();
  if (const auto it = j.find("deckId"); it != j.end() && it->is_string()) options.deck_id = it->get<std::string>();
  if (const auto it = j.find("questionLevel"); it != j.end() && it->is_number_integer()) {
    const auto level = it->get<std::int64_t>();
    if (level >= 0 && level <= 6) options.question_level = static_cast<int>(level);
  }
  return options;
}

}  // namespace notequiz
