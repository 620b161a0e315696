/**
 * The 1-minute candle stream of one symbol: every candle that closes after the stream starts,
 * exactly once and in order. Over WebSocket (`watchOHLCV`) a candle counts as closed once a
 * newer one appears; by polling, once the clock says its minute is over. A failure (socket
 * error, outage) drops what the stream had of unfinished candles and reconnects with backoff;
 * any minute the stream does not hold — after a reconnect, or a gap in the updates — is
 * back-filled from REST (`fetchOHLCV`), so no candle is skipped or sent twice.
 */
import type { Candle } from '../../core/market/candle';
import type { AdapterContext } from './context';
import { toCandle } from './convert';
import { createStopper, runLoop } from './loop';
import { fetchClosedCandles, reasonOf } from './marketData';

export const MINUTE_MS = 60_000;
/** Candles per back-fill request (a reconnect after a long outage takes several). */
const BACKFILL_LIMIT = 500;

/** Starts the stream; returns its stop. */
export function startCandleStream(
  ctx: AdapterContext,
  symbol: string,
  emit: (candle: Candle) => void,
): () => void {
  const { client } = ctx;
  const stopper = createStopper(ctx.timers);
  const overWs = client.has.watchOHLCV === true;
  /** Open time of the last candle sent; the one forming at the start is the first to send. */
  let lastSent = Math.floor(ctx.clock.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  /** Latest WebSocket values per candle not sent yet. */
  const pending = new Map<number, Candle>();

  const send = (candles: Iterable<Candle>) => {
    for (const candle of candles) {
      if (stopper.stopped || candle.time <= lastSent) continue;
      lastSent = candle.time;
      emit(candle);
    }
    for (const time of pending.keys()) if (time <= lastSent) pending.delete(time);
  };

  /** Closed candles from REST after the last one sent and before `before`. */
  const backfill = async (before: number): Promise<Candle[]> => {
    const candles: Candle[] = [];
    let since = lastSent + MINUTE_MS;
    while (since < before && !stopper.stopped) {
      const page = await fetchClosedCandles(ctx, symbol, '1m', since, BACKFILL_LIMIT);
      const wanted = page.filter((candle) => candle.time >= since && candle.time < before);
      candles.push(...wanted);
      if (page.length < BACKFILL_LIMIT || wanted.length === 0) break;
      since = (wanted[wanted.length - 1] as Candle).time + MINUTE_MS;
    }
    return candles;
  };

  /** Sends every candle older than `newest` (the forming one), back-filling missing minutes. */
  const flush = async (newest: number) => {
    const closed: Candle[] = [];
    let complete = true;
    for (let time = lastSent + MINUTE_MS; time < newest; time += MINUTE_MS) {
      const candle = pending.get(time);
      if (candle) closed.push(candle);
      else complete = false;
    }
    if (complete) return send(closed);
    const fromRest = await backfill(newest);
    if (fromRest.length > 0) {
      ctx.notice(
        `Back-filled ${fromRest.length} candle(s) of ${symbol} from ${client.name}'s REST API.`,
      );
    }
    // REST has the final values; the stream fills what REST does not have yet.
    const merged = new Map(closed.map((candle) => [candle.time, candle]));
    for (const candle of fromRest) merged.set(candle.time, candle);
    send([...merged.values()].sort((a, b) => a.time - b.time));
  };

  const wsStep = async () => {
    const rows = await client.watchOHLCV(symbol, '1m');
    if (stopper.stopped) return;
    for (const row of rows) {
      const candle = toCandle(row);
      if (candle && candle.time > lastSent) pending.set(candle.time, candle);
    }
    if (pending.size > 0) await flush(Math.max(...pending.keys()));
  };

  const pollStep = async () => {
    send(await backfill(Number.POSITIVE_INFINITY));
    await stopper.sleep(ctx.pollIntervalMs);
  };

  runLoop({
    stopper,
    step: overWs ? wsStep : pollStep,
    onFailure: (error, delay) => {
      // Values of unfinished candles may be stale after a gap: REST refills them.
      pending.clear();
      ctx.notice(
        `Candles of ${symbol} on ${client.name} interrupted (${reasonOf(ctx, error)}); reconnecting in ${Math.round(delay / 1000)} s.`,
      );
    },
  });
  return () => {
    stopper.stop();
    if (overWs && client.has.unWatchOHLCV === true) {
      ctx.background(client.unWatchOHLCV(symbol, '1m'));
    }
  };
}
