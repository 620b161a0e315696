/**
 * Exchange accounts end to end in Chromium, against the local Binance-compatible simulator
 * (scripts/sim-exchange on 127.0.0.1:4323, started here): add an account from the UI with the
 * simulator's test key (kept in the vault), test the connection, run a live bot whose orders go
 * through ccxt in the worker over the WebSocket API (the simulator answers CORS like Binance,
 * so signed REST would be refused) and see them on the simulator's side and in the app; after a
 * reload the live bot waits for the vault and resumes on unlock; a hidden tab keeps trading; a
 * paper bot fills on the simulator's prices while the simulator's balances stay as they were.
 */
import { expect, test, type Page } from '@playwright/test';
import { createSimExchange, type SimExchange } from '../../scripts/sim-exchange/server';
import { createBotWithWizard, dumpBrowserStorage, fillRows, readStore } from './support';

const toHex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4323);
const PASS = 'correct horse battery staple';

let sim: SimExchange;

test.beforeAll(async () => {
  // 60×: a market minute per second, so 1-minute bots decide every second.
  sim = await createSimExchange({ port: SIM_PORT, speed: 60 });
});

test.afterAll(async () => {
  await sim?.close();
});

interface SimOrder {
  clientOrderId: string;
  status: string;
  side: string;
}

async function simOrders(): Promise<SimOrder[]> {
  return (await fetch(`${sim.url}/__sim/orders`)).json() as Promise<SimOrder[]>;
}

interface SimState {
  balances: unknown;
  prices: Record<string, { bid: number; ask: number }>;
}

async function simState(): Promise<SimState> {
  return (await fetch(`${sim.url}/__sim/state`)).json() as Promise<SimState>;
}

/** Waits until the app has stored `atLeast` fills (the Fills table also has an empty row). */
async function storedFills(page: Page, atLeast: number): Promise<void> {
  await expect
    .poll(async () => (await readStore(page, 'fills')).length, {
      timeout: 45_000,
      message: `waiting for ${atLeast} stored fill(s)`,
    })
    .toBeGreaterThanOrEqual(atLeast);
}

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
}

async function setUpVault(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  const security = page.getByRole('region', { name: 'Security' });
  await security.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await security.getByLabel('Confirm passphrase', { exact: true }).fill(PASS);
  await security.getByRole('button', { name: 'Set up vault' }).click();
  await expect(security.getByText('The vault is unlocked.')).toBeVisible();
}

/** Adds a Binance account pointing at the simulator; with `keys`, its test key and secret. */
async function addSimAccount(page: Page, name: string, keys: boolean): Promise<void> {
  await page.getByRole('link', { name: 'Accounts' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'Add an exchange account' });
  await form.getByLabel('Search exchanges').fill('bin');
  await form.getByLabel('Exchange', { exact: true }).selectOption('binance');
  await form.getByLabel('Account name').fill(name);
  if (keys) {
    await form.getByLabel('API key', { exact: true }).fill(sim.credentials.apiKey);
    await form.getByLabel('API secret', { exact: true }).fill(sim.credentials.secret);
    await expect(form.getByLabel('API secret', { exact: true })).toHaveAttribute(
      'type',
      'password',
    );
  }
  await form.getByText('Advanced: API base URL (local test exchange)').click();
  await form.getByLabel('API base URL').fill(sim.url);
  await form.getByRole('button', { name: 'Test connection' }).click();
  const report = form.getByRole('status').filter({ hasText: 'Connected' });
  await expect(report).toContainText('Connected: 2 markets');
  if (keys) await expect(report).toContainText(/USDT: .*10,000/);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

test.describe.serial('exchange accounts against the local simulator', () => {
  test('a live bot trades over the WebSocket API, waits for the vault after a reload, keeps trading hidden', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    await openApp(page);
    await setUpVault(page);

    // Field errors name the field; the secret never comes back to the page.
    await page.getByRole('link', { name: 'Accounts' }).first().click();
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('form', { name: 'Add an exchange account' });
    await form.getByLabel('Exchange', { exact: true }).selectOption('binance');
    await form.getByLabel('Account name').fill('Broken');
    await form.getByLabel('CORS proxy URL').fill('ftp://nope');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText(/^CORS proxy URL must be an http/)).toBeVisible();
    await form.getByRole('button', { name: 'Cancel' }).click();

    await addSimAccount(page, 'Sim Binance', true);
    await expect(page.getByText('In the vault ••••')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(sim.credentials.secret);
    // Neither the key nor the secret is anywhere in IndexedDB or localStorage in clear.
    const dump = await dumpBrowserStorage(page);
    expect(dump).toContain('vaultSecrets');
    for (const plain of [sim.credentials.secret, sim.credentials.apiKey, PASS]) {
      for (const form of [plain, Buffer.from(plain).toString('base64'), toHex(plain)]) {
        expect(dump).not.toContain(form);
      }
    }
    const secretInputs = page.locator('input[type="password"]');
    for (const input of await secretInputs.all()) await expect(input).toHaveValue('');

    await createBotWithWizard(page, {
      name: 'Live DCA',
      account: 'Sim Binance',
      mode: 'live',
      market: 'BTC/USDT',
      allocation: 1000,
      template: 'recurring-dca',
      params: { 'Amount per buy': '20', 'Interval (candles)': '1' },
    });
    await storedFills(page, 1);
    await expect(fillRows(page).first()).toContainText(/buy/i);
    const placed = (await simOrders()).filter((order) => order.clientOrderId.startsWith('flt'));
    expect(placed.length).toBeGreaterThanOrEqual(1);
    const fills = await readStore<{ clientOrderId: string }>(page, 'fills');
    expect(placed.map((order) => order.clientOrderId)).toEqual(
      expect.arrayContaining([fills[0]?.clientOrderId]),
    );

    // A hidden tab keeps trading: bots, timers and sockets live in the worker. Headless
    // Chromium reports a background page as visible, so the page is also told it is hidden
    // (what a browser does to a background tab), with another page in front.
    const front = await context.newPage();
    await front.goto('about:blank');
    await front.bringToFront();
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'hidden',
      });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
    const before = (await simOrders()).length;
    await expect
      .poll(async () => (await simOrders()).length, { timeout: 30_000 })
      .toBeGreaterThan(before + 2);
    await front.close();

    // After a reload the bot waits for the vault (keys and config sealed) and resumes once unlocked.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Flotilla is locked' })).toBeVisible();
    await expect(page.getByText('1 bot is waiting for the vault to be unlocked')).toBeVisible();
    const waiting = (await readStore<{ statusNote?: string }>(page, 'bots'))[0];
    expect(waiting?.statusNote).toBe('Waiting for the vault to be unlocked');
    const whileLocked = (await simOrders()).length;
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Flotilla is locked' })).toHaveCount(
      0,
    );
    await expect
      .poll(async () => (await simOrders()).length, { timeout: 30_000 })
      .toBeGreaterThan(whileLocked);
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await expect(page.getByRole('link', { name: 'Live DCA' }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Live DCA' }).first().click();
    await expect(page.getByTestId('bot-status')).toContainText('Running');
    // The note is gone (the timeline keeps the event that said it waited).
    await expect(page.getByText('It resumes by itself once the vault is unlocked.')).toHaveCount(0);
    await expect(page.getByText(/Resumed running after the vault was unlocked/)).toBeVisible();
    expect((await readStore<{ statusNote?: string }>(page, 'bots'))[0]).not.toHaveProperty(
      'statusNote',
    );
    await page.getByRole('link', { name: 'Accounts' }).first().click();
    const card = page.getByRole('listitem').filter({ hasText: 'Sim Binance' });
    await expect(card).toContainText(/Orders go over\s*the exchange's WebSocket API/);
  });

  test('a paper bot fills on the simulator prices; the simulator balances do not change', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await addSimAccount(page, 'Sim paper', false);
    const balancesBefore = (await simState()).balances;
    const ordersBefore = (await simOrders()).length;
    await createBotWithWizard(page, {
      name: 'Paper hold',
      account: 'Sim paper',
      mode: 'paper',
      market: 'BTC/USDT',
      allocation: 1000,
      template: 'buy-and-hold',
    });
    await storedFills(page, 1);
    await expect(fillRows(page).first()).toContainText(/buy/i);
    // Filled on the simulator's price (within the minute's move), not on its books.
    const [fill] = await readStore<{ price: number }>(page, 'fills');
    const quote = (await simState()).prices.BTCUSDT;
    expect(Math.abs((fill?.price ?? 0) / (quote?.bid ?? 1) - 1)).toBeLessThan(0.02);
    expect((await simState()).balances).toEqual(balancesBefore);
    expect((await simOrders()).length).toBe(ordersBefore);
  });
});
