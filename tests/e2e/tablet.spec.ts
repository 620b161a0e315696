/**
 * The dashboard and a bot page at 768 px (a tablet, portrait): the table layout (not the phone
 * cards) with every column reachable, the summary, the bulk bar, and the bot page's panels —
 * none of them widening the page past the screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { createBot, setReplaySpeed, waitForFills } from './support';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('the dashboard and a bot page work at 768 px', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await setReplaySpeed(page, '600');
  await createBot(page, { name: 'Tablet bot' });
  await waitForFills(page, 1);

  // Bot page: performance, analytics, charts and tables, within the screen's width.
  await expect(page.getByTestId('bot-analytics')).toContainText('Max drawdown');
  await expect(page.getByRole('img', { name: /^Candlestick chart of BTC\/USDT/ })).toBeVisible();
  for (const table of ['Open orders', 'Fills', 'Event timeline']) {
    await expect(page.getByRole('table', { name: table })).toBeAttached();
  }
  await expect(page.getByRole('group', { name: 'Bot controls' })).toBeInViewport();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

  // Dashboard: the table (not cards), its summary and a working bulk bar.
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const table = page.getByRole('table', { name: 'Bots' });
  await expect(table.getByRole('link', { name: 'Tablet bot' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Bots' })).toHaveCount(0);
  await expect(page.getByTestId('today-pnl')).toBeVisible();
  await expect(page.getByTestId('open-positions')).toBeVisible();
  await page.getByLabel('Select Tablet bot').check();
  const bar = page.getByRole('group', { name: 'Bulk actions' });
  await expect(bar.getByRole('button', { name: 'Pause selected' })).toBeInViewport();
  // The last column (the row's controls) scrolls into view inside the table's own scroller.
  const pause = table.getByRole('button', { name: 'Pause Tablet bot' });
  await pause.scrollIntoViewIfNeeded();
  await expect(pause).toBeInViewport();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});
