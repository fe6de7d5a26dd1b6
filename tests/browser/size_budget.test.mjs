// The size budget: everything a page downloads to show a quiz (the widget's modules as shipped,
// minified: its CSS and the core's loader live in note-quiz-element.js; and the WebAssembly core),
// each file gzip-compressed on its own as a server would. The goal is 80 KB (issue 5); it is not
// met yet (docs/benchmarks.md says where the bytes go), so this test holds the line where we are:
// it fails when the payload grows past `ceiling`, and prints the distance to the goal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { wasmDir } from './harness.mjs';

const goal = 80_000;
const ceiling = 80_400;
// As shipped: the wasm build holds the widget's modules minified (scripts/minify-widget.mjs).
const files = [
  path.join(wasmDir, 'note-quiz.js'),
  path.join(wasmDir, 'note-quiz-element.js'),
  path.join(wasmDir, 'notequiz_wasm.wasm'),
];

test('the widget, its CSS and the WebAssembly core do not grow past the size ceiling', () => {
  let total = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
    total += gzipped;
    console.log(`${path.basename(file).padEnd(24)} ${String(bytes.length).padStart(8)} bytes  ${String(gzipped).padStart(7)} gzip`);
  }
  console.log(`${'total'.padEnd(24)} ${' '.repeat(15)}${String(total).padStart(7)} gzip (goal ${goal}, ${total - goal} over; ceiling ${ceiling})`);
  assert.ok(total <= ceiling, `${total} bytes gzip is over the ceiling of ${ceiling}`);
});
