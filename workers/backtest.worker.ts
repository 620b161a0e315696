/**
 * A backtest worker of the pool (src/ui/backtestPool.ts): runs one job at a time
 * (src/backtest/backtestJob.ts) with the template catalogue and the data sources (the bundled
 * sample, fetched; imported datasets, read from the IndexedDB candle store), exposed over
 * Comlink; progress goes back through a proxied callback. Custom strategies are read from
 * IndexedDB and run in nested workers, as the bot host does. No logic here.
 */
import * as Comlink from 'comlink';
import { runBacktestJob, type BacktestWorkerApi } from '../src/backtest/backtestJob';
import { createSourceLoader } from '../src/backtest/sourceLoader';
import { loadDatasetSeries } from '../src/db/candleStore';
import { FlotillaDb } from '../src/db/schema';
import { browserTimers } from '../src/host/browserPorts';
import { createCustomStrategyLoader } from '../src/host/custom/loadCustomStrategy';
import { spawnCustomStrategyWorker } from '../src/host/custom/spawnWorker';
import { STRATEGIES } from '../strategies';

let loadCustom: ReturnType<typeof createCustomStrategyLoader> | undefined;
let db: FlotillaDb | undefined;
const database = () => (db ??= new FlotillaDb());

/** A custom strategy ("custom-…") from IndexedDB, run in a nested worker of its own. */
function loadCustomStrategy(id: string) {
  loadCustom ??= createCustomStrategyLoader(database(), {
    spawn: spawnCustomStrategyWorker,
    timers: browserTimers,
  });
  return loadCustom(id);
}

const loadCandles = createSourceLoader({
  sampleBaseUrl: `${import.meta.env.BASE_URL}sample/`,
  fetch: (url) => fetch(url),
  async loadDataset(id) {
    const { dataset, candles } = await loadDatasetSeries(database(), id);
    return { candles, candleMs: dataset.timeframeMs };
  },
});

const api: BacktestWorkerApi = {
  async run(job, onProgress) {
    const id = job.config.strategyId;
    const strategy = STRATEGIES.find((each) => each.id === id) ?? (await loadCustomStrategy(id));
    if (!strategy) throw new Error(`Unknown template or custom strategy "${id}".`);
    return runBacktestJob(job, strategy, await loadCandles(job.config.sourceId), onProgress);
  },
};

Comlink.expose(api);
