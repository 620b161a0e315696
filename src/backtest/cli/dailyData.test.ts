/**
 * The CLI on daily stock data with weekend gaps: 300 days of GOOG (tests/fixtures, a slice of
 * ../shared/data/reference/GOOG.csv) run with an SMA(10/20) crossover at --timeframe 1d. The
 * trades must be those of a hand-rolled SMA over the file's closes, each filled at the next
 * trading day's open — Friday's signal on Monday, not on Saturday. Also: hourly data, and
 * daily data refused at a finer timeframe.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../strategies';
import { MARKET_BUY_BUFFER } from '../../core/engine/intents';
import { runCli, type CliIo } from './main';
import type { BacktestReport } from './report';

const GOOG = fileURLToPath(
  new URL('../../../tests/fixtures/goog-1d-2004-08-19_2005-10-25.csv', import.meta.url),
);
const FAST = 10;
const SLOW = 20;
const CASH = 10_000;

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

interface Day {
  date: string;
  open: number;
  close: number;
}

/** The file's rows, read by hand (",Open,High,Low,Close,Volume" with the date first). */
function readDays(text: string): Day[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [date = '', open = '', , , close = ''] = line.split(',');
      return { date, open: Number(open), close: Number(close) };
    });
}

interface HandTrade {
  entryDate: string;
  entryPrice: number;
  exitDate: string;
  exitPrice: number;
}

/**
 * SMA crossover by hand: on day i (a decision day) the fast average crossing strictly above the
 * slow one while flat buys, crossing strictly below while holding sells; either fills at the
 * open of day i + 1. Days before `firstDecision` only warm the averages up.
 */
function handRolledTrades(days: readonly Day[], firstDecision: number): HandTrade[] {
  const sma = (end: number, period: number) =>
    days.slice(end - period + 1, end + 1).reduce((sum, day) => sum + day.close, 0) / period;
  const trades: HandTrade[] = [];
  let entry: Day | undefined;
  for (let i = firstDecision; i + 1 < days.length; i++) {
    const [fastBefore, slowBefore] = [sma(i - 1, FAST), sma(i - 1, SLOW)];
    const [fast, slow] = [sma(i, FAST), sma(i, SLOW)];
    const next = days[i + 1] as Day;
    if (!entry && fastBefore <= slowBefore && fast > slow) entry = next;
    else if (entry && fastBefore >= slowBefore && fast < slow) {
      trades.push({
        entryDate: entry.date,
        entryPrice: entry.open,
        exitDate: next.date,
        exitPrice: next.open,
      });
      entry = undefined;
    }
  }
  return trades;
}

describe('npm run backtest on daily GOOG data with weekend gaps', () => {
  let days: Day[];
  let report: BacktestReport;

  beforeAll(async () => {
    days = readDays(await readFile(GOOG, 'utf8'));
    const params = JSON.stringify({ fast: FAST, slow: SLOW });
    const argv = ['--strategy', 'sma-crossover', '--data', GOOG, '--timeframe', '1d'];
    argv.push('--symbol', 'GOOG/USD');
    const result = await cli([...argv, '--params', params, '--fee', '0', '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    report = JSON.parse(result.out) as BacktestReport;
  }, 60_000);

  it('reads the file as 300 daily candles with gaps, run at 1d', () => {
    expect(days).toHaveLength(300);
    expect(report.run).toMatchObject({
      symbol: 'GOOG/USD',
      timeframe: '1d',
      dataTimeframe: '1d',
      candles: 300,
    });
    // Weekends and holidays: about one gap a week.
    expect(report.run.gaps).toBeGreaterThan(55);
  });

  it('trades exactly the crossovers of a hand-rolled SMA(10/20), filled at the next open', () => {
    // The engine warms the strategy up on its first slow + 2 days (slow + 1 for the averages
    // and the previous pair, one more to start trading on a fresh candle); check that no
    // crossover falls in that window, so the comparison does not hinge on it.
    const all = handRolledTrades(days, SLOW);
    const expected = handRolledTrades(days, SLOW + 2);
    expect(expected).toEqual(all);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const actual = report.trades.map((trade) => ({
      entryDate: trade.entryTime.slice(0, 10),
      entryPrice: trade.entryPrice,
      exitDate: trade.exitTime.slice(0, 10),
      exitPrice: trade.exitPrice,
    }));
    expect(actual).toEqual(expected);
    // Filled at midnight UTC of the fill day: its open, no time inside a weekend.
    for (const trade of report.trades) {
      expect(trade.entryTime).toMatch(/T00:00:00.000Z$/);
      expect(trade.exitTime).toMatch(/T00:00:00.000Z$/);
    }
  });

  it('fills a Friday signal at the open of the next Monday', () => {
    const mondays = report.trades
      .flatMap((trade) => [trade.entryTime, trade.exitTime])
      .filter((time) => new Date(time).getUTCDay() === 1);
    expect(mondays.length).toBeGreaterThan(0);
    for (const time of mondays) {
      const index = days.findIndex((day) => day.date === time.slice(0, 10));
      expect(new Date(`${days[index - 1]?.date}T00:00:00Z`).getUTCDay()).toBe(5);
    }
  });

  it('sizes each entry with the cash at the fill price (less the 1% headroom), and compounds', () => {
    let cash = CASH;
    for (const trade of report.trades) {
      const affordable = cash / (trade.entryPrice * (1 + MARKET_BUY_BUFFER));
      expect(trade.amount).toBeLessThanOrEqual(affordable);
      expect(trade.amount).toBeGreaterThan(affordable - 0.00001);
      expect(trade.pnl).toBeCloseTo((trade.exitPrice - trade.entryPrice) * trade.amount, 6);
      cash += trade.pnl;
    }
  });
});

describe('npm run backtest on other candle lengths', () => {
  const hourly = [
    'date,open,high,low,close,volume',
    ...Array.from({ length: 200 }, (_, i) => {
      const time = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
      const close = 100 + 10 * Math.sin(i / 8);
      return `${time},${close},${close + 1},${close - 1},${close},1`;
    }),
  ].join('\n');

  it('resamples hourly data to a 4h timeframe', async () => {
    const argv = ['--strategy', 'sma-crossover', '--data', 'h.csv', '--timeframe', '4h'];
    const { code, out } = await cli([...argv, '--params', '{"fast":2,"slow":5}', '--json'], {
      'h.csv': hourly,
    });
    expect(code).toBe(0);
    const report = JSON.parse(out) as BacktestReport;
    expect(report.run).toMatchObject({ timeframe: '4h', dataTimeframe: '1h', gaps: 0 });
    expect(report.trades.length).toBeGreaterThan(0);
    for (const trade of report.trades) expect(new Date(trade.entryTime).getUTCHours() % 4).toBe(0);
  });

  it("refuses daily data at the template's 1m timeframe, naming both and --timeframe", async () => {
    const { code, err } = await cli(['--strategy', 'sma-crossover', '--data', GOOG]);
    expect(code).toBe(1);
    expect(err).toContain(
      'The data holds 1d candles, coarser than the 1m timeframe: choose a timeframe of 1d or longer, or finer data. (1m: the timeframe of sma-crossover; --timeframe <tf> runs it on another)',
    );
  });
});
