/**
 * `npm run backtest` (scripts/backtest.ts): runs a template over a file of candles (1-minute,
 * hourly, daily…, resampled to the template's timeframe or --timeframe) through runBacktest and prints summarizePerformance as a table or JSON, or lists the
 * templates. I/O is injected so tests run it in-process. Exit codes: 0 done, 1 the run or
 * the data failed, 2 a usage error (bad flag or value, unknown template, invalid parameters).
 */
import { periodsPerYearFromMs } from '../../core/analytics';
import { timeframeMs } from '../../core/market/timeframe';
import { defaultParams, describeNumericSpec, validateParams } from '../../core/strategy/params';
import type { AnyStrategy, ParamSpec, RawParams } from '../../core/strategy/types';
import { summarizeClosingAtEnd } from '../closeAtEnd';
import { runBacktest } from '../runBacktest';
import { parseArgs, USAGE, UsageError, type RunArgs } from './args';
import { checkDataTimeframe, DataError, loadCandleData } from './data';
import { buildReport, formatReport, type BacktestReport } from './report';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
}

/** The simulated exchange's default fee rate (maker and taker). */
const DEFAULT_FEE = 0.001;

/** One parameter as --list shows it. */
export interface ParamListing {
  name: string;
  label: string;
  kind: ParamSpec['kind'];
  default: number | boolean | string;
  min?: number;
  max?: number;
  step?: number;
  options?: string[];
  description: string;
}

export interface TemplateListing {
  id: string;
  name: string;
  timeframe: string;
  params: ParamListing[];
}

function listParam(name: string, spec: ParamSpec): ParamListing {
  const base = { name, label: spec.label, kind: spec.kind, default: spec.default };
  switch (spec.kind) {
    case 'boolean':
      return { ...base, description: 'true or false' };
    case 'choice': {
      const options = spec.options.map((option) => option.value);
      return { ...base, options, description: `one of ${options.join(', ')}` };
    }
    default:
      return {
        ...base,
        min: spec.min,
        max: spec.max,
        ...(spec.step === undefined ? {} : { step: spec.step }),
        description: describeNumericSpec(spec),
      };
  }
}

export function listTemplates(strategies: readonly AnyStrategy[]): TemplateListing[] {
  return strategies.map((strategy) => ({
    id: strategy.id,
    name: strategy.name,
    timeframe: strategy.timeframe,
    params: Object.entries(strategy.params as Record<string, ParamSpec>).map(([name, spec]) =>
      listParam(name, spec),
    ),
  }));
}

function formatListing(listing: readonly TemplateListing[]): string {
  return listing
    .map((template) =>
      [
        `${template.id} — ${template.name} (${template.timeframe})`,
        ...template.params.map(
          (param) =>
            `  ${param.name.padEnd(16)} ${param.kind.padEnd(8)} default ${String(param.default).padEnd(12)} ${param.description}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

/** Runs one backtest as the CLI does and returns its report (throws UsageError/DataError). */
export async function runReport(
  args: RunArgs,
  strategies: readonly AnyStrategy[],
  readFile: CliIo['readFile'],
): Promise<BacktestReport> {
  const strategy = strategies.find((candidate) => candidate.id === args.strategyId);
  if (!strategy) {
    throw new UsageError(
      `--strategy "${args.strategyId}" is not a template; choose one of ${strategies.map((s) => s.id).join(', ')}`,
    );
  }
  const params = { ...(defaultParams(strategy.params) as RawParams), ...args.params };
  const validation = validateParams(strategy, params);
  if (!validation.ok) {
    const lines = validation.errors.map((error) => `  ${error.field}: ${error.message}`);
    throw new UsageError(`--params for ${strategy.id} are invalid:\n${lines.join('\n')}`);
  }
  let text: string;
  try {
    text = await readFile(args.dataPath);
  } catch (error) {
    throw new DataError(`--data: cannot read ${args.dataPath} (${(error as Error).message})`);
  }
  const data = loadCandleData(text, args.dataPath);
  const { candles } = data;
  const timeframe = args.timeframe ?? strategy.timeframe;
  checkDataTimeframe(
    data,
    timeframe,
    args.dataPath,
    args.timeframe === undefined
      ? `the timeframe of ${strategy.id}; --timeframe <tf> runs it on another`
      : 'set by --timeframe',
  );
  const fee = args.fee ?? DEFAULT_FEE;
  const result = await runBacktest({
    strategy,
    params,
    candles,
    candleMs: data.candleMs,
    symbol: args.symbol,
    timeframe,
    cash: args.cash,
    makerFee: fee,
    takerFee: fee,
    slippageBps: args.slippageBps ?? 0,
    fill: args.fill,
    ...(args.amountStep === undefined ? {} : { amountStep: args.amountStep }),
    ...(args.risk === undefined ? {} : { risk: args.risk }),
  });
  const [base = 'BTC', quote = 'USDT'] = args.symbol.split('/');
  const input = {
    equity: result.equity,
    fills: result.fills,
    periodsPerYear: periodsPerYearFromMs(timeframeMs(timeframe)) ?? 0,
    baseCurrency: base,
    orders: result.orders,
  };
  const { summary } = summarizeClosingAtEnd(input, args.closeAtEnd, quote);
  const first = candles[0];
  const lastCandle = candles[candles.length - 1];
  return buildReport(
    {
      strategy: strategy.id,
      name: strategy.name,
      params,
      timeframe,
      symbol: args.symbol,
      data: args.dataPath,
      dataTimeframe: data.timeframe,
      candles: candles.length,
      gaps: data.gaps,
      firstCandle: first ? new Date(first.time).toISOString() : '',
      lastCandle: lastCandle ? new Date(lastCandle.time).toISOString() : '',
      cash: args.cash,
      fee,
      slippageBps: args.slippageBps ?? 0,
      fill: args.fill,
      amountStep: args.amountStep ?? null,
      risk: args.risk ?? null,
      closeAtEnd: args.closeAtEnd,
    },
    summary,
    result.equity,
  );
}

/** The whole CLI: parses `argv` (without node and the script), prints, returns the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  strategies: readonly AnyStrategy[],
): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'list') {
      const listing = listTemplates(strategies);
      io.out(`${args.json ? JSON.stringify(listing, null, 2) : formatListing(listing)}\n`);
      return 0;
    }
    const report = await runReport(args, strategies, io.readFile);
    io.out(`${args.json ? JSON.stringify(report) : formatReport(report)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`backtest: ${error.message}\n(npm run backtest -- --help for usage)\n`);
      return 2;
    }
    io.err(`backtest: ${(error as Error).message}\n`);
    return 1;
  }
}
