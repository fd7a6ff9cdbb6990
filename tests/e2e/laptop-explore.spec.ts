import { test } from './fixtures';

test('explore', async ({ page }) => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('link', { name: 'Welcome series' }).first().click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/laptop/editor-${size.width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'New journey' }).count();
  await page.goto('/');
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('radio', { name: /Blank journey/ }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Blank');
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/laptop/blank.png` });
});
