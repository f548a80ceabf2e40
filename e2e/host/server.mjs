// A second origin for the embedding tests: serves the host pages of this folder on http://localhost:4174.
// Only the files listed here are served, so no request can reach outside the folder.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.HOST_PORT ?? 4174);
const FILES = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/host.js': ['host.js', 'text/javascript; charset=utf-8'],
  '/sibling.html': ['sibling.html', 'text/html; charset=utf-8'],
};

createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = Object.hasOwn(FILES, path) ? FILES[path] : undefined;
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const body = await readFile(join(here, file[0]));
  res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(body);
}).listen(port, 'localhost', () => console.log(`host pages on http://localhost:${port}`));
