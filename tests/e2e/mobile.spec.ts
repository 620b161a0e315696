import { expect, test } from '@playwright/test';
import { createBot, setReplaySpeed, waitForFills } from './support';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('the dashboard and a bot work on a 375 px phone screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('No bots yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kill switch' })).toBeVisible();
  await setReplaySpeed(page, '600');
  await createBot(page, { name: 'Phone bot' });
  await waitForFills(page, 1);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const bots = page.getByRole('list', { name: 'Bots' });
  await expect(bots.getByRole('link', { name: 'Phone bot' })).toBeVisible();
  await expect(bots).toContainText('Running');
  const dashboardOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(dashboardOverflow).toBeLessThanOrEqual(0);
});
