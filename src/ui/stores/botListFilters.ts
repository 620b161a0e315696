/**
 * The dashboard's search, filters and sort as plain data and pure functions: which bots match,
 * in what order, and how the state round-trips through sessionStorage.
 */
import type { Bot, BotMode, BotStatus } from '../../core/bot/types';

export type SortKey = 'name' | 'status' | 'pnl' | 'lastAction';

export interface BotFilters {
  search: string;
  /** '' means All. */
  status: BotStatus | '';
  mode: BotMode | '';
  /** A strategy id; '' means All. */
  template: string;
  /** An exchange account id; '' means All. */
  exchange: string;
  sort: SortKey;
  reverse: boolean;
}

export const DEFAULT_FILTERS: BotFilters = {
  search: '',
  status: '',
  mode: '',
  template: '',
  exchange: '',
  sort: 'name',
  reverse: false,
};

export const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name',
  status: 'Status',
  pnl: 'PnL',
  lastAction: 'Last action',
};

/** What sorting and matching need to know about a bot beyond its document. */
export interface BotFacts {
  templateName(bot: Bot): string;
  pnl(bot: Bot): number;
  lastAction(bot: Bot): number | undefined;
}

/** True when any filter or the search narrows the list (sort order does not). */
export function isFiltering(filters: BotFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.status !== '' ||
    filters.mode !== '' ||
    filters.template !== '' ||
    filters.exchange !== ''
  );
}

export function matchesFilters(bot: Bot, filters: BotFilters, facts: BotFacts): boolean {
  if (filters.status !== '' && bot.status !== filters.status) return false;
  if (filters.mode !== '' && bot.config.mode !== filters.mode) return false;
  if (filters.template !== '' && bot.config.strategyId !== filters.template) return false;
  if (filters.exchange !== '' && bot.config.accountId !== filters.exchange) return false;
  // Archived bots are shelved: only the Archived status filter shows them.
  if (filters.status === '' && bot.status === 'archived') return false;
  const query = filters.search.trim().toLowerCase();
  if (query === '') return true;
  return [bot.config.name, bot.config.symbol, facts.templateName(bot)].some((text) =>
    text.toLowerCase().includes(query),
  );
}

const STATUS_ORDER: readonly BotStatus[] = [
  'running',
  'paused',
  'error',
  'stopped',
  'draft',
  'archived',
];

function compareBy(sort: SortKey, facts: BotFacts): (a: Bot, b: Bot) => number {
  switch (sort) {
    case 'status':
      return (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    case 'pnl':
      // Best first.
      return (a, b) => facts.pnl(b) - facts.pnl(a);
    case 'lastAction':
      // Most recent first.
      return (a, b) => (facts.lastAction(b) ?? 0) - (facts.lastAction(a) ?? 0);
    case 'name':
      return () => 0;
  }
}

const byName = (a: Bot, b: Bot): number =>
  a.config.name.localeCompare(b.config.name, undefined, { numeric: true, sensitivity: 'base' });

/** The bots that match, in the chosen order (ties broken by name); never mutates `bots`. */
export function applyFilters(
  bots: readonly Bot[],
  filters: BotFilters,
  facts: BotFacts,
): readonly Bot[] {
  const compare = compareBy(filters.sort, facts);
  const sorted = bots
    .filter((bot) => matchesFilters(bot, filters, facts))
    .sort((a, b) => compare(a, b) || byName(a, b));
  return filters.reverse ? sorted.reverse() : sorted;
}

const STATUSES = new Set<string>(['draft', 'stopped', 'running', 'paused', 'error', 'archived']);
const MODES = new Set<string>(['simulated', 'paper', 'live']);
const SORTS = new Set<string>(['name', 'status', 'pnl', 'lastAction']);

/** Reads saved filters, falling back field by field to the defaults on anything unexpected. */
export function parseFilters(text: string | null): BotFilters {
  if (!text) return { ...DEFAULT_FILTERS };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_FILTERS };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_FILTERS };
  const value = raw as Record<string, unknown>;
  const str = (key: string): string => (typeof value[key] === 'string' ? value[key] : '');
  return {
    search: str('search'),
    status: STATUSES.has(str('status')) ? (str('status') as BotStatus) : '',
    mode: MODES.has(str('mode')) ? (str('mode') as BotMode) : '',
    template: str('template'),
    exchange: str('exchange'),
    sort: SORTS.has(str('sort')) ? (str('sort') as SortKey) : 'name',
    reverse: value.reverse === true,
  };
}
