/**
 * The UI's handle on the preview worker (workers/preview.worker.ts): started on the first
 * preview and reused. Previews are cached per template and parameters (the sample never
 * changes), so a card shown again gets its result at once; failures are not cached.
 */
import * as Comlink from 'comlink';
import type { PreviewApi, TemplatePreview } from '../backtest/preview';
import type { RiskConfig } from '../core/risk/riskConfig';
import type { RawParams } from '../core/strategy/types';

let remote: Comlink.Remote<PreviewApi> | undefined;
const cache = new Map<string, Promise<TemplatePreview>>();

function previewWorker(): Comlink.Remote<PreviewApi> {
  remote ??= Comlink.wrap<PreviewApi>(
    new Worker(new URL('../../workers/preview.worker.ts', import.meta.url), {
      type: 'module',
      name: 'flotilla-preview',
    }),
  );
  return remote;
}

/**
 * One week of template `strategyId` on BTC/USDT (defaults unless `params` are given), with the
 * bot's `risk` rules when given (the create wizard's quick backtest).
 */
export function requestPreview(
  strategyId: string,
  params?: RawParams,
  risk?: RiskConfig,
): Promise<TemplatePreview> {
  const key = JSON.stringify([strategyId, params ?? null, risk ?? null]);
  let pending = cache.get(key);
  if (!pending) {
    pending = previewWorker().preview(strategyId, params, risk);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/**
 * A bot's quick backtest over the same sample week (its template, parameters, timeframe and
 * risk rules), reporting progress 0..1; not cached, since the inputs change with every edit.
 */
export function requestQuickBacktest(
  bot: Parameters<PreviewApi['quickBacktest']>[0],
  onProgress: (fraction: number) => void,
): Promise<TemplatePreview> {
  return previewWorker().quickBacktest(bot, Comlink.proxy(onProgress));
}
