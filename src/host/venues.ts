/**
 * Opens accounts by kind and keeps them open, one venue per account and mode, shared by every
 * bot on it: the simulated account (the built-in simulator), an exchange account's live venue
 * (a ccxt client with the API keys decrypted from the vault inside this worker) and its paper
 * venue (a paper exchange whose prices come from a key-less client of the same exchange; its
 * state persisted, coalesced, like the simulator's). Also each exchange account's markets,
 * loaded once from that key-less client.
 */
import type { BotMode } from '../core/bot/types';
import type { ExchangePort } from '../core/exchangePort';
import type { Candle } from '../core/market/candle';
import type { Market } from '../core/market/types';
import type { Clock, Timers } from '../core/time';
import type {
  AccountsRepository,
  ExchangeConnectionAccount,
  PaperStateRepository,
  SimStateRepository,
} from '../db';
import type { CcxtConnectionConfig } from '../exchange/ccxt/types';
import { createMarketHub, type MarketHub } from '../exchange/marketHub';
import type { Vault } from '../vault';
import { createCoalescingWriter } from './coalescingWriter';
import type { ConnectedExchange, ExchangeFactories } from './exchangeDeps';
import { guardExchange } from './exchangeGuard';
import { openSimulatedAccount, type OpenAccount } from './simulatedAccount';
import { venueKey, type AccountRouter, type Venue } from './venue';

export interface VenuesDeps {
  accounts: AccountsRepository;
  simStates: SimStateRepository;
  paperStates: PaperStateRepository;
  clock: Clock;
  timers: Timers;
  vault: Vault;
  exchanges?: ExchangeFactories;
  loadSamples: () => Promise<Record<string, Candle[]>>;
  liquidityShare?: number;
  report: (message: string) => void;
  /** Routes a venue's fills and order updates to the bots on it. */
  routerFor: (key: string) => AccountRouter;
  /** A venue follows a symbol (forward its ticks). */
  onFollow: (accountId: string, symbol: string, hub: MarketHub) => void;
  /** A fatal failure (API key rejected, CORS) on a venue: its bots cannot trade. */
  onFatal: (key: string, message: string) => void;
}

/** Thrown when a live venue is needed while the vault is locked. */
export class VaultLockedForLiveError extends Error {
  override name = 'VaultLockedForLiveError';
  constructor(accountName: string) {
    super(
      `Unlock the vault to trade live on ${accountName}: its API keys are sealed in the vault.`,
    );
  }
}

export function connectionConfig(
  account: ExchangeConnectionAccount,
  credentials?: Record<string, string>,
): CcxtConnectionConfig {
  return {
    exchangeId: account.exchange,
    sandbox: account.sandbox,
    ...(account.proxyUrl === undefined ? {} : { proxyUrl: account.proxyUrl }),
    ...(account.apiUrl === undefined ? {} : { apiUrl: account.apiUrl }),
    ...(credentials === undefined ? {} : { credentials }),
  };
}

/** Caches a promise per key, forgetting it when it fails so the next call tries again. */
function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let promise = map.get(key);
  if (!promise) {
    promise = make();
    map.set(key, promise);
    const stored = promise;
    promise.catch(() => {
      if (map.get(key) === stored) map.delete(key);
    });
  }
  return promise;
}

export function createVenues(deps: VenuesDeps) {
  const { accounts, clock, timers } = deps;
  /** Simulated accounts by account id (accountSettings rebuilds them on new settings). */
  const simulated = new Map<string, Promise<OpenAccount>>();
  /** Paper and live venues by venue key. */
  const exchangeVenues = new Map<string, Promise<Venue>>();
  /** Key-less clients (markets, paper prices) by account id. */
  const publicClients = new Map<string, Promise<ConnectedExchange>>();
  const marketCache = new Map<string, Promise<Record<string, Market>>>();
  let samples: Promise<Record<string, Candle[]>> | undefined;

  const factories = (): ExchangeFactories => {
    if (!deps.exchanges) throw new Error('Exchange accounts are not available in this build.');
    return deps.exchanges;
  };

  const requireExchangeAccount = async (accountId: string) => {
    const account = await accounts.getAccount(accountId);
    if (!account) throw new Error(`Account "${accountId}" does not exist.`);
    if (account.kind !== 'exchange') throw new Error(`${account.name} is not an exchange account.`);
    return account;
  };

  const openSimulated = (accountId: string): Promise<OpenAccount> =>
    cached(simulated, accountId, async () => {
      const settings = await accounts.getAccount(accountId);
      if (!settings) throw new Error(`Account "${accountId}" does not exist.`);
      if (settings.kind !== 'simulated') throw new Error(`${settings.name} is not simulated.`);
      samples ??= deps.loadSamples();
      return openSimulatedAccount(settings, {
        samples: await samples,
        clock,
        timers,
        simStates: deps.simStates,
        liquidityShare: deps.liquidityShare,
        reportError: deps.report,
        router: deps.routerFor(accountId),
        onFollow: (symbol, hub) => deps.onFollow(accountId, symbol, hub),
      });
    });

  const publicClient = (account: ExchangeConnectionAccount) =>
    cached(publicClients, account.id, () => factories().openLive(connectionConfig(account)));

  /** Routing, hub and following shared by paper and live venues. */
  const assemble = async (
    account: ExchangeConnectionAccount,
    mode: 'paper' | 'live',
    port: ExchangePort,
    extra: { tradingPath?: Venue['tradingPath']; track?: (symbols: string[]) => Promise<void> },
    closePort: () => Promise<void>,
  ): Promise<Venue> => {
    const key = venueKey(account.id, mode);
    const router = deps.routerFor(key);
    const unsubscribeTrades = port.watchMyTrades((trade) => router.onTrade(trade));
    const unsubscribeOrders = port.watchOrders((order) => router.onOrder(order));
    const guarded = guardExchange(port, {
      timers,
      accountName: account.name,
      onFatal: (message) => deps.onFatal(key, message),
    });
    const markets = await guarded.loadMarkets();
    const hub = createMarketHub(port);
    const followed = new Set<string>();
    return {
      key,
      accountId: account.id,
      mode,
      name: account.name,
      exchange: guarded,
      hub,
      markets,
      ...(extra.tradingPath === undefined ? {} : { tradingPath: extra.tradingPath }),
      async follow(symbol) {
        if (followed.has(symbol)) return;
        followed.add(symbol);
        await extra.track?.([...followed]);
        deps.onFollow(account.id, symbol, hub);
      },
      async close() {
        unsubscribeTrades();
        unsubscribeOrders();
        await closePort();
      },
    };
  };

  const openLive = async (account: ExchangeConnectionAccount): Promise<Venue> => {
    if (!account.credentialsSecretId) {
      throw new Error(
        `${account.name} has no API keys: add them on the Accounts page to trade live.`,
      );
    }
    if (!deps.vault.isUnlocked()) throw new VaultLockedForLiveError(account.name);
    let credentials: Record<string, string>;
    try {
      credentials = await deps.vault.getSecret(account.credentialsSecretId);
    } catch (error) {
      if (!deps.vault.isUnlocked()) throw new VaultLockedForLiveError(account.name);
      throw new Error(
        `The API keys of ${account.name} are not in the vault (${error instanceof Error ? error.message : String(error)}): enter them again on the Accounts page.`,
      );
    }
    const client = await factories().openLive(connectionConfig(account, credentials));
    return assemble(account, 'live', client, { tradingPath: client.tradingPath }, () =>
      client.close(),
    );
  };

  const openPaper = async (account: ExchangeConnectionAccount): Promise<Venue> => {
    const source = await publicClient(account);
    const saved = await deps.paperStates.loadPaperState(account.id);
    const writer = createCoalescingWriter<unknown>(
      (state) => deps.paperStates.savePaperState(account.id, state, clock.now()),
      (error) => deps.report(`Could not save the paper account: ${String(error)}`),
    );
    const paper = factories().openPaper({
      source,
      clock,
      timers,
      balances: account.paper.startingBalances,
      makerFee: account.paper.makerFee,
      takerFee: account.paper.takerFee,
      slippageBps: account.paper.slippageBps,
      ...(saved === undefined ? {} : { state: saved }),
      onStateChange: (state) => writer.write(state),
    });
    return assemble(account, 'paper', paper, { track: (symbols) => paper.start(symbols) }, () => {
      paper.stop();
      return writer.flush();
    });
  };

  /** Closes every venue and client of an account and forgets its markets. */
  const closeAccount = async (accountId: string): Promise<void> => {
    const pending: Promise<{ close(): Promise<void> }>[] = [];
    const take = <T>(map: Map<string, Promise<T>>, key: string) => {
      const entry = map.get(key);
      map.delete(key);
      if (entry) pending.push(entry as Promise<{ close(): Promise<void> }>);
    };
    take(simulated, accountId);
    take(exchangeVenues, venueKey(accountId, 'paper'));
    take(exchangeVenues, venueKey(accountId, 'live'));
    take(publicClients, accountId);
    marketCache.delete(accountId);
    for (const entry of pending) {
      await entry.then(
        (opened) => opened.close(),
        () => undefined,
      );
    }
  };

  return {
    /** Simulated venues by account id, for the simulated account's settings commands. */
    simulated,

    /** The venue of `mode` on `accountId`, opened on first use. */
    async open(accountId: string, mode: BotMode): Promise<Venue> {
      if (mode === 'simulated') return openSimulated(accountId);
      const account = await requireExchangeAccount(accountId);
      return cached(exchangeVenues, venueKey(accountId, mode), () =>
        mode === 'live' ? openLive(account) : openPaper(account),
      );
    },

    openSimulated,

    /** Where an account's candles come from: the simulator, or the exchange's key-less client. */
    async dataPort(accountId: string): Promise<ExchangePort> {
      const account = await accounts.getAccount(accountId);
      if (!account) throw new Error(`Account "${accountId}" does not exist.`);
      if (account.kind === 'simulated') return (await openSimulated(accountId)).exchange;
      return publicClient(account);
    },

    /** The venue if it is open or opening (no new connection). */
    peek(key: string): Promise<Venue> | undefined {
      return simulated.get(key) ?? exchangeVenues.get(key);
    },

    /** The account's markets: the simulator's, or the exchange's (cached per account). */
    async markets(accountId: string): Promise<Record<string, Market>> {
      const account = await accounts.getAccount(accountId);
      if (!account) throw new Error(`Account "${accountId}" does not exist.`);
      if (account.kind === 'simulated') return (await openSimulated(accountId)).markets;
      return cached(marketCache, accountId, async () =>
        (await publicClient(account)).loadMarkets(),
      );
    },

    closeAccount,

    async closeAll(): Promise<void> {
      const ids = new Set([
        ...simulated.keys(),
        ...publicClients.keys(),
        ...[...exchangeVenues.keys()].map((key) => key.replace(/:(paper|live)$/, '')),
      ]);
      for (const id of ids) await closeAccount(id);
    },
  };
}

export type Venues = ReturnType<typeof createVenues>;
