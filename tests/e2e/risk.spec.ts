/**
 * The Risk page end to end: a portfolio circuit breaker set in the UI trips on a buy-and-hold
 * bot at 600×, shows on the Risk page, the dashboard and the bot's timeline, and is reset; bad
 * input shows its field error; the account view shows allocated vs free capital; all at 375 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { createBotWithWizard, setReplaySpeed } from './support';

/** A buy-and-hold bot, created and started through the wizard. */
function createHoldBot(page: Page, name: string): Promise<void> {
  return createBotWithWizard(page, { name, template: 'buy-and-hold', allocation: 1000 });
}

const openRisk = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
};

const saved = (page: Page) =>
  page.getByRole('region', { name: 'Circuit breakers' }).getByText('Risk settings saved.');

const portfolio = (page: Page) => page.getByRole('group', { name: 'Portfolio (all bots)' });

test('a portfolio breaker trips, shows everywhere, and is reset', async ({ page }) => {
  // Creating a bot and waiting for a trip at 600× takes a while on a busy machine.
  test.setTimeout(120_000);
  await page.goto('/');
  await setReplaySpeed(page, '600');
  await openRisk(page);
  await expect(page.getByText('No circuit breaker has tripped')).toBeVisible();

  // Bad input: the field says what is wrong and nothing is saved.
  const drawdown = portfolio(page).getByLabel('Max drawdown (%)', { exact: true });
  await drawdown.fill('0');
  await page.getByRole('button', { name: 'Save risk settings' }).click();
  await expect(
    portfolio(page).getByText('Max drawdown (%) must be between 0.1 and 100.'),
  ).toBeVisible();
  await expect(drawdown).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page
      .getByRole('region', { name: 'Circuit breakers' })
      .getByText('Fix the highlighted fields: nothing was saved.'),
  ).toBeVisible();

  await drawdown.fill('0.1');
  await expect(portfolio(page).getByRole('radio', { name: 'Halt new entries' })).toBeChecked();
  await page.getByRole('button', { name: 'Save risk settings' }).click();
  await expect(saved(page)).toBeVisible();

  await createHoldBot(page, 'Holder');
  const botHash = new URL(page.url()).hash;

  await openRisk(page);
  const trip = page.getByRole('listitem').filter({ hasText: 'Portfolio max drawdown tripped' });
  await expect(trip).toBeVisible({ timeout: 45_000 });
  await expect(trip).toContainText('Max drawdown hit');
  await expect(trip).toContainText('New entries halted');

  // The account view: 1000 USDT allocated to the bot out of the account's balance.
  const balances = page.getByRole('table', { name: 'Balances' });
  const usdt = balances.getByRole('row').filter({ hasText: 'USDT' });
  await expect(usdt).toContainText('1,000.00');
  await expect(page.getByRole('table', { name: 'Bot allocations' })).toContainText('Holder');

  // Dashboard: the active trip count and the recent risk event.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(page.getByRole('link', { name: '1 active trip' })).toBeVisible();
  const recent = page.getByRole('region', { name: 'Recent risk events' });
  await expect(recent.getByText('Circuit breaker').first()).toBeVisible();
  await expect(recent.getByRole('link', { name: 'Holder' }).first()).toBeVisible();

  // The bot's timeline names the trip.
  await page.evaluate((hash) => {
    location.hash = hash;
  }, botHash);
  const timeline = page.getByRole('table', { name: 'Event timeline' });
  await expect(timeline).toContainText('Circuit breaker tripped');
  await expect(timeline).toContainText('Portfolio max drawdown breaker tripped');

  // Turn the breaker off, then reset the trip (with confirmation).
  await openRisk(page);
  await portfolio(page).getByLabel('Max drawdown (%)', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save risk settings' }).click();
  await expect(saved(page)).toBeVisible();
  await page.getByRole('button', { name: 'Reset Portfolio max drawdown' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset this circuit breaker?' });
  await dialog.getByRole('button', { name: 'Reset breaker' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No circuit breaker has tripped')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(page.getByRole('link', { name: 'None active' })).toBeVisible();
});

test('the Risk page works at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/#/risk');
  await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
  const loss = portfolio(page).getByLabel('Daily loss limit (quote)', { exact: true });
  await loss.fill('-5');
  await page.getByRole('button', { name: 'Save risk settings' }).click();
  await expect(
    portfolio(page).getByText('Daily loss limit (quote) must be a positive amount.'),
  ).toBeVisible();
  await loss.fill('50');
  await portfolio(page).getByRole('radio', { name: 'Stop bots' }).check();
  await page.getByRole('button', { name: 'Save risk settings' }).click();
  await expect(saved(page)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Balances' })).toContainText('USDT');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // Saved: a reload shows the stored values.
  await page.reload();
  await expect(portfolio(page).getByLabel('Daily loss limit (quote)', { exact: true })).toHaveValue(
    '50',
  );
  await expect(portfolio(page).getByRole('radio', { name: 'Stop bots' })).toBeChecked();
});
