/**
 * Shared steps for the end-to-end specs: they act as a user does (by role and label) and read
 * IndexedDB only to check what the user cannot see directly (e.g. that no order was sent twice).
 */
import { expect, type Page } from '@playwright/test';

export interface BotInput {
  name: string;
  fast?: number;
  slow?: number;
  allocation?: number;
  market?: string;
}

/** Sets the simulated market's replay speed (e.g. "600") on the Settings page. */
export async function setReplaySpeed(page: Page, speed: '1' | '10' | '60' | '600'): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  const select = page.getByLabel('Replay speed');
  await expect(select).toBeEnabled();
  await select.selectOption(speed);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
}

/** Fills the create-bot form and submits it; lands on the new bot's page. */
export async function createBot(page: Page, input: BotInput): Promise<void> {
  await page.getByRole('link', { name: 'New bot' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/bot/i);
  await page.getByLabel('Name', { exact: true }).fill(input.name);
  if (input.market) await page.getByLabel('Market').selectOption(input.market);
  await page.getByLabel('Template').selectOption('sma-crossover');
  await page.getByLabel('Fast period').fill(String(input.fast ?? 3));
  await page.getByLabel('Slow period').fill(String(input.slow ?? 8));
  await page.getByLabel('Allocation').fill(String(input.allocation ?? 1000));
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
}

export function botStatus(page: Page) {
  return page.getByTestId('bot-status');
}

/** Rows of the Fills table (excluding its header). */
export function fillRows(page: Page) {
  return page.getByRole('table', { name: 'Fills' }).locator('tbody tr');
}

/** Waits for the given number of fills to appear on the bot page. */
export async function waitForFills(page: Page, atLeast: number, timeout = 45_000): Promise<number> {
  await expect
    .poll(async () => fillRows(page).count(), {
      timeout,
      message: `waiting for ${atLeast} fill(s)`,
    })
    .toBeGreaterThanOrEqual(atLeast);
  return fillRows(page).count();
}

/** Every record of an IndexedDB object store of the app's database. */
export async function readStore<T = Record<string, unknown>>(
  page: Page,
  store: string,
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('flotilla');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

interface EventRow {
  type: string;
  botId: string;
  data?: { clientOrderId?: string };
}

/** Client order ids that were placed on the exchange more than once (must be empty). */
export async function duplicatePlacements(page: Page): Promise<string[]> {
  const events = await readStore<EventRow>(page, 'events');
  const seen = new Map<string, number>();
  for (const event of events) {
    const id = event.data?.clientOrderId;
    if (event.type === 'order_placed' && id) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
}
