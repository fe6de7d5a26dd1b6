// Long notes: a learner starting them afresh sees the first card from the notes' first part, and
// the widget opens the whole notes straight after. What is on screen is what the whole notes give.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveWidget, page, ready } from './harness.mjs';

// Questions of ~160 bytes, each with a code fence whose comments start with `#`.
function questions(count) {
  const out = [];
  for (let i = 1; i <= count; i += 1) {
    out.push(`## What does step ${i} print?`, '', `It prints **${i}**. The steps run in order, one line each.`, '', '```python',
      `# step ${i}`, `print(${i})`, '```', '');
  }
  return out.join('\n');
}
const long = `---\nid: long\n---\n\n# Steps\n\n${questions(700)}`;

// Front matter with `#` comments running past the first part: read from the first part alone,
// the front matter is never closed and its comments are headings, so the part's deck is another.
const comments = Array.from({ length: 900 }, (_, i) => `# comment ${i + 1} of a long front matter`).join('\n');
const longFrontMatter = `---\nid: commented\n${comments}\n---\n\n${questions(700)}`;

// The first answer links through a reference defined at the end, past the first part.
const referenced = `# Steps\n\n## Where is the spec?\n\nIn [the spec][spec].\n\n${questions(700)}\n[spec]: https://example.org/spec\n`;

// Marks as the page makes them, with what the widget showed when it made them.
const recordMarks = `<script>window.__marks = []; const mark = performance.mark.bind(performance);
performance.mark = (name, options) => {
  const root = document.querySelector('note-quiz')?.shadowRoot;
  window.__marks.push({ name, detail: options?.detail, question: root?.querySelector('.question')?.textContent ?? null });
  if (name === 'note-quiz:first-card') window.__firstCardNode = root.querySelector('.question');
  if (name === 'note-quiz:first-card' && window.__actAtFirstCard) queueMicrotask(window.__actAtFirstCard);
  return mark(name, options);
};</script>`;

let browser;
let server;

before(async () => {
  server = await serveWidget({
    '/long.md': long,
    '/long.html': page('<note-quiz src="/long.md"></note-quiz>', { head: recordMarks }),
    '/front-matter.md': longFrontMatter,
    '/front-matter.html': page('<note-quiz src="/front-matter.md"></note-quiz>', { head: recordMarks }),
    '/long-browse.html': page('<note-quiz src="/long.md" mode="browse"></note-quiz>', { head: recordMarks }),
    '/referenced.md': referenced,
    '/referenced.html': page('<note-quiz src="/referenced.md"></note-quiz>', { head: recordMarks }),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(name, { context, act } = {}) {
  const p = await (context ?? browser).newPage();
  p.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  if (act) await p.addInitScript(act);
  await p.goto(`${server.origin}/${name}`);
  await ready(p);
  await p.waitForFunction(() => window.__marks.some((m) => m.name === 'note-quiz:deck-open'));
  return p;
}

const marks = (p) => p.evaluate(() => window.__marks);
const mark = async (p, name) => (await marks(p)).find((m) => m.name === name);
const shadow = (p, selector) => p.locator('note-quiz').locator(selector);

test('long notes show their first card from a part, then open whole without changing the screen', async () => {
  const p = await open('long.html');
  const first = await mark(p, 'note-quiz:first-card');
  const whole = await mark(p, 'note-quiz:deck-open');
  assert.ok(first.detail.cards > 20 && first.detail.cards < 700, `the first card came from a part of ${first.detail.cards} cards`);
  assert.deepEqual(whole.detail, { deck: 'long', cards: 700 });
  assert.equal(whole.question, 'What does step 1 print?');
  // The heading on screen is the node shown with the first card: nothing was drawn again.
  assert.ok(await p.evaluate(() => document.querySelector('note-quiz').shadowRoot.querySelector('.question') === window.__firstCardNode));
  assert.equal(await shadow(p, '.counts').innerText(), '20 New\n0 Learning\n0 Due');
  // The session runs on the whole deck: with more new cards a day, it reaches past the part.
  await p.locator('note-quiz').evaluate((e) => e.setAttribute('new-per-day', '700'));
  assert.equal(await shadow(p, '.counts').innerText(), '700 New\n0 Learning\n0 Due');
  await p.close();
});

test('grading the first card before the whole notes are open opens them first', async () => {
  // Space and 3 (Good) the moment the first card is shown, before the widget opens the rest.
  const p = await open('long.html', {
    act: () => {
      window.__actAtFirstCard = () => {
        window.__marksAtAction = window.__marks.map((m) => m.name);
        const quiz = document.querySelector('note-quiz');
        for (const key of [' ', '3']) quiz.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      };
    },
  });
  assert.ok(!(await p.evaluate(() => window.__marksAtAction)).includes('note-quiz:deck-open'));
  assert.equal(await shadow(p, '.question').innerText(), 'What does step 2 print?');
  const progress = await p.locator('note-quiz').evaluate((e) => e.progress);
  assert.equal(progress.deck, 'long');
  assert.equal(progress.log.length, 1);
  assert.deepEqual(progress, await p.evaluate(() => JSON.parse(localStorage.getItem('notequiz:v1:long'))));
  assert.equal(await shadow(p, '.counts').innerText(), '19 New\n0 Learning\n0 Due');
  await p.close();
});

test('a first part that reads differently from the whole notes gives way to the whole notes', async () => {
  const p = await open('front-matter.html');
  const first = await mark(p, 'note-quiz:first-card');
  const whole = await mark(p, 'note-quiz:deck-open');
  assert.equal(first.question, 'comment 1 of a long front matter');
  assert.deepEqual(whole.detail, { deck: 'commented', cards: 700 });
  assert.equal(await shadow(p, '.question').innerText(), 'What does step 1 print?');
  assert.equal(await shadow(p, '.counts').innerText(), '20 New\n0 Learning\n0 Due');
  await shadow(p, '[data-action=show]').click();
  await shadow(p, '[data-rating=easy]').click();
  const key = 'notequiz:v1:commented';
  assert.equal(await p.evaluate((k) => JSON.parse(localStorage.getItem(k)).log.length, key), 1);
  await p.close();
});

test('a first card whose answer links past the first part shows the whole notes\' answer', async () => {
  const p = await open('referenced.html');
  assert.ok((await mark(p, 'note-quiz:first-card')).detail.cards < 701, 'the first card came from a part');
  assert.equal(await shadow(p, '.question').innerText(), 'Where is the spec?');
  await shadow(p, '[data-action=show]').click();
  assert.equal(await shadow(p, '.answer a').getAttribute('href'), 'https://example.org/spec');
  await p.close();
});

test('a returning learner and browse mode open the whole notes at once', async () => {
  const context = await browser.newContext();
  const p = await open('long.html', { context });
  await shadow(p, '[data-action=show]').click();
  await shadow(p, '[data-rating=good]').click();
  await p.reload();
  await ready(p);
  await p.waitForFunction(() => window.__marks.some((m) => m.name === 'note-quiz:deck-open'));
  assert.equal((await mark(p, 'note-quiz:first-card')).detail.cards, 700);
  await p.close();
  const browsing = await open('long-browse.html', { context });
  assert.equal((await mark(browsing, 'note-quiz:first-card')).detail.cards, 700);
  assert.equal(await browsing.locator('note-quiz').evaluate((e) => e.shadowRoot.querySelectorAll('.list > li').length), 700);
  await context.close();
});
