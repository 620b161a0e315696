/**
 * Accessibility: axe-core finds no serious or critical violation on the dashboard, a bot page,
 * its Report and Edit pages, the create page, templates, custom strategies, settings, accounts, the Risk
 * page and the Data page — in the light and the dark theme, at desktop, 768 px (tablet) and
 * 375 px (phone) widths — nor on any step of the creation wizard (light at desktop, dark on a
 * phone). Also checks that the dashboard's controls are reachable with the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseTemplate, createBot, nextStep, openWizard, wizardStep } from './support';

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 375, height: 812 },
] as const;

const PAGES = [
  { name: 'dashboard', heading: 'Dashboard', path: '/#/' },
  { name: 'create page', heading: /bot/i, path: '/#/bots/new' },
  { name: 'templates', heading: 'Template library', path: '/#/templates' },
  { name: 'custom strategies', heading: /custom/i, path: '/#/strategies/custom' },
  { name: 'settings', heading: 'Settings', path: '/#/settings' },
  { name: 'accounts', heading: 'Accounts', path: '/#/accounts' },
  { name: 'risk page', heading: 'Risk', path: '/#/risk' },
  { name: 'data page', heading: 'Historical data', path: '/#/data' },
] as const;

/** Serious and critical violations, as "rule: target, target" lines (empty when clean). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

for (const theme of ['light', 'dark'] as const) {
  for (const size of WIDTHS) {
    test(`no serious axe violations: ${theme} theme, ${size.name} width`, async ({ page }) => {
      test.setTimeout(150_000);
      await page.addInitScript((value) => localStorage.setItem('flotilla-theme', value), theme);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await createBot(page, { name: `Axe ${theme}` });
      const botPath = `/${new URL(page.url()).hash}`;
      const botPages = [
        { name: 'bot page', heading: `Axe ${theme}`, path: botPath },
        { name: 'report', heading: `Report: Axe ${theme}`, path: `${botPath}/report` },
        { name: 'edit page', heading: `Edit Axe ${theme}`, path: `${botPath}/edit` },
      ];
      for (const target of [...PAGES, ...botPages]) {
        await page.goto(target.path);
        await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
        // Let lists and charts render before scanning.
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        expect(await seriousViolations(page), target.name).toEqual([]);
      }
    });
  }
}

const WIZARD_RUNS = [
  { theme: 'light', size: WIDTHS[0] },
  { theme: 'dark', size: WIDTHS[2] },
] as const;

for (const run of WIZARD_RUNS) {
  test(`no serious axe violations on any wizard step: ${run.theme} theme, ${run.size.name}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.addInitScript((value) => localStorage.setItem('flotilla-theme', value), run.theme);
    await page.setViewportSize({ width: run.size.width, height: run.size.height });
    await page.goto('/');
    await expect(page.getByText('This tab runs your bots')).toBeVisible();
    await openWizard(page);
    const scan = async (step: string) =>
      expect(await seriousViolations(page), `wizard step ${step}`).toEqual([]);
    await scan('1 (account and mode)');
    await page.getByLabel('Name', { exact: true }).fill('Axe wizard');
    await nextStep(page, 2);
    await page.getByLabel('Allocation').fill('1000');
    await scan('2 (market)');
    await nextStep(page, 3);
    await chooseTemplate(page, 'sma-crossover');
    await scan('3 (template)');
    await nextStep(page, 4);
    await scan('4 (parameters)');
    // Inline errors are part of the step: scan them too.
    await page.getByLabel('Fast period', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(wizardStep(page)).toContainText('Step 4 of 6');
    await scan('4 (parameters, with an error)');
    await page.getByLabel('Fast period', { exact: true }).fill('3');
    await nextStep(page, 5);
    await page.getByRole('radio', { name: 'Percent below entry' }).check();
    await page.getByLabel('Stop-loss percent').fill('2');
    await scan('5 (risk)');
    await nextStep(page, 6);
    // Done steps are buttons named by their visible text.
    await expect(
      page.getByRole('button', { name: /^Step 1: Account and mode \(done, go back\)$/ }),
    ).toBeVisible();
    await scan('6 (review)');
    await page.getByRole('button', { name: 'Run quick backtest' }).click();
    await expect(page.getByRole('img', { name: /^Quick backtest equity/ })).toBeVisible({
      timeout: 60_000,
    });
    await scan('6 (review, with the quick backtest)');
  });
}

test('every dashboard action is reachable with the keyboard', async ({ page }) => {
  await page.goto('/');
  await createBot(page, { name: 'Keys' });
  await page.goto('/#/');
  await expect(page.getByRole('table', { name: 'Bots' })).toBeVisible();
  // Tab through the page, collecting the accessible names of what receives focus.
  const reached = new Set<string>();
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
      return (
        element.getAttribute('aria-label') ??
        label?.textContent ??
        element.textContent ??
        ''
      ).trim();
    });
    reached.add(name);
  }
  for (const name of [
    'Search bots',
    'Status',
    'Exchange',
    'Select all matching',
    'Select Keys',
    'Keys',
    'Pause Keys',
  ]) {
    expect([...reached], `reach "${name}"`).toContain(name);
  }
  // Selecting with the keyboard brings the bulk bar, whose buttons are reachable too.
  await page.getByLabel('Select Keys').focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  let found = false;
  for (let step = 0; step < 20 && !found; step++) {
    await page.keyboard.press('Shift+Tab');
    found = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') === 'Duplicate selected',
    );
  }
  expect(found).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText('Duplicate 1 bot: Keys.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
