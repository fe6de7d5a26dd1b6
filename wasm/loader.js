// The WebAssembly core's loader and JS API (docs/progress.md#webassembly-api), an ES module whose
// default export is the factory: `await createNotequiz(options)` gives an object with one method
// per function of wasm/exports.cpp. The build minifies it into notequiz_wasm.js.
//
// The module is linked standalone (wasm/CMakeLists.txt): it imports only what this file gives it
// (the JS engine's number reading and writing and Math, a memory-growth notice, and an exit for abort), so
// no generated glue sits between the page and the core.
//
// Options, each optional (the subset of emscripten's Module options that callers use):
//   wasmBinary       the .wasm bytes (Uint8Array or ArrayBuffer) instead of fetching them;
//   instantiateWasm  (imports, receive) => {}: the caller instantiates and calls
//                    receive(instance, module), as the widget does with a module it compiled
//                    while this file downloaded;
//   locateFile       (name) => URL of the .wasm (default: beside this file).
//
// Every string crosses as UTF-8: arguments are copied in, the result is decoded out.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The modules' functions (wasm/exports.cpp and api_exports.cpp export each under its JS name)
// and how many arguments each takes; `handle`: the first argument is a deck handle. The API
// module (notequiz_api.wasm) has them all; the widget's (notequiz_wasm.wasm) those of
// exports.cpp, and the object this gives has only what the module has.
const functions = [
  ['parseNotes', 2],
  ['readDeck', 1],
  ['renderHtml', 1],
  ['version', 0],
  ['sessionState', 4],
  ['previewCard', 5],
  ['gradeCard', 6],
  ['parseProgress', 2],
  ['mergeProgress', 3],
  ['emptyProgress', 1],
  ['choiceRating', 1],
  ['openNotes', 2],
  ['openDeck', 1],
  ['closeDeck', 1, true],
  ['deckCard', 2, true],
  ['deckSetProgress', 2, true],
  ['deckLoadProgress', 2, true],
  ['deckProgress', 1, true],
  ['deckSessionState', 3, true],
  ['deckPreviewCard', 4, true],
  ['deckGradeCard', 5, true],
];

export default async function createNotequiz(options = {}) {
  let exports;
  let heap;  // a view of the memory, replaced when the memory grows
  const imports = {
    env: {
      // wasm/strtod.cpp: decimal ASCII text, read as ECMAScript reads numbers.
      nq_decimal_number(text, size) {
        let s = '';
        for (let i = 0; i < size; i += 1) s += String.fromCharCode(heap[text + i]);
        return Number(s);
      },
      // wasm/double_text.cpp: the shortest decimal that reads back as `value`, ASCII, at `out`.
      nq_shortest_decimal(value, out) {
        const s = String(value);
        for (let i = 0; i < s.length; i += 1) heap[out + i] = s.charCodeAt(i);
        return s.length;
      },
      // wasm/math.cpp.
      nq_math_pow: Math.pow,
      nq_math_exp: Math.exp,
      nq_math_log: Math.log,
      emscripten_notify_memory_growth() {
        heap = new Uint8Array(exports.memory.buffer);
      },
    },
    wasi_snapshot_preview1: {
      // exit() and abort(): the call that stopped the core throws.
      proc_exit(code) {
        throw new WebAssembly.RuntimeError(`the notequiz core stopped (exit ${code})`);
      },
    },
  };

  const instance = await instantiate(options, imports);
  exports = instance.exports;
  heap = new Uint8Array(exports.memory.buffer);
  exports._initialize();  // C++ constructors

  // Calls `fn` with (pointer, length) for each string or byte argument and the other arguments
  // as they are; returns the result string.
  function call(fn, args) {
    const owned = [];
    const flat = [];
    try {
      for (const a of args) {
        if (typeof a === 'number' || typeof a === 'boolean') {
          flat.push(+a);
          continue;
        }
        const bytes = a instanceof Uint8Array ? a : a instanceof ArrayBuffer ? new Uint8Array(a) : encoder.encode(String(a));
        const p = exports.alloc(bytes.length);
        owned.push(p);
        heap.set(bytes, p);  // alloc may have grown the memory: `heap` is the new view
        flat.push(p, bytes.length);
      }
      const out = fn(...flat);
      return decoder.decode(heap.subarray(out, out + exports.resultSize()));
    } finally {
      owned.forEach(exports.free);
    }
  }

  const api = {};
  for (const [name, arity, handle] of functions) {
    const fn = exports[name];
    if (!fn) continue;  // the widget's module has only some (wasm/CMakeLists.txt)
    api[name] = (...args) => {
      if (args.length !== arity) throw new TypeError(`${name} takes ${arity} arguments, not ${args.length}`);
      // A handle is always passed as a number: a string would cross as bytes and shift every
      // other argument, so anything that is not a number becomes NaN, which no deck has.
      if (handle) args[0] = typeof args[0] === 'number' ? args[0] : NaN;
      return call(fn, args);
    };
  }
  return api;
}

async function instantiate({ wasmBinary, instantiateWasm, locateFile }, imports) {
  if (instantiateWasm) {
    return new Promise((resolve, reject) => {
      try {
        instantiateWasm(imports, (instance) => resolve(instance));
      } catch (error) {
        reject(error);
      }
    });
  }
  if (wasmBinary) return (await WebAssembly.instantiate(wasmBinary, imports)).instance;
  // Resolved only here: as a data: URL (single-file export), this module has no base to resolve against.
  const url = locateFile ? locateFile('notequiz_wasm.wasm') : new URL('notequiz_wasm.wasm', import.meta.url).href;
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} (${url})`);
  // Streaming needs the server to send application/wasm; otherwise compile the bytes.
  if (/^application\/wasm\b/.test(response.headers.get('content-type') ?? '')) {
    return (await WebAssembly.instantiateStreaming(response, imports)).instance;
  }
  return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
}
