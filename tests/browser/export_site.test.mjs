// The exported site in Chromium over http: the widget takes over each deck page, progress
// survives a reload, images load, and with JavaScript off the page still holds every question.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ready } from './harness.mjs';
import { serve } from './serve.mjs';
import { exportNotes, removeFolder, shadow, progressOf, imageWidths } from './export_helpers.mjs';

let exported;
let server;
let browser;

before(async () => {
  exported = await exportNotes(['content', 'tests/fixtures']);
  // The seed fixture has errors (empty answers, missing images): reported, exported anyway.
  assert.equal(exported.status, 1, exported.stderr);
  server = await serve({ mounts: [['/', exported.out]] });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (exported) await removeFolder(exported.folder);
});

async function open(context, pathname, { scripts = true } = {}) {
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failures.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.origin}${pathname}`);
  if (scripts) await ready(page);
  return { page, failures };
}

test('the index links every deck with its card count', async () => {
  const context = await browser.newContext();
  const { page, failures } = await open(context, '/', { scripts: false });
  const decks = await page.locator('.nq-deck h2 a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(decks, [['Go 面试题', 'go-interview/index.html'], ['Go quick quiz', 'go-quick-quiz/index.html'],
    ['go-interview-notes', 'go-interview-notes/index.html']]);
  await page.locator('.nq-deck h2 a', { hasText: 'Go quick quiz' }).click();
  await ready(page);
  assert.match(await page.title(), /Go quick quiz/);
  assert.deepEqual(failures, []);
  await context.close();
});

test('a card answered on a deck page is still answered after a reload', async () => {
  const context = await browser.newContext();
  const { page, failures } = await open(context, '/go-interview/index.html');
  assert.equal(await page.locator('.nq-static').isVisible(), false, 'the widget has taken over');
  await shadow(page, '[data-action=show]').click();
  await shadow(page, '[data-rating=good]').click();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['notequiz:v1:go-interview']);
  const answered = (await progressOf(page)).log[0].card;

  await page.reload();
  await ready(page);
  const progress = await progressOf(page);
  assert.equal(progress.log.length, 1);
  assert.equal(progress.log[0].card, answered);
  assert.equal(progress.cards[answered].reps, 1);
  assert.deepEqual(failures, []);
  await context.close();
});

test('the deck image loads in the widget', async () => {
  const context = await browser.newContext();
  const { page, failures } = await open(context, '/go-interview/index.html');
  await page.locator('note-quiz').evaluate((e) => e.setAttribute('mode', 'browse'));
  const card = shadow(page, 'details').filter({ hasText: '程序初始化' });
  await card.locator('summary').click();
  const widths = await imageWidths(card.locator('img'));
  assert.equal(widths.length, 1);
  assert.ok(widths[0] > 0, 'the SVG copied beside the page loads');
  assert.deepEqual(failures, []);
  await context.close();
});

test('with JavaScript off a deck page shows every question, answer and image', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, failures } = await open(context, '/go-quick-quiz/index.html', { scripts: false });
  assert.equal(await page.locator('.nq-static').isVisible(), true);
  assert.equal(await page.locator('article.nq-card').count(), 5);
  for (const text of ['What happens when you send on a closed channel?', 'The program panics',
    'Arrays and structs are values', 'Language basics', 'Concurrency']) {
    assert.equal(await page.getByText(text).first().isVisible(), true, text);
  }
  const { page: interview } = await open(context, '/go-interview/index.html', { scripts: false });
  assert.equal(await interview.locator('article.nq-card').count(), 27);
  const widths = await imageWidths(interview.locator('.nq-static img'));
  assert.equal(widths.length, 1);
  assert.ok(widths[0] > 0);
  assert.deepEqual(failures, []);
  await context.close();
});

test('a missing image shows a visible placeholder, and printing shows every question', async () => {
  const context = await browser.newContext();
  const { page } = await open(context, '/go-interview-notes/index.html');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.nq-static').isVisible(), true);
  assert.equal(await page.locator('note-quiz').isVisible(), false);
  const placeholders = page.locator('.nq-static .notequiz-missing-image');
  assert.equal(await placeholders.count(), 3);
  assert.equal(await placeholders.first().isVisible(), true);
  assert.equal(await placeholders.first().textContent(), 'Missing image: ./goImages/goroutine-01.png');
  await context.close();
});
