/**
 * Parameter specs at work: default values, and validation of stored (untyped) values against
 * a strategy's spec. One message per bad field, naming the field's label and what is allowed,
 * so a form can show it next to the input. Nothing is defaulted silently.
 */
import type {
  NumericParamSpec,
  ParamSpec,
  ParamSpecs,
  ParamValues,
  RawParams,
  StrategyDefinition,
} from './types';

/** A problem with one parameter; `field` is the key in the spec. */
export interface ParamError {
  field: string;
  message: string;
}

export type ParamValidation<P extends ParamSpecs> =
  { ok: true; values: ParamValues<P> } | { ok: false; errors: ParamError[] };

/** How far (in steps) a value may sit off the step grid and still count as on it: float noise. */
const STEP_TOLERANCE = 1e-9;

/** The default value of every parameter. */
export function defaultParams<P extends ParamSpecs>(specs: P): ParamValues<P> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) values[key] = spec.default;
  return values as ParamValues<P>;
}

/** Formats a number for a message without float artifacts (0.30000000000000004 -> 0.3). */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** True when `value` lies on the grid min, min + step, min + 2·step… (up to float noise). */
export function isOnStep(value: number, min: number, step: number): boolean {
  const steps = (value - min) / step;
  return Math.abs(steps - Math.round(steps)) <= STEP_TOLERANCE * Math.max(1, Math.abs(steps));
}

/** "a whole number between 2 and 200", "a percentage between 0.5% and 20% in steps of 0.5%". */
export function describeNumericSpec(spec: NumericParamSpec): string {
  const unit = spec.kind === 'percent' ? '%' : '';
  const noun =
    spec.kind === 'integer'
      ? 'a whole number'
      : spec.kind === 'percent'
        ? 'a percentage'
        : 'a number';
  const range = `between ${formatNumber(spec.min)}${unit} and ${formatNumber(spec.max)}${unit}`;
  const isDefaultStep = spec.step === undefined || (spec.kind === 'integer' && spec.step === 1);
  const step = isDefaultStep ? '' : ` in steps of ${formatNumber(spec.step ?? 1)}${unit}`;
  return `${noun} ${range}${step}`;
}

function describeSpec(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'true or false';
    case 'choice':
      return `one of ${spec.options.map((option) => `"${option.label}"`).join(', ')}`;
    default:
      return describeNumericSpec(spec);
  }
}

function isValidValue(spec: ParamSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return spec.options.some((option) => option.value === value);
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (value < spec.min || value > spec.max) return false;
      if (spec.kind === 'integer' && !Number.isInteger(value)) return false;
      return spec.step === undefined || isOnStep(value, spec.min, spec.step);
    }
  }
}

/**
 * Checks one value against its spec. Returns the message to show, or undefined when valid.
 *
 * @example
 * validateParam(spec, 1.5); // "Fast period must be a whole number between 2 and 200"
 */
export function validateParam(spec: ParamSpec, value: unknown): string | undefined {
  if (value === undefined) return `${spec.label} is missing; it must be ${describeSpec(spec)}`;
  return isValidValue(spec, value) ? undefined : `${spec.label} must be ${describeSpec(spec)}`;
}

/**
 * Validates stored parameter values against a strategy: every spec'd field must be present and
 * valid, unknown fields are rejected, then the strategy's cross-field `validate` runs.
 *
 * @example
 * const result = validateParams(smaCrossover, { fast: 9, slow: 21 });
 * if (!result.ok) showErrors(result.errors); // [{ field, message }]
 */
export function validateParams<P extends ParamSpecs, S>(
  strategy: Pick<StrategyDefinition<P, S>, 'params' | 'validate' | 'name'>,
  raw: RawParams,
): ParamValidation<P> {
  const errors: ParamError[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(strategy.params)) {
    const value = Object.hasOwn(raw, field) ? raw[field] : undefined;
    const message = validateParam(spec, value);
    if (message === undefined) values[field] = value;
    else errors.push({ field, message });
  }
  for (const field of Object.keys(raw)) {
    if (!Object.hasOwn(strategy.params, field)) {
      errors.push({ field, message: `"${field}" is not a parameter of ${strategy.name}` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const typed = values as ParamValues<P>;
  const crossFieldError = strategy.validate?.(typed);
  if (crossFieldError) return { ok: false, errors: [{ ...crossFieldError }] };
  return { ok: true, values: typed };
}
