import { describe, expect, it } from 'vitest';
import type { PriceTick } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import { intrabarPath } from '../../core/market/intrabarPath';
import { START_INDEX } from './simulatedExchange';
import { committedSamples, createTestExchange, flatSample, SAMPLE_START } from './testSupport';

const usdt = () => committedSamples()['BTC/USDT'] as Candle[];

describe('replay clock', () => {
  it('plays 60 candles per 60 s of real time at speed 60', () => {
    const { exchange, clock } = createTestExchange({ speed: 60 });
    const played: Candle[] = [];
    exchange.watchCandles('BTC/USDT', (candle) => played.push(candle));
    expect(exchange.getMarketTime()).toBe(usdt()[START_INDEX]?.time);
    exchange.start();
    clock.advance(60_000);
    expect(played).toHaveLength(60);
    expect(played).toEqual(usdt().slice(START_INDEX, START_INDEX + 60));
    expect(exchange.getMarketTime()).toBe(usdt()[START_INDEX + 60]?.time);
  });

  it('plays a candle only once its whole minute has passed', () => {
    const { exchange, clock } = createTestExchange({ speed: 1 });
    const played: Candle[] = [];
    exchange.watchCandles('BTC/USDT', (candle) => played.push(candle));
    exchange.start();
    clock.advance(59_999);
    expect(played).toHaveLength(0);
    clock.advance(1);
    expect(played).toHaveLength(1);
  });

  it('stands still while stopped and changes pace with setSpeed', () => {
    const { exchange, clock } = createTestExchange({ speed: 60 });
    const played: Candle[] = [];
    exchange.watchCandles('BTC/USDT', (candle) => played.push(candle));
    exchange.start();
    clock.advance(2_500);
    exchange.stop();
    const stoppedAt = exchange.getMarketTime();
    clock.advance(3_600_000);
    expect(played).toHaveLength(2);
    expect(exchange.getMarketTime()).toBe(stoppedAt);
    exchange.setSpeed(600);
    exchange.start();
    clock.advance(950); // the half-played third minute needs 50 ms at 600x, then 9 more
    expect(played).toHaveLength(12);
    expect(exchange.isRunning()).toBe(true);
    expect(exchange.getSpeed()).toBe(600);
  });

  it('catches up after a stalled timer without skipping candles', () => {
    const { exchange, clock } = createTestExchange({ speed: 600 });
    const played: Candle[] = [];
    exchange.watchCandles('BTC/USDT', (candle) => played.push(candle));
    exchange.start();
    clock.set(clock.now() + 600_000); // ten minutes of real time = 6,000 candles
    expect(played).toHaveLength(6_000);
    expect(played.every((candle, index) => candle.time === played[0]!.time + index * 60_000)).toBe(
      true,
    );
  });

  it('rejects a speed that is not a positive number', () => {
    const { exchange } = createTestExchange();
    expect(() => exchange.setSpeed(0)).toThrow(/positive/);
    expect(() => createTestExchange({ speed: Number.NaN })).toThrow(/positive/);
  });
});

describe('watchTicks', () => {
  it('shows 4 ticks per candle along its intrabar path', () => {
    const { exchange, clock } = createTestExchange({ speed: 60 });
    const ticks: PriceTick[] = [];
    exchange.watchTicks('BTC/USDT', (tick) => ticks.push(tick));
    exchange.start();
    clock.advance(60_000);
    for (let index = START_INDEX; index < START_INDEX + 60; index++) {
      const candle = usdt()[index] as Candle;
      const ofCandle = ticks.filter(
        (tick) => tick.time >= candle.time && tick.time < candle.time + 60_000,
      );
      expect(ofCandle.map((tick) => tick.price)).toEqual(intrabarPath(candle));
      expect(ofCandle.map((tick) => tick.time - candle.time)).toEqual([0, 15_000, 30_000, 45_000]);
    }
    // ...and the next candle's open, shown as the minute completes.
    expect(ticks).toHaveLength(60 * 4 + 1);
    expect(ticks.every((tick) => tick.symbol === 'BTC/USDT')).toBe(true);
  });

  it('moves the price every 15 s at 1x', () => {
    const { exchange, clock } = createTestExchange({ speed: 1 });
    const ticks: PriceTick[] = [];
    exchange.watchTicks('BTC/USDC', (tick) => ticks.push(tick));
    exchange.start();
    expect(ticks).toHaveLength(1);
    clock.advance(14_999);
    expect(ticks).toHaveLength(1);
    clock.advance(1);
    expect(ticks).toHaveLength(2);
    expect(exchange.getLastPrice('BTC/USDC')).toBe(ticks[1]?.price);
  });

  it('still shows 4 ticks per candle at very high speed, together at the minute', () => {
    const { exchange, clock } = createTestExchange({ speed: 6_000 });
    const ticks: PriceTick[] = [];
    exchange.watchTicks('BTC/USDT', (tick) => ticks.push(tick));
    exchange.start();
    clock.advance(5); // half a minute of market time: only the open so far
    expect(ticks).toHaveLength(1);
    clock.advance(995); // 100 candles
    expect(ticks).toHaveLength(100 * 4 + 1);
  });

  it('stops delivering after unsubscribe', () => {
    const { exchange, clock } = createTestExchange();
    const ticks: PriceTick[] = [];
    const unsubscribe = exchange.watchTicks('BTC/USDT', (tick) => ticks.push(tick));
    exchange.start();
    unsubscribe();
    clock.advance(10_000);
    expect(ticks).toHaveLength(1);
  });
});

describe('looping', () => {
  it('continues after the sample with increasing times and a continuous price', () => {
    const sample = usdt();
    const first = createTestExchange({ speed: 600 }).exchange.getState();
    const nearEnd = { ...first, cursor: { index: sample.length - 5, loop: 0 } };
    const { exchange, clock } = createTestExchange({ speed: 600, state: nearEnd });
    const played: Candle[] = [];
    exchange.watchCandles('BTC/USDT', (candle) => played.push(candle));
    exchange.start();
    clock.advance(1_000); // 10 candles: 5 before the end, 5 after
    expect(played).toHaveLength(10);
    played.forEach((candle, index) => {
      expect(candle.time).toBe(sample[sample.length - 5]!.time + index * 60_000);
      expect(candle.low).toBeLessThanOrEqual(Math.min(candle.open, candle.close));
      expect(candle.high).toBeGreaterThanOrEqual(Math.max(candle.open, candle.close));
    });
    const [lastOfSample, firstOfLoop] = [played[4]!, played[5]!];
    expect(lastOfSample).toEqual(sample[sample.length - 1]);
    expect(firstOfLoop.time).toBe(SAMPLE_START + sample.length * 60_000);
    expect(firstOfLoop.open).toBeCloseTo(lastOfSample.close, 2);
    // Loop prices are the sample's, scaled by lastClose / firstOpen and kept on the 0.01 tick.
    const factor = sample[sample.length - 1]!.close / sample[0]!.open;
    expect(played[6]!.high).toBeCloseTo(sample[1]!.high * factor, 2);
    expect(Math.round(played[6]!.high * 100) / 100).toBe(played[6]!.high);
    expect(exchange.getState().cursor).toEqual({ index: 5, loop: 1 });
  });

  it('keeps times increasing across several loops of a short sample', () => {
    const samples = flatSample(1_500, 100, {
      0: [100, 100, 100, 100],
      1_499: [110, 110, 110, 110],
    });
    const { exchange, clock } = createTestExchange({ samples, speed: 6_000 });
    const played: Candle[] = [];
    exchange.watchCandles('BTC/USDT', (candle) => played.push(candle));
    exchange.start();
    clock.advance(20_000); // 2,000 candles: through 60 + 1,500 + 440
    expect(played).toHaveLength(2_000);
    expect(
      played.every((candle, index) => index === 0 || candle.time > played[index - 1]!.time),
    ).toBe(true);
    // Each loop multiplies prices by 110 / 100.
    expect(played[60]?.open).toBeCloseTo(110, 9);
    expect(played[1_560]?.open).toBeCloseTo(121, 9);
  });
});

describe('fetchOHLCV', () => {
  it('returns the history before the start point, latest first page by default', async () => {
    const { exchange } = createTestExchange();
    const candles = await exchange.fetchOHLCV('BTC/USDT', '1m');
    expect(candles).toHaveLength(500);
    expect(candles.at(-1)).toEqual(usdt()[START_INDEX - 1]);
    const firstTen = await exchange.fetchOHLCV('BTC/USDT', '1m', SAMPLE_START, 10);
    expect(firstTen).toEqual(usdt().slice(0, 10));
  });

  it('includes played candles and never the forming one', async () => {
    const { exchange, clock } = createTestExchange();
    exchange.start();
    clock.advance(3_500);
    const candles = await exchange.fetchOHLCV('BTC/USDT', '1m', undefined, 5);
    expect(candles).toEqual(usdt().slice(START_INDEX - 2, START_INDEX + 3));
  });

  it('resamples to coarser timeframes, whole buckets only', async () => {
    const { exchange, clock } = createTestExchange();
    const hours = await exchange.fetchOHLCV('BTC/USDT', '1h', SAMPLE_START);
    expect(hours).toHaveLength(24);
    const firstHour = usdt().slice(0, 60);
    expect(hours[0]).toEqual({
      time: SAMPLE_START,
      open: firstHour[0]!.open,
      high: Math.max(...firstHour.map((candle) => candle.high)),
      low: Math.min(...firstHour.map((candle) => candle.low)),
      close: firstHour[59]!.close,
      volume: expect.closeTo(
        firstHour.reduce((sum, candle) => sum + candle.volume, 0),
        9,
      ),
    });
    exchange.start();
    clock.advance(59_000);
    expect(await exchange.fetchOHLCV('BTC/USDT', '1h', SAMPLE_START)).toHaveLength(24);
    clock.advance(1_000);
    expect(await exchange.fetchOHLCV('BTC/USDT', '1h', SAMPLE_START)).toHaveLength(25);
    expect(await exchange.fetchOHLCV('BTC/USDT', '1d')).toHaveLength(1);
  });

  it('refuses unknown symbols and timeframes', async () => {
    const { exchange } = createTestExchange();
    await expect(exchange.fetchOHLCV('ETH/USDT', '1m')).rejects.toMatchObject({
      kind: 'invalid_order',
    });
    await expect(exchange.fetchOHLCV('BTC/USDT', '7m')).rejects.toMatchObject({
      kind: 'invalid_order',
    });
  });
});

describe('markets', () => {
  it('lists the sample symbols in ccxt shape with the configured fees', async () => {
    const { exchange } = createTestExchange({ makerFee: 0.0008 });
    const markets = await exchange.loadMarkets();
    expect(Object.keys(markets)).toEqual(['BTC/USDC', 'BTC/USDT']);
    expect(markets['BTC/USDT']).toEqual({
      id: 'BTCUSDT',
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
      type: 'spot',
      spot: true,
      active: true,
      precision: { amount: 0.00001, price: 0.01 },
      limits: { amount: { min: 0.00001 }, price: { min: 0.01 }, cost: { min: 5 } },
      maker: 0.0008,
      taker: 0.001,
    });
    expect(exchange.exchangeId).toBe('simulated');
  });
});

describe('replay stepped by hand (a backtest)', () => {
  it('plays the same candles and ticks as the timers would, and waits at the next open', () => {
    const timed = createTestExchange({ speed: 600 });
    const stepped = createTestExchange({ speed: 600 });
    const seen = { timed: [] as unknown[], stepped: [] as unknown[] };
    for (const [name, { exchange }] of [
      ['timed', timed],
      ['stepped', stepped],
    ] as const) {
      exchange.watchCandles('BTC/USDT', (candle) => seen[name].push(candle));
      exchange.watchTicks('BTC/USDT', (tick: PriceTick) => seen[name].push(tick));
    }
    timed.exchange.start();
    timed.clock.advance(1_000); // ten candles at 600x
    timed.exchange.stop();
    for (let step = 0; step < 10; step++) stepped.exchange.playNext();
    expect(seen.stepped).toEqual(seen.timed);
    expect(seen.stepped.filter((value) => 'open' in (value as object))).toHaveLength(10);
    expect(stepped.exchange.getMarketTime()).toBe(usdt()[START_INDEX + 10]?.time);
    expect(stepped.exchange.getLastPrice('BTC/USDT')).toBe(usdt()[START_INDEX + 10]?.open);
  });

  it('is refused while the replay runs', () => {
    const { exchange } = createTestExchange({ speed: 60 });
    exchange.start();
    expect(() => exchange.playNext()).toThrow(/running replay cannot be stepped/);
  });
});
