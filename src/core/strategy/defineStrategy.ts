/**
 * `defineStrategy` — the entry point of a strategy template. It returns its argument unchanged
 * (so parameter value types are inferred from the spec) after checking the definition once,
 * at module load, so a broken template fails loudly in development and in tests.
 */
import { defaultParams, validateParam } from './params';
import type { ParamSpec, ParamSpecs, PlotSpec, StrategyDefinition } from './types';

/** A strategy template that contradicts itself (bad id, default out of range…). */
export class StrategyDefinitionError extends Error {
  constructor(strategyId: string, problem: string) {
    super(`Strategy "${strategyId}": ${problem}`);
    this.name = 'StrategyDefinitionError';
  }
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Problems with a spec's own shape (its default is checked separately against the spec). */
function specProblem(spec: ParamSpec): string | undefined {
  if (spec.label.trim() === '') return 'has an empty label';
  if (spec.kind === 'boolean') return undefined;
  if (spec.kind === 'choice') {
    const values = spec.options.map((option) => option.value);
    if (values.length === 0) return 'has no options';
    if (new Set(values).size !== values.length) return 'has duplicate option values';
    return undefined;
  }
  if (!Number.isFinite(spec.min) || !Number.isFinite(spec.max) || spec.min > spec.max) {
    return `has an invalid range ${spec.min}..${spec.max}`;
  }
  if (spec.step !== undefined && !(Number.isFinite(spec.step) && spec.step > 0)) {
    return `has an invalid step ${spec.step}`;
  }
  if (spec.kind === 'integer' && ![spec.min, spec.max, spec.step ?? 1].every(Number.isInteger)) {
    return 'is an integer parameter with a fractional min, max or step';
  }
  return undefined;
}

/** Problems with the declared plots: keys must be non-empty and unique, labels non-empty. */
function plotsProblem(plots: readonly PlotSpec[]): string | undefined {
  const keys = new Set<string>();
  for (const plot of plots) {
    if (plot.key.trim() === '') return 'a plot has an empty key';
    if (keys.has(plot.key)) return `plot key "${plot.key}" is declared twice`;
    if (plot.label.trim() === '') return `plot "${plot.key}" has an empty label`;
    keys.add(plot.key);
  }
  return undefined;
}

function checkDefinition(def: StrategyDefinition<ParamSpecs, unknown>): void {
  const id = def.id;
  if (!ID_PATTERN.test(id)) {
    throw new StrategyDefinitionError(
      id,
      'id must be non-empty lowercase kebab-case (a-z, 0-9, -)',
    );
  }
  if (def.name.trim() === '') throw new StrategyDefinitionError(id, 'name must not be empty');
  for (const [field, spec] of Object.entries(def.params)) {
    const problem = specProblem(spec);
    if (problem) throw new StrategyDefinitionError(id, `parameter "${field}" ${problem}`);
    const defaultProblem = validateParam(spec, spec.default);
    if (defaultProblem) {
      throw new StrategyDefinitionError(
        id,
        `default ${JSON.stringify(spec.default)} of parameter "${field}" is invalid: ${defaultProblem}`,
      );
    }
  }
  const defaults = defaultParams(def.params);
  const crossField = def.validate?.(defaults);
  if (crossField) {
    throw new StrategyDefinitionError(
      id,
      `default parameters fail validate(): ${crossField.message}`,
    );
  }
  const plots = def.plots ? plotsProblem(def.plots(defaults)) : undefined;
  if (plots) throw new StrategyDefinitionError(id, plots);
  const warmup = def.warmup(defaults);
  if (!Number.isInteger(warmup) || warmup < 0) {
    throw new StrategyDefinitionError(id, `warmup() must return a whole number ≥ 0, got ${warmup}`);
  }
}

/**
 * Declares a strategy template. Identity at runtime after one-off checks: id is kebab-case,
 * name non-empty, every parameter's spec is coherent and its default valid, the defaults pass
 * the cross-field `validate`, the `plots` have unique keys and labels, and `warmup(defaults)`
 * is a whole number.
 *
 * @throws StrategyDefinitionError naming the strategy and the problem.
 * @example
 * export default defineStrategy({
 *   id: 'buy-and-hold', name: 'Buy and hold', description: '…', category: 'benchmark',
 *   timeframe: '1h', params: {}, warmup: () => 0,
 *   init: () => ({ entered: false }),
 *   onCandle(state) {
 *     if (state.entered) return;
 *     state.entered = true;
 *     return [{ kind: 'enter_long' }];
 *   },
 * });
 */
export function defineStrategy<const P extends ParamSpecs, S>(
  def: StrategyDefinition<P, S>,
): StrategyDefinition<P, S> {
  checkDefinition(def as unknown as StrategyDefinition<ParamSpecs, unknown>);
  return def;
}
