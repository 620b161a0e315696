/**
 * The bot creation wizard and editing, at desktop and phone (375 px) sizes: create through
 * every step with a stop-loss and a quick backtest; the draft survives a reload mid-wizard;
 * bad parameter and risk input blocks Next with the field's message; edit a running bot (diff,
 * new version in the history); clone; export a config and import it (and a broken one).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { chooseTemplate, createBot, nextStep, openWizard, readStore, wizardStep } from './support';

interface BotRow {
  id: string;
  configVersion: number;
  config: {
    name: string;
    params: Record<string, unknown>;
    risk?: Record<string, unknown>;
    allocation: number;
  };
}

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const;

async function ready(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('This tab runs your bots')).toBeVisible();
}

async function botNamed(page: Page, name: string): Promise<BotRow | undefined> {
  return (await readStore<BotRow>(page, 'bots')).find((bot) => bot.config.name === name);
}

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    test('create a bot through every step with a stop-loss and a quick backtest', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await ready(page);
      await openWizard(page);
      const current = page.locator('[aria-current="step"]');
      await expect(current).toContainText('Account and mode');
      await expect(page.getByRole('radio', { name: 'Simulated', exact: true })).toBeChecked();
      await expect(page.getByRole('radio', { name: /^Simulated —/ })).toBeChecked();
      await page.getByLabel('Name', { exact: true }).fill(`Wizard ${size.name}`);
      await nextStep(page, 2);
      await expect(current).toContainText('2');

      await page.getByLabel('Search markets').fill('usdc');
      await expect(page.getByRole('radio', { name: 'BTC/USDT', exact: true })).toHaveCount(0);
      await page.getByLabel('Search markets').fill('btc/usdt');
      await page.getByRole('radio', { name: 'BTC/USDT', exact: true }).check();
      await page.getByLabel('Allocation').fill('1500');
      await nextStep(page, 3);

      await expect(page.getByText(/Trend · 1m — /).first()).toBeVisible();
      await chooseTemplate(page, 'sma-crossover');
      await nextStep(page, 4);
      await page.getByLabel('Fast period').fill('5');
      await page.getByLabel('Slow period').fill('20');
      await nextStep(page, 5);

      await page.getByRole('radio', { name: 'Percent below entry' }).check();
      await page.getByLabel('Stop-loss percent').fill('3');
      await page.getByRole('button', { name: 'Add take-profit step' }).click();
      await page.getByLabel('Step 1 gain').fill('2');
      await page.getByLabel('Step 1 fraction').fill('0.5');
      await page.getByLabel('Max open orders').fill('4');
      await nextStep(page, 6);

      const review = page.locator('.review-groups');
      await expect(review).toContainText(/Stop-loss\s*3%/);
      await expect(review).toContainText(/Take-profit\s*50% at \+2%/);
      await expect(review).toContainText(/Fast period\s*5/);
      await page.getByRole('button', { name: 'Run quick backtest' }).click();
      const result = page.getByRole('figure', { name: 'Quick backtest result' });
      await expect(result).toBeVisible({ timeout: 60_000 });
      await expect(result).toContainText(/Return\s*[+−-]?\d/);
      await expect(result).toContainText(/Max drawdown/);
      await expect(result).toContainText(/Fills\s*\d+/);
      await expect(result).toContainText(/Buy and hold/);

      await page.getByLabel('Start the bot now').check();
      await page.getByRole('button', { name: 'Create bot' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: `Wizard ${size.name}` }),
      ).toBeVisible();
      await expect(page.getByTestId('bot-status')).toContainText('Running');
      const bot = await botNamed(page, `Wizard ${size.name}`);
      expect(bot?.config.allocation).toBe(1500);
      expect(bot?.config.params).toMatchObject({ fast: 5, slow: 20 });
      expect(bot?.config.risk).toEqual({
        stopLoss: { kind: 'percent', percent: 3 },
        takeProfit: { steps: [{ percent: 2, fraction: 0.5 }] },
        maxOpenOrders: 4,
      });
    });

    test('the draft, with its step, survives a reload mid-wizard', async ({ page }) => {
      await ready(page);
      await openWizard(page);
      await page.getByLabel('Name', { exact: true }).fill('Half done');
      await nextStep(page, 2);
      await page.getByLabel('Allocation').fill('1234');
      await nextStep(page, 3);
      // Let the debounced autosave write, then reload.
      await expect
        .poll(async () => JSON.stringify(await readStore(page, 'drafts')))
        .toContain('"step":2');
      await page.reload();
      await expect(wizardStep(page)).toContainText('Step 3 of 6');
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await expect(page.getByLabel('Allocation')).toHaveValue('1234');
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half done');
    });

    test('bad parameter or risk input blocks Next with the field message', async ({ page }) => {
      await ready(page);
      await openWizard(page);
      await page.getByLabel('Name', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Name is required.' }).first(),
      ).toBeVisible();
      await expect(wizardStep(page)).toContainText('Step 1 of 6');
      await page.getByLabel('Name', { exact: true }).fill('Strict');
      await nextStep(page, 2);
      await nextStep(page, 3);
      await chooseTemplate(page, 'sma-crossover');
      await nextStep(page, 4);
      await page.getByLabel('Fast period').fill('1');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(wizardStep(page)).toContainText('Step 4 of 6');
      await expect(page.getByLabel('Fast period')).toHaveAttribute('aria-invalid', 'true');
      await expect(
        page.getByText(/Fast period must be a whole number between 2 and 200/).first(),
      ).toBeVisible();
      await page.getByLabel('Fast period').fill('4');
      await page.getByLabel('Slow period').fill('12');
      await nextStep(page, 5);
      await page.getByRole('radio', { name: 'Percent below entry' }).check();
      await page.getByLabel('Stop-loss percent').fill('150');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(wizardStep(page)).toContainText('Step 5 of 6');
      await expect(
        page.getByText('Stop-loss percent must be between 0.1 and 99').first(),
      ).toBeVisible();
      // Keyboard: Enter in a field is "Next".
      await page.getByLabel('Stop-loss percent').fill('2.5');
      await page.getByLabel('Stop-loss percent').press('Enter');
      await expect(wizardStep(page)).toContainText('Step 6 of 6');
      expect(await readStore(page, 'bots')).toEqual([]);
    });

    test('edit a running bot: the diff, then a new version in the history', async ({ page }) => {
      await ready(page);
      await createBot(page, { name: `Editable ${size.name}`, fast: 3, slow: 8 });
      await expect(page.getByTestId('bot-status')).toContainText('Running');
      await expect(page.getByRole('table', { name: 'Fills' })).toContainText('Config');
      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: `Edit Editable ${size.name}` }),
      ).toBeVisible();
      await page.getByLabel('Fast period').fill('4');
      await page.getByRole('radio', { name: 'Percent below entry' }).check();
      await page.getByLabel('Stop-loss percent').fill('3');
      await page.getByRole('button', { name: 'Review changes' }).click();
      const changes = page.getByRole('list', { name: 'Changes to save' });
      await expect(changes.getByRole('listitem')).toHaveText([
        'Fast period: 3 → 4',
        'Stop-loss: off → 3%',
      ]);
      await expect(page.getByText(/from the next candle\. Open orders stay/)).toBeVisible();
      await page.getByRole('button', { name: 'Save changes' }).click();

      await expect(
        page.getByRole('heading', { level: 1, name: `Editable ${size.name}` }),
      ).toBeVisible();
      await expect(page.getByText('Config v2')).toBeVisible();
      const history = page.getByRole('table', { name: 'Config versions' });
      await expect(history.getByRole('row', { name: /v2/ })).toContainText('Fast period: 3 → 4');
      await expect(history.getByRole('row', { name: /v2/ })).toContainText('Stop-loss: off → 3%');
      await expect(history.getByRole('row', { name: /v1/ })).toContainText('Created');
      const bot = await botNamed(page, `Editable ${size.name}`);
      expect(bot?.configVersion).toBe(2);
      expect(bot?.config.risk).toEqual({ stopLoss: { kind: 'percent', percent: 3 } });
    });
  });
}

test('clone a bot into the wizard', async ({ page }) => {
  await ready(page);
  await createBot(page, { name: 'Original', fast: 6, slow: 18 });
  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(wizardStep(page)).toContainText('Step 1 of 6');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Copy of Original');
  for (const step of [2, 3, 4]) await nextStep(page, step);
  await expect(page.getByLabel('Fast period')).toHaveValue('6');
  await nextStep(page, 5);
  await nextStep(page, 6);
  await page.getByLabel('Start the bot now').uncheck();
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Copy of Original' })).toBeVisible();
  expect((await botNamed(page, 'Copy of Original'))?.config.params).toMatchObject({
    fast: 6,
    slow: 18,
  });
});

test('export a config, import it in the wizard, and a broken one names the field', async ({
  page,
}) => {
  await ready(page);
  await createBot(page, { name: 'Exported', fast: 7, slow: 21 });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export config' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('exported.flotilla-bot.json');
  const exported = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(exported) as { format: string; config: BotRow['config'] };
  expect(file.format).toBe('flotilla-bot-config');
  expect(file.config.params).toMatchObject({ fast: 7, slow: 21 });

  await openWizard(page);
  await page.getByText('Import a bot config (JSON)').click();
  // Broken: a bad parameter and an unknown template, each naming its field.
  const broken = { ...file, config: { ...file.config, params: { fast: 1, slow: 21 } } };
  await page.getByLabel('Or paste the config JSON').fill(JSON.stringify(broken));
  await page.getByRole('button', { name: 'Import config' }).click();
  await expect(page.getByRole('alert')).toContainText('params.fast: Fast period must be');
  const unknown = {
    ...file.config,
    strategyId: 'no-such-template',
    risk: { stopLoss: { kind: 'percent', percent: 500 } },
  };
  await page.getByLabel('Or paste the config JSON').fill(JSON.stringify(unknown));
  await page.getByRole('button', { name: 'Import config' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'strategyId: Template "no-such-template" does not exist.',
  );
  await expect(page.getByRole('alert')).toContainText(
    'risk.stopLoss.percent: Stop-loss percent must be between 0.1 and 99',
  );
  expect((await readStore(page, 'bots')).length).toBe(1);

  // The exported file imports and lands on the review; nothing is created until Create.
  await page.getByLabel('Config file').setInputFiles({
    name: 'exported.flotilla-bot.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported.replace('"Exported"', '"Imported"')),
  });
  await expect(wizardStep(page)).toContainText('Step 6 of 6');
  await expect(page.locator('.review-groups')).toContainText(/Fast period\s*7/);
  expect((await readStore(page, 'bots')).length).toBe(1);
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Imported' })).toBeVisible();
  expect((await botNamed(page, 'Imported'))?.config.params).toMatchObject({ fast: 7, slow: 21 });
});
