/**
 * The bot store as the bot-host worker uses it: the two writes every bot makes on every candle —
 * its equity point and its runtime state — are held for a moment and written together, many bots
 * in one transaction, instead of two transactions per bot per candle. With 100 bots replaying
 * at 600× that is ten transactions a second instead of two thousand, and every transaction is
 * a message each open tab's live queries must look at on the main thread.
 *
 * Order is kept: every other call (orders, fills, ledgers, events, reads) writes what is held
 * first and waits for it, so the database always holds a prefix of the writes in the order they
 * were made — a crash loses at most the last `delayMs` of equity points and runtime states, as
 * if it had come that much earlier, which a restart already handles (it re-decides the candles
 * after the saved state). A write that fails is reported by the next call.
 */
import type { EquityPoint } from '../core/bot/types';
import type { BotRuntimeState, BotStore } from '../core/engine/store';
import type { MaybePromise } from '../core/engine/maybePromise';
import type { TimerHandle, Timers } from '../core/time';
import { validateEquityPoint, validateRuntimeState } from './dexieBotStore';
import type { FlotillaDb } from './schema';

export interface WriteBehindOptions {
  timers: Timers;
  /** How long equity points and runtime states wait to be written together. */
  delayMs: number;
}

export interface WriteBehindBotStore extends BotStore {
  /** Writes everything held now; resolves once it is in the database. */
  flush(): Promise<void>;
  /** Drops what is held for `botId` (the bot is being deleted: its rows must not come back). */
  discard(botId: string): void;
}

export function withWriteBehind(
  db: FlotillaDb,
  store: BotStore,
  options: WriteBehindOptions,
): WriteBehindBotStore {
  let points: EquityPoint[] = [];
  let states = new Map<string, BotRuntimeState>();
  let timer: TimerHandle | undefined;
  /** The writes so far, in order; never rejects (a failure is kept in `failure`). */
  let written: Promise<void> = Promise.resolve();
  let failure: Error | undefined;

  const write = async (batch: EquityPoint[], saved: BotRuntimeState[]): Promise<void> => {
    await db.transaction('rw', [db.equity, db.runtime], async () => {
      // In the order they were made: a point re-taken for the same time replaces the first.
      if (batch.length > 0) await db.equity.bulkPut(batch);
      if (saved.length > 0) await db.runtime.bulkPut(saved);
    });
  };

  const flush = (): Promise<void> => {
    if (timer !== undefined) {
      options.timers.clearTimeout(timer);
      timer = undefined;
    }
    if (points.length === 0 && states.size === 0) return written;
    const batch = points;
    const saved = [...states.values()];
    points = [];
    states = new Map();
    const done = written.then(() => write(batch, saved));
    written = done.catch((cause: unknown) => {
      failure ??= new Error(
        `Could not save ${batch.length} equity point(s) and ${saved.length} runtime state(s): ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    });
    return done;
  };

  const schedule = (): void => {
    if (timer !== undefined) return;
    timer = options.timers.setTimeout(() => {
      timer = undefined;
      flush().catch(() => undefined); // kept in `failure`, reported by the next call
    }, options.delayMs);
  };

  /** A failed write so far, reported once (to the next caller). */
  const takeFailure = (): Error | undefined => {
    const error = failure;
    failure = undefined;
    return error;
  };

  /** Holds a write (`keep` validates and keeps it), or reports a failed write so far. */
  const hold = (keep: () => void): Promise<never> | undefined => {
    const error = takeFailure();
    if (error) return Promise.reject(error);
    keep();
    schedule();
    return undefined;
  };

  /** `call` after everything held is written (and a failure so far is reported instead). */
  const afterHeld =
    <A extends unknown[], R>(call: (...args: A) => MaybePromise<R>) =>
    async (...args: A): Promise<R> => {
      await flush();
      const error = takeFailure();
      if (error) throw error;
      return call(...args);
    };

  return {
    putOrder: afterHeld((order) => store.putOrder(order)),
    recordFill: afterHeld((accountId, botId, fill, order, ledger) =>
      store.recordFill(accountId, botId, fill, order, ledger),
    ),
    hasFill: afterHeld((accountId, tradeId) => store.hasFill(accountId, tradeId)),
    loadOrders: afterHeld((botId) => store.loadOrders(botId)),
    loadRecentFills: afterHeld((botId, count) => store.loadRecentFills(botId, count)),
    loadLedger: afterHeld((botId) => store.loadLedger(botId)),
    saveLedger: afterHeld((botId, ledger) => store.saveLedger(botId, ledger)),
    appendEvent: afterHeld(async (event) => store.appendEvent(event)),
    loadRuntimeState: afterHeld((botId) => store.loadRuntimeState(botId)),
    appendEquity: (point) =>
      hold(() => {
        validateEquityPoint(point);
        points.push(point);
      }),
    saveRuntimeState: (state) =>
      hold(() => {
        validateRuntimeState(state);
        states.set(state.botId, state);
      }),
    flush,
    discard(botId) {
      points = points.filter((point) => point.botId !== botId);
      states.delete(botId);
    },
  };
}
