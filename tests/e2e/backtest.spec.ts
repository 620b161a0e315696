/**
 * The Backtest page: run the SMA crossover on the bundled sample with progress, read its
 * metrics and export its trades as CSV and the whole report as JSON; sort and filter the trade
 * list; backtest a daily dataset imported on the Data page (refused at a finer timeframe);
 * run a 2×2 sweep ranked by a metric and create a bot from a result; cancel a long run
 * (nothing saved); compare two saved runs; use it at 375 px.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createBot, nextStep, readStore } from './support';

async function openBacktest(page: Page): Promise<void> {
  await page.goto('/#/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Backtest' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backtest' })).toBeVisible();
  await expect(page.getByLabel('Data source')).toHaveValue('sample:BTC/USDT');
}

async function setParams(page: Page, fast: number, slow: number): Promise<void> {
  await page.getByLabel('Template').selectOption('sma-crossover');
  await page.getByLabel('Fast period', { exact: true }).fill(String(fast));
  await page.getByLabel('Slow period', { exact: true }).fill(String(slow));
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Report:/ })).toBeVisible({
    timeout: 45_000,
  });
}

function metric(page: Page, label: string) {
  return page
    .getByRole('table', { name: 'Metrics' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell');
}

/** Installs the Custom strategies page's example module (EMA momentum). */
async function installExampleStrategy(page: Page): Promise<void> {
  await page.goto('/#/strategies/custom');
  await expect(page.getByRole('heading', { level: 1, name: 'Custom strategies' })).toBeVisible();
  await page.getByRole('button', { name: 'Insert example' }).click();
  await page.getByRole('button', { name: 'Add strategy' }).click();
  await expect(
    page.getByRole('table', { name: 'Installed custom strategies' }).locator('tbody tr'),
  ).toContainText('EMA momentum');
}

test('runs a backtest with progress, shows its metrics and exports the trades as CSV', async ({
  page,
}) => {
  await openBacktest(page);
  await setParams(page, 5, 20);
  await page.getByLabel('Timeframe').selectOption('5m');
  // The run can finish between two polls of a locator: the page itself notes the progress bar.
  await page.evaluate(() => {
    const seen = window as unknown as { sawProgress: boolean };
    seen.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('progress[aria-label="Backtest progress"]'))
        seen.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /^Report: SMA crossover fast=5 slow=20/ }),
  ).toBeVisible({
    timeout: 45_000,
  });
  expect(
    await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress),
    'the progress bar was shown while the backtest ran',
  ).toBe(true);
  await expect(metric(page, 'Total return')).toHaveText(/^[+−-]?\d+\.\d\d%$/);
  await expect(metric(page, 'Max drawdown')).toHaveText(/%$/);
  const tradeText = await metric(page, 'Trades').innerText();
  expect(Number(tradeText.replace(/,/g, ''))).toBeGreaterThan(0);
  await expect(page.getByRole('img', { name: /^Equity curve:/ })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Price chart of BTC\/USDT with \d+ buys/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Monthly returns' })).toContainText('2023');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export trades CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/-trades\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe(
    'side,entry_time,exit_time,entry_price,exit_price,amount,fees,pnl,return_pct,exit_reason',
  );
  expect(lines.length - 1).toBe(Number(tradeText.replace(/,/g, '')));

  const saved = page.getByRole('table', { name: 'Saved runs' });
  await expect(saved.getByRole('row', { name: /SMA crossover fast=5 slow=20/ })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);
});

/** The numbers of one column of the trade list, top to bottom ("−1,234.50 USDT" → -1234.5). */
async function tradeColumn(page: Page, index: number): Promise<number[]> {
  const texts = await page
    .getByRole('table', { name: 'Trades' })
    .locator('tbody tr')
    .evaluateAll(
      (rows, column) => rows.map((row) => row.querySelectorAll('td')[column]?.textContent ?? ''),
      index,
    );
  return texts.map((text) => Number(text.replace(/[−–]/g, '-').replace(/[^0-9.+-]/g, '')));
}

const PNL_COLUMN = 7;

test('sorts and filters the trade list, and exports the report as JSON', async ({ page }) => {
  await openBacktest(page);
  await setParams(page, 5, 20);
  await page.getByLabel('Timeframe').selectOption('5m');
  await runAndWait(page);
  const trades = page.getByRole('table', { name: 'Trades' });
  const count = Number((await metric(page, 'Trades').innerText()).replace(/,/g, ''));
  expect(count).toBeGreaterThan(3);
  await expect(trades.locator('tbody tr')).toHaveCount(count);

  const pnlHeader = trades.getByRole('columnheader', { name: /^PnL/ });
  await pnlHeader.getByRole('button').click();
  await expect(pnlHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await tradeColumn(page, PNL_COLUMN);
  expect(ascending).toHaveLength(count);
  expect(ascending.every((value) => Number.isFinite(value))).toBe(true);
  expect([...ascending].sort((a, b) => a - b)).toEqual(ascending);
  await pnlHeader.getByRole('button').click();
  await expect(pnlHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await tradeColumn(page, PNL_COLUMN)).toEqual([...ascending].reverse());

  await page.getByLabel('Show').selectOption('winners');
  const winners = ascending.filter((pnl) => pnl > 0).length;
  await expect(page.getByText(`${winners} of ${count} trades shown.`)).toBeVisible();
  expect((await tradeColumn(page, PNL_COLUMN)).every((pnl) => pnl > 0)).toBe(true);
  await page.getByLabel('Show').selectOption('losers');
  await expect(page.getByText(`${count - winners} of ${count} trades shown.`)).toBeVisible();
  expect((await tradeColumn(page, PNL_COLUMN)).every((pnl) => pnl <= 0)).toBe(true);
  await page.getByLabel('Show').selectOption('all');
  const reason = page.getByLabel('Exit reason');
  await reason.fill('cross-down');
  const reasons = await trades
    .locator('tbody tr td:last-child')
    .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
  expect(reasons.length).toBeGreaterThan(0);
  expect(reasons.every((text) => text === 'sma-cross-down')).toBe(true);
  await reason.fill('no such reason');
  await expect(page.getByText(`0 of ${count} trades shown.`)).toBeVisible();
  await expect(trades.getByText('No closed trades.')).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report JSON' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^sma-crossover-fast-5-slow-20.*-report\.json$/);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    format: string;
    title: string;
    metrics: Record<string, unknown> & { trades: { tradeCount: number } };
    trades: Record<string, unknown>[];
    equity: { times: number[]; values: number[] };
  };
  expect(report.format).toBe('flotilla-report');
  expect(report.title).toMatch(/^SMA crossover fast=5 slow=20 · BTC\/USDT 5m/);
  expect(Object.keys(report.metrics)).toEqual(
    expect.arrayContaining([
      'totalReturn',
      'annualReturn',
      'sharpeRatio',
      'sortinoRatio',
      'maxDrawdown',
      'buyAndHoldReturn',
      'trades',
    ]),
  );
  expect(report.metrics.trades.tradeCount).toBe(count);
  expect(report.trades).toHaveLength(count);
  for (const trade of report.trades) {
    expect(Object.keys(trade)).toEqual(
      expect.arrayContaining([
        'entryTime',
        'exitTime',
        'entryPrice',
        'exitPrice',
        'amount',
        'fees',
        'pnl',
        'exitReason',
      ]),
    );
  }
  expect(report.equity.times.length).toBe(report.equity.values.length);
});

test('backtests a daily dataset imported on the Data page', async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('heading', { level: 1, name: 'Historical data' })).toBeVisible();
  await page
    .getByLabel('Candle file (CSV or JSON)')
    .setInputFiles(
      fileURLToPath(new URL('../fixtures/goog-1d-2004-08-19_2005-10-25.csv', import.meta.url)),
    );
  await page.getByLabel('Name', { exact: true }).fill('GOOG daily');
  await page.getByLabel('Symbol', { exact: true }).fill('GOOG/USD');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported GOOG daily' })).toContainText(
    '300 1d candles of GOOG/USD (CSV)',
  );

  await openBacktest(page);
  await page.getByLabel('Data source').selectOption({ label: 'GOOG daily · GOOG/USD 1d' });
  await expect(page.getByLabel('From (UTC)')).toHaveValue('2004-08-19');
  await expect(page.getByLabel('To (UTC, included)')).toHaveValue('2005-10-25');
  await setParams(page, 10, 20);
  await expect(page.getByLabel('Timeframe')).toHaveValue('1m');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(
    page.getByText(
      'The data holds 1d candles, coarser than the 1m timeframe: choose a timeframe of 1d or longer, or finer data.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Timeframe')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { level: 2, name: /^Report:/ })).toHaveCount(0);

  await page.getByLabel('Timeframe').selectOption('1d');
  await runAndWait(page);
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: 'Report: SMA crossover fast=10 slow=20 · GOOG/USD 1d',
    }),
  ).toBeVisible();
  await expect(
    page.getByText(/^GOOG daily · GOOG\/USD 1d, 2004-08-19 to 2005-10-25/),
  ).toBeVisible();
  await expect(metric(page, 'Total return')).toHaveText(/^[+−-]?\d+\.\d\d%$/);
  const tradeCount = Number((await metric(page, 'Trades').innerText()).replace(/,/g, ''));
  expect(tradeCount).toBeGreaterThanOrEqual(5);
  await expect(
    page.getByRole('img', { name: /^Price chart of GOOG\/USD with \d+ buys/ }),
  ).toBeVisible();
  // Fills at the next trading day's open, midnight UTC: the first signal, on Friday
  // 3 December 2004, fills on Monday the 6th at its open (179.13), as the CLI test computes.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export trades CSV' }).click();
  const csv = await readFile(await (await downloadPromise).path(), 'utf8');
  const [, first] = csv.trim().split('\r\n');
  expect(first?.split(',').slice(0, 4)).toEqual([
    'long',
    '2004-12-06T00:00:00.000Z',
    '2004-12-20T00:00:00.000Z',
    '179.13',
  ]);
  await expect(page.getByRole('table', { name: 'Monthly returns' })).toContainText('2005');

  // A sweep runs on the same dataset.
  await page.getByLabel('Vary Fast period').check();
  await page.getByLabel('Fast period from').fill('5');
  await page.getByLabel('Fast period to').fill('10');
  await page.getByLabel('Fast period step').fill('5');
  await expect(page.getByText('Combinations: 2')).toBeVisible();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const results = page.getByRole('table', { name: 'Sweep results' });
  await expect(results.locator('tbody tr')).toHaveCount(2, { timeout: 60_000 });
  await expect(results).toContainText('fast=10 slow=20');
  await expect(results).toContainText('fast=5 slow=20');
});

test('runs a 2×2 sweep ranked by a metric and creates a bot from a result', async ({ page }) => {
  await openBacktest(page);
  await setParams(page, 5, 20);
  await page.getByLabel('Timeframe').selectOption('15m');
  await page.getByLabel('Vary Fast period').check();
  await page.getByLabel('Vary Slow period').check();
  await page.getByLabel('Fast period from').fill('2');
  await page.getByLabel('Fast period to').fill('100');
  await expect(
    page.getByRole('alert').filter({ hasText: 'more than the limit of 400' }),
  ).toBeVisible();
  await page.getByLabel('Fast period from').fill('4');
  await page.getByLabel('Fast period to').fill('6');
  await page.getByLabel('Fast period step').fill('2');
  await page.getByLabel('Slow period from').fill('20');
  await page.getByLabel('Slow period to').fill('30');
  await page.getByLabel('Slow period step').fill('10');
  await expect(page.getByText('Combinations: 4')).toBeVisible();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const results = page.getByRole('table', { name: 'Sweep results' });
  await expect(results.locator('tbody tr')).toHaveCount(4, { timeout: 60_000 });
  await page.getByLabel('Rank by').selectOption('sharpe');
  await expect(results.getByRole('columnheader', { name: 'Sharpe ratio' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const sharpe = await results
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent ?? ''));
  const values = sharpe.map((text) =>
    text === '—' ? -Infinity : Number(text.replace(/[,−]/g, (c) => (c === '−' ? '-' : ''))),
  );
  expect([...values].sort((a, b) => b - a)).toEqual(values);

  const top = results.locator('tbody tr').first();
  const params = await top.getByRole('rowheader').innerText();
  const [, fast, slow] = /fast=(\d+) slow=(\d+)/.exec(params) ?? [];
  await top.getByRole('button', { name: /^Create bot from this result/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New bot' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('From a sweep');
  await nextStep(page, 2);
  await nextStep(page, 3);
  await expect(page.getByRole('radio', { name: 'SMA crossover', exact: true })).toBeChecked();
  await nextStep(page, 4);
  await expect(page.getByLabel('Fast period', { exact: true })).toHaveValue(fast ?? '');
  await expect(page.getByLabel('Slow period', { exact: true })).toHaveValue(slow ?? '');
});

test('cancels a long run and saves nothing', async ({ page }) => {
  // A custom strategy answers each candle from its own worker: three weeks of 1m candles take
  // seconds, so the run is still going when Cancel is pressed (a template would be done).
  await installExampleStrategy(page);
  await openBacktest(page);
  await page.getByLabel('Template').selectOption('custom-ema-momentum');
  await page.getByLabel('Timeframe').selectOption('1m');
  await page.getByLabel('To (UTC, included)').fill('2023-03-21');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  const progress = page.getByRole('progressbar', { name: 'Backtest progress' });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Backtest cancelled. Nothing was saved.' }),
  ).toBeVisible();
  await expect(progress).toHaveCount(0);
  expect(await readStore(page, 'backtestRuns')).toEqual([]);
  await expect(page.getByRole('heading', { level: 2, name: /^Report:/ })).toHaveCount(0);
});

test('compares two saved runs side by side', async ({ page }) => {
  await openBacktest(page);
  await page.getByLabel('Timeframe').selectOption('15m');
  await setParams(page, 5, 20);
  await runAndWait(page);
  await setParams(page, 8, 30);
  await runAndWait(page);
  const saved = page.getByRole('table', { name: 'Saved runs' });
  await expect(saved.locator('tbody tr')).toHaveCount(2);
  await page.getByLabel(/^Select SMA crossover fast=5 slow=20/).check();
  await page.getByLabel(/^Select SMA crossover fast=8 slow=30/).check();
  await page.getByRole('button', { name: 'Compare selected (2)' }).click();
  const comparison = page.getByRole('table', { name: 'Comparison' });
  await expect(comparison.getByRole('columnheader', { name: /fast=5 slow=20/ })).toBeVisible();
  await expect(comparison.getByRole('columnheader', { name: /fast=8 slow=30/ })).toBeVisible();
  await expect(
    comparison.getByRole('row', { name: /^Total return/ }).getByRole('cell'),
  ).toHaveCount(2);
  await expect(page.getByRole('img', { name: /^Equity curves of 2 runs overlaid/ })).toBeVisible();

  await saved.getByRole('button', { name: /^Delete SMA crossover fast=5 slow=20/ }).click();
  await expect(saved.locator('tbody tr')).toHaveCount(1);
});

test('is usable at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/#/backtest');
  await expect(page.getByRole('heading', { level: 1, name: 'Backtest' })).toBeVisible();
  await expect(page.getByLabel('Data source')).toHaveValue('sample:BTC/USDT');
  await page.getByLabel('Timeframe').selectOption('15m');
  await runAndWait(page);
  await expect(page.getByRole('table', { name: 'Metrics' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Run backtest' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Run backtest' })).toBeInViewport();
});

test("a bot's Report link opens the same report built from its own records", async ({ page }) => {
  await page.goto('/#/');
  await createBot(page, { name: 'Report bot', fast: 3, slow: 8 });
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report: Report bot' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Metrics' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Trades' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export report JSON' })).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report JSON' }).click();
  const report = JSON.parse(await readFile(await (await downloadPromise).path(), 'utf8')) as {
    format: string;
    title: string;
  };
  expect(report).toMatchObject({ format: 'flotilla-report', title: 'Report bot · BTC/USDT 1m' });
});

test('backtests an installed custom strategy', async ({ page }) => {
  await installExampleStrategy(page);
  await openBacktest(page);
  await page.getByLabel('Template').selectOption('custom-ema-momentum');
  await expect(page.getByLabel('EMA period', { exact: true })).toBeVisible();
  await page.getByLabel('Timeframe').selectOption('15m');
  await runAndWait(page);
  await expect(
    page.getByRole('heading', { level: 2, name: /^Report: EMA momentum/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Metrics' })).toBeVisible();
});
