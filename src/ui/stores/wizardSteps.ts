/**
 * The bot wizard's steps and which fields each one owns, so "Next" can refuse with exactly the
 * errors of the step shown. Field keys are the engine's ("params.fast", "risk.stopLoss.percent").
 */
import type { FieldError } from '../../host/engineApi';

export const WIZARD_STEPS = [
  { id: 'account', title: 'Account and mode' },
  { id: 'market', title: 'Market' },
  { id: 'template', title: 'Template' },
  { id: 'parameters', title: 'Parameters' },
  { id: 'risk', title: 'Risk' },
  { id: 'review', title: 'Review' },
] as const;

export const REVIEW_STEP = WIZARD_STEPS.length - 1;

const STEP_OF_FIELD: Record<string, number> = {
  name: 0,
  accountId: 0,
  mode: 0,
  symbol: 1,
  allocation: 1,
  strategyId: 2,
  timeframe: 2,
};

/** The step that shows `field`; fields no step shows belong to the review. */
export function stepOfField(field: string): number {
  if (field.startsWith('params.')) return 3;
  if (field === 'risk' || field.startsWith('risk.')) return 4;
  return STEP_OF_FIELD[field] ?? REVIEW_STEP;
}

/** The errors shown on `step` (the review step shows every error). */
export function errorsOfStep(errors: readonly FieldError[], step: number): FieldError[] {
  if (step >= REVIEW_STEP) return [...errors];
  return errors.filter((error) => stepOfField(error.field) === step);
}

/** A step number clamped to the wizard's range. */
export function clampStep(step: number): number {
  return Math.min(Math.max(0, Math.trunc(step)), REVIEW_STEP);
}

/**
 * The risk section a risk field belongs to, e.g. "risk.takeProfit.steps[0].percent" →
 * "risk.takeProfit": editing one input of a section shows the section's errors.
 */
export function riskSectionOf(field: string): string {
  return `risk.${field.slice('risk.'.length).split(/[.[]/)[0] ?? ''}`;
}
