#pragma once
/// What `notequiz export` writes (docs/export.md), as pure functions: decks in, file contents
/// out. Nothing here touches the filesystem; the CLI reads the notes, copies the images and
/// writes the files.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "notequiz/deck.hpp"

namespace notequiz {

/// Folder and file names for decks, one per deck id, in the same order: the slug of the id
/// (lower-case ASCII letters, digits, `_`, UTF-8 letters kept, other runs turned into one `-`),
/// `deck` when nothing is left, and `-2`, `-3`, … appended on a clash with an earlier deck or
/// with a name the export uses itself (`assets`, `media`, `index`).
std::vector<std::string> export_slugs(const std::vector<std::string>& deck_ids);

/// The file path a local image URL names, relative to the note's folder: query and fragment
/// dropped, percent-escapes decoded. std::nullopt when the URL is not local (it has a scheme,
/// starts with `/` or `#`, or is empty) or decodes to a NUL byte.
std::optional<std::string> local_image_path(std::string_view url);

/// For each image URL as the note wrote it: the `src` to write instead, or an empty string for
/// "missing" (the image is replaced by a visible placeholder). URLs not listed stay as they are.
using image_rewrites = std::map<std::string, std::string, std::less<>>;

/// The deck with its images rewritten in every HTML field (title, prompt, answer, options,
/// explanation). `card::images` keeps the URLs as written.
deck rewrite_images(deck d, const image_rewrites& rewrites);

/// What a page loads besides its own HTML. URLs are written as given (relative to the page).
struct page_resources {
  std::vector<std::string> stylesheet_urls;
  std::string inline_style;   ///< CSS for one `<style>` element; empty: none
  std::string module_url;     ///< `src` of one `<script type="module">`; empty: none
  std::string inline_module;  ///< JavaScript of one inline `<script type="module">`; empty: none
};

struct deck_page_options {
  page_resources resources;
  /// The `<note-quiz>` element's `src` (the site: `deck.json`). Empty: no `src` attribute.
  std::string widget_src;
  /// The deck JSON, put inside the element as `<script type="application/json">` (the single
  /// file). Every `<` in it is written as `\u003c`, so no text in it can end the script.
  std::string inline_deck_json;
  std::string index_url;     ///< link back to the list of decks; empty: no link
  std::string embed_snippet; ///< text shown in the "Embed this deck" box; empty: no box
};

/// The page of one deck: every question and answer as static HTML inside a `<note-quiz>`
/// element, so the page reads, prints and indexes without JavaScript and the widget takes over
/// when scripts run. Missing answers show as "(no answer)".
std::string deck_page_html(const deck& d, const deck_page_options& options);

/// The two lines a host page needs to embed a deck: the widget's module script and a
/// `<note-quiz>` element, with the URLs as given.
std::string embed_snippet(std::string_view module_url, std::string_view deck_url);

struct index_entry {
  const notequiz::deck* deck = nullptr;  ///< not owned; must outlive the call
  std::string url;             ///< link to the deck's page
};

struct index_options {
  std::string title = "notequiz";
  /// Extra links shown under the list (href, label), e.g. the widget's demo page.
  std::vector<std::pair<std::string, std::string>> links;
};

/// The site's front page: every deck with its title, card count, sections and a link.
std::string site_index_html(const std::vector<index_entry>& entries, const index_options& options);

/// Anki's import text for one deck (docs/export.md#anki): `#separator:tab`, `#html:true`,
/// `#notetype:Basic`, `#deck:`, `#guid column:1`, `#tags column:4` lines, then one line per
/// card: id, front, back, tags. Fields holding a tab, a line break or `"` are quoted, with `"`
/// doubled. Tags: the deck's tags and the section path joined with `::`, whitespace turned
/// into `_`. Choice questions: the front lists the options, the back the correct ones and the
/// explanation.
std::string anki_notes(const deck& d);

}  // namespace notequiz
