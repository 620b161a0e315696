/**
 * The SDK a custom strategy module receives: `export default (sdk) => sdk.defineStrategy({...})`.
 * The same streaming indicators the templates in strategies/ import, and `defineStrategy`
 * with the checks an untyped module needs first (checkDefinition.ts) — handed over as a value
 * because a module loaded from a blob: URL cannot import app files.
 */
import * as indicators from '../../core/indicators';
import type { defineStrategy } from '../../core/strategy/defineStrategy';
import { checkDefinition } from './checkDefinition';

export interface StrategySdk {
  defineStrategy: typeof defineStrategy;
  /** Every indicator factory of src/core/indicators: createSma, createEma, createRsi… */
  indicators: typeof indicators;
}

/** A frozen SDK object: a module cannot change what other code in its worker sees. */
export function createStrategySdk(): StrategySdk {
  return Object.freeze({
    defineStrategy: checkDefinition as typeof defineStrategy,
    indicators: Object.freeze({ ...indicators }),
  });
}
