// <note-quiz> in a host page: hostile notes, several widgets, languages, ways of giving the
// deck, themes, and accessibility as axe sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, serveWidget, page, ready, view, sourceDir, wasmDir } from './harness.mjs';
import { loadNotequiz } from '../wasm/load_module.mjs';

let browser;
let server;
let deckJson;

before(async () => {
  const core = await loadNotequiz('notequiz_api.wasm');
  const notes = await fs.readFile(path.join(sourceDir, 'tests/browser/notes/three-cards.md'), 'utf8');
  deckJson = JSON.stringify(JSON.parse(core.parseNotes(notes, '{}')).deck);
  server = await serveWidget({
    '/hostile.html': page('<note-quiz src="/notes/hostile.md" new-per-day="50"></note-quiz>'),
    '/two.html': page(`<note-quiz id="quick" src="/content/go-quick-quiz.md"></note-quiz>
<note-quiz id="three" src="/notes/three-cards.md"></note-quiz>`),
    '/zh.html': page('<note-quiz src="/content/go-interview.md"></note-quiz>', { lang: 'zh-CN' }),
    '/inline.html': page(`<note-quiz id="md"><script type="text/markdown">
      ---
      id: inline-notes
      ---
      ## What is inline?

      Notes written *inside* the element.
    </script></note-quiz>
<note-quiz id="json"><script type="application/json">${deckJson.replace(/</g, '\\u003c')}</script></note-quiz>
<note-quiz id="file" src="/deck/three-cards.json"></note-quiz>
<note-quiz id="missing" src="/notes/no-such-notes.md"></note-quiz>`),
    '/deck/three-cards.json': deckJson,
    '/single.html': await singleFile(),
    '/axe.html': page(`<h1>Practice</h1><note-quiz id="quick" src="/content/go-quick-quiz.md"></note-quiz>
<note-quiz id="three" src="/notes/three-cards.md" theme="dark"></note-quiz>`),
  });
  browser = await launch();
});

// Everything in one page, as an exporter writes it: the class module inlined, the core's loader as a
// data: URL, the wasm as bytes, the deck as JSON.
async function singleFile() {
  const read = (file) => fs.readFile(file);
  const element = (await read(path.join(wasmDir, 'note-quiz-element.js'))).toString('utf8');
  const loader = (await read(path.join(wasmDir, 'notequiz_wasm.js'))).toString('base64');
  const wasm = (await read(path.join(wasmDir, 'notequiz_wasm.wasm'))).toString('base64');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>single file</title></head><body>
<note-quiz><script type="application/json">${deckJson.replace(/</g, '\\u003c')}</script></note-quiz>
<script type="module">${element.replace(/<\/script/g, '<\\/script')}
NoteQuizElement.coreSource = { moduleUrl: 'data:text/javascript;base64,${loader}',
  wasmBinary: Uint8Array.from(atob('${wasm}'), (c) => c.charCodeAt(0)) };
NoteQuizElement.define();
</script></body></html>`;
}

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context, name) {
  const p = await context.newPage();
  p.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await p.goto(`${server.origin}/${name}`);
  return p;
}

const shadow = (p, selector, host = 'note-quiz') => p.locator(host).locator(selector);

test('notes with scripts, event handlers, javascript: links and SVG scripts run nothing', async () => {
  const context = await browser.newContext();
  const p = await open(context, 'hostile.html');
  await ready(p);
  assert.equal(await shadow(p, '.deck').innerText(), "Hostile notes <script>pwn('deck title')</script>");
  // Every answer, in review mode...
  for (let i = 0; i < 6; i += 1) {
    await shadow(p, '[data-action=show]').click();
    for (const link of await shadow(p, '.answer a').all()) await link.click({ modifiers: ['Shift'] }).catch(() => {});
    await shadow(p, '[data-rating=easy]').click();
  }
  assert.equal(await view(p), 'choice');
  await shadow(p, '.option').nth(1).hover();
  await shadow(p, '.option').nth(0).click();
  await shadow(p, '[data-action=check]').click();
  // ...and all of them at once in browse mode, with the SVG file shown as an image.
  await p.locator('note-quiz').evaluate((e) => { e.mode = 'browse'; });
  for (const summary of await shadow(p, 'summary').all()) await summary.click();
  await p.waitForFunction(() => [...document.querySelector('note-quiz').shadowRoot.querySelectorAll('img[alt=hostile]')]
    .every((img) => img.complete && img.naturalWidth > 0));
  await p.waitForTimeout(200);
  assert.deepEqual(await p.evaluate(() => window.__pwned), []);
  assert.equal(await p.evaluate(() => document.querySelector('note-quiz').shadowRoot.querySelectorAll('script, iframe, object, [onerror], [onload]').length), 0);
  await context.close();
});

test('two widgets with different decks on one page keep their own state, storage and events', async () => {
  const context = await browser.newContext();
  const p = await open(context, 'two.html');
  await ready(p, '#quick');
  await ready(p, '#three');
  await shadow(p, '[data-action=show]', '#three').click();
  await shadow(p, '[data-rating=easy]', '#three').click();
  await shadow(p, '.option', '#quick').nth(1).click();
  await shadow(p, '[data-action=check]', '#quick').click();
  assert.equal(await shadow(p, '.counts', '#three').innerText(), '2 New\n0 Learning\n0 Due');
  assert.equal(await shadow(p, '.counts', '#quick').innerText(), '4 New\n0 Learning\n0 Due');
  assert.equal(await view(p, '#quick'), 'choice');
  assert.equal(await view(p, '#three'), 'question');
  const events = await p.evaluate(() => window.__events.map((e) => [e.target, e.detail.deckId, e.detail.rating]));
  assert.deepEqual(events, [['three', 'three-cards', 'easy'], ['quick', 'go-quick-quiz', 'good']]);
  const keys = (await p.evaluate(() => Object.keys(localStorage))).sort();
  assert.deepEqual(keys, ['notequiz:v1:go-quick-quiz', 'notequiz:v1:three-cards']);
  assert.equal(await p.locator('#quick').evaluate((e) => e.progress.log.length), 1);
  assert.equal(await p.locator('#three').evaluate((e) => e.progress.log.length), 1);
  await context.close();
});

test('a widget moved in the page keeps its place; one removed and put back loads again with its progress', async () => {
  const context = await browser.newContext();
  const p = await open(context, 'two.html');
  await ready(p, '#quick');
  await ready(p, '#three');
  await shadow(p, '[data-action=show]', '#three').click();
  assert.equal(await view(p, '#three'), 'answer');
  // Moved within one task: still on the same card, answer open.
  await p.evaluate(() => document.querySelector('main').prepend(document.querySelector('#three')));
  await p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.equal(await view(p, '#three'), 'answer');
  await shadow(p, '[data-rating=easy]', '#three').click();
  // Removed (its deck is freed in the core), then put back: it loads again and keeps the review.
  await p.evaluate(() => { window.__three = document.querySelector('#three'); window.__three.remove(); });
  await p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.equal(await p.evaluate(() => window.__three.progress), null);
  await p.evaluate(() => document.querySelector('main').append(window.__three));
  await ready(p, '#three');
  assert.equal(await view(p, '#three'), 'question');
  assert.equal(await shadow(p, '.counts', '#three').innerText(), '2 New\n0 Learning\n0 Due');
  assert.equal(await p.locator('#three').evaluate((e) => e.progress.log.length), 1);
  // The other widget's open deck was not touched.
  await shadow(p, '.option', '#quick').nth(1).click();
  await shadow(p, '[data-action=check]', '#quick').click();
  assert.equal(await shadow(p, '.counts', '#quick').innerText(), '4 New\n0 Learning\n0 Due');
  await context.close();
});

test('the UI speaks the page language, and the lang attribute overrides it', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const p = await open(context, 'zh.html');
  await ready(p);
  assert.equal(await shadow(p, '[data-action=show]').innerText(), '显示答案 Space');
  assert.equal(await shadow(p, '.counts').innerText(), '20 新卡\n0 学习中\n0 待复习');
  assert.equal(await shadow(p, '.hint').innerText(), '按空格键或回车键显示答案');
  await shadow(p, '[data-action=show]').click();
  assert.deepEqual((await shadow(p, '.grade').allInnerTexts()).map((t) => t.split('\n')), [
    ['重来 1', '1 分钟'], ['困难 2', '6 分钟'], ['良好 3', '10 分钟'], ['简单 4', '8 天']]);
  await p.locator('note-quiz').evaluate((e) => { e.lang = 'en'; });
  assert.equal(await shadow(p, '.grade').first().innerText(), 'Again 1\n1 min');
  assert.deepEqual(await shadow(p, '.tools button').allInnerTexts(), ['Browse', 'Export progress', 'Import progress']);
  await context.close();
});

test('without a page language the UI follows the browser', async () => {
  const context = await browser.newContext({ locale: 'zh-TW' });
  const p = await context.newPage();
  await p.goto(`${server.origin}/zh.html`);
  await p.evaluate(() => document.documentElement.removeAttribute('lang'));
  await ready(p);
  await p.locator('note-quiz').evaluate((e) => e.setAttribute('mode', 'browse'));
  assert.equal(await shadow(p, 'input[type=search]').getAttribute('placeholder'), '搜索题目');
  await context.close();
});

test('decks come inline as markdown or JSON, or from an exported .json file; a missing file is reported', async () => {
  const context = await browser.newContext();
  const p = await open(context, 'inline.html');
  for (const id of ['#md', '#json', '#file', '#missing']) await ready(p, id);
  assert.equal(await shadow(p, '.question', '#md').innerText(), 'What is inline?');
  await shadow(p, '[data-action=show]', '#md').click();
  assert.equal(await shadow(p, '.answer', '#md').innerHTML(), '<p>Notes written <em>inside</em> the element.</p>\n');
  assert.equal(await shadow(p, '.question', '#json').innerText(), 'What is 1 + 1?');
  assert.equal(await shadow(p, '.question', '#file').innerText(), 'What is 1 + 1?');
  assert.equal(await view(p, '#missing'), 'error');
  assert.match(await shadow(p, '[role=alert]', '#missing').innerText(), /^Could not load the notes: 404 Not Found/);
  await context.close();
});

test('a single page with the widget, the core and the deck inlined fetches nothing else', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const requests = [];
  p.on('request', (request) => requests.push(request.url()));
  p.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  await p.goto(`${server.origin}/single.html`);
  await ready(p);
  assert.equal(await shadow(p, '.question').innerText(), 'What is 1 + 1?');
  await shadow(p, '[data-action=show]').click();
  await shadow(p, '[data-rating=good]').click();
  assert.equal(await p.locator('note-quiz').evaluate((e) => e.progress.log.length), 1);
  assert.deepEqual(requests.filter((url) => url.startsWith('http')), [`${server.origin}/single.html`]);
  await context.close();
});

test('the theme attribute and prefers-color-scheme switch light and dark', async () => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const p = await open(context, 'two.html');
  await ready(p, '#quick');
  const background = (id) => p.locator(id).evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('.frame')).backgroundColor);
  assert.equal(await background('#quick'), 'rgb(13, 17, 23)');
  await p.locator('#quick').evaluate((e) => { e.theme = 'light'; });
  assert.equal(await background('#quick'), 'rgb(255, 255, 255)');
  await p.emulateMedia({ colorScheme: 'light' });
  await p.locator('#three').evaluate((e) => { e.theme = 'dark'; });
  assert.equal(await background('#three'), 'rgb(13, 17, 23)');
  await p.locator('#three').evaluate((e) => e.style.setProperty('--note-quiz-accent', 'rgb(200, 0, 100)'));
  await ready(p, '#three');
  const accent = await p.locator('#three').evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('[data-action=show]')).backgroundColor);
  assert.equal(accent, 'rgb(200, 0, 100)');
  await context.close();
});

test('axe finds no serious or critical accessibility problems in any view', async () => {
  const context = await browser.newContext();
  const p = await open(context, 'axe.html');
  await ready(p, '#quick');
  await ready(p, '#three');
  const problems = [];
  const check = async (state) => {
    const result = await new AxeBuilder({ page: p }).analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${state}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  };
  await check('first card');
  await shadow(p, '[data-action=show]', '#three').click();
  await shadow(p, '.option', '#quick').nth(0).click();
  await shadow(p, '[data-action=check]', '#quick').click();
  await check('answer shown, choice wrong');
  await shadow(p, '[data-action=reveal]', '#quick').click();
  await check('choice revealed');
  for (let i = 0; i < 3; i += 1) {
    if (i > 0) await shadow(p, '[data-action=show]', '#three').click();
    await shadow(p, '[data-rating=easy]', '#three').click();
  }
  await p.locator('#quick').evaluate((e) => { e.mode = 'browse'; });
  await shadow(p, 'summary', '#quick').first().click();
  await check('end screen, browse mode');
  assert.deepEqual(problems, []);
  await context.close();
});
