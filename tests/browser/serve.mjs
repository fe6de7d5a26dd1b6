// A tiny static file server for the browser tests, on 127.0.0.1 and a free port.
// `mounts` maps URL prefixes to folders (first match wins); `pages` maps paths to bodies
// (strings served as HTML unless the path says otherwise). No caching, no directory listings.
// As a command: node tests/browser/serve.mjs FOLDER [PORT] serves one folder.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.txt': 'text/plain; charset=utf-8',
};

export function typeOf(file) {
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export async function serve({ mounts = [], pages = {}, port = 0 } = {}) {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (Object.hasOwn(pages, pathname)) return send(200, typeOf(pathname.endsWith('/') ? 'index.html' : pathname), pages[pathname]);
    for (const [prefix, folder] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      const rest = pathname.slice(prefix.length).replace(/(^|\/)$/, '$1index.html');
      const file = path.resolve(folder, `.${path.posix.normalize(`/${rest}`)}`);
      if (!file.startsWith(path.resolve(folder))) break;
      try {
        return send(200, typeOf(file), await fs.readFile(file));
      } catch {
        // Try the next mount.
      }
    }
    send(404, 'text/plain; charset=utf-8', `not found: ${pathname}\n`);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, server, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = path.resolve(process.argv[2] ?? '.');
  const { origin } = await serve({ mounts: [['/', folder]], port: Number(process.argv[3] ?? 0) });
  console.log(`serving ${folder} at ${origin}/`);
}
