/**
 * The dashboard's row facts (PnL with a sparkline, position, last action), the Exchange
 * filter, and bulk Duplicate / Archive / Unarchive with per-bot results, on a desktop table
 * and on 375 px phone cards.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createBot, readStore, setReplaySpeed, waitForFills } from './support';

/** Bulk results may wait behind queued candles when the machine is busy: allow for it. */
const RESULT_TIMEOUT = 45_000;

function summary(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** "+1,234.56 USDT" / "−4.00 USDT" → number (the first figure in the text). */
function parseMoney(text: string): number {
  const match = /[+\-\u2212]?[\d,]+(\.\d+)?/.exec(text.replace(/\u2212/g, '-'));
  return match ? Number(match[0].replace(/,/g, '')) : Number.NaN;
}

interface SummarySnapshot {
  totalEquity: number;
  today: number;
  dayStart: string;
  openPositions: number;
  positionCells: string[];
}

/** The summary's figures and the table's Position cells, read at one instant. */
async function readSummary(page: Page): Promise<SummarySnapshot> {
  const raw = await page.evaluate(() => {
    const value = (selector: string) =>
      document.querySelector(selector)?.querySelector('.card-value')?.textContent ?? '';
    const cards = [...document.querySelectorAll('.summary-card')];
    const equityCard = cards.find((card) => card.textContent?.startsWith('Total equity'));
    const table = document.querySelector('[role="table"][aria-label="Bots"]');
    const positionIndex = [...(table?.querySelectorAll('[role="columnheader"]') ?? [])].findIndex(
      (cell) => cell.textContent?.trim() === 'Position',
    );
    return {
      totalEquity: equityCard?.querySelector('.card-value')?.textContent ?? '',
      today: value('[data-testid="today-pnl"]'),
      dayStart:
        document.querySelector('[data-testid="today-pnl"] time')?.getAttribute('datetime') ?? '',
      openPositions: value('[data-testid="open-positions"]'),
      positionCells: [...(table?.querySelectorAll('[role="row"]:has([role="cell"])') ?? [])].map(
        (row) => row.children[positionIndex]?.textContent ?? '',
      ),
    };
  });
  return {
    ...raw,
    totalEquity: parseMoney(raw.totalEquity),
    today: parseMoney(raw.today),
    openPositions: Number(raw.openPositions),
  };
}

interface StoredPoint {
  botId: string;
  time: number;
  equity: number;
}

/**
 * How far the shown "Today's PnL" is from total equity minus what every bot had at 00:00 of
 * the shown day (its last equity point before then, else its starting capital), from IndexedDB.
 */
async function todayPnlError(page: Page): Promise<number> {
  const shown = await readSummary(page);
  const start = Date.parse(shown.dayStart);
  const bots = (
    await readStore<{ id: string; status: string; config: { allocation: number } }>(page, 'bots')
  ).filter((bot) => bot.status !== 'archived');
  const points = await readStore<StoredPoint>(page, 'equity');
  const ledgers = await readStore<{ botId: string; ledger: { initialCash: number } }>(
    page,
    'ledgers',
  );
  let startEquity = 0;
  for (const bot of bots) {
    const before = points.filter((point) => point.botId === bot.id && point.time < start);
    const last = before.reduce<StoredPoint | undefined>(
      (newest, point) => (!newest || point.time > newest.time ? point : newest),
      undefined,
    );
    startEquity +=
      last?.equity ??
      ledgers.find((row) => row.botId === bot.id)?.ledger.initialCash ??
      bot.config.allocation;
  }
  return Math.abs(shown.today - (shown.totalEquity - startEquity));
}

async function runBulk(page: Page, button: string, confirm: string, plan: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(plan);
  await dialog.getByRole('button', { name: confirm }).click();
}

test.describe('desktop', () => {
  test('row facts, exchange filter, duplicate, archive and unarchive', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    await expect(page.getByText('This tab runs your bots')).toBeVisible();
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'Dash one', allocation: 3000 });
    await waitForFills(page, 1);
    // The bot page's candlestick chart names its indicators (the template's moving averages).
    await expect(
      page.getByRole('img', {
        name: /^Candlestick chart of BTC\/USDT: \d+ candles .*indicators SMA 3, SMA 8/,
      }),
    ).toBeVisible();
    await createBot(page, { name: 'Dash two', allocation: 3000 });

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    const table = page.getByRole('table', { name: 'Bots' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(table.getByRole('columnheader', { name: 'Position' })).toBeVisible();
    // The sparkline says the trend in words; the last action says what and when.
    await expect(row('Dash one').getByRole('img', { name: /^Equity (up|down|flat)/ })).toBeVisible({
      timeout: RESULT_TIMEOUT,
    });
    await expect(row('Dash one')).toContainText(/Started|Order|Filled|Bought|Sold|Signal/i);
    // After a reload the sparklines come with the list, not with the 10 s refresh.
    await page.reload();
    await expect(row('Dash one').getByRole('img', { name: /^Equity (up|down|flat)/ })).toBeVisible({
      timeout: 8_000,
    });
    await expect(row('Dash one').locator('time')).toHaveAttribute('datetime', /^\d{4}-/);
    await expect(row('Dash one').locator('time')).toContainText(/ago|now|sec|min/);

    // Today's PnL is measured on the simulated market's clock, from 00:00 of its current day:
    // it equals total equity less each bot's equity at that 00:00 (to the displayed cent).
    const today = page.getByTestId('today-pnl');
    await expect(today).toContainText(/Since 00:00 on .+ \(simulated market time\)/);
    await expect(today.getByRole('heading', { name: "Today's PnL" })).toBeVisible();
    await expect(today.locator('time')).toHaveAttribute('datetime', /^20\d\d-\d\d-\d\dT/);
    await expect(today.locator('.card-value').first()).toHaveText(/^[+\-\u2212]?[\d,]+\.\d\d USDT/);
    await expect.poll(() => todayPnlError(page), { timeout: RESULT_TIMEOUT }).toBeLessThan(0.03);
    // Open positions counts the bots whose Position is not "Flat".
    await expect
      .poll(async () => {
        const shown = await readSummary(page);
        const holding = shown.positionCells.filter((cell) => !cell.includes('Flat')).length;
        return shown.openPositions === holding && shown.positionCells.length === 2;
      })
      .toBe(true);

    // The Exchange filter lists the account in use.
    await page.getByLabel('Exchange').selectOption({ label: 'Simulated' });
    await expect(row('Dash two')).toBeVisible();

    // Duplicate both: the second copy would over-allocate the account and is refused.
    await page.getByLabel('Select all matching').check();
    await runBulk(page, 'Duplicate selected', 'Duplicate 2 bots', 'Duplicate 2 bots');
    await expect(
      summary(page, /^1 duplicated, 1 refused: Dash two — Allocation 3000 USDT is more than/),
    ).toBeVisible({ timeout: RESULT_TIMEOUT });
    await expect(row('Dash one (copy)')).toContainText('Stopped');
    await expect(table.getByRole('link', { name: 'Dash two (copy)' })).toHaveCount(0);

    // Archive: the running bot is skipped with the reason; the stopped copy leaves the list.
    await page.getByLabel('Select Dash one (copy)').check();
    await page.getByLabel('Select Dash two').check();
    await runBulk(
      page,
      'Archive selected',
      'Archive 1 bot',
      'Archive 1 bot: Dash one (copy). 1 will be skipped: Dash two is running: stop it before archiving it.',
    );
    await expect(
      summary(
        page,
        '1 archived, 1 refused: Dash two — Dash two is running: stop it before archiving it.',
      ),
    ).toBeVisible({ timeout: RESULT_TIMEOUT });
    await expect(table.getByRole('link', { name: 'Dash one (copy)' })).toHaveCount(0);

    // Archived bots show under their status filter, and come back with Unarchive.
    await page.getByLabel('Select Dash two').uncheck();
    await page.getByLabel('Status', { exact: true }).selectOption('archived');
    await expect(row('Dash one (copy)')).toContainText('Archived');
    await expect(table.getByRole('link', { name: 'Dash one', exact: true })).toHaveCount(0);
    await page.getByLabel('Select Dash one (copy)').check();
    await expect(page.getByRole('button', { name: 'Start selected' })).toHaveCount(0);
    await runBulk(
      page,
      'Unarchive selected',
      'Unarchive 1 bot',
      'Unarchive 1 bot: Dash one (copy).',
    );
    await expect(summary(page, '1 unarchived.')).toBeVisible({ timeout: RESULT_TIMEOUT });
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await expect(row('Dash one (copy)')).toContainText('Stopped');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('cards show the facts; duplicate and archive work at 375 px', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await setReplaySpeed(page, '600');
    await createBot(page, { name: 'Pocket', allocation: 6000 });
    await waitForFills(page, 1);

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    const cards = page.getByRole('list', { name: 'Bots' });
    const card = (name: string) =>
      cards.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(card('Pocket')).toContainText('Position');
    await expect(page.getByTestId('today-pnl')).toContainText(/USDT/);
    await expect(page.getByTestId('open-positions')).toContainText(/^Open positions[01]\D/);
    await expect(card('Pocket')).toContainText('Last action');
    await expect(card('Pocket').getByRole('img', { name: /^Equity (up|down|flat)/ })).toBeVisible({
      timeout: RESULT_TIMEOUT,
    });

    // A 6000 USDT copy does not fit next to the original on a 10000 USDT account.
    await page.getByLabel('Select Pocket').check();
    await runBulk(page, 'Duplicate selected', 'Duplicate 1 bot', 'Duplicate 1 bot: Pocket.');
    await expect(
      summary(page, /^0 duplicated, 1 refused: Pocket — Allocation 6000 USDT/),
    ).toBeVisible({ timeout: RESULT_TIMEOUT });

    // Stop it, then archive it: it leaves the cards and shows under Status: Archived.
    await runBulk(page, 'Stop selected', 'Stop 1 bot', 'Stop 1 bot: Pocket.');
    await expect(summary(page, '1 stopped.')).toBeVisible({ timeout: RESULT_TIMEOUT });
    await page.getByLabel('Select Pocket').check();
    await runBulk(page, 'Archive selected', 'Archive 1 bot', 'Archive 1 bot: Pocket.');
    await expect(summary(page, '1 archived.')).toBeVisible({ timeout: RESULT_TIMEOUT });
    await page.getByLabel('Status', { exact: true }).selectOption('archived');
    await expect(card('Pocket')).toContainText('Archived');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
