/**
 * The vault in Chromium: set it up from Settings, lock, reload onto the unlock screen, wrong
 * passphrase, unlock, change the passphrase, auto-lock; no plaintext secret anywhere in
 * IndexedDB or localStorage after credentials were stored; and bot configurations sealed once
 * a vault exists (a bot waits on the unlock screen and resumes trading once unlocked).
 */
import { expect, test, type Page } from '@playwright/test';
import {
  botStatus,
  createBot,
  dumpBrowserStorage,
  fillRows,
  readStore,
  setReplaySpeed,
  waitForFills,
} from './support';

const PASS = 'correct horse battery staple';
const NEW_PASS = 'mauve kettle orbit 1987 fjord';
const API_KEY = 'e2eApiKeyPlain0000WXYZ';
const SECRET = 'e2e-secret-plaintext-Q7v9k2';

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

async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

const lockedHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Flotilla is locked' });

/** Calls the engine from the page over its BroadcastChannel RPC, as another tab would. */
function callEngine(page: Page, method: string, args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([name, parameters]) =>
      new Promise((resolve, reject) => {
        const channel = new BroadcastChannel('flotilla-rpc');
        const id = `e2e-${crypto.randomUUID()}`;
        channel.onmessage = (event: MessageEvent) => {
          const data = event.data as {
            kind?: string;
            id?: string;
            value?: unknown;
            error?: string;
          };
          if (data.kind !== 'response' || data.id !== id) return;
          channel.close();
          if (data.error) reject(new Error(data.error));
          else resolve(data.value);
        };
        channel.postMessage({ kind: 'request', id, method: name, args: parameters });
      }),
    [method, args] as const,
  );
}

const toHex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

test('set up, lock, reload, wrong passphrase, unlock and change the passphrase', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Settings' }).first().click();
  const security = page.getByRole('region', { name: 'Security' });
  const newPassphrase = security.getByLabel('New passphrase', { exact: true });
  const confirmation = security.getByLabel('Confirm passphrase', { exact: true });

  await newPassphrase.fill('password123');
  await expect(security.getByText('Strength: Very weak')).toBeVisible();
  await confirmation.fill('password123');
  await security.getByRole('button', { name: 'Set up vault' }).click();
  await expect(security.getByText(/Passphrase too weak/)).toBeVisible();
  await expect(newPassphrase).toHaveValue('');

  await newPassphrase.fill(PASS);
  await expect(security.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
  await confirmation.fill(`${PASS}!`);
  await security.getByRole('button', { name: 'Set up vault' }).click();
  await expect(security.getByText('The confirmation does not match the passphrase.')).toBeVisible();

  await newPassphrase.fill(PASS);
  await confirmation.fill(PASS);
  await security.getByRole('button', { name: 'Set up vault' }).click();
  await expect(security.getByText('The vault is unlocked.')).toBeVisible();

  await page.getByRole('button', { name: 'Lock the vault' }).click();
  await expect(lockedHeading(page)).toBeVisible();
  await page.reload();
  await expect(lockedHeading(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock the vault' })).toHaveCount(0);

  await unlock(page, 'not my passphrase at all');
  await expect(page.getByText('Wrong passphrase.')).toBeVisible();
  await unlock(page, PASS);
  await expect(lockedHeading(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await security.getByLabel('Current passphrase', { exact: true }).fill('wrong current one');
  await security.getByLabel('New passphrase', { exact: true }).fill(NEW_PASS);
  await security.getByLabel('Confirm new passphrase', { exact: true }).fill(NEW_PASS);
  await security.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(security.getByText('Wrong passphrase.')).toBeVisible();

  await security.getByLabel('Current passphrase', { exact: true }).fill(PASS);
  await security.getByLabel('New passphrase', { exact: true }).fill(NEW_PASS);
  await security.getByLabel('Confirm new passphrase', { exact: true }).fill(NEW_PASS);
  await security.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(security.getByText(/Passphrase changed/)).toBeVisible();

  await security.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockedHeading(page)).toBeVisible();
  await unlock(page, PASS);
  await expect(page.getByText('Wrong passphrase.')).toBeVisible();
  await unlock(page, NEW_PASS);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // A forgotten passphrase: erase the vault from the unlock screen; the app works as before.
  await page.getByRole('button', { name: 'Lock the vault' }).click();
  await page.getByRole('button', { name: 'Erase the vault' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Erase vault, keys and bots' })
    .click();
  await expect(lockedHeading(page)).toHaveCount(0);
  await expect(security.getByRole('button', { name: 'Set up vault' })).toBeVisible();
});

test('repeated wrong passphrases slow down, also after a reload', async ({ page }) => {
  await openApp(page);
  await setUpVault(page);
  await page.getByRole('button', { name: 'Lock the vault' }).click();
  await unlock(page, 'first wrong guess');
  await expect(page.getByText('Wrong passphrase.')).toBeVisible();
  await unlock(page, 'second wrong guess');
  await expect(page.getByText('Wrong passphrase.')).toBeVisible();
  await unlock(page, 'third wrong guess');
  await expect(
    page.getByText(/Wrong passphrase\. Wait \d+ seconds? before trying again\./),
  ).toBeVisible();
  await page.reload();
  await expect(lockedHeading(page)).toBeVisible();
  await expect(page.getByText(/the next try is checked from/)).toBeVisible();
  await unlock(page, PASS);
  await expect(page.getByText(/Too many wrong passphrases: try again in/)).toBeVisible();
  // Once the wait is over the right passphrase opens it.
  await expect(async () => {
    if ((await lockedHeading(page).count()) > 0) await unlock(page, PASS);
    await expect(lockedHeading(page)).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test('stored credentials leave no plaintext in IndexedDB or localStorage', async ({ page }) => {
  await openApp(page);
  await setUpVault(page);
  const stored = await callEngine(page, 'putVaultSecret', [
    'acc-e2e',
    { apiKey: API_KEY, secret: SECRET },
  ]);
  expect(stored).toMatchObject({ ok: true, value: { id: 'acc-e2e', hint: '••••WXYZ' } });
  const listed = await callEngine(page, 'listVaultSecrets', []);
  expect(JSON.stringify(listed)).not.toContain(SECRET);

  const dump = await dumpBrowserStorage(page);
  expect(dump).toContain('vaultSecrets');
  for (const plain of [SECRET, API_KEY, PASS]) {
    for (const form of [plain, Buffer.from(plain).toString('base64'), toHex(plain)]) {
      expect(dump).not.toContain(form);
    }
  }
  await expect(page.locator('body')).not.toContainText(SECRET);
});

test('auto-locks after the chosen idle time', async ({ page }) => {
  test.setTimeout(150_000);
  await openApp(page);
  await setUpVault(page);
  const security = page.getByRole('region', { name: 'Security' });
  await security.getByLabel('Auto-lock after (minutes)').fill('1');
  await security.getByRole('button', { name: 'Save auto-lock' }).click();
  await expect(security.getByText('Locks after 1 idle minute.')).toBeVisible();
  // No commands from here on: one idle minute later the app is on the unlock screen.
  await expect(lockedHeading(page)).toBeVisible({ timeout: 120_000 });
  await unlock(page, PASS);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('bot configurations are sealed once a vault exists; the bot waits for unlock, then trades', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const name = 'Zephyr Q7 sealed';
  await openApp(page);
  await setReplaySpeed(page, '600');
  await createBot(page, { name, fast: 3, slow: 13 });
  await expect(botStatus(page)).toContainText('Running');
  // Before any vault the config is stored in clear, as before.
  expect(await dumpBrowserStorage(page)).toContain(name);

  await setUpVault(page);
  const sealedForms = [name, Buffer.from(name).toString('base64'), toHex(name)];
  const params = ['"slow":13', '"slow":"13"'];
  await expect
    .poll(async () => {
      const dump = await dumpBrowserStorage(page);
      return [...sealedForms, ...params].filter((plain) => dump.includes(plain));
    })
    .toEqual([]);

  await page.reload();
  await expect(lockedHeading(page)).toBeVisible();
  await expect(page.getByText('1 bot is waiting for the vault to be unlocked')).toBeVisible();
  await expect(page.getByText(/^Bot [a-z0-9]{6} \(name encrypted\)$/)).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  const lockedDump = await dumpBrowserStorage(page);
  for (const plain of [...sealedForms, ...params, PASS]) expect(lockedDump).not.toContain(plain);

  await unlock(page, PASS);
  await expect(lockedHeading(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(botStatus(page)).toContainText('Running');
  await expect(page.getByText(/Resumed running after the vault was unlocked/)).toBeVisible();
  const fills = await fillRows(page).count();
  await waitForFills(page, fills + 1, 90_000);

  // A forgotten passphrase: erasing the locked vault deletes the bot whose config it sealed.
  await page.getByRole('button', { name: 'Lock the vault' }).click();
  await page.getByRole('button', { name: 'Erase the vault' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/every bot is deleted as well/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Erase vault, keys and bots' }).click();
  await expect(lockedHeading(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByText('No bots yet')).toBeVisible();
  expect(await readStore(page, 'bots')).toEqual([]);
  expect(await readStore(page, 'vaultSecrets')).toEqual([]);
});

test('a second tab decrypts bot configurations with the key sent over the RPC channel', async ({
  context,
}) => {
  const name = 'Two-tab sealed bot';
  const first = await context.newPage();
  await openApp(first);
  await createBot(first, { name });
  await setUpVault(first);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText(/Bots run in another Flotilla tab/)).toBeVisible();
  await second.getByRole('link', { name: 'Dashboard' }).first().click();
  await second.getByRole('link', { name }).first().click();
  await expect(second.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(JSON.stringify(await readStore(second, 'bots'))).not.toContain(name);
  // Locking (from either tab) puts both on the unlock screen; neither shows the name.
  await first.getByRole('button', { name: 'Lock the vault' }).click();
  await expect(lockedHeading(second)).toBeVisible();
  await expect(second.getByText(name)).toHaveCount(0);
  await unlock(second, PASS);
  await expect(second.getByRole('heading', { level: 1, name })).toBeVisible();
});
