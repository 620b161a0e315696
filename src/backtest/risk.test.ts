/**
 * The risk section wired into the runtime, on three days of real BTC/USDT 1m candles (a rally
 * of about +3.7% to 23,999 on day one, then a fall of about −4.5% on day three), with the
 * buy-and-hold template, which buys once with all its cash and never again.
 *
 * A protective exit is decided on the close of the candle whose path reaches the level and is a
 * market sell: it fills at the NEXT candle's open, like every market order of the runtime. The
 * level the exit model priced it at (the stop, or the open when the candle gapped through it) is
 * recorded in the `risk_exit` event; the fill price is the next open.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import buyAndHold from '../../strategies/buyAndHold';
import type { BotEvent } from '../core/bot/types';
import type { Candle } from '../core/market/candle';
import { parseCandlesCsv } from '../core/market/csv';
import type { RiskConfig } from '../core/risk/riskConfig';
import { runBacktest, type BacktestResult } from './runBacktest';

const FIXTURE = new URL('../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const candles = parseCandlesCsv(readFileSync(FIXTURE, 'utf8')).candles;

const run = (risk: RiskConfig) => runBacktest({ strategy: buyAndHold, candles, risk });

const riskExits = (result: BacktestResult): BotEvent[] =>
  result.events.filter((event) => event.type === 'risk_exit');

const indexOf = (time: number) => candles.findIndex((candle) => candle.time === time);

/** The entry fill: buy-and-hold buys at the open after its first live candle. */
function entryOf(result: BacktestResult) {
  const entry = result.fills[0];
  if (!entry || entry.side !== 'buy') throw new Error('no entry');
  return { entry, index: indexOf(entry.time) };
}

/** Each exit order with its decision event, candle and fills. */
function exitsOf(result: BacktestResult) {
  const sells = result.orders.filter((order) => order.side === 'sell');
  return riskExits(result).map((event, n) => {
    const order = sells[n];
    const fills = result.fills.filter((fill) => fill.clientOrderId === order?.clientOrderId);
    return { event, order, fills, index: indexOf(event.data?.candleTime as number) };
  });
}

describe('protective exits on real candles (runBacktest)', () => {
  it('a 3% stop-loss sells everything on the first candle whose low crosses it, filling at the next open', async () => {
    const result = await run({ stopLoss: { kind: 'percent', percent: 3 } });
    const { entry, index: entryIndex } = entryOf(result);
    const stop = entry.price * 0.97;
    const crossing = candles.findIndex((candle, i) => i >= entryIndex && candle.low <= stop);
    expect(crossing).toBeGreaterThan(entryIndex);
    // No earlier candle came near: the stop is reached on day three's fall.
    expect(candles.slice(entryIndex, crossing).every((candle) => candle.low > stop)).toBe(true);

    const exits = exitsOf(result);
    expect(exits).toHaveLength(1);
    const [exit] = exits;
    // Decided (and the order placed) on the crossing candle…
    expect(exit?.index).toBe(crossing);
    expect(exit?.event.data).toMatchObject({ reason: 'stop_loss', fraction: 1 });
    const gapped = (candles[crossing] as Candle).open <= stop;
    expect(exit?.event.data?.price).toBeCloseTo(
      gapped ? (candles[crossing] as Candle).open : stop,
      6,
    );
    expect(exit?.order).toMatchObject({ tag: 'risk:stop_loss', type: 'market', state: 'filled' });
    // …and filled at the next candle's open (not at the modelled stop price).
    const next = candles[crossing + 1] as Candle;
    expect(exit?.fills).toHaveLength(1);
    expect(exit?.fills[0]).toMatchObject({ side: 'sell', time: next.time, price: next.open });
    expect(exit?.fills[0]?.amount).toBeCloseTo(entry.amount, 10);
    expect(result.ledger.position).toBeCloseTo(0, 12);
    // Buy-and-hold does not buy again, and nothing else is sold.
    expect(result.fills).toHaveLength(2);
  });

  it('a trailing stop follows the rally and exits on the reversal', async () => {
    const result = await run({ trailingStop: { percent: 1.5, activationPercent: 1 } });
    const { entry, index: entryIndex } = entryOf(result);
    const [exit, ...more] = exitsOf(result);
    expect(more).toHaveLength(0);
    expect(exit?.event.data?.reason).toBe('trailing_stop');
    expect(exit?.order?.tag).toBe('risk:trailing_stop');
    const exitIndex = exit?.index ?? -1;
    // The highest price between entry and the exit candle anchors the stop.
    const high = Math.max(...candles.slice(entryIndex, exitIndex + 1).map((c) => c.high));
    expect(high).toBeGreaterThan(entry.price * 1.01);
    const level = exit?.event.data?.price as number;
    expect(level).toBeGreaterThan(entry.price);
    expect(level).toBeLessThanOrEqual(high * 0.985 + 1e-6);
    expect((candles[exitIndex] as Candle).low).toBeLessThanOrEqual(level + 1e-6);
    // It sold above the entry: the trail locked in part of the rally.
    const next = candles[exitIndex + 1] as Candle;
    expect(exit?.fills[0]).toMatchObject({ time: next.time, price: next.open });
    expect(result.ledger.realizedPnl).toBeGreaterThan(0);
    expect(result.ledger.position).toBeCloseTo(0, 12);
  });

  it('a scaled take-profit sells half at +1%, then the rest at +2%', async () => {
    const result = await run({
      takeProfit: {
        steps: [
          { percent: 1, fraction: 0.5 },
          { percent: 2, fraction: 0.5 },
        ],
      },
    });
    const { entry } = entryOf(result);
    const exits = exitsOf(result);
    expect(exits.map((exit) => exit.event.data?.reason)).toEqual(['take_profit', 'take_profit']);
    expect(exits.map((exit) => exit.order?.tag)).toEqual(['risk:take_profit', 'risk:take_profit']);
    const [first, second] = exits;
    expect(first?.event.data).toMatchObject({ fraction: 0.5, step: 0 });
    expect(first?.event.data?.price).toBeCloseTo(entry.price * 1.01, 6);
    expect(first?.order?.amount).toBeCloseTo(entry.amount / 2, 4);
    expect(second?.event.data?.step).toBe(1);
    expect(second?.event.data?.price).toBeCloseTo(entry.price * 1.02, 6);
    expect((second?.index ?? 0) > (first?.index ?? 0)).toBe(true);
    const sold = exits.flatMap((exit) => exit.fills).reduce((sum, fill) => sum + fill.amount, 0);
    expect(sold).toBeCloseTo(entry.amount, 10);
    expect(result.ledger.position).toBeCloseTo(0, 12);
  });

  it('max position % of allocation resizes the entry', async () => {
    const result = await run({ maxPositionPercentOfAllocation: 25 });
    const resized = result.events.filter((event) => event.type === 'risk_resized');
    expect(resized).toHaveLength(1);
    expect(resized[0]?.data).toMatchObject({ rule: 'max_position', intent: 'enter_long' });
    expect(resized[0]?.message).toContain('25% of the 10000.00 USDT allocation');
    const { entry } = entryOf(result);
    // Valued at the decision price (the last close), the order fits the 2,500 USDT limit.
    const decision = candles[indexOf(entry.time) - 1] as Candle;
    expect(entry.amount * decision.close).toBeLessThanOrEqual(2_500 + 1e-6);
    expect(entry.amount * decision.close).toBeGreaterThan(2_490);
    expect(result.orders[0]?.amount).toBeCloseTo(entry.amount, 12);
  });

  it('leaves a bot without a risk section untouched', async () => {
    const result = await runBacktest({ strategy: buyAndHold, candles });
    expect(result.fills).toHaveLength(1);
    expect(
      result.events.filter((event) => event.type.startsWith('risk_')).map((event) => event.type),
    ).toEqual([]);
  });
});
