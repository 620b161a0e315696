import { describe, expect, it } from 'vitest';
import smaCrossover from '../../../strategies/smaCrossover';
import {
  datasetSources,
  listBacktestSources,
  sampleSources,
  type BacktestDataSource,
} from './backtestData';
import { checkBacktestForm, utcDay, type BacktestFormValues } from './backtestConfig';

const START = Date.UTC(2023, 2, 1);
const [source] = sampleSources({
  format: 'FLC1',
  source: 'test',
  timeframe: '1m',
  samples: [{ symbol: 'BTC/USDT', file: 'x.bin', start: START, count: 21 * 1440, bytes: 1 }],
}) as [BacktestDataSource];

const values: BacktestFormValues = {
  strategyId: 'sma-crossover',
  sourceId: source.id,
  from: '2023-03-01',
  to: '2023-03-07',
  timeframe: '5m',
  cash: '10000',
  makerFeePct: '0.02',
  takerFeePct: '0.1',
  slippageBps: '5',
  closeAtEnd: true,
  riskJson: '',
};

const check = (patch: Partial<BacktestFormValues>, params = { fast: 9, slow: 21 }) =>
  checkBacktestForm({ ...values, ...patch }, params, smaCrossover, source);

describe('sample data sources', () => {
  it('describe each series with symbol, timeframe and range', () => {
    expect(source).toEqual({
      id: 'sample:BTC/USDT',
      label: 'Sample BTC/USDT 1m',
      kind: 'sample',
      symbol: 'BTC/USDT',
      timeframe: '1m',
      candleMs: 60_000,
      start: START,
      end: START + 21 * 86_400_000,
      candles: 21 * 1440,
    });
    expect(utcDay(source.end - 1)).toBe('2023-03-21');
  });
});

const DAY = 86_400_000;
const GOOG_START = Date.UTC(2004, 7, 19);
const [goog] = datasetSources([
  {
    id: 'ds-goog',
    name: 'GOOG daily',
    source: 'file',
    origin: 'goog.csv',
    symbol: 'GOOG/USD',
    timeframe: '1d',
    timeframeMs: DAY,
    firstTime: GOOG_START,
    lastTime: Date.UTC(2005, 9, 25),
    count: 300,
    importedAt: 1,
  },
]) as [BacktestDataSource];

describe('imported datasets as data sources', () => {
  it('describe each with its own symbol, candle length and range', () => {
    expect(goog).toEqual({
      id: 'dataset:ds-goog',
      label: 'GOOG daily · GOOG/USD 1d',
      kind: 'dataset',
      symbol: 'GOOG/USD',
      timeframe: '1d',
      candleMs: DAY,
      start: GOOG_START,
      end: Date.UTC(2005, 9, 26),
      candles: 300,
    });
  });

  it('are listed after the bundled sample', async () => {
    const sources = await listBacktestSources({
      fetchJson: async () => ({
        format: 'FLC1',
        source: 'test',
        timeframe: '1m',
        samples: [{ symbol: 'BTC/USDT', file: 'x.bin', start: START, count: 60, bytes: 1 }],
      }),
      datasets: async () => [
        {
          id: 'ds-1',
          name: 'ETH',
          source: 'file',
          origin: 'eth.csv',
          symbol: 'ETH/USDT',
          timeframe: '1h',
          timeframeMs: 3_600_000,
          firstTime: START,
          lastTime: START + 5 * 3_600_000,
          count: 6,
          importedAt: 1,
        },
      ],
    });
    expect(sources.map((each) => [each.id, each.label])).toEqual([
      ['sample:BTC/USDT', 'Sample BTC/USDT 1m'],
      ['dataset:ds-1', 'ETH · ETH/USDT 1h'],
    ]);
  });

  it('run at their own timeframe or coarser, and a finer one is refused naming both', () => {
    const daily = { ...values, sourceId: goog.id, from: '2004-08-19', to: '2005-10-25' };
    expect(
      checkBacktestForm({ ...daily, timeframe: '1d' }, { fast: 10, slow: 20 }, smaCrossover, goog),
    ).toMatchObject({
      ok: true,
      config: { sourceId: 'dataset:ds-goog', symbol: 'GOOG/USD', timeframe: '1d', to: goog.end },
    });
    expect(
      checkBacktestForm({ ...daily, timeframe: '1h' }, { fast: 10, slow: 20 }, smaCrossover, goog),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'timeframe',
          message:
            'The data holds 1d candles, coarser than the 1h timeframe: choose a timeframe of 1d or longer, or finer data.',
        },
      ],
    });
  });
});

describe('checkBacktestForm', () => {
  it('turns a valid form into a config: fees from percent, the "to" day included', () => {
    const result = check({ riskJson: '{"stopLoss": {"kind": "percent", "percent": 2}}' });
    expect(result).toMatchObject({
      ok: true,
      config: {
        strategyId: 'sma-crossover',
        params: { fast: 9, slow: 21 },
        sourceId: 'sample:BTC/USDT',
        symbol: 'BTC/USDT',
        from: START,
        to: Date.UTC(2023, 2, 8),
        timeframe: '5m',
        cash: 10_000,
        makerFee: 0.0002,
        takerFee: 0.001,
        slippageBps: 5,
        fill: 'next-open',
        closeAtEnd: true,
        risk: { stopLoss: { kind: 'percent', percent: 2 } },
      },
    });
  });

  it('clips the range to the data and rejects a range without data', () => {
    const clipped = check({ from: '2023-02-20', to: '2023-04-30' });
    expect(clipped).toMatchObject({ ok: true, config: { from: source.start, to: source.end } });
    expect(check({ from: '2023-05-01', to: '2023-05-02' })).toEqual({
      ok: false,
      errors: [{ field: 'from', message: 'The data covers 2023-03-01 to 2023-03-21 only' }],
    });
    expect(check({ from: '2023-03-05', to: '2023-03-02' })).toMatchObject({
      ok: false,
      errors: [{ field: 'to' }],
    });
  });

  it('names every bad field', () => {
    const result = check(
      { cash: '', makerFeePct: '-1', slippageBps: 'x', riskJson: '{', from: 'soon' },
      { fast: 30, slow: 21 },
    );
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.errors.map((error) => error.field);
    expect(fields).toEqual([
      'from',
      'cash',
      'makerFeePct',
      'slippageBps',
      'riskJson',
      'params.fast',
    ]);
  });

  it('reports a risk section the risk engine rejects, with its field', () => {
    const result = check({ riskJson: '{"stopLoss": {"kind": "percent", "percent": 150}}' });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'riskJson', message: expect.stringContaining('stopLoss.percent') }],
    });
  });
});
