/**
 * A bot: its versioned configuration document and its lifecycle status.
 * draft -> stopped <-> running <-> paused; error (with the reason); archived.
 */
import type { Timeframe } from '../market/timeframe';
import type { RiskConfig } from '../risk/riskConfig';
import type { RawParams } from '../strategy/types';
import type { TimestampMs } from '../time';

export type BotStatus = 'draft' | 'stopped' | 'running' | 'paused' | 'error' | 'archived';
export type BotMode = 'simulated' | 'paper' | 'live';

/** The user-editable configuration. Every change is a new version. */
export interface BotConfig {
  name: string;
  mode: BotMode;
  /** Exchange account id ("sim-default" for the built-in simulated account). */
  accountId: string;
  /** Unified symbol, e.g. "BTC/USDT". */
  symbol: string;
  strategyId: string;
  timeframe: Timeframe;
  params: RawParams;
  /** Quote currency assigned to this bot. */
  allocation: number;
  /** Protective exits and pre-trade limits (src/core/risk); absent = no rules. */
  risk?: RiskConfig;
}

export interface Bot {
  id: string;
  /** Short id used in client order ids (6 chars of [a-z0-9]). */
  shortId: string;
  config: BotConfig;
  /** Version of `config`, from 1. */
  configVersion: number;
  status: BotStatus;
  /** Set when status is "error". */
  statusReason?: string;
  /**
   * Why a running or paused bot is not trading right now, e.g. "Waiting for the vault to be
   * unlocked" after a reload; cleared when it trades again or its status changes.
   */
  statusNote?: string;
  createdAt: TimestampMs;
  updatedAt: TimestampMs;
}

/** Bot events: every user action and bot event, append-only, shown on the timeline. */
export type BotEventType =
  | 'created'
  | 'config_changed'
  | 'started'
  | 'paused'
  | 'resumed'
  | 'stopped'
  | 'resumed_after_reload'
  | 'error'
  | 'archived'
  | 'signal'
  | 'order_placed'
  | 'order_filled'
  | 'order_canceled'
  | 'order_rejected'
  | 'risk_rejected'
  | 'risk_resized'
  | 'risk_exit'
  | 'strategy_log'
  | 'kill_switch'
  | 'risk_trip'
  | 'deleted';

export interface BotEvent {
  /** Auto-assigned by the store. */
  seq?: number;
  botId: string;
  time: TimestampMs;
  type: BotEventType;
  message: string;
  /** Structured details (order ids, prices…), JSON-serializable. */
  data?: Record<string, unknown>;
}

/** A point of a bot's equity curve, in quote currency. */
export interface EquityPoint {
  botId: string;
  time: TimestampMs;
  equity: number;
  price: number;
  /** What the strategy plotted on this candle (`ctx.plot`), for the bot's chart. */
  plots?: Record<string, number>;
}
