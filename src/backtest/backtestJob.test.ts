import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equitySeriesOf } from '../core/bot/equitySeries';
import { resampleCandles } from '../core/market/aggregator';
import { parseCandlesCsv } from '../core/market/csv';
import smaCrossover from '../../strategies/smaCrossover';
import { runBacktestJob, sliceRange, type BacktestConfig } from './backtestJob';
import { buildRunReport, configVersionLabel, END_EXIT_ID, withConfigVersions } from './runReport';

const candles = parseCandlesCsv(
  readFileSync(
    new URL('../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url),
    'utf8',
  ),
).candles;

const config: BacktestConfig = {
  strategyId: 'sma-crossover',
  strategyName: 'SMA crossover',
  params: { fast: 9, slow: 21 },
  sourceId: 'test',
  sourceLabel: 'Fixture',
  symbol: 'BTC/USDT',
  from: candles[0]?.time ?? 0,
  to: (candles[candles.length - 1]?.time ?? 0) + 60_000,
  timeframe: '5m',
  cash: 10_000,
  makerFee: 0.001,
  takerFee: 0.001,
  slippageBps: 0,
  fill: 'next-open',
  closeAtEnd: false,
};

describe('runBacktestJob', () => {
  it('reports progress in candles and builds a report whose figures agree with its parts', async () => {
    const progress: [number, number][] = [];
    const result = await runBacktestJob(
      { config, detail: 'full' },
      smaCrossover,
      { candles, candleMs: 60_000 },
      (done, total) => progress.push([done, total]),
    );
    expect(progress.at(-1)).toEqual([candles.length, candles.length]);
    const report = result.report;
    if (!report) throw new Error('expected a full report');
    expect(report.title).toBe('SMA crossover fast=9 slow=21 · BTC/USDT 5m');
    expect(report.equity.times.length).toBe(report.equity.values.length);
    const first = report.equity.values[0] ?? 0;
    const last = report.equity.values.at(-1) ?? 0;
    expect(report.metrics.totalReturn).toBeCloseTo(last / first - 1, 9);
    expect(report.metrics.trades.tradeCount).toBe(report.trades.length);
    expect(report.trades.length).toBeGreaterThan(3);
    const pnl = report.trades.reduce((sum, trade) => sum + trade.pnl, 0);
    expect(report.metrics.trades.netProfit).toBeCloseTo(pnl, 6);
    const compounded = report.monthly.reduce((product, month) => product * (1 + month.return), 1);
    expect(compounded - 1).toBeCloseTo(report.metrics.totalReturn, 9);
    expect(result.metrics).toEqual(report.metrics);
  });

  it('returns only the metrics for a sweep job', async () => {
    const result = await runBacktestJob(
      { config, detail: 'metrics' },
      smaCrossover,
      { candles, candleMs: 60_000 },
      () => {},
    );
    expect(result.report).toBeUndefined();
    expect(result.params).toEqual({ fast: 9, slow: 21 });
  });

  it('says when the range holds no candles', async () => {
    await expect(
      runBacktestJob(
        { config: { ...config, from: 0, to: 1 }, detail: 'full' },
        smaCrossover,
        { candles, candleMs: 60_000 },
        () => {},
      ),
    ).rejects.toThrow('no candles in the chosen range');
  });

  it('runs hourly data at 4h, and refuses it at 5m naming both timeframes', async () => {
    const hourly = { candles: resampleCandles(candles, '1h'), candleMs: 3_600_000 };
    const sixteenHours = { ...config, params: { fast: 2, slow: 3 }, timeframe: '4h' as const };
    const result = await runBacktestJob(
      { config: sixteenHours, detail: 'full' },
      smaCrossover,
      hourly,
      () => {},
    );
    expect(result.report?.title).toBe('SMA crossover fast=2 slow=3 · BTC/USDT 4h');
    expect(result.report?.equity.times.every((time) => time % (4 * 3_600_000) === 0)).toBe(true);
    await expect(
      runBacktestJob({ config, detail: 'full' }, smaCrossover, hourly, () => {}),
    ).rejects.toThrow(
      'Fixture: The data holds 1h candles, coarser than the 5m timeframe: choose a timeframe of 1h or longer, or finer data.',
    );
  });

  it('slices a range of open times [from, to)', () => {
    const from = candles[10]?.time ?? 0;
    const slice = sliceRange(candles, from, from + 5 * 60_000);
    expect(slice.map((candle) => candle.time)).toEqual(candles.slice(10, 15).map((c) => c.time));
  });
});

describe('buildRunReport', () => {
  const equity = equitySeriesOf([
    { botId: 'b', time: 0, equity: 1000, price: 100 },
    { botId: 'b', time: 60_000, equity: 1010, price: 110 },
    { botId: 'b', time: 120_000, equity: 1005, price: 105 },
  ]);
  const buy = {
    tradeId: 't1',
    clientOrderId: 'o1',
    time: 0,
    side: 'buy' as const,
    price: 100,
    amount: 1,
    fee: 0,
    feeCurrency: 'USDT',
    takerOrMaker: 'taker' as const,
  };

  it('leaves a position open, or closes it at the last close when asked', () => {
    const input = {
      title: 'T',
      symbol: 'BTC/USDT',
      timeframe: '1m' as const,
      equity,
      fills: [buy],
    };
    const open = buildRunReport(input);
    expect(open.trades).toEqual([]);
    expect(open.metrics.openPosition).toBe(1);
    const closed = buildRunReport({ ...input, closeAtEnd: true });
    expect(closed.metrics.openPosition).toBe(0);
    expect(closed.trades).toMatchObject([
      { exitPrice: 105, pnl: 5, exitReason: 'end', exitClientOrderId: END_EXIT_ID },
    ]);
    expect(closed.fills).toHaveLength(2);
    expect(closed.metrics.maxDrawdown).toBeCloseTo(1005 / 1010 - 1, 12);
  });

  it('is plain JSON', () => {
    const report = buildRunReport({
      title: 'T',
      symbol: 'BTC/USDT',
      timeframe: '1m',
      equity,
      fills: [],
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('withConfigVersions', () => {
  const trade = {
    side: 'long' as const,
    entryTime: 0,
    exitTime: 1,
    entryPrice: 1,
    exitPrice: 2,
    amount: 1,
    fees: 0,
    pnl: 1,
    returnPct: 1,
    entryClientOrderId: 'a',
    exitClientOrderId: 'b',
  };

  it("names the config version of each trade's entry and exit order, where known", () => {
    expect(
      withConfigVersions(
        [trade],
        [
          { clientOrderId: 'a', configVersion: 1 },
          { clientOrderId: 'b', configVersion: 3 },
        ],
      ),
    ).toEqual([{ ...trade, entryConfigVersion: 1, exitConfigVersion: 3 }]);
    // A backtest's orders carry no versions: the trades stay as they were.
    expect(withConfigVersions([trade], [{ clientOrderId: 'a', tag: 'x' }])).toEqual([trade]);
  });

  it('labels the versions for the trade list', () => {
    expect(configVersionLabel({ ...trade, entryConfigVersion: 1, exitConfigVersion: 2 })).toBe(
      'v1 → v2',
    );
    expect(configVersionLabel({ ...trade, entryConfigVersion: 2, exitConfigVersion: 2 })).toBe(
      'v2',
    );
    expect(configVersionLabel({ ...trade, exitConfigVersion: 3 })).toBe('v3');
    expect(configVersionLabel(trade)).toBe('—');
  });
});

describe('buildRunReport config versions', () => {
  it("labels trades with their orders' config versions only when asked (a bot's report)", () => {
    const fill = (id: string, side: 'buy' | 'sell', time: number, price: number) => ({
      tradeId: id,
      clientOrderId: id,
      time,
      side,
      price,
      amount: 1,
      fee: 0,
      feeCurrency: 'USDT',
      takerOrMaker: 'taker' as const,
    });
    const input = {
      title: 'T',
      symbol: 'BTC/USDT',
      timeframe: '1m' as const,
      equity: equitySeriesOf([
        { botId: 'b', time: 0, equity: 1000, price: 100 },
        { botId: 'b', time: 60_000, equity: 1010, price: 110 },
      ]),
      fills: [fill('o1', 'buy', 0, 100), fill('o2', 'sell', 60_000, 110)],
      orders: [
        { clientOrderId: 'o1', configVersion: 1 },
        { clientOrderId: 'o2', configVersion: 2 },
      ],
    };
    expect(buildRunReport(input).trades[0]?.exitConfigVersion).toBeUndefined();
    expect(buildRunReport({ ...input, hasConfigVersions: true }).trades).toMatchObject([
      { entryConfigVersion: 1, exitConfigVersion: 2 },
    ]);
  });
});
