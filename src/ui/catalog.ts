/**
 * The strategy templates as the UI sees them: the registry from strategies/, plus safe lookups
 * for names (a bot may reference a template this build no longer ships).
 */
import type { AnyStrategy } from '../core/strategy/types';
import { getStrategy, STRATEGIES } from '../../strategies';

export { STRATEGIES };

/** The template with `id`, or undefined when this build has no such template. */
export function findStrategy(id: string): AnyStrategy | undefined {
  try {
    return getStrategy(id) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The human name of template `id`, falling back to the id itself. */
export function strategyName(id: string): string {
  return findStrategy(id)?.name ?? id;
}
