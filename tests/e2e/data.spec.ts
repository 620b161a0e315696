/**
 * Historical data (#/data): import a CSV of candles (parsed in a worker) and see it listed
 * beside the built-in sample; import Binance klines and freqtrade JSON; a broken file shows its
 * problems by line and saves nothing; delete a dataset after confirming.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { readStore } from './support';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function datasetRows(page: Page) {
  return page.getByRole('table', { name: 'Datasets' }).locator('tbody tr');
}

async function openData(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Data', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Historical data' })).toBeVisible();
}

test('imports a CSV, lists it beside the built-in sample, and deletes it', async ({ page }) => {
  await openData(page);
  await expect(datasetRows(page).filter({ hasText: 'Built-in sample' })).toHaveCount(2);
  await page
    .getByLabel('Candle file (CSV or JSON)')
    .setInputFiles(fixture('ethusdt-1h-sample.csv'));
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('ethusdt-1h-sample');
  await expect(page.getByLabel('Symbol', { exact: true })).toHaveValue('ETH/USDT');
  await page.getByLabel('Name', { exact: true }).fill('ETH hourly');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported ETH hourly' })).toContainText(
    '6 1h candles of ETH/USDT (CSV)',
  );
  const row = datasetRows(page).filter({ hasText: 'ETH hourly' });
  await expect(row).toContainText('ETH/USDT');
  await expect(row).toContainText('1h');
  await expect(row).toContainText('6');

  await row.getByRole('button', { name: 'Delete ETH hourly' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete ETH hourly?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Delete ETH hourly' }).click();
  await dialog.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(row).toHaveCount(0);
  await expect(datasetRows(page)).toHaveCount(2);
  expect(await readStore(page, 'candleChunks')).toEqual([]);
});

test('a broken file shows each problem with its line and saves nothing', async ({ page }) => {
  await openData(page);
  await page.getByLabel('Candle file (CSV or JSON)').setInputFiles(fixture('broken-candles.csv'));
  await page.getByLabel('Symbol', { exact: true }).fill('ETH/USDT');
  await page.getByRole('button', { name: 'Import' }).click();
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  await expect(problems).toContainText('line 4: high is below close (2291.2 < 2292.43)');
  await expect(problems).toContainText('line 5: close is not a number ("abc")');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toBeVisible();
  await expect(datasetRows(page).filter({ hasText: 'broken-candles' })).toHaveCount(0);
  expect(await readStore(page, 'candleDatasets')).toEqual([]);
  expect(await readStore(page, 'candleChunks')).toEqual([]);
});

test('a missing symbol is reported at its field', async ({ page }) => {
  await openData(page);
  await page.getByLabel('Candle file (CSV or JSON)').setInputFiles(fixture('broken-candles.csv'));
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Symbol must look like BASE/QUOTE, e.g. BTC/USDT.')).toBeVisible();
  await expect(page.getByLabel('Symbol', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('imports Binance klines JSON as hourly BTC/USDT candles', async ({ page }) => {
  await openData(page);
  await page
    .getByLabel('Candle file (CSV or JSON)')
    .setInputFiles(fixture('btcusdt-1h-2023-03-01_02-klines.json'));
  await expect(page.getByLabel('Symbol', { exact: true })).toHaveValue('BTC/USDT');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported btcusdt-1h-2023-03-01_02-klines' }),
  ).toContainText('48 1h candles of BTC/USDT (Binance klines (JSON))');
  const row = datasetRows(page).filter({ hasText: 'btcusdt-1h-2023-03-01_02-klines' });
  await expect(row).toContainText('1h');
  await expect(row).toContainText('48');
  const [stored] = await readStore<{ count: number; timeframeMs: number; firstTime: number }>(
    page,
    'candleDatasets',
  );
  expect(stored).toMatchObject({
    count: 48,
    timeframeMs: 3_600_000,
    firstTime: Date.UTC(2023, 2, 1),
  });
});

test("imports freqtrade's JSON (arrays of ms, open, high, low, close, volume)", async ({
  page,
}) => {
  await openData(page);
  const day = 86_400_000;
  const rows = Array.from({ length: 5 }, (_, i) => {
    const open = 2000 + 10 * i;
    return [Date.UTC(2024, 0, 1) + i * day, open, open + 25, open - 15, open + 5, 1000 + i];
  });
  await page.getByLabel('Candle file (CSV or JSON)').setInputFiles({
    name: 'ETH_USDT-1d.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(rows)),
  });
  await expect(page.getByLabel('Symbol', { exact: true })).toHaveValue('ETH/USDT');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported ETH_USDT-1d' })).toContainText(
    '5 1d candles of ETH/USDT (freqtrade JSON)',
  );
  await expect(datasetRows(page).filter({ hasText: 'ETH_USDT-1d' })).toContainText('1d');
});
