/**
 * The template-preview worker: loads the committed market sample once and runs template
 * previews (src/backtest/preview.ts) off the UI thread, exposed over Comlink. No logic here.
 */
import * as Comlink from 'comlink';
import { PREVIEW_SYMBOL, previewTemplate, type PreviewApi } from '../src/backtest/preview';
import type { Candle } from '../src/core/market/candle';
import { loadSamples } from '../src/exchange/simulated/sampleLoader';
import { STRATEGIES } from '../strategies';

let samples: Promise<Record<string, Candle[]>> | undefined;

/** The sample's candles, loaded on the first preview; a failed load is retried next time. */
async function sampleCandles(): Promise<Candle[]> {
  samples ??= loadSamples(`${import.meta.env.BASE_URL}sample/`, (url) => fetch(url));
  const loading = samples;
  const candles = (
    await loading.catch((cause: unknown) => {
      if (samples === loading) samples = undefined;
      throw cause;
    })
  )[PREVIEW_SYMBOL];
  if (!candles) throw new Error(`The market sample has no ${PREVIEW_SYMBOL} data.`);
  return candles;
}

const api: PreviewApi = {
  async preview(strategyId, params, risk) {
    const strategy = STRATEGIES.find((each) => each.id === strategyId);
    if (!strategy) throw new Error(`Unknown template "${strategyId}".`);
    return previewTemplate({ strategy, params, risk, candles: await sampleCandles() });
  },
  async quickBacktest(bot, onProgress) {
    const strategy = STRATEGIES.find((each) => each.id === bot.strategyId);
    if (!strategy) throw new Error(`Unknown template "${bot.strategyId}".`);
    return previewTemplate({ strategy, ...bot, onProgress, candles: await sampleCandles() });
  },
};

Comlink.expose(api);
