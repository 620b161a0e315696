/**
 * A Dexie middleware for the database's busy writer (the bot-host worker): it coarsens the key
 * ranges a write transaction reports to live queries. Dexie 4 broadcasts every write's ranges
 * to every tab, and each live query there that does not re-run keeps accumulating them (its
 * `accumMuts`) — with 100 bots at 600× that is a thousand new equity keys a second, merged
 * into interval trees on the page's main thread. Coarsened as `COARSE_PARTS` says:
 * - 'perFirst': a compound key [botId, …] widens to every key of that bot, [botId, min..max];
 * - 'upward': a rising key (auto-incremented seq, a time) widens to [key, max].
 * A coarse range only ever covers more keys, so a live query may re-run needlessly but never
 * misses a change; and coarse ranges merge, so what accumulates stays bounded by the bots.
 * Tables and indexes not listed are reported exactly as Dexie reports them.
 */
import { RangeSet, type DBCore, type Middleware, type ObservabilitySet } from 'dexie';

export type CoarseRule = 'perFirst' | 'upward';

/** Rules by "table/index" ('' is the primary key, ':dels' deleted primary keys). */
export type CoarseParts = Readonly<Record<string, CoarseRule>>;

/**
 * The parts the bot host writes on every candle or event: equity points ([botId+time]) and
 * events (auto-incremented seq, [botId+seq], time), plus the fills' [botId+time] index.
 * Fills' and orders' own keys stay exact: the bot page's lists track the rows they show.
 */
export const COARSE_PARTS: CoarseParts = {
  'equity/': 'perFirst',
  'equity/:dels': 'perFirst',
  'events/': 'upward',
  'events/[botId+seq]': 'perFirst',
  'events/time': 'upward',
  'fills/[botId+time]': 'perFirst',
  'orders/updatedAt': 'upward',
};

interface Bounds {
  minKey: unknown;
  maxKey: unknown;
}

function coarsenRange(
  from: unknown,
  to: unknown,
  rule: CoarseRule,
  bounds: Bounds,
): { from: unknown; to: unknown } {
  if (rule === 'upward') return { from, to: bounds.maxKey };
  const first = Array.isArray(from) ? (from[0] as unknown) : undefined;
  const sameFirst = Array.isArray(to) && first !== undefined && to[0] === first;
  return sameFirst ? { from: [first, bounds.minKey], to: [first, bounds.maxKey] } : { from, to };
}

/**
 * Coarsens `parts` in place by `rules` (keys `idb://<db>/<table>/<index>`). Pure apart from
 * that; exported for tests.
 */
export function coarsenParts(
  parts: ObservabilitySet,
  rules: CoarseParts,
  dbName: string,
  bounds: Bounds,
): void {
  const prefix = `idb://${dbName}/`;
  for (const key of Object.keys(parts)) {
    const rule = key.startsWith(prefix) ? rules[key.slice(prefix.length)] : undefined;
    const tree = parts[key];
    if (!rule || !tree) continue;
    const coarse = new RangeSet();
    for (const node of RangeSet(tree)) {
      coarse.add(coarsenRange(node.from, node.to, rule, bounds) as { from: never; to: never });
    }
    parts[key] = coarse;
  }
}

/** The middleware: after each write, coarsens what the transaction will report. */
export function coarseObservability(rules: CoarseParts = COARSE_PARTS): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'CoarseObservability',
    // Above Dexie's Observability middleware (level 0), so it sees the ranges that one adds.
    level: 1,
    create(down) {
      const bounds = { minKey: down.MIN_KEY, maxKey: down.MAX_KEY };
      const dbName = down.schema.name;
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            // `.then` on Dexie's own promise keeps the transaction's zone (no native await).
            mutate: (request) =>
              table.mutate(request).then((result) => {
                const trans = request.trans as { mutatedParts?: ObservabilitySet };
                if (trans.mutatedParts) coarsenParts(trans.mutatedParts, rules, dbName, bounds);
                return result;
              }),
          };
        },
      };
    },
  };
}
