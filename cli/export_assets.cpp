#include "export_assets.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>

#include "files.hpp"
#include "notequiz/export.hpp"

namespace notequiz::cli {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), for names that change whenever the content does.

namespace {

constexpr std::array<std::uint32_t, 64> sha256_k = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) noexcept { return (x >> n) | (x << (32 - n)); }

void sha256_block(std::array<std::uint32_t, 8>& h, const unsigned char* block) noexcept {
  std::array<std::uint32_t, 64> w{};
  for (int i = 0; i < 16; ++i) {
    w[i] = std::uint32_t{block[4 * i]} << 24 | std::uint32_t{block[4 * i + 1]} << 16 |
           std::uint32_t{block[4 * i + 2]} << 8 | std::uint32_t{block[4 * i + 3]};
  }
  for (int i = 16; i < 64; ++i) {
    const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (int i = 0; i < 64; ++i) {
    const std::uint32_t t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
    const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t full = bytes.size() / 64;
  for (std::size_t i = 0; i < full; ++i) sha256_block(h, data + 64 * i);
  std::array<unsigned char, 128> tail{};
  const std::size_t rest = bytes.size() % 64;
  std::copy(data + 64 * full, data + bytes.size(), tail.begin());
  tail[rest] = 0x80;
  const std::size_t tail_size = rest < 56 ? 64 : 128;
  const std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_size - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  for (std::size_t i = 0; i < tail_size; i += 64) sha256_block(h, tail.data() + i);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (std::uint32_t word : h) {
    for (int shift = 28; shift >= 0; shift -= 4) out.push_back(hex[(word >> shift) & 0xF]);
  }
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16 |
                            std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8 |
                            std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    out.push_back(alphabet[v & 63]);
  }
  if (i < bytes.size()) {
    std::uint32_t v = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (i + 1 < bytes.size()) v |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? alphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rewriting references between the widget's files.

namespace {

struct reference_site {
  std::size_t offset;  // of the text between the quotes
  std::size_t length;
  const asset* target;
  bool dot_slash;  // written as "./name"
};

// String literals in `text` that name another asset: "name", 'name' or `name`, with or without "./".
std::vector<reference_site> references_in(const asset& file, const std::vector<asset>& all) {
  std::vector<reference_site> sites;
  const std::string& text = file.content;
  if (fs::path(file.name).extension() == ".wasm") return sites;
  for (const auto& target : all) {
    if (&target == &file) continue;
    for (const bool dot : {false, true}) {
      const std::string name = (dot ? "./" : "") + target.name;
      for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        if (at == 0 || at + name.size() >= text.size()) continue;
        const char open = text[at - 1], close = text[at + name.size()];
        if (open == close && (open == '"' || open == '\'' || open == '`')) sites.push_back({at, name.size(), &target, dot});
      }
    }
  }
  std::sort(sites.begin(), sites.end(), [](const reference_site& a, const reference_site& b) { return a.offset < b.offset; });
  return sites;
}

// Visits the assets so that each comes after everything it references; `visit` gets the file
// with its references replaced by `replacement(target)`. Reference cycles are broken by leaving
// the reference that closes the cycle as it is.
void in_dependency_order(const std::vector<asset>& all,
                         const std::function<std::string(const asset& target, bool dot_slash)>& replacement,
                         const std::function<void(const asset& file, std::string content)>& visit) {
  std::map<const asset*, int> state;  // 1 visiting, 2 done
  std::function<void(const asset&)> walk = [&](const asset& file) {
    state[&file] = 1;
    const auto sites = references_in(file, all);
    for (const auto& s : sites) {
      if (state[s.target] == 0) walk(*s.target);
    }
    std::string out;
    std::size_t pos = 0;
    for (const auto& s : sites) {
      if (state[s.target] != 2) continue;
      out.append(file.content, pos, s.offset - pos);
      out += replacement(*s.target, s.dot_slash);
      pos = s.offset + s.length;
    }
    out.append(file.content, pos, std::string::npos);
    state[&file] = 2;
    visit(file, std::move(out));
  };
  for (const auto& file : all) {
    if (state[&file] == 0) walk(file);
  }
}

std::string media_type_of(const std::string& name) {
  const auto ext = fs::path(name).extension().string();
  if (ext == ".js" || ext == ".mjs") return "text/javascript";
  if (ext == ".css") return "text/css";
  if (ext == ".wasm") return "application/wasm";
  return "application/octet-stream";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Finding the widget.

namespace {

// The element carries the core's loader inside (scripts/minify-widget.mjs) and fetches the
// WebAssembly beside it.
const char* const required_assets[] = {widget_entry_module, widget_element_module, widget_core_module};


bool is_asset_name(const std::string& name) {
  const auto ext = fs::path(name).extension().string();
  return ext == ".js" || ext == ".mjs" || ext == ".css" || ext == ".wasm";
}

std::string executable_folder() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

// The assets in `folders` (the first folder holding a name wins), or an empty list with `why`.
std::vector<asset> read_asset_folders(const std::vector<fs::path>& folders, std::string& why) {
  std::map<std::string, fs::path> found;
  std::error_code ec;
  for (const auto& folder : folders) {
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (is_asset_name(name) && it->is_regular_file(ec)) found.emplace(name, it->path());
    }
  }
  for (const char* name : required_assets) {
    if (found.count(name) == 0) {
      why = "no " + std::string(name);
      return {};
    }
  }
  std::vector<asset> files;
  for (const auto& [name, path] : found) {
    const read_result r = read_file(path.string());
    if (!r.content) {
      why = path.string() + ": " + r.error;
      return {};
    }
    files.push_back({name, *r.content});
  }
  return files;
}

// Only what the entry module needs, directly or not: a folder may hold other scripts too.
std::vector<asset> reachable_from_entry(std::vector<asset> all) {
  std::set<std::string> needed = {widget_entry_module};
  std::vector<const asset*> todo;
  for (const auto& a : all) {
    if (a.name == widget_entry_module) todo.push_back(&a);
  }
  while (!todo.empty()) {
    const asset* file = todo.back();
    todo.pop_back();
    for (const auto& site : references_in(*file, all)) {
      if (needed.insert(site.target->name).second) todo.push_back(site.target);
    }
  }
  std::vector<asset> kept;
  for (auto& a : all) {
    if (needed.count(a.name) != 0) kept.push_back(std::move(a));
  }
  return kept;
}

}  // namespace

widget_assets find_widget_assets(const std::string& folder) {
  widget_assets found;
  struct place {
    std::vector<fs::path> folders;
    std::string how;
  };
  std::vector<place> places;
  if (!folder.empty()) {
    places.push_back({{folder}, "--assets"});
  } else if (const char* env = std::getenv("NOTEQUIZ_ASSETS"); env != nullptr && *env != '\0') {
    places.push_back({{env}, "NOTEQUIZ_ASSETS"});
  } else if (const std::string exe = executable_folder(); !exe.empty()) {
    const fs::path e(exe);
    // Built in the source tree (build/native/cli/notequiz): the wasm build (the core and the
    // widget's modules minified) and web/ are always the current ones; scripts/widget-dist's
    // copy in build/web/ may be older.
    places.push_back({{(e / "../../wasm/wasm").lexically_normal(), (e / "../../../web").lexically_normal()},
                      "source tree"});
    places.push_back({{(e / "../../web").lexically_normal()}, "build tree, scripts/widget-dist"});
    places.push_back({{(e / "../share/notequiz/web").lexically_normal()}, "installed"});
  }
  std::string names;
  for (const char* name : required_assets) names += (names.empty() ? "" : ", ") + std::string(name);
  found.error = "the widget's files (" + names + ") were not found:";
  for (const auto& p : places) {
    std::string why;
    std::vector<asset> files = read_asset_folders(p.folders, why);
    std::string where;
    for (const auto& f : p.folders) where += (where.empty() ? "" : " + ") + f.string();
    if (!files.empty()) {
      files = reachable_from_entry(std::move(files));
      // A folder of other files by the same names, whose entry module does not lead to them all.
      for (const char* name : required_assets) {
        if (std::none_of(files.begin(), files.end(), [&](const asset& a) { return a.name == name; })) {
          why = std::string(widget_entry_module) + " does not lead to " + name;
        }
      }
      if (why.empty()) {
        found.files = std::move(files);
        found.folder = where;
        found.error.clear();
        return found;
      }
    }
    found.error += "\n  " + where + " (" + p.how + "): " + why;
  }
  found.error += "\nbuild them (scripts/build all), or point --assets or NOTEQUIZ_ASSETS at a folder holding them"
                 " (docs/export.md#assets)";
  return found;
}

hashed_assets hash_assets(const widget_assets& assets) {
  hashed_assets out;
  in_dependency_order(
      assets.files,
      [&](const asset& target, bool dot_slash) { return (dot_slash ? "./" : "") + out.name_of.at(target.name); },
      [&](const asset& file, std::string content) {
        const fs::path p(file.name);
        const std::string hashed = p.stem().string() + "." + sha256_hex(content).substr(0, 12) + p.extension().string();
        out.name_of[file.name] = hashed;
        out.files.push_back({hashed, std::move(content)});
      });
  std::sort(out.files.begin(), out.files.end(), [](const asset& a, const asset& b) { return a.name < b.name; });
  return out;
}

std::map<std::string, std::string> inline_assets(const widget_assets& assets) {
  std::map<std::string, std::string> url_of;
  in_dependency_order(
      assets.files, [&](const asset& target, bool) { return url_of.at(target.name); },
      [&](const asset& file, std::string content) {
        url_of[file.name] = "data:" + media_type_of(file.name) + ";base64," + base64(content);
      });
  return url_of;
}

// ---------------------------------------------------------------------------------------------
// Images.

std::string image_media_type(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::map<std::string, std::string> types = {
      {".png", "image/png"},   {".jpg", "image/jpeg"},    {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
      {".svg", "image/svg+xml"}, {".webp", "image/webp"}, {".avif", "image/avif"}, {".bmp", "image/bmp"},
      {".ico", "image/x-icon"}};
  const auto found = types.find(ext);
  return found == types.end() ? std::string() : found->second;
}

std::string path_to_url(const std::string& path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::vector<note_image> read_note_images(const deck& d, const std::string& note_path, const std::string& content_root) {
  std::vector<note_image> images;
  std::set<std::string, std::less<>> seen;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(content_root, ec);
  const fs::path note_dir = fs::path(note_path).parent_path();
  for (const auto& c : d.cards) {
    for (const auto& ref : c.images) {
      if (!seen.insert(ref.url).second) continue;
      const auto local = local_image_path(ref.url);
      if (!local) continue;
      note_image image;
      image.url = ref.url;
      image.line = ref.line;
      image.column = ref.column;
      const fs::path relative = fs::path(*local).lexically_normal();
      const fs::path file = fs::weakly_canonical(note_dir / relative, ec);
      const fs::path inside = file.lexically_relative(root);
      image.path = inside.generic_string();
      if (ec || relative.is_absolute() || inside.empty() || *inside.begin() == "..") {
        image.problem = "outside the content folder " + content_root + ", not exported";
      } else if (!fs::exists(file, ec)) {
        image.problem = "not found";
      } else if (!fs::is_regular_file(file, ec)) {
        image.problem = "not a file";
      } else if (read_result r = read_file(file.string()); !r.content) {
        image.problem = r.error;
      } else {
        image.content = std::move(r.content);
      }
      const std::string beside = relative.generic_string();
      const bool stays_beside = !beside.empty() && beside.compare(0, 2, "..") != 0 && beside != "index.html" &&
                                beside != "deck.json" && beside.compare(0, 8, "_images/") != 0;
      image.site_path = stays_beside ? beside : "_images/" + image.path;
      images.push_back(std::move(image));
    }
  }
  return images;
}

}  // namespace notequiz::cli
