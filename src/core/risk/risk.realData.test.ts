/**
 * The risk engine on real market data: 4320 one-minute BTC/USDT candles, 2023-03-01..03, with
 * the 3 March drop from ~23.5k to ~22.0k. Expectations are computed from the candles by simple,
 * independent reference loops, and pinned where the data makes them well known.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../market/candle';
import { parseCandlesCsv } from '../market/csv';
import { intrabarPath } from '../market/intrabarPath';
import { applyFill, createLedger, ledgerEquity, reconcileLedger } from '../portfolio/ledger';
import type { Fill, Ledger } from '../portfolio/types';
import { scanEquity } from './breakers';
import { checkLimits, utcDayStart } from './limits';
import {
  evaluateProtectiveExits,
  initialProtectiveState,
  syncProtectiveState,
  type ProtectiveExit,
  type ProtectiveState,
} from './protectiveExits';
import type { RiskConfig } from './riskConfig';
import { recordFillInTradeLog, type TradeRecord } from './tradeLog';

const FIXTURE = new URL('../../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const candles = parseCandlesCsv(readFileSync(FIXTURE, 'utf8')).candles;
const MINUTE = 60_000;

const iso = (time: number) => new Date(time).toISOString().slice(0, 16).replace('T', ' ');
const indexAt = (time: string) => {
  const index = candles.findIndex((candle) => iso(candle.time) === time);
  if (index < 0) throw new Error(`no candle at ${time}`);
  return index;
};
const at = (index: number) => candles[index] as Candle;

/**
 * Holds a long entered at the open of candle `entry` and runs the protective exits over the
 * following candles (each decided at its close) until the position is closed.
 */
function hold(entry: number, config: RiskConfig) {
  let state: ProtectiveState = initialProtectiveState(at(entry).open, at(entry).time);
  const exits: { index: number; exit: ProtectiveExit; state: ProtectiveState }[] = [];
  for (let index = entry; index < candles.length; index++) {
    const candle = at(index);
    const result = evaluateProtectiveExits(state, candle, config, candle.time + MINUTE);
    state = result.state;
    if (result.exit) {
      exits.push({ index, exit: result.exit, state });
      if (result.exit.fraction === 1) break;
    }
  }
  return exits;
}

describe('on real BTC/USDT 1m data', () => {
  it('has the fixture it expects', () => {
    expect(candles).toHaveLength(4320);
    const march3 = candles.filter((candle) => iso(candle.time).startsWith('2023-03-03'));
    expect(Math.min(...march3.map((candle) => candle.low))).toBeCloseTo(21_985.68, 2);
  });

  it('a 3% stop exits on the first candle whose low crosses it, at the modelled price', () => {
    const entry = indexAt('2023-03-03 00:00');
    const entryPrice = at(entry).open;
    const stop = entryPrice * 0.97;
    // Reference: the first candle from the entry on whose low reaches the stop.
    let expected = entry;
    while (at(expected).low > stop) expected++;

    const exits = hold(entry, { stopLoss: { kind: 'percent', percent: 3 } });
    expect(exits).toHaveLength(1);
    const [{ index, exit }] = exits as [(typeof exits)[number]];
    expect(index).toBe(expected);
    expect(iso(at(index).time)).toBe('2023-03-03 01:31');
    expect(exit.reason).toBe('stop_loss');
    expect(exit.fraction).toBe(1);
    expect(exit.price).toBe(Math.min(stop, at(index).open));
    expect(exit.price).toBeCloseTo(22_762.77, 2); // the candle opened above the stop (22 810.76)
    expect(at(index).open).toBeGreaterThan(stop);
  });

  it('a stop the market gaps through fills at the open', () => {
    const entry = indexAt('2023-03-03 00:00');
    // Find the first candle that opens below every low since the entry: a gap to a new low.
    let lowest = Infinity;
    let gap = -1;
    for (let index = entry; index < candles.length; index++) {
      const candle = at(index);
      if (index > entry && candle.open < lowest && candle.open < at(entry).open * 0.995) {
        gap = index;
        break;
      }
      lowest = Math.min(lowest, candle.low);
    }
    expect(gap).toBeGreaterThan(entry);
    // A stop between that open and the lowest low before it is only reached by the gap.
    const stop = (at(gap).open + lowest) / 2;
    const exits = hold(entry, { stopLoss: { kind: 'price', price: stop } });
    expect(exits).toHaveLength(1);
    expect(exits[0]?.index).toBe(gap);
    expect(exits[0]?.exit.price).toBe(at(gap).open);
    expect(exits[0]?.exit.price).toBeLessThan(stop);
    expect(exits[0]?.exit.legs[0]?.point).toBe(0);
  });

  it('a trailing stop follows the rise of 1 March and exits on the reversal at its level', () => {
    const entry = indexAt('2023-03-01 00:55');
    const entryPrice = at(entry).open;
    const config: RiskConfig = { trailingStop: { percent: 1, activationPercent: 1 } };

    // Reference walk over the path points: armed at +1%, exits when a point is 1% under the high.
    let high = entryPrice;
    let armed = false;
    let expected: { index: number; price: number; high: number } | undefined;
    for (let index = entry; index < candles.length && !expected; index++) {
      intrabarPath(at(index)).forEach((price, point) => {
        if (expected) return;
        const level = high * 0.99;
        if (armed && price <= level) {
          expected = { index, price: point === 0 ? price : level, high };
          return;
        }
        high = Math.max(high, price);
        armed ||= high >= entryPrice * 1.01;
      });
    }

    const exits = hold(entry, config);
    expect(exits).toHaveLength(1);
    const { index, exit, state } = exits[0] as (typeof exits)[number];
    expect(expected).toBeDefined();
    expect(index).toBe(expected?.index);
    expect(exit.reason).toBe('trailing_stop');
    expect(exit.price).toBeCloseTo(expected?.price as number, 6);
    expect(state.highWater).toBe(expected?.high);
    // It rode the rise to the day's high (23 998.92 at 08:55) and gave back 1% from there.
    expect(state.highWater).toBe(23_998.92);
    expect(iso(at(index).time)).toBe('2023-03-01 09:24');
    expect(exit.price).toBeCloseTo(23_998.92 * 0.99, 6);
    expect(exit.price / entryPrice - 1).toBeGreaterThan(0.03);
  });

  it('a scaled take-profit sells 50% at +2%, then the rest at +3.5%', () => {
    const entry = indexAt('2023-03-01 00:55');
    const entryPrice = at(entry).open;
    const levels = [entryPrice * 1.02, entryPrice * 1.035];
    const firstHigh = (level: number, from: number) => {
      let index = from;
      while (at(index).high < level) index++;
      return index;
    };
    const expectedFirst = firstHigh(levels[0] as number, entry);
    const expectedSecond = firstHigh(levels[1] as number, expectedFirst);
    expect(expectedSecond).toBeGreaterThan(expectedFirst); // two separate candles in this data

    const exits = hold(entry, {
      takeProfit: {
        steps: [
          { percent: 2, fraction: 0.5 },
          { percent: 3.5, fraction: 0.5 },
        ],
      },
    });
    expect(exits.map(({ index, exit }) => [index, exit.reason, exit.fraction, exit.step])).toEqual([
      [expectedFirst, 'take_profit', 0.5, 0],
      [expectedSecond, 'take_profit', 1, 1],
    ]);
    exits.forEach(({ index, exit }, step) => {
      expect(exit.price).toBe(Math.max(levels[step] as number, at(index).open));
    });
    expect(iso(at(expectedFirst).time)).toBe('2023-03-01 03:18');
    expect(iso(at(expectedSecond).time)).toBe('2023-03-01 04:55');
  });

  it('the drawdown breaker trips on the drop of 3 March; the daily loss limit too', () => {
    // Buy and hold 10 000 USDT of BTC from the first open; equity marked at each close.
    const amount = 10_000 / at(0).open;
    const equity = candles.map((candle) => ({ time: candle.time, equity: amount * candle.close }));
    const { trips } = scanEquity(equity, { maxDrawdownPercent: 5, dailyLossPercent: 3 });

    // Reference: the first close 5% under the running peak close.
    let peak = 0;
    const expected = equity.find((point) => {
      peak = Math.max(peak, point.equity);
      return (peak - point.equity) / peak >= 0.05;
    });
    const drawdown = trips.find((trip) => trip.kind === 'max_drawdown');
    expect(drawdown?.time).toBe(expected?.time);
    expect(iso(drawdown?.time ?? 0).startsWith('2023-03-03')).toBe(true);
    expect(drawdown).toMatchObject({ kind: 'max_drawdown', limitPercent: 5 });
    if (drawdown?.kind !== 'max_drawdown') return;
    expect(iso(drawdown.peakTime).startsWith('2023-03-01')).toBe(true);
    expect(drawdown.drawdownPercent).toBeGreaterThanOrEqual(5);
    expect(drawdown.equity).toBeCloseTo(drawdown.peak * (1 - drawdown.drawdownPercent / 100), 6);
    expect(drawdown.reason).toMatch(/^Max drawdown hit: equity [\d.]+ is [\d.]+% below its peak/);

    // Daily loss: 3% under the close of 2 March (the last equity before midnight).
    const daily = trips.find((trip) => trip.kind === 'daily_loss');
    const dayStart = equity.filter((point) => iso(point.time).startsWith('2023-03-02')).at(-1);
    expect(daily).toMatchObject({
      dayStart: Date.UTC(2023, 2, 3),
      dayStartEquity: dayStart?.equity,
    });
    const firstLoss = equity.find(
      (point) =>
        point.time >= Date.UTC(2023, 2, 3) && point.equity <= (dayStart?.equity ?? 0) * 0.97,
    );
    expect(daily?.time).toBe(firstLoss?.time);
    expect(trips.map((trip) => trip.kind)).toEqual(
      daily && drawdown.time < daily.time
        ? ['max_drawdown', 'daily_loss']
        : ['daily_loss', 'max_drawdown'],
    );
  });

  it('a bot loop with every piece keeps to its limits over three days', () => {
    const config: RiskConfig = {
      stopLoss: { kind: 'percent', percent: 0.5 },
      takeProfit: {
        steps: [
          { percent: 0.4, fraction: 0.5 },
          { percent: 0.8, fraction: 0.5 },
        ],
      },
      maxPositionPercentOfAllocation: 50,
      maxTradesPerDay: 4,
      cooldownMinutesAfterLoss: 90,
    };
    let ledger: Ledger = createLedger({ base: 'BTC', quote: 'USDT', cash: 10_000 });
    let trades: TradeRecord[] = [];
    let state: ProtectiveState | undefined;
    let pendingBuy: number | undefined;
    let seq = 0;
    const rejections: string[] = [];
    const entries: { value: number; resized: boolean }[] = [];
    const execute = (side: 'buy' | 'sell', amount: number, price: number, time: number) => {
      const fill: Fill = {
        tradeId: `t${seq++}`,
        clientOrderId: 'flt',
        time,
        side,
        price,
        amount,
        fee: amount * price * 0.001,
        feeCurrency: 'USDT',
        takerOrMaker: 'taker',
      };
      const next = applyFill(ledger, fill);
      trades = recordFillInTradeLog(trades, ledger, next, time, 1e-9);
      ledger = next;
      state = syncProtectiveState(
        state,
        { amount: ledger.position, averageEntry: ledger.averageEntry },
        time,
      );
    };

    for (const candle of candles) {
      if (pendingBuy !== undefined) {
        execute('buy', pendingBuy, candle.open, candle.time); // decided at the last close
        pendingBuy = undefined;
      }
      if (state) {
        const result = evaluateProtectiveExits(state, candle, config, candle.time + MINUTE);
        state = result.state;
        if (result.exit) {
          expect(result.exit.price).toBeGreaterThanOrEqual(candle.low);
          expect(result.exit.price).toBeLessThanOrEqual(candle.high);
          const amount =
            result.exit.fraction === 1 ? ledger.position : ledger.position * result.exit.fraction;
          execute('sell', amount, result.exit.price, candle.time + MINUTE - 1);
        }
      }
      if (ledger.position === 0) {
        // A strategy that always wants in with all its cash.
        const now = candle.time + MINUTE;
        const verdict = checkLimits(
          config,
          { ledger, allocation: 10_000, openOrders: [], trades, nowMs: now, dust: 1e-9 },
          { side: 'buy', type: 'market', amount: ledger.cash / candle.close, price: candle.close },
        );
        if (verdict.ok) {
          pendingBuy = verdict.amount;
          entries.push({ value: verdict.amount * candle.close, resized: !!verdict.resized });
        } else rejections.push(verdict.rule);
      }
    }

    expect(trades.length).toBeGreaterThan(5);
    expect(Math.abs(reconcileLedger(ledger))).toBeLessThan(1e-6);
    // At most 4 trades opened per UTC day.
    const perDay = new Map<number, number>();
    for (const trade of trades) {
      const day = utcDayStart(trade.openedAt);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(4);
    // Never re-entered within 90 minutes of a losing trade.
    trades.forEach((trade, index) => {
      const previous = trades[index - 1];
      if (previous?.closedAt !== undefined && previous.pnl < 0) {
        expect(trade.openedAt - previous.closedAt).toBeGreaterThanOrEqual(90 * MINUTE);
      }
    });
    // Every entry asked for all the cash and was cut to half of the allocation.
    expect(entries.every((entry) => entry.resized && entry.value <= 5000 * (1 + 1e-9))).toBe(true);
    expect(entries[0]?.value).toBeCloseTo(5000, 6);
    expect(rejections).toContain('cooldown_after_loss');
    expect(rejections).toContain('max_trades_per_day');
    expect(ledgerEquity(ledger, at(candles.length - 1).close)).toBeGreaterThan(0);
  });
});
