// A single-file export opened straight from disk with every network request blocked: the quiz
// works, and progress is still there when the browser is closed and the file opened again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ready } from './harness.mjs';
import { exportNotes, removeFolder, shadow, progressOf, imageWidths } from './export_helpers.mjs';

let exported;
const network = [];

before(async () => {
  exported = await exportNotes(['content', '--format', 'single-file']);
  assert.equal(exported.status, 0, exported.stderr);
});

after(async () => {
  if (exported) await removeFolder(exported.folder);
});

// A browser with its own profile folder, offline, that lets nothing but file:// through.
async function openOffline(profile, file, { scripts = true } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.NOTEQUIZ_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumArgs,
    offline: true, javaScriptEnabled: scripts,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    network.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(path.join(exported.out, file)).href);
  if (scripts) await ready(page);
  return { context, page, errors };
}

test('a choice answered in the file is still answered after the browser is closed and the file reopened', async () => {
  const profile = path.join(exported.folder, 'profile-progress');
  let { context, page, errors } = await openOffline(profile, 'go-quick-quiz.html');
  assert.equal(await shadow(page, '.stage').getAttribute('data-view'), 'choice');
  await shadow(page, 'label.option').filter({ hasText: 'It does not compile' }).click();
  await shadow(page, '[data-action=check]').click();
  await shadow(page, '[data-action=next]').waitFor();
  const first = await progressOf(page);
  assert.equal(first.log.length, 1);
  assert.deepEqual(errors, []);
  await context.close();

  ({ context, page, errors } = await openOffline(profile, 'go-quick-quiz.html'));
  const again = await progressOf(page);
  assert.deepEqual(again.log, first.log);
  assert.equal(await page.evaluate(() => localStorage.getItem('notequiz:v1:go-quick-quiz') !== null), true);
  assert.deepEqual(errors, []);
  await context.close();
  assert.deepEqual(network, [], 'no request left the machine');
});

test('the image is part of the file, in the widget and with JavaScript off', async () => {
  const profile = path.join(exported.folder, 'profile-images');
  let { context, page, errors } = await openOffline(profile, 'go-interview.html');
  await page.locator('note-quiz').evaluate((e) => e.setAttribute('mode', 'browse'));
  const card = shadow(page, 'details').filter({ hasText: '程序初始化' });
  await card.locator('summary').click();
  const inWidget = await imageWidths(card.locator('img'));
  assert.ok(inWidget.length === 1 && inWidget[0] > 0, `widths ${inWidget}`);
  assert.deepEqual(errors, []);
  await context.close();

  ({ context, page } = await openOffline(profile, 'go-interview.html', { scripts: false }));
  assert.equal(await page.locator('article.nq-card').count(), 27);
  assert.equal(await page.locator('.nq-static').isVisible(), true);
  const widths = await imageWidths(page.locator('.nq-static img'));
  assert.ok(widths.length === 1 && widths[0] > 0);
  await context.close();
  assert.deepEqual(network, []);
  const files = await fs.readdir(exported.out);
  assert.deepEqual(files.sort(), ['.notequiz-manifest.json', 'go-interview.html', 'go-quick-quiz.html']);
});
