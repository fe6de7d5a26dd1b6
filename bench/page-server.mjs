// The bench's pages, served from a process of their own: in the bench's process, the server's
// replies would wait while playwright handles the browser's messages, which happen to be most
// frequent while a page loads. `startPageServer(pages)` forks this file, which serves `pages`
// beside the widget (tests/browser/harness.mjs's serveWidget) and sends back its origin.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function startPageServer(pages) {
  const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the page server exited (${code})`)));
    child.once('message', (origin) => {
      child.removeAllListeners('exit');
      resolve({ origin, close: () => new Promise((done) => { child.once('exit', done); child.kill(); }) });
    });
    child.send(pages);
  });
}

if (process.argv[2] === '--child') {
  const { serveWidget } = await import('../tests/browser/harness.mjs');
  process.once('disconnect', () => process.exit(0));  // the bench ended, however it ended
  process.once('message', async (pages) => {
    const server = await serveWidget(pages);
    process.send(server.origin);
  });
}
