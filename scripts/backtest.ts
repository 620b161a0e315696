/**
 * `npm run backtest -- --strategy <id> --data <file.csv> [options]` / `--list`: the
 * command-line backtester (logic and flags in src/backtest/cli/).
 */
import { readFile } from 'node:fs/promises';
import { runCli } from '../src/backtest/cli/main';
import { STRATEGIES } from '../strategies';

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
  },
  STRATEGIES,
);
