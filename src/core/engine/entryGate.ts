/**
 * The host's gate on a bot's new entries (buys): account and portfolio circuit breakers and
 * exposure caps live outside the bot, so the host hands each runtime a gate it asks before a
 * strategy buy is placed. The gate may let the buy go, refuse it (a tripped breaker, no room
 * under an exposure cap) or cap its amount (room under an exposure cap). Sells and protective
 * exits never pass through it.
 */
import type { BotEventType } from '../bot/types';
import type { Market } from '../market/types';
import { shapeOrder } from '../orders/shape';
import type { MaybePromise } from './maybePromise';
import type { NewOrder } from './orderManager';

export type EntryVerdict =
  | { ok: true }
  | { ok: false; reason: string; breaker: string }
  | { ok: true; maxAmount: number; reason: string; breaker: string };

/** Where a strategy buy is gated: its reference price, the intent, and the timeline. */
interface GateContext {
  referencePrice: number;
  label: string;
  emit: (type: BotEventType, message: string, data?: Record<string, unknown>) => MaybePromise<void>;
}

/** Asked before every strategy buy with its shaped amount and (reference) price. */
export type EntryGate = (order: { amount: number; price: number }) => EntryVerdict;

/**
 * Applies `gate` to a shaped strategy order: returns the amount and price to place, or
 * undefined when it is refused (after emitting the event that says why). Synchronous when
 * there is no gate to ask or the order is a sell.
 */
export function applyEntryGate(
  gate: EntryGate | undefined,
  market: Market,
  order: NewOrder,
  shaped: { amount: number; price?: number },
  context: GateContext,
): MaybePromise<{ amount: number; price?: number } | undefined> {
  if (!gate || order.side !== 'buy') return shaped;
  return askGate(gate, market, order, shaped, context);
}

/** applyEntryGate() for a buy with a gate to ask. */
async function askGate(
  gate: EntryGate,
  market: Market,
  order: NewOrder,
  shaped: { amount: number; price?: number },
  context: GateContext,
): Promise<{ amount: number; price?: number } | undefined> {
  const verdict = gate({ amount: shaped.amount, price: shaped.price ?? context.referencePrice });
  if (!verdict.ok) {
    await context.emit('risk_rejected', `${context.label} not placed: ${verdict.reason}`, {
      intent: context.label,
      rule: verdict.breaker,
    });
    return undefined;
  }
  if (!('maxAmount' in verdict) || verdict.maxAmount >= shaped.amount) return shaped;
  const reshaped = shapeOrder(market, {
    ...order,
    amount: verdict.maxAmount,
    referencePrice: context.referencePrice,
  });
  if (!reshaped.ok) {
    await context.emit('risk_rejected', `${context.label} not placed: ${verdict.reason}`, {
      intent: context.label,
      rule: verdict.breaker,
    });
    return undefined;
  }
  await context.emit('risk_resized', verdict.reason, {
    intent: context.label,
    rule: verdict.breaker,
    from: shaped.amount,
    amount: reshaped.amount,
  });
  return { amount: reshaped.amount, price: reshaped.price };
}
