import { expect, test } from '@playwright/test';
import { botStatus, createBot, fillRows, setReplaySpeed, waitForFills } from './support';

test('the manifest is served and the service worker is active', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(new URL(href ?? '', page.url()).toString())).json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining('Flotilla'),
    short_name: 'Flotilla',
    display: 'standalone',
    start_url: '/',
  });
  const sizes = manifest.icons.map(
    (icon: { sizes: string; purpose?: string }) =>
      `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`,
  );
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
  for (const icon of manifest.icons)
    expect((await request.get(new URL(icon.src, page.url()).toString())).ok()).toBe(true);

  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
    .toBe('activated');
});

test('offline: the app loads from the service worker and the bot keeps running', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await setReplaySpeed(page, '600');
  await createBot(page, { name: 'Offline runner' });
  const before = await waitForFills(page, 1);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Offline runner' })).toBeVisible();
  await expect(botStatus(page)).toContainText('Running');
  await waitForFills(page, before + 1);
  expect(await fillRows(page).count()).toBeGreaterThan(before);
  await context.setOffline(false);
});
