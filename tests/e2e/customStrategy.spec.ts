/**
 * Custom strategies: a module is checked in a worker before it is installed and listed; a bot
 * runs it in a worker of its own and trades; a module that loops forever stops only its own
 * bot, with a clear error, while another bot keeps trading.
 * Needs the route #/strategies/custom and the create form listing custom strategies.
 */
import { expect, test, type Page } from '@playwright/test';
import { botStatus, createBotWithWizard, readStore, setReplaySpeed, waitForFills } from './support';

/** Unbalanced braces: the browser's parser rejects it. */
const BROKEN = `export default ({ defineStrategy }) => defineStrategy({ id: 'broken', name: 'Broken' ;`;

/** Warms up normally, then never returns from its first live candle. */
const HANGING = `export default ({ defineStrategy }) =>
  defineStrategy({
    id: 'hang',
    name: 'Hang forever',
    description: 'Loops forever on its first live candle.',
    category: 'trend',
    timeframe: '1m',
    params: {},
    warmup: () => 2,
    init: () => ({}),
    onCandle(state, candle, ctx) {
      if (!ctx.isWarmup) for (;;) {}
      return [];
    },
  });
`;

async function openCustomStrategies(page: Page): Promise<void> {
  await page.goto('/#/strategies/custom');
  await expect(page.getByRole('heading', { level: 1, name: 'Custom strategies' })).toBeVisible();
}

function installed(page: Page) {
  return page.getByRole('table', { name: 'Installed custom strategies' }).locator('tbody tr');
}

async function addModule(page: Page, source: string): Promise<void> {
  await page.getByLabel('Strategy module source').fill(source);
  await page.getByRole('button', { name: 'Add strategy' }).click();
}

/** Creates and starts a bot with template `strategyId` (default parameters). */
async function createBotWith(
  page: Page,
  input: { name: string; strategyId: string; allocation: number },
): Promise<void> {
  await createBotWithWizard(page, {
    name: input.name,
    template: input.strategyId,
    allocation: input.allocation,
  });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
});

test('the example module is checked and listed; a broken module is rejected with the reason', async ({
  page,
}) => {
  await openCustomStrategies(page);
  await expect(installed(page)).toHaveText([/No custom strategies yet/]);
  await page.getByRole('button', { name: 'Insert example' }).click();
  await expect(page.getByLabel('Strategy module source')).toHaveValue(/defineStrategy/);
  await page.getByRole('button', { name: 'Add strategy' }).click();
  await expect(installed(page)).toHaveCount(1);
  await expect(installed(page).first()).toContainText('EMA momentum');
  await expect(installed(page).first()).toContainText('custom-ema-momentum');

  await addModule(page, BROKEN);
  await expect(page.getByRole('alert')).toContainText('Syntax error in the module');
  await page.getByRole('button', { name: 'Insert example' }).click();
  await page.getByRole('button', { name: 'Add strategy' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'A custom strategy with the id "custom-ema-momentum" is already installed',
  );
  await expect(installed(page)).toHaveCount(1);
  expect(await readStore(page, 'customStrategies')).toHaveLength(1);
});

test('a bot trades with a custom strategy; a hanging one stops only its own bot', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setReplaySpeed(page, '600');
  await openCustomStrategies(page);
  await page.getByRole('button', { name: 'Insert example' }).click();
  await page.getByRole('button', { name: 'Add strategy' }).click();
  await expect(installed(page)).toHaveCount(1);
  // The form empties once the first module is added: only then paste the next one.
  await expect(page.getByLabel('Strategy module source')).toHaveValue('');
  await addModule(page, HANGING);
  await expect(installed(page)).toHaveCount(2);

  await createBotWith(page, {
    name: 'Momentum',
    strategyId: 'custom-ema-momentum',
    allocation: 1000,
  });
  await expect(botStatus(page)).toContainText('Running');
  const fillsBefore = await waitForFills(page, 1);
  // What the module plots (ctx.plot('EMA', …)) comes back from its worker onto the chart.
  await expect(
    page.getByRole('img', { name: /^Candlestick chart of BTC\/USDT: .*indicators EMA[;.]/ }),
  ).toBeVisible();

  await createBotWith(page, { name: 'Hangs', strategyId: 'custom-hang', allocation: 500 });
  await expect(botStatus(page)).toContainText('Error', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText(
    'Custom strategy "Hang forever" did not answer within 2 s and was stopped (an endless loop?)',
  );

  // The other bot kept running and trading.
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await page.getByRole('link', { name: 'Momentum' }).first().click();
  await expect(botStatus(page)).toContainText('Running');
  await waitForFills(page, fillsBefore + 1);

  // A strategy a bot uses cannot be deleted.
  await openCustomStrategies(page);
  await page.getByRole('button', { name: 'Delete EMA momentum' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete strategy' }).click();
  await expect(page.getByRole('alert')).toContainText(
    '"EMA momentum" cannot be deleted: it is used by the bot "Momentum"',
  );
  await expect(installed(page)).toHaveCount(2);
});
