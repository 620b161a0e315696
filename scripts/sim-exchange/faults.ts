/**
 * Fault injection: a queue of armed faults the REST router and the WebSocket API consult before
 * each request. Each fault applies to the next `count` matching requests, then disarms.
 *
 * - rate_limit: HTTP 429 + Retry-After (WebSocket API: status 429, error -1003, retryAfter)
 * - ban: HTTP 418 + Retry-After, as Binance's IP ban
 * - server_error: HTTP `status` (default 503) with -1001
 * - timeout: the request is never answered (the socket stays open until the client gives up)
 * - drop_response: the request is processed (an order is accepted), then the connection is
 *   closed without a response (WebSocket API: no response is sent)
 * - partial_fill: the next order(s) fill only `fraction` (default 0.5) at first; a market order's
 *   rest expires, a limit's rest stays open and fills on a later crossing
 *
 * `match` narrows a fault to a method and/or path: REST paths like "/api/v3/order", WebSocket
 * API methods like "order.place". Defaults: drop_response and partial_fill match order placement
 * (POST /api/v3/order, order.place); the others match every API request.
 */
export type FaultKind =
  'rate_limit' | 'ban' | 'server_error' | 'timeout' | 'drop_response' | 'partial_fill';

export const FAULT_KINDS: readonly FaultKind[] = [
  'rate_limit',
  'ban',
  'server_error',
  'timeout',
  'drop_response',
  'partial_fill',
];

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it applies to (default 1). */
  count?: number;
  /** rate_limit / ban: the Retry-After seconds (default 1). */
  retryAfterSeconds?: number;
  /** server_error: the HTTP status (500-599, default 503). */
  status?: number;
  /** partial_fill: the share filled at first, 0 < fraction < 1 (default 0.5). */
  fraction?: number;
  match?: { method?: string; path?: string };
}

export interface ArmedFault extends Required<Omit<FaultSpec, 'match'>> {
  match: { method?: string; path?: string };
  id: number;
}

/** A request as faults see it: REST (method + path) or WebSocket API (method "WS" + name). */
export interface FaultTarget {
  method: string;
  path: string;
  isOrderPlacement: boolean;
}

export interface Faults {
  add(spec: FaultSpec): ArmedFault;
  list(): ArmedFault[];
  clear(): void;
  /** Takes (consumes one use of) the first armed fault of `kinds` matching `target`. */
  take(target: FaultTarget, kinds: readonly FaultKind[]): ArmedFault | undefined;
}

/** Checks a fault spec from JSON; throws an Error naming the bad field. */
export function parseFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null) throw new Error('body must be a JSON object');
  const spec = input as Record<string, unknown>;
  if (!FAULT_KINDS.includes(spec.kind as FaultKind)) {
    throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const number = (name: string, ok: (value: number) => boolean) => {
    const value = spec[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !ok(value)) throw new Error(`${name} is out of range`);
    return value;
  };
  const count = number('count', (v) => Number.isInteger(v) && v >= 1 && v <= 10_000);
  const retryAfterSeconds = number(
    'retryAfterSeconds',
    (v) => Number.isInteger(v) && v >= 0 && v <= 3_600,
  );
  const status = number('status', (v) => Number.isInteger(v) && v >= 500 && v <= 599);
  const fraction = number('fraction', (v) => v > 0 && v < 1);
  const match = spec.match;
  if (match !== undefined && (typeof match !== 'object' || match === null)) {
    throw new Error('match must be an object with method and/or path');
  }
  return {
    kind: spec.kind as FaultKind,
    ...(count !== undefined ? { count } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(fraction !== undefined ? { fraction } : {}),
    ...(match ? { match: match as FaultSpec['match'] } : {}),
  };
}

export function createFaults(): Faults {
  let armed: ArmedFault[] = [];
  let nextId = 1;
  const matches = (fault: ArmedFault, target: FaultTarget) => {
    const { method, path } = fault.match;
    if (method === undefined && path === undefined) {
      return fault.kind === 'drop_response' || fault.kind === 'partial_fill'
        ? target.isOrderPlacement
        : true;
    }
    return (
      (method === undefined || method.toUpperCase() === target.method.toUpperCase()) &&
      (path === undefined || path === target.path)
    );
  };
  return {
    add(spec) {
      const checked = parseFaultSpec(spec);
      const fault: ArmedFault = {
        id: nextId++,
        kind: checked.kind,
        count: checked.count ?? 1,
        retryAfterSeconds: checked.retryAfterSeconds ?? 1,
        status: checked.status ?? 503,
        fraction: checked.fraction ?? 0.5,
        match: checked.match ?? {},
      };
      armed.push(fault);
      return { ...fault };
    },
    list: () => armed.map((fault) => ({ ...fault })),
    clear() {
      armed = [];
    },
    take(target, kinds) {
      const fault = armed.find(
        (candidate) => kinds.includes(candidate.kind) && matches(candidate, target),
      );
      if (!fault) return undefined;
      fault.count -= 1;
      if (fault.count <= 0) armed = armed.filter((candidate) => candidate !== fault);
      return { ...fault };
    },
  };
}
