import type { Page } from '@playwright/test';
import { busyCounts } from './busy-counts';
import { test, expect, expectNoSeriousA11yViolations } from './fixtures';

// Intended 503 and 422 answers from the mock backend make Chromium log "Failed to load resource".
test.use({
  allowedConsoleErrors: [
    /Failed to load resource: the server responded with a status of (503|422)/,
  ],
});

interface LoggedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  status: number;
}

async function mock(page: Page, path: string, body?: unknown): Promise<unknown> {
  return page.evaluate(
    async ([url, payload]) => {
      const response = await fetch(url as string, {
        method: payload === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      });
      return response.status === 204 ? null : response.json();
    },
    [`/api/__mock/${path}`, body] as const,
  );
}

async function openWelcomeSeries(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('radio', { name: /Welcome series/ }).check();
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(page).toHaveURL(/\/journeys\//);
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
}

async function openPublishDialog(page: Page) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Publish/ });
  await expect(dialog.getByRole('button', { name: 'Publish version 1' })).toBeEnabled();
  return dialog;
}

const publishes = async (page: Page) =>
  ((await mock(page, 'requests')) as LoggedRequest[]).filter(
    (r) => r.method === 'POST' && r.path.endsWith('/versions'),
  );

test('publishes a template to the mock backend and shows the version', async ({ page }) => {
  await openWelcomeSeries(page);
  const dialog = await openPublishDialog(page);
  await expect(dialog.getByRole('list', { name: 'Steps added' })).toContainText('Welcome email');
  await expect(dialog.getByLabel('New spec hash')).toHaveText(/^[0-9a-f]{14}$/);
  await dialog.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(dialog.getByText('Published version 1.')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Versions' })).toContainText('Version 1');
  expect(await publishes(page)).toHaveLength(1);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const again = page.getByRole('dialog', { name: /^Publish/ });
  await expect(again.getByText('Nothing changed since version 1.')).toBeVisible();
  await expect(again.getByRole('button', { name: 'Publish version 2' })).toBeDisabled();
});

test('compares version 1 with the edited draft on the canvas', async ({ page }) => {
  // axe over the whole editor takes a while on a loaded CI machine.
  test.setTimeout(120_000);
  await openWelcomeSeries(page);
  const dialog = await openPublishDialog(page);
  await dialog.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(dialog.getByText('Published version 1.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  const canvas = page.getByRole('application');
  const email = page.getByRole('group', { name: /^Email step: Welcome email/ });
  await email.click();
  await page
    .getByRole('complementary', { name: 'Step and journey settings' })
    .getByRole('textbox', { name: 'Subject' })
    .fill('A new welcome');

  const publishButton = page.getByRole('button', { name: 'Publish', exact: true });
  await publishButton.click();
  const again = page.getByRole('dialog', { name: /^Publish/ });
  const compare = again.getByRole('form', { name: 'Compare versions' });
  await expect(compare.getByRole('combobox', { name: 'Compare' })).toHaveValue('1');
  await expect(compare.getByRole('combobox', { name: 'with' })).toHaveValue('draft');
  await compare.getByRole('button', { name: 'Compare on the canvas' }).click();

  const banner = page.getByRole('region', { name: 'Compare versions' });
  await expect(banner.getByRole('status')).toHaveText(/Comparing version 1 with Draft/);
  await expect(banner.getByRole('list', { name: 'Steps changed' })).toContainText('Welcome email');
  await expect(email.locator('.step-node')).toHaveClass(/is-compare-changed/);
  await expect(email).toContainText('changed');
  await expect(canvas.locator('.is-compare-added')).toHaveCount(0);
  // The canvas with its marks and the banner (the side panel's sandboxed email preview is
  // out of axe's reach and covered by the editor's own checks).
  await expectNoSeriousA11yViolations(page, '.editor-canvas');

  // Escape goes one layer at a time: the selected step first, then the comparison.
  await page.keyboard.press('Escape');
  await expect(email.locator('.step-node')).not.toHaveClass(/is-selected/);
  await expect(banner).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(banner).toBeHidden();
  await expect(email.locator('.step-node')).not.toHaveClass(/is-compare/);
  await expect(publishButton).toBeFocused();
});

test('retries two 503s under the same idempotency key and publishes once', async ({ page }) => {
  await openWelcomeSeries(page);
  const dialog = await openPublishDialog(page);
  // Each answer takes a second, so "Retrying…" stays on screen for over two seconds: longer
  // than the gaps between the assertion's polls, however the back-off's jitter falls.
  await mock(page, 'faults', { failNext: 2, status: 503, delayMs: 1_000 });
  await dialog.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(dialog.getByText(/Retrying… attempt [23] of 4/)).toBeVisible();
  await expect(dialog.getByText('Published version 1.')).toBeVisible();
  const sent = await publishes(page);
  expect(sent.map((r) => r.status)).toEqual([503, 503, 201]);
  expect(new Set(sent.map((r) => r.idempotencyKey)).size).toBe(1);
  expect(sent[0]?.idempotencyKey).toBeTruthy();
});

test('a step the backend rejects shows its error on that step', async ({ page }) => {
  await openWelcomeSeries(page);
  const dialog = await openPublishDialog(page);
  await mock(page, 'faults', { rejectStep: 'welcome-email' });
  await dialog.getByRole('button', { name: 'Publish version 1' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The backend rejected the spec');
  await expect(alert.getByRole('list', { name: 'Problems found by the backend' })).toContainText(
    'Welcome email: The execution backend cannot run this step.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(
    'The execution backend cannot run this step.',
  );
});

test('a publish the backend accepts with a warning says so on the step, which it selects', async ({
  page,
}) => {
  await openWelcomeSeries(page);
  const step = page.getByRole('group', { name: /step: Ordered yet\?/ });
  await step.click();
  await page
    .getByRole('complementary', { name: 'Step and journey settings' })
    .getByRole('spinbutton', { name: 'Rule 1 within days' })
    .fill('450');
  // Another step selected, so the warning's button has one to select.
  await page.getByRole('group', { name: /^Email step: Welcome email/ }).click();
  await expect(step.locator('.step-node')).not.toHaveClass(/is-selected/);

  const dialog = await openPublishDialog(page);
  await dialog.getByRole('button', { name: 'Check with the backend' }).click();
  await expect(
    dialog.getByText('The backend would publish this version, with 1 warning.'),
  ).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Found by the backend' })).toContainText(
    'Ordered yet?: Counts events over the last 450 days',
  );
  await expectNoSeriousA11yViolations(page, '.dialog-content');
  await dialog.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(dialog.getByText('Published version 1.')).toBeVisible();
  const warnings = dialog.getByRole('region', { name: '1 warning from the backend' });
  await expect(warnings.getByRole('listitem')).toContainText(
    'Ordered yet?: Counts events over the last 450 days, but the backend keeps events for 400 days',
  );
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, '.dialog-content');

  await warnings.getByRole('button', { name: 'Ordered yet?' }).click();
  await expect(dialog).toBeHidden();
  await expect(step.locator('.step-node')).toHaveClass(/is-selected/);
  // The step keeps the warning after the dialog has gone.
  await expect(
    step.getByRole('img', { name: /^1 warning: Counts events over the last 450 days/ }),
  ).toBeVisible();
});

test('stops a live journey from the publish dialog after a confirmation', async ({
  page,
}, testInfo) => {
  await openWelcomeSeries(page);
  let dialog = await openPublishDialog(page);
  await dialog.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(dialog.getByText('Published version 1.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  dialog = page.getByRole('dialog', { name: /^Publish/ });
  await dialog.getByRole('button', { name: 'Stop journey' }).click();
  const confirm = page.getByRole('dialog', { name: /^Stop “Welcome series/ });
  await expect(confirm).toContainText('From now on no one enters it');
  await expectNoSeriousA11yViolations(page);
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`stop-confirm-${width}.png`) });
  }
  await confirm.getByRole('button', { name: 'Stop journey' }).click();
  await expect(dialog.getByText(/This journey was stopped on .*no one enters it/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stop journey' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('stopped.png') });
});

test('a published journey’s arrows are named with their live counts, zoomed out as well', async ({
  page,
}, testInfo) => {
  await busyCounts(page);
  await openWelcomeSeries(page);
  const dialog = await openPublishDialog(page);
  await dialog.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(dialog.getByText('Published version 1.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Each arrow carries its source step's count (busy-counts.ts): the one out of "Signed up" says
  // that step's, and no other step's.
  await page
    .getByRole('group', { name: 'Counts on the canvas' })
    .getByRole('radio', { name: 'Actual' })
    .check();
  const signedUp = page
    .locator('.react-flow__node', { hasText: 'Signed up' })
    .locator('.step-node__count--actual');
  await expect(signedUp).toHaveText(/\d/);
  const entered = /[\d,]+/.exec((await signedUp.textContent()) ?? '')?.[0] ?? 'none';
  const arrows = page.locator('.react-flow__edge');
  const outOfSignedUp = page.getByRole('group', { name: /^Connection from Signed up / });
  const withCount = (count: string) => new RegExp(`\\b${count}\\b`);
  await expect(outOfSignedUp).toHaveAttribute('aria-label', withCount(entered));
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  const canvas = page.locator('[data-far]');
  while ((await canvas.count()) === 0) await zoomOut.click();
  // Too far out to draw an arrow's count: its name still says it, and only its name.
  await expect(page.locator('.journey-edge__count').first()).toBeHidden();
  const names = await arrows.evaluateAll((edges) =>
    edges.map((edge) => edge.getAttribute('aria-label')),
  );
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) expect(name).toMatch(/\d/);
  await expect(outOfSignedUp).toHaveAttribute('aria-label', withCount(entered));
  await expectNoSeriousA11yViolations(page);
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`live-arrows-far-${width}.png`) });
  }
});
