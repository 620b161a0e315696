import { describe, expect, it } from 'vitest';
import type { ExchangeTrade } from '../../core/orders/types';
import type { SimulatedExchange } from './simulatedExchange';
import { START_INDEX } from './simulatedExchange';
import { MAX_CLOSED_ORDERS, MAX_TRADES } from './state';
import type { SimulatorState } from './state';
import { createTestExchange, SAMPLE_START } from './testSupport';

const cents = (price: number) => Math.round(price * 100) / 100;

/**
 * A scripted bot that trades on every few candles and cancels its oldest order now and then.
 * It acts synchronously inside the callbacks (the simulator's request bodies run before their
 * first await), so both runs issue the same requests at the same market times.
 */
function attachBot(exchange: SimulatedExchange): ExchangeTrade[] {
  const trades: ExchangeTrade[] = [];
  const open = exchange.getState().openOrders.map((entry) => entry.order.id);
  exchange.watchMyTrades((trade) => trades.push(trade));
  exchange.watchOrders((order) => {
    if (order.status === 'open') open.push(order.id);
    else open.splice(open.indexOf(order.id), 1);
  });
  const ignore = () => undefined;
  exchange.watchCandles('BTC/USDT', (candle) => {
    const index = (candle.time - SAMPLE_START) / 60_000;
    const base = { symbol: 'BTC/USDT', amount: 0.01 } as const;
    if (index % 7 === 0) {
      exchange
        .createOrder({ ...base, type: 'market', side: 'buy', clientOrderId: `mb${index}` })
        .catch(ignore);
    }
    if (index % 11 === 0) {
      exchange
        .createOrder({ ...base, type: 'market', side: 'sell', clientOrderId: `ms${index}` })
        .catch(ignore);
    }
    if (index % 5 === 0) {
      const [below, above] = [cents(candle.close * 0.9995), cents(candle.close * 1.0005)];
      exchange
        .createOrder({
          ...base,
          type: 'limit',
          side: 'buy',
          price: below,
          clientOrderId: `lb${index}`,
        })
        .catch(ignore);
      exchange
        .createOrder({
          ...base,
          type: 'limit',
          side: 'sell',
          price: above,
          clientOrderId: `ls${index}`,
        })
        .catch(ignore);
    }
    if (index % 13 === 0 && open[0]) exchange.cancelOrder(open[0], 'BTC/USDT').catch(ignore);
  });
  return trades;
}

describe('save and resume', () => {
  it('gives the same fills and ids as an uninterrupted run', () => {
    const savePoint = START_INDEX + 150;
    let saved: SimulatorState | undefined;
    const uninterrupted = createTestExchange({
      balances: { USDT: 10_000, BTC: 0.5 },
      onStateChange: (state) => {
        if (state.cursor.index === savePoint) saved = state;
      },
    });
    const tradesA = attachBot(uninterrupted.exchange);
    uninterrupted.exchange.start();
    uninterrupted.clock.advance(300_000);
    expect(saved).toBeDefined();
    const state = JSON.parse(JSON.stringify(saved)) as SimulatorState;

    const resumed = createTestExchange({ balances: { USDT: 1 }, state });
    resumed.clock.set(resumed.clock.now() + 12_345_678); // a later session
    const tradesB = attachBot(resumed.exchange);
    resumed.exchange.start();
    resumed.clock.advance(150_000);

    const afterSave = tradesA.filter((trade) => Number(trade.id.slice(6)) >= state.nextTradeSeq);
    expect(afterSave.length).toBeGreaterThan(20);
    expect(tradesB).toEqual(afterSave);
    expect(resumed.exchange.getState()).toEqual(uninterrupted.exchange.getState());
  });

  it('keeps the state JSON-safe and bounded', () => {
    const { exchange, clock } = createTestExchange({ speed: 600 });
    exchange.watchCandles('BTC/USDT', (candle) => {
      const clientOrderId = `flt${candle.time / 60_000}`;
      const request = { symbol: 'BTC/USDT', type: 'market', side: 'buy', amount: 0.0003 } as const;
      exchange.createOrder({ ...request, clientOrderId }).catch(() => undefined);
    });
    exchange.start();
    clock.advance(102_000); // 1,020 candles, a trade on each but the first
    const state = exchange.getState();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.trades).toHaveLength(MAX_TRADES);
    expect(state.trades.at(-1)?.id).toBe('sim-t-1019');
    expect(state.closedOrders).toHaveLength(MAX_CLOSED_ORDERS);
    expect(state.seenClientOrderIds).toHaveLength(1_020);
    expect(JSON.stringify(state).length).toBeLessThan(700_000);
    expect(state.cursor).toEqual({ index: START_INDEX + 1_020, loop: 0 });
  });

  it('keeps only as many closed orders and trades as it is told to (a backtest keeps fewer)', async () => {
    const { exchange } = createTestExchange({ kept: { closedOrders: 3, trades: 2 } });
    const request = { symbol: 'BTC/USDT', type: 'market', side: 'buy', amount: 0.0003 } as const;
    for (let order = 0; order < 5; order++) {
      await exchange.createOrder({ ...request, clientOrderId: `fltkept${order}` });
      exchange.playNext();
    }
    const state = exchange.getState();
    expect(state.closedOrders.map((order) => order.clientOrderId)).toEqual([
      'fltkept2',
      'fltkept3',
      'fltkept4',
    ]);
    expect(state.trades.map((trade) => trade.clientOrderId)).toEqual(['fltkept3', 'fltkept4']);
    expect(await exchange.fetchMyTrades('BTC/USDT')).toHaveLength(2);
    await expect(exchange.fetchOrderByClientId('fltkept1', 'BTC/USDT')).rejects.toThrow(
      'Order fltkept1 is older than the 3 orders the simulator keeps',
    );
    expect((await exchange.fetchOrderByClientId('fltkept2', 'BTC/USDT'))?.status).toBe('closed');
  });

  it('refuses a state it cannot resume', () => {
    const state = createTestExchange().exchange.getState();
    expect(() => createTestExchange({ state: { ...state, version: 2 as 1 } })).toThrow(/version/);
    expect(() =>
      createTestExchange({ state: { ...state, cursor: { index: 40_000, loop: 0 } } }),
    ).toThrow(/cursor/);
  });
});
