import type { Page } from '@playwright/test';
import { ExecutorClient } from '../executor/support/client.ts';
import { expect, test } from '../e2e/fixtures.ts';

const DAY = 86_400_000;
const PROFILES = 40;
/** Profiles that order within a day of signing up: far above what the forecast expects (about 18% in two days). */
const ORDERING = 30;

function executor(): ExecutorClient {
  const url = process.env.LIVE_EXECUTOR_URL;
  if (url === undefined) throw new Error('the global set-up did not start an executor');
  return new ExecutorClient(url);
}

async function pointAtExecutor(page: Page, url: string) {
  await page.getByRole('button', { name: 'Backend settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backend settings' });
  await dialog.getByRole('textbox', { name: 'Backend URL' }).fill(url);
  await dialog.getByRole('button', { name: 'Check connection' }).click();
  await expect(dialog.getByText('Reachable.')).toBeVisible();
  await expect(dialog.getByText('No token needed.')).toBeVisible();
  await expect(dialog.getByText(/Runs on a test clock/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
}

test('publishes the welcome series to a real executor and shows its live counts, and in "both" view marks the step fed to diverge', async ({
  page,
}, testInfo) => {
  const api = executor();
  const t0 = Date.UTC(2026, 10, 2, 9);
  await api.setClock(t0);

  await page.goto('/');
  await page.getByRole('link', { name: 'Welcome series' }).first().click();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  await pointAtExecutor(page, api.url);

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const publish = page.getByRole('dialog', { name: /^Publish/ });
  await publish.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(publish.getByText('Published version 1.')).toBeVisible();
  await publish.getByRole('button', { name: 'Close' }).click();

  const journeyId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const live = page.getByRole('region', { name: 'Live counts' });
  await expect(live.getByText(/^Live counts of v1, published/)).toBeVisible();

  // Customers and their events through the API; the clock moves on past the whole journey.
  const ids = Array.from({ length: PROFILES }, (_, i) => `live-${i}`);
  await api.putProfiles(
    ids.map((id, i) => ({
      id,
      attributes: { email: `${id}@example.com`, name: `Customer ${i}`, consent: { email: true } },
    })),
  );
  await api.postEvents([
    ...ids.map((id, i) => ({
      id: `su-${id}`,
      profileId: id,
      name: 'signed_up',
      at: t0 + 60_000 * (i + 1),
    })),
    ...ids.slice(0, ORDERING).map((id, i) => ({
      id: `op-${id}`,
      profileId: id,
      name: 'order_placed',
      at: t0 + DAY / 2 + 60_000 * i,
      props: { amount: 40 },
    })),
  ]);
  await api.advance(10 * DAY);
  const counts = await api.ok<{
    entries: number;
    steps: Record<string, { entered: number; label: string }>;
  }>('GET', `/journeys/${journeyId}/versions/1/counts`);
  expect(counts.entries).toBe(PROFILES);

  // The canvas shows, on every step, what the counts endpoint says.
  for (const [stepId, step] of Object.entries(counts.steps)) {
    await expect(
      page.locator(`.react-flow__node[data-id="${stepId}"]`).getByText(`${step.entered} actual`),
    ).toBeVisible();
  }

  // A forecast of the same version, then both side by side.
  await live.getByRole('button', { name: 'Forecast v1' }).click();
  await expect(live.getByRole('button', { name: 'Forecast v1 again' })).toBeVisible({
    timeout: 180_000,
  });
  await live.getByRole('radio', { name: 'Both' }).check();
  const orderedYet = Object.entries(counts.steps).find(([, s]) => s.label === 'Ordered yet?');
  const welcome = Object.entries(counts.steps).find(([, s]) => s.label === 'Welcome email');
  if (orderedYet === undefined || welcome === undefined) throw new Error('steps not found');
  await expect(
    page
      .locator(`.react-flow__node[data-id="${orderedYet[0]}"]`)
      .getByRole('img', { name: /^Below the forecast: 25% of entries reached this step/ }),
  ).toBeVisible();
  await expect(
    page
      .locator(`.react-flow__node[data-id="${welcome[0]}"]`)
      .getByRole('img', { name: /forecast/ }),
  ).toHaveCount(0);
  await expect(
    page
      .locator(`.react-flow__node[data-id="${welcome[0]}"]`)
      .getByText(/40\sactual · [\d,]+\ssim/),
  ).toBeVisible();

  // The forecast against what happened, per day.
  await live.getByRole('button', { name: 'Forecast vs actual' }).click();
  const chart = page.getByRole('dialog', { name: 'Forecast against actual, version 1' });
  await expect(chart.getByRole('figure', { name: 'Entries per day' })).toBeVisible();
  await expect(chart.getByRole('figure', { name: 'Conversions per day' })).toBeVisible();

  // LIVE_SCREENSHOTS=docs npm run test:e2e-live refreshes the README's pictures.
  const folder = process.env.LIVE_SCREENSHOTS;
  if (folder !== undefined) {
    await chart.screenshot({ path: `${folder}/forecast-against-actual.png` });
    await chart.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('region', { name: 'Live counts' })
      .screenshot({ path: testInfo.outputPath('live-bar.png') });
    await page.screenshot({ path: `${folder}/live-counts-both.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: testInfo.outputPath('live-1280.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: testInfo.outputPath('live-1920.png') });
  }
});
