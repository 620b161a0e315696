/**
 * The dashboard's row facts (PnL with a sparkline, position, last action), the Exchange
 * filter, and bulk Duplicate / Archive / Unarchive with per-bot results, on a desktop table
 * and on 375 px phone cards.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createBot, setReplaySpeed, waitForFills } from './support';

/** Bulk results may wait behind queued candles when the machine is busy: allow for it. */
const RESULT_TIMEOUT = 45_000;

function summary(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

async function runBulk(page: Page, button: string, confirm: string, plan: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(plan);
  await dialog.getByRole('button', { name: confirm }).click();
}

test.describe('desktop', () => {
  test('row facts, exchange filter, duplicate, archive and unarchive', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    await expect(page.getByText('This tab runs your bots')).toBeVisible();
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'Dash one', allocation: 3000 });
    await waitForFills(page, 1);
    // The bot page's candlestick chart names its indicators (the template's moving averages).
    await expect(
      page.getByRole('img', {
        name: /^Candlestick chart of BTC\/USDT: \d+ candles .*indicators SMA 3, SMA 8/,
      }),
    ).toBeVisible();
    await createBot(page, { name: 'Dash two', allocation: 3000 });

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    const table = page.getByRole('table', { name: 'Bots' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(table.getByRole('columnheader', { name: 'Position' })).toBeVisible();
    // The sparkline says the trend in words; the last action says what and when.
    await expect(row('Dash one').getByRole('img', { name: /^Equity (up|down|flat)/ })).toBeVisible({
      timeout: RESULT_TIMEOUT,
    });
    await expect(row('Dash one')).toContainText(/Started|Order|Filled|Bought|Sold|Signal/i);
    await expect(row('Dash one').locator('time')).toHaveAttribute('datetime', /^\d{4}-/);
    await expect(row('Dash one').locator('time')).toContainText(/ago|now|sec|min/);

    // The Exchange filter lists the account in use.
    await page.getByLabel('Exchange').selectOption({ label: 'Simulated' });
    await expect(row('Dash two')).toBeVisible();

    // Duplicate both: the second copy would over-allocate the account and is refused.
    await page.getByLabel('Select all matching').check();
    await runBulk(page, 'Duplicate selected', 'Duplicate 2 bots', 'Duplicate 2 bots');
    await expect(
      summary(page, /^1 duplicated, 1 refused: Dash two — Allocation 3000 USDT is more than/),
    ).toBeVisible({ timeout: RESULT_TIMEOUT });
    await expect(row('Dash one (copy)')).toContainText('Stopped');
    await expect(table.getByRole('link', { name: 'Dash two (copy)' })).toHaveCount(0);

    // Archive: the running bot is skipped with the reason; the stopped copy leaves the list.
    await page.getByLabel('Select Dash one (copy)').check();
    await page.getByLabel('Select Dash two').check();
    await runBulk(
      page,
      'Archive selected',
      'Archive 1 bot',
      'Archive 1 bot: Dash one (copy). 1 will be skipped: Dash two is running: stop it before archiving it.',
    );
    await expect(
      summary(
        page,
        '1 archived, 1 refused: Dash two — Dash two is running: stop it before archiving it.',
      ),
    ).toBeVisible({ timeout: RESULT_TIMEOUT });
    await expect(table.getByRole('link', { name: 'Dash one (copy)' })).toHaveCount(0);

    // Archived bots show under their status filter, and come back with Unarchive.
    await page.getByLabel('Select Dash two').uncheck();
    await page.getByLabel('Status', { exact: true }).selectOption('archived');
    await expect(row('Dash one (copy)')).toContainText('Archived');
    await expect(table.getByRole('link', { name: 'Dash one', exact: true })).toHaveCount(0);
    await page.getByLabel('Select Dash one (copy)').check();
    await expect(page.getByRole('button', { name: 'Start selected' })).toHaveCount(0);
    await runBulk(
      page,
      'Unarchive selected',
      'Unarchive 1 bot',
      'Unarchive 1 bot: Dash one (copy).',
    );
    await expect(summary(page, '1 unarchived.')).toBeVisible({ timeout: RESULT_TIMEOUT });
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await expect(row('Dash one (copy)')).toContainText('Stopped');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('cards show the facts; duplicate and archive work at 375 px', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'Pocket', allocation: 6000 });
    await waitForFills(page, 1);

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    const cards = page.getByRole('list', { name: 'Bots' });
    const card = (name: string) =>
      cards.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(card('Pocket')).toContainText('Position');
    await expect(card('Pocket')).toContainText('Last action');
    await expect(card('Pocket').getByRole('img', { name: /^Equity (up|down|flat)/ })).toBeVisible({
      timeout: RESULT_TIMEOUT,
    });

    // A 6000 USDT copy does not fit next to the original on a 10000 USDT account.
    await page.getByLabel('Select Pocket').check();
    await runBulk(page, 'Duplicate selected', 'Duplicate 1 bot', 'Duplicate 1 bot: Pocket.');
    await expect(
      summary(page, /^0 duplicated, 1 refused: Pocket — Allocation 6000 USDT/),
    ).toBeVisible({ timeout: RESULT_TIMEOUT });

    // Stop it, then archive it: it leaves the cards and shows under Status: Archived.
    await runBulk(page, 'Stop selected', 'Stop 1 bot', 'Stop 1 bot: Pocket.');
    await expect(summary(page, '1 stopped.')).toBeVisible({ timeout: RESULT_TIMEOUT });
    await page.getByLabel('Select Pocket').check();
    await runBulk(page, 'Archive selected', 'Archive 1 bot', 'Archive 1 bot: Pocket.');
    await expect(summary(page, '1 archived.')).toBeVisible({ timeout: RESULT_TIMEOUT });
    await page.getByLabel('Status', { exact: true }).selectOption('archived');
    await expect(card('Pocket')).toContainText('Archived');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
