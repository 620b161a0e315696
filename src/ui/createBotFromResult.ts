/**
 * "Create bot from this result": saves the result's parameters as a preset of its template
 * (named after them, so running it again reuses the same preset) and opens the creation form
 * with `?template=…&preset=…` — the same prefill the template library's "Use" button uses.
 */
import { MAX_PRESET_NAME_LENGTH } from '../db';
import type { RawParams } from '../core/strategy/types';
import { presets } from './db';
import { navigate } from './router';

/** "Backtest fast=9 slow=21", cut to the preset name limit. */
export function resultPresetName(params: RawParams): string {
  const values = Object.entries(params)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return `Backtest ${values}`.slice(0, MAX_PRESET_NAME_LENGTH).trim();
}

export async function createBotFromResult(strategyId: string, params: RawParams): Promise<void> {
  const preset = await presets.savePreset({
    strategyId,
    name: resultPresetName(params),
    params,
    now: Date.now(),
  });
  navigate(
    `/bots/new?template=${encodeURIComponent(strategyId)}&preset=${encodeURIComponent(preset.id)}`,
  );
}
