/**
 * The one typed engine API the bot-host worker exposes (Comlink in the leader tab; a
 * BroadcastChannel RPC for the other tabs), and the live events it streams to every tab.
 * Everything here is structured-clone friendly.
 */
import type { Bot, BotConfig, BotStatus } from '../core/bot/types';
import type { Candle } from '../core/market/candle';
import type { Market } from '../core/market/types';
import type { RiskSettings, RiskTrip } from './riskSettings';

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
  currency: string;
  total: number;
  free: number;
  /** Sum of the allocations of this account's bots in this currency. */
  allocated: number;
  /** What new bots may still be given: the starting balance less every bot's allocation. */
  unallocated: number;
}

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
  listMarkets(accountId: string): Promise<CommandResult<Market[]>>;
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
  /** Deletes the vault and every stored key (forgotten passphrase: no recovery). */
  eraseVault(): Promise<CommandResult>;
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
