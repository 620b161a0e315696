import { expect, test } from '@playwright/test';
import { setReplaySpeed, waitForFills } from './support';

/** Every template in the library, as the create form lists it (value = template id). */
const TEMPLATE_IDS = [
  'sma-crossover',
  'ema-crossover',
  'macd-trend',
  'rsi-mean-reversion',
  'bollinger-mean-reversion',
  'donchian-breakout',
  'supertrend',
  'spot-grid',
  'recurring-dca',
  'dca-safety-orders',
  'buy-and-hold',
];

test('every template runs in the app on the simulated exchange with its defaults', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await setReplaySpeed(page, '600');
  const offered = await page
    .getByRole('link', { name: 'New bot' })
    .first()
    .click()
    .then(() =>
      page
        .getByLabel('Template')
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
    );
  expect(offered).toEqual(expect.arrayContaining(TEMPLATE_IDS));

  for (const id of TEMPLATE_IDS) {
    await page.getByRole('link', { name: 'New bot' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill(`Bot ${id}`);
    await page.getByLabel('Template').selectOption(id);
    await page.getByLabel('Allocation').fill('800');
    await page.getByRole('button', { name: 'Create bot' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Bot ${id}` })).toBeVisible();
    await expect(page.getByTestId('bot-status')).toContainText('Running');
  }

  // Let the market run a few hours of market time, then every bot is still running.
  await page.waitForTimeout(10_000);
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const table = page.getByRole('table', { name: 'Bots' });
  for (const id of TEMPLATE_IDS) {
    await expect(table.getByRole('row', { name: new RegExp(`Bot ${id}`) })).toContainText(
      'Running',
    );
  }
  await expect(page.getByText(/in error/)).toContainText('0 in error');
  // The ones that trade on any market (buy-and-hold, DCA) have filled orders by now.
  for (const id of ['buy-and-hold', 'recurring-dca', 'dca-safety-orders']) {
    await table.getByRole('link', { name: `Bot ${id}` }).click();
    await waitForFills(page, 1);
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
  }
});
