#include "export_text.hpp"

namespace notequiz::detail {

namespace {

constexpr page_strings english = {
    "en",
    "Missing image",
    "(no answer)",
    "All decks",
    "1 card",
    "%zu cards",
    "Questions",
    "Sections",
    "Embed this deck",
    "Paste these two lines into any page to practise this deck there; progress stays in the reader's browser.",
    "Copy",
};

constexpr page_strings chinese = {
    "zh",
    "图片缺失",
    "（暂无答案）",
    "全部卡组",
    "1 张卡片",
    "%zu 张卡片",
    "题目",
    "分组",
    "嵌入这个卡组",
    "把下面两行粘贴到任意网页即可在那里练习这个卡组，学习进度保存在读者的浏览器里。",
    "复制",
};

}  // namespace

const page_strings& strings_for(std::string_view lang) noexcept {
  return lang.substr(0, 2) == "zh" ? chinese : english;
}

std::string unescape_html(std::string_view text) {
  static constexpr std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, c] : entities) {
        if (text.substr(i, entity.size()) == entity) {
          out.push_back(c);
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i]);
  }
  return out;
}

std::string card_count(const page_strings& text, std::size_t count) {
  if (count == 1) return text.one_card;
  std::string out(text.card_count);
  const auto at = out.find("%zu");
  if (at != std::string::npos) out.replace(at, 3, std::to_string(count));
  return out;
}

}  // namespace notequiz::detail
