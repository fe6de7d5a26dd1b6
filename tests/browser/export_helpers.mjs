// Shared by the export browser tests: run `notequiz export` into a fresh temporary folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sourceDir } from './harness.mjs';

export const cli = process.env.NOTEQUIZ_CLI ?? path.join(sourceDir, 'build/native/cli/notequiz');

// Runs `notequiz export ARGS... -o <temp>/out` from the source tree; returns the output folder,
// the exit code and what was printed.
export async function exportNotes(args) {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'notequiz-export-'));
  const out = path.join(folder, 'out');
  const run = spawnSync(cli, ['export', ...args, '-o', out], { cwd: sourceDir, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { folder, out, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export const removeFolder = (folder) => fs.rm(folder, { recursive: true, force: true });

// The widget's shadow root, as a locator scope.
export const shadow = (page, selector) => page.locator('note-quiz').locator(selector);

export const progressOf = (page) => page.locator('note-quiz').evaluate((e) => e.progress);

// Waits until every image matching `selector` (in the page or the widget) has loaded, and
// returns their natural widths.
export async function imageWidths(locator) {
  await locator.first().waitFor({ state: 'attached' });
  return locator.evaluateAll(async (images) => {
    await Promise.all(images.map((img) => (img.complete ? null : new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true });
      img.addEventListener('error', resolve, { once: true });
    }))));
    return images.map((img) => img.naturalWidth);
  });
}
