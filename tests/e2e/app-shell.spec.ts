import { test, expect } from './fixtures';

test('the app loads on the journey list and every main route renders', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profiles' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
  await expect(page).toHaveURL(/\/profiles$/);

  await page.getByRole('link', { name: 'Simulations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Simulations' })).toBeVisible();

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the mock backend answers in the demo build', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
  const health = await page.evaluate(async () => (await fetch('/api/health')).json());
  expect(health).toMatchObject({ status: 'ok', tokenAccepted: true });
});
