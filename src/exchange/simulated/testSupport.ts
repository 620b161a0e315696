/**
 * Test helpers (imported only by *.test.ts): the committed public/sample files read from disk,
 * synthetic samples for exact scenarios, and an exchange on a manual clock.
 */
import { readFileSync } from 'node:fs';
import type { Candle } from '../../core/market/candle';
import { createManualClock } from '../../core/time';
import type { ManualClock } from '../../core/time';
import { decodeSample } from './sampleCodec';
import { createSimulatedExchange } from './simulatedExchange';
import type { SimulatedExchange, SimulatedExchangeOptions } from './simulatedExchange';

export const SAMPLE_DIR = new URL('../../../public/sample/', import.meta.url);

let committed: Record<string, Candle[]> | undefined;

/** The committed samples, decoded once per test file. */
export function committedSamples(): Record<string, Candle[]> {
  committed ??= {
    'BTC/USDT': decodeSample(readFileSync(new URL('BTC-USDT-1m.bin', SAMPLE_DIR))),
    'BTC/USDC': decodeSample(readFileSync(new URL('BTC-USDC-1m.bin', SAMPLE_DIR))),
  };
  return committed;
}

/** 2023-03-01 00:00 UTC, the committed samples' first candle. */
export const SAMPLE_START = Date.UTC(2023, 2, 1);

/**
 * A one-symbol sample of `count` flat candles at `price`, with some candles replaced:
 * `overrides[index] = [open, high, low, close]`.
 */
export function flatSample(
  count: number,
  price: number,
  overrides: Record<number, [number, number, number, number]> = {},
  symbol = 'BTC/USDT',
): Record<string, Candle[]> {
  const candles = Array.from({ length: count }, (_, index): Candle => {
    const [open, high, low, close] = overrides[index] ?? [price, price, price, price];
    return { time: SAMPLE_START + index * 60_000, open, high, low, close, volume: 1 };
  });
  return { [symbol]: candles };
}

export interface TestExchange {
  exchange: SimulatedExchange;
  clock: ManualClock;
}

/** An exchange on a manual clock (real-looking epoch), speed 60 unless given. */
export function createTestExchange(options: Partial<SimulatedExchangeOptions> = {}): TestExchange {
  const clock = createManualClock(1_767_225_600_000);
  const exchange = createSimulatedExchange({
    samples: committedSamples(),
    clock,
    timers: clock,
    speed: 60,
    balances: { USDT: 10_000 },
    ...options,
  });
  return { exchange, clock };
}
