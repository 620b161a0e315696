/**
 * The simulator's market: the replayed 1-minute candles (src/exchange/simulated's replay
 * series, the real BTC sample in public/sample) on a market clock, and the modelled price at any
 * instant. Within a candle the price moves linearly along the shared intrabar path (open, first
 * extreme, second extreme, close at 0, 20, 40 and 60 s). Market time runs `speed` x wall time
 * from the start candle; by default the sample's times are shifted so the start candle opens at
 * the current wall-clock minute (so at speed 1 candle times are "now"). `advance` moves market
 * time by hand (tests run at speed 0 and step it).
 */
import type { Candle } from '../../src/core/market/candle';
import type { IntrabarPath } from '../../src/core/market/intrabarPath';
import { createReplaySeries, MINUTE_MS } from '../../src/exchange/simulated/replaySeries';
import type { ReplaySeries } from '../../src/exchange/simulated/replaySeries';
import { PRICE_STEP, roundToStep } from '../../src/exchange/simulated/markets';

export { MINUTE_MS };
const SEGMENT_MS = MINUTE_MS / 3;

export interface MarketOptions {
  samples: Record<string, Candle[]>;
  /** Market ms per wall ms; 0 freezes the market (use advance). */
  speed: number;
  /** Sample index of the candle the market opens at (earlier candles are history). */
  startIndex: number;
  /** Keep the sample's own (2023) times instead of shifting them to now. */
  sampleTimes: boolean;
  now: () => number;
}

export interface MarketModel {
  readonly symbols: readonly string[];
  /** Current market time (display ms). */
  time(): number;
  speed(): number;
  setSpeed(speed: number): void;
  /** Moves market time forward by `ms`. */
  advance(ms: number): void;
  /** Modelled price of `symbol` at market time `at`. */
  priceAt(symbol: string, at: number): number;
  /** Lowest and highest modelled price of `symbol` over [from, to]. */
  rangeBetween(symbol: string, from: number, to: number): { low: number; high: number };
  /** 1m candles opening in [from, to], the forming one partial (as Binance's klines). */
  minuteCandles(symbol: string, from: number, to: number): Candle[];
  /** Open time of the earliest candle the sample has. */
  firstTime(): number;
}

export function assertSpeed(speed: number): void {
  if (!(Number.isFinite(speed) && speed >= 0 && speed <= 100_000)) {
    throw new Error(`speed must be between 0 and 100000, got ${speed}`);
  }
}

export function createMarket(options: MarketOptions): MarketModel {
  const series: ReplaySeries = createReplaySeries(options.samples);
  assertSpeed(options.speed);
  if (!(Number.isInteger(options.startIndex) && options.startIndex >= 0)) {
    throw new Error(`start index must be a whole number >= 0, got ${options.startIndex}`);
  }
  const startSampleTime = series.timeOf(options.startIndex);
  const shift = options.sampleTimes
    ? 0
    : Math.floor(options.now() / MINUTE_MS) * MINUTE_MS - startSampleTime;
  let speed = options.speed;
  let anchorWall = options.now();
  // Shifted, market time starts equal to wall time (mid-way through the start candle).
  let anchorMarket = startSampleTime + shift + (options.sampleTimes ? 0 : anchorWall % MINUTE_MS);

  const time = () => anchorMarket + (options.now() - anchorWall) * speed;
  const rebase = () => {
    anchorMarket = time();
    anchorWall = options.now();
  };
  const indexOf = (at: number) => Math.floor((at - shift - series.timeOf(0)) / MINUTE_MS);
  const openOf = (index: number) => series.timeOf(index) + shift;
  const path = (symbol: string, index: number): IntrabarPath => series.pathAt(symbol, index);

  const priceAt = (symbol: string, at: number): number => {
    const index = indexOf(at);
    const points = path(symbol, index);
    const within = (at - openOf(index)) / SEGMENT_MS;
    const segment = Math.min(2, Math.floor(within));
    const from = points[segment] as number;
    const to = points[segment + 1] as number;
    return roundToStep(from + (to - from) * (within - segment), PRICE_STEP);
  };

  const rangeBetween = (symbol: string, from: number, to: number) => {
    let low = Math.min(priceAt(symbol, from), priceAt(symbol, to));
    let high = Math.max(priceAt(symbol, from), priceAt(symbol, to));
    // Every path vertex strictly inside (from, to] is an extreme the price passed through.
    for (let index = indexOf(from); index <= indexOf(to); index++) {
      const points = path(symbol, index);
      points.forEach((price, point) => {
        const at = openOf(index) + point * SEGMENT_MS - (point === 3 ? 1 : 0);
        if (at > from && at <= to) {
          low = Math.min(low, price);
          high = Math.max(high, price);
        }
      });
    }
    return { low, high };
  };

  return {
    symbols: series.symbols,
    time,
    speed: () => speed,
    setSpeed(next) {
      assertSpeed(next);
      rebase();
      speed = next;
    },
    advance(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new Error(`advance must be >= 0 ms, got ${ms}`);
      rebase();
      anchorMarket += ms;
    },
    priceAt,
    rangeBetween,
    minuteCandles(symbol, from, to) {
      const now = time();
      const last = Math.min(indexOf(to), indexOf(now));
      const atOrAfter = indexOf(from) + (openOf(indexOf(from)) < from ? 1 : 0);
      const candles: Candle[] = [];
      for (let index = Math.max(atOrAfter, 0); index <= last; index++) {
        const candle = { ...series.candleAt(symbol, index), time: openOf(index) };
        if (index === indexOf(now)) {
          // The forming candle: what the path has shown so far.
          const { low, high } = rangeBetween(symbol, openOf(index), now);
          const close = priceAt(symbol, now);
          const fraction = (now - openOf(index)) / MINUTE_MS;
          candles.push({ ...candle, high, low, close, volume: candle.volume * fraction });
        } else {
          candles.push(candle);
        }
      }
      return candles;
    },
    firstTime: () => openOf(0),
  };
}
