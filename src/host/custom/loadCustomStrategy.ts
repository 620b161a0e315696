/**
 * How the bot host finds a custom strategy: ids starting with "custom-" are looked up in the
 * `customStrategies` table and wrapped into a worker-backed RunnableStrategy. Read afresh on
 * every lookup (cheap, and a strategy deleted and added again is never stale).
 */
import type { RunnableStrategy } from '../../core/strategy/types';
import type { FlotillaDb } from '../../db/schema';
import { createCustomStrategy, type CustomStrategyOptions } from './createCustomStrategy';
import { isCustomStrategyId } from './protocol';

export function createCustomStrategyLoader(
  db: FlotillaDb,
  options: CustomStrategyOptions,
): (id: string) => Promise<RunnableStrategy | undefined> {
  return async (id) => {
    if (!isCustomStrategyId(id)) return undefined;
    const row = await db.customStrategies.get(id);
    return row && createCustomStrategy(row, options);
  };
}
