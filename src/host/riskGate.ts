/**
 * The host's verdict on one strategy buy of one bot: refused while a breaker of its account or
 * of the portfolio is tripped; otherwise refused or shrunk so the positions of the account's
 * bots (and of all bots) stay within each scope's exposure cap. Pure over the monitor's view.
 */
import type { Bot } from '../core/bot/types';
import type { EntryVerdict } from '../core/engine/entryGate';
import { exposureRoom, type BreakerConfig } from '../core/risk/breakers';
import {
  accountScope,
  BREAKER_LABELS,
  PORTFOLIO_SCOPE,
  type RiskScope,
  type RiskTrip,
} from './riskSettings';

export interface BotFigures {
  accountId: string;
  equity: number;
  /** Value of the bot's position at the last price, in quote. */
  exposure: number;
}

export interface GateView {
  trips: readonly RiskTrip[];
  configOf(scope: RiskScope): BreakerConfig | undefined;
  /** Live figures of the loaded bots. */
  figures: ReadonlyMap<string, BotFigures>;
  /** The last equity of every bot counted in the scope (loaded or not). */
  members(scope: RiskScope): Record<string, number>;
}

export const inScope = (scope: RiskScope, accountId: string): boolean =>
  scope === PORTFOLIO_SCOPE || scope === accountScope(accountId);

const show = (value: number) => String(Number(value.toPrecision(6)));

export function judgeEntry(
  bot: Bot,
  order: { amount: number; price: number },
  view: GateView,
): EntryVerdict {
  const accountId = bot.config.accountId;
  const tripped = view.trips.find((trip) => inScope(trip.scope, accountId));
  if (tripped) {
    const breaker = `${tripped.scopeName} ${BREAKER_LABELS[tripped.kind]}`;
    return {
      ok: false,
      breaker,
      reason: `the ${breaker} breaker has tripped; new entries are halted until it is reset on the Risk page.`,
    };
  }
  let best: { maxAmount: number; breaker: string; detail: string } | undefined;
  for (const scope of [accountScope(accountId), PORTFOLIO_SCOPE]) {
    const config = view.configOf(scope);
    if (config?.maxExposurePercent === undefined) continue;
    const breaker = `${scope === PORTFOLIO_SCOPE ? 'Portfolio' : 'Account'} exposure cap`;
    const loaded = [...view.figures.entries()].filter(([, each]) => inScope(scope, each.accountId));
    const equities: Record<string, number> = { ...view.members(scope) };
    for (const [id, each] of loaded) equities[id] = each.equity;
    // A bot's first buy may come before its first snapshot: its capital is its cash.
    equities[bot.id] ??= bot.config.allocation;
    const equity = Object.values(equities).reduce((sum, value) => sum + value, 0);
    const room = exposureRoom(
      loaded.map(([, each]) => each.exposure),
      equity,
      config,
    );
    if (room <= 0) {
      return {
        ok: false,
        breaker,
        reason: `the ${breaker} of ${config.maxExposurePercent}% of equity is reached; no room for a new entry.`,
      };
    }
    const maxAmount = room / order.price;
    if (room * (1 + 1e-9) < order.amount * order.price && maxAmount < (best?.maxAmount ?? Infinity))
      best = {
        maxAmount,
        breaker,
        detail: `${breaker} (${config.maxExposurePercent}% of equity ${equity.toFixed(2)}) leaves room for ${room.toFixed(2)} more`,
      };
  }
  if (!best) return { ok: true };
  return {
    ok: true,
    maxAmount: best.maxAmount,
    breaker: best.breaker,
    reason: `Buy resized from ${show(order.amount)} to ${show(best.maxAmount)}: the ${best.detail}.`,
  };
}
