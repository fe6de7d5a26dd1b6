// Where <note-quiz> keeps progress: localStorage when it can, memory when it cannot, and
// export/import between browsers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { launch, serveWidget, page, ready } from './harness.mjs';

const key = 'notequiz:v1:three-cards';
let browser;
let server;

before(async () => {
  server = await serveWidget({
    '/three.html': page('<note-quiz src="/notes/three-cards.md"></note-quiz>'),
    '/keyed.html': page('<note-quiz src="/notes/three-cards.md" storage-key="course-7/basics"></note-quiz>'),
    '/blank.html': '<!doctype html><title>blank</title>',
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context, name = 'three.html') {
  const p = await context.newPage();
  p.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await p.goto(`${server.origin}/${name}`);
  await ready(p);
  return p;
}

const shadow = (p, selector) => p.locator('note-quiz').locator(selector);
const notice = (p) => shadow(p, '.notice:not([hidden]) span').innerText();
const noticeShown = (p) => shadow(p, '.notice').evaluate((e) => !e.hidden);
const progress = (p) => p.locator('note-quiz').evaluate((e) => e.progress);

async function gradeFirst(p, rating = 'good') {
  await shadow(p, '[data-action=show]').click();
  await shadow(p, `[data-rating=${rating}]`).click();
}

test('progress is saved under storage-key when the page gives one', async () => {
  const context = await browser.newContext();
  const p = await open(context, 'keyed.html');
  await gradeFirst(p);
  const keys = await p.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['course-7/basics']);
  const saved = await p.evaluate(() => JSON.parse(localStorage.getItem('course-7/basics')));
  assert.equal(saved.format, 'notequiz-progress');
  assert.equal(saved.deck, 'three-cards');
  assert.equal(saved.log.length, 1);
  await context.close();
});

test('corrupt saved progress is kept aside under a backup key and the learner is told once', async () => {
  const context = await browser.newContext();
  const setup = await context.newPage();
  await setup.goto(`${server.origin}/blank.html`);
  await setup.evaluate((k) => localStorage.setItem(k, '{"format":"notequiz-progress","version":1,"deck":"three'), key);
  const p = await open(context);
  assert.match(await notice(p), /could not be read\. It was kept aside under “notequiz:v1:three-cards:backup:\d+”/);
  const stored = await p.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const backups = Object.keys(stored).filter((k) => k.startsWith(`${key}:backup:`));
  assert.equal(backups.length, 1);
  assert.equal(stored[backups[0]], '{"format":"notequiz-progress","version":1,"deck":"three');
  assert.equal(stored[key], undefined);
  assert.equal(await shadow(p, '.question').innerText(), 'What is 1 + 1?');
  await gradeFirst(p);
  await p.reload();
  await ready(p);
  assert.equal(await noticeShown(p), false);
  assert.equal((await progress(p)).log.length, 1);
  await context.close();
});

test('progress saved for another deck under the same key is treated as foreign and kept aside', async () => {
  const context = await browser.newContext();
  const setup = await context.newPage();
  await setup.goto(`${server.origin}/blank.html`);
  await setup.evaluate((k) => localStorage.setItem(k,
    JSON.stringify({ format: 'notequiz-progress', version: 1, deck: 'other-deck', cards: {}, log: [] })), 'course-7/basics');
  const p = await open(context, 'keyed.html');
  assert.match(await notice(p), /kept aside/);
  await shadow(p, '[data-action=dismiss]').click();
  assert.equal(await noticeShown(p), false);
  await context.close();
});

test('with storage disabled the widget works from memory and says progress will not be kept', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const p = await open(context);
  assert.match(await notice(p), /progress will not be kept/);
  await gradeFirst(p, 'easy');
  await gradeFirst(p, 'easy');
  assert.equal((await progress(p)).log.length, 2);
  assert.equal(await shadow(p, '.question').innerText(), 'Where does the diagram live?');
  await context.close();
});

test('when storage fills up the widget carries on in memory and says so', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(v).length > 8) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  const p = await open(context);
  assert.equal(await noticeShown(p), false);
  await gradeFirst(p, 'easy');
  assert.match(await notice(p), /progress will not be kept/);
  await gradeFirst(p, 'easy');
  assert.equal((await progress(p)).log.length, 2);
  await context.close();
});

test('progress exported from one browser and imported into a fresh one is merged by the core', async () => {
  const first = await browser.newContext({ acceptDownloads: true });
  const a = await open(first);
  await gradeFirst(a, 'easy');
  await gradeFirst(a, 'again');
  const [download] = await Promise.all([a.waitForEvent('download'), shadow(a, '[data-action=export]').click()]);
  assert.equal(download.suggestedFilename(), 'three-cards.progress.json');
  const bytes = await fs.readFile(await download.path());
  const file = { name: 'three-cards.progress.json', mimeType: 'application/json', buffer: bytes };
  const exported = JSON.parse(bytes.toString('utf8'));
  assert.deepEqual(exported, await progress(a));
  await first.close();

  const second = await browser.newContext();
  const b = await open(second);
  await shadow(b, '[data-action=show]').click();
  await shadow(b, '[data-rating=hard]').click();
  const [chooser] = await Promise.all([b.waitForEvent('filechooser'), shadow(b, '[data-action=import]').click()]);
  await chooser.setFiles(file);
  await b.waitForFunction(() => document.querySelector('note-quiz').progress.log.length === 3);
  assert.match(await notice(b), /Imported 2 new reviews\./);
  const merged = await progress(b);
  assert.deepEqual(merged.log.map((r) => r.rating).sort(), ['again', 'easy', 'hard']);
  const saved = await b.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
  assert.deepEqual(saved, merged);
  // Importing the same file again adds nothing.
  const [again] = await Promise.all([b.waitForEvent('filechooser'), shadow(b, '[data-action=import]').click()]);
  await again.setFiles(file);
  await b.waitForFunction(() => /Imported 0/.test(document.querySelector('note-quiz').shadowRoot.querySelector('.notice span').textContent));
  assert.equal((await progress(b)).log.length, 3);
  await second.close();
});

test('importing a file that is not progress for this deck changes nothing and says why', async () => {
  const context = await browser.newContext();
  const p = await open(context);
  await gradeFirst(p);
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), shadow(p, '[data-action=import]').click()]);
  await chooser.setFiles({ name: 'other.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'notequiz-progress', version: 1, deck: 'elsewhere', cards: {}, log: [] })) });
  await p.waitForFunction(() => /Could not import/.test(document.querySelector('note-quiz').shadowRoot.querySelector('.notice span').textContent));
  assert.equal((await progress(p)).log.length, 1);
  await context.close();
});
