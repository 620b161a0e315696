import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botStatus, createBot, setReplaySpeed, waitForFills } from './support';

const UPDATE_TEXT = 'A new version of Flotilla is available.';
const PORT = 4198;

// This spec serves its own copy of the build on its own origin, so publishing "a new version"
// there cannot touch the other specs' service workers.
let server: ChildProcess | undefined;
let buildCopy = '';

test.beforeAll(async () => {
  buildCopy = mkdtempSync(join(tmpdir(), 'flotilla-update-'));
  cpSync('dist', buildCopy, { recursive: true });
  server = spawn('node', ['scripts/serve.mjs', '--port', String(PORT), '--dir', buildCopy], {
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 50; attempt++) {
    const isUp = await fetch(`http://127.0.0.1:${PORT}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the update test server did not start');
});

test.afterAll(() => {
  server?.kill();
  rmSync(buildCopy, { recursive: true, force: true });
});

test('a new version is announced, and installed only when the user agrees', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await setReplaySpeed(page, '600');
  await createBot(page, { name: 'Keeps running' });
  await waitForFills(page, 1);

  // Publish a new version: the service worker script changes on the server.
  appendFileSync(join(buildCopy, 'sw.js'), '\n// next version\n');
  // Look for it as the app's hourly check does. The browser merges an update() into an update
  // check already in flight (its own, after a navigation), and that one may have read the old
  // script, so a check that finds nothing is repeated, as the next hourly one would be.
  await expect(async () => {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText(UPDATE_TEXT)).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });

  // It never reloads by itself while bots run.
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(
    true,
  );
  await expect(botStatus(page)).toContainText('Running');

  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  expect(
    await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage),
  ).toBeUndefined();
  await expect(page.getByText(UPDATE_TEXT)).toHaveCount(0);
  await expect(botStatus(page)).toContainText('Running');
});
