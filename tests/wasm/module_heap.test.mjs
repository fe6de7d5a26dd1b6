// The module's malloc and free (wasm/malloc.cpp on wasm/size_class_heap.cpp), called through
// the exports the loader uses for arguments (alloc, free): blocks are aligned, apart and inside
// the memory, freed blocks serve the next requests of their size, and a block larger than the
// whole memory grows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { wasmDir } from './load_module.mjs';

// The module as the loader instantiates it, and its raw exports.
async function instantiate() {
  const { default: createNotequiz } = await import(pathToFileURL(path.join(wasmDir, 'notequiz_wasm.js')).href);
  const bytes = fs.readFileSync(path.join(wasmDir, 'notequiz_wasm.wasm'));
  let exports;
  const api = await createNotequiz({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(bytes, imports).then(({ instance }) => {
        exports = instance.exports;
        receive(instance);
      });
      return {};
    },
  });
  return { api, exports };
}

test('blocks are aligned to 8 bytes, apart from each other and inside the memory', async () => {
  const { exports } = await instantiate();
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const blocks = [];
  for (let i = 0; i < 3000; i += 1) {
    const size = random(10) === 0 ? random(70000) : random(300);
    blocks.push([exports.alloc(size), Math.max(size, 1)]);
  }
  blocks.sort((a, b) => a[0] - b[0]);
  blocks.forEach(([start, size], i) => {
    assert.equal(start % 8, 0, `block at ${start}`);
    assert.ok(start > 0 && start + size <= exports.memory.buffer.byteLength);
    if (i > 0) assert.ok(blocks[i - 1][0] + blocks[i - 1][1] <= start, `blocks at ${blocks[i - 1][0]} and ${start} overlap`);
  });
  for (const [start] of blocks) exports.free(start);
});

test('a freed block serves the next request of its size', async () => {
  const { exports } = await instantiate();
  const sizes = [1, 20, 100, 1000, 5000, 70000];
  const first = sizes.map((size) => exports.alloc(size));
  first.forEach((block) => exports.free(block));
  assert.deepEqual(sizes.map((size) => exports.alloc(size)).sort(), [...first].sort());
});

test('a block larger than the memory grows it, and the module goes on working', async () => {
  const { api, exports } = await instantiate();
  const before = exports.memory.buffer.byteLength;
  const block = exports.alloc(before + 1);
  assert.notEqual(block, 0);
  assert.ok(exports.memory.buffer.byteLength >= block + before + 1);
  new Uint8Array(exports.memory.buffer, block, before + 1).fill(7);
  exports.free(block);
  assert.equal(JSON.parse(api.emptyProgress('after')).deck, 'after');
});
