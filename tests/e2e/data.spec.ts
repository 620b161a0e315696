/**
 * Historical data (#/data): import a CSV of candles (parsed in a worker) and see it listed
 * beside the built-in sample; a broken file shows its problems by line and saves nothing;
 * delete a dataset after confirming.
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
