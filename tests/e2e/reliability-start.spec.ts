import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The app's first start off the happy path: what a browser can refuse before the first screen
 * (a service worker, room to store, an upgrade of its database). Each must end in the app with a
 * sentence saying what happened, never a blank page, an endless "Loading…" or an uncaught error.
 */

const startNotices = (page: Page) =>
  page.getByRole('region', { name: 'Notices' }).getByRole('alert');

test.describe('a browser that refuses service workers', () => {
  test.use({ serviceWorkers: 'block' });

  test('starts the app without the mock backend and says why publishing will not answer', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('table', { name: 'Journeys' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Welcome series' })).toBeVisible();
    await expect(startNotices(page)).toContainText('The mock execution backend could not start');
  });
});

test.describe('storage full on the first start', () => {
  // Chromium logs the refused writes itself; the app's part is to say so and carry on.
  test.use({ allowedConsoleErrors: [/QuotaExceededError|quota/i] });

  test('says the demo content could not be stored, with no uncaught error', async ({
    page,
    context,
    baseURL,
  }) => {
    const cdp = await context.newCDPSession(page);
    // Room for the demo journeys, not for the 5,000 demo profiles.
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(baseURL ?? '').origin,
      quotaSize: 300_000,
    });
    await page.goto('/');
    await expect(startNotices(page)).toContainText(
      'The demo content could not be stored. The browser’s storage for this site is full',
    );
    await expect(page.getByRole('table', { name: 'Journeys' })).toBeVisible();
  });
});

test.describe('an upgrade of the database held up by another tab', () => {
  test('says which tab to close, and opens once it is closed', async ({ page, context }) => {
    // A tab of an older Wayfinder holding the database at version 1 and not letting go (a page
    // frozen in the background, or one in the middle of a long write, does not close it).
    const older = await context.newPage();
    await older.goto('/data/cdnow/CDNOW_sample.txt');
    await older.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('wayfinder', 10);
          open.onupgradeneeded = () => {
            const db = open.result;
            db.createObjectStore('profileSets', { keyPath: 'id' }).createIndex(
              'updatedAt',
              'updatedAt',
            );
            db.createObjectStore('profileChunks', { keyPath: ['setId', 'gen', 'seq'] }).createIndex(
              'setId',
              'setId',
            );
            db.createObjectStore('journeys', { keyPath: 'id' }).createIndex(
              'updatedAt',
              'updatedAt',
            );
            const runs = db.createObjectStore('simulationRuns', { keyPath: 'id' });
            runs.createIndex('journeyId', 'journeyId');
            runs.createIndex('createdAt', 'createdAt');
          };
          open.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = open.result;
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );

    await page.goto('/');
    await expect(startNotices(page)).toContainText(
      'Wayfinder is waiting for another tab to let go of its storage',
    );

    await older.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await expect(page.getByRole('link', { name: 'Welcome series' })).toBeVisible();
    await expect(startNotices(page)).toHaveCount(0);
  });
});

test.describe('a French visitor whose catalogue does not load', () => {
  test.use({ locale: 'fr-FR', allowedConsoleErrors: [/Failed to load resource/] });

  test('gets the app in English, told so, instead of a blank page', async ({ page }) => {
    // The French catalogue is a chunk of its own: a dropped connection, or a deploy that
    // replaced it since the page was cached, leaves it unreachable.
    await page.route('**/assets/fr-*.js', (route) => route.abort());
    await page.goto('/');
    await expect(page.getByRole('table', { name: 'Journeys' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(startNotices(page)).toContainText('Your language could not be loaded');
  });
});

test('while the first page’s code is on its way, the header and its notices are already there', async ({
  page,
}) => {
  // A slow connection: the journey list's code is held until the header has been checked.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/assets/journey-list-route-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }),
  ).toBeVisible();
  release();
  await expect(page.getByRole('table', { name: 'Journeys' })).toBeVisible();
});
