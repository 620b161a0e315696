/**
 * The backtest CLI's engine flags, in-process on the committed three days of BTC/USDT
 * 1-minute candles: --fill close against the candles, --amount-step, --risk, and --data in
 * every import format giving the same result as the CSV.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../strategies';
import type { Candle } from '../../core/market/candle';
import { importCandles } from '../../core/market/import';
import { runCli, type CliIo } from './main';
import type { BacktestReport } from './report';

const FIXTURE = fileURLToPath(
  new URL('../../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url),
);
const MINUTE_MS = 60_000;

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

async function report(argv: string[], files: Record<string, string> = {}) {
  const result = await cli([...argv, '--json'], files);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as BacktestReport;
}

const SMA = ['--strategy', 'sma-crossover', '--params', '{"fast":5,"slow":20}', '--fee', '0'];

describe('backtest CLI flags', () => {
  let candles: Candle[];
  const candleAt = (iso: string) =>
    candles[(Date.parse(iso) - (candles[0] as Candle).time) / MINUTE_MS] as Candle;

  beforeAll(async () => {
    candles = importCandles(await readFile(FIXTURE, 'utf8')).candles;
  });

  it("--fill close fills market orders at the signal candle's close, next-open at the next open", async () => {
    const close = await report([...SMA, '--data', FIXTURE, '--fill', 'close']);
    const open = await report([...SMA, '--data', FIXTURE]);
    expect(close.run.fill).toBe('close');
    expect(close.trades.length).toBeGreaterThan(5);
    for (const trade of close.trades) {
      // Filled at the instant the signal candle closed, at its close.
      const signal = candles[candles.indexOf(candleAt(trade.entryTime)) - 1] as Candle;
      expect(trade.entryPrice).toBeCloseTo(signal.close, 6);
      const exitSignal = candles[candles.indexOf(candleAt(trade.exitTime)) - 1] as Candle;
      expect(trade.exitPrice).toBeCloseTo(exitSignal.close, 6);
    }
    for (const trade of open.trades) {
      expect(trade.entryPrice).toBeCloseTo(candleAt(trade.entryTime).open, 6);
      expect(trade.exitPrice).toBeCloseTo(candleAt(trade.exitTime).open, 6);
    }
    // Same signals, so the same entry times; only the prices differ.
    expect(close.trades.map((t) => t.entryTime)).toEqual(open.trades.map((t) => t.entryTime));
    expect(close.metrics.netProfit).not.toBe(open.metrics.netProfit);
  }, 120_000);

  it('--amount-step floors amounts to whole steps, fee included, within the cash', async () => {
    const cash = 100_000;
    const fee = 0.001;
    const run = await report([
      '--strategy',
      'sma-crossover',
      '--data',
      FIXTURE,
      '--cash',
      String(cash),
      '--amount-step',
      '1',
      '--fee',
      String(fee),
    ]);
    expect(run.run.amountStep).toBe(1);
    expect(run.trades.length).toBeGreaterThan(0);
    let balance = cash;
    for (const trade of run.trades) {
      expect(Number.isInteger(trade.amount)).toBe(true);
      expect(trade.amount).toBeGreaterThanOrEqual(1);
      expect(trade.amount * trade.entryPrice * (1 + fee)).toBeLessThanOrEqual(balance);
      balance += trade.pnl;
    }
  }, 120_000);

  it('--risk applies the risk section: a 1 % stop-loss closes buy-and-hold in the March 2023 fall', async () => {
    const base = ['--strategy', 'buy-and-hold', '--data', FIXTURE];
    const held = await report(base);
    expect(held.trades).toHaveLength(0);
    const stopped = await report([
      ...base,
      '--risk',
      '{"stopLoss":{"kind":"percent","percent":1}}',
    ]);
    expect(stopped.run.risk).toEqual({ stopLoss: { kind: 'percent', percent: 1 } });
    const [trade] = stopped.trades;
    expect(trade?.exitReason).toMatch(/stop/i);
    expect(trade?.exitPrice).toBeLessThan(trade?.entryPrice ?? 0);
  }, 120_000);

  it('--risk with a bad field exits with 2 and names the field', async () => {
    const { code, err } = await cli([
      '--strategy',
      'buy-and-hold',
      '--data',
      FIXTURE,
      '--risk',
      '{"trailingStop":{"percent":-1}}',
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(/--risk is invalid:\n {2}trailingStop\.percent: /);
  });

  it('--data reads freqtrade JSON, Binance klines and JSON objects like the CSV', async () => {
    const freqtrade = JSON.stringify(
      candles.map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume]),
    );
    const binance = JSON.stringify(
      candles.map((c) => [
        c.time,
        `${c.open}`,
        `${c.high}`,
        `${c.low}`,
        `${c.close}`,
        `${c.volume}`,
        c.time + 59_999,
        '0',
        1,
        '0',
        '0',
        '0',
      ]),
    );
    const objects = JSON.stringify(
      candles.map((c) => ({ Date: new Date(c.time).toISOString(), ...c, time: undefined })),
    );
    const files = { 'ft.json': freqtrade, 'klines.json': binance, 'objects.json': objects };
    const argv = ['--strategy', 'sma-crossover', '--timeframe', '15m'];
    const csv = await report([...argv, '--data', FIXTURE]);
    for (const name of Object.keys(files)) {
      const other = await report([...argv, '--data', name], files);
      expect(other.metrics).toEqual(csv.metrics);
      expect(other.trades).toEqual(csv.trades);
    }
  }, 240_000);

  it('--data refuses hourly candles at the 1m timeframe, naming both; --timeframe 1h runs them', async () => {
    const hourly =
      'date,open,high,low,close,volume\n2024-01-01 00:00,1,2,0.5,1,1\n2024-01-01 01:00,1,2,0.5,1,1\n2024-01-01 02:00,1,2,0.5,1,1\n';
    const { code, err } = await cli(['--strategy', 'sma-crossover', '--data', 'h.csv'], {
      'h.csv': hourly,
    });
    expect(code).toBe(1);
    expect(err).toMatch(/h.csv: The data holds 1h candles, coarser than the 1m timeframe/);
    const buy = await report(
      ['--strategy', 'buy-and-hold', '--data', 'h.csv', '--timeframe', '1h'],
      {
        'h.csv': hourly,
      },
    );
    expect(buy.run).toMatchObject({ timeframe: '1h', dataTimeframe: '1h', candles: 3 });
    expect(buy.trades).toEqual([]);
    expect(buy.metrics.openPosition).toBeGreaterThan(0);
  });
});
