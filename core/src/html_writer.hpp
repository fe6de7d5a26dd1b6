#pragma once
// Turns md4c's callbacks into sanitized HTML. Shared by render_html() and the notes parser,
// which redirects the output between cards and listens for images, links and code blocks.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <md4c.h>

#include "text.hpp"

namespace notequiz::detail {

// The md4c flags notequiz parses with: GitHub's dialect (tables, strikethrough, task lists,
// permissive autolinks). Raw HTML is parsed so it can be escaped and reported, not dropped.
inline constexpr unsigned md_flags = MD_DIALECT_GITHUB;

// Observes what the writer sees; offsets are into the parsed text, or npos when md4c
// handed over a string that does not point into it.
class html_listener {
 public:
  virtual ~html_listener() = default;
  virtual void on_image(std::string url, std::size_t offset) = 0;
  virtual void on_link(std::string url, std::size_t offset) = 0;
  virtual void on_code_language(std::string_view lang) = 0;
};

class html_writer {
 public:
  // `source` is the text md4c parses; it lets the writer turn md4c's pointers into offsets.
  // With `write_html` false nothing is written: the listener hears of the same images, links
  // and code languages, for callers that need only those.
  html_writer(std::string_view source, std::string* out, html_listener* listener = nullptr, bool write_html = true) noexcept
      : source_(source), out_(out), listener_(listener), write_html_(write_html) {}

  void set_output(std::string* out) noexcept { out_ = out; }
  // Starts or stops writing, between blocks (the notes parser writes only headings when it
  // renders their titles without the cards' content).
  void set_write_html(bool write_html) noexcept { write_html_ = write_html; }
  std::string* output() const noexcept { return out_; }

  // Ends the alt text of an image whose span md4c left open (leave_block does it at the end of
  // every block; the notes parser, which keeps headings from the writer, at the end of those).
  void close_image();

  void enter_block(MD_BLOCKTYPE type, void* detail);
  void leave_block(MD_BLOCKTYPE type, void* detail);
  void enter_span(MD_SPANTYPE type, void* detail);
  void leave_span(MD_SPANTYPE type, void* detail);
  void text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    // Inline: md4c calls back for every run of text and every line of code, and most of
    // those runs are only escaped onto the output.
    if ((type == MD_TEXT_NORMAL || type == MD_TEXT_CODE) && write_html_ && !in_html_block_) {
      if (size == 1 && *text == '\n') {
        out_->push_back('\n');  // half of all callbacks: the line break after a line of code
      } else {
        append_escaped(*out_, std::string_view(text, size));
      }
    } else {
      other_text(type, text, size);
    }
  }

  // The offset of `p` in the source, or npos when it points elsewhere. Inline: the notes
  // parser asks for every text callback.
  std::size_t offset_of(const MD_CHAR* p) const noexcept {
    // md4c sometimes passes pointers to its own static strings; only pointers into the
    // parsed text are positions.
    const auto* begin = source_.data();
    if (p == nullptr || std::less<const char*>()(p, begin) || !std::less<const char*>()(p, begin + source_.size())) {
      return std::string_view::npos;
    }
    return static_cast<std::size_t>(p - begin);
  }

 private:
  void other_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size);
  void append_attribute(const MD_ATTRIBUTE& attr);

  std::string_view source_;
  std::string* out_;
  html_listener* listener_;
  bool write_html_;
  int image_nesting_ = 0;                 // > 0: inside an image's alt text
  std::vector<bool> link_open_;           // per open link: whether an <a> was written
  bool in_html_block_ = false;
  std::string html_block_;                // raw HTML collected until the block ends
};

// Registers `writer`-style callbacks on `parser` for a plain render.
int md_parse_to_writer(std::string_view text, html_writer& writer);

// The attribute's text with entities decoded where notequiz knows them (unknown named
// entities are kept as written, so the browser sees exactly this string once it is escaped).
std::string attribute_text(const MD_ATTRIBUTE& attr);
// The same text without a copy when it needs no decoding (one plain run, as fence info words
// are); otherwise it is decoded into `storage`.
std::string_view attribute_view(const MD_ATTRIBUTE& attr, std::string& storage);

// Appends the UTF-8 for an entity (`&amp;`, `&#x41;`, ...) or, when unknown, the entity as written.
void append_decoded_entity(std::string& out, std::string_view entity);

}  // namespace notequiz::detail
