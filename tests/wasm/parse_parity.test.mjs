// The WebAssembly build parses exactly as the native build: same bytes in, same JSON out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadNotequiz, notesFiles, sourceDir, cliPath } from './load_module.mjs';

const notequiz = await loadNotequiz('notequiz_api.wasm');
const files = notesFiles('content', 'tests/fixtures');

test('there are notes to compare', () => {
  assert.ok(files.length >= 2, `found ${files.length} notes files`);
});

for (const file of files) {
  test(`wasm parseNotes equals native parse --json for ${file}`, () => {
    const native = execFileSync(cliPath, ['parse', '--json', file], { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // Raw bytes, not a JS string: invalid UTF-8 must reach the core as it is on disk.
    const bytes = fs.readFileSync(path.join(sourceDir, file));
    const wasm = notequiz.parseNotes(bytes, JSON.stringify({ sourcePath: file }));
    assert.equal(wasm + '\n', native);
  });
}

test('wasm parseNotes equals native parse --json for notes with hundreds of reference definitions', () => {
  // md4c keeps link reference definitions in a hash table and sorts each bucket that several
  // share (with the module's own qsort, wasm/qsort.cpp): the first definition of a label must
  // win, whatever its spelling's case, as natively.
  let notes = '## Links\n\n';
  for (let i = 0; i < 400; i += 1) notes += `[to ${i}][Ref ${i % 250}] `;
  notes += '\n\n';
  for (let i = 0; i < 250; i += 1) notes += `[ref ${i}]: /first/${i}\n[REF ${i}]: /second/${i}\n`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notequiz-refs-')), 'refs.md');
  fs.writeFileSync(file, notes);
  const native = execFileSync(cliPath, ['parse', '--json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const wasm = notequiz.parseNotes(notes, JSON.stringify({ sourcePath: file }));
  assert.equal(wasm + '\n', native);
  const answer = JSON.parse(wasm).deck.cards[0].answerHtml;
  assert.ok(answer.includes('href="/first/249"') && !answer.includes('/second/'), answer.slice(0, 200));
});

test('parseNotes of the seed gives 28 cards', () => {
  const result = JSON.parse(notequiz.parseNotes(fs.readFileSync(path.join(sourceDir, 'tests/fixtures/go-interview-notes.md'), 'utf8'), '{}'));
  assert.equal(result.deck.cards.length, 28);
  assert.equal(result.deck.cards[0].title, '= 和 := 有什么区别');
});

test('readDeck rejects JSON that is not a deck with a message instead of aborting', () => {
  assert.deepEqual(JSON.parse(notequiz.readDeck('{"format":"other"}')), { ok: false, error: 'deck.format must be "notequiz-deck"' });
  assert.equal(JSON.parse(notequiz.readDeck('{')).ok, false);
  assert.equal(JSON.parse(notequiz.readDeck('{"format":"notequiz-deck","schemaVersion":1,"id":"x","title":"t","cards":[{"id":3}]}')).ok, false);
});

test('readDeck round-trips a parsed deck', () => {
  const parsed = JSON.parse(notequiz.parseNotes('## Q\n\nA\n', '{"deckId":"d"}'));
  const read = JSON.parse(notequiz.readDeck(JSON.stringify(parsed.deck)));
  assert.equal(read.ok, true);
  assert.deepEqual(read.deck, parsed.deck);
});

test('a lean parse is the full deck without the fields a quiz never shows', () => {
  const linked = '\n## Where is the spec? {#spec}\n\nSee [the spec](https://go.dev/ref/spec).\n';
  const bytes = fs.readFileSync(path.join(sourceDir, 'tests/fixtures/go-interview-notes.md'), 'utf8') + linked;
  const full = JSON.parse(notequiz.parseNotes(bytes, '{"sourcePath":"notes.md"}'));
  const lean = JSON.parse(notequiz.parseNotes(bytes, '{"sourcePath":"notes.md","lean":true}'));
  const omitted = ['pinnedId', 'images', 'links', 'codeLanguages', 'position'];
  for (const field of ['images', 'links', 'codeLanguages']) assert.ok(full.deck.cards.some((c) => c[field].length), `no card has ${field}`);
  assert.deepEqual(lean.deck.cards, full.deck.cards.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => !omitted.includes(k)))));
  assert.deepEqual({ ...lean.deck, cards: [] }, { ...full.deck, cards: [] });
  assert.deepEqual(lean.diagnostics, full.diagnostics);
  const read = JSON.parse(notequiz.readDeck(JSON.stringify(lean.deck)));
  assert.equal(read.ok, true);
  assert.equal(read.deck.cards.length, full.deck.cards.length);
});

test('renderHtml escapes raw HTML from notes', () => {
  assert.equal(notequiz.renderHtml('<script>alert(1)</script>\n'), '<pre class="raw-html"><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n');
});
