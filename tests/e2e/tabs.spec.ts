import { expect, test, type Page } from '@playwright/test';
import { botStatus, createBot, duplicatePlacements, readStore, setReplaySpeed } from './support';

interface EventRow {
  type: string;
  data?: { clientOrderId?: string };
}

async function placements(page: Page): Promise<number> {
  const events = await readStore<EventRow>(page, 'events');
  return events.filter((event) => event.type === 'order_placed').length;
}

test('with two tabs only one trades, and closing it hands the bots over without duplicates', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  await expect(first.getByText('This tab runs your bots')).toBeVisible();
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText(/Bots run in another Flotilla tab/)).toBeVisible();
  // The second tab is not running an old version: no update prompt.
  await expect(second.getByText('A new version of Flotilla is available.')).toHaveCount(0);

  await setReplaySpeed(first, '600');
  await createBot(first, { name: 'Shared bot' });
  await expect.poll(() => placements(first), { timeout: 45_000 }).toBeGreaterThanOrEqual(2);

  // The second tab mirrors the same bot, live, without running it.
  await second.getByRole('link', { name: 'Dashboard' }).first().click();
  await second.getByRole('link', { name: 'Shared bot' }).first().click();
  await expect(botStatus(second)).toContainText('Running');
  expect(await duplicatePlacements(second)).toEqual([]);

  const before = await placements(second);
  await first.close();
  await expect(second.getByText('This tab runs your bots')).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => placements(second), { timeout: 45_000 }).toBeGreaterThan(before);
  expect(await duplicatePlacements(second)).toEqual([]);
  const orders = await readStore<{ clientOrderId: string }>(second, 'orders');
  expect(new Set(orders.map((order) => order.clientOrderId)).size).toBe(orders.length);
});
