/**
 * Recent equity points of every listed bot, for the dashboard sparklines. Read from IndexedDB
 * (the newest SPARK_POINTS per bot through the [botId+time] index) when the list changes and
 * then every few seconds while the tab is visible: a live query would re-run on every equity
 * write, which with 100 fast bots is many times a second for a picture that needs no more.
 */
import { Dexie } from 'dexie';
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { db } from '../db';
import type { SparkPoint } from '../sparkline';

/** Enough points for a readable trend in ~100 px, few enough to read 100 bots quickly. */
const SPARK_POINTS = 60;
const REFRESH_MS = 10_000;

export interface Sparklines {
  /** A bot's recent equity points, oldest first (empty until loaded or before it traded). */
  pointsOf(botId: string): readonly SparkPoint[];
}

/** One read transaction for all bots (a transaction per bot costs far more on the page). */
async function readPoints(ids: readonly string[]): Promise<Map<string, SparkPoint[]>> {
  const series = await db.transaction('r', db.equity, () =>
    Promise.all(
      ids.map((id) =>
        db.equity
          .where('[botId+time]')
          .between([id, Dexie.minKey], [id, Dexie.maxKey])
          .reverse()
          .limit(SPARK_POINTS)
          .toArray(),
      ),
    ),
  );
  const byBot = new Map<string, SparkPoint[]>();
  ids.forEach((id, index) => {
    const rows = series[index] ?? [];
    byBot.set(
      id,
      rows.reverse().map((row) => ({ time: row.time, equity: row.equity })),
    );
  });
  return byBot;
}

export function createSparklines(botIds: Accessor<readonly string[]>): Sparklines {
  const [points, setPoints] = createSignal<Map<string, SparkPoint[]>>(new Map());
  let isReading = false;
  /** The list changed (or the timer fired) during a read: read again once it is done. */
  let isStale = false;
  const refresh = (): void => {
    if (document.hidden) return;
    if (isReading) {
      isStale = true;
      return;
    }
    isReading = true;
    isStale = false;
    readPoints(botIds())
      .then(setPoints, (cause: unknown) => console.warn('Could not read equity points', cause))
      .finally(() => {
        isReading = false;
        if (isStale) refresh();
      });
  };
  createEffect(on(() => botIds().join('|'), refresh));
  const timer = setInterval(refresh, REFRESH_MS);
  onCleanup(() => clearInterval(timer));
  return { pointsOf: (botId) => points().get(botId) ?? [] };
}
