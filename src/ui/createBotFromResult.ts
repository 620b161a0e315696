/**
 * "Create bot from this result": opens the creation wizard prefilled with the result's
 * template and parameter values (`#/bots/new?template=…&params=<JSON>`, see
 * stores/wizardPrefill.ts), without saving anything until the user creates the bot.
 */
import type { RawParams } from '../core/strategy/types';
import { navigate } from './router';

/** The wizard link for `strategyId` with `params` (and the market and timeframe, if given). */
export function createBotLink(
  strategyId: string,
  params: RawParams,
  market: { symbol?: string; timeframe?: string } = {},
): string {
  const query = new URLSearchParams({ template: strategyId, params: JSON.stringify(params) });
  if (market.symbol) query.set('symbol', market.symbol);
  if (market.timeframe) query.set('timeframe', market.timeframe);
  return `/bots/new?${query.toString()}`;
}

export function createBotFromResult(strategyId: string, params: RawParams): Promise<void> {
  navigate(createBotLink(strategyId, params));
  return Promise.resolve();
}
