// The widget's modules as a page downloads them: web/*.js stay the readable sources, OUT gets
// note-quiz-element.js with the core's loader (wasm/loader.js) in place of its import, minified
// (its CSS squeezed, then esbuild --minify), and note-quiz.js as it is (nine lines; `notequiz
// export` finds the element through its quoted import).
// Usage: node scripts/minify-widget.mjs OUT   (run by the wasm build; needs npm ci)
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/minify-widget.mjs OUT');
  process.exit(2);
}

// The CSS lives in template literals: drop comments, then the white space CSS does not need
// (never inside a quoted string such as a font name).
function squeezeCss(css) {
  return css.split(/("[^"]*"|'[^']*')/).map((part, i) => (i % 2 ? part : part
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}'))).join('').trim();
}

fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(path.join(root, 'web/note-quiz.js'), path.join(out, 'note-quiz.js'));
for (const name of ['note-quiz-element.js']) {
  let source = fs.readFileSync(path.join(root, 'web', name), 'utf8');
  // `const dark = `...`` and `const styles = `...`` hold CSS; `${...}` inside them is JS.
  source = source.replace(/(const (?:dark|styles) = `)([\s\S]*?)(`;)/g, (_, open, css, close) =>
    open + css.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : squeezeCss(part))).join('') + close);
  // The element's one import, the core's loader, becomes the loader's text: the module pages
  // download imports nothing and costs no second request. Inside a function, so that none of the
  // loader's names meets one of the element's.
  const loaderImport = "import createNotequiz from './notequiz_wasm.js';";
  if (name === 'note-quiz-element.js') {
    if (!source.includes(loaderImport)) throw new Error(`${name} no longer has the line ${loaderImport}`);
    const loader = fs.readFileSync(path.join(root, 'wasm/loader.js'), 'utf8');
    const factory = 'export default async function createNotequiz(';
    if (!loader.includes(factory)) throw new Error(`wasm/loader.js no longer has ${factory}`);
    const inlined = `const createNotequiz = (() => {\n${loader.replace(factory, () => 'async function createNotequiz(')}\nreturn createNotequiz;\n})();`;
    source = source.replace(loaderImport, () => inlined);
  }
  if (/^\s*(import|export)\s[^\n]*\bfrom\b/m.test(source)) throw new Error(`${name} still imports something`);
  // No `format`: esbuild then keeps top-level names, and an exporter's single page that inlines
  // this module refers to NoteQuizElement by name.
  const { code } = transformSync(source, { minify: true, target: 'es2022', legalComments: 'none', charset: 'utf8' });
  fs.writeFileSync(path.join(out, name), code);
}
