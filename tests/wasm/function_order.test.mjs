// scripts/order-wasm-functions.mjs moves a module's functions so that gzip compresses them
// better. It must keep every function and what each one does; the rest of tests/wasm and
// tests/browser run on the module the build ordered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { functionBodies, gzipOrder, splitFunctions } from '../../scripts/order-wasm-functions.mjs';
import { sourceDir } from './load_module.mjs';

const script = path.join(sourceDir, 'scripts/order-wasm-functions.mjs');
const wasmOpt = execFileSync('sh', ['-c', 'command -v wasm-opt']).toString().trim();

const bytes = (seed, length) => Buffer.from(Array.from({ length }, (_, i) => (seed * 7919 + i * i * 31) % 251));

test('the order holds every function once, largest first', () => {
  const bodies = [bytes(1, 40), bytes(2, 300), bytes(3, 90), bytes(4, 90), bytes(5, 1)];
  const order = gzipOrder(bodies);
  assert.deepEqual([...order].sort(), [0, 1, 2, 3, 4]);
  assert.equal(order[0], 1);
  assert.deepEqual(gzipOrder([]), []);
});

test('copies of one function body end up next to each other', () => {
  const a = bytes(11, 400);
  const b = bytes(12, 380);
  const c = bytes(13, 390);
  // Interleaved: a b c a b c. Each copy costs almost nothing right after its twin.
  const order = gzipOrder([a, b, c, Buffer.from(a), Buffer.from(b), Buffer.from(c)]);
  for (const [first, second] of [[0, 3], [1, 4], [2, 5]]) {
    assert.equal(Math.abs(order.indexOf(first) - order.indexOf(second)), 1, `order ${order}`);
  }
});

test('binaryen text splits into the part before the functions, each function, and the rest', () => {
  const text = '(module\n (type $0 (func))\n (func $a\n  (nop)\n )\n (func $b\n )\n (export "a" (func $a))\n)';
  const { head, functions, tail } = splitFunctions(text);
  assert.deepEqual(head, ['(module', ' (type $0 (func))']);
  assert.deepEqual(functions, [[' (func $a', '  (nop)', ' )'], [' (func $b', ' )']]);
  assert.deepEqual(tail, [' (export "a" (func $a))', ')']);
  assert.throws(() => splitFunctions('(module\n (func $a\n  (nop)\n'), /does not end/);
});

test('an ordered module has the same functions, which call each other and compute as before', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notequiz-order-test-'));
  try {
    // Small functions first and a large one last, so the order has something to change; the
    // large one calls the small ones, and a table reaches one of them indirectly.
    const small = (name, k) => `(func $${name} (param i32) (result i32) (i32.add (local.get 0) (i32.const ${k})))`;
    const large = Array.from({ length: 40 }, (_, i) => `(local.set 0 (call $f${i % 3} (local.get 0)))`).join('\n');
    const text = `(module
      (type $t (func (param i32) (result i32)))
      (table 1 funcref) (elem (i32.const 0) $f2)
      ${small('f0', 1)} ${small('f1', 10)} ${small('f2', 100)}
      (func $big (export "big") (param i32) (result i32) ${large}
        (call_indirect (type $t) (local.get 0) (i32.const 0)))
      (export "f1" (func $f1)))`;
    fs.writeFileSync(path.join(dir, 'in.wat'), text);
    execFileSync(wasmOpt, [path.join(dir, 'in.wat'), '-o', path.join(dir, 'in.wasm')]);
    execFileSync(process.execPath, [script, wasmOpt, path.join(dir, 'in.wasm'), path.join(dir, 'out.wasm')]);

    const before = fs.readFileSync(path.join(dir, 'in.wasm'));
    const after = fs.readFileSync(path.join(dir, 'out.wasm'));
    assert.equal(functionBodies(after).length, 4);
    assert.notDeepEqual(functionBodies(after).map((b) => b.length), functionBodies(before).map((b) => b.length));
    const run = (module) => new WebAssembly.Instance(new WebAssembly.Module(module)).exports;
    assert.equal(run(after).big(5), run(before).big(5));
    assert.equal(run(after).big(5), 5 + 14 * 1 + 13 * 10 + 13 * 100 + 100);
    assert.equal(run(after).f1(1), 11);
    assert.ok(!fs.readdirSync(dir).some((name) => name.endsWith('.tmp')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
