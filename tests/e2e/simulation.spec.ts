import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { holdStore } from './hold-store';

async function generateProfiles(page: Page, count: number): Promise<void> {
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Generate profiles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate profiles' });
  await dialog.getByLabel('Number of profiles').fill(String(count));
  await dialog.getByLabel('Seed').fill('42');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog.getByRole('status')).toContainText('generated and saved', {
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function openSimulation(page: Page, journey: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Journeys' })
    .click();
  await page.getByRole('link', { name: journey }).first().click();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
}

test('simulates a template over 10,000 generated profiles, draws counts, opens a trace, cancels a long run', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Welcome series' }).first()).toBeVisible();
  await generateProfiles(page, 10_000);

  await openSimulation(page, 'Welcome series');
  const panel = page.getByRole('region', { name: 'Simulate' });
  await panel.getByLabel('Profile set').selectOption({ label: 'Synthetic 10k (10,000 profiles)' });
  const run = panel.getByRole('button', { name: 'Run simulation' });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await run.click();
  await expect(panel.getByRole('group', { name: 'Entered' })).toContainText('10,000', {
    timeout: 60_000,
  });
  await expect(panel.locator('.sim-result-meta')).toContainText('Synthetic 10k (10,000 profiles)');

  // Counts on the canvas: the trigger node shows how many entered, readable in the shorter
  // canvas (the journey is fitted again when the panel opens; counts keep their screen size).
  const trigger = page.getByRole('group', { name: /^Event step/ });
  await expect(trigger).toContainText(/\d{1,3},\d{3} entered/);
  await expect(trigger).toBeInViewport();
  const count = await trigger.locator('.step-node__count').boundingBox();
  expect(count?.height ?? 0).toBeGreaterThanOrEqual(11);
  await expect(panel.getByRole('figure', { name: /^Sends per (day|week)$/ })).toBeVisible();

  await panel.getByRole('button', { name: 'Show one who converted' }).click();
  const trace = panel.getByRole('region', { name: /^Trace of / });
  await expect(trace).toBeVisible();
  await expect(trace.getByRole('cell', { name: /^went "(Yes|No)"/ }).first()).toBeVisible();
  await expect(trace.getByRole('table').first()).toHaveAccessibleName(/converted/);

  // A long run (ten years of simulated time), cancelled while it runs. Another tab holds the
  // profile sets, so the workers wait to check that the set they keep from the first run is
  // still current: the run cannot end before Cancel (in a loaded run, ten years of 10,000
  // profiles ended before the click landed).
  // The settings fold once a result comes: unfolded to change the period.
  await panel.getByRole('button', { name: 'Run settings' }).click();
  await panel.getByLabel('Days').fill('3650');
  const release = await holdStore(await context.newPage(), 'profileSets');
  await run.click();
  const bar = panel.getByRole('progressbar', { name: 'Simulating' });
  await expect(bar).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'Simulation cancelled' })).toBeVisible();
  await release();

  // The finished run is saved and listed across journeys (the editor has the window to itself:
  // back to the list first, where the main navigation is).
  await page.getByRole('link', { name: '← Journeys' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Simulations' })
    .click();
  const runs = page.getByRole('table', { name: 'Saved simulation runs' });
  await expect(runs.getByRole('row', { name: /Welcome series/ })).toContainText('Current');
  await expect(runs.getByRole('row', { name: /Welcome series/ })).toContainText('10,000');
});

test('reopening a journey shows its last run; an edit marks it stale', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Abandoned cart' }).first()).toBeVisible();
  await openSimulation(page, 'Abandoned cart');
  const panel = page.getByRole('region', { name: 'Simulate' });
  const run = panel.getByRole('button', { name: 'Run simulation' });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await run.click();
  await expect(panel.getByRole('group', { name: 'Entered' })).toBeVisible({ timeout: 60_000 });
  // The run is drawn first and stored after; "Saving the run…" shows in between.
  await expect(panel.getByText('Saving the run…')).toHaveCount(0);

  await page.reload();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(panel.getByRole('group', { name: 'Entered' })).toBeVisible();
  await expect(panel.getByText('stale — the journey changed since this run')).toHaveCount(0);

  await page.getByLabel('Name', { exact: true }).fill('Abandoned cart, edited');
  await expect(panel.getByText('stale — the journey changed since this run')).toBeVisible();
});
