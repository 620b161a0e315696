/**
 * Checks a custom module's strategy definition. Untyped code can hand over anything, so the
 * shape is checked field by field first (messages name the field), then `defineStrategy`
 * checks it as it checks a template (id, parameter ranges, defaults, warmup). Also reduces
 * the parameter spec to plain JSON for storage.
 */
import { TIMEFRAMES } from '../../core/market/timeframe';
import { defineStrategy, StrategyDefinitionError } from '../../core/strategy/defineStrategy';
import type { AnyStrategy, ParamSpec, ParamSpecs } from '../../core/strategy/types';

/** Something wrong with a custom module; the message is meant for the user as is. */
export class CustomModuleError extends Error {
  override name = 'CustomModuleError';
}

const CATEGORIES = ['trend', 'mean_reversion', 'breakout', 'grid', 'dca', 'benchmark'];
const KINDS = ['integer', 'number', 'percent', 'boolean', 'choice'];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The problem with one parameter's spec shape, or undefined. */
function paramShapeProblem(spec: unknown): string | undefined {
  if (!isRecord(spec)) return `must be an object, got ${describeValue(spec)}`;
  if (typeof spec.kind !== 'string' || !KINDS.includes(spec.kind))
    return `needs a kind: one of ${KINDS.join(', ')}`;
  if (typeof spec.label !== 'string') return 'needs a label (a string)';
  if (spec.help !== undefined && typeof spec.help !== 'string')
    return 'has a help that is not a string';
  if (spec.kind === 'boolean')
    return typeof spec.default === 'boolean' ? undefined : 'needs a default of true or false';
  if (spec.kind === 'choice') {
    const options = spec.options;
    const isValid =
      Array.isArray(options) &&
      options.every(
        (option) =>
          isRecord(option) && typeof option.value === 'string' && typeof option.label === 'string',
      );
    if (!isValid) return 'needs options: an array of { value, label } strings';
    return typeof spec.default === 'string' ? undefined : 'needs a default (an option value)';
  }
  for (const key of ['default', 'min', 'max'] as const) {
    if (typeof spec[key] !== 'number') return `needs a ${key} (a number)`;
  }
  if (spec.step !== undefined && typeof spec.step !== 'number')
    return 'has a step that is not a number';
  return undefined;
}

/** The first problem with the definition's shape, or undefined. */
function shapeProblem(def: Record<string, unknown>): string | undefined {
  if (typeof def.id !== 'string') return 'needs an id (a string such as "my-strategy")';
  if (typeof def.name !== 'string') return 'needs a name (a string)';
  if (typeof def.description !== 'string') return 'needs a description (a string)';
  if (typeof def.category !== 'string' || !CATEGORIES.includes(def.category))
    return `needs a category: one of ${CATEGORIES.join(', ')}`;
  if (
    typeof def.timeframe !== 'string' ||
    !(TIMEFRAMES as readonly string[]).includes(def.timeframe)
  )
    return `needs a timeframe: one of ${TIMEFRAMES.join(', ')}`;
  if (!isRecord(def.params)) return 'needs params (an object, {} for none)';
  for (const [field, spec] of Object.entries(def.params)) {
    const problem = paramShapeProblem(spec);
    if (problem) return `parameter "${field}" ${problem}`;
  }
  for (const key of ['warmup', 'init', 'onCandle'] as const) {
    if (typeof def[key] !== 'function') return `has no ${key} function`;
  }
  for (const key of ['onFill', 'validate'] as const) {
    if (def[key] !== undefined && typeof def[key] !== 'function')
      return `has a ${key} that is not a function`;
  }
  return undefined;
}

/**
 * `def` as a checked strategy definition: what the SDK's `defineStrategy` does for a module.
 * @throws CustomModuleError naming the problem.
 */
export function checkDefinition(def: unknown): AnyStrategy {
  if (!isRecord(def)) {
    throw new CustomModuleError(
      `The strategy definition must be an object, got ${describeValue(def)}.`,
    );
  }
  const problem = shapeProblem(def);
  if (problem) throw new CustomModuleError(`The strategy definition ${problem}.`);
  try {
    return defineStrategy(def as unknown as AnyStrategy);
  } catch (error) {
    if (error instanceof StrategyDefinitionError) throw new CustomModuleError(error.message);
    // The module's own warmup() or validate() threw while the defaults were checked.
    throw new CustomModuleError(
      `Checking the definition with its default parameters failed: ${messageOf(error)}`,
    );
  }
}

/** One spec with only the fields the app reads, as plain JSON. */
function plainSpec(spec: ParamSpec): ParamSpec {
  const base = { label: spec.label, ...(spec.help === undefined ? {} : { help: spec.help }) };
  switch (spec.kind) {
    case 'boolean':
      return { ...base, kind: 'boolean', default: spec.default };
    case 'choice':
      return {
        ...base,
        kind: 'choice',
        default: spec.default,
        options: spec.options.map((option) => ({ value: option.value, label: option.label })),
      };
    default:
      return {
        ...base,
        kind: spec.kind,
        default: spec.default,
        min: spec.min,
        max: spec.max,
        ...(spec.step === undefined ? {} : { step: spec.step }),
      };
  }
}

/** The parameter spec as plain JSON (no getters, functions or extra fields). */
export function plainParamSpecs(params: ParamSpecs): ParamSpecs {
  return Object.fromEntries(
    Object.entries(params).map(([field, spec]) => [field, plainSpec(spec)]),
  );
}
