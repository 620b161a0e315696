/**
 * Reports say which config version made which trades: a running bot trades under v1, is
 * edited (v2) and trades on; its Fills table and its Report's trade list, CSV and JSON name
 * the version behind each fill and trade.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createBot, fillRows, setReplaySpeed } from './support';

/** Waits until the Fills table has a sell fill made under config version `version`. */
async function waitForSellUnder(page: Page, version: number): Promise<void> {
  await expect(
    fillRows(page)
      .filter({ hasText: 'Sell' })
      .filter({ hasText: new RegExp(`v${version}$`) })
      .first(),
  ).toBeVisible({ timeout: 60_000 });
}

interface ExportedReport {
  trades: { entryConfigVersion?: number; exitConfigVersion?: number }[];
}

test('fills and report trades name the config version that made them', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await setReplaySpeed(page, '600');
  await createBot(page, { name: 'Versioned', fast: 3, slow: 8 });
  await waitForSellUnder(page, 1);

  // Edit the running bot: a second version, used from the next candle.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Fast period').fill('4');
  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Config v2')).toBeVisible();
  await waitForSellUnder(page, 2);
  await expect(fillRows(page).filter({ hasText: /v1$/ }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report: Versioned' })).toBeVisible();
  const trades = page.getByRole('table', { name: 'Trades' });
  await expect(trades.getByRole('columnheader', { name: 'Config' })).toBeVisible();
  const configCells = trades.locator('tbody tr td:last-child');
  await expect(configCells.filter({ hasText: /^v1$/ }).first()).toBeVisible();
  await expect(configCells.filter({ hasText: /^(v1 → )?v2$/ }).first()).toBeVisible();

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export trades CSV' }).click();
  const csv = (await readFile(await (await csvDownload).path(), 'utf8')).trim().split('\r\n');
  expect(csv[0]).toMatch(/,entry_config_version,exit_config_version$/);
  const exitVersions = csv.slice(1).map((line) => line.split(',').at(-1));
  expect(exitVersions).toContain('1');
  expect(exitVersions).toContain('2');

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report JSON' }).click();
  const report = JSON.parse(
    await readFile(await (await jsonDownload).path(), 'utf8'),
  ) as ExportedReport;
  const versions = new Set(report.trades.map((trade) => trade.exitConfigVersion));
  expect([...versions].sort()).toEqual([1, 2]);
  expect(report.trades.every((trade) => typeof trade.entryConfigVersion === 'number')).toBe(true);
});
