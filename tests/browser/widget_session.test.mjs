// Practising in <note-quiz>: flashcards, choice questions, reloading, the keyboard, the layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveWidget, page, ready, view } from './harness.mjs';

let browser;
let server;

before(async () => {
  server = await serveWidget({
    '/three.html': page('<note-quiz src="/notes/three-cards.md"></note-quiz>'),
    '/choice.html': page('<note-quiz src="/content/go-quick-quiz.md"></note-quiz>'),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(name, context) {
  const p = await (context ?? browser).newPage();
  p.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await p.goto(`${server.origin}/${name}`);
  await ready(p);
  return p;
}

const shadow = (p, selector) => p.locator('note-quiz').locator(selector);
const text = (p, selector) => shadow(p, selector).first().innerText();
const events = (p) => p.evaluate(() => window.__events);
const stored = (p, key) => p.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

test('a flashcard session shows each card, grades it with the previewed intervals and ends with stats', async () => {
  const context = await browser.newContext();
  const p = await open('three.html', context);
  assert.equal(await text(p, '.counts'), '3 New\n0 Learning\n0 Due');
  assert.equal(await text(p, '.path'), 'Basics');
  assert.equal(await text(p, '.question'), 'What is 1 + 1?');
  assert.equal(await shadow(p, '.answer').evaluate((e) => getComputedStyle(e).visibility), 'hidden');
  await shadow(p, '[data-action=show]').click();
  assert.equal(await view(p), 'answer');
  assert.equal(await shadow(p, '.answer').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  const buttons = await shadow(p, '.grade').allInnerTexts();
  assert.deepEqual(buttons.map((b) => b.split('\n')[0]), ['Again 1', 'Hard 2', 'Good 3', 'Easy 4']);
  // The new-card intervals of FSRS-6's defaults: 1 min, 6 min, 10 min, 8 days.
  assert.deepEqual(buttons.map((b) => b.split('\n')[1]), ['1 min', '6 min', '10 min', '8 d']);
  for (let i = 0; i < 3; i += 1) {
    if (i > 0) await shadow(p, '[data-action=show]').click();
    await shadow(p, '[data-rating=easy]').click();
  }
  assert.equal(await view(p), 'end');
  assert.match(await text(p, '.end'), /Session complete/);
  assert.match(await text(p, '.stats'), /Reviewed\n3\n.*Remembered\n3/s);
  const log = await events(p);
  assert.deepEqual(log.map((e) => e.type), ['note-quiz-graded', 'note-quiz-graded', 'note-quiz-graded', 'note-quiz-session-end']);
  assert.equal(log[0].detail.rating, 'easy');
  assert.equal(log[0].detail.correct, true);
  assert.equal(log[0].detail.state, 'review');
  assert.ok(log[0].detail.due > Date.now() + 7 * 86400000);
  assert.equal(log[3].detail.reviewed, 3);
  assert.equal(log[3].detail.stats.cards.review, 3);
  const progress = await stored(p, 'notequiz:v1:three-cards');
  assert.equal(progress.log.length, 3);
  assert.deepEqual(await p.locator('note-quiz').evaluate((e) => e.progress.log.length), 3);
  await context.close();
});

test('an image in an answer resolves against the notes URL, not the page', async () => {
  const context = await browser.newContext();
  const p = await open('three.html', context);
  for (let i = 0; i < 2; i += 1) {
    await shadow(p, '[data-action=show]').click();
    await shadow(p, '[data-rating=easy]').click();
  }
  await shadow(p, '[data-action=show]').click();
  const img = shadow(p, '.answer img');
  assert.equal(await img.getAttribute('src'), `${server.origin}/notes/img/dot.svg`);
  await p.waitForFunction(() => document.querySelector('note-quiz').shadowRoot.querySelector('.answer img').naturalWidth > 0);
  await context.close();
});

test('opening the answer moves nothing that was already on screen', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const p = await open('three.html', context);
  const boxes = () => p.locator('note-quiz').evaluate((host) => ['.question', '.actions', '.answer', '.tools']
    .map((s) => host.shadowRoot.querySelector(s).getBoundingClientRect()).map((r) => [r.x, r.y, r.width, r.height]));
  const before = await boxes();
  await shadow(p, '[data-action=show]').click();
  assert.deepEqual(await boxes(), before);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling at 320 px');
  await context.close();
});

test('a choice question answered wrongly then rightly is graded once, as Again', async () => {
  const context = await browser.newContext();
  const p = await open('choice.html', context);
  assert.equal(await view(p), 'choice');
  assert.equal(await shadow(p, '.option input').count(), 3);
  assert.equal(await shadow(p, '.option input').first().getAttribute('type'), 'radio');
  assert.equal(await text(p, 'legend'), 'Choose one answer (keys 1–3)', 'the legend names the keys these options have');
  await shadow(p, '.option').nth(0).click();
  await shadow(p, '[data-action=check]').click();
  assert.equal(await text(p, '.feedback'), 'Not quite. Try again, or show the answer.');
  assert.match(await shadow(p, '.option').nth(0).getAttribute('class'), /wrong/);
  assert.equal(await shadow(p, '.answer').evaluate((e) => getComputedStyle(e).visibility), 'hidden');
  await shadow(p, '.option').nth(1).click();
  await shadow(p, '[data-action=check]').click();
  assert.equal(await text(p, '.feedback'), 'Correct.');
  assert.match(await shadow(p, '.option').nth(1).getAttribute('class'), /right/);
  assert.match(await text(p, '.answer'), /declares/);
  assert.equal(await shadow(p, '[role=status]').innerText(), 'Correct.');
  const graded = (await events(p)).filter((e) => e.type === 'note-quiz-graded');
  assert.equal(graded.length, 1);
  assert.equal(graded[0].detail.rating, 'again');
  assert.equal(graded[0].detail.correct, false);
  await shadow(p, '[data-action=next]').click();
  // The next question has several right answers: checkboxes.
  assert.equal(await shadow(p, '.option input').first().getAttribute('type'), 'checkbox');
  for (const i of [0, 1, 2]) await shadow(p, '.option').nth(i).click();
  await shadow(p, '[data-action=check]').click();
  assert.equal(await text(p, '.feedback'), 'Correct.');
  const last = (await events(p)).at(-1);
  assert.equal(last.detail.rating, 'good');
  assert.equal(last.detail.correct, true);
  await context.close();
});

test('showing the answer of a choice question without answering grades it Again and marks the right options', async () => {
  const context = await browser.newContext();
  const p = await open('choice.html', context);
  await shadow(p, '.option').nth(2).click();
  await shadow(p, '[data-action=check]').click();
  await shadow(p, '[data-action=reveal]').click();
  assert.equal(await text(p, '.feedback'), 'The right answers are marked.');
  assert.match(await shadow(p, '.option').nth(1).innerText(), /right answer/);
  assert.match(await shadow(p, '.option').nth(2).innerText(), /your choice, wrong/);
  assert.equal((await events(p)).length, 1);
  await context.close();
});

test('reloading the page continues where the learner was', async () => {
  const context = await browser.newContext();
  const p = await open('three.html', context);
  await shadow(p, '[data-action=show]').click();
  await shadow(p, '[data-rating=easy]').click();
  await shadow(p, '[data-action=show]').click();
  await shadow(p, '[data-rating=again]').click();
  await p.reload();
  await ready(p);
  assert.equal(await text(p, '.counts'), '1 New\n0 Learning\n0 Due');
  assert.equal(await text(p, '.question'), 'Where does the diagram live?');
  assert.equal(await p.locator('note-quiz').evaluate((e) => e.progress.log.length), 2);
  assert.equal(await p.locator('note-quiz').evaluate((e) => e.progress.cards[e.progress.log[1].card].state), 'learning');
  // The progress the widget gives is the core's copy of what the page stored.
  const stored = await p.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('notequiz:v1:')))));
  assert.deepEqual(await p.locator('note-quiz').evaluate((e) => e.progress), stored);
  await context.close();
});

test('a whole session can be done with the keyboard alone, focus always visible', async () => {
  const context = await browser.newContext();
  const p = await open('choice.html', context);
  const focused = () => p.locator('note-quiz').evaluate((host) => {
    const active = host.shadowRoot.activeElement;
    return active ? { tag: active.tagName, action: active.dataset.action ?? active.type, visible: active.matches(':focus-visible') } : null;
  });
  await p.keyboard.press('Tab');
  assert.deepEqual(await focused(), { tag: 'INPUT', action: 'radio', visible: true });
  await p.keyboard.press('2');
  await p.keyboard.press('Enter');
  assert.equal(await text(p, '.feedback'), 'Correct.');
  assert.deepEqual(await focused(), { tag: 'BUTTON', action: 'next', visible: true });
  await p.keyboard.press('Enter');
  for (const key of ['1', '2', '3']) await p.keyboard.press(key);
  await p.keyboard.press('Enter');
  assert.equal(await text(p, '.feedback'), 'Correct.');
  await p.keyboard.press('Space');
  await p.keyboard.press('2');
  await p.keyboard.press('Enter');
  await p.keyboard.press('Enter');
  // The two concurrency questions: a choice, then a flashcard.
  await p.keyboard.press('3');
  await p.keyboard.press('Enter');
  await p.keyboard.press('Enter');
  assert.equal(await view(p), 'question');
  assert.deepEqual(await focused(), { tag: 'BUTTON', action: 'show', visible: true });
  await p.keyboard.press('Space');
  assert.equal(await view(p), 'answer');
  assert.deepEqual(await focused(), { tag: 'BUTTON', action: 'grade', visible: true });
  await p.keyboard.press('4');
  assert.equal(await view(p), 'end');
  const graded = (await events(p)).filter((e) => e.type === 'note-quiz-graded');
  assert.deepEqual(graded.map((e) => e.detail.rating), ['good', 'good', 'good', 'good', 'easy']);
  assert.deepEqual(await focused(), { tag: 'H3', action: undefined, visible: true });
  await context.close();
});

test('browse mode lists every question with expandable answers and a search box', async () => {
  const context = await browser.newContext();
  const p = await open('choice.html', context);
  await shadow(p, '.tools [data-action=mode]').click();
  assert.equal(await p.locator('note-quiz').getAttribute('mode'), 'browse');
  assert.equal(await view(p), 'browse');
  assert.equal(await shadow(p, '.list > li').count(), 5);
  assert.equal(await text(p, '.matches'), '5 of 5 questions');
  await shadow(p, 'input[type=search]').fill('channel');
  assert.equal(await text(p, '.matches'), '2 of 5 questions');
  const visible = shadow(p, '.list > li:not([hidden]) summary');
  await visible.first().click();
  assert.match(await shadow(p, '.list > li:not([hidden]) details[open] .content').innerText(), /slice|panics/);
  await shadow(p, '.tools [data-action=mode]').click();
  assert.equal(await view(p), 'choice');
  await context.close();
});
