/**
 * Small helpers shared by the risk settings' validators (riskConfig.ts, breakers.ts): one error
 * per bad field, naming the field and the allowed range, in the style of strategy parameters
 * (strategy/params.ts). Pure.
 */

/** A problem with one setting; `field` is its path, e.g. "takeProfit.steps[1].fraction". */
export interface RiskFieldError {
  field: string;
  message: string;
}

/** The result of validating a settings section: the normalized value, or every problem found. */
export type RiskValidation<T> = { ok: true; value: T } | { ok: false; errors: RiskFieldError[] };

/** How a numeric setting is bounded: inclusive min and max, optionally whole numbers only. */
export interface NumberRule {
  label: string;
  min: number;
  max: number;
  integer?: boolean;
  /** When true, `min` itself is not allowed (e.g. "greater than 0"). */
  exclusiveMin?: boolean;
}

/** Formats a number for a message without float artifacts (0.30000000000000004 -> 0.3). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** "between 0.1 and 99", "a whole number between 1 and 1000", "greater than 0". */
export function describeRule(rule: NumberRule): string {
  const noun = rule.integer ? 'a whole number ' : '';
  if (rule.max === Infinity) {
    return `${noun}${rule.exclusiveMin ? 'greater than' : 'at least'} ${formatNumber(rule.min)}`;
  }
  return `${noun}between ${formatNumber(rule.min)} and ${formatNumber(rule.max)}`;
}

/**
 * Checks one numeric value; returns the message to show, or undefined when it is valid.
 *
 * @example checkNumber(150, { label: 'Stop-loss percent', min: 0.1, max: 99 })
 *   // "Stop-loss percent must be between 0.1 and 99"
 */
export function checkNumber(value: unknown, rule: NumberRule): string | undefined {
  const allowed = describeRule(rule);
  if (value === undefined) return `${rule.label} is missing; it must be ${allowed}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${rule.label} must be a number ${allowed}`;
  }
  const belowMin = rule.exclusiveMin ? value <= rule.min : value < rule.min;
  if (belowMin || value > rule.max || (rule.integer && !Number.isInteger(value))) {
    return `${rule.label} must be ${allowed}`;
  }
  return undefined;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects the errors of one section and reads its numeric fields. */
export class ErrorCollector {
  readonly errors: RiskFieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** Reads `source[key]` as a number obeying `rule`; records an error and returns undefined if not. */
  number(
    source: Record<string, unknown>,
    key: string,
    field: string,
    rule: NumberRule,
  ): number | undefined {
    const value = source[key];
    const message = checkNumber(value, rule);
    if (message !== undefined) {
      this.add(field, message);
      return undefined;
    }
    return value as number;
  }

  /** Records an error for every key of `source` not in `known`. */
  unknownKeys(source: Record<string, unknown>, known: readonly string[], prefix: string): void {
    for (const key of Object.keys(source)) {
      if (!known.includes(key)) {
        const field = prefix === '' ? key : `${prefix}.${key}`;
        this.add(field, `"${field}" is not a risk setting`);
      }
    }
  }
}
