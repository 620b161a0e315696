/**
 * This account's order updates and executions as they happen: ccxt's `watchOrders` /
 * `watchMyTrades` where the exchange streams them (the user data stream), polling open orders
 * and recent trades of the symbols the account uses otherwise. A stream cannot say when its
 * subscription is live, so after a reconnect a polling round runs at once and, while streaming,
 * one more every minute: changes made while the socket was down are not lost. Each trade is sent
 * once (by id); an order only when it moved forward (status or fill), never back to an older
 * state and never after a final one.
 */
import type { ExchangeOrder, ExchangeTrade } from '../../core/orders/types';
import type { AccountCalls } from './account';
import type { AdapterContext } from './context';
import { createStopper, runLoop } from './loop';
import type { Stopper } from './loop';
import { reasonOf } from './marketData';

/** How often a streaming account is also polled, to catch what a resubscription missed. */
export const RECONCILE_INTERVAL_MS = 60_000;
/** Trades and orders remembered for deduplication (oldest forgotten first). */
const REMEMBERED = 10_000;
/** A polling round asks for trades from a little before the newest seen (clock differences). */
const TRADE_OVERLAP_MS = 60_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value as K);
}

/**
 * Runs a stream: over WebSocket (`watch`, with `poll` after each reconnect and every
 * RECONCILE_INTERVAL_MS) or by polling every pollIntervalMs.
 */
function runAccountStream(
  ctx: AdapterContext,
  what: string,
  stopper: Stopper,
  options: { overWs: boolean; watch: () => Promise<void>; poll: () => Promise<void> },
): void {
  const { overWs } = options;
  let needsPoll = !overWs;
  const onFailure = (error: unknown, delay: number) => {
    needsPoll = true;
    ctx.notice(
      `${what} of ${ctx.client.name} interrupted (${reasonOf(ctx, error)}); reconnecting in ${Math.round(delay / 1000)} s.`,
    );
  };
  runLoop({
    stopper,
    onFailure,
    step: async () => {
      if (!overWs) {
        await options.poll();
        return stopper.sleep(ctx.pollIntervalMs);
      }
      // Subscribe first, then poll: nothing falls between the two.
      const next = options.watch();
      next.catch(() => undefined);
      if (needsPoll) {
        needsPoll = false;
        await options.poll();
      }
      await next;
    },
  });
  if (overWs) {
    runLoop({
      stopper,
      onFailure: (error, delay) => onFailure(error, delay),
      step: async () => {
        await stopper.sleep(RECONCILE_INTERVAL_MS);
        if (!stopper.stopped) await options.poll();
      },
    });
  }
}

/** Streams order changes; returns the stop. */
export function startOrderStream(
  ctx: AdapterContext,
  account: AccountCalls,
  emit: (order: ExchangeOrder) => void,
): () => void {
  const { client } = ctx;
  const stopper = createStopper(ctx.timers);
  const seen = new Map<string, { status: string; filled: number; symbol: string }>();
  const publish = (order: ExchangeOrder) => {
    const before = seen.get(order.id);
    const isNews =
      !before ||
      (before.status === 'open' && (order.status !== 'open' || order.filled > before.filled));
    if (stopper.stopped || !isNews) return;
    remember(seen, order.id, { status: order.status, filled: order.filled, symbol: order.symbol });
    emit(order);
  };
  const poll = async () => {
    const open = new Set<string>();
    for (const symbol of ctx.knownSymbols) {
      for (const order of await account.fetchOpenOrders(symbol)) {
        open.add(order.id);
        publish(order);
      }
    }
    for (const [id, last] of [...seen]) {
      if (last.status === 'open' && !open.has(id))
        publish(await account.fetchOrder(id, last.symbol));
    }
  };
  runAccountStream(ctx, 'Order updates', stopper, {
    overWs: client.has.watchOrders === true,
    watch: async () => {
      for (const order of await client.watchOrders()) publish(account.adoptOrder(order));
    },
    poll,
  });
  return () => stopper.stop();
}

/** Streams executions of this account's orders; returns the stop. */
export function startTradeStream(
  ctx: AdapterContext,
  account: AccountCalls,
  emit: (trade: ExchangeTrade) => void,
): () => void {
  const { client } = ctx;
  const stopper = createStopper(ctx.timers);
  const seen = new Map<string, true>();
  const startedAt = ctx.clock.now();
  let newest = startedAt;
  const publish = (trade: ExchangeTrade) => {
    // Executions before the stream started are the caller's to fetch (fetchMyTrades).
    if (stopper.stopped || seen.has(trade.id) || trade.timestamp < startedAt) return;
    remember(seen, trade.id, true);
    newest = Math.max(newest, trade.timestamp);
    emit(trade);
  };
  const poll = async () => {
    const since = newest - TRADE_OVERLAP_MS;
    const trades: ExchangeTrade[] = [];
    for (const symbol of ctx.knownSymbols) {
      trades.push(...(await account.fetchMyTrades(symbol, since)));
    }
    trades.sort((a, b) => a.timestamp - b.timestamp).forEach(publish);
  };
  runAccountStream(ctx, 'Executions', stopper, {
    overWs: client.has.watchMyTrades === true,
    watch: async () => {
      for (const trade of await client.watchMyTrades()) publish(await account.adoptTrade(trade));
    },
    poll,
  });
  return () => stopper.stop();
}
