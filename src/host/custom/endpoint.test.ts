import { describe, expect, it } from 'vitest';
import { EXAMPLE_CUSTOM_STRATEGY } from './exampleModule';
import type { AnswerMessage, WorkerCall } from './protocol';
import { createTestEndpoint } from './testSupport';

/** Loads `source` into a fresh endpoint (the real worker-side logic) and answers `calls`. */
async function run(source: string, ...calls: WorkerCall[]): Promise<AnswerMessage[]> {
  const endpoint = createTestEndpoint();
  const requests = [{ type: 'load' as const, source }, ...calls];
  return Promise.all(requests.map((call, index) => endpoint.handle({ ...call, id: index + 1 })));
}

/** The error the endpoint answers when loading `source`. */
async function loadError(source: string): Promise<string | undefined> {
  const [answer] = await run(source);
  return answer && !answer.ok ? answer.error : undefined;
}

const DEFINITION = `{
  id: 'probe', name: 'Probe', description: 'Test module.', category: 'trend', timeframe: '1m',
  params: { period: { kind: 'integer', label: 'Period', default: 5, min: 2, max: 50 } },
  warmup: ({ period }) => period, init: () => ({}), onCandle: () => [] }`;

describe('custom strategy worker: loading and describing', () => {
  it('describes the example module: prefixed id, metadata and a plain parameter spec', async () => {
    const [loaded, described] = await run(EXAMPLE_CUSTOM_STRATEGY, { type: 'describe' });
    expect(loaded).toMatchObject({ ok: true });
    expect(described).toEqual({
      type: 'answer',
      id: 2,
      ok: true,
      value: {
        id: 'custom-ema-momentum',
        name: 'EMA momentum',
        description: expect.stringContaining('exponential moving average') as string,
        category: 'trend',
        timeframe: '1m',
        params: {
          period: {
            kind: 'integer',
            label: 'EMA period',
            help: 'Candles in the exponential moving average.',
            default: 8,
            min: 2,
            max: 200,
            step: 1,
          },
          rising: expect.objectContaining({ kind: 'integer', default: 2 }) as object,
        },
      },
    });
  });

  it('accepts a plain definition object as the default export', async () => {
    const [answer] = await run(`export default ${DEFINITION};`);
    expect(answer).toMatchObject({ ok: true, value: { id: 'custom-probe', name: 'Probe' } });
  });

  it.each([
    ['a syntax error', 'export default {', /^Syntax error in the module: .+/],
    [
      'no default export',
      'export const strategy = {};',
      /^The module has no default export: end it with `export default \(sdk\) => sdk\.defineStrategy/,
    ],
    [
      'a default export that is neither a function nor an object',
      'export default 42;',
      'The default export must be a function (sdk) => definition or a definition object, got a number.',
    ],
    [
      'a function that returns nothing',
      'export default () => undefined;',
      'The default export function must return the strategy definition (an object), got nothing.',
    ],
    [
      'a missing onCandle',
      `export default ({ ...${DEFINITION}, onCandle: undefined });`,
      'The strategy definition has no onCandle function.',
    ],
    [
      'a parameter without a kind',
      `export default ({ ...${DEFINITION}, params: { period: { label: 'Period', default: 5 } } });`,
      'The strategy definition parameter "period" needs a kind: one of integer, number, percent, boolean, choice.',
    ],
    [
      'an incoherent parameter range (checked by defineStrategy)',
      `export default (sdk) => sdk.defineStrategy({ ...${DEFINITION}, params: { period: { kind: 'integer', label: 'Period', default: 5, min: 10, max: 2 } } });`,
      'Strategy "probe": parameter "period" has an invalid range 10..2',
    ],
    [
      'an id that is not kebab-case',
      `export default ({ ...${DEFINITION}, id: 'My Strategy' });`,
      'Strategy "My Strategy": id must be non-empty lowercase kebab-case (a-z, 0-9, -)',
    ],
    [
      'a default export that throws',
      `export default () => { throw new Error('boom'); };`,
      "The module's default export threw: boom",
    ],
    [
      'top-level code that throws',
      `throw new TypeError('no network here'); export default {};`,
      'The module could not be loaded: no network here',
    ],
  ])('rejects %s with a clear message', async (_case, source, expected) => {
    const error = await loadError(source);
    if (typeof expected === 'string') expect(error).toBe(expected);
    else expect(error).toMatch(expected);
  });

  it('validates parameters against the spec and the module’s own validate()', async () => {
    const answers = await run(
      EXAMPLE_CUSTOM_STRATEGY,
      { type: 'validate', params: { period: 3, rising: 5 } },
      { type: 'validate', params: { period: 1, rising: 1 } },
      { type: 'validate', params: { period: 8, rising: 2 } },
      { type: 'warmup', params: { period: 8, rising: 2 } },
      { type: 'init', params: { period: 1, rising: 1 } },
    );
    expect(answers.slice(1).map((answer) => (answer.ok ? answer.value : answer.error))).toEqual([
      { field: 'rising', message: 'Rising closes (5) must be below the EMA period (3)' },
      { field: 'period', message: 'EMA period must be a whole number between 2 and 200' },
      undefined,
      9,
      'Invalid parameters for EMA momentum: EMA period must be a whole number between 2 and 200',
    ]);
  });

  it('checks the intents a module returns', async () => {
    const source = `export default ({ ...${DEFINITION}, onCandle: () => [{ kind: 'enter_long' }, { kind: 'place_limit', side: 'buy', price: -1, amount: 1 }] });`;
    const ctx = {
      params: { period: 5 },
      position: { amount: 0, averageEntry: 0 },
      openOrders: [],
      allocation: 1000,
      cash: 1000,
      equity: 1000,
      isWarmup: false,
    };
    const candle = { time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 };
    const answers = await run(
      source,
      { type: 'onCandle', candle, ctx },
      { type: 'init', params: { period: 5 } },
      { type: 'onCandle', candle, ctx },
    );
    expect(answers.slice(1).map((answer) => (answer.ok ? answer.value : answer.error))).toEqual([
      'onCandle before init.',
      undefined,
      'onCandle returned an invalid intent #2: price must be a positive number.',
    ]);
  });
});
