/**
 * loadExchangeClass in Node, run the way workers import it (scripts/probe-exchange-classes.ts in
 * a child process: Vitest's browser condition would give ccxt's ES modules `ws`'s browser stub):
 * each tested exchange's pro class from its own file, any other from the whole library, and
 * unknown ids refused by name. The browser build is checked by scripts/check-bundle.mjs.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TESTED_EXCHANGE_IDS } from './loadExchangeClass';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

async function probe(ids: string[]): Promise<Record<string, Record<string, unknown>>> {
  const { stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/probe-exchange-classes.ts', ...ids],
    { cwd: ROOT },
  );
  return JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}') as Record<
    string,
    Record<string, unknown>
  >;
}

describe('loadExchangeClass', () => {
  it(
    'loads tested exchanges file by file, others from the whole library',
    { timeout: 60_000 },
    async () => {
      const report = await probe([...TESTED_EXCHANGE_IDS, 'bitstamp', 'exchanges', 'nope']);
      for (const id of TESTED_EXCHANGE_IDS) expect(report[id]).toMatchObject({ id, ws: true });
      expect(report.binance).toMatchObject({ name: 'Binance', createOrderWs: true });
      expect(report.bitstamp).toMatchObject({ id: 'bitstamp', ws: true });
      expect(report.exchanges).toEqual({ error: 'ccxt has no exchange "exchanges".' });
      expect(report.nope).toEqual({ error: 'ccxt has no exchange "nope".' });
    },
  );
});
