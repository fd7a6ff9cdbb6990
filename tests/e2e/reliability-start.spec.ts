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
