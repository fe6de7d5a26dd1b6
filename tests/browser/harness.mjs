// Shared set-up for the browser tests: Debian's chromium through playwright-core, and the
// widget (web/), the WebAssembly build and the bundled notes served from one local origin.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const sourceDir = process.env.NOTEQUIZ_SOURCE_DIR ?? path.resolve(import.meta.dirname, '../..');
export const wasmDir = process.env.NOTEQUIZ_WASM_DIR ?? path.join(sourceDir, 'build/wasm/wasm');

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch() {
  return chromium.launch({ executablePath: process.env.NOTEQUIZ_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

// Serves /web/ (the wasm build: the core and the widget's modules as pages download them,
// minified; then web/ for the rest), /content/ (the bundled notes), /notes/ (tests/browser/notes)
// and the given pages.
export function serveWidget(pages = {}) {
  return serve({
    pages,
    mounts: [['/web/', wasmDir], ['/web/', path.join(sourceDir, 'web')], ['/content/', path.join(sourceDir, 'content')],
      ['/notes/', path.join(sourceDir, 'tests/browser/notes')]],
  });
}

// A test page: the widget's module, then the body. Any script that the notes manage to run
// sets window.__pwned, which the tests check.
export function page(body, { lang = 'en', head = '' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>note-quiz test</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>window.__pwned = []; window.pwn = (how) => window.__pwned.push(String(how));
window.__events = []; for (const type of ['note-quiz-graded', 'note-quiz-session-end'])
  document.addEventListener(type, (e) => window.__events.push({ type, target: e.target.id, detail: e.detail }));</script>
${head}<script type="module" src="/web/note-quiz.js"></script></head><body><main>${body}</main></body></html>`;
}

// The widget's shadow root as a locator scope.
export function quiz(pageObject, selector = 'note-quiz') {
  return pageObject.locator(selector);
}

// Waits until the widget shows something other than its loading state.
export async function ready(pageObject, selector = 'note-quiz') {
  await pageObject.waitForFunction((s) => {
    const stage = document.querySelector(s)?.shadowRoot?.querySelector('.stage');
    return stage && stage.dataset.view && stage.dataset.view !== 'loading';
  }, selector);
}

export async function view(pageObject, selector = 'note-quiz') {
  return pageObject.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.stage').dataset.view, selector);
}
