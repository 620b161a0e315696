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

/** The wizard's step heading ("Step 2 of 6: Market"). */
export function wizardStep(page: Page) {
  return page.getByRole('heading', { level: 2, name: /^Step \d of 6/ });
}

/** Opens the create wizard at its first step (a saved draft may have left it further on). */
export async function openWizard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'New bot' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'New bot' })).toBeVisible();
  await expect(wizardStep(page)).toBeVisible();
  const first = page.getByRole('button', { name: /^Step 1:/ });
  if ((await first.count()) > 0) await first.click();
  await expect(wizardStep(page)).toContainText('Step 1 of 6');
}

/** Presses Next and waits for step `step` (1-based). */
export async function nextStep(page: Page, step: number): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(wizardStep(page)).toContainText(`Step ${step} of 6`);
}

/** Chooses template `id` (a built-in template or a custom strategy id) on the template step. */
export async function chooseTemplate(page: Page, id: string): Promise<void> {
  await page.getByRole('group', { name: 'Template' }).locator(`input[value="${id}"]`).check();
}

export interface WizardInput {
  name: string;
  market?: string;
  allocation?: number;
  /** Template id; default sma-crossover. */
  template?: string;
  /** Parameter values by field label, e.g. { 'Fast period': '3' }. */
  params?: Record<string, string>;
  stopLossPercent?: number;
  /** Start the bot at once (default true). */
  start?: boolean;
  /** The account's name (default: the simulated account) and the mode on it. */
  account?: string;
  mode?: 'paper' | 'live';
}

/** Goes through every step of the create wizard and creates the bot; lands on its page. */
export async function createBotWithWizard(page: Page, input: WizardInput): Promise<void> {
  await openWizard(page);
  await page.getByLabel('Name', { exact: true }).fill(input.name);
  if (input.account) {
    await page.getByRole('radio', { name: input.account, exact: true }).check();
  }
  if (input.mode) {
    const label = input.mode === 'live' ? /^Live —/ : /^Paper —/;
    await page.getByRole('radio', { name: label }).check();
  }
  await nextStep(page, 2);
  if (input.market) await page.getByRole('radio', { name: input.market, exact: true }).check();
  await page.getByLabel('Allocation').fill(String(input.allocation ?? 1000));
  await nextStep(page, 3);
  await chooseTemplate(page, input.template ?? 'sma-crossover');
  await nextStep(page, 4);
  for (const [label, value] of Object.entries(input.params ?? {})) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await nextStep(page, 5);
  if (input.stopLossPercent !== undefined) {
    await page.getByRole('radio', { name: 'Percent below entry' }).check();
    await page.getByLabel('Stop-loss percent').fill(String(input.stopLossPercent));
  }
  await nextStep(page, 6);
  const start = page.getByLabel('Start the bot now');
  if (input.start === false) await start.uncheck();
  else await start.check();
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
}

/** Creates an SMA-crossover bot through the wizard and starts it; lands on the new bot's page. */
export async function createBot(page: Page, input: BotInput): Promise<void> {
  await createBotWithWizard(page, {
    name: input.name,
    allocation: input.allocation ?? 1000,
    ...(input.market ? { market: input.market } : {}),
    params: { 'Fast period': String(input.fast ?? 3), 'Slow period': String(input.slow ?? 8) },
  });
}

export function botStatus(page: Page) {
  return page.getByTestId('bot-status');
}

/** Rows of the Fills table (excluding its header). */
export function fillRows(page: Page) {
  return page.getByRole('table', { name: 'Fills' }).locator('tbody tr');
}

/**
 * Waits for the given number of fills to appear on the bot page. When they do not, the error
 * also says what the app stored (fills, the last timeline events, the replay's speed), so a
 * failure tells a bot that stopped trading from a table that stopped updating.
 */
export async function waitForFills(page: Page, atLeast: number, timeout = 45_000): Promise<number> {
  try {
    await expect
      .poll(async () => fillRows(page).count(), {
        timeout,
        message: `waiting for ${atLeast} fill(s)`,
      })
      .toBeGreaterThanOrEqual(atLeast);
  } catch (error) {
    throw new Error(`${String(error)}\n${await describeTrading(page)}`, { cause: error });
  }
  return fillRows(page).count();
}

async function describeTrading(page: Page): Promise<string> {
  try {
    const fills = await readStore(page, 'fills');
    const events = await readStore<{ time: number; type: string; message: string }>(page, 'events');
    const accounts = await readStore<{ id: string; speed?: number }>(page, 'accounts');
    const recent = events
      .slice(-8)
      .map((event) => `  ${new Date(event.time).toISOString()} ${event.type}: ${event.message}`);
    return [
      `Stored fills: ${fills.length}; replay speeds: ${accounts.map((account) => `${account.id} ${account.speed ?? '-'}`).join(', ')}`,
      'Last events:',
      ...recent,
    ].join('\n');
  } catch (cause) {
    return `(could not read the app's storage: ${String(cause)})`;
  }
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

/** Every record of every IndexedDB database and object store, plus localStorage, as text. */
export function dumpBrowserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const rows: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        rows.push(info.name, store, all);
      }
      db.close();
    }
    rows.push(Object.entries(localStorage));
    return JSON.stringify(rows);
  });
}
