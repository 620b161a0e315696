/**
 * The bot page chart's level lines: the bot's persisted protective-exit state (its trailing
 * stop's high-water mark, the take-profit steps taken) read live from IndexedDB, combined with
 * its risk config and current position through chartOverlays.positionLevels.
 */
import { createMemo, type Accessor } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { positionLevels, type PriceLevels } from '../charts/chartOverlays';
import { db } from '../db';
import { createLiveQuery } from '../liveQuery';
import type { BotMetrics } from './botMetrics';

export function createPositionLevels(
  botId: string,
  bot: Accessor<Bot | undefined>,
  metrics: Accessor<BotMetrics>,
  marketTime: Accessor<number>,
): Accessor<PriceLevels> {
  const runtime = createLiveQuery(() => db.runtime.get(botId), undefined);
  return createMemo(() =>
    positionLevels({
      position: metrics().position,
      averageEntry: metrics().averageEntry,
      risk: bot()?.config.risk,
      protective: runtime()?.protective,
      now: marketTime(),
    }),
  );
}
