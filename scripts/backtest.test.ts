/** The real script, as `npx tsx scripts/backtest.ts` runs it (a child process). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../strategies';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('scripts/backtest.ts', () => {
  it('--list --json prints every template id and its parameters', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/backtest.ts', '--list', '--json'],
      { cwd: root, timeout: 10_000 },
    );
    const listing = JSON.parse(stdout) as { id: string; params: { name: string }[] }[];
    expect(listing.map((template) => template.id)).toEqual(STRATEGIES.map((s) => s.id));
    expect(listing.every((template) => Array.isArray(template.params))).toBe(true);
  }, 10_000);

  it('exits with 2 and names the bad flag', async () => {
    const error = await promisify(execFile)(
      'npx',
      [
        'tsx',
        'scripts/backtest.ts',
        '--strategy',
        'sma-crossover',
        '--data',
        'x.csv',
        '--fill',
        'midpoint',
      ],
      {
        cwd: root,
        timeout: 10_000,
      },
    ).catch((failure: { code: number; stderr: string }) => failure);
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toMatch(
      /--fill must be next-open or close, got "midpoint"/,
    );
  }, 15_000);
});
