// Minifies the WebAssembly core's loader (wasm/loader.js) into the module pages download
// (notequiz_wasm.js beside notequiz_wasm.wasm and notequiz_api.wasm); run by the wasm build. Callers use
// only the default export (the factory), which stays.
// Usage: node scripts/minify-loader.mjs LOADER OUT   (needs npm ci)
import fs from 'node:fs';
import { transformSync } from 'esbuild';

const [input, out] = process.argv.slice(2);
if (!input || !out) {
  console.error('usage: node scripts/minify-loader.mjs LOADER OUT');
  process.exit(2);
}
const { code } = transformSync(fs.readFileSync(input, 'utf8'), { minify: true, target: 'es2022', legalComments: 'none', charset: 'utf8' });
// Written beside, then renamed: a failed run never leaves half a file.
fs.writeFileSync(`${out}.tmp`, code);
fs.renameSync(`${out}.tmp`, out);
