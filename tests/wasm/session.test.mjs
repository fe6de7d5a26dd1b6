// One scripted study session through the WebAssembly module must give exactly what the native
// core gives: tests/data/session-script.expected.json, written and checked by
// tests/core/session_test.cpp (SessionParity).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadNotequiz, sourceDir } from './load_module.mjs';

const readJson = (relative) => JSON.parse(fs.readFileSync(path.join(sourceDir, relative), 'utf8'));

const script = readJson('tests/data/session-script.json');
const expected = readJson('tests/data/session-script.expected.json');
const MINUTE = 60 * 1000;

const m = await loadNotequiz('notequiz_api.wasm');

// The same steps as run_script in session_test.cpp, through the exported functions.
function runScript(deckJson, steps, progress) {
  const options = JSON.stringify(script.options);
  const out = [];
  const snapshots = [];
  for (const step of steps) {
    const time = script.start + step.at * MINUTE;
    const state = JSON.parse(m.sessionState(deckJson, progress, time, options));
    const card = step.card === 'next' ? state.queue[0] : step.card;
    assert.ok(card, `nothing to study at minute ${step.at}`);
    const rating = step.rating === 'right' || step.rating === 'wrong'
      ? m.choiceRating(step.rating === 'right') : step.rating;
    const preview = JSON.parse(m.previewCard(deckJson, progress, card, time, options));
    const grade = JSON.parse(m.gradeCard(deckJson, progress, card, rating, time, options));
    assert.equal(grade.ok, true, grade.error);
    progress = JSON.stringify(grade.progress);
    snapshots.push(progress);
    out.push({ time, card, rating, state, preview, grade });
  }
  return { steps: out, progress, snapshots, lastTime: script.start + steps.at(-1).at * MINUTE };
}

test('the scripted session gives the same queue, previews, grades and progress as native code', () => {
  const deckJson = JSON.stringify(expected.deck);
  const main = runScript(deckJson, script.steps, '');
  assert.equal(main.steps.length, expected.steps.length);
  main.steps.forEach((step, i) => assert.deepStrictEqual(step, expected.steps[i], `step ${i}`));

  const branch = runScript(deckJson, script.branch.steps, main.snapshots[script.branch.from - 1]);
  branch.steps.forEach((step, i) => assert.deepStrictEqual(step, expected.branch[i], `branch step ${i}`));

  const options = JSON.stringify(script.options);
  const merged = JSON.parse(m.mergeProgress(main.progress, branch.progress, options));
  assert.deepStrictEqual(merged, expected.merge);
  assert.deepStrictEqual(JSON.parse(m.mergeProgress(branch.progress, main.progress, options)).progress, merged.progress);
  assert.deepStrictEqual(JSON.parse(m.parseProgress(main.progress, expected.deck.id)), expected.parse);
  const after = JSON.parse(m.sessionState(deckJson, JSON.stringify(merged.progress), main.lastTime, options));
  assert.deepStrictEqual(after, expected.afterMerge);
  assert.deepStrictEqual(JSON.parse(m.emptyProgress(expected.deck.id)), expected.empty);
});

test('bad input comes back as an error object, never as an exception', () => {
  const deckJson = JSON.stringify(expected.deck);
  const cases = [
    m.parseProgress('{"format":"notequiz-progress","version":1,"deck":"parity-deck","cards":{', 'parity-deck'),
    m.parseProgress(m.emptyProgress('another-deck'), 'parity-deck'),
    m.sessionState(deckJson, '{"format":"notequiz-progress","version":2}', Date.now(), ''),
    m.gradeCard(deckJson, '', 'no-such-card', 'good', Date.now(), ''),
    m.gradeCard(deckJson, '', expected.deck.cards[0].id, 'excellent', Date.now(), ''),
    m.previewCard(deckJson, '', expected.deck.cards[0].id, NaN, ''),
    m.sessionState(deckJson, '', Date.now(), '{"newPerDay":"many"}'),
    m.mergeProgress(m.emptyProgress('parity-deck'), m.emptyProgress('another-deck'), ''),
  ];
  for (const text of cases) {
    const result = JSON.parse(text);
    assert.equal(result.ok, false, text);
    assert.equal(typeof result.error, 'string');
    assert.notEqual(result.error, '');
  }
});

test('choice questions grade a right first answer Good and a wrong one Again', () => {
  assert.equal(m.choiceRating(true), 'good');
  assert.equal(m.choiceRating(false), 'again');
});

// Every sequence: the module computes pow, exp and log with JS Math (wasm/math.cpp), as ts-fsrs does.
test('the WebAssembly scheduler agrees with ts-fsrs on the reference vectors', () => {
  const vectors = readJson('tests/data/fsrs-vectors.json');
  const deck = structuredClone(expected.deck);
  deck.cards = [deck.cards[0]];
  const deckJson = JSON.stringify(deck);
  const id = deck.cards[0].id;
  const close = (a, b) => Math.abs(a - b) <= 1e-6 * Math.abs(b);
  let steps = 0;
  vectors.sequences.forEach((seq, i) => {
    const options = JSON.stringify(seq.params);
    let progress = '';
    for (const [time, rating, due, stability, difficulty, state] of seq.steps) {
      const graded = JSON.parse(m.gradeCard(deckJson, progress, id, rating, time, options));
      assert.equal(graded.ok, true, graded.error);
      const next = graded.next;
      const where = `sequence ${i} step ${steps}`;
      assert.equal(Math.floor(next.due / 1000), Math.floor(due / 1000), where);
      assert.ok(close(next.stability, stability) && close(next.difficulty, difficulty), where);
      assert.equal(next.state, vectors.states[state], where);
      progress = JSON.stringify(graded.progress);
      steps += 1;
    }
  });
  assert.ok(steps > 3000, `${steps} steps`);
});
