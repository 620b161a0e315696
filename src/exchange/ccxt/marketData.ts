/**
 * Public market data: closed candles over REST (the forming candle is dropped — the port only
 * hands out closed ones) and the price-tick stream (`watchTicker`, or polling `fetchTicker`).
 * Public REST is used even on WebSocket-trading accounts: Binance serves it to browsers.
 */
import type { PriceTick } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import type { AdapterContext } from './context';
import { toCandle } from './convert';
import { redact } from './errorNames';
import { createStopper, runLoop } from './loop';

/** Closed candles of `symbol` at `timeframe`, oldest first; `since` inclusive. */
export async function fetchClosedCandles(
  ctx: AdapterContext,
  symbol: string,
  timeframe: string,
  since?: number,
  limit?: number,
): Promise<Candle[]> {
  const { client } = ctx;
  const length = client.parseTimeframe(timeframe) * 1000;
  // Before the request: a candle that ended by then is final in any answer. (Checked after
  // the answer, a minute could end in between and a forming candle would pass as closed.)
  const asked = ctx.clock.now();
  // The exchange includes the forming candle: ask for one more, then drop it.
  const rows = await ctx.call(() =>
    client.fetchOHLCV(symbol, timeframe, since, limit === undefined ? undefined : limit + 1),
  );
  const candles = rows
    .map(toCandle)
    .filter((candle): candle is Candle => candle !== undefined)
    .sort((a, b) => a.time - b.time);
  const newest = candles[candles.length - 1]?.time;
  const closed = candles.filter(
    (candle) =>
      (since === undefined || candle.time >= since) &&
      // Older than the newest row, or ended before we asked.
      (candle.time < (newest ?? 0) || candle.time + length <= asked),
  );
  if (limit === undefined) return closed;
  return since === undefined ? closed.slice(-limit) : closed.slice(0, limit);
}

/** Streams price ticks of `symbol` until the returned stop is called. */
export function startTickStream(
  ctx: AdapterContext,
  symbol: string,
  emit: (tick: PriceTick) => void,
): () => void {
  const { client } = ctx;
  const stopper = createStopper(ctx.timers);
  const overWs = client.has.watchTicker === true;
  const publish = (ticker: { last?: number; timestamp?: number }) => {
    if (stopper.stopped || typeof ticker.last !== 'number') return;
    emit({ symbol, time: ticker.timestamp ?? ctx.clock.now(), price: ticker.last });
  };
  runLoop({
    stopper,
    step: async () => {
      if (overWs) return publish(await client.watchTicker(symbol));
      publish(await ctx.call(() => client.fetchTicker(symbol)));
      await stopper.sleep(ctx.pollIntervalMs);
    },
    onFailure: (error, delay) =>
      ctx.notice(
        `Prices of ${symbol} on ${client.name} stopped (${reasonOf(ctx, error)}); retrying in ${Math.round(delay / 1000)} s.`,
      ),
  });
  return () => {
    stopper.stop();
    if (overWs && client.has.unWatchTicker === true) ctx.background(client.unWatchTicker(symbol));
  };
}

/** A short, redacted reason for a notice. */
export function reasonOf(ctx: AdapterContext, error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error), ctx.secrets).slice(0, 200);
}
