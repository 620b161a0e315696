/**
 * `npm run bench`: backtest throughput of the SMA crossover and spot grid templates on one
 * core (Node runs the engine on its single main thread), in 1-minute candles per second, over
 * ≥ 1,000,000 candles made by tiling the committed BTC/USDT sample. Prints figures only.
 *
 * Tiling: the 30,240-candle sample is played forwards, then backwards in time (each candle's
 * open and close swapped), then forwards again…, with times shifted so the series stays
 * contiguous and each tile's prices scaled so its first open equals the previous close. The
 * ping-pong keeps prices inside the sample's range (a plain repeat would compound BTC's
 * March 2023 rally 33 times over), so the grid keeps trading.
 *
 * Usage: npm run bench [-- --candles <n>] [--only <template id>] (default 1,000,000, both)
 * `npm run bench` runs this file bundled, as the app ships the engine (scripts/runBench.mjs).
 * `npm run bench -- dashboard` measures the dashboard instead (scripts/benchDashboard.ts).
 * Prints wall and CPU time: on a busy machine the wall rate understates the engine. Run by
 * `npm run bench`, Node is single-threaded (`--single-threaded`): everything on one core.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import smaCrossover from '../strategies/smaCrossover';
import spotGrid from '../strategies/spotGrid';
import { runBacktest } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import type { RawParams, RunnableStrategy } from '../src/core/strategy/types';
import { decodeSample } from '../src/exchange/simulated/sampleCodec';

const MINUTE_MS = 60_000;
const write = (line = '') => process.stdout.write(`${line}\n`);

/** `count` contiguous, price-continuous 1-minute candles tiled from `sample` (see header). */
export function tileCandles(sample: readonly Candle[], count: number): Candle[] {
  const out: Candle[] = [];
  const start = sample[0]?.time ?? 0;
  for (let tile = 0; out.length < count; tile++) {
    const forwards = tile % 2 === 0;
    const previous = out[out.length - 1];
    const firstOpen = forwards ? sample[0]?.open : sample[sample.length - 1]?.close;
    const scale = previous && firstOpen ? previous.close / firstOpen : 1;
    for (let i = 0; i < sample.length && out.length < count; i++) {
      const source = sample[forwards ? i : sample.length - 1 - i] as Candle;
      out.push({
        time: start + out.length * MINUTE_MS,
        open: (forwards ? source.open : source.close) * scale,
        high: source.high * scale,
        low: source.low * scale,
        close: (forwards ? source.close : source.open) * scale,
        volume: source.volume,
      });
    }
  }
  return out;
}

/** `--only <template id>` runs one template (to keep a long measurement short). */
function readOnly(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--only');
  return index < 0 ? undefined : argv[index + 1];
}

function readCount(argv: readonly string[]): number {
  const index = argv.indexOf('--candles');
  if (index < 0) return 1_000_000;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1_000) {
    process.stderr.write(`--candles must be a whole number ≥ 1000, got "${argv[index + 1]}"\n`);
    process.exit(2);
  }
  return value;
}

const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const count = readCount(process.argv.slice(2));
  const only = readOnly(process.argv.slice(2));
  // scripts/runBench.mjs runs this bundled elsewhere and says where the sample is.
  const samplePath =
    process.env.BENCH_SAMPLE ?? new URL('../public/sample/BTC-USDT-1m.bin', import.meta.url);
  const sample = decodeSample(readFileSync(samplePath));
  const cpus = os.cpus();
  write('Machine');
  write(`  CPU        ${cpus[0]?.model ?? 'unknown'}`);
  const isOneThread = process.execArgv.includes('--single-threaded');
  const oneCore = isOneThread ? '; V8 single-threaded: its collector and compiler too' : '';
  write(`  Cores      ${cpus.length} (the backtest uses one${oneCore})`);
  write(`  Node       ${process.version} (${process.platform}/${process.arch})`);
  write(`  Memory     ${(os.totalmem() / 2 ** 30).toFixed(1)} GB`);
  const candles = tileCandles(sample, count);
  // The tiles stay within the sample's range (see tileCandles), which sets the grid's bounds.
  const low = Math.min(...sample.map((candle) => candle.low));
  const high = Math.max(...sample.map((candle) => candle.high));
  write();
  write(
    `Data: ${candles.length.toLocaleString('en-US')} one-minute candles tiled from the ` +
      `${sample.length.toLocaleString('en-US')}-candle BTC/USDT sample (price ${low.toFixed(0)}–${high.toFixed(0)})`,
  );
  write(`RSS after loading data: ${mb(process.resourceUsage().maxRSS)}`);
  const runs: { label: string; strategy: RunnableStrategy; params: RawParams }[] = [
    { label: 'SMA crossover (9/21, 1m)', strategy: smaCrossover, params: { fast: 9, slow: 21 } },
    {
      label: 'Spot grid (20 levels, 1m)',
      strategy: spotGrid,
      params: {
        lower: Math.floor(low),
        upper: Math.ceil(high),
        levels: 20,
        spacing: 'arithmetic',
        orderQuote: 400,
      },
    },
  ];
  write();
  for (const run of runs.filter((candidate) => !only || candidate.strategy.id === only)) {
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await runBacktest({
      strategy: run.strategy,
      params: run.params,
      candles,
      cash: 10_000,
    });
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const played = candles.length - result.startIndex;
    write(run.label);
    write(`  candles    ${played.toLocaleString('en-US')}`);
    write(`  fills      ${result.fills.length.toLocaleString('en-US')}`);
    write(`  time       ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU`);
    write(`  throughput ${Math.round(played / seconds).toLocaleString('en-US')} candles/s (wall)`);
    write(
      `             ${Math.round(played / cpuSeconds).toLocaleString('en-US')} candles per CPU second (wall time is longer when other work shares the cores)`,
    );
    if (candles.length < 1_000_000) {
      const minutes = (1_000_000 / (played / seconds) / 60).toFixed(1);
      write(`  1M candles ≈ ${minutes} min — EXTRAPOLATED linearly from this shorter run`);
    }
    write(`  peak RSS   ${mb(process.resourceUsage().maxRSS)} (process so far)`);
  }
}

if (process.argv.slice(2).includes('dashboard')) {
  const { benchDashboard } = await import('./benchDashboard');
  await benchDashboard();
} else {
  await main();
}
