/**
 * End to end, in-process: runCli on the committed three days of BTC/USDT 1-minute candles,
 * output captured, checked against summarizePerformance of a direct runBacktest.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import smaCrossover from '../../../strategies/smaCrossover';
import { STRATEGIES } from '../../../strategies';
import { periodsPerYearFromMs, summarizePerformance } from '../../core/analytics';
import { parseCandlesCsv } from '../../core/market/csv';
import { timeframeMs } from '../../core/market/timeframe';
import { runBacktest } from '../runBacktest';
import { runCli, type CliIo, type TemplateListing } from './main';
import type { BacktestReport } from './report';

const FIXTURE = fileURLToPath(
  new URL('../../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url),
);

async function cli(argv: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    readFile: async (path) => files[path] ?? readFile(path, 'utf8'),
  };
  const code = await runCli(argv, io, STRATEGIES);
  return { code, out, err };
}

const iso = (time: number) => new Date(time).toISOString();

describe('npm run backtest, in-process', () => {
  let report: BacktestReport;
  let expected: ReturnType<typeof summarizePerformance>;
  let direct: Awaited<ReturnType<typeof runBacktest>>;

  beforeAll(async () => {
    const args = ['--strategy', 'sma-crossover', '--data', FIXTURE, '--timeframe', '5m'];
    const result = await cli([
      ...args,
      '--params',
      '{"fast":9,"slow":21}',
      '--fee',
      '0.001',
      '--json',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    report = JSON.parse(result.out) as BacktestReport;
    const { candles } = parseCandlesCsv(await readFile(FIXTURE, 'utf8'));
    direct = await runBacktest({
      strategy: smaCrossover,
      params: { fast: 9, slow: 21 },
      candles,
      timeframe: '5m',
    });
    expected = summarizePerformance({
      equity: direct.equity,
      fills: direct.fills,
      periodsPerYear: periodsPerYearFromMs(timeframeMs('5m')) ?? 0,
      baseCurrency: 'BTC',
      orders: direct.orders,
    });
  }, 60_000);

  it('prints one JSON object { run, metrics, trades, equity }', () => {
    expect(Object.keys(report).sort()).toEqual(['equity', 'metrics', 'run', 'trades']);
    expect(report.run).toMatchObject({ strategy: 'sma-crossover', timeframe: '5m', candles: 4320 });
    expect(report.trades.length).toBeGreaterThan(0);
    for (const trade of report.trades) {
      expect(Object.keys(trade).sort()).toEqual(
        [
          'amount',
          'entryPrice',
          'entryTime',
          'exitPrice',
          'exitReason',
          'exitTime',
          'fee',
          'pnl',
        ].sort(),
      );
      expect(Date.parse(trade.exitTime)).toBeGreaterThanOrEqual(Date.parse(trade.entryTime));
    }
    expect(report.equity[0]).toEqual({ time: expect.any(String), value: expect.any(Number) });
  });

  it('reports the figures of summarizePerformance over a direct runBacktest', () => {
    const m = report.metrics;
    expect(m.totalReturn).toBeCloseTo(expected.totalReturn, 12);
    expect(m.cagr).toBeCloseTo(expected.annualReturn ?? NaN, 9);
    expect(m.annualVolatility).toBeCloseTo(expected.annualVolatility ?? NaN, 12);
    expect(m.sharpe).toBeCloseTo(expected.sharpeRatio ?? NaN, 9);
    expect(m.sortino).toBeCloseTo(expected.sortinoRatio ?? NaN, 9);
    expect(m.calmar).toBeCloseTo(expected.calmarRatio ?? NaN, 9);
    expect(m.maxDrawdown).toBeCloseTo(expected.maxDrawdown, 12);
    expect(m.maxDrawdownPeak).toBe(iso(expected.drawdown.peakTime ?? 0));
    expect(m.maxDrawdownTrough).toBe(iso(expected.drawdown.troughTime ?? 0));
    expect(m.trades).toBe(expected.trades.tradeCount);
    expect(m.winRate).toBe(expected.trades.winRate);
    expect(m.profitFactor).toBeCloseTo(expected.trades.profitFactor ?? NaN, 9);
    expect(m.expectancy).toBeCloseTo(expected.trades.expectancy ?? NaN, 9);
    expect(m.averageWin).toBeCloseTo(expected.trades.averageWin ?? NaN, 9);
    expect(m.averageLoss).toBeCloseTo(expected.trades.averageLoss ?? NaN, 9);
    expect(m.best).toBeCloseTo(expected.trades.best ?? NaN, 9);
    expect(m.worst).toBeCloseTo(expected.trades.worst ?? NaN, 9);
    expect(m.averageHoldingMs).toBe(expected.trades.averageHoldingMs);
    expect(m.exposure).toBeCloseTo(expected.exposure, 12);
    expect(m.fees).toBeCloseTo(expected.trades.totalFees, 9);
    expect(m.buyAndHold).toBeCloseTo(expected.buyAndHoldReturn ?? NaN, 12);
    expect(m.endEquity).toBeCloseTo(expected.endEquity ?? NaN, 9);
    expect(report.trades).toHaveLength(expected.closedTrades.length);
    report.trades.forEach((trade, i) => {
      const want = expected.closedTrades[i];
      expect(trade.entryTime).toBe(iso(want?.entryTime ?? 0));
      expect(trade.exitTime).toBe(iso(want?.exitTime ?? 0));
      expect(trade.pnl).toBeCloseTo(want?.pnl ?? NaN, 9);
      expect(trade.fee).toBeCloseTo(want?.fees ?? NaN, 9);
      expect(trade.exitReason).toBe(want?.exitReason ?? null);
    });
    expect(report.equity.map((point) => point.value)).toEqual(Array.from(direct.equity.values));
  });

  it('prints a readable table without --json', async () => {
    const { code, out } = await cli([
      '--strategy',
      'sma-crossover',
      '--data',
      FIXTURE,
      '--timeframe',
      '15m',
    ]);
    expect(code).toBe(0);
    for (const label of [
      'Total return',
      'CAGR',
      'Sharpe ratio',
      'Max drawdown',
      'Win rate',
      'Buy & hold',
    ]) {
      expect(out).toContain(label);
    }
    expect(out).toMatch(/Max drawdown +-\d+\.\d\d% \(peak 2023-03-0\d \d\d:\d\d/);
  }, 60_000);

  it('--close-at-end reports a position still open as a trade with exit reason "end"', async () => {
    const argv = ['--strategy', 'buy-and-hold', '--data', FIXTURE, '--json'];
    const open = JSON.parse((await cli(argv)).out) as BacktestReport;
    expect(open.trades).toHaveLength(0);
    expect(open.metrics.openPosition).toBeGreaterThan(0);
    const closed = JSON.parse((await cli([...argv, '--close-at-end'])).out) as BacktestReport;
    expect(closed.metrics.openPosition).toBe(0);
    expect(closed.trades).toHaveLength(1);
    const [trade] = closed.trades;
    expect(trade?.exitReason).toBe('end');
    expect(trade?.exitTime).toBe(closed.metrics.end);
    // Valued at the last close without an exit fee: the trade's pnl is the equity change.
    expect(trade?.pnl).toBeCloseTo(closed.metrics.netProfit, 6);
    expect(closed.metrics.totalReturn).toBe(open.metrics.totalReturn);
  }, 60_000);

  it('lists every template with its parameters', async () => {
    const { code, out } = await cli(['--list', '--json']);
    expect(code).toBe(0);
    const listing = JSON.parse(out) as TemplateListing[];
    expect(listing.map((template) => template.id)).toEqual(STRATEGIES.map((s) => s.id));
    const sma = listing.find((template) => template.id === 'sma-crossover');
    expect(sma?.params[0]).toMatchObject({
      name: 'fast',
      kind: 'integer',
      default: 9,
      min: 2,
      max: 200,
    });
    const text = await cli(['--list']);
    expect(text.out).toContain('spot-grid');
  });

  it.each([
    [['--strategy', 'nope', '--data', FIXTURE], 2, /"nope" is not a template/],
    [
      ['--strategy', 'sma-crossover', '--data', FIXTURE, '--params', '{"fast":1}'],
      2,
      /fast: Fast .*between 2 and 200/,
    ],
    [
      ['--strategy', 'sma-crossover', '--data', FIXTURE, '--params', '{"speed":1}'],
      2,
      /"speed" is not a parameter/,
    ],
    [
      ['--strategy', 'sma-crossover', '--data', 'missing.csv'],
      1,
      /--data: cannot read missing.csv/,
    ],
    [
      ['--strategy', 'sma-crossover', '--data', 'bad.csv'],
      1,
      /bad.csv: 1 bad row\(s\); nothing was read\n {2}line 3: /,
    ],
    [['--strategy', 'sma-crossover', '--data', 'short.csv'], 1, /Not enough data/],
    [['--strategy', 'sma-crossover', '--data', FIXTURE, '--fee', 'x'], 2, /--fee must be/],
  ])('%j exits with %i and a clear message', async (argv, exitCode, message) => {
    const files = {
      'bad.csv': 'time,open,high,low,close,volume\n0,1,1,1,1,1\n60,1,1,1,x,1\n',
      'short.csv': 'time,open,high,low,close,volume\n0,1,1,1,1,1\n60,1,1,1,1,1\n',
    };
    const { code, out, err } = await cli(argv, files);
    expect(code).toBe(exitCode);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });
});
