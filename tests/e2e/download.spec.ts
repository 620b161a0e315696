/**
 * Candle downloads end to end in Chromium: a key-less Binance account pointing at the local
 * simulator (scripts/sim-exchange, started here) — no vault needed for public data — then
 * "Download from an exchange" on the Data page pages the exchange's klines in the worker, shows
 * progress, and lists the dataset with its candle count; the Backtest page runs on it.
 */
import { expect, test, type Page } from '@playwright/test';
import { createSimExchange, type SimExchange } from '../../scripts/sim-exchange/server';

const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4327);
const MINUTE = 60_000;
const COUNT = 300;

let sim: SimExchange;

test.beforeAll(async () => {
  sim = await createSimExchange({ port: SIM_PORT, speed: 1 });
});

test.afterAll(async () => {
  await sim?.close();
});

async function addKeylessAccount(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Accounts' }).first().click();
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'Add an exchange account' });
  await form.getByLabel('Exchange', { exact: true }).selectOption('binance');
  await form.getByLabel('Account name').fill(name);
  await form.getByText('Advanced: API base URL (local test exchange)').click();
  await form.getByLabel('API base URL').fill(sim.url);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

const utc = (time: number) => new Date(time).toISOString().slice(0, 16);

test('downloads 1m candles from a key-less exchange account and backtests them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await addKeylessAccount(page, 'Sim public');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  const form = page.getByRole('form', { name: 'Download from an exchange' });
  await form.getByLabel('Account').selectOption({ label: 'Sim public (Binance)' });
  await expect(form.getByLabel('Market')).toContainText('BTC/USDT');
  await form.getByLabel('Market').selectOption('BTC/USDT');
  await form.getByLabel('Timeframe').selectOption('1m');

  // The range must be checked before anything is fetched.
  const start = Math.floor(Date.now() / MINUTE) * MINUTE - 6 * 60 * MINUTE;
  await form.getByLabel('From (UTC)').fill(utc(start));
  await form.getByLabel('To (UTC)').fill(utc(start - MINUTE));
  await form.getByLabel('Dataset name').fill('Sim BTC 1m');
  await form.getByRole('button', { name: 'Download' }).click();
  await expect(form.getByText('The end must be after the start.')).toBeVisible();
  await expect(form.getByLabel('To (UTC)')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('To (UTC)').fill(utc(start + COUNT * MINUTE));
  await form.getByRole('button', { name: 'Download' }).click();
  await expect(form.getByRole('status')).toContainText(`Downloaded Sim BTC 1m: ${COUNT} candles.`);
  await expect(form.getByTestId('download-counts')).toHaveText(`${COUNT} of ${COUNT} candles`);
  await expect(form.getByLabel('Download progress')).toHaveAttribute('value', String(COUNT));
  const row = page
    .getByRole('table', { name: 'Datasets' })
    .locator('tbody tr')
    .filter({ hasText: 'Sim BTC 1m' });
  await expect(row).toContainText('BTC/USDT');
  await expect(row).toContainText(String(COUNT));

  // The form and the list fit a 375 px phone screen.
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(form.getByLabel('Dataset name')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Backtest' })
    .click();
  await page.getByLabel('Data source').selectOption({ label: 'Sim BTC 1m · BTC/USDT 1m' });
  await page.getByLabel('Template').selectOption('sma-crossover');
  await page.getByLabel('Fast period', { exact: true }).fill('5');
  await page.getByLabel('Slow period', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Report:/ })).toBeVisible({
    timeout: 45_000,
  });
});
