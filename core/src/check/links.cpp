// What the cards' images and links point at: missing-image, broken-link and unsafe-url.

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "anchors.hpp"
#include "check_context.hpp"
#include "notequiz/render.hpp"
#include "paths.hpp"

namespace notequiz::detail {

namespace {

std::string scheme_of(std::string_view url) {
  std::string scheme;
  for (char c : url) {
    if (c == ':') break;
    if (static_cast<unsigned char>(c) > 0x20) scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (scheme.size() > 20) break;
  }
  return scheme;
}

void report_unsafe(check_context& ctx, const reference& ref, bool image) {
  ctx.report(rule::unsafe_url, ref.line, ref.column,
             [&] {
               return message(image ? "image" : "link", " URL `", excerpted(ref.url, 40), "` uses `", scheme_of(ref.url),
                              ":`, which the quiz drops; only http(s), mailto, tel, ftp, relative URLs",
                              image ? " and data:image/ URLs" : "", " are kept");
             });
}

// The note's own anchors, computed the first time a link needs them.
class own_anchors {
 public:
  explicit own_anchors(const line_scanner& scanner) : scanner_(scanner) {}
  bool has(std::string_view fragment) {
    if (!ready_) keys_ = heading_anchor_keys(scanner_), ready_ = true;
    return std::binary_search(keys_.begin(), keys_.end(), fragment_key(fragment));
  }

 private:
  const line_scanner& scanner_;
  std::vector<std::uint64_t> keys_;
  bool ready_ = false;
};

// `folder` joined with a link's path, its %XX escapes decoded (most paths have none to decode).
std::string joined_target(std::string_view folder, std::string_view encoded) {
  if (encoded.find('%') == std::string_view::npos) return join_path(folder, encoded);
  return join_path(folder, percent_decode(encoded));
}

}  // namespace

void check_references(check_context& ctx) {
  const bool images = ctx.enabled(rule::missing_image);
  const bool links = ctx.enabled(rule::broken_link);
  const bool unsafe = ctx.enabled(rule::unsafe_url);
  if (!images && !links && !unsafe) return;
  const std::string_view folder = parent_folder(ctx.options.path);
  std::optional<std::string> self;  // the note's own path, joined like a link's the first time one needs it
  const auto& exists = ctx.options.file_exists;
  own_anchors anchors(ctx.scanner);

  for (const card& c : ctx.parsed.deck.cards) {
    for (const reference& ref : c.images) {
      if (!is_safe_url(ref.url, true)) {
        if (unsafe) report_unsafe(ctx, ref, true);
        continue;
      }
      const local_target t = split_local_url(ref.url);
      if (!images || !t.local || t.path.empty() || !exists) continue;
      const std::string path = joined_target(folder, t.path);
      if (!exists(path)) {
        ctx.report(rule::missing_image, ref.line, ref.column,
                   [&] { return message("image `", excerpted(ref.url, 80), "` not found (looked for ", path, ')'); });
      }
    }
    for (const reference& ref : c.links) {
      if (!is_safe_url(ref.url, false)) {
        if (unsafe) report_unsafe(ctx, ref, false);
        continue;
      }
      const local_target t = split_local_url(ref.url);
      if (!links || !t.local) continue;
      const bool checks_fragment = t.has_fragment && !t.fragment.empty();
      if (t.path.empty()) {
        if (checks_fragment && !anchors.has(t.fragment)) {
          ctx.report(rule::broken_link, ref.line, ref.column,
                     [&] { return message("no heading in this note has the anchor `#", excerpted(t.fragment, 60), '`'); });
        }
        continue;
      }
      const std::string path = joined_target(folder, t.path);
      if (!self) self = join_path({}, ctx.options.path);
      if (path == *self) {
        if (checks_fragment && !anchors.has(t.fragment)) {
          ctx.report(rule::broken_link, ref.line, ref.column,
                     [&] { return message("no heading in this note has the anchor `#", excerpted(t.fragment, 60), '`'); });
        }
        continue;
      }
      if (exists && !exists(path)) {
        ctx.report(rule::broken_link, ref.line, ref.column,
                   [&] { return message("link target `", excerpted(ref.url, 80), "` not found (looked for ", path, ')'); });
        continue;
      }
      if (checks_fragment && is_notes_path(path)) {
        if (const auto s = ctx.effective(rule::broken_link, ref.line)) {
          ctx.facts.links.push_back({path, std::string(t.fragment), ref.line, ref.column, *s});
        }
      }
    }
  }
}

}  // namespace notequiz::detail
