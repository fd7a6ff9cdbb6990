import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, expectNoSeriousA11yViolations } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const cdnowMaster = path.resolve(here, '../..', 'public/data/cdnow/CDNOW_master.txt');

async function chooseFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('File', { exact: true }).click();
  await (await chooser).setFiles(file);
}

test('imports CDNOW_master.txt through the file chooser: 23,570 profiles', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Import file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  await chooseFile(page, cdnowMaster);
  await expect(dialog.getByText(/CDNOW purchase history/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(dialog.getByRole('list', { name: 'Import summary' })).toContainText(
    '23,570 profiles imported from 69,659 rows',
  );
  await dialog.getByRole('button', { name: 'Open set' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CDNOW_master' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'profiles' })).toHaveText(
    '23,570 profiles',
  );
  await expect(page.getByRole('row').nth(1)).toContainText('00001');
});

test('a CSV with bad rows reports each row number and reason, and imports the rest', async ({
  page,
}) => {
  const csv = [
    'customer_id,email,name,signup_date,plan',
    'u1,ann@example.com,Ann,2024-01-05,pro',
    'u2,not-an-email,Bob,2024-01-06,free',
    'u3,cy@example.com,Cy,2024-02-30,free',
    'u4,ANN@example.com,Ann B,2024-01-07,pro',
    'u5,dee@example.com,Dee,2024-03-01,free',
  ].join('\n');
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Import file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  await chooseFile(page, { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByLabel('Customer id')).toHaveValue('customer_id');
  await expect(dialog.getByLabel('Email', { exact: true })).toHaveValue('email');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  const rejected = dialog.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row', { name: /^3 Invalid email/ })).toContainText(
    '"not-an-email" is not an email address.',
  );
  await expect(rejected.getByRole('row', { name: /^4 Invalid date/ })).toContainText(
    '"2024-02-30" is not a date.',
  );
  const summary = dialog.getByRole('list', { name: 'Import summary' });
  await expect(summary).toContainText('2 profiles imported from 5 rows');
  await expect(summary).toContainText('1 duplicate merged into 1 profile');
  await dialog.getByText('Merged duplicates').click();
  await expect(
    dialog.getByRole('table', { name: 'Merged duplicates' }).getByRole('row', { name: /u1/ }),
  ).toContainText('u4');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(
    page.getByRole('table', { name: 'Profile sets' }).getByRole('row', { name: /^customers / }),
  ).toContainText('CSV import');
});

test('generates 10,000 profiles with a progress bar; after a reload they are all there', async ({
  page,
}) => {
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Generate profiles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate profiles' });
  await dialog.getByLabel('Number of profiles').fill('10000');
  await dialog.getByLabel('Seed').fill('42');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Generating profiles' });
  await expect(bar).toHaveAttribute('aria-valuemax', '10000');
  await expect(bar).toHaveAttribute('aria-valuenow', '10000', { timeout: 30_000 });
  await expect(dialog.getByRole('status')).toHaveText('10,000 profiles generated and saved.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  const row = page
    .getByRole('table', { name: 'Profile sets' })
    .getByRole('row', { name: /Synthetic 10k/ });
  await expect(row).toContainText('10,000');
  await row.getByRole('link', { name: 'Synthetic 10k' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'profiles' })).toHaveText(
    '10,000 profiles',
  );
  await expectNoSeriousA11yViolations(page);
  // Sorted from the stored columns, most events first: the first row has the most.
  const table = page.getByRole('table', { name: 'Profiles' });
  await page.getByRole('button', { name: 'Events' }).click();
  await page.getByRole('button', { name: /Events/ }).click();
  await expect(table.getByRole('columnheader', { name: /Events/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const eventsOf = async (row: number) =>
    Number((await table.getByRole('row').nth(row).getByRole('cell').nth(6).innerText()).trim());
  expect(await eventsOf(1)).toBeGreaterThanOrEqual(await eventsOf(2));
  expect(await eventsOf(1)).toBeGreaterThan(5);
  await page.getByRole('searchbox', { name: 'Search profiles' }).fill('c010000');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(
    '1 of 10,000 match',
  );
  await page.getByRole('link', { name: 'c010000' }).click();
  await expect(page.getByRole('heading', { name: 'Attributes', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Event timeline' })).toBeVisible();
});

test('Export JSON downloads the whole set, streamed a chunk at a time', async ({
  page,
}, testInfo) => {
  await page.goto('/profiles');
  const row = page
    .getByRole('table', { name: 'Profile sets' })
    .getByRole('row', { name: /Demo customers/ });
  await expect(row).toContainText('5,000', { timeout: 60_000 });
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export Demo customers as JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Demo-customers.json');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8')) as {
    format: string;
    set: { name: string; count: number };
    profiles: { id: string }[];
  };
  expect(exported.format).toBe('wayfinder.profiles');
  expect(exported.set).toMatchObject({ name: 'Demo customers', count: 5_000 });
  expect(exported.profiles).toHaveLength(5_000);
  expect(new Set(exported.profiles.map((p) => p.id)).size).toBe(5_000);
});

test('a CSV saved by Excel on Windows (Windows-1252) is read in the encoding chosen, accents and all', async ({
  page,
}) => {
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Import file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  // "é", "è" and "ü" as Latin-1 bytes, "Œ" and "€" as Windows-1252 has them (0x8C, 0x80).
  const text = 'customer_id,full_name,note\nu1,Zoé Lefèvre,5 X\nu2,Ann,plain\nu3,Ydipe Müller,ok\n';
  const bytes = Buffer.from(text, 'latin1');
  bytes[text.indexOf('X')] = 0x80;
  bytes[text.indexOf('Y')] = 0x8c;
  await chooseFile(page, { name: 'excel.csv', mimeType: 'text/csv', buffer: bytes });
  const encoding = dialog.getByRole('group', { name: 'Text encoding' });
  await expect(encoding.getByRole('combobox', { name: 'Encoding' })).toHaveValue('windows-1252');
  await expect(
    encoding.getByRole('table', { name: /read as Western European \(Windows-1252, Latin-1\)/ }),
  ).toContainText('u1,Zoé Lefèvre,5 €');
  await expect(encoding).toContainText('u3,Œdipe Müller,ok');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Import summary' })).toContainText(
    '3 profiles imported from 3 rows',
  );
  await dialog.getByRole('button', { name: 'Open set' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'excel' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Œdipe Müller');
});
