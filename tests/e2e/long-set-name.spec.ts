import { test, expect } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const LONG_NAME = 'Spring ' + 'x'.repeat(10_000);

test('a profile set with a 10,000-character name keeps /lifecycle within the window', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Generate profiles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate profiles' });
  await dialog.getByLabel('Set name').fill(LONG_NAME);
  await dialog.getByLabel('Number of profiles').fill('100');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog.getByRole('status')).toHaveText('100 profiles generated and saved.', {
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.goto('/lifecycle');
  const select = page.getByRole('combobox', { name: /Profile set/ });
  await expect(select).toHaveAttribute('title', LONG_NAME);
  // Nothing is drawn past the window: not the select, not the page or its main scroller.
  const box = await select.boundingBox();
  expect(box === null ? Infinity : box.x + box.width).toBeLessThanOrEqual(1280);
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.getElementById('main')?.scrollWidth ?? 0,
  ]);
  expect(Math.max(...widths)).toBeLessThanOrEqual(1280);
});
