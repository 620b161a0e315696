#!/usr/bin/env node
// Serves the production build in dist/ (the service worker only works there) with an SPA
// fallback and a strict Content-Security-Policy.
// Usage: node scripts/serve.mjs [--port N] [--host H] [--dir BUILD_DIR]
// The port also comes from PORT; the default is 4180.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_PORT = 4180;

function option(name) {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

const portText = option('port') ?? process.env.PORT ?? String(DEFAULT_PORT);
const port = Number(portText);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Invalid port "${portText}": use a whole number between 1 and 65535.`);
  process.exit(2);
}
const host = option('host') ?? process.env.HOST ?? '127.0.0.1';
const root = resolve(option('dir') ?? fileURLToPath(new URL('../dist', import.meta.url)));

if (!existsSync(join(root, 'index.html'))) {
  console.error('No build found in dist/. Run "npm run build" first (npm start does it for you).');
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const CSP = [
  "default-src 'self'",
  // blob: lets a custom strategy worker import the user's module from a blob: URL
  // (src/host/custom/importModuleSource.ts). Nothing else: no 'unsafe-eval', no inline
  // scripts, no other origins — a module cannot pull in code from the network.
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Exchanges (REST over https:, streams and WebSocket APIs over wss:) and local test exchanges
  // and CORS proxies on this machine; no other plain-http or plain-ws origin.
  "connect-src 'self' https: wss: http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

function resolveFile(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  // SPA fallback: unknown paths without a file extension get the app shell.
  if (!extname(decoded)) return join(root, 'index.html');
  return undefined;
}

const server = createServer((request, response) => {
  const file = resolveFile(request.url ?? '/');
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const name = file.slice(root.length);
  const immutable = name.startsWith('/assets/');
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use. Choose another with --port N or PORT=N.`);
  } else {
    console.error(`Server error: ${error.message}`);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  console.warn(`Flotilla is running at http://${shown}:${port}/  (Ctrl+C to stop)`);
});
