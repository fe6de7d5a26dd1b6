// The module reads numbers with its own strtod (wasm/strtod.cpp: the JS engine's Number()) and
// writes doubles in the digits String() gives (wasm/double_text.cpp), laid out as nlohmann lays
// them out (core/src/json_writer.cpp), as native code writes them. A progress file's stability
// and difficulty must read back as the very doubles that were written, and a decimal between two
// doubles must round to the nearer one, ties to even, as musl's and glibc's strtod round it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadNotequiz, sourceDir } from './load_module.mjs';

const m = await loadNotequiz('notequiz_api.wasm');

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const bitsOf = (x) => { f64[0] = x; return u64[0]; };
const fromBits = (b) => { u64[0] = b; return f64[0]; };
const nextUp = (x) => fromBits(bitsOf(x) + 1n);

// A progress file with one card per [stability, difficulty] pair, both written as the given text.
function progressText(pairs) {
  const cards = [];
  const log = [];
  pairs.forEach(([stability, difficulty], i) => {
    cards.push(`"c${i}":{"state":"review","due":1737975060123,"stability":${stability},"difficulty":${difficulty},` +
      `"elapsedDays":7,"scheduledDays":18,"learningSteps":0,"reps":1,"lapses":0,"lastReview":1736419860123}`);
    log.push(`{"card":"c${i}","time":1736419860123,"rating":"good"}`);
  });
  return `{"format":"notequiz-progress","version":1,"deck":"numbers","cards":{${cards.join(',')}},"log":[${log.join(',')}]}`;
}

// The doubles the module read, each as it wrote it back out and JSON.parse read that.
function readBack(pairs) {
  const result = JSON.parse(m.parseProgress(progressText(pairs), 'numbers'));
  assert.equal(result.ok, true, result.error);
  return pairs.map((_, i) => {
    const card = result.progress.cards[`c${i}`];
    return [card.stability, card.difficulty];
  });
}

function assertSameDoubles(actual, expected) {
  actual.forEach((pair, i) => pair.forEach((x, j) => {
    assert.equal(bitsOf(x), bitsOf(expected[i][j]), `pair ${i}: ${x} is not ${expected[i][j]}`);
  }));
}

// Random doubles in the ranges the format allows (stability 0.001–36500, difficulty 1–10), every
// bit of the significand random: a fixed linear congruential generator keeps failures repeatable.
function randomDoubles(count) {
  let state = 0x2545f4914f6cdd1dn;
  const random64 = () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return state;
  };
  const inRange = (low, high) => {
    for (;;) {
      // exponent from the range, significand from the generator
      const exponent = BigInt(Math.floor(Math.log2(low)) + 1023 + Number(random64() % BigInt(Math.ceil(Math.log2(high / low)) + 1)));
      const x = fromBits((exponent << 52n) | (random64() & ((1n << 52n) - 1n)));
      if (x >= low && x <= high) return x;
    }
  };
  return Array.from({ length: count }, () => [inRange(0.001, 36500), inRange(1, 10)]);
}

test('stability and difficulty read back bit for bit, however they are written', () => {
  const doubles = randomDoubles(2000);
  const forms = [
    (x) => JSON.stringify(x),  // shortest, as the module and JSON.stringify write them
    (x) => x.toPrecision(17),
    (x) => x.toExponential(16).replace('e+', 'E'),
    (x) => x.toPrecision(17) + '000000000000000000000000',  // past 20 digits
  ];
  for (const form of forms) {
    const written = doubles.map(([s, d]) => [form(s), form(d)]);
    assertSameDoubles(readBack(written), doubles);
  }
});

// nlohmann's layout (its format_buffer) of x's shortest digits, which String() gives: fixed
// notation from 1e-4 to below 1e15 (a whole number ends in ".0"), else d.ddde+xx.
function nlohmannLayout(x) {
  const [mantissa, power = '0'] = String(x).split('e');
  const point = mantissa.indexOf('.');
  let digits = mantissa.replace('.', '').replace(/^0+/, '');
  let exponent = Number(power) - (point < 0 ? 0 : mantissa.length - point - 1);
  for (; digits.length > 1 && digits.endsWith('0'); exponent += 1) digits = digits.slice(0, -1);
  const k = digits.length;
  const n = k + exponent;
  if (k <= n && n <= 15) return `${digits}${'0'.repeat(n - k)}.0`;
  if (n > 0 && n <= 15) return `${digits.slice(0, n)}.${digits.slice(n)}`;
  if (n > -4 && n <= 0) return `0.${'0'.repeat(-n)}${digits}`;
  const e = n - 1;
  return `${k === 1 ? digits : `${digits[0]}.${digits.slice(1)}`}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

test('the layout the next test expects is nlohmann\'s', () => {
  const cases = [[100, '100.0'], [36500, '36500.0'], [0.001, '0.001'], [1.5, '1.5'], [0.00012, '0.00012'],
    [1e-5, '1e-05'], [1.5e-7, '1.5e-07'], [1e15, '1e+15'], [123456789012345.6, '123456789012345.6'], [1e21, '1e+21'],
    [5e-324, '5e-324'], [149.19555733515799, '149.195557335158']];
  for (const [x, text] of cases) assert.equal(nlohmannLayout(x), text, String(x));
});

test('stability and difficulty are written in the shortest digits that read back, as native code writes them', () => {
  const doubles = [[100, 1], [36500, 10], [0.001, 5.5], [1.5, 2.25], [149.19555733515799, 3.1322315702267408], ...randomDoubles(2000)];
  const text = m.parseProgress(progressText(doubles.map(([s, d]) => [String(s), String(d)])), 'numbers');
  doubles.forEach(([s, d], i) => {
    assert.ok(text.includes(`"c${i}":{"state":"review","due":1737975060123,"stability":${nlohmannLayout(s)},"difficulty":${nlohmannLayout(d)},`),
      `card c${i}: ${s}, ${d}`);
  });
});

// x as the exact decimal of (2m + 1) * 2^(e - 1), halfway between x = m * 2^e and the next double.
function halfwayText(x) {
  const bits = bitsOf(x);
  const m = (bits & ((1n << 52n) - 1n)) | (1n << 52n);
  const e = Number((bits >> 52n) & 0x7ffn) - 1075;
  const places = 1 - e;  // positive for every double below 2^52
  const digits = ((2n * m + 1n) * 5n ** BigInt(places)).toString().padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

test('decimals between two doubles round to the nearer one, ties to the even one', () => {
  const doubles = randomDoubles(300);
  const expected = (round) => doubles.map(([s, d]) => [round(s), round(d)]);
  const even = (x) => (bitsOf(x) & 1n ? nextUp(x) : x);
  const text = (change) => doubles.map(([s, d]) => [change(halfwayText(s)), change(halfwayText(d))]);
  assertSameDoubles(readBack(text((t) => t)), expected(even));
  // The exact decimal of a halfway point ends in 5: a hair above it and a hair below it.
  assertSameDoubles(readBack(text((t) => `${t}000000000000000000001`)), expected(nextUp));
  assertSameDoubles(readBack(text((t) => `${t.slice(0, -1)}4999999999999999999999`)), expected((x) => x));
});

test('control characters in strings are written as \\u escapes, and break JSON where they are raw', () => {
  const script = JSON.parse(fs.readFileSync(path.join(sourceDir, 'tests/data/session-script.expected.json'), 'utf8'));
  const deck = structuredClone(script.deck);
  deck.title = 'tab\there, bell\u0007, unit separator\u001f and delete\u007f';
  const text = m.readDeck(JSON.stringify(deck));
  assert.ok(text.includes('"tab\\there, bell\\u0007, unit separator\\u001f and delete\u007f"'), text.slice(0, 300));
  assert.equal(JSON.parse(text).deck.title, deck.title);
  // A raw control character inside a string is a JSON error.
  const raw = m.readDeck(JSON.stringify(deck).replace('\\u0007', '\u0007'));
  assert.equal(JSON.parse(raw).ok, false, raw);
});
