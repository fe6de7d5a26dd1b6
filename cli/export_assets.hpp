#pragma once
// The files an export copies: the widget's JavaScript, CSS and WebAssembly (found at run time,
// docs/export.md#assets), and the images the notes show.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "export_writer.hpp"
#include "notequiz/deck.hpp"

namespace notequiz::cli {

/// The module a page loads to get the widget; it imports the rest.
inline constexpr const char* widget_entry_module = "note-quiz.js";
/// The element class, with the core's loader inside; it imports nothing: a single page inlines
/// it (docs/embedding.md).
inline constexpr const char* widget_element_module = "note-quiz-element.js";
/// The WebAssembly core the element fetches (the widget's module, wasm/CMakeLists.txt).
inline constexpr const char* widget_core_module = "notequiz_wasm.wasm";

struct asset {
  std::string name;  ///< the file name the widget ships it under, e.g. "note-quiz.js"
  std::string content;
};

struct widget_assets {
  std::vector<asset> files;  ///< sorted by name; empty when not found
  std::string folder;        ///< where they were found
  std::string error;         ///< when not found: what is missing and where it was looked for
};

/// Finds the widget's files: in `folder` when given (--assets), else in $NOTEQUIZ_ASSETS, else
/// beside the executable (build tree: <root>/web with <root>/build/wasm/wasm, then
/// <root>/build/web; installed: <prefix>/share/notequiz/web). Only the files the entry module
/// needs, directly or not, are kept.
widget_assets find_widget_assets(const std::string& folder);

/// The widget's files under content-hashed names (`note-quiz.3f9a1c2b7d4e.js`). References
/// between them (string literals naming another file) point at the hashed names, and a file's
/// hash covers what it references, so every name can be cached forever.
struct hashed_assets {
  std::map<std::string, std::string> name_of;  ///< shipped name -> hashed name
  std::vector<asset> files;                    ///< under their hashed names
};
hashed_assets hash_assets(const widget_assets& assets);

/// Every file of the widget as a `data:` URL, references between them pointing at those URLs:
/// what a single self-contained page embeds.
std::map<std::string, std::string> inline_assets(const widget_assets& assets);

/// The SHA-256 of `bytes`, in lower-case hex.
std::string sha256_hex(std::string_view bytes);

std::string base64(std::string_view bytes);

/// One local image a deck shows, read from disk (or not).
struct note_image {
  std::string url;                     ///< as the note wrote it
  std::string path;                    ///< the file, relative to the content folder ('/'-separated)
  std::string site_path;               ///< where it goes beside the deck's page, relative to it
  std::optional<std::string> content;  ///< nothing when it could not be exported
  std::string problem;                 ///< why not
  std::uint32_t line = 0, column = 0;  ///< where the note first shows it
};

/// The local images of `d`, whose note is `note_path`, one per distinct URL in order of
/// appearance. Images are only read from inside `content_root`: a note cannot publish a file
/// from elsewhere on the machine.
std::vector<note_image> read_note_images(const deck& d, const std::string& note_path, const std::string& content_root);

/// The media type browsers know an image by, from its file name ("image/png"); empty if unknown.
std::string image_media_type(const std::string& path);

/// A path as a relative URL: characters other than unreserved ones and `/` percent-encoded.
std::string path_to_url(const std::string& path);

}  // namespace notequiz::cli
