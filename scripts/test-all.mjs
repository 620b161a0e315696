#!/usr/bin/env node
// The whole suite, as `npm test` runs it: typecheck, lint, format check, unit tests (Vitest),
// production build and end-to-end tests (Playwright in Debian's Chromium). Every step runs even
// if an earlier one failed, so one run shows everything. The last line printed is the total over
// the test runners' JSON reports: "N passed, N failed[, N skipped]". A failed static check
// (typecheck, lint, format, build, bundle check) counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, command, args, env = {}) {
  console.warn(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function staticCheck(name, args) {
  if (!run(name, 'npx', args)) totals.failed += 1;
}

staticCheck('typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
staticCheck('lint', ['npm', 'run', '--silent', 'lint']);
staticCheck('format', ['prettier', '--check', '.', '--log-level', 'warn']);

const vitestReport = `${REPORTS}/vitest.json`;
run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests === 0 && vitest.numFailedTestSuites > 0)
    totals.failed += vitest.numFailedTestSuites;
} else {
  totals.failed += 1;
}

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(error.message);
}
const built = run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!built) totals.failed += 1;
// ccxt must never reach the main thread (DESIGN.md): a failure names the chunk.
if (built && !run('bundle check', 'node', ['scripts/check-bundle.mjs'])) totals.failed += 1;
if (chromium && built) {
  const playwrightReport = `${REPORTS}/playwright.json`;
  run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
  const stats = readJson(playwrightReport)?.stats;
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } else {
    totals.failed += 1;
  }
} else {
  totals.failed += 1;
}

if (failedSteps.length > 0) console.error(`\nFailed steps: ${failedSteps.join(', ')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
// The totals line goes to stdout, alone, last: CI reads it.
// eslint-disable-next-line no-console
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
