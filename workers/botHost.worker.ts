/**
 * The bot-host worker: wires the real clock, IndexedDB, the sample market data, the strategy
 * library, the installed custom strategies (each bot's in a nested worker of its own) and the
 * exchange adapters (ccxt, loaded lazily per exchange, and the paper exchange) into the bot
 * host, and exposes it over Comlink (to the tab that started it) and over a BroadcastChannel
 * RPC (to the other tabs). It trades only while it holds the writer lock, so a new host never
 * overlaps an old one. No logic lives here.
 */
import * as Comlink from 'comlink';
import { coarseObservability, FlotillaDb } from '../src/db';
import { openCcxtExchange, testCcxtConnection } from '../src/exchange/ccxt';
import { EXCHANGE_CATALOG } from '../src/exchange/ccxt/catalog';
import { createPaperExchange, type PaperState } from '../src/exchange/paper';
import { loadSamples } from '../src/exchange/simulated/sampleLoader';
import { createBotHost } from '../src/host/botHost';
import { createCustomStrategyLoader } from '../src/host/custom/loadCustomStrategy';
import { spawnCustomStrategyWorker } from '../src/host/custom/spawnWorker';
import { LIVE_CHANNEL, RPC_CHANNEL, WRITER_LOCK, type EngineApi } from '../src/host/engineApi';
import { createLiveBatcher } from '../src/host/liveBatcher';
import { serveRpc } from '../src/host/rpc';
import { browserClock, browserRandom, browserTimers } from '../src/host/browserPorts';
import { STRATEGIES } from '../strategies';

const live = new BroadcastChannel(LIVE_CHANNEL);
// Other tabs get the live events in batches, as the leading tab does over Comlink.
const toOtherTabs = createLiveBatcher({
  deliver: (events) => live.postMessage(events),
  timers: browserTimers,
});
// This worker writes on every candle of every bot: report coarse key ranges to live queries.
const db = new FlotillaDb().use(coarseObservability());
const host = createBotHost({
  db,
  clock: browserClock,
  timers: browserTimers,
  random: browserRandom,
  strategies: STRATEGIES,
  loadCustomStrategy: createCustomStrategyLoader(db, {
    spawn: spawnCustomStrategyWorker,
    timers: browserTimers,
  }),
  loadSamples: () => loadSamples(`${import.meta.env.BASE_URL}sample/`, (url) => fetch(url)),
  publish: (event) => toOtherTabs.push(event),
  // Each candle's equity points and runtime states, many bots in one transaction.
  storeWriteBehindMs: 200,
  exchanges: {
    catalog: EXCHANGE_CATALOG,
    openLive: (config) =>
      openCcxtExchange(config, {
        clock: browserClock,
        timers: browserTimers,
        onNotice: (message) => console.warn(`[flotilla exchange] ${message}`),
      }),
    openPaper: (options) =>
      createPaperExchange({ ...options, state: options.state as PaperState | undefined }),
    testConnection: (config) =>
      testCcxtConnection(config, { clock: browserClock, timers: browserTimers }),
  },
});

const ready = new Promise<void>((resolve, reject) => {
  void navigator.locks
    .request(WRITER_LOCK, async () => {
      await host.boot();
      resolve();
      // Hold the lock for the worker's whole life: it is released only when the worker ends.
      await new Promise<never>(() => undefined);
    })
    .catch(reject);
});

/** Every call waits until this worker holds the writer lock and has resumed its bots. */
const api = new Proxy(host, {
  get(target, property: keyof EngineApi) {
    const member = target[property];
    // Only methods cross to other threads: never `host.vault`, which holds decrypted secrets.
    if (typeof member !== 'function') return undefined;
    return async (...args: unknown[]) => {
      await ready;
      return (member as (...a: unknown[]) => unknown).apply(target, args);
    };
  },
}) as EngineApi;

serveRpc(new BroadcastChannel(RPC_CHANNEL), api);
Comlink.expose(api);
