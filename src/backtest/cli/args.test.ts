import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, type RunArgs } from './args';

const base = ['--strategy', 'sma-crossover', '--data', 'candles.csv'];

function run(...extra: string[]): RunArgs {
  const args = parseArgs([...base, ...extra]);
  if (args.command !== 'run') throw new Error(`expected a run, got ${args.command}`);
  return args;
}

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`parseArgs(${argv.join(' ')}) did not throw`);
}

describe('parseArgs', () => {
  it('reads a minimal run with the defaults', () => {
    expect(run()).toEqual({
      command: 'run',
      strategyId: 'sma-crossover',
      dataPath: 'candles.csv',
      params: {},
      cash: 10_000,
      symbol: 'BTC/USDT',
      fill: 'next-open',
      closeAtEnd: false,
      json: false,
    });
  });

  it('reads every supported flag, as "--flag value" or "--flag=value"', () => {
    const args = run(
      '--params',
      '{"fast":5,"slow":30}',
      '--fee=0.0005',
      '--slippage-bps',
      '2.5',
      '--cash',
      '2500',
      '--symbol',
      'goog/usd',
      '--timeframe',
      '15m',
      '--fill',
      'close',
      '--amount-step=1',
      '--risk',
      '{"stopLoss":{"kind":"percent","percent":2},"maxOpenOrders":3}',
      '--close-at-end',
      '--json',
    );
    expect(args).toMatchObject({
      params: { fast: 5, slow: 30 },
      fee: 0.0005,
      slippageBps: 2.5,
      cash: 2500,
      symbol: 'GOOG/USD',
      timeframe: '15m',
      fill: 'close',
      amountStep: 1,
      risk: { stopLoss: { kind: 'percent', percent: 2 }, maxOpenOrders: 3 },
      closeAtEnd: true,
      json: true,
    });
  });

  it('reads --list with or without --json, and --help', () => {
    expect(parseArgs(['--list'])).toEqual({ command: 'list', json: false });
    expect(parseArgs(['--list', '--json'])).toEqual({ command: 'list', json: true });
    expect(parseArgs(['--help'])).toEqual({ command: 'help' });
    expect(usageError(['--list', '--strategy', 'x'])).toMatch(
      /--list cannot be combined with --strategy/,
    );
  });

  it('requires --strategy and --data', () => {
    expect(usageError(['--data', 'a.csv'])).toMatch(/--strategy <id> is required/);
    expect(usageError(['--strategy', 'sma-crossover'])).toMatch(/--data <file.csv> is required/);
    expect(usageError([...base.slice(0, 3)])).toMatch(/--data needs a value/);
    expect(usageError(['--strategy', '--data', 'a.csv'])).toMatch(/--strategy needs a value/);
  });

  it.each([
    [['--fee', 'abc'], /--fee must be a rate from 0 to below 1.*"abc"/],
    [['--fee', '-0.1'], /--fee .*"-0.1"/],
    [['--fee', '1'], /--fee .*"1"/],
    [['--slippage-bps', '-1'], /--slippage-bps must be basis points.*"-1"/],
    [['--slippage-bps', ''], /--slippage-bps .*""/],
    [['--cash', '0'], /--cash must be an amount above 0, got "0"/],
    [['--timeframe', '7m'], /--timeframe must be one of 1m, 3m, 5m.*got "7m"/],
    [['--symbol', 'GOOG'], /--symbol must look like BASE\/QUOTE, e.g. GOOG\/USD, got "GOOG"/],
    [['--params', '{fast:5}'], /--params is not valid JSON/],
    [['--params', '[1,2]'], /--params must be a JSON object/],
    [['--params', '{"fast":[1]}'], /--params: "fast" must be a number/],
    [['--fill', 'open'], /--fill must be next-open or close, got "open"/],
    [['--amount-step=0'], /--amount-step must be a step above 0.*got "0"/],
    [['--amount-step', 'x'], /--amount-step must be a step above 0.*got "x"/],
    [['--risk', '{stop'], /--risk is not valid JSON/],
    [['--risk', '0.02'], /--risk is invalid:\n {2}risk: Risk settings must be an object/],
    [
      ['--risk', '{"stopLoss":{"kind":"percent","percent":150}}'],
      /--risk is invalid:\n {2}stopLoss.percent: Stop-loss percent must be between 0.1 and 99/,
    ],
    [['--risk', '{"stopLos":1}'], /--risk is invalid:\n {2}stopLos: /],
    [['--bogus'], /Unknown option --bogus/],
    [['stray'], /Unexpected argument "stray"/],
    [['--json=yes'], /--json takes no value/],
    [['--cash', '1', '--cash', '2'], /--cash is given twice/],
  ])('rejects %j with a message naming the flag and value', (extra, message) => {
    expect(usageError([...base, ...extra])).toMatch(message);
  });
});
