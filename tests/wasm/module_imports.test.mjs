// The module is linked standalone and loaded by wasm/loader.js (built as notequiz_wasm.js): what
// it imports must be exactly what the loader gives, and the loader must follow the memory when
// it grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadNotequiz, wasmDir } from './load_module.mjs';

const bytes = fs.readFileSync(path.join(wasmDir, 'notequiz_wasm.wasm'));

test('the module imports only what the loader gives it', () => {
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => `${i.module}.${i.name} (${i.kind})`);
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
