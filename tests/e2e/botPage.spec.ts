/**
 * The bot page: its performance panel shows the same analytics as the bot's Report (max
 * drawdown, Sharpe, win rate, trades, profit factor), and a single resting order can be
 * canceled from the open orders table.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  botStatus,
  createBot,
  createBotWithWizard,
  readStore,
  setReplaySpeed,
  waitForFills,
} from './support';

const ANALYTICS = ['Max drawdown', 'Sharpe ratio', 'Win rate', 'Trades', 'Profit factor'];

/** The analytics figures of the bot page's performance panel, by label. */
async function panelFigures(page: Page): Promise<Record<string, string>> {
  const strip = page.getByTestId('bot-analytics');
  const figures: Record<string, string> = {};
  for (const label of ANALYTICS) {
    figures[label] = await strip
      .locator('.stat')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd')
      .innerText();
  }
  return figures;
}

/** The same figures from the Report's metrics table. */
async function reportFigures(page: Page): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Metrics' });
  const figures: Record<string, string> = {};
  for (const label of ANALYTICS) {
    figures[label] = await table
      .getByRole('row', { name: new RegExp(`^${label}\\b`) })
      .first()
      .locator('td')
      .innerText();
  }
  return figures;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
  await setReplaySpeed(page, '600');
});

test("the performance panel shows the Report's analytics", async ({ page }) => {
  test.setTimeout(120_000);
  await createBot(page, { name: 'Analysed', fast: 3, slow: 8 });
  await waitForFills(page, 4);
  const panel = page.getByTestId('bot-analytics');
  await expect(panel).toContainText(/Max drawdown\s*[−-]?\d+\.\d\d%/);
  await expect(panel).toContainText(/Trades\s*\d+/);

  // Stopped and flat, the figures are final: they must equal the Report's.
  await page.getByRole('button', { name: 'Stop' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Close the position at market').check();
  await dialog.getByRole('button', { name: 'Stop bot' }).click();
  await expect(botStatus(page)).toContainText('Stopped');
  const position = page
    .locator('.stat')
    .filter({ has: page.getByText('Position', { exact: true }) });
  await expect(position).toContainText('flat', { timeout: 30_000 });

  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report: Analysed' })).toBeVisible();
  const expected = await reportFigures(page);
  expect(Number(expected['Trades'])).toBeGreaterThanOrEqual(1);
  await page.getByRole('link', { name: '← Back to the bot' }).click();
  await expect.poll(() => panelFigures(page), { timeout: 30_000 }).toEqual(expected);
});

test('cancel one resting order of a spot grid from the open orders table', async ({ page }) => {
  await createBotWithWizard(page, {
    name: 'Grid to trim',
    template: 'spot-grid',
    allocation: 2000,
    params: {
      'Lower price': '15000',
      'Upper price': '40000',
      Levels: '20',
      'Order size per level': '50',
    },
  });
  const table = page.getByRole('table', { name: 'Open orders' });
  const cancelButtons = table.getByRole('button', { name: /^Cancel order / });
  await expect.poll(() => cancelButtons.count(), { timeout: 30_000 }).toBeGreaterThan(1);
  const label = (await cancelButtons.first().getAttribute('aria-label')) ?? '';
  const id = label.replace('Cancel order ', '');
  expect(id).toMatch(/^flt[a-z0-9]+$/);
  const others = (
    await cancelButtons.evaluateAll((buttons) =>
      buttons.map((button) => button.getAttribute('aria-label')),
    )
  ).filter((each) => each !== label);

  await table.getByRole('button', { name: label, exact: true }).click();
  await expect(table.getByRole('button', { name: label, exact: true })).toHaveCount(0);
  // Only that order: the rest of the ladder still rests on the exchange.
  for (const other of others.slice(0, 3)) {
    await expect(table.getByRole('button', { name: other ?? '', exact: true })).toBeVisible();
  }
  const orders = await readStore<{ clientOrderId: string; state: string }>(page, 'orders');
  expect(orders.find((order) => order.clientOrderId === id)?.state).toBe('canceled');
  await expect(page.getByRole('table', { name: 'Event timeline' })).toContainText(`Canceled ${id}`);
});

test('the price chart draws what the strategy plots: Bollinger bands, RSI in a pane', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await createBotWithWizard(page, { name: 'Banded', template: 'bollinger-mean-reversion' });
  await expect(
    page.getByRole('img', {
      name: /^Candlestick chart of BTC\/USDT: .*indicators Upper band \(20, 2\), Middle band \(SMA 20\), Lower band \(20, 2\)/,
    }),
  ).toBeVisible();
  // The engine stores the bands with each candle's equity point, in order around the close.
  await expect
    .poll(async () => {
      const points = await readStore<{ price: number; plots?: Record<string, number> }>(
        page,
        'equity',
      );
      return points.filter(
        (point) =>
          point.plots !== undefined &&
          (point.plots['lower'] ?? Infinity) <= (point.plots['middle'] ?? -Infinity) &&
          (point.plots['middle'] ?? Infinity) <= (point.plots['upper'] ?? -Infinity),
      ).length;
    })
    .toBeGreaterThan(3);

  await createBotWithWizard(page, { name: 'Oscillating', template: 'rsi-mean-reversion' });
  await expect(
    page.getByRole('img', {
      name: /^Indicator pane \(RSI 14, Oversold \(30\), Overbought \(70\)\) at .+: RSI 14 \d+\.\d\d, Oversold \(30\) 30\.00, Overbought \(70\) 70\.00\.$/,
    }),
  ).toBeVisible({ timeout: 30_000 });
});
