/**
 * The template library: filter by category, preview a template (computed in a worker), start
 * the create form from it, and manage parameter presets — save from the form, use, export,
 * reject a bad import without changes, delete.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { nextStep, readStore, wizardStep } from './support';

/** From the wizard's first step (after a template link) to its parameters step. */
async function toParameters(page: Page): Promise<void> {
  await expect(wizardStep(page)).toContainText('Step 1 of 6');
  await page.getByLabel('Name', { exact: true }).fill('From the library');
  await nextStep(page, 2);
  await nextStep(page, 3);
  await nextStep(page, 4);
}

function smaCard(page: Page): Locator {
  return page.getByRole('article', { name: 'SMA crossover' });
}

function presetsTable(page: Page): Locator {
  return smaCard(page).getByRole('table', { name: 'SMA crossover presets' });
}

async function openLibrary(page: Page): Promise<void> {
  await page.goto('/#/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Template library' })).toBeVisible();
}

test('browse, filter and preview templates, then start a bot from one', async ({ page }) => {
  await openLibrary(page);
  const card = smaCard(page);
  await expect(card.getByRole('heading', { level: 2, name: 'SMA crossover' })).toBeVisible();
  await expect(card.getByRole('table', { name: 'SMA crossover parameters' })).toContainText(
    'A whole number between 2 and 200',
  );

  const category = page.getByRole('group', { name: 'Category' });
  await category.getByRole('radio', { name: 'Mean reversion' }).check();
  await expect(card).toHaveCount(0);
  await category.getByRole('radio', { name: 'Trend' }).check();
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Preview SMA crossover' }).click();
  await expect(card.getByRole('img', { name: /^SMA crossover preview: equity from/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(card.getByText('Computing preview…')).toHaveCount(0);
  const figures = card.locator('.stat-strip');
  await expect(figures).toContainText(/Return\s*[+−-]?\d/);
  await expect(figures).toContainText(/Max drawdown\s*[−-]?\d/);
  await expect(figures).toContainText(/Trades\s*[1-9]\d*/);
  await expect(figures).toContainText(/Buy and hold\s*[+−-]?\d/);

  await card.getByRole('link', { name: 'Use SMA crossover' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New bot' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('From the library');
  await nextStep(page, 2);
  await nextStep(page, 3);
  await expect(page.getByRole('radio', { name: 'SMA crossover', exact: true })).toBeChecked();
  await nextStep(page, 4);
  await expect(page.getByLabel('Fast period')).toBeVisible();
});

test('save a preset in the form, use, export, import and delete it in the library', async ({
  page,
}) => {
  await page.goto('/#/bots/new?template=sma-crossover');
  await toParameters(page);
  await page.getByLabel('Fast period').fill('5');
  await page.getByLabel('Slow period').fill('30');
  await page.getByLabel('Preset name').fill('Quick');
  await page.getByRole('button', { name: 'Save preset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved preset "Quick".' })).toBeVisible();
  await expect(page.getByLabel('Load preset').getByRole('option', { name: 'Quick' })).toHaveCount(
    1,
  );

  // Invalid values are not saved.
  await page.getByLabel('Fast period').fill('1');
  await page.getByLabel('Preset name').fill('Broken');
  await page.getByRole('button', { name: 'Save preset' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Fix the parameters first' }),
  ).toBeVisible();
  await page.getByLabel('Fast period').fill('9');
  await page.getByLabel('Slow period').fill('21');
  expect((await readStore(page, 'presets')).map((row) => row.name)).toEqual(['Quick']);

  // The library lists it; "Use" opens the form with its values.
  await openLibrary(page);
  const table = presetsTable(page);
  await expect(table.getByRole('row', { name: /Quick/ })).toContainText(
    'Fast period 5, Slow period 30',
  );
  await table.getByRole('link', { name: 'Use preset Quick' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New bot' })).toBeVisible();
  await toParameters(page);
  await expect(page.getByLabel('Fast period')).toHaveValue('5');
  await expect(page.getByLabel('Slow period')).toHaveValue('30');
  await expect(
    page.getByRole('status').filter({ hasText: 'Loaded preset "Quick".' }),
  ).toBeVisible();

  // Export: a JSON file with the preset.
  await openLibrary(page);
  const card = smaCard(page);
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export presets for SMA crossover' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('flotilla-presets-sma-crossover.json');
  const exported = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toEqual({
    format: 'flotilla-presets',
    version: 1,
    presets: [{ strategyId: 'sma-crossover', name: 'Quick', params: { fast: 5, slow: 30 } }],
  });

  // A bad file is rejected with the reason, and nothing changes.
  const before = await readStore(page, 'presets');
  const bad = {
    format: 'flotilla-presets',
    version: 1,
    presets: [
      { strategyId: 'sma-crossover', name: 'Slow', params: { fast: 20, slow: 40 } },
      { strategyId: 'sma-crossover', name: 'Fast', params: { fast: 1, slow: 30 } },
    ],
  };
  await card.getByLabel('Import presets for SMA crossover').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(card.getByRole('alert')).toHaveText(
    'bad.json was not imported: Preset 2 "Fast": Fast period must be a whole number between 2 and 200.',
  );
  await expect(table.getByRole('row')).toHaveCount(2);
  expect(await readStore(page, 'presets')).toEqual(before);

  // The exported file imports (over the same name).
  await card.getByLabel('Import presets for SMA crossover').setInputFiles({
    name: 'flotilla-presets-sma-crossover.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(card.getByRole('status').filter({ hasText: 'Imported 1 preset.' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  // Delete, after confirming.
  await table.getByRole('button', { name: 'Delete preset Quick' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete preset "Quick"?' });
  await dialog.getByRole('button', { name: 'Delete preset' }).click();
  await expect(dialog).toBeHidden();
  await expect(table).toContainText('No presets yet');
  expect(await readStore(page, 'presets')).toEqual([]);
  await expect(
    card.getByRole('status').filter({ hasText: 'Deleted preset "Quick".' }),
  ).toBeVisible();

  // A link to the deleted preset says so.
  const presetId = String(before[0]?.id);
  await page.goto(`/#/bots/new?template=sma-crossover&preset=${presetId}`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'preset in the link was not found' }),
  ).toBeVisible();
});
