/**
 * `npm run sim:exchange -- [options]`: starts the local Binance-compatible exchange simulator
 * and prints its URLs and test credentials. Options are listed by --help; the API is documented
 * in docs/exchange-simulator.md.
 */
import { createSimExchange, DEFAULT_API_KEY, DEFAULT_API_SECRET, DEFAULT_BALANCES } from './server';

const HELP = `Usage: npm run sim:exchange -- [options]

  --port <n>            port on 127.0.0.1 (default 4207; 0 = any free port)
  --speed <x>           market time per real time (default 1; 0 = frozen)
  --start-index <n>     sample candle to start at (default 1440: one day of history)
  --sample-times        keep the sample's 2023 times (default: the start candle opens now)
  --balances <list>     starting balances, e.g. USDT=10000,BTC=0.1
  --push-ms <n>         how often streams push and resting orders match (default 250)

Credentials: SIM_API_KEY / SIM_API_SECRET (defaults are printed).`;

function parseArgs(argv: string[]) {
  const options: Record<string, string | true> = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const name = arg.slice(2);
    const next = argv[index + 1];
    if (name === 'sample-times' || name === 'help') options[name] = true;
    else if (next === undefined || next.startsWith('--'))
      throw new Error(`--${name} needs a value`);
    else {
      options[name] = next;
      index++;
    }
  }
  return options;
}

function numberOption(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value === true || !Number.isFinite(parsed)) throw new Error(`--${name} must be a number`);
  return parsed;
}

function parseBalances(value: string | true | undefined): Record<string, number> {
  if (value === undefined) return { ...DEFAULT_BALANCES };
  if (value === true) throw new Error('--balances needs a value');
  const balances: Record<string, number> = {};
  for (const part of value.split(',')) {
    const [asset, amount] = part.split('=');
    const parsed = Number(amount);
    if (!asset || !/^[A-Z0-9]{2,12}$/.test(asset) || !(parsed >= 0)) {
      throw new Error(`--balances: "${part}" is not ASSET=amount`);
    }
    balances[asset] = parsed;
  }
  return balances;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const apiKey = process.env.SIM_API_KEY || DEFAULT_API_KEY;
  const secret = process.env.SIM_API_SECRET || DEFAULT_API_SECRET;
  const sim = await createSimExchange({
    port: numberOption(options.port, 'port', 4207),
    speed: numberOption(options.speed, 'speed', 1),
    startIndex: numberOption(options['start-index'], 'start-index', 1440),
    sampleTimes: options['sample-times'] === true,
    balances: parseBalances(options.balances),
    pushIntervalMs: numberOption(options['push-ms'], 'push-ms', 250),
    credentials: { apiKey, secret },
  });
  const urls = sim.ccxtUrls();
  const lines = [
    `Exchange simulator (Binance spot API) at ${sim.url}`,
    `  REST       ${urls.public}`,
    `  streams    ${urls.ws.spot}`,
    `  WS API     ${urls.ws['ws-api'].spot}`,
    `  admin      ${sim.url}/__sim/state`,
    `  API key    ${process.env.SIM_API_KEY ? '(from SIM_API_KEY)' : apiKey}`,
    `  API secret ${process.env.SIM_API_SECRET ? '(from SIM_API_SECRET)' : `${secret} (default test secret)`}`,
    `  symbols    ${sim.market.symbols.join(', ')}; speed ${sim.market.speed()}x`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
