import { expect, test } from '@playwright/test';
import { createBotWithWizard, nextStep, openWizard, setReplaySpeed, waitForFills } from './support';

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
  await openWizard(page);
  await page.getByLabel('Name', { exact: true }).fill('Any');
  await nextStep(page, 2);
  await nextStep(page, 3);
  const offered = await page
    .getByRole('group', { name: 'Template' })
    .getByRole('radio')
    .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
  expect(offered).toEqual(expect.arrayContaining(TEMPLATE_IDS));

  for (const id of TEMPLATE_IDS) {
    await createBotWithWizard(page, { name: `Bot ${id}`, template: id, allocation: 800 });
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
