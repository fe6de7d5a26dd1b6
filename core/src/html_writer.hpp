#pragma once
// Turns md4c's callbacks into sanitized HTML. Shared by render_html() and the notes parser,
// which redirects the output between cards and listens for images, links and code blocks.

#include <cstdint>
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

  void set_output(std::string* out) {
    flush();
    out_ = out;
  }
  // Starts or stops writing, between blocks (the notes parser writes only headings when it
  // renders their titles without the cards' content).
  void set_write_html(bool write_html) {
    flush();
    write_html_ = write_html;
  }
  std::string* output() const noexcept { return out_; }

  // Ends the alt text of an image whose span md4c left open (leave_block does it at the end of
  // every block; the notes parser, which keeps headings from the writer, at the end of those).
  void close_image();

  void enter_block(MD_BLOCKTYPE type, void* detail);
  void leave_block(MD_BLOCKTYPE type, void* detail);
  void enter_span(MD_SPANTYPE type, void* detail);
  void leave_span(MD_SPANTYPE type, void* detail);
  void text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    // Inline: md4c calls back for every run of text, every line of code and every line
    // break, and most of those are only escaped onto the output. A run that continues the
    // source where the pending one ends is not escaped on its own: the pending run grows over
    // it, and is escaped in one go when something else is written (a code block or a
    // paragraph is then one run, where md4c hands over each line and line break on its own).
    // Not writing: nothing is pending either (set_write_html flushed it), and other_text would
    // only return. The notes parser without card content sends most of the text here.
    if (!write_html_) return;
    if (!in_html_block_) {
      const std::size_t room = source_.size() - pending_end_;
      const bool plain = type == MD_TEXT_NORMAL || type == MD_TEXT_CODE;
      if (plain && text == source_.data() + pending_end_ && size <= room) {
        pending_end_ += size;  // the very bytes that follow the pending run
        return;
      }
      // md4c's own "\n" for a line break (a soft one is written as "\n" too, outside image
      // descriptions), where the source has one right after the pending run.
      if (size == 1 && *text == '\n' && room > 0 && source_[pending_end_] == '\n' &&
          (plain || (type == MD_TEXT_SOFTBR && image_nesting_ == 0))) {
        ++pending_end_;
        return;
      }
    }
    other_text(type, text, size);
  }

  // Writes the pending run of text. Everything that writes to the output calls it first; a
  // caller that reads the output while md4c is still parsing calls it before reading.
  void flush() {
    if (pending_end_ != pending_begin_) {
      append_escaped(*out_, source_.substr(pending_begin_, pending_end_ - pending_begin_));
      pending_begin_ = pending_end_;
    }
  }

  // The offset of `p` in the source, or npos when it points elsewhere. Inline: the notes
  // parser asks for every text callback.
  std::size_t offset_of(const MD_CHAR* p) const noexcept {
    // md4c sometimes passes pointers to its own static strings; only pointers into the
    // parsed text are positions. (Compared as integers: one comparison, and no pointer
    // arithmetic across objects.)
    const std::uintptr_t offset = reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(source_.data());
    return p != nullptr && offset < source_.size() ? static_cast<std::size_t>(offset) : std::string_view::npos;
  }

 private:
  void other_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size);
  void append_attribute(const MD_ATTRIBUTE& attr);

  std::string_view source_;
  std::string* out_;
  html_listener* listener_;
  bool write_html_;
  int image_nesting_ = 0;                 // > 0: inside an image's alt text
  std::vector<char> link_open_;           // per open link: whether an <a> was written
  bool in_html_block_ = false;
  std::string html_block_;                // raw HTML collected until the block ends
  // The text written but not escaped yet: source_[pending_begin_, pending_end_).
  std::size_t pending_begin_ = 0, pending_end_ = 0;
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
