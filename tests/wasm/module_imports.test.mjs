// The modules are linked standalone and loaded by wasm/loader.js (built as notequiz_wasm.js):
// what they import must be exactly what the loader gives, what they export what the JS API and
// the widget call, and the loader must follow the memory when it grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadNotequiz, sourceDir, wasmDir } from './load_module.mjs';

const modules = ['notequiz_wasm.wasm', 'notequiz_api.wasm'];
const wasmModule = (name) => new WebAssembly.Module(fs.readFileSync(path.join(wasmDir, name)));
const exportedFunctions = (name) => WebAssembly.Module.exports(wasmModule(name)).filter((e) => e.kind === 'function').map((e) => e.name);

for (const name of modules) {
  test(`${name} imports only what the loader gives it`, () => {
    const imports = WebAssembly.Module.imports(wasmModule(name)).map((i) => `${i.module}.${i.name} (${i.kind})`);
    assert.deepEqual(imports.sort(), [
      'env.emscripten_notify_memory_growth (function)',  // the loader renews its view of the memory
      'env.nq_decimal_number (function)',                 // wasm/strtod.cpp
      'env.nq_math_exp (function)',                       // wasm/math.cpp
      'env.nq_math_log (function)',
      'env.nq_math_pow (function)',
      'env.nq_shortest_decimal (function)',               // wasm/double_text.cpp
      'wasi_snapshot_preview1.proc_exit (function)',      // exit and abort
    ]);
  });
}

// The API module has every function of the JS API; the widget's module only those the widget
// calls, and the loader offers only what a module has.
const handleFunctions = ['openNotes', 'openDeck', 'closeDeck', 'deckCard', 'deckSetProgress', 'deckLoadProgress',
  'deckProgress', 'deckSessionState', 'deckPreviewCard', 'deckGradeCard'];
const widgetFunctions = [...handleFunctions, 'mergeProgress', 'emptyProgress', 'choiceRating'];
const documentFunctions = ['version', 'parseNotes', 'readDeck', 'renderHtml', 'sessionState', 'previewCard', 'gradeCard', 'parseProgress'];
const memoryFunctions = ['alloc', 'free', 'resultSize'];
const emscriptenFunctions = ['_initialize', 'stackSave', 'stackRestore', 'stackAlloc'];

test('the API module exports the whole JS API, and the widget\'s module what the widget calls', async () => {
  assert.deepEqual(exportedFunctions('notequiz_api.wasm').sort(),
    [...widgetFunctions, ...documentFunctions, ...memoryFunctions, ...emscriptenFunctions].sort());
  assert.deepEqual(exportedFunctions('notequiz_wasm.wasm').sort(), [...widgetFunctions, ...memoryFunctions, ...emscriptenFunctions].sort());
  assert.deepEqual(Object.keys(await loadNotequiz('notequiz_api.wasm')).sort(), [...widgetFunctions, ...documentFunctions].sort());
  assert.deepEqual(Object.keys(await loadNotequiz()).sort(), widgetFunctions.sort());
});

test('the widget calls only what its module has', () => {
  const element = fs.readFileSync(path.join(sourceDir, 'web/note-quiz-element.js'), 'utf8');
  const called = new Set([...element.matchAll(/core\.(\w+)\(|#call\('(\w+)'/g)].map((match) => match[1] ?? match[2]));
  assert.ok(called.size > 5, [...called].join(' '));
  for (const name of called) assert.ok(widgetFunctions.includes(name), `the widget calls ${name}`);
});

test('strings larger than the first memory cross both ways once it has grown', async () => {
  const m = await loadNotequiz();
  const initial = 16 << 20;  // -sINITIAL_MEMORY's default
  const id = 'deck-'.repeat(Math.ceil((initial + 1) / 5));
  const progress = JSON.parse(m.emptyProgress(id));
  assert.equal(progress.deck.length, id.length);
  assert.equal(progress.deck, id);
  // The memory has grown: a later call reads its result through the new view.
  assert.equal(JSON.parse(m.emptyProgress('small')).deck, 'small');
});

test('a call with the wrong number of arguments throws before reaching the core', async () => {
  const m = await loadNotequiz();
  assert.throws(() => m.emptyProgress(), { name: 'TypeError', message: 'emptyProgress takes 1 arguments, not 0' });
  assert.throws(() => m.deckCard(1), TypeError);
});
