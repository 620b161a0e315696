/**
 * The Flotilla IndexedDB database (Dexie 4): typed tables and the persisted row shapes.
 * The schema itself lives in migrations.ts as an ordered history; the constructor replays it,
 * so opening an old database upgrades it in place. Only the leader tab's worker writes bot
 * state, orders and fills (DESIGN.md, "One writer"); every tab may read, e.g. via liveQuery.
 */
import { Dexie, type Table } from 'dexie';
import type { Bot, BotConfig, BotEvent, EquityPoint } from '../core/bot/types';
import type { BotRuntimeState } from '../core/engine/store';
import type { OrderRecord } from '../core/orders/journal';
import type { Fill, Ledger } from '../core/portfolio/types';
import type { Timeframe } from '../core/market/timeframe';
import type { ParamSpecs, RawParams, StrategyCategory } from '../core/strategy/types';
import type { TimestampMs } from '../core/time';
import { isRedaction } from './eventRedaction';
import { declareMigrations, MIGRATIONS } from './migrations';

/** Every version of a bot's configuration ever saved (key [botId+version]), decoded. */
export interface BotConfigRecord {
  botId: string;
  version: number;
  config: BotConfig;
  savedAt: TimestampMs;
}

/** A value sealed by the vault's config key (AES-GCM envelope, base64); opaque here. */
export interface SealedValue {
  v: number;
  iv: string;
  data: string;
}

/**
 * A config as stored (src/db/configCodec.ts): in clear before a vault exists, sealed after.
 * Exactly one of the two fields is set.
 */
interface StoredConfigFields {
  config?: BotConfig;
  sealedConfig?: SealedValue;
}

/** A bot's clear fields: everything but its config (readable while the vault is locked). */
export type BotState = Omit<Bot, 'config'>;

/** A row of `bots`: the clear bookkeeping fields of a Bot and its stored config. */
export type StoredBot = Omit<Bot, 'config'> & StoredConfigFields;

/** A row of `botConfigs`: one saved version, its config stored like the bot's. */
export type StoredBotConfig = Omit<BotConfigRecord, 'config'> & StoredConfigFields;

/** A fill attributed to a bot on an account (key [accountId+tradeId]). */
export interface FillRow extends Fill {
  accountId: string;
  botId: string;
  /** Config version of the order that produced it; backfilled by migration v2. */
  configVersion?: number;
  /** The bot's ledger tradeCount after this fill: orders fills of the same time. */
  seq?: number;
}

export interface LedgerRow {
  botId: string;
  ledger: Ledger;
  updatedAt: TimestampMs;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A built-in simulated exchange account. */
export interface SimulatedAccount {
  kind: 'simulated';
  id: string;
  name: string;
  exchange: 'simulated';
  /** Replay speed as a multiple of real time. */
  speed: number;
  startingBalances: Record<string, number>;
  makerFee: number;
  takerFee: number;
  slippageBps: number;
  createdAt: TimestampMs;
}

/** How paper bots on an exchange account trade: pretend balances and fees on real prices. */
export interface PaperSettings {
  startingBalances: Record<string, number>;
  makerFee: number;
  takerFee: number;
  slippageBps: number;
}

/**
 * A real exchange reached through ccxt in the worker. Its API keys are never stored here: they
 * are sealed in the vault under `credentialsSecretId` ("account:<id>"). Bots on it run in paper
 * mode (real prices, simulated fills with `paper`) or live mode (real orders).
 */
export interface ExchangeConnectionAccount {
  kind: 'exchange';
  id: string;
  name: string;
  /** The ccxt exchange id, e.g. "binance". */
  exchange: string;
  /** The exchange's testnet (ccxt setSandboxMode). */
  sandbox: boolean;
  /** The user's own CORS proxy (ccxt proxyUrl), an http(s) URL. */
  proxyUrl?: string;
  /** Base URL of a Binance-compatible local test exchange, an http(s) URL. */
  apiUrl?: string;
  /** The vault secret holding the API keys; absent = public data only (paper trading). */
  credentialsSecretId?: string;
  paper: PaperSettings;
  createdAt: TimestampMs;
}

/** Every kind of account, tagged by `kind`. */
export type ExchangeAccount = SimulatedAccount | ExchangeConnectionAccount;

/** The paper exchange's own JSON state (balances, open orders, fills) for one account. */
export interface PaperStateRow {
  accountId: string;
  state: unknown;
  updatedAt: TimestampMs;
}

/** The simulator's own JSON state for one account. */
export interface SimStateRow {
  accountId: string;
  state: unknown;
}

/** A form draft (e.g. the bot-creation form) that must survive reloads. */
export interface DraftRow {
  id: string;
  value: unknown;
  updatedAt: TimestampMs;
}

/** A named set of parameter values for one strategy template. */
export interface PresetRow {
  id: string;
  strategyId: string;
  name: string;
  params: RawParams;
  createdAt: TimestampMs;
  updatedAt: TimestampMs;
}

/**
 * A user's own strategy module (ES module source written against the SDK) with the metadata
 * read from it when it was validated. It only ever runs inside a worker.
 */
export interface CustomStrategyRow {
  /** The strategy id declared by the module (prefixed "custom-"). */
  id: string;
  name: string;
  description: string;
  category: StrategyCategory;
  timeframe: Timeframe;
  /** The parameter spec, as declared (JSON). */
  params: ParamSpecs;
  source: string;
  addedAt: TimestampMs;
}

/** An imported set of candles (the candles themselves are in `candleChunks`). */
export interface CandleDatasetRow {
  id: string;
  name: string;
  /** Where the candles came from: "file", or an exchange id once downloads exist. */
  source: string;
  /** The file name or exchange the candles came from, for display. */
  origin: string;
  /** Unified symbol, e.g. "BTC/USDT". */
  symbol: string;
  /** "1m", "1h", "1d"… as inferred from the spacing of the candles. */
  timeframe: string;
  timeframeMs: number;
  firstTime: TimestampMs;
  lastTime: TimestampMs;
  count: number;
  importedAt: TimestampMs;
}

/**
 * Up to CHUNK_SIZE candles of one dataset as one Float64Array of six columns one after the
 * other (time, open, high, low, close, volume): ~48 bytes a candle and one IndexedDB value
 * per 10,000 candles, so a million candles store and load in about a hundred reads.
 */
export interface CandleChunkRow {
  datasetId: string;
  index: number;
  count: number;
  firstTime: TimestampMs;
  lastTime: TimestampMs;
  columns: Float64Array;
}

/** A saved backtest run (src/db/backtestRunsRepository.ts); shapes defined by src/backtest. */
export interface SavedBacktestRun<Config = unknown, Report = unknown> {
  id: string;
  name: string;
  strategyId: string;
  savedAt: TimestampMs;
  config: Config;
  report: Report;
}

/** A vault record (header, throttle): public parameters, counters and ciphertext only. */
export interface VaultRecordRow {
  key: string;
  value: unknown;
}

/** A secret sealed by the vault: ciphertext plus a masked hint; opaque to this layer. */
export interface VaultSecretRow {
  id: string;
  kind: string;
  hint: string;
  envelope: { v: number; iv: string; data: string };
  updatedAt: TimestampMs;
}

/** IndexedDB implementation to use instead of the global one (fake-indexeddb in tests). */
export interface DbDependencies {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class FlotillaDb extends Dexie {
  // `declare`: Dexie assigns the tables while declaring versions; a class field would reset them.
  declare bots: Table<StoredBot, string>;
  declare botConfigs: Table<StoredBotConfig, [string, number]>;
  declare orders: Table<OrderRecord, string>;
  declare fills: Table<FillRow, [string, string]>;
  declare ledgers: Table<LedgerRow, string>;
  declare equity: Table<EquityPoint, [string, number]>;
  declare events: Table<BotEvent, number>;
  declare runtime: Table<BotRuntimeState, string>;
  declare settings: Table<SettingRow, string>;
  declare accounts: Table<ExchangeAccount, string>;
  declare simState: Table<SimStateRow, string>;
  declare paperState: Table<PaperStateRow, string>;
  declare drafts: Table<DraftRow, string>;
  declare presets: Table<PresetRow, string>;
  declare customStrategies: Table<CustomStrategyRow, string>;
  declare candleDatasets: Table<CandleDatasetRow, string>;
  declare candleChunks: Table<CandleChunkRow, [string, number]>;
  declare backtestRuns: Table<SavedBacktestRun, string>;
  declare vault: Table<VaultRecordRow, string>;
  declare vaultSecrets: Table<VaultSecretRow, string>;

  constructor(name = 'flotilla', dependencies?: DbDependencies) {
    super(
      name,
      dependencies && {
        indexedDB: dependencies.indexedDB,
        IDBKeyRange: dependencies.IDBKeyRange,
      },
    );
    declareMigrations(this, MIGRATIONS);
    // The event log is an audit trail: rows are only ever added, even by code in this folder
    // (the one exception: redacting config details once configs are sealed, eventRedaction.ts).
    this.events.hook('updating', (modifications, _key, _event, transaction) => {
      if (isRedaction(modifications, transaction)) return;
      throw new Error('events are append-only: an event cannot be updated');
    });
    this.events.hook('deleting', () => {
      throw new Error('events are append-only: an event cannot be deleted');
    });
  }
}
