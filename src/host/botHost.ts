/**
 * The bot host: the EngineApi the worker exposes. It owns the running bots (one BotRuntime
 * each), the open exchange accounts (one simulator, market hub and fill router per account),
 * and the lifecycle commands. It is the only writer of bot state, orders and fills. Commands
 * run one at a time; each bot's own inputs are serialized inside its runtime.
 */
import type { Bot, BotConfig, BotMode, BotStatus } from '../core/bot/types';
import { createBotRuntime, type BotRuntime, type RuntimeMode } from '../core/engine/botRuntime';
import { createSerialQueue } from '../core/engine/serialQueue';
import type { BotStore } from '../core/engine/store';
import type { ExchangePort } from '../core/exchangePort';
import type { Candle } from '../core/market/candle';
import { makeShortId } from '../core/orders/clientOrderId';
import type { ExchangeOrder } from '../core/orders/types';
import type { RunnableStrategy } from '../core/strategy/types';
import type { Clock, Random, Timers } from '../core/time';
import {
  createAccountsRepository,
  createBotsRepository,
  createDexieBotStore,
  withWriteBehind,
  createOrdersRepository,
  createPaperStateRepository,
  createSimStateRepository,
  ConfigLockedError,
  type FlotillaDb,
} from '../db';
import { createCandleDownloads } from './candleDownload';
import { createConfigCheck } from './configCheck';
import { createLiveFanout } from './liveFanout';
import { isCustomStrategyId } from './custom/protocol';
import { attempt, FieldErrorsError } from './commandResult';
import type { EngineApi, LiveEvent, StopOptions } from './engineApi';
import { createKillSwitch } from './killSwitch';
import { DEFAULT_SIM_ACCOUNT_ID } from './engineApi';
import { createAccountSettingsCommands } from './accountSettings';
import { createCapital } from './capital';
import type { ExchangeFactories } from './exchangeDeps';
import { createExchangeAccounts } from './exchangeAccounts';
import { createLiveWaiting, WAITING_FOR_VAULT } from './liveWaiting';
import { venueKey } from './venue';
import { createVenues } from './venues';
import { createRiskCommands } from './riskCommands';
import { createRiskMonitor } from './riskMonitor';
import { createRiskStore } from './riskSettings';
import { createBotCopies } from './botCopies';
import { createVault, type Vault } from '../vault';
import { createVaultCommands, withVaultActivity } from './vaultCommands';
import { createVaultStore } from './vaultStore';
import { createHostConfigKeys } from './configKeys';

export interface BotHostDeps {
  db: FlotillaDb;
  clock: Clock;
  timers: Timers;
  random: Random;
  /** The built-in templates. */
  strategies: readonly RunnableStrategy[];
  /**
   * Finds a custom strategy ("custom-…" ids, src/host/custom/loadCustomStrategy.ts); without
   * it only the templates exist.
   */
  loadCustomStrategy?: (id: string) => Promise<RunnableStrategy | undefined>;
  loadSamples: () => Promise<Record<string, Candle[]>>;
  publish: (event: LiveEvent) => void;
  /** Tests (fault injection): wraps the exchange port and the store bot runtimes use. */
  wrapExchange?: (exchange: ExchangePort) => ExchangePort;
  wrapStore?: (store: BotStore) => BotStore;
  /** Share of each candle's volume resting fills may take on simulated accounts (partial fills). */
  liquidityShare?: number;
  /**
   * Holds each candle's equity points and runtime states this long and writes them together
   * (src/db/writeBehindBotStore.ts); the worker sets it, tests mostly write straight through.
   */
  storeWriteBehindMs?: number;
  /** PBKDF2 iterations for new vault keys; only tests lower it (default: MIN_ITERATIONS). */
  vaultIterations?: number;
  /**
   * The ccxt adapter and the paper exchange (the worker passes src/exchange/ccxt and
   * src/exchange/paper; tests the simulator). Without them only the simulated account works.
   */
  exchanges?: ExchangeFactories;
}

export interface BotHost extends EngineApi {
  /** Opens the default account and resumes every bot that was running or paused. */
  boot(): Promise<void>;
  /** Stops every feed and waits for pending writes (bots keep their persisted status). */
  shutdown(): Promise<void>;
  /** Resolves once every queued command and bot input has been processed (tests, shutdown). */
  idle(): Promise<void>;
  /** The orders open on a venue's exchange itself, whoever placed them (tests, diagnostics). */
  exchangeOpenOrders(accountId: string, mode?: BotMode): Promise<ExchangeOrder[]>;
  /**
   * The vault, for code inside this worker (e.g. the exchange client that signs requests):
   * `isUnlocked()`, `onChange()` and `getSecret()`. Never expose it beyond the worker.
   */
  vault: Vault;
}

interface RunningBot {
  bot: Bot;
  runtime: BotRuntime;
  unsubscribe: () => void;
}

/** Live ticks are forwarded at most this often per symbol: enough for a smooth display. */
const TICK_INTERVAL_MS = 100;

export function createBotHost(deps: BotHostDeps): BotHost {
  const { db, clock } = deps;
  const vault = createVault({
    store: createVaultStore(db, { prepareErase: () => configKeys.prepareErase() }),
    clock,
    timers: deps.timers,
    kdfIterations: deps.vaultIterations,
  });
  const configKeys = createHostConfigKeys({ db, vault, clock });
  const bots = createBotsRepository(db, configKeys.codec);
  const accounts = createAccountsRepository(db);
  const orders = createOrdersRepository(db);
  const simStates = createSimStateRepository(db);
  const dexieStore = createDexieBotStore(db, { clock });
  const heldStore =
    deps.storeWriteBehindMs === undefined
      ? undefined
      : withWriteBehind(db, dexieStore, { timers: deps.timers, delayMs: deps.storeWriteBehindMs });
  const baseStore = heldStore ?? dexieStore;
  const store = deps.wrapStore?.(baseStore) ?? baseStore;
  const commands = createSerialQueue();
  const running = new Map<string, RunningBot>();
  const fanout = createLiveFanout(deps.publish, deps.timers);
  const publish = fanout.publish;
  const report = (message: string) => console.error(`[flotilla host] ${message}`);

  const runtimesOn = (accountId: string) =>
    [...running.values()].filter((entry) => entry.bot.config.accountId === accountId);
  /** The entries (running or loading runtimes) that trade on the venue `key`. */
  const onVenue = <T extends { bot: Bot }>(entries: Iterable<T>, key: string): T[] =>
    [...entries].filter(
      (entry) => venueKey(entry.bot.config.accountId, entry.bot.config.mode) === key,
    );
  /**
   * Runtimes still loading (init), by bot id. The venue keeps trading meanwhile: a resting
   * order that fills then must reach its runtime (queued behind the load), or the fill is lost
   * and the journal shows the order open for ever.
   */
  const loading = new Map<string, { bot: Bot; runtime: BotRuntime }>();
  /** The runtimes that fills and order updates on the venue `key` go to: running or loading. */
  const routedOnVenue = (key: string) => [
    ...onVenue(running.values(), key),
    ...onVenue(loading.values(), key),
  ];

  vault.onChange((change) => {
    publish({ type: 'vault', ...change });
    if (change.state === 'unlocked') {
      // A new vault, or one set up before configs were sealed (or a seal that failed before).
      commands
        .run(() => configKeys.sealAll())
        .catch((error: unknown) => report(`Could not seal bot configurations: ${String(error)}`));
    }
    if (change.state === 'none') {
      configKeys.forget();
      commands.run(detachRemoved).catch((error: unknown) => report(String(error)));
    }
  });

  const venues = createVenues({
    accounts,
    simStates,
    paperStates: createPaperStateRepository(db),
    clock,
    timers: deps.timers,
    vault,
    exchanges: deps.exchanges,
    loadSamples: deps.loadSamples,
    liquidityShare: deps.liquidityShare,
    report,
    routerFor: (key) => ({
      onTrade: (trade) => {
        for (const entry of routedOnVenue(key)) {
          if (entry.runtime.owns(trade.clientOrderId))
            void entry.runtime.handleTrade(trade).catch(fail(entry.bot.id));
        }
      },
      onOrder: (order) => {
        for (const entry of routedOnVenue(key)) {
          if (entry.runtime.owns(order.clientOrderId))
            void entry.runtime.handleOrderUpdate(order).catch(fail(entry.bot.id));
        }
      },
    }),
    onFollow: (accountId, symbol, hub) => {
      let lastSent = -Infinity;
      hub.subscribeTicks(symbol, (tick) => {
        const now = clock.now();
        if (now - lastSent < TICK_INTERVAL_MS) return;
        lastSent = now;
        publish({ type: 'tick', accountId, symbol, time: tick.time, price: tick.price });
      });
    },
    // A rejected key or a CORS refusal: no bot on the venue can trade until the account is fixed.
    onFatal: (key, message) => {
      for (const entry of onVenue(running.values(), key)) fail(entry.bot.id)(new Error(message));
    },
  });

  const detach = (botId: string) => {
    const entry = running.get(botId);
    entry?.unsubscribe();
    // Frees the strategy's resources (a custom strategy's worker) once its last input is done.
    void entry?.runtime.dispose().catch((error: unknown) => report(String(error)));
    running.delete(botId);
  };

  /** Unloads bots whose rows are gone (deleted when a locked vault was erased). */
  const detachRemoved = async () => {
    for (const id of [...running.keys()]) {
      if (await bots.getBotState(id)) continue;
      heldStore?.discard(id);
      detach(id);
      waiting.forget(id);
      risk.forgetBot(id);
    }
  };

  /** A template, or a custom strategy from the database; undefined when neither exists. */
  const findStrategy = async (id: string): Promise<RunnableStrategy | undefined> =>
    deps.strategies.find((each) => each.id === id) ??
    (isCustomStrategyId(id) ? await deps.loadCustomStrategy?.(id) : undefined);

  const markError = async (botId: string, message: string) => {
    detach(botId);
    waiting.forget(botId);
    const bot = await bots.getBotState(botId);
    if (bot && bot.status !== 'error')
      await bots.setBotStatus(botId, 'error', clock.now(), message);
    publish({ type: 'bot', botId, status: 'error', equity: 0, price: 0, time: clock.now() });
  };

  function fail(botId: string) {
    return (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      void markError(botId, message).catch((inner: unknown) => report(String(inner)));
    };
  }

  const attach = async (bot: Bot, mode: RuntimeMode): Promise<RunningBot> => {
    detach(bot.id);
    const account = await venues.open(bot.config.accountId, bot.config.mode);
    const market = account.markets[bot.config.symbol];
    if (!market)
      throw new Error(`Market ${bot.config.symbol} is not available on ${account.name}.`);
    await account.follow(bot.config.symbol);
    const strategyId = bot.config.strategyId;
    const strategy = await findStrategy(strategyId);
    if (!strategy) {
      throw new Error(
        isCustomStrategyId(strategyId)
          ? `Custom strategy "${strategyId}" is not installed (it may have been deleted).`
          : `Template "${strategyId}" is not installed.`,
      );
    }
    let status: BotStatus = mode === 'error' ? 'error' : mode;
    let failure: string | undefined;
    const runtime = createBotRuntime({
      bot,
      strategy,
      market,
      exchange: deps.wrapExchange?.(account.exchange) ?? account.exchange,
      store,
      clock,
      timers: deps.timers,
      onUpdate: (snapshot) => {
        risk.onSnapshot(bot, snapshot);
        status = snapshot.mode === 'error' ? 'error' : snapshot.mode;
        publish({
          type: 'bot',
          botId: bot.id,
          status,
          equity: snapshot.equity,
          price: snapshot.price,
          time: snapshot.time,
        });
      },
      entryGate: risk.gateFor(bot),
      recordPlots: true,
      onError: (message) => {
        failure = message;
        void markError(bot.id, message).catch((error: unknown) => report(String(error)));
      },
    });
    loading.set(bot.id, { bot, runtime });
    try {
      await runtime.init(mode);
    } finally {
      loading.delete(bot.id);
    }
    // The strategy failed while warming up: the bot is in error and is not fed candles.
    if (failure !== undefined) throw new Error(failure);
    const unsubscribeCandles = account.hub.subscribeCandles(
      bot.config.symbol,
      bot.config.timeframe,
      (candle) => {
        void runtime.handleCandle(candle).catch(fail(bot.id));
        publish({ type: 'candle', botId: bot.id, candle });
      },
    );
    // Orders are sized at the price showing when they are placed, as in backtests.
    const unsubscribeTicks = account.hub.subscribeTicks(bot.config.symbol, (tick) =>
      runtime.notePrice(tick.price, tick.time),
    );
    const unsubscribe = () => {
      unsubscribeCandles();
      unsubscribeTicks();
    };
    const entry = { bot, runtime, unsubscribe };
    running.set(bot.id, entry);
    return entry;
  };

  const requireBot = async (id: string): Promise<Bot> => {
    const bot = await bots.getBot(id);
    if (!bot) throw new Error(`Bot "${id}" does not exist.`);
    return bot;
  };

  const unallocated = createCapital({
    accounts,
    bots,
    store,
    openLive: (accountId) => venues.open(accountId, 'live'),
  });

  const checkConfig = createConfigCheck({
    accounts,
    markets: venues.markets,
    findStrategy,
    unallocated,
  });

  const newShortId = async () => {
    const taken = new Set(
      (await bots.listBots({ includeArchived: true })).map((bot) => bot.shortId),
    );
    for (;;) {
      const shortId = makeShortId(deps.random);
      if (!taken.has(shortId)) return shortId;
    }
  };

  const start = async (id: string) => {
    const bot = await requireBot(id);
    if (bot.status === 'running') return;
    if (bot.status === 'paused')
      throw new Error(`${bot.config.name} is paused: resume it instead.`);
    waiting.requireVaultFor(bot);
    const started = { ...bot, ...(await bots.setBotStatus(id, 'running', clock.now())) };
    try {
      await attach(started, 'running');
    } catch (error) {
      await markError(id, error instanceof Error ? error.message : String(error));
      throw error;
    }
  };

  const setPaused = async (id: string, paused: boolean) => {
    const bot = await requireBot(id);
    const from: BotStatus = paused ? 'running' : 'paused';
    if (bot.status !== from) throw new Error(`${bot.config.name} is ${bot.status}, not ${from}.`);
    if (!paused) waiting.requireVaultFor(bot);
    const updated = {
      ...bot,
      ...(await bots.setBotStatus(id, paused ? 'paused' : 'running', clock.now())),
    };
    if (waiting.isWaiting(id) && !running.has(id)) {
      // Still waiting for the vault: it resumes paused, and says so meanwhile.
      await bots.setStatusNote(id, WAITING_FOR_VAULT);
      return;
    }
    const entry =
      running.get(id) ??
      (await attach(updated, updated.status === 'paused' ? 'paused' : 'running'));
    entry.bot = updated;
    await entry.runtime.setMode(paused ? 'paused' : 'running');
  };

  /** Stops a bot's runtime (attaching one if needed); keeps it loaded while orders remain open. */
  const stopRuntime = async (bot: Bot, options: StopOptions) => {
    const entry = running.get(bot.id) ?? (await attach(bot, 'stopped'));
    const before = entry.runtime.snapshot().openOrders;
    await entry.runtime.stop(options);
    entry.unsubscribe();
    const after = entry.runtime.snapshot().openOrders;
    if (after.length === 0) running.delete(bot.id);
    return { before, after };
  };

  const killSwitch = createKillSwitch({
    bots,
    store,
    clock,
    stopRuntime,
    hasOpenOrders: async (botId) => {
      const loaded = running.get(botId);
      return loaded
        ? loaded.runtime.snapshot().openOrders.length > 0
        : (await orders.listOpenOrders(botId)).length > 0;
    },
  });

  const riskCommands = createRiskCommands({
    accounts,
    bots,
    clock,
    monitor: () => risk,
    runtimeOf: (botId) => running.get(botId)?.runtime,
    stopRuntime,
  });
  const risk = createRiskMonitor({
    store: createRiskStore(db),
    botStore: store,
    clock,
    listBots: () => bots.listBots(),
    accountName: async (accountId) => (await accounts.getAccount(accountId))?.name ?? accountId,
    publish,
    act: (trip) => commands.run(() => riskCommands.act(trip)),
    report,
  });

  const createStopped = async (config: BotConfig) => {
    await checkConfig(config);
    const shortId = await newShortId();
    const id = `bot-${shortId}-${clock.now().toString(36)}`;
    await bots.createBot({
      config: { ...config, name: config.name.trim() },
      id,
      shortId,
      now: clock.now(),
    });
    return { id };
  };

  const copies = createBotCopies({
    bots,
    now: () => clock.now(),
    requireBot,
    createStopped,
    unallocated,
    openOrderCount: async (botId) =>
      running.get(botId)?.runtime.snapshot().openOrders.length ??
      (await orders.listOpenOrders(botId)).length,
  });

  const accountSettings = createAccountSettingsCommands({
    accounts,
    bots,
    simStates,
    clock,
    openAccounts: venues.simulated,
    openSimulated: venues.openSimulated,
    peekVenue: venues.peek,
    runtimesOn,
    unallocated,
  });

  const exchangeAccounts = createExchangeAccounts({
    accounts,
    bots,
    vault,
    clock,
    random: deps.random,
    venues,
    exchanges: deps.exchanges,
    hasLoadedBots: (accountId) => runtimesOn(accountId).length > 0,
  });

  const downloads = createCandleDownloads({
    db,
    clock,
    dataPort: venues.dataPort,
    account: async (accountId) => {
      const account = await accounts.getAccount(accountId);
      if (!account) throw new Error(`Account "${accountId}" does not exist.`);
      return { name: account.name, markets: await venues.markets(accountId) };
    },
  });

  const waiting = createLiveWaiting({
    vault,
    bots,
    store,
    clock,
    resume: async (bot, mode) => {
      await attach(bot, mode);
    },
    hasOpenOrders: async (botId) => (await orders.listOpenOrders(botId)).length > 0,
    fail: markError,
    runCommand: (job) => commands.run(job),
    report,
  });

  const vaultCommands = createVaultCommands(vault);
  const host: BotHost = {
    vault,
    ...vaultCommands,
    // Erasing a locked vault deletes the bots it sealed: they are unloaded at once, as one
    // command, so no other command sees a loaded bot whose rows are gone.
    eraseVault: () =>
      commands.run(async () => {
        const result = await vaultCommands.eraseVault();
        if (result.ok) await detachRemoved();
        return result;
      }),

    async boot() {
      await risk.load();
      await accounts.ensureDefaultSimAccount(clock.now());
      await venues.openSimulated(DEFAULT_SIM_ACCOUNT_ID);
      for (const state of await bots.listBotStates()) {
        const isActive = state.status === 'running' || state.status === 'paused';
        const hasOpenOrders = !isActive && (await orders.listOpenOrders(state.id)).length > 0;
        if (!isActive && !hasOpenOrders) continue;
        const mode: RuntimeMode = isActive ? (state.status as RuntimeMode) : 'stopped';
        try {
          const bot = await bots.getBot(state.id).catch((error: unknown) => {
            if (error instanceof ConfigLockedError) return undefined;
            throw error;
          });
          // Its configuration is sealed and the vault locked: it resumes once unlocked.
          if (!bot) await waiting.waitForConfig(state);
          else await waiting.resumeAfterReload(bot, mode);
        } catch (error) {
          await markError(
            state.id,
            `Could not resume: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    },

    async idle() {
      await commands.idle();
      await Promise.all([...running.values()].map((entry) => entry.runtime.idle()));
      // A trip found by the last candles applies its action as a command.
      await risk.idle();
      await commands.idle();
    },

    async exchangeOpenOrders(accountId, mode = 'simulated') {
      return (await venues.open(accountId, mode)).exchange.fetchOpenOrders();
    },

    async shutdown() {
      for (const entry of running.values()) entry.unsubscribe();
      await commands.idle();
      await Promise.all([...running.values()].map((entry) => entry.runtime.idle()));
      for (const id of [...running.keys()]) detach(id);
      await heldStore?.flush();
      await risk.flush();
      await venues.closeAll();
      fanout.flush();
    },

    createBot: (config, options) =>
      attempt(() =>
        commands.run(async () => {
          const { id } = await createStopped(config);
          if (options?.start) await start(id);
          return { id };
        }),
      ),

    duplicateBot: (id) => attempt(() => commands.run(() => copies.duplicate(id))),
    archiveBot: (id) => attempt(() => commands.run(() => copies.archive(id))),
    unarchiveBot: (id) => attempt(() => commands.run(() => copies.unarchive(id))),

    updateBot: (id, config) =>
      attempt(() =>
        commands.run(async () => {
          const bot = await requireBot(id);
          await checkConfig(config, id);
          const changesMarket =
            config.symbol !== bot.config.symbol ||
            config.accountId !== bot.config.accountId ||
            config.mode !== bot.config.mode;
          const hasTraded = (await store.loadLedger(id))?.tradeCount ?? 0;
          if (changesMarket && hasTraded > 0) {
            throw new FieldErrorsError([
              {
                field: 'symbol',
                message: 'A bot that has traded keeps its market and account: clone it instead.',
              },
            ]);
          }
          if (config.allocation !== bot.config.allocation && hasTraded > 0) {
            throw new FieldErrorsError([
              {
                field: 'allocation',
                message: 'The allocation of a bot that has traded cannot change yet.',
              },
            ]);
          }
          const updated = await bots.updateBotConfig(id, config, clock.now());
          const entry = running.get(id);
          // Takes effect at the next candle: the runtime restarts from the persisted ledger.
          if (entry) await attach(updated, updated.status === 'paused' ? 'paused' : 'running');
          return { version: updated.configVersion };
        }),
      ),

    startBot: (id) => attempt(() => commands.run(() => start(id)).then(() => undefined)),
    pauseBot: (id) => attempt(() => commands.run(() => setPaused(id, true)).then(() => undefined)),
    resumeBot: (id) =>
      attempt(() => commands.run(() => setPaused(id, false)).then(() => undefined)),

    stopBot: (id, options) =>
      attempt(() =>
        commands.run(async () => {
          if (waiting.isWaiting(id) && !vault.isUnlocked()) {
            const state = await bots.getBotState(id);
            if (!state) throw new Error(`Bot "${id}" does not exist.`);
            await waiting.stopWaiting(state, options);
            return undefined;
          }
          const bot = await requireBot(id);
          await stopRuntime(bot, options);
          if (bot.status !== 'stopped') await bots.setBotStatus(id, 'stopped', clock.now());
          return undefined;
        }),
      ),

    killSwitch: (options) => attempt(() => commands.run(() => killSwitch(options))),

    deleteBot: (id) =>
      attempt(() =>
        commands.run(async () => {
          const bot = await requireBot(id);
          if (bot.status === 'running' || bot.status === 'paused') {
            throw new Error(`Stop ${bot.config.name} before deleting it.`);
          }
          const entry = running.get(id);
          if (entry) await entry.runtime.stop({ cancelOrders: true, closePosition: false });
          detach(id);
          waiting.forget(id);
          // Its last equity points and state must not be written after its rows are gone.
          heldStore?.discard(id);
          await bots.deleteBot(id, clock.now());
          risk.forgetBot(id);
          return undefined;
        }),
      ),

    cancelOrder: (botId, clientOrderId) =>
      attempt(() =>
        commands.run(async () => {
          const entry = running.get(botId) ?? (await attach(await requireBot(botId), 'stopped'));
          await entry.runtime.cancelOrder(clientOrderId);
          return undefined;
        }),
      ),

    getCandles: (botId, limit = 300) =>
      attempt(async () => {
        const bot = await requireBot(botId);
        const source = await venues.dataPort(bot.config.accountId);
        return source.fetchOHLCV(bot.config.symbol, bot.config.timeframe, undefined, limit);
      }),

    listMarkets: (accountId) => attempt(() => exchangeAccounts.markets(accountId)),
    listAccounts: () => attempt(() => exchangeAccounts.list()),
    addExchangeAccount: (input) => attempt(() => commands.run(() => exchangeAccounts.add(input))),
    updateExchangeAccount: (id, input) =>
      attempt(() => commands.run(() => exchangeAccounts.update(id, input))),
    deleteExchangeAccount: (id) => attempt(() => commands.run(() => exchangeAccounts.remove(id))),
    testExchangeConnection: (target) => attempt(() => exchangeAccounts.test(target)),

    // Not on the command queue: a long download must not hold up bot commands.
    downloadCandles: (request, onProgress) =>
      attempt(() => downloads.download(request, onProgress)),
    cancelDownload: (downloadId) =>
      attempt(async () => ({ cancelled: downloads.cancel(downloadId) })),

    getSimulatedAccount: (accountId) => attempt(() => accountSettings.get(accountId)),
    updateSimulatedAccount: (settings) =>
      attempt(() => commands.run(() => accountSettings.update(settings))),
    listBalances: () => attempt(() => accountSettings.balances()),
    getRiskSettings: () => attempt(() => riskCommands.get()),
    updateRiskSettings: (settings) =>
      attempt(() => commands.run(() => riskCommands.update(settings))),
    listRiskTrips: () => attempt(() => riskCommands.list()),
    resetRiskTrip: (tripId) => attempt(() => commands.run(() => riskCommands.reset(tripId))),

    listBots: () =>
      attempt(async () =>
        (await bots.listBots()).map((bot) => {
          const entry = running.get(bot.id);
          const snapshot = entry?.runtime.snapshot();
          return {
            bot,
            isLoaded: entry !== undefined,
            equity: snapshot?.equity,
            price: snapshot?.price,
            openOrders: snapshot?.openOrders.length ?? 0,
          };
        }),
      ),

    subscribe: async (listener) => fanout.subscribe(listener),
    unsubscribe: async (subscriptionId) => fanout.unsubscribe(subscriptionId),

    configKey: () => attempt(async () => (vault.isUnlocked() ? vault.configKey() : undefined)),

    async getStatus() {
      const account = await venues.simulated.get(DEFAULT_SIM_ACCOUNT_ID)?.catch(() => undefined);
      const active = [...running.values()].filter(
        (entry) => entry.runtime.snapshot().mode === 'running',
      );
      return { marketTime: account?.exchange.getMarketTime(), runningBots: active.length };
    },
  };
  // Auto-lock counts user commands (not reads) as activity.
  return withVaultActivity(host, vault);
}
