/**
 * Test support (imported only by *.test.ts): a bot host on fake-indexeddb, a manual clock and
 * the committed market sample, plus a driver that advances market time one candle at a time.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RunnableStrategy } from '../core/strategy/types';
import { createManualClock, createSeededRandom, type ManualClock } from '../core/time';
import { FlotillaDb } from '../db';
import { committedSamples } from '../exchange/simulated/testSupport';
import { STRATEGIES } from '../../strategies';
import { createBotHost, type BotHost, type BotHostDeps } from './botHost';
import type { LiveEvent } from './engineApi';

let databases = 0;

export function createTestDb(): FlotillaDb {
  databases += 1;
  return new FlotillaDb(`flotilla-test-host-${databases}-${Math.random()}`, {
    indexedDB,
    IDBKeyRange,
  });
}

export interface TestHost {
  host: BotHost;
  db: FlotillaDb;
  clock: ManualClock;
  live: LiveEvent[];
  /** Advances `minutes` market minutes at 600× and lets every bot process each one. */
  play(minutes: number): Promise<void>;
}

/** Real time one market minute takes at 600×. */
const MINUTE_AT_600X_MS = 100;

export async function startTestHost(
  options: {
    db?: FlotillaDb;
    clock?: ManualClock;
    seed?: number;
    strategies?: readonly RunnableStrategy[];
    loadCustomStrategy?: BotHostDeps['loadCustomStrategy'];
    vaultIterations?: number;
    exchanges?: BotHostDeps['exchanges'];
    wrapExchange?: BotHostDeps['wrapExchange'];
  } = {},
): Promise<TestHost> {
  const db = options.db ?? createTestDb();
  const clock = options.clock ?? createManualClock(Date.UTC(2026, 0, 1));
  const live: LiveEvent[] = [];
  const host = createBotHost({
    db,
    clock,
    timers: clock,
    random: createSeededRandom(options.seed ?? 7),
    strategies: options.strategies ?? STRATEGIES,
    loadCustomStrategy: options.loadCustomStrategy,
    loadSamples: async () => committedSamples(),
    publish: (event) => live.push(event),
    vaultIterations: options.vaultIterations,
    exchanges: options.exchanges,
    wrapExchange: options.wrapExchange,
  });
  await host.boot();
  const account = await host.getSimulatedAccount('sim-default');
  if (!account.ok) throw new Error(account.error);
  if (account.value.speed !== 600) {
    const updated = await host.updateSimulatedAccount({ ...account.value, speed: 600 });
    if (!updated.ok) throw new Error(updated.error);
  }
  return {
    host,
    db,
    clock,
    live,
    async play(minutes) {
      for (let minute = 0; minute < minutes; minute++) {
        clock.advance(MINUTE_AT_600X_MS);
        await host.idle();
      }
    },
  };
}
