/**
 * Wires a bot's risk section (src/core/risk) into its runtime:
 *
 * - protective exits (stop-loss, take-profit steps, trailing stop, ROI table) are evaluated on
 *   every closed candle before the strategy sees it, while the bot runs or is paused. An exit is
 *   a market sell tagged `risk:<reason>`, shaped and checked like any order but not limited. It
 *   fills at the next candle's open (market orders always do); the level the exit model priced
 *   it at is recorded in the `risk_exit` event;
 * - the pre-trade limits (limits.ts) gate every order the strategy asks for, rejecting it
 *   (`risk_rejected`) or resizing a buy (`risk_resized`);
 * - the protective state and the trade log live in the bot's runtime state, saved after every
 *   fill and before every exit order is journaled, so a restart neither loses a stop nor takes
 *   the same take-profit step twice.
 *
 * - `stopLoss.onExchange` on an exchange that supports native stops: the stop-loss is a
 *   stop-market sell resting on the exchange (journaled like any order, tag `risk:stop_loss`),
 *   placed after an entry fill, replaced when the position or the stop level changes, canceled
 *   when the position is gone; while it rests, the engine does not also watch the stop. On an
 *   exchange without native stops the engine enforces it and says so in an event.
 *
 * A bot without a risk section is untouched: no exits, no limits, no extra state.
 */
import type { Bot, BotEventType } from '../bot/types';
import type { Candle } from '../market/candle';
import { formatPrice } from '../market/formatForMarket';
import { floorToStep } from '../market/steps';
import { timeframeMs } from '../market/timeframe';
import type { Market } from '../market/types';
import { shapeOrder } from '../orders/shape';
import type { Fill, Ledger } from '../portfolio/types';
import { checkLimits, type LimitVerdict } from '../risk/limits';
import { checkOrder, reservedPosition } from '../risk/preTrade';
import { validateRiskConfig, type RiskConfig } from '../risk/riskConfig';
import {
  evaluateProtectiveExits,
  stopLossLevel,
  syncProtectiveState,
  type ProtectiveState,
} from '../risk/protectiveExits';
import { pruneTradeLog, recordFillInTradeLog, type TradeRecord } from '../risk/tradeLog';
import type { TimestampMs } from '../time';
import type { MaybePromise } from './maybePromise';
import type { NewOrder, OrderManager } from './orderManager';
import type { BotRuntimeState, BotStore } from './store';

/** Closed trades kept in the log: the longest cooldown (7 days) plus a day. */
const TRADE_LOG_KEEP_MS = 8 * 86_400_000;
/** Tag prefix of protective-exit orders. */
export const RISK_TAG_PREFIX = 'risk:';

export interface RiskWiringOptions {
  bot: Bot;
  market: Market;
  store: BotStore;
  orders: OrderManager;
  emit: (type: BotEventType, message: string, data?: Record<string, unknown>) => MaybePromise<void>;
  ledger: () => Ledger;
  isPaused: () => boolean;
  /** Fills the strategy has been told about (saved with the runtime state). */
  notifiedTradeCount: () => number;
  /** Whether the exchange takes native stop orders (ExchangePort.supportsNativeStops). */
  supportsNativeStops: boolean;
}

/** An order after shaping: what the exchange will get. */
export interface ShapedOrder {
  amount: number;
  price?: number;
}

export interface RiskWiring {
  /** Takes the saved state (on init, before missed fills are applied). */
  load(stored: BotRuntimeState | undefined): void;
  /** Saves the runtime state; `lastCandleTime` when a candle was decided on. */
  save(lastCandleTime?: TimestampMs): MaybePromise<void>;
  /** Rebuilds a lost protective state from the ledger (on init, after missed fills). */
  syncWithLedger(): void;
  /** Updates the trade log and the protective state after a fill changed the ledger. */
  afterFill(
    before: Ledger,
    after: Ledger,
    fill: Fill,
    orderType: NewOrder['type'],
  ): MaybePromise<void>;
  /**
   * Takes the protective exit this closed candle calls for; true when it sells everything.
   * Answers at once (false) for a bot without a risk section.
   */
  protect(candle: Candle): MaybePromise<boolean>;
  /**
   * Brings the native stop order in line with the position (place, replace or cancel); for a
   * bot whose stop-loss is on the exchange. `lastPrice`: the price showing now.
   */
  syncNativeStop(lastPrice: number): MaybePromise<void>;
  /** Says, once, when the stop-loss asked for on the exchange is enforced by the engine. */
  announceStopEnforcement(): Promise<void>;
  /** Applies the pre-trade limits to a shaped strategy order; undefined = not placed. */
  limit(
    order: NewOrder,
    shaped: ShapedOrder,
    context: LimitContext,
  ): MaybePromise<ShapedOrder | undefined>;
}

/** Where a strategy order is checked: its reference price, the market time, the intent. */
interface LimitContext {
  referencePrice: number;
  nowMs: TimestampMs;
  label: string;
}

/** The bot's risk section, normalized (take-profit steps and ROI rows sorted); undefined = none. */
function normalizedRisk(bot: Bot): RiskConfig | undefined {
  if (bot.config.risk === undefined || bot.config.risk === null) return undefined;
  const validated = validateRiskConfig(bot.config.risk);
  if (!validated.ok) {
    throw new Error(
      `Invalid risk settings: ${validated.errors.map((error) => error.message).join('; ')}`,
    );
  }
  return validated.value;
}

export function createRiskWiring(options: RiskWiringOptions): RiskWiring {
  const { bot, market, store, orders, emit } = options;
  const risk = normalizedRisk(bot);
  const step = market.precision.amount;
  const frame = timeframeMs(bot.config.timeframe);
  let protective: ProtectiveState | undefined;
  let trades: TradeRecord[] = [];
  /**
   * Open time of the last candle decided on (persisted as the runtime's lastCandleTime), NaN
   * before there is one: a field, not a `let`, so the write on every candle boxes no number.
   */
  const decided = { time: Number.NaN };

  /** The position the exits protect: dust below one amount step cannot be sold. */
  const position = (ledger: Ledger) =>
    ledger.position >= step
      ? { amount: ledger.position, averageEntry: ledger.averageEntry }
      : { amount: 0, averageEntry: 0 };

  const save = (lastCandleTime?: TimestampMs): MaybePromise<void> => {
    if (lastCandleTime !== undefined) decided.time = lastCandleTime;
    // Nothing decided yet (a fill before the first candle): 0 replays no candle after a restart.
    const state: BotRuntimeState = {
      botId: bot.id,
      lastCandleTime: Number.isNaN(decided.time) ? 0 : decided.time,
      notifiedTradeCount: options.notifiedTradeCount(),
    };
    if (risk) {
      state.trades = trades;
      if (protective) state.protective = protective;
    }
    return store.saveRuntimeState(state);
  };

  const wantsNativeStop = risk?.stopLoss?.onExchange === true;
  const hasNativeStop = wantsNativeStop && options.supportsNativeStops;
  const isNativeStop = (order: { side: string; triggerPrice?: number }) =>
    order.side === 'sell' && order.triggerPrice !== undefined;
  const restingStops = () => orders.openOrders().filter(isNativeStop);
  /** The rules the engine evaluates on candles: not the stop-loss while the exchange holds it. */
  const engineRules = (): RiskConfig | undefined =>
    risk && hasNativeStop && restingStops().length > 0 ? { ...risk, stopLoss: undefined } : risk;

  const rejectExit = (reason: string) =>
    emit('risk_rejected', `Protective exit not placed: ${reason}`, { intent: 'risk_exit' });

  /** protect() for a bot with a risk section. */
  const protectWith = async (risk: RiskConfig, candle: Candle): Promise<boolean> => {
    const ledger = options.ledger();
    const held = position(ledger);
    if (held.amount === 0) return false;
    const isRiskSell = (order: { side: string; tag?: string; triggerPrice?: number }) =>
      order.side === 'sell' &&
      order.triggerPrice === undefined &&
      order.tag?.startsWith(RISK_TAG_PREFIX) === true;
    // An exit is already on its way: judge again once it has filled.
    if (orders.openOrders().some(isRiskSell)) return false;
    const state = protective ?? syncProtectiveState(undefined, held, candle.time);
    if (!state) return false;
    const { exit, state: next } = evaluateProtectiveExits(
      state,
      candle,
      engineRules() ?? risk,
      candle.time + frame,
    );
    protective = next;
    if (!exit) return false;
    // Journal first: the step taken is saved before the order exists.
    await save();
    const closeAll = exit.fraction >= 1;
    if (closeAll) {
      for (const order of orders.openOrders())
        await orders.cancel(order.clientOrderId, `Protective exit (${exit.reason})`);
    }
    const sellable = ledger.position - reservedPosition(orders.openOrders());
    let amount = closeAll ? sellable : sellable * exit.fraction;
    if (!closeAll) {
      const rest = shapeOrder(market, {
        side: 'sell',
        type: 'market',
        amount: sellable - floorToStep(amount, step),
        referencePrice: candle.close,
      });
      if (!rest.ok) amount = sellable;
    }
    const shaped = shapeOrder(market, {
      side: 'sell',
      type: 'market',
      amount,
      referencePrice: candle.close,
    });
    if (!shaped.ok) {
      await rejectExit(shaped.reason);
      return false;
    }
    const refused = checkOrder({
      ledger,
      openOrders: orders.openOrders(),
      side: 'sell',
      amount: shaped.amount,
      price: candle.close,
      feeRate: market.taker,
      buffer: 0,
      isPaused: options.isPaused(),
    });
    if (refused) {
      await rejectExit(refused);
      return false;
    }
    const share = amount === sellable ? 'all' : `${(exit.fraction * 100).toFixed(0)}%`;
    await emit(
      'risk_exit',
      `${exit.reason.replace('_', ' ')}: selling ${share} of the position (level ${formatPrice(market, exit.price)}; a market order, it fills at the next open)`,
      {
        reason: exit.reason,
        price: exit.price,
        fraction: exit.fraction,
        ...(exit.step === undefined ? {} : { step: exit.step }),
        candleTime: candle.time,
      },
    );
    await orders.submit({
      side: 'sell',
      type: 'market',
      amount: shaped.amount,
      tag: `${RISK_TAG_PREFIX}${exit.reason}`,
    });
    return amount === sellable;
  };

  /** syncNativeStop() for a bot whose stop-loss rests on the exchange. */
  const syncNativeStopWith = async (
    stopLoss: NonNullable<RiskConfig['stopLoss']>,
    lastPrice: number,
  ): Promise<void> => {
    const ledger = options.ledger();
    const held = position(ledger);
    const resting = restingStops();
    const level = held.amount > 0 ? stopLossLevel(stopLoss, held.averageEntry) : undefined;
    const trigger = level === undefined ? undefined : floorToStep(level, market.precision.price);
    const others = orders.openOrders().filter((order) => !isNativeStop(order));
    const shaped =
      trigger === undefined || !(trigger < lastPrice)
        ? undefined
        : shapeOrder(market, {
            side: 'sell',
            type: 'market',
            amount: ledger.position - reservedPosition(others),
            referencePrice: trigger,
          });
    const wanted = shaped?.ok ? { amount: shaped.amount, trigger } : undefined;
    const [current, ...extra] = resting;
    const isCurrent =
      wanted !== undefined &&
      current !== undefined &&
      extra.length === 0 &&
      current.triggerPrice === wanted.trigger &&
      Math.abs(current.amount - current.filled - wanted.amount) < step / 2;
    if (isCurrent) return;
    for (const order of resting)
      await orders.cancel(order.clientOrderId, 'Stop-loss replaced: the position changed');
    // A level at or above the price (or nothing sellable) is left to the engine's own check.
    if (!wanted) return;
    await orders.submit({
      side: 'sell',
      type: 'market',
      amount: wanted.amount,
      triggerPrice: wanted.trigger,
      tag: `${RISK_TAG_PREFIX}stop_loss`,
    });
  };

  /** limit() for a bot with a risk section: synchronous unless the limits refuse or resize. */
  const limitWith = (
    risk: RiskConfig,
    order: NewOrder,
    shaped: ShapedOrder,
    context: LimitContext,
  ): MaybePromise<ShapedOrder | undefined> => {
    const verdict = checkLimits(
      risk,
      {
        ledger: options.ledger(),
        allocation: bot.config.allocation,
        openOrders: orders.openOrders(),
        trades,
        nowMs: context.nowMs,
        minAmount: market.limits.amount.min,
        dust: step,
      },
      {
        side: order.side,
        type: order.type,
        amount: shaped.amount,
        price: shaped.price ?? context.referencePrice,
      },
    );
    return verdict.ok && !verdict.resized ? shaped : applyVerdict(verdict, order, shaped, context);
  };

  /** A refusal (its event) or a resize (the order shaped again, and its event). */
  const applyVerdict = async (
    verdict: LimitVerdict,
    order: NewOrder,
    shaped: ShapedOrder,
    { referencePrice, label }: LimitContext,
  ): Promise<ShapedOrder | undefined> => {
    if (!verdict.ok) {
      await emit('risk_rejected', `${label} not placed: ${verdict.reason}`, {
        intent: label,
        rule: verdict.rule,
      });
      return undefined;
    }
    if (!verdict.resized) return shaped;
    const reshaped = shapeOrder(market, { ...order, amount: verdict.amount, referencePrice });
    if (!reshaped.ok) {
      await emit('risk_rejected', `${label} not placed: ${reshaped.reason}`, {
        intent: label,
        rule: verdict.resized.rule,
      });
      return undefined;
    }
    await emit('risk_resized', verdict.resized.reason, {
      intent: label,
      rule: verdict.resized.rule,
      from: verdict.resized.from,
      amount: reshaped.amount,
    });
    return { amount: reshaped.amount, price: reshaped.price };
  };

  return {
    load(stored) {
      if (stored && Number.isFinite(stored.lastCandleTime)) decided.time = stored.lastCandleTime;
      if (!risk) return;
      protective = stored?.protective;
      trades = stored?.trades ?? [];
    },

    save,

    syncWithLedger() {
      if (!risk) return;
      const held = position(options.ledger());
      const openTrade = trades.at(-1)?.closedAt === undefined ? trades.at(-1) : undefined;
      // Rebuilt from the open trade, or from the next candle; else protect() rebuilds it.
      const since =
        openTrade?.openedAt ?? (Number.isNaN(decided.time) ? undefined : decided.time + frame);
      if (protective || since !== undefined || held.amount === 0)
        protective = syncProtectiveState(protective, held, since ?? 0);
    },

    afterFill(before, after, fill, orderType) {
      if (!risk) return;
      trades = pruneTradeLog(
        recordFillInTradeLog(trades, before, after, fill.time, step),
        fill.time,
        TRADE_LOG_KEEP_MS,
      );
      // A market order fills at the open of its candle: the whole candle is the position's.
      const entryTime = orderType === 'market' ? Math.floor(fill.time / frame) * frame : fill.time;
      protective = syncProtectiveState(protective, position(after), entryTime);
      return save();
    },

    protect(candle) {
      return risk ? protectWith(risk, candle) : false;
    },

    syncNativeStop(lastPrice) {
      const stopLoss = risk?.stopLoss;
      return stopLoss && hasNativeStop ? syncNativeStopWith(stopLoss, lastPrice) : undefined;
    },
    async announceStopEnforcement() {
      if (!wantsNativeStop || options.supportsNativeStops) return;
      await emit(
        'risk_rejected',
        'Stop-loss on the exchange: this exchange has no native stop orders, so the engine enforces the stop-loss on every closed candle instead.',
        { rule: 'stopLoss.onExchange' },
      );
    },

    limit(order, shaped, context) {
      if (!risk || order.tag?.startsWith(RISK_TAG_PREFIX)) return shaped;
      return limitWith(risk, order, shaped, context);
    },
  };
}
