/**
 * Screenshots for the user guide (docs/images/*.png), taken from the running app so they stay
 * current: dashboard, bulk control, bot page, create page, templates, a bot's report, the
 * wizard's review step with a quick backtest and the Risk page (1280×800), and the phone
 * dashboard (375 px). Each also checks that the page it captures rendered its content.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  chooseTemplate,
  createBot,
  nextStep,
  openWizard,
  setReplaySpeed,
  waitForFills,
} from './support';

const IMAGES = 'docs/images';

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  // Let the layout and charts settle: no pending busy regions.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // The one-time "ready to work offline" notice is not part of the page being shown.
  const offline = page.getByRole('region', { name: 'Offline ready' });
  if (await offline.isVisible()) {
    await offline.getByRole('button', { name: 'Dismiss' }).click();
    await expect(offline).toHaveCount(0);
  }
  await page.screenshot({ path: `${IMAGES}/${name}.png`, fullPage: options.fullPage ?? false });
}

test.describe('desktop screenshots', () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });

  test('dashboard, bulk control, bot page, create page and templates', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'BTC trend', allocation: 2000 });
    await createBot(page, { name: 'BTC fast', fast: 2, slow: 5, allocation: 1500 });
    await createBot(page, { name: 'BTC swing', fast: 5, slow: 13, allocation: 2000 });
    await waitForFills(page, 1);
    await page.goto('/#/');
    const table = page.getByRole('table', { name: 'Bots' });
    await expect(table.getByRole('img', { name: /^Equity (up|down|flat)/ }).first()).toBeVisible({
      timeout: 30_000,
    });
    await shoot(page, 'dashboard');

    await page.getByLabel('Select BTC trend').check();
    await page.getByLabel('Select BTC fast').check();
    await page.getByRole('button', { name: 'Stop selected' }).click();
    await expect(page.getByRole('dialog')).toContainText('Stop 2 bots');
    await shoot(page, 'bulk-control');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await table.getByRole('link', { name: 'BTC swing' }).click();
    await expect(page.getByRole('img', { name: /^Candlestick chart of BTC\/USDT/ })).toBeVisible();
    await shoot(page, 'bot-page');

    await page.goto('/#/bots/new');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/bot/i);
    await shoot(page, 'create-bot');

    await page.goto('/#/templates');
    await expect(page.getByRole('heading', { level: 1, name: 'Template library' })).toBeVisible();
    await shoot(page, 'templates');
  });
});

test.describe('desktop screenshots of reports, review and risk', () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });

  test("a bot's report, the wizard's review step and the Risk page", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'BTC crossover', allocation: 3000 });
    // About 20 fills a minute at 600x; a loaded machine plays fewer candles, so ask for half.
    await waitForFills(page, 10, 90_000);
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Report: BTC crossover' }),
    ).toBeVisible();
    await expect(page.getByRole('img', { name: /^Equity curve:/ })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Trades' }).locator('tbody tr').first(),
    ).not.toContainText('No closed trades');
    await shoot(page, 'report');

    await openWizard(page);
    await page.getByLabel('Name', { exact: true }).fill('BTC mean reversion');
    await nextStep(page, 2);
    await page.getByLabel('Allocation').fill('2000');
    await nextStep(page, 3);
    await chooseTemplate(page, 'bollinger-mean-reversion');
    await nextStep(page, 4);
    await nextStep(page, 5);
    await page.getByRole('radio', { name: 'Percent below entry' }).check();
    await page.getByLabel('Stop-loss percent').fill('3');
    await nextStep(page, 6);
    await page.getByRole('button', { name: 'Run quick backtest' }).click();
    await expect(page.getByRole('img', { name: /^Quick backtest equity/ })).toBeVisible({
      timeout: 60_000,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'wizard-review', { fullPage: true });

    await page.goto('/#/risk');
    await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
    await expect(page.getByText('Loading', { exact: false })).toHaveCount(0);
    await shoot(page, 'risk-page');
  });
});

test.describe('phone screenshot', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('phone dashboard', async ({ page }) => {
    await page.goto('/');
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'Pocket trend' });
    await waitForFills(page, 1);
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await expect(page.getByRole('list', { name: 'Bots' })).toContainText('Pocket trend');
    await shoot(page, 'phone-dashboard');
  });
});
