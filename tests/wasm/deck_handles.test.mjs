// Decks kept open in the module by handle (openNotes, openDeck, deck*): the summary and each
// card's content are the native parse's own fields, a session through a handle gives exactly
// what the JSON functions give (tests/data/session-script.expected.json, native), handles are
// independent, and a bad handle is an error object, never a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadNotequiz, notesFiles, sourceDir, cliPath } from './load_module.mjs';

// The widget's module, which has the functions below; the API module for the JSON functions
// the results are compared with.
const m = await loadNotequiz();
const api = await loadNotequiz('notequiz_api.wasm');
const readJson = (relative) => JSON.parse(fs.readFileSync(path.join(sourceDir, relative), 'utf8'));
const script = readJson('tests/data/session-script.json');
const expected = readJson('tests/data/session-script.expected.json');
const options = JSON.stringify(script.options);
const MINUTE = 60 * 1000;
const summaryFields = ['id', 'title', 'titleHtml', 'sectionPath', 'kind'];
const leanOmits = ['pinnedId', 'images', 'links', 'codeLanguages', 'position'];
const pick = (card, keep) => Object.fromEntries(Object.entries(card).filter(([k]) => keep(k)));

for (const file of notesFiles('content', 'tests/fixtures')) {
  test(`openNotes and deckCard give the native parse of ${file}, split`, () => {
    const native = JSON.parse(execFileSync(cliPath, ['parse', '--json', file], { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const opened = JSON.parse(m.openNotes(fs.readFileSync(path.join(sourceDir, file)), JSON.stringify({ sourcePath: file })));
    try {
      assert.equal(opened.ok, true);
      assert.deepStrictEqual({ ...opened.deck, cards: [] }, { ...native.deck, cards: [] });
      assert.deepStrictEqual(opened.deck.cards, native.deck.cards.map((c) => pick(c, (k) => summaryFields.includes(k))));
      assert.deepStrictEqual(opened.diagnostics, native.diagnostics);
      const content = native.deck.cards.map((c) => pick(c, (k) => !leanOmits.includes(k)));
      // Duplicate ids are reported by the parse; deckCard gives the first card with the id.
      for (const card of content) {
        if (content.find((c) => c.id === card.id) !== card) continue;
        assert.deepStrictEqual(JSON.parse(m.deckCard(opened.handle, card.id)), { ok: true, card });
      }
    } finally {
      m.closeDeck(opened.handle);
    }
  });
}

// The steps of session.test.mjs's runScript, through a handle.
function runScript(handle, steps) {
  const out = [];
  const snapshots = [];
  for (const step of steps) {
    const time = script.start + step.at * MINUTE;
    const state = JSON.parse(m.deckSessionState(handle, time, options));
    const card = step.card === 'next' ? state.queue[0] : step.card;
    assert.ok(card, `nothing to study at minute ${step.at}`);
    const rating = step.rating === 'right' || step.rating === 'wrong' ? m.choiceRating(step.rating === 'right') : step.rating;
    const preview = JSON.parse(m.deckPreviewCard(handle, card, time, options));
    const grade = JSON.parse(m.deckGradeCard(handle, card, rating, time, options));
    assert.equal(grade.ok, true, grade.error);
    snapshots.push(JSON.stringify(grade.progress));
    out.push({ time, card, rating, state, preview, grade });
  }
  return { steps: out, snapshots };
}

test('a session through a handle gives the same queue, previews, grades and progress as native code', () => {
  const main = JSON.parse(m.openDeck(JSON.stringify(expected.deck)));
  assert.equal(main.ok, true);
  const run = runScript(main.handle, script.steps);
  run.steps.forEach((step, i) => assert.deepStrictEqual(step, expected.steps[i], `step ${i}`));

  const branch = JSON.parse(m.openDeck(JSON.stringify(expected.deck))).handle;
  assert.deepStrictEqual(JSON.parse(m.deckSetProgress(branch, run.snapshots[script.branch.from - 1])),
    JSON.parse(api.parseProgress(run.snapshots[script.branch.from - 1], expected.deck.id)));
  runScript(branch, script.branch.steps).steps.forEach((step, i) => assert.deepStrictEqual(step, expected.branch[i], `branch step ${i}`));

  assert.equal(JSON.parse(m.deckSetProgress(main.handle, JSON.stringify(expected.merge.progress))).ok, true);
  const lastTime = script.start + script.steps.at(-1).at * MINUTE;
  assert.deepStrictEqual(JSON.parse(m.deckSessionState(main.handle, lastTime, options)), expected.afterMerge);
  m.closeDeck(main.handle);
  m.closeDeck(branch);
});

test('two open decks keep their own progress, and closing one leaves the other working', () => {
  const deck = JSON.stringify(expected.deck);
  const a = JSON.parse(m.openDeck(deck)).handle;
  const b = JSON.parse(m.openDeck(deck)).handle;
  assert.notEqual(a, b);
  const now = script.start;
  const before = m.deckSessionState(b, now, options);
  const first = JSON.parse(before).queue[0];
  assert.equal(JSON.parse(m.deckGradeCard(a, first, 'good', now, options)).ok, true);
  assert.equal(m.deckSessionState(b, now, options), before);
  assert.notEqual(m.deckSessionState(a, now, options), before);
  assert.deepStrictEqual(JSON.parse(m.closeDeck(a)), { ok: true });
  assert.equal(m.deckSessionState(b, now, options), before);
  assert.equal(JSON.parse(m.deckSessionState(a, now, options)).ok, false);
  // A handle is never given out again: a closed one stays closed.
  const c = JSON.parse(m.openDeck(deck)).handle;
  assert.ok(c !== a && c !== b);
  assert.equal(JSON.parse(m.deckCard(a, first)).ok, false);
  m.closeDeck(b);
  m.closeDeck(c);
});

test('bad handles, cards, progress and decks come back as error objects, never as exceptions', () => {
  const open = JSON.parse(m.openDeck(JSON.stringify(expected.deck))).handle;
  const card = expected.deck.cards[0].id;
  const now = script.start;
  for (const handle of [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 1e300, open + 1000, '1', null, undefined, {}]) {
    const calls = [m.closeDeck(handle), m.deckCard(handle, card), m.deckSetProgress(handle, ''),
      m.deckLoadProgress(handle, ''), m.deckProgress(handle),
      m.deckSessionState(handle, now, options), m.deckPreviewCard(handle, card, now, options),
      m.deckGradeCard(handle, card, 'good', now, options)];
    for (const text of calls) {
      const result = JSON.parse(text);
      assert.equal(result.ok, false, `${String(handle)}: ${text}`);
      assert.match(result.error, /^no open deck with handle /);
    }
  }
  const state = m.deckSessionState(open, now, options);
  const problems = [
    m.deckCard(open, 'no-such-card'),
    m.deckPreviewCard(open, 'no-such-card', now, options),
    m.deckGradeCard(open, 'no-such-card', 'good', now, options),
    m.deckGradeCard(open, card, 'excellent', now, options),
    m.deckSessionState(open, NaN, options),
    m.deckSessionState(open, now, '{"newPerDay":"many"}'),
    m.deckSetProgress(open, m.emptyProgress('another-deck')),
    m.deckSetProgress(open, '{"format":"notequiz-progress",'),
    m.openDeck('{'),
    m.openDeck('{"format":"other"}'),
  ];
  for (const text of problems) {
    const result = JSON.parse(text);
    assert.equal(result.ok, false, text);
    assert.equal(typeof result.error, 'string');
    assert.notEqual(result.error, '');
  }
  // Nothing above changed the open deck's progress.
  assert.equal(m.deckSessionState(open, now, options), state);
  assert.throws(() => m.deckCard(open), TypeError);
  m.closeDeck(open);
});

test('JSON nested 200,000 deep is refused as a deck or progress, and the module goes on working', () => {
  // The module's JSON reader follows nesting with a stack of its own: a reader calling itself
  // per level would run out of the module's 5 MiB call stack here and trap.
  const deep = (open, close) => open.repeat(200000) + close.repeat(200000);
  for (const text of [deep('[', ']'), deep('{"k":', '}').replace(/\}+$/, (tail) => `null${tail}`)]) {
    const deck = JSON.parse(m.openDeck(text));
    assert.equal(deck.ok, false);
    assert.match(deck.error, /must be a JSON object|format/);
    assert.equal(JSON.parse(api.parseProgress(text, '')).ok, false);
  }
  const open = JSON.parse(m.openDeck(JSON.stringify(expected.deck)));
  assert.equal(open.ok, true);
  for (const text of [deep('[', ']'), deep('{"k":', '}').replace(/\}+$/, (tail) => `null${tail}`)]) {
    assert.equal(JSON.parse(m.deckSetProgress(open.handle, text)).ok, false);
  }
  assert.equal(JSON.parse(m.deckSessionState(open.handle, script.start, options)).ok, true);
  m.closeDeck(open.handle);
});

test('a failed deckSetProgress keeps the progress, and blank progress starts afresh', () => {
  const open = JSON.parse(m.openDeck(JSON.stringify(expected.deck))).handle;
  const now = script.start;
  const fresh = m.deckSessionState(open, now, options);
  const card = JSON.parse(fresh).queue[0];
  m.deckGradeCard(open, card, 'good', now, options);
  const graded = m.deckSessionState(open, now, options);
  assert.equal(JSON.parse(m.deckSetProgress(open, 'not json')).ok, false);
  assert.equal(m.deckSessionState(open, now, options), graded);
  assert.deepStrictEqual(JSON.parse(m.deckSetProgress(open, '')),
    { ok: true, error: '', progress: JSON.parse(m.emptyProgress(expected.deck.id)) });
  assert.equal(m.deckSessionState(open, now, options), fresh);
  m.closeDeck(open);
});

test('deckLoadProgress keeps what deckSetProgress keeps, answers only ok, and deckProgress gives it back', () => {
  const set = JSON.parse(m.openDeck(JSON.stringify(expected.deck))).handle;
  const load = JSON.parse(m.openDeck(JSON.stringify(expected.deck))).handle;
  const now = script.start;
  // A progress with a duplicated log entry and an unknown field: the core's own copy differs from the text.
  const progress = structuredClone(expected.merge.progress);
  progress.log.push(progress.log[0]);
  progress.note = 'not part of the format';
  const text = JSON.stringify(progress);

  const echoed = m.deckSetProgress(set, text);
  assert.equal(JSON.parse(echoed).ok, true);
  assert.equal(m.deckLoadProgress(load, text), '{"ok":true}');
  assert.equal(m.deckProgress(load), echoed);
  assert.equal(m.deckProgress(set), echoed);
  assert.notDeepStrictEqual(JSON.parse(echoed).progress, progress);
  assert.equal(m.deckSessionState(load, now, options), m.deckSessionState(set, now, options));

  // Failures are deckSetProgress's, and keep the progress.
  for (const bad of ['not json', m.emptyProgress('another-deck'), '{"format":"notequiz-progress",']) {
    assert.equal(m.deckLoadProgress(load, bad), m.deckSetProgress(set, bad));
  }
  assert.equal(m.deckProgress(load), echoed);
  assert.equal(m.deckLoadProgress(load, ''), '{"ok":true}');
  assert.deepStrictEqual(JSON.parse(m.deckProgress(load)).progress, JSON.parse(m.emptyProgress(expected.deck.id)));
  m.closeDeck(set);
  m.closeDeck(load);
});
