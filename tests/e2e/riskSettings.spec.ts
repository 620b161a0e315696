/**
 * Risk settings end to end: a bot created through the wizard with a trailing stop, an ROI
 * table, a cooldown and its stop-loss placed on the exchange keeps that configuration (review,
 * edit page, stored config) and gets a native stop order in its open orders; the per-account
 * circuit-breaker form on the Risk page refuses a bad value and persists a good one.
 */
import { expect, test, type Page } from '@playwright/test';
import { chooseTemplate, nextStep, openWizard, readStore, setReplaySpeed } from './support';

interface StoredBot {
  config: { name: string; risk?: Record<string, unknown> };
}

interface StoredOrder {
  botId: string;
  side: string;
  state: string;
  tag?: string;
  triggerPrice?: number;
}

/** What the wizard below should store as the bot's risk section. */
const EXPECTED_RISK = {
  stopLoss: { kind: 'percent', percent: 10, onExchange: true },
  trailingStop: { percent: 5, activationPercent: 20 },
  roiTable: [{ afterMinutes: 600, percent: 40 }],
  cooldownMinutesAfterLoss: 30,
};

async function fillRiskStep(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Percent below entry' }).check();
  await page.getByLabel('Stop-loss percent').fill('10');
  await page
    .getByLabel('Place the stop-loss on the exchange when it supports native stops')
    .check();
  await page.getByLabel('Use a trailing stop').check();
  await page.getByLabel('Trailing distance').fill('5');
  await page.getByLabel('Activation gain').fill('20');
  await page.getByRole('button', { name: 'Add ROI row' }).click();
  await page.getByLabel('Row 1 after').fill('600');
  await page.getByLabel('Row 1 profit').fill('40');
  await page.getByLabel('Cooldown after a loss').fill('30');
}

test('a bot with a trailing stop, ROI table, cooldown and a stop on the exchange', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await setReplaySpeed(page, '600');
  await openWizard(page);
  await page.getByLabel('Name', { exact: true }).fill('Guarded');
  await nextStep(page, 2);
  await page.getByLabel('Allocation').fill('1000');
  await nextStep(page, 3);
  await chooseTemplate(page, 'buy-and-hold');
  await nextStep(page, 4);
  await nextStep(page, 5);
  await fillRiskStep(page);
  await nextStep(page, 6);

  const review = page.locator('.review-groups');
  await expect(review).toContainText(/Stop-loss\s*10% \(on the exchange\)/);
  await expect(review).toContainText(/Trailing stop\s*5% from \+20%/);
  await expect(review).toContainText(/ROI table\s*600 min: 40%/);
  await expect(review).toContainText(/Cooldown after a loss\s*30 min/);
  await page.getByLabel('Start the bot now').check();
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guarded' })).toBeVisible();

  // Once the entry has filled, the stop-loss rests on the exchange as a stop-market sell.
  const stopRow = page
    .getByRole('table', { name: 'Open orders' })
    .getByRole('row')
    .filter({ hasText: 'Stop market' });
  await expect(stopRow).toHaveCount(1, { timeout: 45_000 });
  await expect(stopRow).toContainText('Sell');
  await expect(stopRow).toContainText('Open');
  const bots = await readStore<StoredBot>(page, 'bots');
  const bot = bots.find((each) => each.config.name === 'Guarded');
  expect(bot?.config.risk).toEqual(EXPECTED_RISK);
  const stops = (await readStore<StoredOrder>(page, 'orders')).filter(
    (order) => order.tag === 'risk:stop_loss' && order.state === 'open',
  );
  expect(stops).toHaveLength(1);
  expect(stops[0]?.side).toBe('sell');
  expect(stops[0]?.triggerPrice).toBeGreaterThan(0);
  // The row shows the trigger price (grouped, two decimals).
  const trigger = (stops[0]?.triggerPrice ?? 0).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  await expect(stopRow).toContainText(trigger);

  // The edit page shows the saved risk section.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Guarded' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Percent below entry' })).toBeChecked();
  await expect(page.getByLabel('Stop-loss percent')).toHaveValue('10');
  await expect(
    page.getByLabel('Place the stop-loss on the exchange when it supports native stops'),
  ).toBeChecked();
  await expect(page.getByLabel('Use a trailing stop')).toBeChecked();
  await expect(page.getByLabel('Trailing distance')).toHaveValue('5');
  await expect(page.getByLabel('Activation gain')).toHaveValue('20');
  await expect(page.getByLabel('Row 1 after')).toHaveValue('600');
  await expect(page.getByLabel('Row 1 profit')).toHaveValue('40');
  await expect(page.getByLabel('Cooldown after a loss')).toHaveValue('30');
});

test('the per-account breakers refuse a bad value and persist a good one', async ({ page }) => {
  await page.goto('/#/risk');
  await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
  const account = page.getByRole('group', { name: 'Account: Simulated' });
  const loss = account.getByLabel('Daily loss limit (quote)', { exact: true });
  const save = page.getByRole('button', { name: 'Save risk settings' });

  // A bad value: the field says what is wrong, and nothing is stored.
  await loss.fill('-5');
  await save.click();
  await expect(
    account.getByText('Daily loss limit (quote) must be a positive amount.'),
  ).toBeVisible();
  await expect(loss).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page
      .getByRole('region', { name: 'Circuit breakers' })
      .getByText('Fix the highlighted fields: nothing was saved.'),
  ).toBeVisible();
  const stored = async () =>
    (await readStore<{ key: string; value: unknown }>(page, 'settings')).find(
      (row) => row.key === 'riskBreakers',
    )?.value as { accounts?: Record<string, { breakers: Record<string, number> }> } | undefined;
  expect((await stored())?.accounts?.['sim-default']).toBeUndefined();
  await page.reload();
  await expect(loss).toHaveValue('');

  // A good one, with "stop bots": saved, and there after a reload.
  await loss.fill('250');
  await account.getByLabel('Max drawdown (%)', { exact: true }).fill('12');
  await account.getByRole('radio', { name: 'Stop bots' }).check();
  await save.click();
  await expect(
    page.getByRole('region', { name: 'Circuit breakers' }).getByText('Risk settings saved.'),
  ).toBeVisible();
  await page.reload();
  await expect(loss).toHaveValue('250');
  await expect(account.getByLabel('Max drawdown (%)', { exact: true })).toHaveValue('12');
  await expect(account.getByRole('radio', { name: 'Stop bots' })).toBeChecked();
  // The portfolio's breakers stay off.
  const portfolio = page.getByRole('group', { name: 'Portfolio (all bots)' });
  await expect(portfolio.getByLabel('Daily loss limit (quote)', { exact: true })).toHaveValue('');
  expect((await stored())?.accounts?.['sim-default']).toMatchObject({
    breakers: { dailyLossQuote: 250, maxDrawdownPercent: 12 },
    action: 'stop_bots',
  });
});
