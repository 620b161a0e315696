/**
 * The strategies as the UI sees them: the built-in templates (strategies/) and the custom
 * strategies installed in IndexedDB (src/host/custom), merged into one list of entries for the
 * create form, the dashboard and the bot pages; plus safe lookups for names (a bot may
 * reference a template this build no longer ships, or a custom strategy that was deleted).
 * The custom rows are read with one app-wide liveQuery, started on first use.
 */
import { createMemo, createRoot, type Accessor } from 'solid-js';
import type { AnyStrategy, StrategyInfo } from '../core/strategy/types';
import type { CustomStrategyRow } from '../db/schema';
import { getStrategy, STRATEGIES } from '../../strategies';
import { db } from './db';
import { createLiveList, type LiveQuery } from './liveQuery';

export { STRATEGIES };

/** A strategy the user can choose: what it is, its parameter spec, and where it comes from. */
export interface StrategyEntry extends StrategyInfo {
  /** True for a custom strategy module (id "custom-…"); false for a built-in template. */
  isCustom: boolean;
}

/** The merged list, live: call it for the entries (templates first, then custom by age). */
export interface StrategyCatalog {
  (): readonly StrategyEntry[];
  /** True once the custom strategies were read (until then only templates are listed). */
  loaded: Accessor<boolean>;
  /** The entry with `id` (template or custom), or undefined. Reactive. */
  find(id: string): StrategyEntry | undefined;
}

function templateEntry(strategy: AnyStrategy): StrategyEntry {
  const { id, name, description, category, timeframe, params, validate } = strategy;
  return { id, name, description, category, timeframe, params, validate, isCustom: false };
}

function customEntry(row: CustomStrategyRow): StrategyEntry {
  const { id, name, description, category, timeframe, params } = row;
  // A custom strategy's cross-field validate() runs in its worker, when the engine checks.
  return { id, name, description, category, timeframe, params, isCustom: true };
}

const TEMPLATE_ENTRIES: readonly StrategyEntry[] = STRATEGIES.map(templateEntry);

let shared: StrategyCatalog | undefined;

/** Reads every installed custom strategy once (not live), oldest first. */
function readCustomRows(): Promise<CustomStrategyRow[]> {
  return db.customStrategies.orderBy('addedAt').toArray();
}

/**
 * The catalogue of every strategy, live: templates plus the installed custom strategies.
 * One shared subscription backs every call, so calling this in many components is cheap.
 * @example const catalog = createStrategyCatalog(); <For each={catalog()}>…</For>
 */
export function createStrategyCatalog(): StrategyCatalog {
  shared ??= createRoot(() => {
    const rows: LiveQuery<readonly CustomStrategyRow[]> = createLiveList(readCustomRows, 'id');
    // Rows keep their identity across updates (reconciled), so entries do too.
    const cache = new WeakMap<CustomStrategyRow, StrategyEntry>();
    const entryOf = (row: CustomStrategyRow): StrategyEntry => {
      let entry = cache.get(row);
      if (!entry) {
        entry = customEntry(row);
        cache.set(row, entry);
      }
      return entry;
    };
    const entries = createMemo(() => [...TEMPLATE_ENTRIES, ...rows().map(entryOf)]);
    return Object.assign(() => entries(), {
      loaded: rows.loaded,
      find: (id: string) => entries().find((entry) => entry.id === id),
    });
  });
  return shared;
}

/**
 * Every strategy entry, read once (for code that runs before or outside a component, e.g.
 * restoring a saved draft that names a custom strategy).
 */
export async function loadStrategyEntries(): Promise<readonly StrategyEntry[]> {
  const rows = await readCustomRows().catch((cause: unknown) => {
    console.warn('Could not read the custom strategies', cause);
    return [];
  });
  return [...TEMPLATE_ENTRIES, ...rows.map(customEntry)];
}

/** The template with `id`, or undefined when this build has no such template. */
export function findStrategy(id: string): AnyStrategy | undefined {
  try {
    return getStrategy(id) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The template or custom strategy with `id` (reactive), or undefined. */
export function findStrategyEntry(id: string): StrategyEntry | undefined {
  return createStrategyCatalog().find(id);
}

/** The human name of template or custom strategy `id` (reactive), falling back to the id. */
export function strategyName(id: string): string {
  const template = findStrategy(id);
  if (template) return template.name;
  return id.startsWith('custom-') ? (findStrategyEntry(id)?.name ?? id) : id;
}
