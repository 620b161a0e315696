/** The browser-build stubs replace only ccxt's own Node-only imports, and name ccxt's chunks. */
import { describe, expect, it } from 'vitest';
import { ccxtBrowserStubs, ccxtChunkFileNames, isCcxtNodeOnlyImport } from './ccxtBrowserStubs.mjs';

const CCXT_FILE = '/app/node_modules/ccxt/js/src/base/ws/WsClient.js';

describe('ccxtBrowserStubs', () => {
  it('stubs ws, crypto, undici and node:* imported by ccxt, nothing else', () => {
    for (const source of [
      'ws',
      'crypto',
      'undici',
      'node:http',
      'node:zlib',
      'https-proxy-agent',
    ]) {
      expect(isCcxtNodeOnlyImport(source, CCXT_FILE)).toBe(true);
    }
    expect(isCcxtNodeOnlyImport('@noble/hashes/sha2.js', CCXT_FILE)).toBe(false);
    expect(isCcxtNodeOnlyImport('ws', '/app/scripts/sim-exchange/server.ts')).toBe(false);
    expect(isCcxtNodeOnlyImport('node:fs', undefined)).toBe(false);
  });

  it('serves a ws stub that points to the browser WebSocket', async () => {
    const plugin = ccxtBrowserStubs();
    const resolve = plugin.resolveId as (source: string, importer?: string) => string | null;
    const load = plugin.load as (id: string) => string | null;
    const id = resolve('ws', CCXT_FILE) as string;
    expect(load(id)).toMatch(/use the browser WebSocket/);
    expect(load(resolve('node:http', CCXT_FILE) as string)).toBe('export default {};');
    expect(resolve('solid-js', '/app/src/main.tsx')).toBeNull();
  });

  it('puts chunks with ccxt code under assets/ccxt/', () => {
    expect(ccxtChunkFileNames({ moduleIds: ['/x/node_modules/ccxt/js/src/binance.js'] })).toBe(
      'assets/ccxt/[name]-[hash].js',
    );
    expect(ccxtChunkFileNames({ moduleIds: ['/x/src/host/botHost.ts'] })).toBe(
      'assets/[name]-[hash].js',
    );
  });
});
