/**
 * The one typed engine API the bot-host worker exposes (Comlink in the leader tab; a
 * BroadcastChannel RPC for the other tabs), and the live events it streams to every tab.
 * Everything here is structured-clone friendly.
 */
import type { Bot, BotConfig, BotMode, BotStatus } from '../core/bot/types';
import type { Candle } from '../core/market/candle';
import type { Market } from '../core/market/types';
import type { ConnectionReport, TradingPath } from '../exchange/ccxt/types';
import type { DownloadProgress, DownloadRequest, DownloadResult } from './candleDownload';
import type { RiskSettings, RiskTrip } from './riskSettings';

export type { DownloadProgress, DownloadRequest, DownloadResult } from './candleDownload';

export interface FieldError {
  /** The field's key, e.g. "params.fast", "allocation", "name". */
  field: string;
  message: string;
}

export type CommandResult<T = undefined> =
  { ok: true; value: T } | { ok: false; error: string; fieldErrors?: FieldError[] };

export interface StopOptions {
  cancelOrders: boolean;
  closePosition: boolean;
}

export interface KillSwitchOptions {
  /** Also sell every bot's position at market (the sells fill at the next candle). */
  closePositions: boolean;
}

export interface KillSwitchReport {
  /** Bots moved to stopped (from running, paused or error). */
  stopped: number;
  canceledOrders: number;
  /** Bots whose position a market sell was placed to close. */
  closedPositions: number;
  /** Bots the kill switch could not fully handle; the others were handled regardless. */
  failures: { botId: string; error: string }[];
}

export interface SimulatedAccountSettings {
  id: string;
  name: string;
  /** Replay speed: 1 = real time, 600 = ten market minutes per second. */
  speed: number;
  startingBalances: Record<string, number>;
  makerFee: number;
  takerFee: number;
  slippageBps: number;
}

export interface AccountBalanceView {
  accountId: string;
  /** On exchange accounts: the paper (pretend) or the live (real) balance. */
  mode?: 'paper' | 'live';
  currency: string;
  total: number;
  free: number;
  /** Sum of the allocations of this account's bots in this currency. */
  allocated: number;
  /** What new bots may still be given: the starting balance less every bot's allocation. */
  unallocated: number;
}

/** Paper-trading settings of an exchange account. */
export interface PaperSettingsView {
  startingBalances: Record<string, number>;
  makerFee: number;
  takerFee: number;
  slippageBps: number;
}

/**
 * An exchange account as entered in the Accounts form. `credentials` (apiKey, secret, …, as
 * the exchange requires) travel to the worker once, are sealed in the vault and never come
 * back; on update, leaving them out keeps the stored ones.
 */
export interface ExchangeAccountInput {
  name: string;
  /** ccxt id from the catalogue, e.g. "binance". */
  exchange: string;
  sandbox: boolean;
  proxyUrl?: string;
  apiUrl?: string;
  credentials?: Record<string, string>;
  paper?: PaperSettingsView;
}

/** An account as lists show it: never a secret, only a masked hint of the API key. */
export interface AccountView {
  id: string;
  name: string;
  kind: 'simulated' | 'exchange';
  /** ccxt id, or "simulated". */
  exchange: string;
  /** The exchange's display name ("Binance"). */
  exchangeName: string;
  sandbox: boolean;
  proxyUrl?: string;
  apiUrl?: string;
  /** Modes a bot on this account may run in. */
  modes: BotMode[];
  hasCredentials: boolean;
  /** "••••WXYZ" (the API key's last 4 characters) or empty. */
  credentialsHint: string;
  paper?: PaperSettingsView;
  /** Bots (archived ones included) that use the account. */
  botCount: number;
  /** Set once a live client is open: how orders travel from the browser. */
  tradingPath?: TradingPath;
  createdAt: number;
}

/** What "Test connection" checks: a form's values, or a saved account (with its stored keys). */
export type ConnectionTarget = { input: ExchangeAccountInput } | { accountId: string };

export interface HostStatus {
  /** The market time of the default simulated account (UTC ms). */
  marketTime?: number;
  runningBots: number;
}

/** A bot as the host sees it now: its document plus live figures when it is loaded. */
export interface BotSummary {
  bot: Bot;
  /** Whether a runtime is loaded for it in the host (running, paused, or finishing orders). */
  isLoaded: boolean;
  equity?: number;
  price?: number;
  openOrders: number;
}

export interface VaultStatusView {
  state: 'none' | 'locked' | 'unlocked';
  autoLockMinutes: number;
  /** While wrong passphrases are being slowed down: when the next attempt is checked (UTC ms). */
  retryAt?: number;
}

/** A stored secret as lists show it: never the secret itself. */
export interface VaultSecretView {
  id: string;
  kind: string;
  /** A masked hint such as "••••3f9a", or empty. */
  hint: string;
  updatedAt: number;
}

export interface EngineApi {
  listBots(): Promise<CommandResult<BotSummary[]>>;
  createBot(
    config: BotConfig,
    options?: { start?: boolean },
  ): Promise<CommandResult<{ id: string }>>;
  updateBot(id: string, config: BotConfig): Promise<CommandResult<{ version: number }>>;
  startBot(id: string): Promise<CommandResult>;
  pauseBot(id: string): Promise<CommandResult>;
  resumeBot(id: string): Promise<CommandResult>;
  stopBot(id: string, options: StopOptions): Promise<CommandResult>;
  deleteBot(id: string): Promise<CommandResult>;
  /** Creates a stopped copy "<name> (copy)" with the same config; refused when over-allocated. */
  duplicateBot(id: string): Promise<CommandResult<{ id: string }>>;
  /** Archives a stopped bot with no open orders (hidden from the list, allocation freed). */
  archiveBot(id: string): Promise<CommandResult>;
  /** Brings an archived bot back as stopped; refused when its allocation no longer fits. */
  unarchiveBot(id: string): Promise<CommandResult>;
  /**
   * The global kill switch, as one command: every bot that is running, paused, in error or
   * still has open orders cancels all its open orders (optionally closes its position at
   * market) and is stopped, with a "kill_switch" event each. One bot's failure does not stop
   * the others; it is reported in `failures`.
   */
  killSwitch(options: KillSwitchOptions): Promise<CommandResult<KillSwitchReport>>;
  cancelOrder(botId: string, clientOrderId: string): Promise<CommandResult>;
  /** Recent closed candles of the bot's market and timeframe, for its chart (oldest first). */
  getCandles(botId: string, limit?: number): Promise<CommandResult<Candle[]>>;
  /** The account's markets (an exchange account's come from its exchange, cached). */
  listMarkets(accountId: string): Promise<CommandResult<Market[]>>;
  /** Every account (simulated and exchange), oldest first; never secrets. */
  listAccounts(): Promise<CommandResult<AccountView[]>>;
  /**
   * Adds an exchange account; its credentials go to the vault (which must be unlocked) as
   * secret "account:<id>". Bad input → field errors ("name", "proxyUrl", "credentials.secret").
   */
  addExchangeAccount(input: ExchangeAccountInput): Promise<CommandResult<{ id: string }>>;
  /** Changes an exchange account; connection changes are refused while its bots run. */
  updateExchangeAccount(id: string, input: ExchangeAccountInput): Promise<CommandResult>;
  /** Deletes an exchange account and its stored keys; refused while bots use it. */
  deleteExchangeAccount(id: string): Promise<CommandResult>;
  /** Loads markets and the balance inside the worker and reports what works or what to fix. */
  testExchangeConnection(target: ConnectionTarget): Promise<CommandResult<ConnectionReport>>;
  /**
   * Downloads candles of one market from an account (public data: no API keys or vault
   * needed) and saves them as a dataset, all or nothing. Bad input → field errors ("symbol",
   * "timeframe", "since", "until", "name"). `onProgress` (a Comlink proxy; dropped across
   * tabs) hears the candles fetched so far.
   */
  downloadCandles(
    request: DownloadRequest,
    onProgress?: (progress: DownloadProgress) => void,
  ): Promise<CommandResult<DownloadResult>>;
  /** Stops a running download; it saves nothing. */
  cancelDownload(downloadId: string): Promise<CommandResult<{ cancelled: boolean }>>;
  getSimulatedAccount(accountId: string): Promise<CommandResult<SimulatedAccountSettings>>;
  updateSimulatedAccount(settings: SimulatedAccountSettings): Promise<CommandResult>;
  listBalances(): Promise<CommandResult<AccountBalanceView[]>>;
  /** Account and portfolio circuit breakers (src/host/riskSettings.ts) and what a trip does. */
  getRiskSettings(): Promise<CommandResult<RiskSettings>>;
  /** Validates every field ("portfolio.maxDrawdownPercent"…); nothing is saved on error. */
  updateRiskSettings(settings: RiskSettings): Promise<CommandResult>;
  /** Latched circuit-breaker trips, until the user resets them. */
  listRiskTrips(): Promise<CommandResult<RiskTrip[]>>;
  /** Clears a trip: its breakers start afresh and new entries are allowed again. */
  resetRiskTrip(tripId: string): Promise<CommandResult>;
  getStatus(): Promise<HostStatus>;
  // The vault (src/vault, docs/vault.md). Passphrases travel UI → worker once per call and are
  // never stored or sent back; decrypted secrets never leave the worker (no getSecret here).
  vaultStatus(): Promise<CommandResult<VaultStatusView>>;
  /** Creates the vault (passphrase strength and confirmation checked) and unlocks it. */
  setupVault(passphrase: string, confirmation: string): Promise<CommandResult>;
  /** "Wrong passphrase" (field "passphrase"); repeated failures must wait longer each time. */
  unlockVault(passphrase: string): Promise<CommandResult>;
  lockVault(): Promise<CommandResult>;
  /** Re-encrypts everything under the new passphrase, all or nothing; leaves it unlocked. */
  changeVaultPassphrase(
    current: string,
    next: string,
    confirmation: string,
  ): Promise<CommandResult>;
  setVaultAutoLock(minutes: number): Promise<CommandResult>;
  /** Encrypts and stores credentials (e.g. an exchange account's API key and secret). */
  putVaultSecret(
    id: string,
    credentials: Record<string, string>,
  ): Promise<CommandResult<VaultSecretView>>;
  listVaultSecrets(): Promise<CommandResult<VaultSecretView[]>>;
  deleteVaultSecret(id: string): Promise<CommandResult>;
  /**
   * Deletes the vault and every stored key (forgotten passphrase: no recovery). Bot
   * configurations it sealed are opened back to clear when it is unlocked; when it is locked
   * they cannot be, and those bots are deleted with their data.
   */
  eraseVault(): Promise<CommandResult>;
  /**
   * The key that seals bot configurations, while the vault is unlocked (undefined otherwise):
   * a non-extractable CryptoKey, so tabs can decrypt configs to show them but never read the
   * key's bytes. Exchange credentials never leave the worker.
   */
  configKey(): Promise<CommandResult<CryptoKey | undefined>>;
  /**
   * Live events for the tab that started the worker (over Comlink, with a proxied listener),
   * in batches at most every LIVE_BATCH_MS (src/host/liveBatcher.ts: only the newest tick per
   * symbol and snapshot per bot of a batch are kept); other tabs receive the same batches on
   * LIVE_CHANNEL. Resolves to a subscription id.
   */
  subscribe(listener: (events: readonly LiveEvent[]) => void): Promise<string>;
  unsubscribe(subscriptionId: string): Promise<void>;
}

/** Streamed to every tab (in batches) over BroadcastChannel(LIVE_CHANNEL); never persisted. */
export type LiveEvent =
  | { type: 'tick'; accountId: string; symbol: string; time: number; price: number }
  | { type: 'candle'; botId: string; candle: Candle }
  | { type: 'bot'; botId: string; status: BotStatus; equity: number; price: number; time: number }
  | { type: 'host'; leader: true; marketTime?: number }
  | { type: 'risk'; trip: RiskTrip }
  | { type: 'vault'; state: VaultStatusView['state']; reason: string };

export const LIVE_CHANNEL = 'flotilla-live';
export const RPC_CHANNEL = 'flotilla-rpc';
/** Held by the tab that hosts the bot worker. */
export const LEADER_LOCK = 'flotilla-leader';
/** Held by the worker while it may trade: a new host waits until the old one is gone. */
export const WRITER_LOCK = 'flotilla-bot-writer';
export const DEFAULT_SIM_ACCOUNT_ID = 'sim-default';
