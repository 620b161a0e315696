/**
 * A backtest worker of the pool (src/ui/backtestPool.ts): runs one job at a time
 * (src/backtest/backtestJob.ts) with the template catalogue and the data sources, exposed over
 * Comlink; progress goes back through a proxied callback. No logic here.
 */
import * as Comlink from 'comlink';
import { runBacktestJob, type BacktestWorkerApi } from '../src/backtest/backtestJob';
import { createSourceLoader } from '../src/backtest/sampleSource';
import { STRATEGIES } from '../strategies';

const loadCandles = createSourceLoader(`${import.meta.env.BASE_URL}sample/`, (url) => fetch(url));

const api: BacktestWorkerApi = {
  async run(job, onProgress) {
    const strategy = STRATEGIES.find((each) => each.id === job.config.strategyId);
    if (!strategy) throw new Error(`Unknown template "${job.config.strategyId}".`);
    return runBacktestJob(job, strategy, await loadCandles(job.config.sourceId), onProgress);
  },
};

Comlink.expose(api);
