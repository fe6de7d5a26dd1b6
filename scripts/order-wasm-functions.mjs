// Reorders the functions of a WebAssembly module so that functions whose code looks alike sit
// next to each other, where gzip's 32 KB window finds their common byte runs. Nothing else
// changes: the module's behaviour does not depend on the order of its functions.
// Run by the wasm build after its last wasm-opt round (docs/benchmarks.md#functions-in-an-order-gzip-likes).
//
// binaryen does the rewriting: wasm-dis prints the module with every call by name, the functions
// are moved in that text, and wasm-opt assembles it again (renumbering the calls) with the Stack
// IR clean-up its optimizing rounds end with, so the code is what that round wrote.
//
// Usage: node scripts/order-wasm-functions.mjs WASM_OPT IN OUT
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// How much of the code already placed a candidate is compared with; about as good as 1 KB or 8 KB
// and much faster than the latter.
const window = 2048;

const deflated = (bytes) => zlib.deflateRawSync(bytes, { level: 9 }).length;

// The order, as indices into `bodies`: the largest first, then each time the function that adds
// the fewest compressed bytes per byte of code after the last `window` bytes placed.
export function gzipOrder(bodies) {
  const rest = bodies.map((_, i) => i).sort((a, b) => bodies[b].length - bodies[a].length || a - b);
  if (rest.length === 0) return [];
  const order = [rest.shift()];
  let tail = bodies[order[0]].subarray(-window);
  let base = deflated(tail);
  while (rest.length > 0) {
    let best = 0;
    let bestCost = Infinity;
    for (let k = 0; k < rest.length; k += 1) {
      const body = bodies[rest[k]];
      const cost = (deflated(Buffer.concat([tail, body])) - base) / Math.max(body.length, 1);
      if (cost < bestCost) {
        bestCost = cost;
        best = k;
      }
    }
    const [next] = rest.splice(best, 1);
    order.push(next);
    tail = Buffer.concat([tail, bodies[next]]).subarray(-window);
    base = deflated(tail);
  }
  return order;
}

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

// The bodies of the module's own functions, in order (the code section's entries).
export function functionBodies(module) {
  const bodies = [];
  for (let at = 8; at < module.length;) {
    const id = module[at];
    const [size, start] = leb128(module, at + 1);
    if (id === 10) {
      let [count, p] = leb128(module, start);
      for (; count > 0; count -= 1) {
        const [length, body] = leb128(module, p);
        bodies.push(module.subarray(body, body + length));
        p = body + length;
      }
    }
    at = start + size;
  }
  return bodies;
}

// binaryen's text: each function starts with a line ` (func ` and ends with a line ` )`.
export function splitFunctions(text) {
  const lines = text.split('\n');
  const head = [];
  const functions = [];
  const tail = [];
  let current = null;
  for (const line of lines) {
    if (line.startsWith(' (func ')) {
      current = [line];
      functions.push(current);
    } else if (current) {
      current.push(line);
      if (line === ' )') current = null;
    } else {
      (functions.length ? tail : head).push(line);
    }
  }
  if (current) throw new Error('a function in the text does not end');
  return { head, functions, tail };
}

function main([wasmOpt, input, output]) {
  if (!wasmOpt || !input || !output) {
    console.error('usage: node scripts/order-wasm-functions.mjs WASM_OPT IN OUT');
    process.exit(2);
  }
  const wasmDis = path.join(path.dirname(wasmOpt), 'wasm-dis');
  const module = fs.readFileSync(input);
  const bodies = functionBodies(module);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'notequiz-order-'));
  try {
    const printed = path.join(work, 'in.wat');
    execFileSync(wasmDis, [input, '-o', printed]);
    const { head, functions, tail } = splitFunctions(fs.readFileSync(printed, 'utf8'));
    if (functions.length !== bodies.length) {
      throw new Error(`wasm-dis printed ${functions.length} functions; the code section has ${bodies.length}`);
    }
    const ordered = gzipOrder(bodies).flatMap((i) => functions[i]);
    const reordered = path.join(work, 'out.wat');
    fs.writeFileSync(reordered, [...head, ...ordered, ...tail].join('\n'));
    // Written beside, then renamed: a failed run never leaves half a module.
    execFileSync(wasmOpt, ['--enable-bulk-memory', '--optimize-level=2', '--shrink-level=2', '--generate-stack-ir',
      '--optimize-stack-ir', reordered, '-o', `${output}.tmp`]);
    fs.renameSync(`${output}.tmp`, output);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
