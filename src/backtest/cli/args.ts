/**
 * Command-line arguments of `npm run backtest` (scripts/backtest.ts). Pure: argv in, options
 * or a `UsageError` naming the bad flag and value out. The CLI exits with code 2 on a usage
 * error.
 */
import { isTimeframe, TIMEFRAMES, type Timeframe } from '../../core/market/timeframe';
import { validateRiskConfig, type RiskConfig } from '../../core/risk/riskConfig';
import type { RawParams } from '../../core/strategy/types';

/** A bad command line; the message names the flag and the value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** When market orders fill: the next candle's open (default) or the signal candle's close. */
const SYMBOL = /^[A-Z0-9.]{1,20}\/[A-Z0-9.]{1,20}$/;

export const FILL_MODELS = ['next-open', 'close'] as const;
export type FillModel = (typeof FILL_MODELS)[number];

export interface RunArgs {
  command: 'run';
  strategyId: string;
  dataPath: string;
  /** Parameters given with --params; the rest take the template's defaults. */
  params: RawParams;
  /** Fee rate for maker and taker fills (0.001 = 0.1 %); undefined = the simulator's default. */
  fee?: number;
  slippageBps?: number;
  cash: number;
  /** The market's unified symbol, "BASE/QUOTE" (default BTC/USDT): names the report's currencies. */
  symbol: string;
  timeframe?: Timeframe;
  fill: FillModel;
  /** Order amounts are floored to this step (fee included); undefined = 0.00001. */
  amountStep?: number;
  /** The risk section of a bot config, validated. */
  risk?: RiskConfig;
  closeAtEnd: boolean;
  json: boolean;
}

export interface ListArgs {
  command: 'list';
  json: boolean;
}

export interface HelpArgs {
  command: 'help';
}

export type CliArgs = RunArgs | ListArgs | HelpArgs;

export const USAGE = `Usage:
  npm run backtest -- --strategy <id> --data <file.csv> [options]
  npm run backtest -- --list [--json]

Options:
  --strategy <id>       template id (see --list)
  --data <file>         candles of any regular length (1m … 1d, told from their spacing; gaps
                        such as weekends are fine): CSV (time,open,high,low,close,volume; time
                        named time/date/timestamp/open_time or pandas' unnamed index), JSON
                        objects, Binance kline arrays or freqtrade JSON. Finer data is
                        resampled to the timeframe; coarser data is refused
  --params '<json>'     parameters, e.g. '{"fast":9,"slow":21}'; others take their defaults
  --fee <rate>          fee rate per fill, maker and taker (default 0.001 = 0.1%)
  --slippage-bps <n>    market orders fill n basis points worse than the open (default 0)
  --cash <amount>       starting quote balance (default 10000)
  --symbol <BASE/QUOTE> the market the data is of, e.g. GOOG/USD (default BTC/USDT)
  --timeframe <tf>      candles the strategy sees: ${TIMEFRAMES.join(', ')} (default: the
                        template's); e.g. --timeframe 1d for daily data
  --fill next-open|close  market orders fill at the next candle's open (default) or at the
                        close of the candle that gave the signal
  --amount-step <step>  order amounts are floored to this step, fee included (default 0.00001)
  --risk '<json>'       the risk section of a bot config, e.g. '{"stopLoss":{"kind":"percent","percent":2}}'
  --close-at-end        value a position still open at the last close as a trade (exit "end")
  --json                print one JSON object { run, metrics, trades, equity }
  --list                list the templates and their parameters
  --help                this text`;

const VALUE_FLAGS = new Set([
  '--strategy',
  '--data',
  '--params',
  '--fee',
  '--slippage-bps',
  '--cash',
  '--symbol',
  '--timeframe',
  '--fill',
  '--amount-step',
  '--risk',
]);
const BOOLEAN_FLAGS = new Set(['--json', '--list', '--close-at-end', '--help', '-h']);

function number(flag: string, raw: string, check: (value: number) => boolean, must: string) {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || !check(value)) {
    throw new UsageError(`${flag} must be ${must}, got "${raw}"`);
  }
  return value;
}

function parseRisk(raw: string): RiskConfig {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`--risk is not valid JSON (${(error as Error).message}): ${raw}`);
  }
  const result = validateRiskConfig(value);
  if (!result.ok) {
    const lines = result.errors.map((error) => `  ${error.field}: ${error.message}`);
    throw new UsageError(`--risk is invalid:\n${lines.join('\n')}`);
  }
  return result.value;
}

function parseParams(raw: string): RawParams {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`--params is not valid JSON (${(error as Error).message}): ${raw}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--params must be a JSON object such as '{"fast":9}', got ${raw}`);
  }
  for (const [key, field] of Object.entries(value)) {
    if (!['number', 'boolean', 'string'].includes(typeof field)) {
      throw new UsageError(`--params: "${key}" must be a number, true/false or a string`);
    }
  }
  return value as RawParams;
}

/** Reads `--flag value` and `--flag=value` pairs; throws UsageError on anything else. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      if (value === undefined || (equals < 0 && value.startsWith('--'))) {
        throw new UsageError(`${flag} needs a value`);
      }
      if (values.has(flag)) throw new UsageError(`${flag} is given twice`);
      values.set(flag, value);
    } else if (BOOLEAN_FLAGS.has(flag)) {
      if (equals > 0) throw new UsageError(`${flag} takes no value, got "${arg}"`);
      flags.add(flag);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option ${arg} (see --help)`);
    } else {
      throw new UsageError(`Unexpected argument "${arg}" (options start with --; see --help)`);
    }
  }
  if (flags.has('--help') || flags.has('-h')) return { command: 'help' };
  const json = flags.has('--json');
  if (flags.has('--list')) {
    const extra = [
      ...values.keys(),
      ...[...flags].filter((flag) => !['--list', '--json'].includes(flag)),
    ];
    if (extra.length > 0)
      throw new UsageError(`--list cannot be combined with ${extra.join(', ')}`);
    return { command: 'list', json };
  }
  const strategyId = values.get('--strategy');
  if (strategyId === undefined) throw new UsageError('--strategy <id> is required (see --list)');
  const dataPath = values.get('--data');
  if (dataPath === undefined) throw new UsageError('--data <file.csv> is required');
  const args: RunArgs = {
    command: 'run',
    strategyId,
    dataPath,
    params: {},
    cash: 10_000,
    symbol: 'BTC/USDT',
    fill: 'next-open',
    closeAtEnd: flags.has('--close-at-end'),
    json,
  };
  const raw = (flag: string) => values.get(flag);
  const params = raw('--params');
  if (params !== undefined) args.params = parseParams(params);
  const fee = raw('--fee');
  if (fee !== undefined) {
    args.fee = number(
      '--fee',
      fee,
      (v) => v >= 0 && v < 1,
      'a rate from 0 to below 1 (0.001 = 0.1%)',
    );
  }
  const slippage = raw('--slippage-bps');
  if (slippage !== undefined) {
    args.slippageBps = number(
      '--slippage-bps',
      slippage,
      (v) => v >= 0 && v < 10_000,
      'basis points from 0 to below 10000',
    );
  }
  const cash = raw('--cash');
  if (cash !== undefined) args.cash = number('--cash', cash, (v) => v > 0, 'an amount above 0');
  const symbol = raw('--symbol');
  if (symbol !== undefined) {
    if (!SYMBOL.test(symbol.toUpperCase())) {
      throw new UsageError(`--symbol must look like BASE/QUOTE, e.g. GOOG/USD, got "${symbol}"`);
    }
    args.symbol = symbol.toUpperCase();
  }
  const timeframe = raw('--timeframe');
  if (timeframe !== undefined) {
    if (!isTimeframe(timeframe)) {
      throw new UsageError(
        `--timeframe must be one of ${TIMEFRAMES.join(', ')}, got "${timeframe}"`,
      );
    }
    args.timeframe = timeframe;
  }
  const fill = raw('--fill');
  if (fill !== undefined) {
    if (!(FILL_MODELS as readonly string[]).includes(fill)) {
      throw new UsageError(`--fill must be next-open or close, got "${fill}"`);
    }
    args.fill = fill as FillModel;
  }
  const step = raw('--amount-step');
  if (step !== undefined) {
    args.amountStep = number(
      '--amount-step',
      step,
      (v) => v > 0,
      'a step above 0 (e.g. 1 or 0.001)',
    );
  }
  const risk = raw('--risk');
  if (risk !== undefined) args.risk = parseRisk(risk);
  return args;
}
