import { describe, expect, it } from 'vitest';
import type { Candle } from '../core/market/candle';
import { createMarketHub } from './marketHub';
import { committedSamples } from './simulated/testSupport';
import { createSimulatedExchange } from './simulated';
import { createManualClock } from '../core/time';

function setup() {
  const clock = createManualClock(0);
  const exchange = createSimulatedExchange({
    samples: committedSamples(),
    clock,
    timers: clock,
    speed: 600,
    balances: { USDT: 1000 },
  });
  exchange.start();
  return { clock, exchange, hub: createMarketHub(exchange) };
}

describe('market-data hub', () => {
  it('shares one upstream feed per symbol among every bot and timeframe', () => {
    const { clock, hub } = setup();
    const a: Candle[] = [];
    const b: Candle[] = [];
    const fiveMinute: Candle[] = [];
    const stopA = hub.subscribeCandles('BTC/USDT', '1m', (candle) => a.push(candle));
    const stopB = hub.subscribeCandles('BTC/USDT', '1m', (candle) => b.push(candle));
    const stop5 = hub.subscribeCandles('BTC/USDT', '5m', (candle) => fiveMinute.push(candle));
    expect(hub.upstreamCount()).toBe(1);
    clock.advance(100 * 20);
    expect(a.length).toBe(20);
    expect(b).toEqual(a);
    expect(fiveMinute.length).toBe(4);
    expect(fiveMinute[0]?.high).toBe(Math.max(...a.slice(0, 5).map((candle) => candle.high)));
    stopA();
    stopB();
    expect(hub.upstreamCount()).toBe(1);
    stop5();
    expect(hub.upstreamCount()).toBe(0);
  });

  it('opens one feed per symbol', () => {
    const { hub } = setup();
    const stops = [
      hub.subscribeCandles('BTC/USDT', '1m', () => undefined),
      hub.subscribeCandles('BTC/USDC', '1m', () => undefined),
    ];
    expect(hub.upstreamCount()).toBe(2);
    for (const stop of stops) stop();
    expect(hub.upstreamCount()).toBe(0);
  });
});
