/**
 * Persistence of the bot-creation draft: loading it (with `?template=` applied on top) and
 * saving it, debounced, whenever it changes; a pending save is flushed when the form unmounts.
 */
import { createEffect, on, onCleanup } from 'solid-js';
import { loadStrategyEntries, STRATEGIES } from '../catalog';
import { drafts } from '../db';
import { emptyDraft, readDraft, type BotDraft } from './createBotDraft';

/** Saves at most every 300 ms while typing: enough to survive a reload, cheap on IndexedDB. */
const SAVE_DELAY_MS = 300;

/** The saved draft `id` (or a fresh one), preselecting template `template` when it exists. */
export async function loadBotDraft(id: string, template: string | undefined): Promise<BotDraft> {
  const stored = await drafts.loadDraft(id).catch((cause: unknown) => {
    console.warn('Could not read the saved draft', cause);
    return undefined;
  });
  const restored = readDraft(stored, emptyDraft(STRATEGIES[0]));
  // Templates and installed custom strategies: a draft or link may name either.
  const entries = await loadStrategyEntries();
  const entryOf = (id: string) => entries.find((entry) => entry.id === id);
  const chosen = template ? entryOf(template) : undefined;
  if (chosen && chosen.id !== restored.strategyId) {
    restored.strategyId = chosen.id;
    restored.timeframe = chosen.timeframe;
  }
  const fallback = STRATEGIES[0];
  if (!entryOf(restored.strategyId) && fallback) {
    restored.strategyId = fallback.id;
    restored.timeframe = fallback.timeframe;
  }
  return restored;
}

/**
 * Saves `snapshot()` as draft `id` a moment after each change. `snapshot` returns undefined
 * while there is nothing to save yet (e.g. before the stored draft was restored).
 * Returns `stop`, which cancels any pending save and ends saving (e.g. after a successful submit).
 */
export function createDraftAutosave(id: string, snapshot: () => unknown): { stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isStopped = false;
  let latest: unknown;

  const save = (): void => {
    timer = undefined;
    if (isStopped) return;
    drafts
      .saveDraft(id, latest, Date.now())
      .catch((cause: unknown) => console.warn('Could not save the draft', cause));
  };

  createEffect(
    on(
      // Serializing reads every field, so any edit deep in the draft triggers a save.
      () => JSON.stringify(snapshot() ?? null),
      (serialized) => {
        if (serialized === 'null' || isStopped) return;
        latest = JSON.parse(serialized);
        clearTimeout(timer);
        timer = setTimeout(save, SAVE_DELAY_MS);
      },
      { defer: true },
    ),
  );
  onCleanup(() => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  });

  return {
    stop() {
      isStopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
