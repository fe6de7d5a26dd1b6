// The size budget (issue 5): everything a page downloads to show a quiz (the widget's modules as
// shipped, minified: its CSS and the core's loader live in note-quiz-element.js; and the
// WebAssembly core), each file gzip-compressed on its own at level 9 as a server would, at most
// 80 KB (80,000 bytes) together. It prints the figure and fails over budget. node's zlib counts
// (Chromium's fork of zlib, which node bundles): it gives the module ~1 KB more than `gzip -9` and
// the standard zlib do, so the budget holds by either count (docs/benchmarks.md#widget-size).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { wasmDir } from './harness.mjs';

const budget = 80_000;
// As shipped: the wasm build holds the widget's modules minified (scripts/minify-widget.mjs).
const files = [
  path.join(wasmDir, 'note-quiz.js'),
  path.join(wasmDir, 'note-quiz-element.js'),
  path.join(wasmDir, 'notequiz_wasm.wasm'),
];

test('the widget, its CSS and the WebAssembly core are at most 80 KB gzip-compressed', () => {
  let total = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
    total += gzipped;
    console.log(`${path.basename(file).padEnd(24)} ${String(bytes.length).padStart(8)} bytes  ${String(gzipped).padStart(7)} gzip`);
  }
  const distance = total <= budget ? `${budget - total} under` : `${total - budget} over`;
  console.log(`${'total'.padEnd(24)} ${' '.repeat(15)}${String(total).padStart(7)} gzip (budget ${budget}: ${distance})`);
  assert.ok(total <= budget, `${total} bytes gzip is over the budget of ${budget}`);
});
