// Minifies emscripten's JS glue of the wasm core in place (run by the wasm build after linking).
// emscripten's own -Oz pass leaves local names and some white space; esbuild takes the glue from
// ~3.7 to ~2.9 KB gzip. Callers only use the module's default export (the factory), which stays.
// Usage: node scripts/minify-glue.mjs FILE   (needs npm ci)
import fs from 'node:fs';
import { transformSync } from 'esbuild';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/minify-glue.mjs FILE');
  process.exit(2);
}
const { code } = transformSync(fs.readFileSync(file, 'utf8'), { minify: true, target: 'es2022', legalComments: 'none', charset: 'utf8' });
// Written beside, then renamed: a failed run never leaves half a file.
fs.writeFileSync(`${file}.tmp`, code);
fs.renameSync(`${file}.tmp`, file);
