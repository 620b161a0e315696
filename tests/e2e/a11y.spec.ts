/**
 * Accessibility: axe-core finds no serious or critical violation on the dashboard, a bot page,
 * the create page, templates, custom strategies, settings and accounts — in the light and the dark theme,
 * at desktop, 768 px (tablet) and 375 px (phone) widths. Also checks that the dashboard's
 * controls are reachable with the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createBot } from './support';

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
      const bot = {
        name: 'bot page',
        heading: `Axe ${theme}`,
        path: `/${new URL(page.url()).hash}`,
      };
      for (const target of [...PAGES, bot]) {
        await page.goto(target.path);
        await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
        // Let lists and charts render before scanning.
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        expect(await seriousViolations(page), target.name).toEqual([]);
      }
    });
  }
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
