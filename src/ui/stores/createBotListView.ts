/**
 * The dashboard list's view state on top of the bots store: search, filters and sort (kept in
 * sessionStorage so they survive navigating to a bot and back, per tab), the matching bots, the
 * selection, and bulk commands run one bot at a time with progress and a per-bot summary.
 */
import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import type { EngineApi, StopOptions } from '../../host/engineApi';
import { strategyName } from '../catalog';
import {
  applyFilters,
  DEFAULT_FILTERS,
  isFiltering,
  parseFilters,
  type BotFacts,
  type BotFilters,
} from './botListFilters';
import { summarizeOutcomes, type BulkOutcome, type BulkPlan } from './bulkActions';
import { messageOf } from './createCommandRunner';
import type { BotsStore } from './createBotsStore';

export const FILTERS_STORAGE_KEY = 'flotilla.dashboard.filters';

export interface BulkProgress {
  doing: string;
  current: number;
  total: number;
}

export interface BotListView {
  filters: Accessor<BotFilters>;
  setFilter<K extends keyof BotFilters>(key: K, value: BotFilters[K]): void;
  clearFilters(): void;
  isFiltering: Accessor<boolean>;
  /** The bots matching the filters, sorted. */
  matching: Accessor<readonly Bot[]>;
  /** Template ids in use, with their names, for the Template filter. */
  templates: Accessor<{ id: string; name: string }[]>;
  /** Exchange accounts in use, with their names, for the Exchange filter. */
  exchanges: Accessor<{ id: string; name: string }[]>;
  isSelected(id: string): boolean;
  setSelected(id: string, selected: boolean): void;
  /** Selected bots that still exist, in list order. */
  selected: Accessor<readonly Bot[]>;
  /** 'all' | 'some' | 'none' of the matching bots are selected. */
  matchingSelection: Accessor<'all' | 'some' | 'none'>;
  selectAllMatching(selected: boolean): void;
  progress: Accessor<BulkProgress | undefined>;
  summary: Accessor<string | undefined>;
  runBulk(plan: BulkPlan, api: EngineApi, options: StopOptions): Promise<void>;
}

function readSaved(): BotFilters {
  try {
    return parseFilters(sessionStorage.getItem(FILTERS_STORAGE_KEY));
  } catch {
    return { ...DEFAULT_FILTERS };
  }
}

export function createBotListView(store: BotsStore): BotListView {
  const [filters, setFilters] = createSignal<BotFilters>(readSaved());
  createEffect(
    on(filters, (value) => {
      try {
        sessionStorage.setItem(FILTERS_STORAGE_KEY, JSON.stringify(value));
      } catch {
        // Storage may be unavailable (private mode): the filters then last for this visit.
      }
    }),
  );

  const facts: BotFacts = {
    templateName: (bot) => strategyName(bot.config.strategyId),
    pnl: (bot) => store.metricsOf(bot).pnl,
    lastAction: (bot) => store.lastActionOf(bot).time,
  };
  const matching = createMemo(() => applyFilters(store.everyBot(), filters(), facts));
  const templates = createMemo(() => {
    const ids = [...new Set(store.bots().map((bot) => bot.config.strategyId))];
    return ids
      .map((id) => ({ id, name: strategyName(id) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
  const exchanges = createMemo(() => {
    const ids = [...new Set(store.bots().map((bot) => bot.config.accountId))];
    return ids
      .map((id) => ({ id, name: store.accountName(id) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  const [selectedIds, setSelectedIds] = createSignal<ReadonlySet<string>>(new Set());
  const selected = createMemo(() => matching().filter((bot) => selectedIds().has(bot.id)));
  // A bot that no longer matches once the filters change leaves the selection, so a bulk
  // command never reaches a bot the user cannot see.
  createEffect(
    on(
      filters,
      () => {
        const visible = new Set(matching().map((bot) => bot.id));
        setSelectedIds((ids) => new Set([...ids].filter((id) => visible.has(id))));
      },
      { defer: true },
    ),
  );

  const setSelected = (id: string, isOn: boolean): void => {
    setSelectedIds((ids) => {
      const next = new Set(ids);
      if (isOn) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const matchingSelection = createMemo(() => {
    const count = selected().length;
    if (count === 0) return 'none';
    return count === matching().length ? 'all' : 'some';
  });

  const [progress, setProgress] = createSignal<BulkProgress>();
  const [summary, setSummary] = createSignal<string>();

  async function runBulk(plan: BulkPlan, api: EngineApi, options: StopOptions): Promise<void> {
    if (progress()) return;
    setSummary(undefined);
    const outcomes: BulkOutcome[] = [];
    const total = plan.eligible.length;
    for (const [index, bot] of plan.eligible.entries()) {
      setProgress({ doing: plan.action.doing, current: index + 1, total });
      let outcome: BulkOutcome;
      try {
        const result = await plan.action.command(api, bot.id, options);
        outcome = result.ok
          ? { botId: bot.id, name: bot.config.name, ok: true }
          : { botId: bot.id, name: bot.config.name, ok: false, error: result.error };
      } catch (cause) {
        outcome = { botId: bot.id, name: bot.config.name, ok: false, error: messageOf(cause) };
      }
      outcomes.push(outcome);
      if (outcome.ok) setSelected(bot.id, false);
    }
    for (const skip of plan.skipped) {
      outcomes.push({
        botId: skip.bot.id,
        name: skip.bot.config.name,
        ok: false,
        error: skip.reason,
      });
    }
    setProgress(undefined);
    // Shown in a role=status region, which screen readers announce.
    setSummary(summarizeOutcomes(plan.action, outcomes));
  }

  return {
    filters,
    setFilter: (key, value) => setFilters((current) => ({ ...current, [key]: value })),
    clearFilters: () =>
      setFilters((current) => ({
        ...DEFAULT_FILTERS,
        sort: current.sort,
        reverse: current.reverse,
      })),
    isFiltering: () => isFiltering(filters()),
    matching,
    templates,
    exchanges,
    isSelected: (id) => selectedIds().has(id),
    setSelected,
    selected,
    matchingSelection,
    selectAllMatching: (isOn) => {
      setSelectedIds(isOn ? new Set(matching().map((bot) => bot.id)) : new Set<string>());
    },
    progress,
    summary,
    runBulk,
  };
}
