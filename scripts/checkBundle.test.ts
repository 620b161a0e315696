/**
 * scripts/check-bundle.mjs on small built-app fixtures: a main entry whose static imports are
 * clean passes; one that statically reaches a chunk with ccxt code fails naming that chunk; a
 * lazily imported (dynamic) ccxt chunk and a worker are not the main thread's and pass.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBundle } from './check-bundle.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-bundle-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const HTML = '<!doctype html><script type="module" crossorigin src="/assets/index-a1.js"></script>';
const CCXT_CHUNK = 'class e{static{this.ccxtVersion=`4.5.84`}}export{e as t};';

describe('checkBundle', () => {
  it('passes a main entry that reaches ccxt only through dynamic imports and workers', () => {
    const dir = fixture({
      'index.html': HTML,
      'assets/index-a1.js':
        'import{a as t}from"./ui-b2.js";const w=new Worker(new URL("/assets/host.worker-c3.js",import.meta.url));' +
        'const l=()=>import("./ccxt/binance-d4.js");t(w,l);',
      'assets/ui-b2.js': 'export function a(){return "Exchanges are loaded by ccxt in workers."}',
      'assets/host.worker-c3.js': 'import"./ccxt/binance-d4.js";',
      'assets/ccxt/binance-d4.js': CCXT_CHUNK,
    });
    const result = checkBundle(dir);
    expect(result.offenders).toEqual([]);
    expect(result.checked.sort()).toEqual(['assets/index-a1.js', 'assets/ui-b2.js']);
  });

  it('fails naming the chunk when the main entry statically imports ccxt code', () => {
    const dir = fixture({
      'index.html': HTML,
      'assets/index-a1.js': 'import{a as t}from"./ui-b2.js";t();',
      'assets/ui-b2.js': 'import{t as e}from"./ccxt/Cache-e5.js";export const a=()=>new e;',
      'assets/ccxt/Cache-e5.js': CCXT_CHUNK,
    });
    expect(checkBundle(dir).offenders).toEqual([join('assets', 'ccxt', 'Cache-e5.js')]);
  });

  it('follows modulepreload links and says when there is no build', () => {
    const dir = fixture({
      'index.html': `${HTML}<link rel="modulepreload" crossorigin href="/assets/vendor-f6.js">`,
      'assets/index-a1.js': '',
      'assets/vendor-f6.js': '/* https://github.com/ccxt/ccxt */',
    });
    expect(checkBundle(dir).offenders).toEqual([join('assets', 'vendor-f6.js')]);
    expect(() => checkBundle(join(dir, 'missing'))).toThrow(/build first/);
  });
});
