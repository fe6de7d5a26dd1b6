// Loads the WebAssembly build in node. Node's fetch cannot read a file path, so the
// module gets its bytes through `wasmBinary`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const sourceDir = process.env.NOTEQUIZ_SOURCE_DIR ?? path.resolve(import.meta.dirname, '../..');
export const wasmDir = process.env.NOTEQUIZ_WASM_DIR ?? path.join(sourceDir, 'build/wasm/wasm');
export const cliPath = process.env.NOTEQUIZ_CLI ?? path.join(sourceDir, 'build/native/cli/notequiz');

// The widget's module (what pages download), or with 'notequiz_api.wasm' the one with the whole
// JS API (wasm/CMakeLists.txt).
export async function loadNotequiz(module = 'notequiz_wasm.wasm') {
  // The loader (wasm/loader.js) fetches the .wasm beside it unless given the bytes, as here.
  const { default: createNotequiz } = await import(pathToFileURL(path.join(wasmDir, 'notequiz_wasm.js')).href);
  return createNotequiz({ wasmBinary: fs.readFileSync(path.join(wasmDir, module)) });
}

// Every notes file under the given folders of the source tree, as paths relative to it.
export function notesFiles(...folders) {
  const found = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(sourceDir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.(md|markdown)$/.test(entry.name)) found.push(child);
    }
  };
  for (const folder of folders) walk(folder);
  return found.sort();
}
