import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { expectAxeClean, screenshots } from './strategist-support';

const here = path.dirname(fileURLToPath(import.meta.url));
const cdnowSample = path.resolve(here, '../..', 'public/data/cdnow/CDNOW_sample.txt');

/** The published 39-week calibration figures (Fader, Hardie and Lee 2005; Fader and Hardie 2013). */
const PUBLISHED: [string, number][] = [
  ['r', 0.2426],
  ['α', 4.414],
  ['a', 0.7929],
  ['b', 2.426],
  ['p', 6.25],
  ['q', 3.74],
  ['γ', 15.44],
];

test('CDNOW sample calibrated to 1997-09-30 gives the published parameters and a holdout check', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Import file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByLabel('File', { exact: true }).click();
  await (await chooser).setFiles(cdnowSample);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customer value' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customer value' })).toBeVisible();
  const setup = page.getByRole('form', { name: 'Customer value setup' });
  await setup.getByLabel('Profile set').selectOption({ label: 'CDNOW_sample (2,357)' });
  // The default holds out the last third of the history.
  await expect(setup.getByLabel('Calibration end')).toHaveValue('1997-12-30', { timeout: 30_000 });
  await setup.getByLabel('Calibration end').fill('1997-09-30');
  await setup.getByRole('button', { name: 'Fit models' }).click();
  const fit = page.getByRole('region', { name: 'Fit on the calibration period' });

  await expect(fit).toContainText('up to Sep 30, 1997', { timeout: 30_000 });
  const table = page.getByRole('table', { name: /Fitted parameters/ });
  for (const [name, expected] of PUBLISHED) {
    const cells = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell');
    const value = Number((await cells.last().textContent())?.replace(/,/g, ''));
    expect(Math.abs(value / expected - 1), `${name} = ${value}`).toBeLessThan(0.005);
  }
  await expect(table.getByRole('row').filter({ hasText: 'log-likelihood' }).first()).toContainText(
    /-9,58\d/,
  );
  await expect(page.getByText(/made 1,882 repeat purchases/)).toBeVisible();

  for (const title of [
    'Tracking plot: cumulative repeat purchases',
    'Tracking plot: repeat purchases per week',
    'Conditional expectations: holdout purchases by calibration purchases',
  ]) {
    const figure = page.getByRole('figure', { name: title });
    await expect(figure).toBeVisible();
    await expect(figure.locator('svg .chart-axis-title').first()).toBeVisible();
  }
  const tracking = page.getByRole('figure', { name: 'Tracking plot: cumulative repeat purchases' });
  await expect(tracking.locator('svg .visx-linepath')).toHaveCount(2);
  await expect(tracking.locator('svg .chart-marker')).toContainText(
    'calibration ends Sep 30, 1997',
  );
  const conditional = page.getByRole('figure', { name: /Conditional expectations/ });
  await expect(conditional.locator('svg .visx-bar')).toHaveCount(16);
  await expectAxeClean(page);
  await screenshots(page, 'customer-value');

  // Back to the default: a second visit to the same fit is read from IndexedDB.
  await setup.getByRole('button', { name: 'Use the default' }).click();
  await expect(fit).toContainText('up to Dec 30, 1997', { timeout: 30_000 });
  await setup.getByLabel('Calibration end').fill('1997-09-30');
  await setup.getByRole('button', { name: 'Fit models' }).click();
  await expect(fit).toContainText('up to Sep 30, 1997');
  await expect(fit).toContainText('(Read from the saved fit.)');
});
