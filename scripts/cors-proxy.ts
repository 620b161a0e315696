/**
 * `npm run cors-proxy -- [--port <n>]`: a small local CORS proxy for exchange REST APIs that
 * browsers refuse (docs/exchanges.md, "CORS"). Usable as ccxt's `proxyUrl`: ccxt requests
 * `<proxyUrl><target URL>` (the target URL-encoded when it has a query string), e.g.
 * http://127.0.0.1:8787/https%3A%2F%2Fapi.binance.com%2Fapi%2Fv3%2Faccount%3Ftimestamp%3D…
 * Listens on 127.0.0.1 only; forwards only to the exchange API hosts in ALLOWED_HOSTS (plus
 * 127.0.0.1 / localhost over http, for the local simulator); answers everything else with 403.
 * Adds CORS headers (any origin, the requested headers) and exposes response headers such as
 * Retry-After. Logs only method, host, path and status — never headers, query strings or bodies.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/** Exchange API hostnames the proxy forwards to (the tested exchanges' REST APIs). */
export const ALLOWED_HOSTS: readonly string[] = [
  // Binance (spot, US, testnet, demo)
  'api.binance.com',
  'api1.binance.com',
  'api2.binance.com',
  'api3.binance.com',
  'api4.binance.com',
  'api-gcp.binance.com',
  'api.binance.us',
  'testnet.binance.vision',
  'demo-api.binance.com',
  // Coinbase Advanced (and Exchange sandbox)
  'api.coinbase.com',
  'api.exchange.coinbase.com',
  'api-public.sandbox.exchange.coinbase.com',
  // Kraken
  'api.kraken.com',
  // OKX
  'www.okx.com',
  'aws.okx.com',
  // Bybit
  'api.bybit.com',
  'api.bytick.com',
  'api-testnet.bybit.com',
  'api-demo.bybit.com',
  // KuCoin
  'api.kucoin.com',
];
/** Local hosts allowed over plain http (the exchange simulator in tests). */
export const LOCAL_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
  'content-encoding',
]);

export interface CorsProxyOptions {
  port?: number;
  host?: string;
  /** Receives one line per request: method, host, path, status. Default: stdout. */
  log?: (line: string) => void;
  /** Upstream timeout in ms (default 30 s). */
  timeoutMs?: number;
}

export interface CorsProxy {
  /** http://127.0.0.1:<port>/ — the value for ccxt's proxyUrl. */
  readonly url: string;
  close(): Promise<void>;
}

/** The target URL of a proxied request path ("/https://…" or "/https%3A%2F%2F…"). */
export function targetOf(requestPath: string): URL | undefined {
  let raw = requestPath.replace(/^\/+/, '');
  if (/^https?%3A/i.test(raw)) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  if (!/^https?:\/\//i.test(raw)) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** Why `target` may not be proxied, or undefined when it may. */
export function refusal(target: URL | undefined): string | undefined {
  if (!target)
    return 'Expected /<http(s) URL of an exchange API>, e.g. /https://api.binance.com/api/v3/time';
  if (LOCAL_HOSTS.includes(target.hostname)) {
    return target.protocol === 'http:' ? undefined : 'Local targets are proxied over http only';
  }
  if (target.protocol !== 'https:') return 'Only https targets are proxied';
  if (!ALLOWED_HOSTS.includes(target.hostname)) {
    return `Host ${target.hostname} is not an allowed exchange API host`;
  }
  return undefined;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers['access-control-request-headers'];
  return {
    'Access-Control-Allow-Origin':
      typeof req.headers.origin === 'string' ? req.headers.origin : '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': typeof requested === 'string' ? requested : '*',
    'Access-Control-Expose-Headers': '*',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin, Access-Control-Request-Headers',
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startCorsProxy(options: CorsProxyOptions = {}): Promise<CorsProxy> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const timeoutMs = options.timeoutMs ?? 30_000;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = targetOf(req.url ?? '/');
    const where = target ? `${target.host}${target.pathname}` : '(no target)';
    const finish = (status: number) => log(`${method} ${where} ${status}`);
    const refused = refusal(target);
    if (refused || !target) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', ...corsHeaders(req) });
      res.end(`403 Forbidden: ${refused}\n`);
      return finish(403);
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return finish(204);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      const lower = name.toLowerCase();
      if (HOP_BY_HOP.has(lower) || lower === 'origin' || lower === 'referer' || value === undefined)
        continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    try {
      const upstream = await fetch(target, {
        method,
        headers,
        ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const responseHeaders: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name.toLowerCase())) responseHeaders[name] = value;
      });
      const bytes = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, {
        ...responseHeaders,
        ...corsHeaders(req),
        'Content-Length': String(bytes.length),
      });
      res.end(bytes);
      finish(upstream.status);
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const status = timedOut ? 504 : 502;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...corsHeaders(req) });
      res.end(
        `${status} ${timedOut ? 'Upstream timed out' : 'Upstream unreachable'}: ${target.host}\n`,
      );
      finish(status);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let port = 8787;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--port') {
      port = Number(args[++index]);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new Error('--port must be 0-65535');
    } else if (arg === '--help') {
      process.stdout.write('Usage: npm run cors-proxy -- [--port <n>]   (default 8787)\n');
      return;
    } else {
      throw new Error(`Unknown argument ${String(arg)}`);
    }
  }
  const proxy = await startCorsProxy({ port });
  process.stdout.write(
    `CORS proxy for exchange APIs at ${proxy.url}\n` +
      `  use as ccxt proxyUrl: exchange.proxyUrl = '${proxy.url}'\n` +
      `  forwards only to: ${ALLOWED_HOSTS.join(', ')} (and 127.0.0.1 / localhost over http)\n`,
  );
  const stop = () => {
    proxy.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
