import { expect, test, type Page } from '@playwright/test';
import { botStatus, createBot, createBotWithWizard, readStore, setReplaySpeed } from './support';

/** Creates a spot-grid bot with bounds wide enough to lay resting buys at once. */
async function createGridBot(page: Page, name: string): Promise<void> {
  await createBotWithWizard(page, {
    name,
    template: 'spot-grid',
    allocation: 2000,
    params: {
      'Lower price': '15000',
      'Upper price': '40000',
      Levels: '20',
      'Order size per level': '50',
    },
  });
}

const openOrderRows = (page: Page) =>
  page.getByRole('table', { name: 'Open orders' }).locator('tbody tr:not(:has(.empty-row))');

interface OrderRow {
  state: string;
}

test('the kill switch stops every bot and cancels every open order', async ({ page }) => {
  await page.goto('/');
  await setReplaySpeed(page, '600');
  await createGridBot(page, 'Wide grid');
  const gridHash = new URL(page.url()).hash;
  await expect.poll(() => openOrderRows(page).count(), { timeout: 30_000 }).toBeGreaterThan(0);

  await createBot(page, { name: 'Kill SMA' });
  await expect(botStatus(page)).toContainText('Running');

  await page.getByRole('button', { name: 'Kill switch' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop everything?' });
  await expect(dialog).toContainText('Stops all 2 active bots and cancels all their open orders.');
  const close = dialog.getByLabel('Also close every position at market');
  await expect(close).not.toBeChecked();
  await close.check();
  await dialog.getByRole('button', { name: 'Stop all bots' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Kill switch: 2 bots stopped, \d+ orders? canceled/ }),
  ).toBeVisible();

  await expect(botStatus(page)).toContainText('Stopped');
  await page.evaluate((hash) => {
    location.hash = hash;
  }, gridHash);
  await expect(page.getByRole('heading', { level: 1, name: 'Wide grid' })).toBeVisible();
  await expect(botStatus(page)).toContainText('Stopped');
  await expect(openOrderRows(page)).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Open orders' })).toContainText('No open orders');

  // A closing market sell (if any) fills at the next candle: then nothing is left open.
  await expect
    .poll(
      async () =>
        (await readStore<OrderRow>(page, 'orders')).filter((order) =>
          ['new', 'sent', 'open', 'partially_filled'].includes(order.state),
        ).length,
      { timeout: 15_000 },
    )
    .toBe(0);
});
