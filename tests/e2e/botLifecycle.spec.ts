import { expect, test } from '@playwright/test';
import {
  botStatus,
  chooseTemplate,
  createBot,
  duplicatePlacements,
  fillRows,
  nextStep,
  openWizard,
  readStore,
  setReplaySpeed,
  waitForFills,
  wizardStep,
} from './support';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await setReplaySpeed(page, '600');
});

test('create a bot through the form, watch it fill, pause, resume and stop it', async ({
  page,
}) => {
  await createBot(page, { name: 'SMA 3/8' });
  await expect(botStatus(page)).toContainText('Running');
  await waitForFills(page, 1);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(botStatus(page)).toContainText('Paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(botStatus(page)).toContainText('Running');

  await page.getByRole('button', { name: 'Stop' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Cancel open orders')).toBeChecked();
  await dialog.getByRole('button', { name: 'Stop bot' }).click();
  await expect(botStatus(page)).toContainText('Stopped');
  await expect(page.getByRole('table', { name: 'Event timeline' })).toContainText(/stopped/i);

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByRole('link', { name: 'SMA 3/8' }).first()).toBeVisible();
});

test('after a reload the bot is still running with the same history', async ({ page }) => {
  await createBot(page, { name: 'Survives reloads' });
  const before = await waitForFills(page, 2);
  const fillsBefore = await readStore<{ tradeId: string }>(page, 'fills');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Survives reloads' })).toBeVisible();
  await expect(botStatus(page)).toContainText('Running');
  await expect.poll(() => fillRows(page).count()).toBeGreaterThanOrEqual(before);
  const fillsAfter = await readStore<{ tradeId: string }>(page, 'fills');
  const idsAfter = new Set(fillsAfter.map((fill) => fill.tradeId));
  for (const fill of fillsBefore) expect(idsAfter.has(fill.tradeId)).toBe(true);

  // It keeps trading after the reload, and nothing was ever sent twice.
  await waitForFills(page, before + 1);
  expect(await duplicatePlacements(page)).toEqual([]);
});

test('invalid parameters show a message and save nothing', async ({ page }) => {
  await openWizard(page);
  await page.getByLabel('Name', { exact: true }).fill('Bad params');
  await nextStep(page, 2);
  await nextStep(page, 3);
  await chooseTemplate(page, 'sma-crossover');
  await nextStep(page, 4);
  await page.getByLabel('Fast period').fill('50');
  await page.getByLabel('Slow period').fill('10');
  await expect(page.getByText(/fast.*(below|less|smaller).*slow/i).first()).toBeVisible();
  await page.getByLabel('Fast period').fill('1');
  await expect(page.getByText(/Fast period must be/i).first()).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(wizardStep(page)).toContainText('Step 4 of 6');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Bad params');
  expect(await readStore(page, 'bots')).toEqual([]);

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByText('No bots yet')).toBeVisible();
});
