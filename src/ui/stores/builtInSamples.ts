/**
 * The market sample bundled with the app (public/sample/index.json: 1-minute BTC/USDT and
 * BTC/USDC) as rows of the Data page's dataset list. Only the index is fetched, not the candles.
 */

/** The part of public/sample/index.json (scripts/build-sample.mjs) listed here. */
export interface SampleIndex {
  source: string;
  timeframe: string;
  samples: { symbol: string; start: number; count: number }[];
}

export interface BuiltInSample {
  symbol: string;
  timeframe: string;
  firstTime: number;
  lastTime: number;
  count: number;
  source: string;
}

const MINUTE_MS = 60_000;

/** The bundled samples listed in `index` (pure; see loadBuiltInSamples). */
export function builtInSamplesOf(index: SampleIndex): BuiltInSample[] {
  return index.samples.map((sample) => ({
    symbol: sample.symbol,
    timeframe: index.timeframe,
    firstTime: sample.start,
    lastTime: sample.start + (sample.count - 1) * MINUTE_MS,
    count: sample.count,
    source: index.source,
  }));
}

/** Fetches public/sample/index.json (served, and cached by the service worker). */
export async function loadBuiltInSamples(): Promise<BuiltInSample[]> {
  const response = await fetch(`${import.meta.env.BASE_URL}sample/index.json`);
  if (!response.ok)
    throw new Error(`The bundled sample index could not be loaded (HTTP ${response.status}).`);
  return builtInSamplesOf((await response.json()) as SampleIndex);
}
