/**
 * Live ticks between candles: they fill resting limits and stops whose level they cross, never
 * an order still waiting for its first candle; an order placed after a tick joins its candle at
 * the close, at the price the tick showed.
 */
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import type { ExchangeTrade, OrderRequest } from '../../core/orders/types';
import { createTestPaper, flatCandles } from './testSupport';

const SYMBOL = 'BTC/USDT';
const order = (extra: Partial<OrderRequest> & { clientOrderId: string }): OrderRequest => ({
  symbol: SYMBOL,
  type: 'limit',
  side: 'buy',
  amount: 1,
  ...extra,
});

async function setUp(overrides: Record<number, [number, number, number, number]> = {}) {
  const samples = { [SYMBOL]: flatCandles(40, 100, overrides) };
  const test = createTestPaper({
    samples,
    start: 10,
    balances: { USDT: 1_000, BTC: 2 },
    slippageBps: 10,
  });
  const trades: ExchangeTrade[] = [];
  const ticks: number[] = [];
  test.paper.watchMyTrades((trade) => trades.push(trade));
  test.paper.watchTicks(SYMBOL, (tick) => ticks.push(tick.price));
  await test.paper.start([SYMBOL]);
  const timeOf = (index: number) => (samples[SYMBOL][index] as Candle).time;
  return { ...test, trades, ticks, timeOf };
}

describe('live ticks', () => {
  it('fill a resting limit at its price, as maker, when the move between ticks crosses it', async () => {
    const { paper, source, trades, ticks, timeOf } = await setUp();
    await paper.createOrder(order({ price: 99, clientOrderId: 'rest-b' }));
    source.closeNext(); // candle 10 (flat 100): the order now rests
    source.tick(SYMBOL, 99.5, 5_000);
    expect(trades).toHaveLength(0);
    source.tick(SYMBOL, 98.7, 9_000);
    expect(trades).toEqual([
      expect.objectContaining({
        clientOrderId: 'rest-b',
        price: 99,
        takerOrMaker: 'maker',
        timestamp: timeOf(11) + 9_000,
      }),
    ]);
    expect(ticks).toEqual([99.5, 98.7]); // relayed
    source.closeNext(); // the candle does not fill it again
    expect(trades).toHaveLength(1);
    expect((await paper.fetchOrder('paper-o-1', SYMBOL)).status).toBe('closed');
  });

  it('trigger a resting stop at its level ± slippage, as taker', async () => {
    const { paper, source, trades, timeOf } = await setUp();
    await paper.createOrder(
      order({ type: 'market', side: 'sell', triggerPrice: 97, clientOrderId: 'stop' }),
    );
    source.closeNext();
    source.tick(SYMBOL, 96.2, 20_000);
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ side: 'sell', takerOrMaker: 'taker', amount: 1 });
    expect(trades[0]?.price).toBeCloseTo(97 * (1 - 10 / 10_000), 9);
    expect(trades[0]?.timestamp).toBe(timeOf(11) + 20_000);
  });

  it('leave orders placed between candles to the next candle (the next-open rule)', async () => {
    // Candle 11 walks 100 -> 100 -> 98 -> 99 (down candle): the limit fills at 99 at point 2.
    const { paper, source, trades, timeOf } = await setUp({ 11: [100, 100, 98, 99] });
    source.closeNext();
    await paper.createOrder(order({ price: 99, clientOrderId: 'new-b' }));
    await paper.createOrder(order({ type: 'market', amount: 0.5, clientOrderId: 'new-m' }));
    source.tick(SYMBOL, 98, 10_000);
    expect(trades).toHaveLength(0);
    source.closeNext();
    expect(trades.map((trade) => [trade.clientOrderId, trade.price, trade.timestamp])).toEqual([
      ['new-m', 100 * (1 + 10 / 10_000), timeOf(11)],
      ['new-b', 99, timeOf(11) + 30_000],
    ]);
  });

  it('older than the last candle played are relayed but fill nothing', async () => {
    const { paper, source, trades, ticks } = await setUp();
    await paper.createOrder(order({ price: 99, clientOrderId: 'old' }));
    source.closeNext();
    source.tick(SYMBOL, 95, -30_000); // a late tick from candle 10
    expect(ticks).toEqual([95]);
    expect(trades).toHaveLength(0);
  });

  it('make an order placed after them join its candle at the close, at the price they showed', async () => {
    // Candle 11 walks 100 -> 98 -> 103 -> 102 (up): its low came before the orders.
    const { paper, source, trades, timeOf } = await setUp({ 11: [100, 103, 98, 102] });
    source.closeNext();
    source.tick(SYMBOL, 101.5, 20_000);
    await paper.createOrder(order({ type: 'market', amount: 0.5, clientOrderId: 'mid-m' }));
    await paper.createOrder(order({ price: 99.5, amount: 0.5, clientOrderId: 'mid-l' }));
    source.closeNext();
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ clientOrderId: 'mid-m', takerOrMaker: 'taker' });
    expect(trades[0]?.price).toBeCloseTo(101.5 * (1 + 10 / 10_000), 9);
    expect(trades[0]?.timestamp).toBe(timeOf(11) + 45_000);
    // The limit rests from candle 11's close on, and a later tick fills it.
    source.tick(SYMBOL, 99, 3_000);
    expect(trades[1]).toMatchObject({ clientOrderId: 'mid-l', price: 99.5, takerOrMaker: 'maker' });
  });
});
