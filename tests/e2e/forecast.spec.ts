import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function openForecast(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Journeys' })).toContainText('Welcome series');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Forecast' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
}

async function runForecast(page: Page, a: string, b: string) {
  const setup = page.getByRole('form', { name: 'Forecast setup' });
  await setup.getByLabel('Journey (A)').selectOption({ label: a });
  await setup.getByLabel('Compare with (B)').selectOption({ label: b });
  await setup.getByLabel('Profile set').selectOption({ label: 'Demo customers (5,000)' });
  await expect(setup.getByLabel('Replications')).toHaveValue('20');
  await setup.getByRole('button', { name: 'Run forecast' }).click();
  await expect(page.getByText('20 of 20 replications done')).toBeVisible({ timeout: 90_000 });
}

test('a 20-replication forecast of two different journeys reads the difference', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openForecast(page);
  await runForecast(page, 'Welcome series', 'Abandoned cart');
  const forecastA = page.getByRole('region', { name: 'Forecast: A: Welcome series' });
  const card = forecastA.getByRole('group', { name: 'Conversion rate' });
  await expect(card).toContainText(/\d+(\.\d)?%/);
  await expect(card).toContainText(/80% range .+ – .+/);
  await expect(card).toContainText('median of 20 replications');
  const differences = page.getByRole('list', { name: 'Differences in plain words' });
  await expect(differences).toContainText(
    /(B converts \d+\.\d\d+ points (more|less) \(90% range [+-]\d+\.\d\d+ to [+-]\d+\.\d\d+ points; relative .+\) — a real difference\.)|(Conversion rate: no detectable difference — B − A is [+-]?\d+\.\d\d+ points \(90% range -\d+\.\d\d+ to \+\d+\.\d\d+ points; relative .+\)\.)/,
  );
  await forecastA.getByText('Every KPI as a table').click();
  await expect(
    forecastA.getByRole('table', { name: /Every KPI of A: Welcome series/ }),
  ).toContainText('Cost per conversion');
  // The CLV panel's worker reads the set itself from IndexedDB (the page sends its id only).
  await expect(
    page.getByText(
      /Fitted by maximum likelihood to the purchase history of [\d,]+ customers up to [A-Z][a-z]{2} \d{1,2}, \d{4}\./,
    ),
  ).toBeVisible({ timeout: 60_000 });
});

test('a journey and its duplicate made in the journey list compare to exactly no difference', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Duplicate Welcome series' }).click();
  await expect(page.getByRole('table', { name: 'Journeys' })).toContainText(
    'Welcome series (copy)',
  );
  await openForecast(page);
  await runForecast(page, 'Welcome series', 'Welcome series (copy)');
  await expect(page.getByRole('list', { name: 'Differences in plain words' })).toContainText(
    'Conversion rate: no difference — A and B give exactly the same value in every replication.',
  );
  await page.screenshot({ path: testInfo.outputPath('forecast-duplicate.png'), fullPage: true });
});
