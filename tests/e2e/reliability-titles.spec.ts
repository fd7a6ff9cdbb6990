import { test, expect } from './fixtures';

test('each page names itself in the tab’s title, the editor by its journey as it is renamed', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Welcome series' })).toBeVisible();
  await expect(page).toHaveTitle('Journeys – Wayfinder');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Profiles' }).click();
  await expect(page).toHaveTitle('Profiles – Wayfinder');
  await nav.getByRole('link', { name: 'Forecast' }).click();
  await expect(page).toHaveTitle('Forecast – Wayfinder');

  // Two tabs on two journeys can be told apart, and a tab follows its journey's new name.
  await page.goto('/');
  await page.getByRole('link', { name: 'Welcome series' }).click();
  await expect(page).toHaveTitle('Welcome series – Wayfinder');
  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('link', { name: 'Abandoned cart' }).click();
  await expect(other).toHaveTitle('Abandoned cart – Wayfinder');
  const name = page
    .getByRole('complementary', { name: 'Step and journey settings' })
    .getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Welcome, reworked');
  await expect(page).toHaveTitle('Welcome, reworked – Wayfinder');
  await page.getByRole('link', { name: '← Journeys' }).click();
  await expect(page).toHaveTitle('Journeys – Wayfinder');

  await page.goto('/nowhere');
  await expect(page).toHaveTitle('Page not found – Wayfinder');

  // In the reader's language.
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page).toHaveTitle('Parcours – Wayfinder');
  await other.close();
});

test('moving to another page is spoken by a polite live region, a rename on the same page is not', async ({
  page,
}) => {
  const announcer = page.locator('[aria-live="polite"].route-announcer');
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Welcome series' })).toBeVisible();
  // The first page is read by the screen reader as it loads: nothing is announced.
  await expect(announcer).toHaveText('');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Profiles' }).click();
  await expect(announcer).toHaveText('Profiles – Wayfinder');
  await nav.getByRole('link', { name: 'Journeys' }).click();
  await expect(announcer).toHaveText('Journeys – Wayfinder');
  await page.getByRole('link', { name: 'Welcome series' }).click();
  await expect(announcer).toHaveText('Welcome series – Wayfinder');

  const name = page
    .getByRole('complementary', { name: 'Step and journey settings' })
    .getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Welcome, renamed');
  await expect(page).toHaveTitle('Welcome, renamed – Wayfinder');
  await expect(announcer).toHaveText('Welcome series – Wayfinder');
  await page.goBack();
  await expect(announcer).toHaveText('Journeys – Wayfinder');
});
