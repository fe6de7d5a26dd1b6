// `notequiz export`: notes in, a static site, single-file pages, Anki notes or deck JSON out
// (docs/export.md). Pages and files come from the core (notequiz/export.hpp); this file reads
// the notes, checks them, gathers images and the widget, and hands everything to the writer.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "arguments.hpp"
#include "check_inputs.hpp"
#include "check_output.hpp"
#include "commands.hpp"
#include "export_assets.hpp"
#include "export_writer.hpp"
#include "files.hpp"
#include "notequiz/check.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/export.hpp"
#include "notequiz/parse.hpp"

namespace notequiz::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* export_usage =
    "usage: notequiz export CONTENT... -o OUT [--format site|single-file|anki|json] [--strict]\n"
    "                       [--assets DIR] [--index-link URL=TEXT]...\n"
    "\n"
    "Exports notes (files, or folders searched for *.md and *.markdown) into the folder OUT:\n"
    "  site         OUT/index.html listing the decks; OUT/<deck>/index.html, every question and\n"
    "               answer as a page the quiz widget takes over; OUT/<deck>/deck.json; the images;\n"
    "               OUT/assets/, the widget under content-hashed names (the default format)\n"
    "  single-file  OUT/<deck>.html, one self-contained page per deck that works offline from disk\n"
    "  anki         OUT/<deck>.txt for Anki's File > Import, the images in OUT/media/\n"
    "  json         OUT/<deck>.json, the deck JSON (docs/schema.md)\n"
    "\n"
    "The notes are checked first with the rules of `notequiz check`; problems are printed and the\n"
    "export goes on, unless --strict. Files in OUT that notequiz did not write are never replaced\n"
    "or removed (OUT/.notequiz-manifest.json lists what it wrote).\n"
    "--assets DIR  the widget's files, for site and single-file (default: $NOTEQUIZ_ASSETS, then\n"
    "              beside the program; docs/export.md#assets)\n"
    "--index-link URL=TEXT  a link under the list of decks on the site's index page\n"
    "\n"
    "Exit codes: 0 exported; 1 the notes have errors (exported anyway, or with --strict nothing\n"
    "written); 2 usage error, unreadable notes, missing widget files, or OUT could not be written.\n";

enum class format : std::uint8_t { site, single_file, anki, json };

struct options {
  std::vector<std::string> content;
  std::string out;
  format fmt = format::site;
  std::string format_name = "site";
  bool strict = false;
  std::string assets;
  std::vector<std::pair<std::string, std::string>> index_links;  // href, text
};

struct note {
  std::string path;  // as found ('/'-separated)
  std::string root;  // the content folder it was found in (its own folder for a file argument)
  notequiz::deck deck;
  std::vector<note_image> images;
};

// Returns 0 when `a` parsed, else the exit code.
int parse_arguments(const args& given, options& o) {
  const args a = spelled_out(given, {"-o", "--output", "--index-link", "--assets", "--format"});
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string& arg = a[i];
    auto value = [&](const char* name, std::string& to) {
      if (arg != name) return false;
      if (i + 1 >= a.size()) {
        std::fprintf(stderr, "notequiz export: %s needs a value\n", name);
        to = "\x01";
        return true;
      }
      to = a[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      std::fputs(export_usage, stdout);
      return -1;
    } else if (arg == "--strict") {
      o.strict = true;
    } else if (value("-o", v) || value("--output", v)) {
      if (v == "\x01") return 2;
      o.out = v;
    } else if (value("--index-link", v)) {
      const auto eq = v.find('=');
      if (v == "\x01" || eq == std::string::npos || eq == 0 || eq + 1 == v.size()) {
        std::fprintf(stderr, "notequiz export: --index-link takes URL=TEXT\n");
        return 2;
      }
      o.index_links.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (value("--assets", v)) {
      if (v == "\x01") return 2;
      o.assets = v;
    } else if (value("--format", v)) {
      static const std::map<std::string, format> formats = {
          {"site", format::site}, {"single-file", format::single_file}, {"anki", format::anki}, {"json", format::json}};
      const auto found = formats.find(v);
      if (found == formats.end()) {
        std::fprintf(stderr, "notequiz export: --format takes site, single-file, anki or json, not '%s'\n", v.c_str());
        return 2;
      }
      o.fmt = found->second;
      o.format_name = v;
    } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      std::fprintf(stderr, "notequiz export: unknown option '%s'\n\n%s", arg.c_str(), export_usage);
      return 2;
    } else {
      o.content.push_back(arg);
    }
  }
  if (o.content.empty() || o.out.empty()) {
    std::fprintf(stderr, "notequiz export: %s\n\n%s", o.content.empty() ? "no notes given" : "no output folder (-o OUT)",
                 export_usage);
    return 2;
  }
  return 0;
}

bool is_inside_or_equal(const fs::path& path, const fs::path& folder) {
  const fs::path rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

// Swapping OUT for a new folder would leave a shell or editor working in it, or in the notes
// inside it, in a folder that no longer exists: such an OUT is updated in place.
bool may_swap_output(const options& o) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(fs::absolute(o.out, ec), ec);
  if (is_inside_or_equal(fs::current_path(ec), out)) return false;
  for (const auto& c : o.content) {
    if (is_inside_or_equal(fs::weakly_canonical(fs::absolute(c, ec), ec), out)) return false;
  }
  return true;
}

// OUT must not be a content folder or inside one: the export would write among the notes.
// (For a notes file given by name, only its own folder is protected.)
std::string unsafe_output(const options& o) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(fs::absolute(o.out, ec), ec);
  for (const auto& c : o.content) {
    const bool folder = fs::is_directory(c, ec);
    const fs::path content = fs::weakly_canonical(fs::absolute(folder ? fs::path(c) : fs::path(c).parent_path(), ec), ec);
    if (folder ? is_inside_or_equal(out, content) : out == content) {
      return "refusing to export into " + o.out + ": it is " + (out == content ? "" : "inside ") + "the content folder " +
             (folder ? c : content.string()) + "; choose an output folder outside the notes";
    }
  }
  return {};
}

struct note_input {
  std::string path;
  std::string content;
  const loaded_config* config = nullptr;  // owned by the config_finder
};

// Reads every note and finds its configuration (the nearest .notequiz.json). Returns 0, or 2
// when some notes cannot be read: nothing is exported then, as a partial export would drop
// decks from OUT.
int read_inputs(const options& o, config_finder& finder, std::vector<note_input>& inputs, std::vector<note>& notes) {
  int status = 0;
  std::set<std::string> seen;
  for (const auto& c : o.content) {
    const collected_notes found_notes = collect_notes(c);
    for (const auto& folder : found_notes.unread) {
      std::fprintf(stderr, "%s: error: %s\n", display_path(folder.path).c_str(), folder.reason.c_str());
      status = 2;
    }
    if (!found_notes.error.empty() || (found_notes.files.empty() && found_notes.unread.empty())) {
      std::fprintf(stderr, "%s: error: %s\n", c.c_str(), found_notes.error.empty() ? "no notes (*.md, *.markdown) here" : found_notes.error.c_str());
      status = 2;
      continue;
    }
    const std::vector<std::string>& paths = found_notes.files;
    std::error_code ec;
    const std::string root = fs::is_directory(c, ec) ? c : fs::path(c).parent_path().string();
    for (const auto& found : paths) {
      const std::string path = display_path(found);
      if (!seen.insert(fs::absolute(path, ec).lexically_normal().generic_string()).second) continue;
      note_read file = read_note(path);
      if (!file.content) {
        std::fprintf(stderr, "%s: error: %s\n", path.c_str(), file.problem.c_str());
        status = 2;
        continue;
      }
      inputs.push_back({path, std::move(*file.content), finder.for_note(path)});
      note n;
      n.path = path;
      n.root = root.empty() ? "." : root;
      notes.push_back(std::move(n));
    }
  }
  if (status == 0 && notes.empty()) {
    std::fprintf(stderr, "notequiz export: no notes (*.md, *.markdown) found\n");
    status = 2;
  }
  return status;
}

// Checks the notes as `notequiz check` would: their configuration's rule levels and ignore
// globs, and the rules across files. `results.files[i]` belongs to `inputs[i]`; problems in
// configuration files follow.
void check_notes(const std::vector<note_input>& inputs, const config_finder& finder, check_results& results) {
  exact_paths existing;
  check_corpus corpus;
  for (const auto& input : inputs) {
    results.files.push_back({input.path, {}});
    if (input.config && is_ignored(input.config->config, relative_to(input.path, input.config->folder))) continue;
    check_file_options check;
    check.path = input.path;
    check.config = input.config ? &input.config->config : nullptr;
    check.file_exists = [&existing](const std::string& p) { return existing.exists(p); };
    file_report report = check_file(input.content, check);
    corpus.add(report);
    ++results.summary.files;
    results.summary.cards += report.cards;
    results.files.back().diagnostics = std::move(report.diagnostics);
  }
  for (auto& late : corpus.finish([](const std::string& p) { return read_note(p).content; })) {
    for (auto& f : results.files) {
      if (f.path == late.path) f.diagnostics.push_back(std::move(late.problem));
    }
  }
  for (const auto& c : finder.loaded()) {
    if (!c->problems.empty()) results.files.push_back({c->path, c->problems});
  }
}

diagnostic export_problem(const note_image& image, std::string message) {
  diagnostic d;
  d.rule = "export";
  d.severity = severity::warning;
  d.line = image.line;
  d.column = image.column;
  d.message = std::move(message);
  return d;
}

// An image the export could not include becomes a diagnostic, unless the check already
// reported that very image.
void add_image_problems(const std::vector<note>& notes, check_results& results) {
  for (std::size_t i = 0; i < notes.size(); ++i) {
    auto& list = results.files[i].diagnostics;
    for (const auto& image : notes[i].images) {
      const bool reported = std::any_of(list.begin(), list.end(), [&](const diagnostic& d) {
        return d.rule == "missing-image" && d.line == image.line;
      });
      if (image.content || reported) continue;
      list.push_back(export_problem(image, "image " + image.url + " " + image.problem +
                                               "; the export shows a placeholder instead"));
    }
  }
}

std::string deck_json(const notequiz::deck& d) { return to_json(d) + "\n"; }

// `</script` and `<!--` inside an inline script would end it or change how HTML reads it; the
// JavaScript escape \x3C means the same `<` in the strings, regular expressions and comments
// they can occur in.
std::string inline_script_text(std::string_view js) {
  std::string out;
  out.reserve(js.size());
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (js[i] == '<' && i + 1 < js.size()) {
      std::string next(js.substr(i + 1, 7));
      std::transform(next.begin(), next.end(), next.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (next.compare(0, 3, "!--") == 0 || next.compare(0, 7, "/script") == 0) {
        out += "\\x3C";
        continue;
      }
    }
    out.push_back(js[i]);
  }
  return out;
}

const std::string* asset_named(const widget_assets& assets, const std::string& name) {
  for (const auto& a : assets.files) {
    if (a.name == name) return &a.content;
  }
  return nullptr;
}

void build_site(const options& o, std::vector<note>& notes, const std::vector<std::string>& slugs,
                const widget_assets& assets, std::vector<export_file>& files) {
  const hashed_assets hashed = hash_assets(assets);
  for (const auto& a : hashed.files) files.push_back({"assets/" + a.name, a.content});
  const std::string module_url = "../assets/" + hashed.name_of.at(widget_entry_module);

  std::vector<notequiz::deck> decks;
  decks.reserve(notes.size());
  for (std::size_t i = 0; i < notes.size(); ++i) {
    note& n = notes[i];
    image_rewrites rewrites;
    std::set<std::string> copied;
    for (const auto& image : n.images) {
      if (!image.content) {
        rewrites[image.url] = "";
        continue;
      }
      if (image.site_path != fs::path(*local_image_path(image.url)).lexically_normal().generic_string()) {
        rewrites[image.url] = path_to_url(image.site_path);
      }
      if (copied.insert(image.site_path).second) files.push_back({slugs[i] + "/" + image.site_path, *image.content});
    }
    decks.push_back(rewrite_images(std::move(n.deck), rewrites));
    deck_page_options page;
    page.resources.module_url = module_url;
    page.widget_src = "deck.json";
    page.index_url = "../index.html";
    page.embed_snippet = embed_snippet(module_url, "deck.json");
    files.push_back({slugs[i] + "/index.html", deck_page_html(decks.back(), page)});
    files.push_back({slugs[i] + "/deck.json", deck_json(decks.back())});
  }
  std::vector<index_entry> entries;
  for (std::size_t i = 0; i < decks.size(); ++i) entries.push_back({&decks[i], slugs[i] + "/index.html"});
  index_options index;
  index.links = o.index_links;
  files.push_back({"index.html", site_index_html(entries, index)});
}

void build_single_files(std::vector<note>& notes, const std::vector<std::string>& slugs,
                        const widget_assets& assets, std::vector<export_file>& files,
                        std::vector<std::vector<diagnostic>>& problems) {
  // The widget's class module imports nothing (the core's loader is inside it), so it goes into
  // the page as it is; the core's WebAssembly comes in as bytes through the class's documented
  // hook (docs/embedding.md). find_widget_assets has made sure both are there.
  std::string module = inline_script_text(*asset_named(assets, widget_element_module));
  module += "\nNoteQuizElement.coreSource = {\n  wasmBinary: Uint8Array.from(atob(\"" +
            base64(*asset_named(assets, widget_core_module)) +
            "\"), (c) => c.charCodeAt(0)),\n};\nif (!customElements.get('note-quiz')) NoteQuizElement.define();\n";

  for (std::size_t i = 0; i < notes.size(); ++i) {
    note& n = notes[i];
    image_rewrites rewrites;
    for (const auto& image : n.images) {
      const std::string type = image.content ? image_media_type(image.path) : std::string();
      if (image.content && type.empty()) {
        problems[i].push_back(export_problem(
            image, "image " + image.url +
                       " is not a kind browsers show (png, jpg, gif, svg, webp, avif, bmp, ico);"
                       " the page shows a placeholder instead"));
      }
      rewrites[image.url] = type.empty() ? std::string() : "data:" + type + ";base64," + base64(*image.content);
    }
    const notequiz::deck d = rewrite_images(std::move(n.deck), rewrites);
    deck_page_options page;
    page.resources.inline_module = module;
    page.inline_deck_json = to_json(d);
    files.push_back({slugs[i] + ".html", deck_page_html(d, page)});
  }
}

// Anki keeps all media in one folder: names carry the deck's slug, and a number when two
// different files would share one.
std::string media_name(const std::string& slug, const note_image& image, std::map<std::string, const std::string*>& taken) {
  std::string base = slug + "-" + fs::path(image.path).filename().string();
  for (char& c : base) {
    if (std::string_view("\\/:*?\"<>|").find(c) != std::string_view::npos) c = '_';
  }
  const fs::path p(base);
  std::string name = base;
  for (int n = 2;; ++n) {
    const auto found = taken.find(name);
    if (found == taken.end()) {
      taken[name] = &*image.content;
      return name;
    }
    if (*found->second == *image.content) return name;
    name = p.stem().string() + "-" + std::to_string(n) + p.extension().string();
  }
}

void build_anki(std::vector<note>& notes, const std::vector<std::string>& slugs, std::vector<export_file>& files) {
  std::map<std::string, const std::string*> media;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    image_rewrites rewrites;
    for (const auto& image : notes[i].images) {
      rewrites[image.url] = image.content ? media_name(slugs[i], image, media) : std::string();
    }
    files.push_back({slugs[i] + ".txt", anki_notes(rewrite_images(std::move(notes[i].deck), rewrites))});
  }
  for (const auto& [name, content] : media) files.push_back({"media/" + name, *content});
}

}  // namespace

int export_command(const args& a) {
  options o;
  if (const int status = parse_arguments(a, o); status != 0) return status < 0 ? 0 : status;
  if (const std::string why = unsafe_output(o); !why.empty()) {
    std::fprintf(stderr, "notequiz export: %s\n", why.c_str());
    return 2;
  }

  widget_assets assets;
  if (o.fmt == format::site || o.fmt == format::single_file) {
    assets = find_widget_assets(o.assets);
    if (!assets.error.empty()) {
      std::fprintf(stderr, "notequiz export: %s\n", assets.error.c_str());
      return 2;
    }
  }

  std::vector<note> notes;
  std::vector<note_input> inputs;
  config_finder finder;
  if (const int status = read_inputs(o, finder, inputs, notes); status != 0) {
    std::fprintf(stderr, "notequiz export: nothing exported\n");
    return status;
  }
  // The check and the export read the notes independently: the check runs on a second core.
  check_results results;
  std::thread checker([&] { check_notes(inputs, finder, results); });
  for (std::size_t i = 0; i < notes.size(); ++i) {
    parse_options parse;
    parse.source_path = inputs[i].path;
    if (inputs[i].config) parse.question_level = inputs[i].config->config.question_level;
    notes[i].deck = parse_notes(inputs[i].content, parse).deck;
    if (o.fmt != format::json) notes[i].images = read_note_images(notes[i].deck, notes[i].path, notes[i].root);
  }

  std::vector<std::string> ids;
  std::size_t cards = 0;
  for (const auto& n : notes) {
    ids.push_back(n.deck.id);
    cards += n.deck.cards.size();
  }
  const std::vector<std::string> slugs = export_slugs(ids);
  std::vector<export_file> files;
  std::vector<std::vector<diagnostic>> problems(notes.size());
  switch (o.fmt) {
    case format::site: build_site(o, notes, slugs, assets, files); break;
    case format::single_file: build_single_files(notes, slugs, assets, files, problems); break;
    case format::anki: build_anki(notes, slugs, files); break;
    case format::json:
      for (std::size_t i = 0; i < notes.size(); ++i) files.push_back({slugs[i] + ".json", deck_json(notes[i].deck)});
      break;
  }
  checker.join();
  add_image_problems(notes, results);
  for (std::size_t i = 0; i < notes.size(); ++i) {
    auto& list = results.files[i].diagnostics;
    list.insert(list.end(), problems[i].begin(), problems[i].end());
  }

  for (auto& f : results.files) {
    std::stable_sort(f.diagnostics.begin(), f.diagnostics.end(), [](const diagnostic& x, const diagnostic& y) {
      return std::tie(x.line, x.column) < std::tie(y.line, y.column);
    });
    for (const auto& d : f.diagnostics) {
      results.summary.errors += d.severity == severity::error;
      results.summary.warnings += d.severity == severity::warning;
      results.summary.infos += d.severity == severity::info;
    }
  }
  output_options shown;
  shown.colour = isatty(fileno(stderr)) != 0 && (std::getenv("NO_COLOR") == nullptr || std::getenv("NO_COLOR")[0] == '\0');
  print_results(stderr, results, shown);
  const std::size_t errors = results.summary.errors;
  if (o.strict && errors > 0) {
    std::fprintf(stderr, "notequiz export: %zu error%s in the notes; nothing exported (--strict)\n", errors,
                 errors == 1 ? "" : "s");
    return 1;
  }

  const write_report written = write_export(o.out, std::move(files), o.format_name, may_swap_output(o));
  for (const auto& w : written.warnings) std::fprintf(stderr, "notequiz export: warning: %s\n", w.c_str());
  if (!written.error.empty()) {
    std::fprintf(stderr, "notequiz export: %s\n", written.error.c_str());
    return 2;
  }
  std::printf("exported %zu deck%s (%zu card%s) to %s as %s: %zu file%s written, %zu removed%s\n", notes.size(),
              notes.size() == 1 ? "" : "s", cards, cards == 1 ? "" : "s", o.out.c_str(), o.format_name.c_str(),
              written.written, written.written == 1 ? "" : "s", written.removed,
              written.atomic ? "" : " (updated file by file)");
  return errors > 0 ? 1 : 0;
}

}  // namespace notequiz::cli
