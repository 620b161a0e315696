/**
 * The strategy SDK: what a template in `strategies/` imports (with `src/core/indicators`).
 * Templates declare themselves with `defineStrategy` and never reach into the engine.
 */
export { defineStrategy, StrategyDefinitionError } from './defineStrategy';
export {
  defaultParams,
  describeNumericSpec,
  isOnStep,
  validateParam,
  validateParams,
  type ParamError,
  type ParamValidation,
} from './params';
export type * from './types';
