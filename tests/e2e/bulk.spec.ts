import { expect, test, type Page } from '@playwright/test';
import { createBot, createBotWithWizard, setReplaySpeed } from './support';

/** Bulk results may wait behind queued candles when the machine is busy: allow for it. */
const RESULT_TIMEOUT = 45_000;

function summary(page: Page, text: string | RegExp) {
  return page.getByRole('status').filter({ hasText: text });
}

test('filter, select all matching and control bots in bulk', async ({ page }) => {
  // Four bots through the form and five bulk rounds: longer than one lifecycle test.
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await setReplaySpeed(page, '600');
  for (const name of ['Bulk alpha', 'Bulk beta', 'Bulk gamma']) await createBot(page, { name });
  await createBot(page, { name: 'Solo' });

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const table = page.getByRole('table', { name: 'Bots' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(table.getByRole('link', { name: 'Solo' })).toBeVisible();

  // Search narrows the list; "Select all matching" takes only the matching bots.
  await page.getByLabel('Search bots').fill('bulk');
  await expect(table.getByRole('link', { name: 'Solo' })).toHaveCount(0);
  await page.getByLabel('Select all matching').check();
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Pause selected' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Pause 3 bots: Bulk alpha, Bulk beta, Bulk gamma.');
  await dialog.getByRole('button', { name: 'Pause 3 bots' }).click();
  await expect(summary(page, '3 paused.')).toBeVisible({ timeout: RESULT_TIMEOUT });
  for (const name of ['Bulk alpha', 'Bulk beta', 'Bulk gamma'])
    await expect(row(name)).toContainText('Paused');
  // The selection of bots that succeeded is cleared; Solo was never touched.
  await expect(page.getByRole('group', { name: 'Bulk actions' })).toHaveCount(0);
  await page.getByLabel('Search bots').fill('');
  await expect(row('Solo')).toContainText('Running');

  // Stop two, cancelling their open orders.
  await page.getByLabel('Select Bulk alpha').check();
  await page.getByLabel('Select Bulk beta').check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Stop selected' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Stop 2 bots: Bulk alpha, Bulk beta.');
  await expect(dialog.getByLabel('Cancel open orders')).toBeChecked();
  await expect(dialog.getByLabel('Close positions at market')).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Stop 2 bots' }).click();
  await expect(summary(page, '2 stopped.')).toBeVisible({ timeout: RESULT_TIMEOUT });
  await expect(row('Bulk alpha')).toContainText('Stopped');
  await expect(row('Bulk beta')).toContainText('Stopped');

  // Delete one stopped bot.
  await page.getByLabel('Select Bulk alpha').check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Only stopped bots can be deleted');
  await dialog.getByRole('button', { name: 'Delete 1 bot' }).click();
  await expect(summary(page, '1 deleted.')).toBeVisible({ timeout: RESULT_TIMEOUT });
  await expect(table.getByRole('link', { name: 'Bulk alpha' })).toHaveCount(0);

  // Resume on a stopped bot is refused, with the reason; the paused one resumes.
  await page.getByLabel('Select Bulk beta').check();
  await page.getByLabel('Select Bulk gamma').check();
  await page.getByRole('button', { name: 'Resume selected' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    'Resume 1 bot: Bulk gamma. 1 will be skipped: Bulk beta is stopped, not paused.',
  );
  await dialog.getByRole('button', { name: 'Resume 1 bot' }).click();
  await expect(
    summary(page, '1 resumed, 1 refused: Bulk beta — Bulk beta is stopped, not paused.'),
  ).toBeVisible({ timeout: RESULT_TIMEOUT });
  await expect(row('Bulk gamma')).toContainText('Running');
  // The refused bot stays selected.
  await expect(page.getByText('1 selected')).toBeVisible();
  await expect(page.getByLabel('Select Bulk beta')).toBeChecked();
});

test('filters survive a visit to a bot, and an empty result offers to clear them', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await setReplaySpeed(page, '600');
  await createBot(page, { name: 'Kept filter' });
  await page.getByRole('link', { name: 'Dashboard' }).first().click();

  await page.getByLabel('Status', { exact: true }).selectOption('paused');
  await expect(page.getByText('No bots match these filters')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('running');
  await page.getByLabel('Sort by').selectOption('pnl');
  await page.getByRole('button', { name: 'Reverse order' }).click();
  await expect(page.getByRole('button', { name: 'Reverse order' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('link', { name: 'Kept filter' }).click();
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('running');
  await expect(page.getByLabel('Sort by')).toHaveValue('pnl');

  await page.getByLabel('Search bots').fill('no such bot');
  await expect(page.getByText('No bots match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Search bots')).toHaveValue('');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');
  await expect(page.getByRole('link', { name: 'Kept filter' })).toBeVisible();
});

test('mode and template filters, then start the stopped bots in bulk', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await setReplaySpeed(page, '600');
  await createBotWithWizard(page, { name: 'Idle SMA', start: false });
  await createBotWithWizard(page, {
    name: 'Idle grid',
    template: 'spot-grid',
    start: false,
    params: { 'Lower price': '15000', 'Upper price': '40000', 'Order size per level': '50' },
  });
  await createBot(page, { name: 'Busy SMA' });
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const table = page.getByRole('table', { name: 'Bots' });
  const names = table.getByRole('rowheader').getByRole('link');
  const shown = () => expect.poll(async () => (await names.allInnerTexts()).sort());
  const row = (name: string) =>
    table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await shown().toEqual(['Idle SMA', 'Idle grid', 'Busy SMA'].sort());

  // Template: only the bots of that template.
  const template = page.getByLabel('Template', { exact: true });
  await template.selectOption({ label: 'Spot grid' });
  await shown().toEqual(['Idle grid'].sort());
  await template.selectOption({ label: 'SMA crossover' });
  await shown().toEqual(['Idle SMA', 'Busy SMA'].sort());
  await template.selectOption('');

  // Mode: every bot here is simulated; none trades on paper.
  const mode = page.getByLabel('Mode', { exact: true });
  await mode.selectOption('paper');
  await expect(page.getByText('No bots match these filters')).toBeVisible();
  await mode.selectOption('simulated');
  await shown().toEqual(['Idle SMA', 'Idle grid', 'Busy SMA'].sort());

  // Bulk start: the running bot is skipped with the reason, the stopped ones start.
  await page.getByLabel('Select all matching').check();
  await page.getByRole('button', { name: 'Start selected' }).click();
  const dialog = page.getByRole('dialog');
  // (In the list's order, which follows the status sort.)
  await expect(dialog).toContainText(
    /Start 2 bots: (Idle SMA, Idle grid|Idle grid, Idle SMA)\. 1 will be skipped: Busy SMA is already running\./,
  );
  await dialog.getByRole('button', { name: 'Start 2 bots' }).click();
  await expect(
    summary(page, '2 started, 1 refused: Busy SMA — Busy SMA is already running.'),
  ).toBeVisible({ timeout: RESULT_TIMEOUT });
  for (const name of ['Idle SMA', 'Idle grid', 'Busy SMA'])
    await expect(row(name)).toContainText('Running');
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('select a bot on its card and pause it from the bulk bar', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('This tab runs your bots')).toBeVisible();
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'Pocket bot' });
    await page.getByRole('link', { name: 'Dashboard' }).first().click();

    const cards = page.getByRole('list', { name: 'Bots' });
    await expect(cards).toContainText('Running');
    await cards.getByLabel('Select Pocket bot').check();
    const bar = page.getByRole('group', { name: 'Bulk actions' });
    await expect(bar).toContainText('1 selected');
    for (const name of ['Start', 'Pause', 'Resume', 'Stop', 'Delete'])
      await expect(bar.getByRole('button', { name: `${name} selected` })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await bar.getByRole('button', { name: 'Pause selected' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pause 1 bot' }).click();
    await expect(summary(page, '1 paused.')).toBeVisible({ timeout: RESULT_TIMEOUT });
    await expect(cards).toContainText('Paused');
    const overflowAfter = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflowAfter).toBeLessThanOrEqual(0);
  });
});
