/**
 * Checks a PaperState handed in for resuming (from storage, so possibly old, foreign or
 * damaged) before the exchange trusts it. Every failure throws a PaperStateError naming the
 * field and what is wrong with it, e.g. `openOrders[2].order.amount must be a finite number`.
 */
import type { ExchangeOrder } from '../../core/orders/types';
import { PAPER_STATE_VERSION } from './state';
import type { PaperState } from './state';

export class PaperStateError extends Error {
  override name = 'PaperStateError';
  constructor(
    /** Path of the offending field, e.g. "openOrders[0].reserved". */
    readonly field: string,
    problem: string,
  ) {
    super(`Cannot resume the paper exchange: ${field} ${problem}`);
  }
}

type Fields = Record<string, unknown>;

function object(value: unknown, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PaperStateError(field, 'must be an object');
  }
  return value as Fields;
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new PaperStateError(field, 'must be an array');
  return value;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new PaperStateError(field, 'must be a non-empty string');
  }
  return value;
}

function number(value: unknown, field: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PaperStateError(field, `must be a finite number (got ${String(value)})`);
  }
  if (value < min) throw new PaperStateError(field, `must be ≥ ${min} (got ${value})`);
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new PaperStateError(field, `must be one of ${allowed.join(', ')} (got ${String(value)})`);
  }
  return value as T;
}

function numberRecord(value: unknown, field: string, min?: number): void {
  for (const [key, entry] of Object.entries(object(value, field))) {
    number(entry, `${field}.${key}`, min);
  }
}

function checkOrder(value: unknown, field: string, isOpen: boolean): ExchangeOrder {
  const order = object(value, field);
  for (const key of ['id', 'clientOrderId', 'symbol']) string(order[key], `${field}.${key}`);
  oneOf(order['side'], `${field}.side`, ['buy', 'sell']);
  oneOf(order['type'], `${field}.type`, ['market', 'limit']);
  for (const key of ['timestamp', 'amount', 'filled', 'remaining', 'cost']) {
    number(order[key], `${field}.${key}`, key === 'timestamp' ? -Infinity : 0);
  }
  for (const key of ['price', 'triggerPrice']) {
    if (order[key] !== undefined) number(order[key], `${field}.${key}`, 0);
  }
  const statuses = isOpen ? (['open'] as const) : (['closed', 'canceled', 'rejected'] as const);
  oneOf(order['status'], `${field}.status`, statuses);
  return order as unknown as ExchangeOrder;
}

function checkTrade(value: unknown, field: string): void {
  const trade = object(value, field);
  for (const key of ['id', 'order', 'clientOrderId', 'symbol'])
    string(trade[key], `${field}.${key}`);
  oneOf(trade['side'], `${field}.side`, ['buy', 'sell']);
  oneOf(trade['takerOrMaker'], `${field}.takerOrMaker`, ['taker', 'maker']);
  for (const key of ['timestamp', 'price', 'amount', 'cost']) number(trade[key], `${field}.${key}`);
  number(object(trade['fee'], `${field}.fee`)['cost'], `${field}.fee.cost`);
}

function checkOpenOrders(value: unknown, seen: ReadonlySet<string>): void {
  array(value, 'openOrders').forEach((entry, index) => {
    const field = `openOrders[${index}]`;
    const open = object(entry, field);
    const order = checkOrder(open['order'], `${field}.order`, true);
    number(open['reserved'], `${field}.reserved`, 0);
    const entryPoint = open['entryPoint'];
    if (entryPoint !== undefined && ![0, 1, 2, 3].includes(entryPoint as number)) {
      throw new PaperStateError(
        `${field}.entryPoint`,
        `must be 0, 1, 2 or 3 (got ${String(entryPoint)})`,
      );
    }
    if (open['fillPrice'] !== undefined) number(open['fillPrice'], `${field}.fillPrice`, 0);
    if (!seen.has(order.clientOrderId)) {
      throw new PaperStateError(
        `${field}.order.clientOrderId`,
        'is missing from seenClientOrderIds',
      );
    }
  });
}

/** Throws a PaperStateError unless `value` is a paper state this build can resume on `source`. */
export function assertPaperState(value: unknown, source: string): asserts value is PaperState {
  const state = object(value, 'state');
  if (state['version'] !== PAPER_STATE_VERSION) {
    throw new PaperStateError(
      'version',
      `${String(state['version'])} is not supported (this version reads ${PAPER_STATE_VERSION})`,
    );
  }
  if (state['source'] !== source) {
    throw new PaperStateError(
      'source',
      `is "${String(state['source'])}": the state belongs to paper:${String(state['source'])}, not paper:${source}`,
    );
  }
  numberRecord(state['balances'], 'balances');
  numberRecord(state['playedUntil'], 'playedUntil');
  for (const key of ['nextOrderSeq', 'nextTradeSeq']) {
    if (!Number.isInteger(state[key]) || (state[key] as number) < 1) {
      throw new PaperStateError(key, `must be a positive integer (got ${String(state[key])})`);
    }
  }
  const seen = array(state['seenClientOrderIds'], 'seenClientOrderIds').map((id, index) =>
    string(id, `seenClientOrderIds[${index}]`),
  );
  checkOpenOrders(state['openOrders'], new Set(seen));
  array(state['closedOrders'], 'closedOrders').forEach((order, index) =>
    checkOrder(order, `closedOrders[${index}]`, false),
  );
  array(state['trades'], 'trades').forEach((trade, index) => checkTrade(trade, `trades[${index}]`));
}
