/**
 * Checks what a custom strategy returned before it leaves the worker. Templates are typed;
 * untyped module code can return anything, so each intent is checked against the SDK's
 * OrderIntent shapes (the first problem is reported with the intent's position) and copied
 * as plain JSON.
 */
import type { OrderIntent } from '../../core/orders/types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isPositive = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
const isOptionalPositive = (value: unknown) => value === undefined || isPositive(value);
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';
const isNonEmptyString = (value: unknown) => typeof value === 'string' && value !== '';

/** The problem with one intent, or undefined when it is a valid OrderIntent. */
function intentProblem(intent: Record<string, unknown>): string | undefined {
  if (!isOptionalString(intent.tag)) return 'tag must be a string';
  switch (intent.kind) {
    case 'enter_long':
      return isOptionalPositive(intent.quote) ? undefined : 'quote must be a positive number';
    case 'exit_long': {
      const fraction = intent.fraction;
      const isValid = fraction === undefined || (isPositive(fraction) && (fraction as number) <= 1);
      return isValid ? undefined : 'fraction must be a number in (0, 1]';
    }
    case 'place_limit':
      if (intent.side !== 'buy' && intent.side !== 'sell') return 'side must be "buy" or "sell"';
      if (!isPositive(intent.price)) return 'price must be a positive number';
      return isPositive(intent.amount) ? undefined : 'amount must be a positive number';
    case 'amend':
      if (!isNonEmptyString(intent.clientOrderId)) return 'clientOrderId must be a string';
      if (!isOptionalPositive(intent.price)) return 'price must be a positive number';
      return isOptionalPositive(intent.amount) ? undefined : 'amount must be a positive number';
    case 'cancel':
      return isNonEmptyString(intent.clientOrderId) ? undefined : 'clientOrderId must be a string';
    case 'cancel_all':
      return undefined;
    default:
      return `unknown kind ${JSON.stringify(intent.kind)} (enter_long, exit_long, place_limit, amend, cancel, cancel_all)`;
  }
}

/**
 * The intents `result` holds (undefined and null mean none).
 * @throws Error naming the call, the intent's position and the problem.
 */
export function checkIntents(result: unknown, call: 'onCandle' | 'onFill'): OrderIntent[] {
  if (result === undefined || result === null) return [];
  if (!Array.isArray(result)) {
    throw new Error(`${call} must return an array of intents or nothing, not ${typeof result}.`);
  }
  return result.map((intent: unknown, index) => {
    const problem = isRecord(intent) ? intentProblem(intent) : 'it is not an object';
    if (problem) throw new Error(`${call} returned an invalid intent #${index + 1}: ${problem}.`);
    // A plain copy: extra properties (functions, getters) must not reach postMessage.
    return JSON.parse(JSON.stringify(intent)) as OrderIntent;
  });
}
