/**
 * Loads the Node build of the `ws` package by file path. Under Vitest, Node runs with
 * `--conditions browser` (vite-plugin-solid adds it for the UI tests), so a bare 'ws' import
 * resolves to ws's browser stub; the simulator and ccxt's Node WebSocket client need the real
 * one. `primeNodeWs` makes a package's own `require('ws')` (ccxt's) return the real build too.
 */
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import type * as WsModule from 'ws';

const localRequire = createRequire(import.meta.url);

function realWsFrom(requireFrom: NodeRequire): { entry: string; exports: typeof WsModule } {
  const dir = dirname(requireFrom.resolve('ws/package.json'));
  const entry = join(dir, 'index.js');
  return { entry, exports: requireFrom(entry) as typeof WsModule };
}

export function requireNodeWs(): typeof WsModule {
  return realWsFrom(localRequire).exports;
}

/** Makes `require('ws')` from `packageEntry`'s directory return ws's Node build. */
export function primeNodeWs(packageEntry: string): void {
  const requireFrom = createRequire(packageEntry);
  const resolved = requireFrom.resolve('ws');
  const real = realWsFrom(requireFrom);
  if (resolved === real.entry) return;
  const cached = new Module(resolved);
  cached.filename = resolved;
  cached.exports = real.exports;
  cached.loaded = true;
  requireFrom.cache[resolved] = cached;
}
