/**
 * Parameter sweeps: a grid over ranges taken from a template's parameter spec. Numeric
 * parameters vary over min, min + step, … ≤ max (checked against the spec's bounds, whole
 * numbers for integers, the spec's own step grid); booleans and choices over all their values.
 * Combinations the template itself rejects (e.g. fast ≥ slow) are skipped and counted.
 */
import { isOnStep, validateParams } from '../core/strategy/params';
import type { AnyStrategy, ParamSpec, RawParams } from '../core/strategy/types';

/** Most runs one sweep may queue: a few minutes of work on four cores for a month of minutes. */
export const MAX_SWEEP_COMBINATIONS = 400;

export interface SweepRange {
  min: number;
  max: number;
  step: number;
}

/** One varied parameter: its numeric range, or every value of a boolean/choice. */
export interface SweepAxis {
  name: string;
  range?: SweepRange;
}

export interface SweepError {
  field: string;
  message: string;
}

export type SweepPlan =
  { ok: true; combinations: RawParams[]; skipped: number } | { ok: false; errors: SweepError[] };

/** Drops float noise: 0.1 + 0.2 → 0.3. */
const tidy = (value: number) => Number(value.toPrecision(12));

/** A starting range: the default and two steps either side, inside the spec's bounds. */
export function defaultSweepRange(spec: ParamSpec): SweepRange | undefined {
  if (spec.kind === 'boolean' || spec.kind === 'choice') return undefined;
  const step = spec.step ?? (spec.kind === 'integer' ? 1 : tidy((spec.max - spec.min) / 20));
  return {
    min: tidy(Math.max(spec.min, spec.default - 2 * step)),
    max: tidy(Math.min(spec.max, spec.default + 2 * step)),
    step,
  };
}

/** What is wrong with `range` for `spec`, naming the field; undefined when it is fine. */
export function validateSweepRange(spec: ParamSpec, range: SweepRange): string | undefined {
  if (spec.kind === 'boolean' || spec.kind === 'choice') return undefined;
  const { min, max, step } = range;
  const label = spec.label;
  if (![min, max, step].every(Number.isFinite))
    return `${label}: from, to and step must be numbers`;
  if (min < spec.min || max > spec.max) {
    return `${label}: the range must lie between ${spec.min} and ${spec.max}`;
  }
  if (min > max) return `${label}: "from" must not be above "to"`;
  if (!(step > 0)) return `${label}: the step must be above 0`;
  if (spec.kind === 'integer' && ![min, max, step].every(Number.isInteger)) {
    return `${label}: from, to and step must be whole numbers`;
  }
  if (
    spec.step !== undefined &&
    !(isOnStep(min, spec.min, spec.step) && isOnStep(step, 0, spec.step))
  ) {
    return `${label}: from and step must be multiples of ${spec.step}`;
  }
  return undefined;
}

/** The values one axis takes, in increasing order. */
export function axisValues(spec: ParamSpec, range?: SweepRange): (number | boolean | string)[] {
  if (spec.kind === 'boolean') return [false, true];
  if (spec.kind === 'choice') return spec.options.map((option) => option.value);
  if (!range) return [spec.default];
  const count = Math.floor((range.max - range.min) / range.step + 1e-9) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) =>
    tidy(range.min + index * range.step),
  );
}

/** How many combinations the axes make (before the template's own checks). */
export function sweepSize(
  strategy: Pick<AnyStrategy, 'params'>,
  axes: readonly SweepAxis[],
): number {
  const specs = strategy.params as Record<string, ParamSpec>;
  return axes.reduce((product, axis) => {
    const spec = specs[axis.name];
    return spec ? product * axisValues(spec, axis.range).length : product;
  }, 1);
}

/**
 * Every combination of the axes over `base` (the other parameters), in odometer order (the
 * last axis changes fastest). Fails with named errors for a bad range, an unknown parameter or
 * more than `cap` combinations; combinations the template rejects are skipped.
 */
export function planSweep(
  strategy: Pick<AnyStrategy, 'params' | 'validate' | 'name'>,
  base: RawParams,
  axes: readonly SweepAxis[],
  cap = MAX_SWEEP_COMBINATIONS,
): SweepPlan {
  const specs = strategy.params as Record<string, ParamSpec>;
  const errors: SweepError[] = [];
  if (axes.length === 0)
    errors.push({ field: 'sweep', message: 'Choose at least one parameter to vary' });
  for (const axis of axes) {
    const spec = specs[axis.name];
    if (!spec) {
      errors.push({
        field: axis.name,
        message: `"${axis.name}" is not a parameter of ${strategy.name}`,
      });
      continue;
    }
    const message = axis.range ? validateSweepRange(spec, axis.range) : undefined;
    if (message) errors.push({ field: axis.name, message });
  }
  if (errors.length > 0) return { ok: false, errors };
  const size = sweepSize(strategy, axes);
  if (size > cap) {
    return {
      ok: false,
      errors: [
        {
          field: 'sweep',
          message: `${size} combinations is more than the limit of ${cap}; narrow a range or raise a step`,
        },
      ],
    };
  }
  let grid: RawParams[] = [{ ...base }];
  for (const axis of axes) {
    const values = axisValues(specs[axis.name] as ParamSpec, axis.range);
    grid = grid.flatMap((params) => values.map((value) => ({ ...params, [axis.name]: value })));
  }
  const combinations = grid.filter((params) => validateParams(strategy, params).ok);
  return { ok: true, combinations, skipped: grid.length - combinations.length };
}
