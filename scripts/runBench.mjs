#!/usr/bin/env node
// `npm run bench`: bundles scripts/bench.ts with esbuild, as the app's build bundles the engine
// for its backtest workers, and runs the bundle in Node with `--single-threaded` (one core: V8's
// collector and compiler on the engine's thread), so the figures are the shipped engine's. (Run through tsx, the same code is ~25% slower: tsx wraps every function to keep
// its name and loads each module apart.) `npm run bench -- dashboard` measures the dashboard in
// Chromium instead and runs through tsx: what it times is the browser, not this process.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const env = { ...process.env, BENCH_SAMPLE: join(root, 'public/sample/BTC-USDT-1m.bin') };
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}

if (args.includes('dashboard')) {
  run(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/bench.ts'), ...args]);
} else {
  const outDir = join(root, 'node_modules/.cache/flotilla-bench/bundle');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'bench.mjs');
  await build({
    entryPoints: [join(root, 'scripts/bench.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Only the dashboard bench uses these, and it never runs from this bundle.
    external: ['playwright', '@playwright/test', './benchDashboard'],
    logLevel: 'warning',
  });
  // One core, literally: V8's garbage collector and compiler work on the engine's own thread
  // instead of helper threads on the other cores.
  run(process.execPath, ['--single-threaded', outfile, ...args]);
}
